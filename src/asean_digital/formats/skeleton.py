"""
Skeleton records for ``asean-digital new KIND``: a valid overlay of one record, every field described.

The skeleton is an overlay file's JSON: its ``"$comment"`` (which the loader
ignores) describes each field from the model's docstrings, says whether it
may be left out and what it takes; the record itself holds a placeholder
for every field that loads as it is, ready to fill. The descriptions come
from the same rules as the loader's and the schemas'
(:mod:`asean_digital.formats.input`).

>>> doc = skeleton("body")
>>> doc["bodies"][0]["parent"], doc["$comment"]["parent"].split(";")[0]
('adgsom', 'optional')
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from asean_digital.model.collections import COLLECTIONS, Collection
from asean_digital.model.dates import PartialDate, Period
from asean_digital.model.fields import field_docs, is_optional, is_tuple

from .input import DERIVED, omittable, reference_fields, type_text

__all__ = ["KINDS", "skeleton"]

KINDS: Final[dict[str, str]] = {
    **{c.kind.replace(" ", "-"): c.name for c in COLLECTIONS if c.within is None},
    "declaration": "declarations",
}
"""The kinds ``new`` makes a skeleton of (``"body"``, ``"master-plan"``), and their collections."""

_YEAR: Final = "2027"
# Placeholders that agree with the packaged data, so that every skeleton loads as it is.
_OVERRIDES: Final[dict[str, dict[str, Any]]] = {
    "sources": {"id": "my-source"},
    "sectors": {"id": "digital"},
    "bodies": {"parent": "adgsom", "kind": "working_group", "acronym": "NEW-WG"},
    "documents": {"kinds": ["publication"]},
    "declarations": {
        "kinds": ["declaration"],
        "body": "adgmin",
        "meeting_number": 8,
        "meeting_name": "8th ADGMIN",
        "city": "Vientiane",
        "host": "LA",
    },
    "meetings": {
        "id": "adgmin-8",
        "body": "adgmin",
        "number": 8,
        "name": "8th ADGMIN",
        "city": "Vientiane",
        "host": "LA",
    },
    "master_plans": {
        "acronym": "NEW-PLAN",
        "thrusts": [{"number": 1, "title": "A thrust", "description": None}],
    },
    "member_states": {"id": "XX", "alpha3": "XXX"},
    "partners": {"id": "XP"},
    # No relation the packaged data states, so that the skeleton adds one and replaces none.
    "relations": {"subject": "adgsom-wg", "predicate": "partners_with", "object": "atrc-wg"},
}


def skeleton(kind: str) -> dict[str, Any]:
    """
    An overlay holding one placeholder record of *kind* (``"body"``, ``"declaration"``, ...), described.

    Raises:
        ValueError: *kind* is not one of :data:`KINDS`.
    """
    name = KINDS.get(kind.strip().lower().replace("_", "-").replace(" ", "-"))
    if name is None:
        msg = f"kind must be one of {', '.join(KINDS)}; got {kind!r}"
        raise ValueError(msg)
    c = next(c for c in COLLECTIONS if c.name == name)
    word = next(k for k, v in KINDS.items() if v == name).replace("-", " ")
    record = _record(c, word)
    comment = _describe(c)
    comment["about"] = comment["about"].replace(f"One {c.kind} ", f"One {word} ", 1)
    return {"$comment": comment, name: [record]}


def _record(c: Collection, word: str) -> dict[str, Any]:
    overrides = _OVERRIDES.get(c.name, {})
    label = word.replace(" ", "-")  # "declaration": its id differs from a document skeleton's
    record: dict[str, Any] = {}
    for a in attrs.fields(c.cls):
        if a.name in overrides:
            record[a.name] = overrides[a.name]
        elif a.name == "id":
            record[a.name] = f"new-{label}"
        elif a.name in {"name", "title"}:
            record[a.name] = f"New {word}"
        else:
            record[a.name] = _placeholder(a.type, a.name)
    if c.name == "bodies":
        record["names"] = [
            {"name": record["name"], "acronym": record["acronym"], "valid": {"start": _YEAR, "end": None}}
        ]
        record["established"] = _YEAR
    if c.name == "sectors":
        record["names"] = [{"name": record["name"], "acronym": None, "valid": {"start": None, "end": None}}]
    return record


def _placeholder(t: Any, name: str) -> Any:
    if is_tuple(t):
        return []
    if is_optional(t):
        return None
    if t is PartialDate:
        return _YEAR
    if t is Period:
        return {"start": _YEAR, "end": None}
    if t is str:
        return f"your {name.replace('_', ' ')}"
    if t is int:
        return 1
    if t is bool:
        return False
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return next(iter(t)).value
    if isinstance(t, type) and attrs.has(t):
        return {a.name: _placeholder(a.type, a.name) for a in attrs.fields(t)}
    return None


def _describe(c: Collection) -> dict[str, str]:
    """Each field of *c*'s records: whether it may be left out, what it takes, what it is."""
    docs = field_docs(c.cls)
    derived = DERIVED.get(c.name, {})
    references = {path.removesuffix("[]"): kind for path, kind in reference_fields(c.name).items()}
    out = {
        "about": f"One {c.kind} ({c.summary}). Fill in the record, delete the fields you leave out, "
        "then run: asean-digital validate FILE",
    }
    for a in attrs.fields(c.cls):
        if a.name in derived:
            need = f"derived ({derived[a.name]})"
        elif omittable(c.cls, a, c.name):
            need = "optional"
        else:
            need = "required"
        words = [need, type_text(a.type), docs.get(a.name, "").rstrip(".")]
        if a.name in references:
            words.append(f"any key of a {references[a.name]} (an id, acronym, name or alias)")
        if a.name == "sources":
            words.append(
                "the overlay file itself is cited last; add {document, section} citations "
                "of your own source documents"
            )
        out[a.name] = "; ".join(w for w in words if w)
    return out
