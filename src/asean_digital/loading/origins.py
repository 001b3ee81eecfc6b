"""
Where each record of a full load came from (file and JSON path), and what overlays added or replaced.

Only loads with overlays need these (the packaged data is trusted and read as
it is), so they are kept apart from :class:`~asean_digital.loading.dataset.Dataset`.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from .dataset import record_key

__all__ = ["Origin", "Origins", "Overlaid"]


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
