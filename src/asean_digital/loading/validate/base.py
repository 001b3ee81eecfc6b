"""What every check of a dataset shares: the records, where each came from, the problems found."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.errors import Problems

if TYPE_CHECKING:
    from asean_digital.loading.dataset import Dataset


class Checks:
    """What every check of a dataset shares: the records, where each came from, the problems found."""

    def __init__(self, data: Dataset, unreadable: frozenset[str] = frozenset()) -> None:
        self.data = data
        self.unreadable = unreadable
        self.problems = Problems()  # the first ones kept, the rest counted
        self.ids: dict[str, str] = {}  # id -> collection
        self.first: dict[str, Any] = {}  # id -> the record that first holds it
        self.ids_of: dict[str, set[str]] = defaultdict(set)
        self.because = ""  # why a packaged record is checked again: the overlay's record it depends on
        self.suggested = 0  # how many misses got a "did you mean" (a search of every key each)
        self.displayed: dict[str | None, dict[str, tuple[str, str]]] = {}  # keys to suggest, by kind

    def where(self, collection: str, record: Any) -> str:
        """Where *record* of *collection* was read: its file and JSON path."""
        origin = self.data.origins.get((collection, str(record.id)))
        return str(origin) if origin is not None else f"{collection}: $"

    def problem(self, collection: str, record: Any, field: str, message: str) -> None:
        """Report *message* about the field *field* (a JSON path suffix) of *record*."""
        self.problems.append(f"{self.where(collection, record)}{field}: {message}{self.because}")

    def records(self) -> Iterator[tuple[str, Any]]:
        """Every record, with its collection's name, collection by collection."""
        for c in COLLECTIONS:
            for record in self.data.collection(c.name):
                yield c.name, record
