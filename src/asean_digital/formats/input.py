"""
Forgiving input: what an overlay record may leave out, and how the loader completes it.

The records a registry holds are strict (every field, references as ids);
what a person writes need not be. Before an overlay's records are
structured, each is completed:

- a field that may be null may be omitted (it is null), and an array field
  may be omitted (it is empty);
- fields that follow from others are derived where absent: a body with one
  name gets its naming history (that name, its acronym, from its
  establishment), a body with a naming history gets its current name and
  acronym and its establishment from it, and a declaration is listed as a
  declaration.

References are resolved after the merge (:mod:`asean_digital.loading.resolve`).
The packaged files are read as they are, without completion. The JSON
Schemas (:mod:`asean_digital.formats.schema`) and the skeletons of ``asean-digital
new`` say exactly what this module accepts, from the same rules.

>>> complete("declarations", {"id": "x"})["kinds"]
['declaration']
>>> complete("bodies", {"name": "Example Group", "acronym": "EG", "established": "2024"})["names"]
[{'name': 'Example Group', 'acronym': 'EG', 'valid': {'start': '2024', 'end': None}}]
"""

from __future__ import annotations

import enum
import functools
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from asean_digital.model.collections import COLLECTIONS, collection
from asean_digital.model.fields import (
    field_docs,
    fields_of,
    is_optional,
    is_tuple,
    record_class_in,
    without_none,
)

__all__ = [
    "DERIVED",
    "complete",
    "explain_missing",
    "explain_unknown",
    "omittable",
    "reference_fields",
    "type_at",
    "type_text",
]


DERIVED: Final[dict[str, dict[str, str]]] = {
    "bodies": {
        "names": "one name, from name, acronym and established, when absent",
        "name": "the name of the last of names, when absent",
        "acronym": "the acronym of the last of names, when absent",
        "established": "the start of the first of names, when absent",
    },
    "declarations": {
        "kinds": "['declaration'], when absent",
        "meeting": "the meeting of its body that meeting_name and meeting_number name, when absent",
    },
}
"""Per collection, the fields derived from others when absent, and how."""


def omittable(cls: type, field: attrs.Attribute[Any], collection_name: str | None = None) -> bool:
    """Whether an overlay may omit *field* of *cls*: it has a default, is nullable, an array, or derived."""
    if field.default is not attrs.NOTHING or is_optional(field.type) or is_tuple(field.type):
        return True
    return collection_name is not None and field.name in DERIVED.get(collection_name, {})


PLACEHOLDER: Final = "FILL IN"
"""How a value of a skeleton (``asean-digital new KIND``) begins until a person writes the real one."""


def placeholders(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """
    The JSON paths and texts of the skeleton's placeholders still in *value*: what is not filled in yet.

    >>> list(placeholders({"title": "FILL IN: the title", "aliases": ["ok"]}, "$.documents[0]"))
    [('$.documents[0].title', 'FILL IN: the title')]
    """
    if isinstance(value, str):
        if value.startswith(PLACEHOLDER):
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from placeholders(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from placeholders(item, f"{path}[{i}]")


def complete(collection_name: str, item: Any) -> Any:
    """
    *item*, a JSON record of the collection *collection_name*, with what it may leave out filled in.

    Anything not of the expected shape is left as it is, for structuring to
    refuse in its own words.
    """
    if not isinstance(item, dict):
        return item
    item = dict(item)
    if collection_name == "bodies":
        _complete_names(item)
    elif collection_name == "declarations" and "kinds" not in item:
        item["kinds"] = ["declaration"]
    return _defaults(collection(collection_name).cls, item)


def _complete_names(item: dict[str, Any]) -> None:
    names = item.get("names")
    if names is None and "names" not in item and isinstance(item.get("name"), str):
        # A wrong value is reported once, where it was given: the derived name does not repeat it.
        established = item.get("established")
        year = isinstance(established, int) and not isinstance(established, bool)
        start = established if isinstance(established, str) or year else None
        acronym = item.get("acronym") if isinstance(item.get("acronym"), str) else None
        item["names"] = [{"name": item["name"], "acronym": acronym, "valid": {"start": start, "end": None}}]
        return
    if not isinstance(names, list) or not names or not all(isinstance(n, dict) for n in names):
        return
    last, first = names[-1], names[0]
    if "name" not in item and "name" in last:
        item["name"] = last["name"]
    if "acronym" not in item and "acronym" in last:
        item["acronym"] = last["acronym"]
    valid = first.get("valid")
    if "established" not in item and isinstance(valid, dict) and "start" in valid:
        item["established"] = valid["start"]


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Any, type | None], ...]:
    """Each field of *cls*: its name, what an omitted value becomes (``...``: left out), its record class."""
    plan = []
    for a in fields_of(cls):
        omitted: Any = ...
        if a.default is attrs.NOTHING:
            omitted = None if is_optional(a.type) else [] if is_tuple(a.type) else ...
        plan.append((a.name, omitted, record_class_in(a.type)))
    return tuple(plan)


def _defaults(cls: type, item: dict[str, Any]) -> dict[str, Any]:
    for name, omitted, inner in _plan(cls):
        if name not in item:
            if omitted is not ...:
                item[name] = [] if isinstance(omitted, list) else omitted  # a new list each time
            continue
        if inner is None:
            continue
        value = item[name]
        if isinstance(value, dict):
            item[name] = _defaults(inner, dict(value))
        elif isinstance(value, list):
            item[name] = [_defaults(inner, dict(v)) if isinstance(v, dict) else v for v in value]
    return item


_PATH_STEP: Final = re.compile(r"\.(\w+)|\[(\d+)\]")


def type_at(cls: type, path: str) -> Any:
    """
    The field type at the JSON path *path* inside a record of *cls* (``None`` where it leads nowhere).

    >>> from asean_digital import Body, Period
    >>> type_at(Body, ".names[0].valid") is Period
    True
    """
    t: Any = cls
    for field, _index in _PATH_STEP.findall(path):
        t = without_none(t)
        if field:
            if not (isinstance(t, type) and attrs.has(t)):
                return None
            found = {a.name: a for a in fields_of(t)}.get(field)
            if found is None:
                return None
            t = found.type
        elif is_tuple(t):
            t = typing.get_args(t)[0]
        else:
            return None
    return without_none(t)


def type_text(t: Any) -> str:
    """
    What a JSON value of the field type *t* is, in words.

    >>> from asean_digital import PartialDate, BodyKind
    >>> type_text(PartialDate | None), type_text(tuple[str, ...])
    ("a date like '2024', '2024-07' or '2024-07-15', or null", 'an array of strings')
    """
    if is_optional(t):
        return f"{type_text(without_none(t))}, or null"
    if is_tuple(t):
        item = typing.get_args(t)[0]
        inner = type_text(item).removeprefix("a ").removeprefix("an ")
        plural = "objects" if inner.startswith("object") else f"{inner}s" if " " not in inner else inner
        return f"an array of {plural}"
    words = {str: "a string", int: "an integer", bool: "true or false"}
    if t in words:
        return words[t]
    if getattr(t, "__name__", "") == "PartialDate":
        return "a date like '2024', '2024-07' or '2024-07-15'"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return "one of " + ", ".join(repr(m.value) for m in t)
    if isinstance(t, type) and attrs.has(t):
        return f"an object ({', '.join(a.name for a in fields_of(t))})"
    return str(t)


def explain_missing(cls: type, path: str) -> str:
    """
    What the missing field at *path* (in a record of *cls*) is, and that it must be given.

    >>> from asean_digital import Partner
    >>> explain_missing(Partner, ".name")
    'required field missing: give name, a string: The full name.'
    """
    head, _, name = path.rpartition(".")
    owner = type_at(cls, head)
    if not (isinstance(owner, type) and attrs.has(owner)):
        return "required field missing"
    fields = {a.name: a for a in fields_of(owner)}
    if name not in fields:
        return "required field missing"
    doc = field_docs(owner).get(name, "")
    return f"required field missing: give {name}, {type_text(fields[name].type)}" + (
        f": {doc}" if doc else ""
    )


def explain_unknown(cls: type, path: str, extra: Iterable[str]) -> str:
    """
    Which fields at *path* (in a record of *cls*) are unknown, with the closest known ones.

    >>> from asean_digital import Partner
    >>> explain_unknown(Partner, "", ["nmae"])
    "unknown field(s) nmae (did you mean 'name'?); a Partner's fields are id, name, kind, aliases, ..."
    >>> from asean_digital import Meeting
    >>> explain_unknown(Meeting, "", ["chair"]).split(": give ")[0]
    'chair is now a view of participants, not a field'
    >>> explain_unknown(Meeting, "", ["virtual"]).split(" (")[0]
    'virtual is no longer a field: give "mode": "virtual", "in_person" or "hybrid"'
    """
    import difflib  # noqa: PLC0415 - only a refused record needs it

    names = sorted(extra)
    shown = ", ".join(n if n.isidentifier() else repr(n) for n in names)
    owner = type_at(cls, path)
    if not (isinstance(owner, type) and attrs.has(owner)):
        return f"unknown field(s) {shown}"
    known = [a.name for a in fields_of(owner)]
    views = [n for n in names if n in getattr(owner, "VIEWS", ())]
    if views:  # a meeting's chair: no longer a field of the files, a participant in that role
        roles = ", ".join(f'{{..., "role": "{v.replace("_", "-")}"}}' for v in views)
        return (
            f"{', '.join(views)} is now a view of participants, not a field: give "
            f'"participants": [{roles}] (same person, name, title, member_state)'
        )
    former = getattr(owner, "FORMER_FIELDS", {})
    if any(n in former for n in names):  # a field the files no longer take: what to give instead
        return "; ".join(f"{n} is no longer a field: {former[n]}" for n in names if n in former)
    close = [m for n in names for m in difflib.get_close_matches(n, known, n=1)]
    hint = f" (did you mean {' or '.join(repr(c) for c in dict.fromkeys(close))}?)" if close else ""
    return f"unknown field(s) {shown}{hint}; a {owner.__name__}'s fields are {', '.join(known)}"


def reference_fields(collection_name: str) -> dict[str, str]:
    """
    The top-level and nested reference fields of *collection_name*, by field path, with the kind they name.

    >>> reference_fields("declarations")["host"]
    'member state'
    """
    out: dict[str, str] = {}
    for c in COLLECTIONS:
        if c.name != collection_name:
            continue
        for r in c.references:
            out[r.field] = "record" if r.target == "*" else collection(r.target).kind
    return out
