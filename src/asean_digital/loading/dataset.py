"""
The :class:`Dataset`: every record of every collection as loaded, before indexing.

Where each record came from is kept as two small integers per record, worded
as an :class:`Origin` only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from asean_digital.model.collections import COLLECTIONS

if TYPE_CHECKING:
    from asean_digital.model.keys import KeyIndex
    from asean_digital.model.overlay import Resolution

    from .origins import Origin, Overlaid

__all__ = ["Dataset", "record_key"]


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
