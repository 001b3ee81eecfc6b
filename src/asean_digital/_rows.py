"""
Records as plain rows: JSON-safe dicts for tables, CSV and DataFrames.

The rows are what the library's converter unstructures; pandas is needed
only for :func:`to_dataframe` and is imported on first use.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._convert import converter

if TYPE_CHECKING:
    import pandas

__all__ = ["to_dataframe", "to_records", "unstructure"]


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


def to_dataframe(items: Iterable[Any]) -> pandas.DataFrame:
    """
    A pandas DataFrame of records, one row each, nested values as JSON text.

    Raises:
        ImportError: pandas is not installed (``pip install 'asean-digital[pandas]'``).

    >>> import asean_digital as ad
    >>> df = ad.to_dataframe(ad.registry.member_states())
    >>> df.shape, list(df.columns[:4])
    ((11, 8), ['id', 'name', 'alpha3', 'joined'])
    """
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError:
        msg = "to_dataframe needs pandas: install it with pip install 'asean-digital[pandas]'"
        raise ImportError(msg) from None
    rows = to_records(items, flat=True)
    return pd.DataFrame.from_records(rows).convert_dtypes()
