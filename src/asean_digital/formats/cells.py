"""
The cells of the relational tables: each record's row, link rows and citations, and a value as text.

:mod:`.tables` describes every table and column; this module fills them from
records, for the CSV data package, the SQLite database and DataFrames.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

import attrs

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.fields import values_at

from .tables import Table, _class_columns, _specs

__all__ = ["brief_text", "flat_cell", "part_text", "row_of", "rows", "text_cell"]


def rows(table: Table, stored: Callable[[str], Sequence[Any]]) -> Iterator[dict[str, Any]]:
    """
    The rows of *table*, from the records ``stored(collection)`` gives: Python values (dates as dates).

    >>> import asean_digital as ad
    >>> from asean_digital.formats.tables import tables
    >>> bodies = next(t for t in tables() if t.name == "bodies")
    >>> row = next(rows(bodies, ad.registry.stored))
    >>> row["id"], row["established"], row["established_earliest"]
    ('atrc', '1995', datetime.date(1995, 1, 1))
    """
    spec = dict(_specs())
    makers = spec[table]
    if table.name == "records":
        for c in COLLECTIONS:
            if c.keyed:
                for record in stored(c.name):
                    yield {"id": record.id, "kind": type(record).__name__, "collection": c.name}
        return
    if table.field is not None:
        yield from _link_rows(table, stored)
        return
    if table.name == "citations":
        yield from _citation_rows(stored)
        return
    sources: list[Sequence[Any]] = [stored(str(table.collection))]
    if table.name == "documents":
        sources.append(stored("declarations"))
    names = [col.name for col in table.columns]
    for records in sources:
        for record in records:
            yield dict(zip(names, (make(record) for make in makers), strict=True))


_INDEX: Final = re.compile(r"\[(\d+)\]")


def _link_rows(table: Table, stored: Callable[[str], Sequence[Any]]) -> Iterator[dict[str, Any]]:
    names = [col.name for col in table.columns]
    for record in stored(str(table.collection)):
        for path, value in values_at(record, str(table.field)):
            yield dict(zip(names, (record.id, *(int(i) for i in _INDEX.findall(path)), value), strict=True))


def _citation_rows(stored: Callable[[str], Sequence[Any]]) -> Iterator[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    for c in COLLECTIONS:
        for record in stored(c.name):
            for source in getattr(record, "sources", ()):
                for field in source.fields or (None,):
                    row = (c.name, str(record.id), field, source.document, source.section, source.derived)
                    if row not in seen:
                        seen.add(row)
                        yield dict(zip(_CITATION_COLUMNS, row, strict=True))


_CITATION_COLUMNS: Final = ("collection", "record", "field", "document", "section", "derived")


def row_of(record: Any, cls: type | None = None) -> dict[str, Any]:
    """*record* as a row of the columns of *cls* (default: its own class): Python values, dates as dates."""
    return {column.name: get(record) for column, get in _class_columns(cls or type(record))}


def flat_cell(value: Any) -> Any:
    """
    A cell's value as a flat table holds it: nested values as JSON text, dates as ISO text.

    Strings, numbers, booleans and ``None`` stay as they are (SQLite stores a
    boolean as 0 or 1).

    >>> import datetime
    >>> flat_cell(["a", "b"]), flat_cell({"k": 1}), flat_cell(datetime.date(2001, 7, 13)), flat_cell(3)
    ('["a", "b"]', '{"k": 1}', '2001-07-13', 3)
    """
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def text_cell(value: Any) -> str:
    """
    A cell's value as CSV text that the data package's schema reads back.

    >>> import datetime
    >>> text_cell(None), text_cell(True), text_cell(datetime.date(2001, 7, 13)), text_cell(["a", "b"])
    ('', 'true', '2001-07-13', '["a", "b"]')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(flat_cell(value))


def brief_text(value: Any) -> str:
    """
    A field's value as a terminal's table shows it: values joined, dates as text, nested records counted.

    >>> import asean_digital as ad
    >>> b = ad.registry.body("ATRC")
    >>> brief_text(b.kind), brief_text(b.established), brief_text(b.names), brief_text(None)
    ('regulators', '1995', '2', '')
    """
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        if value and attrs.has(type(value[0])):
            return str(len(value))
        return ", ".join(brief_text(v) for v in value)
    return str(value)


def part_text(value: Any) -> str:
    """
    A part of a record (a name in its history, a meeting series, a chair) as one line of text.

    A part with a text form of its own (a name, a participant) shows it,
    after its role where it has one and with its period of validity where it
    has one; another lists its fields that hold something, as ``field: value``.

    >>> import asean_digital as ad
    >>> part_text(ad.registry.body("ADGMIN").names[-1])
    'ASEAN Digital Ministers Meeting (ADGMIN), 2019-10/..'
    >>> part_text(ad.registry.meeting("12th TELMIN").participants[0])
    'chair: Mario G. Montejo (PH)'
    >>> part_text(ad.registry.body("SSM").meetings[0]).split("; ")[1:]
    ['per_year: 1', 'back_to_back_with: adgsom-wg, atrc-wg']
    """
    if not attrs.has(type(value)):
        return brief_text(value)
    if vars(type(value)).get("__str__") is not None:  # a text form of its own
        valid = getattr(value, "valid", None)
        role = getattr(value, "role", None)
        text = str(value) if role is None else f"{role.value}: {value}"
        return text if valid is None else f"{text}, {valid}"
    shown = ((a.name, getattr(value, a.name)) for a in attrs.fields(type(value)))
    return "; ".join(
        f"{name}: {part_text(v) if attrs.has(type(v)) else brief_text(v)}"
        for name, v in shown
        if v not in (None, (), "", False)
    )
