"""
The generic collection core every registry query stands on.

Each collection of the table is kept sorted by principal date then id, with
its dated records' days in sorted arrays for bisection; equality filters use
indices built on first use; keys resolve through one key index shared by
every kind, and a miss suggests the closest keys. The kinds' own query
methods (:mod:`asean_digital.query.kinds`) are thin declarations on this.
"""

from __future__ import annotations

import datetime as _dt
import enum
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any, Final, TypeVar

from asean_digital.model.collections import COLLECTIONS, Collection, collection_of, kind_of, principal_date
from asean_digital.model.dates import PartialDate, to_partial_date
from asean_digital.model.errors import AmbiguousKeyError, NotFoundError
from asean_digital.model.keys import KeyIndex, closest, index_keys, keyed, normalise

from .results import Results

if TYPE_CHECKING:
    from asean_digital.loading.dataset import Dataset
    from asean_digital.model.dates import When

__all__ = ["Core", "Positions", "Table", "enum_arg", "limit_arg", "year_arg"]

E = TypeVar("E", bound=enum.Enum)
R = TypeVar("R")

_FAR_FUTURE: Final = _dt.date.max
_KIND_RANK: Final = {kind: i for i, kind in enumerate(dict.fromkeys(c.kind for c in COLLECTIONS if c.keyed))}
"""The kinds of record in the order the registry lists them (the order of the table)."""
_QUERIED: Final = tuple(c for c in COLLECTIONS if c.keyed)
"""The collections queried by key, each with a table (a collection *within* another is in both)."""


def sort_key(record: Any) -> tuple[int, int, int, _dt.date, _dt.date, str]:
    """
    Where *record* stands in its collection: by principal date (unknown last), then id.

    A collection with an :attr:`~asean_digital.model.collections.Collection.order`
    field orders records of the same year by it first.
    """
    date = principal_date(record)
    if date is None:
        return (1, 0, 0, _FAR_FUTURE, _FAR_FUTURE, str(record.id))
    year, rank = _rank_in_year(record, date)
    return (0, year, rank, date.earliest, date.latest, str(record.id))


def _rank_in_year(record: Any, date: PartialDate) -> tuple[int, int]:
    """``(year, order field)`` for a collection with an order field, else ``(0, 0)``."""
    field = collection_of(type(record)).order
    return (0, 0) if field is None else (date.year, getattr(record, field))


def enum_arg(cls: type[E], value: object, argument: str) -> E:
    """The member of *cls* a filter argument names (a member, or its value or name in any case)."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        wanted = value.strip().casefold().replace("-", "_").replace(" ", "_")
        for member in cls:
            if wanted in {member.value.casefold(), member.name.casefold()}:
                return member
        allowed = ", ".join(repr(m.value) for m in cls)
        msg = f"{argument} must be one of {allowed} (or a {cls.__name__}), got {value!r}"
        raise ValueError(msg)
    msg = f"{argument} must be a {cls.__name__} or its name as a string, got {type(value).__name__} {value!r}"
    raise TypeError(msg)


def year_arg(value: object, argument: str) -> int:
    """A year filter argument, checked."""
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{argument} must be a year (int), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not 1 <= value <= 9999:
        msg = f"{argument} must be a year between 1 and 9999, got {value}"
        raise ValueError(msg)
    return value


def limit_arg(value: object) -> int:
    """A result limit, checked."""
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"limit must be a positive int, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if value < 1:
        msg = f"limit must be at least 1, got {value}"
        raise ValueError(msg)
    return value


Positions = tuple[int, ...] | set[int]
"""Positions in a collection: a sorted tuple from an index, or a set from a date range."""


class Index:
    """
    Which positions hold each value, frozen: a sorted tuple per value, or a bare int for one position.

    A tuple costs a fifth of a set's memory, and most values of a relation's
    subject or a body's parent are held by a single position.
    """

    __slots__ = ("_positions",)

    def __init__(self, index: dict[Any, list[int]]) -> None:
        self._positions: dict[Any, int | tuple[int, ...]] = {
            key: positions[0] if len(positions) == 1 else tuple(positions) for key, positions in index.items()
        }

    def at(self, value: Any) -> tuple[int, ...]:
        """The positions holding *value*, in order."""
        held = self._positions.get(value, ())
        return (held,) if isinstance(held, int) else held

    def values(self) -> list[Any]:
        """Every value held somewhere."""
        return list(self._positions)


class Table:
    """
    One collection's records, sorted by principal date then id, with date arrays for bisection.

    The dated records' earliest and latest days are kept as sorted arrays of
    ordinals with the positions they belong to alongside: "before X" is a
    prefix of the latest days, "after X" a suffix of the earliest. Equality
    indices are built on first use (:meth:`index`).
    """

    __slots__ = ("_indices", "earliest", "earliest_at", "kind", "latest", "latest_at", "records", "registry")

    def __init__(
        self,
        records: Iterable[Any],
        registry: object = None,
        *,
        ordered: bool = False,
        kind: type | None = None,
    ) -> None:
        # Each record's days are worked out once: (undated?, earliest, latest, id, record).
        rows = []
        for r in records:
            d = principal_date(r)
            if d is None:
                rows.append((1, 0, 0, 0, 0, str(r.id), r))
            else:
                year, rank = _rank_in_year(r, d)
                rows.append((0, year, rank, d.earliest.toordinal(), d.latest.toordinal(), str(r.id), r))
        if not ordered:  # records given in their order already keep it
            rows.sort(key=lambda k: k[:6])  # ids are unique within a collection
        self.records: tuple[Any, ...] = tuple(k[6] for k in rows)
        self.registry = registry
        self.kind = kind
        dated = [(i, k[3], k[4]) for i, k in enumerate(rows) if not k[0]]
        by_earliest = sorted((first, i) for i, first, _ in dated)
        self.earliest = array("l", [day for day, _ in by_earliest])
        self.earliest_at = array("l", [i for _, i in by_earliest])
        by_latest = sorted((last, i) for i, _, last in dated)
        self.latest = array("l", [day for day, _ in by_latest])
        self.latest_at = array("l", [i for _, i in by_latest])
        self._indices: dict[str, Index] = {}

    def before(self, when: PartialDate) -> set[int]:
        """The positions of the records whose date falls wholly before *when*."""
        return set(self.latest_at[: bisect_left(self.latest, when.earliest.toordinal())])

    def after(self, when: PartialDate) -> set[int]:
        """The positions of the records whose date falls wholly after *when*."""
        return set(self.earliest_at[bisect_right(self.earliest, when.latest.toordinal()) :])

    def index(self, name: str, values: Callable[[Any], Iterable[Hashable]]) -> Index:
        """The index *name* of the values *values* gives each record, built on first use."""
        found = self._indices.get(name)
        if found is None:
            index: dict[Any, list[int]] = defaultdict(list)
            for i, record in enumerate(self.records):
                for value in dict.fromkeys(values(record)):
                    index[value].append(i)
            found = self._indices[name] = Index(index)
        return found

    def select(self, positions: Iterable[int] | None) -> Results[Any]:
        """The records at *positions* (every record for ``None``), in order."""
        if positions is None:
            return Results(self.records, self.registry, kind=self.kind)
        return Results((self.records[i] for i in positions), self.registry, kind=self.kind)


def _documents_cited(record: Any) -> Iterable[Hashable]:
    return [s.document for s in record.sources]


def _contains(positions: Positions, i: int) -> bool:
    if isinstance(positions, set):
        return i in positions
    at = bisect_left(positions, i)
    return at < len(positions) and positions[at] == i


def intersect(filters: Iterable[Positions | None]) -> list[int] | tuple[int, ...] | None:
    """The positions every given filter holds, in order; ``None`` where no filter is given."""
    given = sorted((f for f in filters if f is not None), key=len)
    if not given:
        return None
    smallest, *others = given
    if not others:
        return smallest if isinstance(smallest, tuple) else sorted(smallest)
    kept = [i for i in smallest if all(_contains(other, i) for other in others)]
    return kept if isinstance(smallest, tuple) else sorted(kept)


class Core:
    """
    The records of a :class:`~asean_digital.loading.dataset.Dataset`, by collection, with key resolution.

    Args:
        data: The records.
        keys: The key index to resolve keys with (a point-in-time view
            passes the full registry's, so a record is found by every name it
            ever had); by default the dataset's own.
        as_of: The moment of a point-in-time view, ``None`` for the full data.
    """

    def __init__(self, data: Dataset, keys: KeyIndex | None = None, as_of: PartialDate | None = None) -> None:
        self._data = data
        self._as_of = as_of
        self._tables: dict[str, Table] = {}
        for c in _QUERIED:
            records = [*data.collection(c.name)]
            for inner in COLLECTIONS:
                if inner.within == c.name:
                    records.extend(data.collection(inner.name))
            self._tables[c.name] = Table(records, self, kind=c.cls)
        self._by_id: dict[str, Any] = {}
        for table in self._tables.values():
            self._by_id.update({r.id: r for r in table.records})
        self._keys: KeyIndex = keys or data.keys or index_keys(data)
        self._display: dict[str, dict[str, str]] | None = None

    def _table(self, name: str) -> Table:
        return self._tables[name]

    def _all_records(self) -> Iterable[Any]:
        for c in _QUERIED:
            if c.within is None:
                yield from self._tables[c.name].records

    def _select(self, name: str, filters: Iterable[Positions | None]) -> Results[Any]:
        return self._tables[name].select(intersect(filters))

    def _eq(
        self, name: str, field: str, values: Callable[[Any], Iterable[Hashable]], value: Any
    ) -> Positions:
        """The positions of collection *name* whose index *field* (of *values*) holds *value*."""
        return self._tables[name].index(field, values).at(value)

    def _before(self, name: str, when: When, argument: str) -> set[int]:
        return self._tables[name].before(to_partial_date(when, argument=argument))

    def _after(self, name: str, when: When, argument: str) -> set[int]:
        return self._tables[name].after(to_partial_date(when, argument=argument))

    # -- provenance ---------------------------------------------------------

    def _source_id(self, source: object) -> str:
        """The id of the source document *source* names, checked."""
        if not isinstance(source, str):
            kind = type(source).__name__
            msg = f"source must be the id of a source document (a string), got {kind} {source!r}"
            raise TypeError(msg)
        known = [s.id for s in self._data.collection("sources")]
        if source not in known:
            import difflib  # noqa: PLC0415 - only a miss needs it

            raise NotFoundError(source, "source document", difflib.get_close_matches(source, known, n=3))
        return source

    def _by_source(self, name: str, source: object) -> Positions | None:
        """The positions of collection *name* with a statement from the source document *source*."""
        if source is None:
            return None
        return self._eq(name, "source", _documents_cited, self._source_id(source))

    # -- key resolution -----------------------------------------------------

    def _resolve(self, key: object, kind: str, argument: str = "key", *, suggest: bool = True) -> str:
        """The id of the single record of *kind* ("*" for any) that *key* finds; a miss suggests keys."""
        if not isinstance(key, str):
            msg = (
                f"{argument} must be a string (an id, acronym, name or alias), "
                f"got {type(key).__name__} {key!r}"
            )
            raise TypeError(msg)
        norm = normalise(key)
        label = "record" if kind == "*" else kind
        if not norm:
            msg = f"{argument} must name a {label}, got the empty key {key!r}"
            raise ValueError(msg)
        by_id = self._by_id
        ids = [i for i in self._keys.ids(norm) if i in by_id and (kind == "*" or kind_of(by_id[i]) == kind)]
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise AmbiguousKeyError(key, label, sorted(ids, key=self._rank))
        raise NotFoundError(key, label, self._suggest(norm, kind) if suggest else ())

    def _display_keys(self) -> dict[str, dict[str, str]]:
        """Each normal form's key as first written, by kind and for ``"*"``: made at the first miss."""
        if self._display is None:
            display: dict[str, dict[str, str]] = defaultdict(dict)
            for record in self._suggestion_records():
                kind = kind_of(record)
                for key, norm in keyed(record):
                    display[kind].setdefault(norm, key)
                    display["*"].setdefault(norm, key)
            self._display = dict(display)
        return self._display

    def _suggestion_records(self) -> Iterable[Any]:
        """The records whose keys suggestions are drawn from (a view's full registry's)."""
        return self._all_records()

    def _suggest(self, wanted: str, kind: str) -> list[str]:
        by_id = self._by_id
        display = self._display_keys().get(kind, {})  # in the registry's order of records
        live = [
            norm
            for norm in display
            if any(i in by_id and (kind == "*" or kind_of(by_id[i]) == kind) for i in self._keys.ids(norm))
        ]
        return [display[k] for k in closest(wanted, live)]

    def _rank(self, rid: str) -> tuple[int, tuple[int, int, int, _dt.date, _dt.date, str]]:
        """Where the record *rid* stands in the registry's order: by kind of record, then by date and id."""
        record = self._by_id[rid]
        return _KIND_RANK.get(kind_of(record), len(_KIND_RANK)), sort_key(record)

    def _get(self, key: object, kind: str, cls: type[R]) -> R:
        record = self._by_id[self._resolve(key, kind)]
        assert isinstance(record, cls)  # noqa: S101 - kind and class agree by construction
        return record

    # -- any collection -----------------------------------------------------

    def _collection(self, name: object) -> Collection:
        for c in _QUERIED:
            if c.name == name:
                return c
        allowed = ", ".join(repr(c.name) for c in _QUERIED)
        if not isinstance(name, str):
            msg = f"collection must be a string, one of {allowed}; got {type(name).__name__} {name!r}"
            raise TypeError(msg)
        msg = f"collection must be one of {allowed}, got {name!r}"
        raise ValueError(msg)

    def records(self, collection: str, *, source: str | None = None) -> Results[Any]:
        """
        Every record of the collection named *collection* (``"policy_areas"``), in the registry's order.

        Every kind of record has this generic query; most also have their own
        with filters (:meth:`bodies`, :meth:`documents`, ...).

        Raises:
            ValueError: *collection* is not the name of a collection.

        >>> import asean_digital as ad
        >>> ad.registry.records("partners") == ad.registry.partners()
        True
        """
        table = self._tables.get(collection) if isinstance(collection, str) else None
        if table is None:
            table = self._tables[self._collection(collection).name]  # raises for a wrong name
        if source is None:
            return Results(table.records, self, kind=table.kind)
        return table.select(intersect([self._by_source(collection, source)]))

    def stored(self, collection: str) -> Results[Any]:
        """
        The records of the collection *collection* as the data files hold them, in the registry's order.

        Unlike :meth:`records`, a collection's records are only its own (the
        documents without the declarations) and nothing derived is added
        (the relations without the hierarchy's ``part_of``); every collection
        of the table has them, source documents and relations included.

        >>> import asean_digital as ad
        >>> len(ad.registry.stored("documents")) + len(ad.registry.stored("declarations"))
        67
        """
        found = [c for c in COLLECTIONS if c.name == collection]
        if not found:
            allowed = ", ".join(repr(c.name) for c in COLLECTIONS)
            msg = f"collection must be one of {allowed}, got {collection!r}"
            raise (TypeError if not isinstance(collection, str) else ValueError)(msg)
        return Table(self._data.collection(collection), self, kind=found[0].cls).select(None)

    def record(self, collection: str, key: str) -> Any:
        """
        The record of the collection *collection* that *key* finds.

        >>> import asean_digital as ad
        >>> ad.registry.record("bodies", "TELMIN").id
        'adgmin'
        """
        c = self._collection(collection)
        return self._get(key, c.kind, c.cls)
