"""
JSON Schemas of the data files, derived from the attrs model.

The shipped schemas (``asean_digital/schema/*.schema.json``) are written by
:func:`write_schemas` and held in step with the model by a test; editors and
other languages can check an overlay against them without this library.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from ._collections import COLLECTIONS
from ._collections import collection as table_collection
from ._dates import PartialDate

__all__ = ["file_schema", "type_schema", "write_schemas"]

_PARTIAL_DATE = {
    "type": "string",
    "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
    "description": "A date at year, month or day precision: 2001, 2001-07 or 2001-07-15.",
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


def _class_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    return {
        "type": "object",
        "properties": {f.name: type_schema(hints[f.name]) for f in fields},
        "required": [f.name for f in fields if f.default is attrs.NOTHING],
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
            "data_version": {"type": "string"},
            collection: {"type": "array", "items": _class_schema(table_collection(collection).cls)},
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
