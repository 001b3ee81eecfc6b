"""
The cells of the relational tables: each record's row, link rows and citations, and a value as text.

:mod:`.tables` describes every table and column; this module fills them from
records, for the CSV data package, the SQLite database and DataFrames.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.fields import values_at

from .tables import Table, _class_columns, _specs

__all__ = ["row_of", "rows", "text_cell"]


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
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)
