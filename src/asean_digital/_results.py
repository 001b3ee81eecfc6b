""":class:`Results`: the tuple every collection query returns, with display and conversion."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import pandas

__all__ = ["Results"]

T = TypeVar("T")


class Results(tuple[T, ...], Generic[T]):
    """
    The records a query returns: a plain :class:`tuple` that also converts and displays itself.

    It compares, slices, hashes and unpacks as a tuple; in Jupyter it shows
    as a table.

    >>> import asean_digital as ad
    >>> found = ad.registry.bodies(established_before=2000)
    >>> found == (ad.registry.body("ATRC"),), isinstance(found, tuple)
    (True, True)
    >>> found.to_records()[0]["id"]
    'atrc'
    """

    __slots__ = ()

    def to_records(self, *, flat: bool = False) -> list[dict[str, Any]]:
        """The records as JSON-safe dicts (see :func:`asean_digital.to_records`)."""
        from ._interop import to_records  # noqa: PLC0415

        return to_records(self, flat=flat)

    def to_dataframe(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (see :func:`asean_digital.to_dataframe`)."""
        from ._interop import to_dataframe  # noqa: PLC0415

        return to_dataframe(self)

    def _repr_html_(self) -> str:
        from ._display import records_html  # noqa: PLC0415

        return records_html(self)
