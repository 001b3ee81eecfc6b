"""
JSON Schemas of the data files, derived from the attrs model.

The shipped schemas (``asean_digital/schema/*.schema.json``) are written by
:func:`write_schemas` and held in step with the model by a test; editors and
other languages can check an overlay against them without this library.
They say what an overlay may write: every field described (from the model's
docstrings), only the fields that cannot be left out required, and
reference fields open to any key (see :mod:`asean_digital.formats.input`).
"""

from __future__ import annotations

import enum
import json
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.collections import collection as table_collection
from asean_digital.model.dates import PartialDate
from asean_digital.model.fields import field_docs, types_of

from .input import DERIVED, omittable, reference_fields

__all__ = ["file_schema", "type_schema", "write_schemas"]

_PARTIAL_DATE = {
    "anyOf": [
        {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
        {"type": "integer", "minimum": 1, "maximum": 9999},
    ],
    "description": "A date to the year, month or day ('2001', '2001-07', '2001-07-15'), or a year 2001.",
}


def type_schema(tp: Any) -> dict[str, Any]:
    """
    The JSON Schema of a field of type *tp*, as the converter reads it.

    >>> type_schema(int | None)
    {'anyOf': [{'type': 'integer'}, {'type': 'null'}]}
    """
    if tp is PartialDate:
        return dict(_PARTIAL_DATE)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        return _class_schema(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple:
        return {"type": "array", "items": type_schema(args[0])}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [type_schema(a) if a is not type(None) else {"type": "null"} for a in args]}
    msg = f"no JSON Schema for {tp!r}"
    raise TypeError(msg)


def _class_schema(cls: type, collection: str | None = None) -> dict[str, Any]:
    """
    The schema of a record of *cls*: what an overlay may write (see :mod:`asean_digital.formats.input`).

    Fields that may be null or are arrays may be omitted, and so may those
    derived from others (*collection*'s :data:`~asean_digital.formats.input.DERIVED`);
    reference fields take any key that finds a record of their kind.
    """
    hints = types_of(cls)
    fields = attrs.fields(cls)
    docs = field_docs(cls)
    derived = DERIVED.get(collection or "", {})
    references = {path.removesuffix("[]"): kind for path, kind in reference_fields(collection or "").items()}
    properties = {}
    for f in fields:
        schema = type_schema(hints[f.name])
        words = [docs.get(f.name, "")]
        if f.name in references:
            words.append(
                f"The id of a {references[f.name]}, or any key that finds one (an acronym, a name, an "
                "alias, a former name): resolved to the id when loaded."
            )
        if f.name in derived:
            words.append(f"Derived: {derived[f.name]}.")
        text = " ".join(w for w in words if w)
        properties[f.name] = {"description": text, **schema} if text else schema
    return {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in fields if not omittable(cls, f, collection)],
        "additionalProperties": False,
    }


def file_schema(collection: str) -> dict[str, Any]:
    """The JSON Schema of a data file holding *collection* (``"bodies"``, ...)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://asean-digital.readthedocs.io/schema/{collection}.schema.json",
        "title": f"asean_digital {collection} file",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "$comment": {"description": "Notes of your own, such as what asean-digital new writes; ignored."},
            "data_version": {"type": "string"},
            collection: {
                "type": "array",
                "items": _class_schema(table_collection(collection).cls, collection),
            },
        },
        "additionalProperties": False,
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write one schema per collection into *folder*; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for collection in (c.name for c in COLLECTIONS):
        path = folder / f"{collection}.schema.json"
        path.write_text(
            json.dumps(file_schema(collection), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        paths.append(path)
    return paths
