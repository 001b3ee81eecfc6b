"""
The :class:`Dataset`: every record of every collection as loaded, before indexing.

Where each record came from is kept as two small integers per record, worded
as an :class:`Origin` only when asked for.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from asean_digital.model.collections import COLLECTIONS

if TYPE_CHECKING:
    from asean_digital.model.keys import KeyIndex
    from asean_digital.model.overlay import Resolution

__all__ = ["Dataset", "Origin", "Origins", "Overlaid", "record_key"]


@attrs.frozen
class Origin:
    """Where a record was read from: the file's name and the record's JSON path."""

    file: str
    path: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}"


@attrs.frozen
class Overlaid:
    """
    A record of the dataset that an overlay added or replaced.

    Attributes:
        collection: The collection the record is in.
        id: Its id.
        old_collection: The collection of the packaged record it replaced,
            ``None`` where it added a record.
        old: That packaged record, or ``None``.
        file: The overlay file it was read from.
        path: Its JSON path in that file.
        cited: The id of the overlay file's source document, which the
            record cites last.
    """

    collection: str
    id: str
    old_collection: str | None
    old: Any
    file: str
    path: str
    cited: str | None


@attrs.frozen(eq=True, hash=False)
class Dataset:
    """
    Every record of every collection, as loaded, before indexing.

    Attributes:
        data_version: The version of the data.
        records: One tuple per collection of the table
            (:data:`~asean_digital.model.collections.COLLECTIONS`), by name, in
            load order.
        origins: Where each record came from, by ``(collection, key)``;
            not part of equality.
        keys: The records' keys, indexed once for the validator and the
            registry; not part of equality.
        overlaid: The records overlays added or replaced, in load order;
            not part of equality.
        resolved: The keys overlays gave where ids belong, and the ids they
            found; not part of equality.
    """

    data_version: str
    records: Mapping[str, tuple[Any, ...]] = attrs.field(factory=dict)
    origins: Mapping[tuple[str, str], Origin] = attrs.field(factory=dict, eq=False, repr=False)
    keys: KeyIndex | None = attrs.field(default=None, eq=False, repr=False)
    overlaid: tuple[Overlaid, ...] = attrs.field(default=(), eq=False, repr=False)
    resolved: tuple[Resolution, ...] = attrs.field(default=(), eq=False, repr=False)

    def collection(self, name: str) -> tuple[Any, ...]:
        """The records of the collection *name* (empty where none were loaded)."""
        return self.records.get(name, ())

    def replace(self, **collections: tuple[Any, ...]) -> Dataset:
        """
        A dataset with these collections' records replaced, and no key index.

        Raises:
            KeyError: A name is not a collection of the table.
        """
        unknown = set(collections) - {c.name for c in COLLECTIONS}
        if unknown:
            raise KeyError(sorted(unknown))
        return attrs.evolve(self, records={**self.records, **collections}, keys=None)


def record_key(record: Any) -> str:
    """The key a record is replaced by in an overlay: its id."""
    return str(record.id)


class Origins(Mapping[tuple[str, str], Origin]):
    """
    Where each record came from, by ``(collection, key)``, stored compactly.

    Each record costs two integers (its file and its index in the file's
    array) aligned with its collection's tuple; the key index of a collection
    is built on first lookup, which in practice is only when a problem is
    reported.
    """

    def __init__(
        self, files: list[str], records: dict[str, tuple[tuple[Any, ...], array[int], array[int]]]
    ) -> None:
        self._files = files
        self._records = records
        self._positions: dict[str, dict[str, int]] = {}

    def _position(self, collection: str, key: str) -> int:
        positions = self._positions.get(collection)
        if positions is None:
            records = self._records[collection][0]
            positions = self._positions[collection] = {record_key(r): i for i, r in enumerate(records)}
        return positions[key]

    def __getitem__(self, item: tuple[str, str]) -> Origin:
        try:
            collection, key = item
            _, files, indices = self._records[collection]
            i = self._position(collection, key)
        except (KeyError, TypeError, ValueError):
            raise KeyError(item) from None
        return Origin(self._files[files[i]], f"$.{collection}[{indices[i]}]")

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for collection, (records, _files, _indices) in self._records.items():
            for record in records:
                yield collection, record_key(record)

    def __len__(self) -> int:
        return sum(len(records) for records, _, _ in self._records.values())
