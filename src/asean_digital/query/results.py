""":class:`Results`: the tuple every collection query returns, with display and conversion."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, SupportsIndex, TypeVar, overload

if TYPE_CHECKING:
    import pandas
    import polars

__all__ = ["Results"]

T = TypeVar("T")


class Results(tuple[T, ...], Generic[T]):
    """
    The records a query returns: a plain :class:`tuple` that also converts and displays itself.

    It compares, slices, hashes and unpacks as a tuple; in Jupyter it shows
    as a table, and a single record as its card with the relations its
    registry holds (:attr:`registry`).

    >>> import asean_digital as ad
    >>> found = ad.registry.bodies(established_before=2000)
    >>> found == (ad.registry.body("ATRC"),), isinstance(found, tuple)
    (True, True)
    >>> found.to_records()[0]["id"]
    'atrc'
    >>> found.registry is ad.registry
    True
    >>> type(ad.registry.documents(kind="guideline")[:3]).__name__
    'Results'
    """

    __module__ = "asean_digital"  # where users import it from: pickles and docs name it so

    registry: Any
    """The registry that produced these records, or ``None``."""

    kind: type | None
    """
    The class of record the query returns (:class:`~asean_digital.Body`,
    :class:`~asean_digital.Match`, ...), or ``None``: it gives an empty
    result its columns.

    >>> import asean_digital as ad
    >>> ad.registry.bodies(established_before=1900).kind.__name__
    'Body'
    """

    def __new__(
        cls, items: Iterable[Any] = (), registry: Any = None, *, kind: type | None = None
    ) -> Results[Any]:
        """A result of *items*, from *registry*, of records of class *kind*."""
        self = super().__new__(cls, items)
        self.registry = registry
        self.kind = kind
        return self

    @overload
    def __getitem__(self, index: SupportsIndex) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Results[T]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> T | Results[T]:
        """An item, or for a slice the records as :class:`Results` of the same registry."""
        if isinstance(index, slice):
            return Results(super().__getitem__(index), self.registry, kind=self.kind)
        return super().__getitem__(index)

    def __reduce__(self) -> tuple[type, tuple[tuple[T, ...]], dict[str, Any]]:
        # A registry does not travel with its results: they pickle as records, of their kind
        # (so that an empty result keeps its columns).
        return type(self), (tuple(self),), {"registry": None, "kind": self.kind}

    def __copy__(self) -> Results[T]:
        """A copy of the same records, registry and kind (a tuple's copy would drop them)."""
        return Results(self, self.registry, kind=self.kind)

    def to_records(self, *, flat: bool = False) -> list[dict[str, Any]]:
        """The records as JSON-safe dicts (see :func:`asean_digital.to_records`)."""
        from asean_digital.formats.rows import to_records  # noqa: PLC0415 - the converter loads on first use

        return to_records(self, flat=flat)

    def to_dataframe(self, *, flat: bool = False) -> pandas.DataFrame:
        """The records as a typed pandas DataFrame (see :func:`asean_digital.to_dataframe`)."""
        from asean_digital.formats.rows import to_dataframe  # noqa: PLC0415

        return to_dataframe(self, flat=flat)

    def to_polars(self) -> polars.DataFrame:
        """The records as a typed polars DataFrame (see :func:`asean_digital.to_polars`)."""
        from asean_digital.formats.rows import to_polars  # noqa: PLC0415

        return to_polars(self)

    def _repr_html_(self) -> str:
        from asean_digital.formats.rows import to_records  # noqa: PLC0415
        from asean_digital.model.display import record_html, records_html  # noqa: PLC0415

        if len(self) == 1 and hasattr(self[0], "sources") and self.registry is not None:
            record: Any = self[0]
            relations = getattr(self.registry, "relations_of", None)
            documents = (
                {d.id: d for d in self.registry.sources()} if hasattr(self.registry, "sources") else None
            )
            return record_html(record, relations(record) if relations is not None else (), documents)
        kind = type(self[0]).__name__ if self else ""
        return records_html(to_records(self[:60]), kind, len(self))
