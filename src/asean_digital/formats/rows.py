"""
Records as plain rows: JSON-safe dicts for tables, CSV and DataFrames.

:func:`to_records` gives what the library's converter unstructures;
:func:`to_dataframe` and :func:`to_polars` give the typed columns of the
records' tables (the CSV export has them). pandas and polars are
imported on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.parts import Erratum

from .cells import flat_cell, row_of
from .convert import converter
from .tables import Column, columns_of

if TYPE_CHECKING:
    import pandas
    import polars

__all__ = ["MATCH_COLUMNS", "match_row", "table_of", "to_dataframe", "to_polars", "to_records", "unstructure"]


MATCH_COLUMNS: Final = (
    Column("score", "number", "How well it matches, from 0 (barely) to 1 (a whole key, exactly).", True),
    Column("kind", "string", "The kind of record found (Body, Document, Meeting, ...).", True),
    Column("id", "string", "The id of the record found.", True),
    Column("key", "string", "The key or text of the record that matched best.", True),
    Column("field", "string", "The field that text is in.", True),
    Column("snippet", "string", "A short window of that text around what matched.", True),
)
"""The columns of a table of search matches: the record found is named by its kind and id."""


ERRATUM_COLUMNS: Final = (
    Column("kind", "string", "The kind of record the erratum is attached to (Body, Meeting, ...).", True),
    Column("id", "string", "The id of that record (a relation's: subject predicate object).", True),
    Column("field", "string", "The field concerned; empty for the record as a whole.", True),
    Column("kept", "string", "The value the data keeps.", True),
    Column("stated", "string", "What the contradicting statement says.", True),
    Column("note", "string", "Why the kept value is kept.", True),
    Column("sources", "string", "The ids of the source documents of the contradicting statement.", True),
)
"""The columns of a table of errata, as :meth:`Registry.errata <asean_digital.Registry.errata>` gives them."""


def _is_erratum_pair(item: Any) -> bool:
    return isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Erratum)


def erratum_row(pair: tuple[Any, Erratum]) -> dict[str, Any]:
    """A (record, erratum) pair as a row of :data:`ERRATUM_COLUMNS`."""
    record, erratum = pair
    ident = getattr(record, "id", None)
    if ident is None:  # a relation
        ident = f"{record.subject} {record.predicate.value} {record.object}"
    return {
        "kind": type(record).__name__,
        "id": str(ident),
        "field": erratum.field,
        "kept": erratum.kept,
        "stated": erratum.stated,
        "note": erratum.note,
        "sources": ", ".join(s.document for s in erratum.sources),
    }


def _is_match(item: Any) -> bool:
    return hasattr(item, "entity") and hasattr(item, "score")


def _is_match_class(cls: type | None) -> bool:
    return cls is not None and attrs.has(cls) and {"entity", "score"} <= {a.name for a in attrs.fields(cls)}


def match_row(match: Any) -> dict[str, Any]:
    """A search match as a row of :data:`MATCH_COLUMNS`."""
    return {
        "score": match.score,
        "kind": type(match.entity).__name__,
        "id": str(getattr(match.entity, "id", "")),
        "key": match.key,
        "field": match.field,
        "snippet": match.snippet,
    }


def unstructure(item: Any) -> dict[str, Any]:
    """One record (or search match: its row of :data:`MATCH_COLUMNS` and the record) as a JSON-safe dict."""
    conv = converter()
    if _is_match(item):
        return {**match_row(item), "entity": conv.unstructure(item.entity)}
    if _is_erratum_pair(item):
        return erratum_row(item)
    data: dict[str, Any] = conv.unstructure(item)
    return data


def to_records(items: Iterable[Any], *, flat: bool = False) -> list[dict[str, Any]]:
    """
    JSON-safe dicts for records: dates as ISO text, enums as their values.

    Args:
        items: Records, such as a query's result.
        flat: Whether to make every value a scalar for a table: nested
            values (lists, records) become JSON text and ``None`` stays.

    Returns:
        One dict per record, keys in field order.

    >>> import asean_digital as ad
    >>> rows = ad.to_records(ad.registry.bodies(established_before=2000), flat=True)
    >>> rows[0]["id"], rows[0]["established"], rows[0]["kind"]
    ('atrc', '1995', 'regulators')
    >>> rows[0]["meetings"][:16]
    '[{"description":'
    """
    rows = [unstructure(item) for item in items]
    if not flat:
        return rows
    return [{k: flat_cell(v) for k, v in row.items()} for row in rows]


def table_of(items: Iterable[Any], *, flat: bool = False) -> tuple[list[Column], list[dict[str, Any]]] | None:
    """
    The table columns and rows of records or search matches (``None`` for anything else).

    The columns are those of the records' classes, or for none of the
    class *items* says it holds (:attr:`Results.kind
    <asean_digital.Results.kind>`), so an empty result has its columns too.
    Values are Python values (dates as dates), nested values JSON text
    with *flat*.
    """
    records = list(items)
    kind = getattr(items, "kind", None)
    if (records and all(_is_match(r) for r in records)) or (not records and _is_match_class(kind)):
        return list(MATCH_COLUMNS), [match_row(m) for m in records]
    if records and all(_is_erratum_pair(r) for r in records):
        return list(ERRATUM_COLUMNS), [erratum_row(pair) for pair in records]
    held = (
        [] if kind is None else [kind, *(c.cls for c in COLLECTIONS if c.within and issubclass(c.cls, kind))]
    )
    classes = list(dict.fromkeys([*held, *(type(r) for r in records)]))
    if (
        not classes
        or not all(attrs.has(cls) for cls in classes)
        or any(not isinstance(r, kind or object) for r in records)
    ):
        return None
    columns: dict[str, Column] = {}
    for cls in classes:  # a documents query holds declarations too
        for column in columns_of(cls):
            columns.setdefault(column.name, column)
    rows = []
    for record in records:
        row = row_of(record)
        if flat:
            row = {k: flat_cell(v) for k, v in row.items()}
        rows.append({name: row.get(name) for name in columns})
    return list(columns.values()), rows


_PANDAS_TYPES: Final = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "datetime64[s]",
}


def to_dataframe(items: Iterable[Any], *, flat: bool = False) -> pandas.DataFrame:
    """
    A pandas DataFrame of records, one row each, with the columns of their table in a CSV export.

    Columns have real types: text is ``string``, integers ``Int64`` and
    booleans ``boolean`` (both allowing missing values), and each partial
    date is its text plus ``<name>_earliest`` and ``<name>_latest`` as
    ``datetime64`` (a period: ``<name>_start`` and ``<name>_end``). Nested
    values (naming histories, sources) are Python lists and dicts, or
    JSON text with *flat*. Search matches are rows of ``score`` (``Float64``),
    ``kind``, ``id``, ``key``, ``field`` and ``snippet``; an empty query
    result still has its collection's columns; other values become rows
    of their :func:`to_records`.

    Args:
        items: Records, such as a query's result.
        flat: Nested values as JSON text rather than lists and dicts.

    Raises:
        ImportError: pandas is not installed (``pip install 'asean-digital[pandas]'``).

    >>> import asean_digital as ad
    >>> df = ad.to_dataframe(ad.registry.member_states())
    >>> df.shape, list(df.columns[:7])
    ((11, 11), ['id', 'name', 'alpha3', 'joined', 'joined_earliest', 'joined_latest', 'joined_precision'])
    >>> str(df["joined_earliest"].dtype), str(df["founding"].dtype), type(df["aliases"][0]).__name__
    ('datetime64[s]', 'boolean', 'list')
    >>> ad.to_dataframe(ad.registry.search("TELMIN", limit=1)).iloc[0].to_dict()["id"]
    'adgmin'
    >>> ad.to_dataframe(ad.registry.bodies(established_before=1900)).shape
    (0, 20)
    """
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError:
        msg = "to_dataframe needs pandas: install it with pip install 'asean-digital[pandas]'"
        raise ImportError(msg) from None
    table = table_of(items, flat=flat)
    if table is None:
        return pd.DataFrame.from_records(to_records(items, flat=True)).convert_dtypes()
    columns, rows = table
    data = {}
    for column in columns:
        values = [row[column.name] for row in rows]
        kind = "string" if flat and column.type in {"array", "object"} else _PANDAS_TYPES.get(column.type)
        data[column.name] = pd.Series(values, dtype=kind) if kind else pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[c.name for c in columns])


def to_polars(items: Iterable[Any]) -> polars.DataFrame:
    """
    A polars DataFrame of records, typed as :func:`to_dataframe` types them.

    Text is ``Utf8``, integers ``Int64``, booleans ``Boolean``, dates
    ``Date``; a list of ids or words is a ``List(Utf8)``, and other nested
    values (naming histories, sources) are JSON text.

    Raises:
        ImportError: polars is not installed (``pip install polars``).
        TypeError: *items* are not records (search matches, say).

    >>> import asean_digital as ad
    >>> frame = ad.to_polars(ad.registry.member_states())
    >>> frame.height, str(frame.schema["joined_earliest"]), frame["founding"].sum()
    (11, 'Date', 5)
    """
    try:
        import polars as pl  # noqa: PLC0415
    except ImportError:
        msg = "to_polars needs polars: install it with pip install polars"
        raise ImportError(msg) from None
    items = list(items) if not isinstance(items, Sequence) else items
    if not items and getattr(items, "kind", None) is None:
        return pl.DataFrame()  # nothing, of no known kind: as to_dataframe gives
    table = table_of(items, flat=False)
    if table is None:
        msg = "to_polars takes records or search matches (a query's result)"
        raise TypeError(msg)
    columns, rows = table
    types = {
        "string": pl.Utf8,
        "integer": pl.Int64,
        "number": pl.Float64,
        "boolean": pl.Boolean,
        "date": pl.Date,
    }
    data: dict[str, Any] = {}
    for column in columns:
        values = [row[column.name] for row in rows]
        if column.type in types:
            data[column.name] = pl.Series(column.name, values, dtype=types[column.type])
        elif column.items == "string":  # by the model, not the rows: every result of a kind stacks
            data[column.name] = pl.Series(column.name, values, dtype=pl.List(pl.Utf8))
        else:
            text = [None if v is None else flat_cell(v) for v in values]
            data[column.name] = pl.Series(column.name, text, dtype=pl.Utf8)
    return pl.DataFrame(data)
