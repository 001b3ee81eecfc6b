"""
Skeleton records for ``asean-digital new KIND``: an overlay of one record to fill in, every field described.

The skeleton is an overlay file's JSON: its ``"$comment"`` (which the loader
ignores) describes each field from the model's docstrings, says whether it
may be left out and what it takes. The record holds a ``FILL IN: ...``
placeholder for each required field, which the loader refuses until a
person writes the value (so an unfilled skeleton never loads as data), and
empty values for the optional ones. The descriptions come
from the same rules as the loader's and the schemas'
(:mod:`asean_digital.formats.input`).

>>> doc = skeleton("body")
>>> doc["bodies"][0]["parent"], doc["$comment"]["parent"].split(";")[0]
(None, 'optional')
>>> doc["bodies"][0]["kind"]
"FILL IN: one of 'ministerial', 'senior_officials', 'regulators', 'working_group', 'committee', ..."
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from asean_digital.model.collections import COLLECTIONS, Collection
from asean_digital.model.dates import PartialDate, Period
from asean_digital.model.fields import field_docs, is_optional, is_tuple
from asean_digital.model.parts import DocumentKind

from .input import DERIVED, PLACEHOLDER, omittable, reference_fields, type_text

__all__ = ["KINDS", "skeleton"]

KINDS: Final[dict[str, str]] = {
    **{c.kind.replace(" ", "-"): c.name for c in COLLECTIONS if c.within is None},
    "declaration": "declarations",
}
"""The kinds ``new`` makes a skeleton of (``"body"``, ``"master-plan"``), and their collections."""

_YEAR: Final = "2027"
# Values a skeleton gives beyond the placeholders of its required fields: the packaged sector
# (there is one, to start from), a declaration's listing (it is one), and a document's
# listings, which a person must choose.
_OVERRIDES: Final[dict[str, dict[str, Any]]] = {
    "sectors": {"id": "digital"},
    "documents": {"kinds": [f"{PLACEHOLDER}: one of {', '.join(repr(k.value) for k in DocumentKind)}"]},
    "declarations": {"kinds": ["declaration"]},
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
            record[a.name] = f"{PLACEHOLDER}: {type_text(a.type)}"
        else:
            record[a.name] = _placeholder(a.type, a.name)
    for a in attrs.fields(c.cls):
        if not omittable(c.cls, a, c.name):  # a person must write it: the loader refuses the placeholder
            record[a.name] = f"{PLACEHOLDER}: {type_text(a.type)}"
    if c.name in {"bodies", "sectors"}:
        del record["names"]  # derived from name, acronym and established
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
        "about": f"One {c.kind} ({c.summary}). Write each {PLACEHOLDER} value (the loader refuses "
        "them as they are), delete the fields you leave out, then run: asean-digital validate FILE",
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
