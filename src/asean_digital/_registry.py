"""The :class:`Registry`: indexed, queryable records of the ASEAN Digital sector."""

from __future__ import annotations

import datetime as _dt
import enum
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from ._dates import PartialDate, Period, to_partial_date
from ._errors import AmbiguousKeyError, NotFoundError
from ._gc import gc_paused
from ._keys import KIND_OF, KeyIndex, index_keys, keyed, kind_of, normalise, search_keys
from ._model import (
    Body,
    BodyKind,
    Declaration,
    Dialogue,
    Document,
    DocumentKind,
    Entity,
    Erratum,
    Event,
    Initiative,
    MasterPlan,
    MemberState,
    Name,
    Partner,
    PolicyArea,
    Predicate,
    Relation,
    Sector,
    Source,
    SourceDocument,
)
from ._results import Results

if TYPE_CHECKING:
    from ._dates import When
    from ._load import Dataset
    from ._search import Match, SearchIndex

__all__ = ["Registry"]

E = TypeVar("E", bound=enum.Enum)
R = TypeVar("R")

_FAR_FUTURE: Final = _dt.date.max
_KINDS_IN_ORDER: Final = (
    "sector",
    "body",
    "document",
    "master plan",
    "event",
    "partner",
    "member state",
    "policy area",
    "dialogue",
    "initiative",
)
_KIND_RANK: Final = {kind: i for i, kind in enumerate(_KINDS_IN_ORDER)}
"""The kinds of record in the order the registry lists them (the order of its collections)."""


def _principal_date(record: Any) -> PartialDate | None:
    if isinstance(record, Body):
        return record.established
    if isinstance(record, Document):
        return record.published
    if isinstance(record, MasterPlan):
        return record.period.start
    if isinstance(record, Event):
        return record.started
    if isinstance(record, MemberState):
        return record.joined
    return None


def _sort_key(record: Any) -> tuple[int, _dt.date, _dt.date, str]:
    date = _principal_date(record)
    if date is None:
        return (1, _FAR_FUTURE, _FAR_FUTURE, str(record.id))
    return (0, date.earliest, date.latest, str(record.id))


def _enum_arg(cls: type[E], value: object, argument: str) -> E:
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


def _year_arg(value: object, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{argument} must be a year (int), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not 1 <= value <= 9999:
        msg = f"{argument} must be a year between 1 and 9999, got {value}"
        raise ValueError(msg)
    return value


def _limit_arg(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"limit must be a positive int, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if value < 1:
        msg = f"limit must be at least 1, got {value}"
        raise ValueError(msg)
    return value


Positions = tuple[int, ...] | set[int]
"""Positions in a collection: a sorted tuple from an index, or a set from a date range."""


class _Index:
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


class _Collection:
    """
    One collection, sorted by principal date then id, with date arrays for bisection.

    The dated records' earliest and latest days are kept as sorted arrays of
    ordinals with the positions they belong to alongside: "before X" is a
    prefix of the latest days, "after X" a suffix of the earliest.
    """

    __slots__ = ("earliest", "earliest_at", "latest", "latest_at", "records")

    def __init__(self, records: Iterable[Any]) -> None:
        # Each record's days are worked out once: (undated?, earliest, latest, id, record).
        keyed = []
        for r in records:
            d = _principal_date(r)
            if d is None:
                keyed.append((1, 0, 0, str(r.id), r))
            else:
                keyed.append((0, d.earliest.toordinal(), d.latest.toordinal(), str(r.id), r))
        keyed.sort()  # ids are unique within a collection: records themselves are never compared
        self.records: tuple[Any, ...] = tuple(k[4] for k in keyed)
        dated = [(i, k[1], k[2]) for i, k in enumerate(keyed) if not k[0]]
        # The records are sorted by earliest day already; by latest, nearly so.
        self.earliest = array("l", [first for _, first, _ in dated])
        self.earliest_at = array("l", [i for i, _, _ in dated])
        by_latest = sorted((last, i) for i, _, last in dated)
        self.latest = array("l", [day for day, _ in by_latest])
        self.latest_at = array("l", [i for _, i in by_latest])

    def before(self, when: PartialDate) -> set[int]:
        return set(self.latest_at[: bisect_left(self.latest, when.earliest.toordinal())])

    def after(self, when: PartialDate) -> set[int]:
        return set(self.earliest_at[bisect_right(self.earliest, when.latest.toordinal()) :])

    def select(self, positions: Iterable[int] | None) -> Results[Any]:
        if positions is None:
            return Results(self.records)
        return Results(self.records[i] for i in positions)


def _contains(positions: Positions, i: int) -> bool:
    if isinstance(positions, set):
        return i in positions
    at = bisect_left(positions, i)
    return at < len(positions) and positions[at] == i


def _intersect(filters: Iterable[Positions | None]) -> list[int] | tuple[int, ...] | None:
    """The positions every given filter holds, in order; ``None`` where no filter is given."""
    given = sorted((f for f in filters if f is not None), key=len)
    if not given:
        return None
    smallest, *others = given
    if not others:
        return smallest if isinstance(smallest, tuple) else sorted(smallest)
    kept = [i for i in smallest if all(_contains(other, i) for other in others)]
    return kept if isinstance(smallest, tuple) else sorted(kept)


class Registry:
    """
    The records of the ASEAN Digital sector, indexed for queries.

    Get the default one as :data:`asean_digital.registry`, or one with your
    own overlay files from :func:`asean_digital.load`. A registry never
    changes: :meth:`as_of` returns a new one.

    Every collection query returns a :class:`tuple` sorted by the records'
    principal date (establishment, publication, start, accession; unknown
    last), then id. Filters are keyword-only and combine with AND. A key may
    be an id, acronym, name, alias, or former name or acronym, matched
    regardless of case, punctuation and spacing.

    >>> import asean_digital as ad
    >>> [b.acronym for b in ad.registry.bodies(established_before=2012)]
    ['ATRC', 'ADGSOM', 'ADGMIN', 'SSM']
    """

    def __init__(
        self,
        data: Dataset,
        *,
        _keys_from: Registry | None = None,
        _as_of: PartialDate | None = None,
    ) -> None:
        self._data = data
        self._as_of = _as_of
        self._full = _keys_from
        self._search_index: SearchIndex | None = None
        self._display: dict[str, dict[str, str]] | None = None
        self._sources = {s.id: s for s in data.sources}
        self._bodies = _Collection(data.bodies)
        self._documents = _Collection((*data.documents, *data.declarations))
        self._declarations = _Collection(data.declarations)
        self._plans = _Collection(data.master_plans)
        self._events = _Collection(data.events)
        self._partners = _Collection(data.partners)
        self._states = _Collection(data.member_states)
        self._areas = _Collection(data.policy_areas)
        self._dialogues = _Collection(data.dialogues)
        self._initiatives = _Collection(data.initiatives)
        self._sector = data.sectors[0]
        derived = [
            Relation(subject=b.id, predicate=Predicate.PART_OF, object=b.parent, sources=b.sources)
            for b in data.bodies
            if b.parent is not None
        ]
        self._relations = tuple(
            sorted((*data.relations, *derived), key=lambda r: (r.subject, r.predicate._value_, r.object))
        )
        self._by_id: dict[str, Any] = {self._sector.id: self._sector}
        for collection in self._collections().values():
            self._by_id.update({r.id: r for r in collection.records})

        # Indices built once: every filter of every query is a dict lookup
        # or a bisection, never a scan.
        self._index()
        self._children: dict[str, Results[Body]] = {
            parent: self._bodies.select(self._by_parent.at(parent)) for parent in self._by_parent.values()
        }

        # A point-in-time view keeps every key the full registry knows, so a
        # body is still found by names it had not yet borne.
        self._keys: KeyIndex = (
            _keys_from._keys
            if _keys_from is not None
            else data.keys
            if data.keys is not None
            else index_keys(data)
        )

    def _index(self) -> None:
        """Every filter's index, built once: each maps a value to the sorted positions holding it."""
        by_kind: dict[str, list[int]] = defaultdict(list)
        by_parent: dict[str, list[int]] = defaultdict(list)
        by_partner: dict[str, list[int]] = defaultdict(list)
        # Enum members are keyed by their values: an enum's hash and .value run in Python, _value_ is a slot.
        for i, body in enumerate(self._bodies.records):
            by_kind[body.kind._value_].append(i)
            if body.parent is not None:
                by_parent[body.parent].append(i)
            partners = [p for series in body.meetings for p in series.consultation_partners]
            for partner in dict.fromkeys(partners) if len(partners) > 1 else partners:
                by_partner[partner].append(i)
        self._by_kind = _Index(by_kind)
        self._by_parent = _Index(by_parent)
        self._by_partner = _Index(by_partner)
        by_doc_kind: dict[str, list[int]] = defaultdict(list)
        by_doc_year: dict[int, list[int]] = defaultdict(list)
        for i, doc in enumerate(self._documents.records):
            for kind in doc.kinds:  # validated: no listing twice
                by_doc_kind[kind._value_].append(i)
            if doc.published is not None:
                by_doc_year[doc.published.year].append(i)
        self._by_doc_kind = _Index(by_doc_kind)
        self._by_doc_year = _Index(by_doc_year)
        decl_by: dict[str, dict[Any, list[int]]] = {"body": defaultdict(list), "host": defaultdict(list)}
        decl_by["year"] = defaultdict(list)
        by_body, by_host, by_year = decl_by["body"], decl_by["host"], decl_by["year"]
        for i, decl in enumerate(self._declarations.records):
            by_body[decl.body].append(i)
            by_host[decl.host].append(i)
            if decl.published is not None:
                by_year[decl.published.year].append(i)
        self._decl_by = {field: _Index(index) for field, index in decl_by.items()}
        events_by_partner: dict[str, list[int]] = defaultdict(list)
        for i, event in enumerate(self._events.records):
            for partner in dict.fromkeys(event.partners):
                events_by_partner[partner].append(i)
        self._events_by_partner = _Index(events_by_partner)
        rel_by: dict[str, dict[Any, list[int]]] = {"subject": defaultdict(list), "object": defaultdict(list)}
        rel_by["predicate"] = defaultdict(list)
        by_subject, by_predicate, by_object = rel_by["subject"], rel_by["predicate"], rel_by["object"]
        for i, rel in enumerate(self._relations):
            by_subject[rel.subject].append(i)
            by_predicate[rel.predicate._value_].append(i)
            by_object[rel.object].append(i)
        self._rel_by = {field: _Index(index) for field, index in rel_by.items()}

    def _collections(self) -> dict[str, _Collection]:
        return {
            "bodies": self._bodies,
            "documents": self._documents,
            "master_plans": self._plans,
            "events": self._events,
            "partners": self._partners,
            "member_states": self._states,
            "policy_areas": self._areas,
            "dialogues": self._dialogues,
            "initiatives": self._initiatives,
        }

    def _all_records(self) -> Iterable[Any]:
        yield self._sector
        for collection in self._collections().values():
            yield from collection.records

    def _display_keys(self) -> dict[str, dict[str, str]]:
        """Each normal form's key as first written, by kind and for ``"*"``: made at the first miss."""
        full = self._full or self
        if full._display is None:
            display: dict[str, dict[str, str]] = defaultdict(dict)
            for record in full._all_records():
                kind = kind_of(record)
                for key, norm in keyed(record):
                    display[kind].setdefault(norm, key)
                    display["*"].setdefault(norm, key)
            full._display = dict(display)
        return full._display

    # -- identity -----------------------------------------------------------

    @property
    def data_version(self) -> str:
        """
        The version of the data this registry holds.

        Packaged data carries a date-based version; a registry with overlays
        adds ``+overlay``.

        >>> import asean_digital as ad
        >>> ad.registry.data_version
        '2026.11.28'
        """
        return self._data.data_version

    @property
    def when(self) -> PartialDate | None:
        """
        The point in time of an :meth:`as_of` view, ``None`` for the full registry.

        >>> import asean_digital as ad
        >>> str(ad.registry.as_of(2015).when)
        '2015'
        """
        return self._as_of

    @property
    def sector(self) -> Sector:
        """
        The ASEAN Digital sector itself, with its naming history and mandate.

        >>> import asean_digital as ad
        >>> [str(n) for n in ad.registry.sector.names]
        ['ASEAN Information and Communications Technology sector (ICT)', 'ASEAN Digital sector (Digital)']
        """
        return self._sector

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Registry):
            return NotImplemented
        return self._data == other._data and self._as_of == other._as_of

    def __hash__(self) -> int:
        return hash((self._data.data_version, self._as_of, len(self._by_id)))

    def __repr__(self) -> str:
        when = "" if self._as_of is None else f" as_of={str(self._as_of)!r}"
        counts = ", ".join(
            f"{len(c.records)} {name.replace('_', ' ')}" for name, c in self._collections().items()
        )
        return f"<Registry data_version={self.data_version!r}{when}: {counts}>"

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

    def _suggest(self, wanted: str, kind: str) -> list[str]:
        import difflib  # noqa: PLC0415 - only a miss needs it

        by_id = self._by_id
        display = self._display_keys().get(kind, {})  # in the registry's order of records
        live = [
            norm
            for norm in display
            if any(i in by_id and (kind == "*" or kind_of(by_id[i]) == kind) for i in self._keys.ids(norm))
        ]
        close = difflib.get_close_matches(wanted, live, n=3, cutoff=0.6)
        if not close:
            close = [k for k in live if wanted in k or (len(k) >= 3 and k in wanted)][:3]
        return [display[k] for k in close]

    def _rank(self, rid: str) -> tuple[int, tuple[int, _dt.date, _dt.date, str]]:
        """Where the record *rid* stands in the registry's order: by kind of record, then by date and id."""
        record = self._by_id[rid]
        return _KIND_RANK.get(kind_of(record), len(_KIND_RANK)), _sort_key(record)

    def _get(self, key: object, kind: str, cls: type[R]) -> R:
        record = self._by_id[self._resolve(key, kind)]
        assert isinstance(record, cls)  # noqa: S101 - kind and class agree by construction
        return record

    # -- bodies -------------------------------------------------------------

    def bodies(
        self,
        *,
        kind: BodyKind | str | None = None,
        parent: str | None = None,
        partner: str | None = None,
        established_before: When | None = None,
        established_after: When | None = None,
    ) -> Results[Body]:
        """
        The sectoral bodies, filtered.

        Args:
            kind: Only bodies of this :class:`BodyKind` (or its name or value).
            parent: Only the direct sub-bodies of this body (a key).
            partner: Only bodies any of whose meeting series has this partner
                (a key: ``"ROK"``, ``"KR"``, ``"Japan"``) among its ASEAN+1
                consultation partners.
            established_before: Only bodies whose establishment falls wholly
                before this point in time (``2012`` means year < 2012).
            established_after: Only bodies whose establishment falls wholly
                after this point in time.

        Returns:
            The matching bodies, by establishment (unknown last), then id.

        Raises:
            TypeError: An argument is of the wrong type.
            ValueError: An enum value or date is not valid.
            NotFoundError: A key finds no record.

        >>> import asean_digital as ad
        >>> [b.acronym for b in ad.registry.bodies(kind="working_group", parent="ADGSOM")]
        ['ANSAC', 'WG-DDG', 'ADGSOM WG']
        >>> [b.acronym for b in ad.registry.bodies(partner="EU")]
        ['ADGSOM', 'ADGSOM WG', 'ATRC WG']
        """
        c = self._bodies
        filters: list[Positions | None] = [
            None if kind is None else self._by_kind.at(_enum_arg(BodyKind, kind, "kind")._value_),
            None if parent is None else self._by_parent.at(self._resolve(parent, "body", "parent")),
            None if partner is None else self._by_partner.at(self._resolve(partner, "partner", "partner")),
            None
            if established_before is None
            else c.before(to_partial_date(established_before, argument="established_before")),
            None
            if established_after is None
            else c.after(to_partial_date(established_after, argument="established_after")),
        ]
        return c.select(_intersect(filters))

    def body(self, key: str) -> Body:
        """
        The body *key* finds: by id, acronym, name, alias or former name.

        Raises:
            NotFoundError: No body matches; the message suggests close keys.

        >>> import asean_digital as ad
        >>> ad.registry.body("TELMIN").acronym
        'ADGMIN'
        >>> ad.registry.body("ATRC Working Group").id
        'atrc-wg'
        >>> ad.registry.body("ADGMN")
        Traceback (most recent call last):
        ...
        asean_digital.NotFoundError: no body matches 'ADGMN'; did you mean 'ADGMIN', ...?
        """
        return self._get(key, "body", Body)

    def children(self, key: str) -> Results[Body]:
        """
        The direct sub-bodies of the body *key* finds.

        >>> import asean_digital as ad
        >>> [b.acronym for b in ad.registry.children("ATRC")]
        ['SSM', 'ATRC WG']
        """
        return self._children.get(self._resolve(key, "body"), Results())

    def ancestors(self, key: str) -> Results[Body]:
        """
        The bodies above the body *key* finds, nearest first.

        >>> import asean_digital as ad
        >>> [b.acronym for b in ad.registry.ancestors("SSM")]
        ['ATRC', 'ADGMIN']
        """
        body: Body = self._by_id[self._resolve(key, "body")]
        out: list[Body] = []
        seen = {body.id}
        while isinstance(parent := self._by_id.get(body.parent or ""), Body) and parent.id not in seen:
            body = parent
            seen.add(body.id)
            out.append(body)
        return Results(out)

    # -- documents ----------------------------------------------------------

    def documents(
        self,
        *,
        kind: DocumentKind | str | None = None,
        year: int | None = None,
        published_before: When | None = None,
        published_after: When | None = None,
    ) -> Results[Document]:
        """
        The key documents (declarations included), filtered.

        Args:
            kind: Only documents listed under this :class:`DocumentKind`.
            year: Only documents published in this year.
            published_before: Only documents published wholly before this.
            published_after: Only documents published wholly after this.

        Returns:
            The matching documents, by publication (undated last), then id.

        >>> import asean_digital as ad
        >>> [d.title for d in ad.registry.documents(kind="framework", published_before=2018)]
        ['ASEAN Framework on Personal Data Protection', 'ASEAN Framework on International Mobile Roaming']
        >>> len(ad.registry.documents(year=2021))
        4
        """
        c = self._documents
        filters: list[Positions | None] = [
            None if kind is None else self._by_doc_kind.at(_enum_arg(DocumentKind, kind, "kind")._value_),
            None if year is None else self._by_doc_year.at(_year_arg(year, "year")),
            None
            if published_before is None
            else c.before(to_partial_date(published_before, argument="published_before")),
            None
            if published_after is None
            else c.after(to_partial_date(published_after, argument="published_after")),
        ]
        return c.select(_intersect(filters))

    def document(self, key: str) -> Document:
        """
        The document *key* finds: by id, title or alias.

        A title the page gives to two documents (*Singapore Declaration*)
        finds neither: use the id or add the year.

        Raises:
            NotFoundError: No document matches.
            AmbiguousKeyError: Several documents match.

        >>> import asean_digital as ad
        >>> ad.registry.document("PDP Framework").title
        'ASEAN Framework on Personal Data Protection'
        >>> ad.registry.document("Singapore Declaration 2013").meeting_name
        '13th TELMIN'
        """
        return self._get(key, "document", Document)

    def declarations(
        self, *, body: str | None = None, host: str | None = None, year: int | None = None
    ) -> Results[Declaration]:
        """
        The ministerial declarations and statements, filtered.

        Args:
            body: Only those of the meetings of this body (a key; ``"TELMIN"``
                and ``"ADGMIN"`` are the same body).
            host: Only those of meetings this member state hosted (a key).
            year: Only those of this year.

        >>> import asean_digital as ad
        >>> [d.title for d in ad.registry.declarations(host="Thailand")]
        ['Bangkok Statement', 'Bangkok Declaration']
        """
        c = self._declarations
        filters: list[Positions | None] = [
            None if body is None else self._decl_by["body"].at(self._resolve(body, "body", "body")),
            None if host is None else self._decl_by["host"].at(self._resolve(host, "member state", "host")),
            None if year is None else self._decl_by["year"].at(_year_arg(year, "year")),
        ]
        return c.select(_intersect(filters))

    # -- master plans, events, partners, member states ------------------------

    def master_plans(self) -> Results[MasterPlan]:
        """
        The master plans, oldest first.

        >>> import asean_digital as ad
        >>> [(p.acronym, len(p.thrusts)) for p in ad.registry.master_plans()]
        [('AIM2015', 6), ('AIM2020', 8), ('ADM2025', 5)]
        """
        return Results(self._plans.records)

    def master_plan(self, key: str) -> MasterPlan:
        """
        The master plan *key* finds.

        >>> import asean_digital as ad
        >>> str(ad.registry.master_plan("AIM 2020").period)
        '2016/2020'
        """
        return self._get(key, "master plan", MasterPlan)

    def events(
        self,
        *,
        partner: str | None = None,
        started_before: When | None = None,
        started_after: When | None = None,
    ) -> Results[Event]:
        """
        The talent competitions, filtered.

        >>> import asean_digital as ad
        >>> [e.name for e in ad.registry.events(started_after=2010)]
        ['ASEAN ICT Innovation Award', 'ASEAN Makers Hackathon', 'ASEAN-Japan Cyber SEA Game']
        >>> [e.name for e in ad.registry.events(partner="Japan")]
        ['ASEAN-Japan Cyber SEA Game']
        """
        c = self._events
        filters: list[Positions | None] = [
            None
            if partner is None
            else self._events_by_partner.at(self._resolve(partner, "partner", "partner")),
            None
            if started_before is None
            else c.before(to_partial_date(started_before, argument="started_before")),
            None
            if started_after is None
            else c.after(to_partial_date(started_after, argument="started_after")),
        ]
        return c.select(_intersect(filters))

    def event(self, key: str) -> Event:
        """
        The event *key* finds.

        >>> import asean_digital as ad
        >>> str(ad.registry.event("ASEAN Cyber-Kids Camp").started)
        '2009'
        """
        return self._get(key, "event", Event)

    def partners(self) -> Results[Partner]:
        """
        The dialogue partners, by id.

        >>> import asean_digital as ad
        >>> [p.id for p in ad.registry.partners()]
        ['CN', 'EU', 'IN', 'ITU', 'JP', 'KR', 'US']
        """
        return Results(self._partners.records)

    def partner(self, key: str) -> Partner:
        """
        The partner *key* finds (``"ROK"``, ``"U.S."``, ``"ITU"``).

        >>> import asean_digital as ad
        >>> ad.registry.partner("ROK").name
        'Republic of Korea'
        """
        return self._get(key, "partner", Partner)

    def member_states(self, *, as_of: When | None = None) -> Results[MemberState]:
        """
        The ASEAN Member States, by accession then id.

        Args:
            as_of: Only those that had joined by then (a partial date is taken
                at its latest day); ``None`` for the members today.

        >>> import asean_digital as ad
        >>> len(ad.registry.member_states()), len(ad.registry.member_states(as_of=1990))
        (11, 6)
        """
        moment = _dt.date.today() if as_of is None else to_partial_date(as_of, argument="as_of").latest
        if self._as_of is not None:
            moment = min(moment, self._as_of.latest)
        return Results(s for s in self._states.records if s.joined.earliest <= moment)

    def member_state(self, key: str) -> MemberState:
        """
        The member state *key* finds: alpha-2, alpha-3 or name.

        >>> import asean_digital as ad
        >>> [ad.registry.member_state(k).id for k in ("TH", "THA", "Thailand")]
        ['TH', 'TH', 'TH']
        """
        return self._get(key, "member state", MemberState)

    # -- other collections --------------------------------------------------

    def policy_areas(self) -> Results[PolicyArea]:
        """
        The policy areas the sector has studied and discussed, by id.

        >>> import asean_digital as ad
        >>> len(ad.registry.policy_areas())
        8
        """
        return Results(self._areas.records)

    def policy_area(self, key: str) -> PolicyArea:
        """
        The policy area *key* finds.

        >>> import asean_digital as ad
        >>> ad.registry.policy_area("digital divide").name
        'bridging the gaps of access to ICT among the population'
        """
        return self._get(key, "policy area", PolicyArea)

    def dialogues(self) -> Results[Dialogue]:
        """
        The regular stakeholders' consultative dialogues, by id.

        >>> import asean_digital as ad
        >>> [d.convener for d in ad.registry.dialogues()]
        ['atrc', None, None]
        """
        return Results(self._dialogues.records)

    def dialogue(self, key: str) -> Dialogue:
        """The dialogue *key* finds."""
        return self._get(key, "dialogue", Dialogue)

    def initiatives(self, *, emerging_issue: bool | None = None) -> Results[Initiative]:
        """
        The sector's initiatives, by id.

        Args:
            emerging_issue: ``True`` for only the emerging strategic issues,
                ``False`` for only the others.

        >>> import asean_digital as ad
        >>> [i.id for i in ad.registry.initiatives(emerging_issue=True)]
        ['5g-ecosystem-development', 'ddg-framework-development']
        """
        if emerging_issue is None:
            return Results(self._initiatives.records)
        if not isinstance(emerging_issue, bool):
            msg = f"emerging_issue must be True, False or None, got {emerging_issue!r}"
            raise TypeError(msg)
        return Results(i for i in self._initiatives.records if i.emerging_issue is emerging_issue)

    def initiative(self, key: str) -> Initiative:
        """
        The initiative *key* finds.

        >>> import asean_digital as ad
        >>> ad.registry.initiative("MPAC 2025").id
        'mpac2025-digital-innovation'
        """
        return self._get(key, "initiative", Initiative)

    def sources(self) -> tuple[SourceDocument, ...]:
        """
        The source documents the records cite.

        >>> import asean_digital as ad
        >>> [s.id for s in ad.registry.sources()]
        ['seed-page', 'reference-facts']
        """
        return self._data.sources

    def source(self, source: Source | str) -> SourceDocument:
        """
        The source document a :class:`Source` (or a source document id) names.

        >>> import asean_digital as ad
        >>> ad.registry.source(ad.registry.body("ATRC").sources[0]).title
        'ASEAN Digital sector overview page'
        """
        sid = source.document if isinstance(source, Source) else source
        if not isinstance(sid, str):
            msg = f"source must be a Source or a source document id, got {type(source).__name__}"
            raise TypeError(msg)
        try:
            return self._sources[sid]
        except KeyError:
            raise NotFoundError(sid, "source document", sorted(self._sources)) from None

    def errata(self) -> tuple[tuple[Entity, Erratum], ...]:
        """
        Every erratum, with the record it is attached to, by record id.

        >>> import asean_digital as ad
        >>> for record_id in sorted({record.id for record, _ in ad.registry.errata()}):
        ...     print(record_id)
        adgmin
        adm2025
        digital
        digital-startups-framework
        imr-framework
        joint-guide-mccs-eu-sccs
        putrajaya-declaration-2021
        """
        out = [(r, e) for r in self._all_records() for e in r.errata]
        out.extend((r, e) for r in self._relations for e in r.errata)
        return tuple(sorted(out, key=lambda pair: (str(pair[0].id), pair[1].field)))

    # -- relations ----------------------------------------------------------

    def relations(
        self,
        *,
        subject: str | None = None,
        predicate: Predicate | str | None = None,
        object: str | None = None,
    ) -> Results[Relation]:
        """
        The stated relations between records, filtered.

        The hierarchy's ``part_of`` relations are included, derived from each
        body's parent.

        Args:
            subject: Only relations whose subject this key finds.
            predicate: Only relations with this :class:`Predicate`.
            object: Only relations whose object this key finds.

        Returns:
            The matching relations, by subject, predicate, object.

        >>> import asean_digital as ad
        >>> [r.subject for r in ad.registry.relations(predicate="succeeds")]
        ['adm2025', 'aim2020']
        >>> [(r.predicate.value, r.object) for r in ad.registry.relations(subject="DDG Framework")]
        [('builds_on', 'pdp-framework')]
        """
        filters: list[Positions | None] = [
            None if subject is None else self._rel_by["subject"].at(self._resolve(subject, "*", "subject")),
            None
            if predicate is None
            else self._rel_by["predicate"].at(_enum_arg(Predicate, predicate, "predicate")._value_),
            None if object is None else self._rel_by["object"].at(self._resolve(object, "*", "object")),
        ]
        positions = _intersect(filters)
        if positions is None:
            return Results(self._relations)
        return Results(self._relations[i] for i in positions)

    # -- any kind -----------------------------------------------------------

    def lookup(self, key: str) -> Entity:
        """
        The record of any kind *key* finds.

        Raises:
            NotFoundError: Nothing matches.
            AmbiguousKeyError: Records of several kinds match.

        >>> import asean_digital as ad
        >>> type(ad.registry.lookup("ITU")).__name__, type(ad.registry.lookup("THA")).__name__
        ('Partner', 'MemberState')
        """
        return self._by_id[self._resolve(key, "*")]  # type: ignore[no-any-return]

    def get(self, key: str, default: R | None = None) -> Entity | R | None:
        """
        Like :meth:`lookup`, but *default* where no single record matches.

        >>> import asean_digital as ad
        >>> ad.registry.get("nothing like this") is None
        True
        """
        try:
            record: Entity = self._by_id[self._resolve(key, "*", suggest=False)]  # a miss needs no advice
        except NotFoundError:
            return default
        return record

    def search(self, text: str, *, limit: int = 10) -> Results[Match]:
        """
        Records whose keys match *text*, best first.

        Forgiving: case, punctuation, word order and small typos do not
        matter. Ties are broken by id.

        Args:
            text: What to look for.
            limit: The most matches to return.

        >>> import asean_digital as ad
        >>> [m.entity.id for m in ad.registry.search("data governance framework", limit=2)]
        ['ddg-framework', 'ddg-framework-development']
        >>> ad.registry.search("Telecomunications Regulators Council")[0].entity.acronym
        'ATRC'
        """
        if not isinstance(text, str):
            msg = f"text must be a string, got {type(text).__name__} {text!r}"
            raise TypeError(msg)
        limit = _limit_arg(limit)
        if self._search_index is None:
            from ._search import SearchIndex  # noqa: PLC0415 - search machinery loads on first use

            with gc_paused():  # building the index only allocates
                self._search_index = SearchIndex(
                    (record, self._all_keys_of(record)) for record in self._all_records()
                )
        return Results(self._search_index.search(text, limit))

    def _all_keys_of(self, record: Any) -> Sequence[str]:
        # In a view, search by the full record's keys: names not yet borne
        # still find a body, as they do for lookups.
        full = self._full._by_id.get(record.id, record) if self._full is not None else record
        return search_keys(full)

    # -- time ---------------------------------------------------------------

    def as_of(self, when: When) -> Registry:
        """
        The registry as it stood at *when*.

        Only what existed then is kept, and bodies and the sector carry the
        names they bore then. A partial *when* is taken at its latest day:
        ``as_of(2019)`` is the registry at the end of 2019. Records with no
        known start are kept (nothing says they did not exist), but not a
        body whose parent did not yet exist. Keys stay stable: a record is
        still found by every name it ever had.

        >>> import asean_digital as ad
        >>> then = ad.registry.as_of(2015)
        >>> then.body("ADGMIN").acronym
        'TELMIN'
        >>> len(then.member_states()), [p.acronym for p in then.master_plans()]
        (10, ['AIM2015'])
        """
        moment = to_partial_date(when, argument="when")
        with gc_paused():  # a view is built in one go and only allocates
            return self._view(moment)

    def _view(self, moment: PartialDate) -> Registry:
        if self._as_of is not None and self._as_of.latest < moment.latest:
            moment = self._as_of
        day = moment.latest

        def started(date: PartialDate | None) -> bool:
            return date is None or date.earliest <= day

        def names_then(names: tuple[Name, ...]) -> tuple[Name, ...]:
            kept = [n for n in names if started(n.valid.start)]
            if kept and kept[-1].valid.end is not None and kept[-1].valid.end.latest >= day:
                kept[-1] = attrs.evolve(kept[-1], valid=Period(kept[-1].valid.start, None))
            return tuple(kept)

        # A body is kept when it had started and so had every body above it;
        # each body is looked at once, whatever the depth of the hierarchy.
        by_id = {b.id: b for b in self._data.bodies}
        kept_ids: dict[str, bool] = {}
        for body in self._data.bodies:
            chain: list[Body] = []
            current: Body | None = body
            while current is not None and current.id not in kept_ids:
                kept_ids[current.id] = False  # until decided below
                chain.append(current)
                current = by_id.get(current.parent) if current.parent is not None else None
            for link in reversed(chain):
                parent_kept = link.parent is None or kept_ids.get(link.parent, False)
                kept_ids[link.id] = parent_kept and started(link.established) and bool(names_then(link.names))
        bodies: list[Body] = []
        for body in self._data.bodies:
            if kept_ids[body.id]:
                names = names_then(body.names)
                bodies.append(attrs.evolve(body, names=names, name=names[-1].name, acronym=names[-1].acronym))
        body_ids = {b.id for b in bodies}
        data = self._data
        sector_names = names_then(data.sectors[0].names)
        sector = (
            attrs.evolve(data.sectors[0], names=sector_names, name=sector_names[-1].name)
            if sector_names
            else attrs.evolve(data.sectors[0], names=())  # before its first name
        )
        documents = tuple(d for d in data.documents if started(d.published))
        declarations = tuple(d for d in data.declarations if started(d.published) and d.body in body_ids)
        plans = tuple(p for p in data.master_plans if started(p.period.start))
        events = tuple(e for e in data.events if started(e.started))
        states = tuple(s for s in data.member_states if started(s.joined))
        kept: set[str] = {sector.id, *body_ids}
        for group in (
            documents,
            declarations,
            plans,
            events,
            states,
            data.partners,
            data.policy_areas,
            data.dialogues,
            data.initiatives,
        ):
            kept.update(r.id for r in group)
        relations = tuple(r for r in data.relations if r.subject in kept and r.object in kept)
        view = attrs.evolve(
            data,
            keys=None,  # the view finds records by the full registry's keys (_keys_from)
            sectors=(sector,),
            bodies=tuple(bodies),
            documents=documents,
            declarations=declarations,
            master_plans=plans,
            events=events,
            member_states=states,
            relations=relations,
        )
        return Registry(view, _keys_from=self._full or self, _as_of=moment)

    @property
    def kinds(self) -> tuple[str, ...]:
        """
        The kinds of record, as error messages and :func:`lookup` name them.

        >>> import asean_digital as ad
        >>> "body" in ad.registry.kinds
        True
        """
        return tuple(dict.fromkeys(KIND_OF.values()))
