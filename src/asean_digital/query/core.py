r"""
The collections a registry is made of, each built when a query first asks for it.

A :class:`Store` holds a dataset's records by collection as tables
(sorted by principal date then id, with indices made on first use), finds
records by key through a key index per id space, and answers every filtered
query from the filters the table of collections declares
(:mod:`asean_digital.model.filters`). Nothing is built before it is asked
for: ``bodies()`` reads, structures and sorts the bodies, and nothing else.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from asean_digital.model.collections import COLLECTIONS, Collection, collection_of, kind_of
from asean_digital.model.dated import principal_date
from asean_digital.model.errors import AmbiguousKeyError, NotFoundError
from asean_digital.model.filters import Filter, values_of
from asean_digital.model.parts import Predicate
from asean_digital.model.records import Relation

from .results import Results

if TYPE_CHECKING:
    from asean_digital.loading.dataset import Dataset
    from asean_digital.model.dates import PartialDate
    from asean_digital.model.keys import KeyIndex

__all__ = [
    "KINDS",
    "Shelf",
    "Store",
    "intersect",
    "kind_arg",
    "limit_arg",
    "relations_with_hierarchy",
    "sort_key",
]

_FAR_FUTURE: Final = _dt.date.max
_QUERIED: Final = {c.name: c for c in COLLECTIONS if c.keyed or c.filters}
"""The collections queried by name (a collection *within* another is in both)."""
_KIND_RANK: Final = {kind: i for i, kind in enumerate(dict.fromkeys(c.kind for c in COLLECTIONS if c.keyed))}
"""The kinds of record in the order the registry lists them (the order of the table)."""
_SPACES: Final = tuple(dict.fromkeys(c.space for c in COLLECTIONS if c.keyed))
"""The id spaces of the keyed collections, in the table's order."""
_SPACES_OF: Final = {
    kind: tuple(dict.fromkeys(c.space for c in COLLECTIONS if c.keyed and c.kind == kind))
    for kind in _KIND_RANK
}


def sort_key(record: Any) -> tuple[int, _dt.date, _dt.date, int, str]:
    """
    Where *record* stands in its collection: by principal date (unknown last), then id.

    A date is an interval: records are ordered by its first day, then its last.
    A collection with an :attr:`~asean_digital.model.table.Collection.order`
    field breaks ties between the same dates with it (a meeting's number).
    """
    date = principal_date(record)
    if date is None:
        return (1, _FAR_FUTURE, _FAR_FUTURE, 0, str(record.id))
    field = collection_of(type(record)).order
    rank = 0 if field is None else getattr(record, field) or 0  # an unnumbered meeting: first of its day
    return (0, date.earliest, date.latest, rank, str(record.id))


KINDS: Final = tuple(dict.fromkeys(c.kind for c in COLLECTIONS))
"""The kinds of record, as messages and lookups name them."""


def kind_arg(kind: object) -> str:
    """The kind *kind* names: a kind (``"master plan"``) or its collection (``"master_plans"``)."""
    if not isinstance(kind, str):
        msg = f"kind must be a string, one of {', '.join(KINDS)}; got {type(kind).__name__}"
        raise TypeError(msg)
    by_collection = {c.name: c.kind for c in COLLECTIONS}
    found = kind if kind in KINDS else by_collection.get(kind.replace(" ", "_"))
    if found is None:
        msg = f"kind must be one of {', '.join(repr(k) for k in KINDS)}; got {kind!r}"
        raise ValueError(msg)
    return found


def relations_with_hierarchy(data: Dataset) -> list[Relation]:
    """The stated relations of *data* and the hierarchy's ``part_of``, by subject, predicate, object."""
    derived = [
        Relation(subject=b.id, predicate=Predicate.PART_OF, object=b.parent, sources=b.sources)
        for b in data.collection("bodies")
        if b.parent is not None
    ]
    return sorted(
        (*data.collection("relations"), *derived),
        key=lambda r: (r.subject, r.predicate._value_, r.object),
    )


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


class Shelf:
    """
    One collection's records in order, with the indices its filters read.

    Args:
        records: The records.
        registry: The registry results name as theirs.
        kind: The class of the records (an empty result's columns).
        ordered: Whether *records* are in their order already.
    """

    __slots__ = ("_by_day", "_indices", "kind", "records", "registry")

    def __init__(
        self,
        records: Iterable[Any],
        registry: object = None,
        *,
        kind: type | None = None,
        ordered: bool = False,
    ) -> None:
        self.records: tuple[Any, ...] = tuple(records) if ordered else tuple(sorted(records, key=sort_key))
        self.registry = registry
        self.kind = kind
        self._indices: dict[str, dict[Hashable, tuple[int, ...]]] = {}
        self._by_day: tuple[list[int], list[int], list[int], list[int]] | None = None

    def _days(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """The dated records' first and last days, sorted, with their positions: made on first use."""
        if self._by_day is None:
            dated = [(i, d) for i, r in enumerate(self.records) if (d := principal_date(r)) is not None]
            first = sorted((d.earliest.toordinal(), i) for i, d in dated)
            last = sorted((d.latest.toordinal(), i) for i, d in dated)
            self._by_day = (
                [f for f, _ in first],
                [i for _, i in first],
                [la for la, _ in last],
                [i for _, i in last],
            )
        return self._by_day

    def before(self, when: PartialDate) -> set[int]:
        """The positions of the records whose date falls wholly before *when*."""
        _, _, last, last_at = self._days()
        return set(last_at[: bisect_left(last, when.earliest.toordinal())])

    def after(self, when: PartialDate) -> set[int]:
        """The positions of the records whose date falls wholly after *when*."""
        first, first_at, _, _ = self._days()
        return set(first_at[bisect_right(first, when.latest.toordinal()) :])

    def at(self, name: str, values: Callable[[Any], Iterable[Hashable]], value: Hashable) -> tuple[int, ...]:
        """The positions whose values (the index *name* of *values*, made on first use) hold *value*."""
        index = self._indices.get(name)
        if index is None:
            lists: dict[Hashable, list[int]] = defaultdict(list)
            for i, record in enumerate(self.records):
                for held in dict.fromkeys(values(record)):
                    lists[held].append(i)
            index = self._indices[name] = {k: tuple(v) for k, v in lists.items()}
        return index.get(value, ())

    def select(self, positions: Iterable[int] | None) -> Results[Any]:
        """The records at *positions* (every record for ``None``), in order."""
        if positions is None:
            return Results(self.records, self.registry, kind=self.kind)
        return Results((self.records[i] for i in positions), self.registry, kind=self.kind)


def _cited(record: Any) -> Iterable[Hashable]:
    return [s.document for s in record.sources]


def intersect(filters: Iterable[Positions | None]) -> list[int] | tuple[int, ...] | None:
    """The positions every given filter holds, in order; ``None`` where no filter is given."""
    given = sorted((set(f) for f in filters if f is not None), key=len)
    if not given:
        return None
    smallest, *others = given
    return sorted(smallest.intersection(*others))


class Store:
    """
    A dataset's records by collection, made into tables and key indices on first use.

    Args:
        data: The records.
        registry: The registry the results name as theirs.
        extra: Collections whose tables are given rather than made from
            *data* (the relations with the hierarchy's derived ``part_of``),
            as functions that make them.
        keys_from: The store whose keys resolve keys here (a point-in-time
            view resolves by every name a record ever had, in the full data).
    """

    def __init__(
        self,
        data: Dataset,
        registry: object,
        *,
        extra: Mapping[str, Callable[[], Iterable[Any]]] | None = None,
        keys_from: Store | None = None,
    ) -> None:
        self.data = data
        self._registry = registry
        self._extra = dict(extra or {})
        self._keys_from = keys_from
        self._tables: dict[str, Shelf] = {}
        self._ids: dict[str, dict[str, Any]] = {}
        self._keys: dict[str, KeyIndex] = {}
        self._display: dict[str, dict[str, str]] = {}

    # -- collections ----------------------------------------------------------

    def table(self, name: str) -> Shelf:
        """The table of the collection *name*: its records and those of the collections *within* it."""
        found = self._tables.get(name)
        if found is None:
            c = _QUERIED[name]
            make = self._extra.get(name)
            if make is not None:
                found = Shelf(make(), self._registry, kind=c.cls, ordered=True)
            else:
                records = [
                    r for o in COLLECTIONS if name in (o.name, o.within) for r in self.data.collection(o.name)
                ]
                found = Shelf(records, self._registry, kind=c.cls)
            self._tables[name] = found
        return found

    def ids(self, space: str) -> dict[str, Any]:
        """The records of the id space *space*, by id."""
        found = self._ids.get(space)
        if found is None:
            found = self._ids[space] = {r.id: r for r in self.table(space).records}
        return found

    def by_id(self, rid: str, kind: str = "*") -> Any:
        """The record with the id *rid* of *kind* (``"*"`` for any), or ``None``."""
        for space in _SPACES_OF.get(kind, _SPACES):
            found = self.ids(space).get(rid)
            if found is not None:
                return found
        return None

    def every(self) -> Iterable[Any]:
        """Every keyed record, collection by collection in the table's order."""
        for space in _SPACES:
            yield from self.table(space).records

    def count(self) -> int:
        """How many keyed records there are."""
        return sum(len(self.ids(space)) for space in _SPACES)

    # -- filtered queries ----------------------------------------------------

    def query(self, name: str, arguments: Mapping[str, Any]) -> Results[Any]:
        """
        The records of the collection *name* that the filter *arguments* keep (``None`` ignored).

        Every argument must be a filter the collection declares, or ``source``.

        Raises:
            TypeError: An argument is not a filter of the collection, or of the wrong type.
            ValueError: An argument's value is not valid.
            NotFoundError: A key finds no record.
        """
        c = _QUERIED[name]
        declared = {f.name: f for f in c.filters}
        table = self.table(name)
        positions: list[Positions | None] = []
        for argument, given in arguments.items():
            if argument == "self" or given is None:
                continue
            if argument == "source":
                positions.append(table.at("source", _cited, self.source_id(given)))
                continue
            f = declared.get(argument)
            if f is None:
                allowed = ", ".join([*declared, "source"])
                msg = f"{argument!r} is not a filter of {name}; the filters are {allowed}"
                raise TypeError(msg)
            positions.append(self._positions(table, f, given))
        return table.select(intersect(positions))

    def _positions(self, table: Shelf, f: Filter, given: object) -> Positions:
        value = f.value(given)
        if f.how == "before":
            return table.before(value)  # type: ignore[arg-type]
        if f.how == "after":
            return table.after(value)  # type: ignore[arg-type]
        if f.how == "key":
            value = self.resolve(given, f.target, f.name)
        return table.at(f.name, lambda r: values_of(f, r), value)

    def source_id(self, source: object) -> str:
        """The id of the source document *source* names, checked."""
        if not isinstance(source, str):
            kind = type(source).__name__
            msg = f"source must be the id of a source document (a string), got {kind} {source!r}"
            raise TypeError(msg)
        known = [s.id for s in self.data.collection("sources")]
        if source not in known:
            import difflib  # noqa: PLC0415 - only a miss needs it

            raise NotFoundError(source, "source document", difflib.get_close_matches(source, known, n=3))
        return source

    # -- keys -----------------------------------------------------------------

    def key_index(self, space: str) -> KeyIndex:
        """The keys of the id space *space*: the dataset's own index where loading made one."""
        if self._keys_from is not None:
            return self._keys_from.key_index(space)
        if self.data.keys is not None:
            return self.data.keys
        found = self._keys.get(space)
        if found is None:
            from asean_digital.model.keys import KeyIndex  # noqa: PLC0415 - keys load with the first key

            found = self._keys[space] = KeyIndex(self.table(space).records)
        return found

    def resolve(self, key: object, kind: str, argument: str = "key", *, suggest: bool = True) -> str:
        """The id of the single record of *kind* ("*" for any) that *key* finds; a miss suggests keys."""
        if not isinstance(key, str):
            msg = (
                f"{argument} must be a string (an id, acronym, name or alias), "
                f"got {type(key).__name__} {key!r}"
            )
            raise TypeError(msg)
        from asean_digital.model.keys import normalise  # noqa: PLC0415 - keys load with the first key

        norm = normalise(key)
        label = "record" if kind == "*" else kind
        if not norm:
            msg = f"{argument} must name a {label}, got the empty key {key!r}"
            raise ValueError(msg)
        ids: list[str] = []
        indices = {id(i): i for i in (self.key_index(s) for s in _SPACES_OF.get(kind, _SPACES))}
        for index in indices.values():
            ids.extend(i for i in index.ids(norm) if i not in ids and self._is(i, kind))
        if len(ids) > 1 and key in ids:  # an id, given exactly, finds its own record
            return key
        if (
            len(ids) > 1 and kind == "*"
        ):  # a body's own series (or process) bears its names: the body is meant
            ids = [
                i
                for i in ids
                if getattr(self.by_id(i), "body", None) not in ids
                or not collection_of(type(self.by_id(i))).shares_body_keys
            ]
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise AmbiguousKeyError(key, label, sorted(ids, key=self.rank))
        raise NotFoundError(key, label, self._suggest(norm, kind) if suggest else ())

    def _is(self, rid: str, kind: str) -> bool:
        record = self.by_id(rid, kind)
        return record is not None and (kind == "*" or kind_of(record) == kind)

    def _suggest(self, wanted: str, kind: str) -> list[str]:
        """The keys of *kind* closest to *wanted*, as first written, in the registry's order of records."""
        from asean_digital.model.keys import closest, keys_and_forms  # noqa: PLC0415 - only a miss needs them

        display = self._display.get(kind)
        if display is None:
            full = self._keys_from or self
            display = self._display[kind] = {}
            for space in _SPACES_OF.get(kind, _SPACES):
                for record in full.table(space).records:
                    if kind == "*" or kind_of(record) == kind:
                        for key, norm in keys_and_forms(record):
                            display.setdefault(norm, key)
        live = [norm for norm in display if any(self._is(i, kind) for i in self._ids_of(norm, kind))]
        return [display[k] for k in closest(wanted, live)]

    def _ids_of(self, norm: str, kind: str) -> Iterable[str]:
        for space in _SPACES_OF.get(kind, _SPACES):
            yield from self.key_index(space).ids(norm)

    def rank(self, rid: str) -> tuple[int, tuple[int, _dt.date, _dt.date, int, str]]:
        """Where the record *rid* stands in the registry's order: by kind of record, then by date and id."""
        record = self.by_id(rid)
        return _KIND_RANK.get(kind_of(record), len(_KIND_RANK)), sort_key(record)

    def get(self, key: object, kind: str) -> Any:
        """The record of *kind* that *key* finds."""
        return self.by_id(self.resolve(key, kind), kind)

    def collection(self, name: object) -> Collection:
        """The queried collection called *name*, checked."""
        if isinstance(name, str) and name in _QUERIED:
            return _QUERIED[name]
        allowed = ", ".join(repr(c) for c in _QUERIED)
        if not isinstance(name, str):
            msg = f"collection must be a string, one of {allowed}; got {type(name).__name__} {name!r}"
            raise TypeError(msg)
        msg = f"collection must be one of {allowed}, got {name!r}"
        raise ValueError(msg)
