"""
Records as plain rows: JSON-safe dicts for tables, CSV and DataFrames.

:func:`to_records` gives what the library's converter unstructures;
:func:`to_dataframe` and :func:`to_polars` give the typed columns of the
records' tables (the CSV export has them). pandas and polars are
imported on first use.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._convert import converter
from ._tables import Column, columns_of, row_of

if TYPE_CHECKING:
    import pandas
    import polars

__all__ = ["to_dataframe", "to_polars", "to_records", "unstructure"]


def unstructure(item: Any) -> dict[str, Any]:
    """One record (or search match) as a JSON-safe dict."""
    conv = converter()
    if hasattr(item, "entity") and hasattr(item, "score"):  # a search Match
        return {
            "score": item.score,
            "key": item.key,
            "field": item.field,
            "snippet": item.snippet,
            "kind": type(item.entity).__name__,
            "entity": conv.unstructure(item.entity),
        }
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
    return [
        {
            k: v if v is None or (isinstance(v, str | int | float)) else json.dumps(v, ensure_ascii=False)
            for k, v in row.items()
        }
        for row in rows
    ]


def _columns_and_rows(
    items: Iterable[Any], *, flat: bool
) -> tuple[list[Column], list[dict[str, Any]]] | None:
    """The table columns and rows of records (``None`` for anything else, such as search matches)."""
    records = list(items)
    if not records or not all(attrs.has(type(r)) for r in records):
        return None
    columns: dict[str, Column] = {}
    for cls in dict.fromkeys(type(r) for r in records):  # a documents query holds declarations too
        for column in columns_of(cls):
            columns.setdefault(column.name, column)
    rows = []
    for record in records:
        row = row_of(record)
        if flat:
            row = {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
        rows.append({name: row.get(name) for name in columns})
    return list(columns.values()), rows


_PANDAS_TYPES: Final = {"string": "string", "integer": "Int64", "boolean": "boolean", "date": "datetime64[s]"}


def to_dataframe(items: Iterable[Any], *, flat: bool = False) -> pandas.DataFrame:
    """
    A pandas DataFrame of records, one row each, with the columns of their table in a CSV export.

    Columns have real types: text is ``string``, integers ``Int64`` and
    booleans ``boolean`` (both allowing missing values), and each partial
    date is its text plus ``<name>_earliest`` and ``<name>_latest`` as
    ``datetime64`` (a period: ``<name>_start`` and ``<name>_end``). Nested
    values (naming histories, sources) are Python lists and dicts, or
    JSON text with *flat*. Search matches and other values become rows of
    their :func:`to_records`.

    Args:
        items: Records, such as a query's result.
        flat: Nested values as JSON text rather than lists and dicts.

    Raises:
        ImportError: pandas is not installed (``pip install 'asean-digital[pandas]'``).

    >>> import asean_digital as ad
    >>> df = ad.to_dataframe(ad.registry.member_states())
    >>> df.shape, list(df.columns[:6])
    ((11, 10), ['id', 'name', 'alpha3', 'joined', 'joined_earliest', 'joined_latest'])
    >>> str(df["joined_earliest"].dtype), str(df["founding"].dtype), type(df["aliases"][0]).__name__
    ('datetime64[s]', 'boolean', 'list')
    """
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError:
        msg = "to_dataframe needs pandas: install it with pip install 'asean-digital[pandas]'"
        raise ImportError(msg) from None
    table = _columns_and_rows(items, flat=flat)
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
    """
    try:
        import polars as pl  # noqa: PLC0415
    except ImportError:
        msg = "to_polars needs polars: install it with pip install polars"
        raise ImportError(msg) from None
    table = _columns_and_rows(items, flat=False)
    if table is None:
        msg = "to_polars takes records (a query's result)"
        raise TypeError(msg)
    columns, rows = table
    types = {"string": pl.Utf8, "integer": pl.Int64, "boolean": pl.Boolean, "date": pl.Date}
    data: dict[str, Any] = {}
    for column in columns:
        values = [row[column.name] for row in rows]
        if column.type in types:
            data[column.name] = pl.Series(column.name, values, dtype=types[column.type])
        elif all(v is None or (isinstance(v, list) and all(isinstance(x, str) for x in v)) for v in values):
            data[column.name] = pl.Series(column.name, values, dtype=pl.List(pl.Utf8))
        else:
            text = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
            data[column.name] = pl.Series(column.name, text, dtype=pl.Utf8)
    return pl.DataFrame(data)
