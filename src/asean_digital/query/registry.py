"""The :class:`Registry`: indexed, queryable records of the ASEAN Digital sector."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.dates import PartialDate, to_partial_date
from asean_digital.model.errors import NotFoundError
from asean_digital.model.parts import Erratum, Predicate, Source, SourceDocument
from asean_digital.model.records import Relation

from .core import KINDS, Shelf, Store, relations_with_hierarchy
from .kinds import KindQueries
from .results import Results

if TYPE_CHECKING:
    from asean_digital.loading.dataset import Dataset
    from asean_digital.model.dates import When
    from asean_digital.model.entity import Entity
    from asean_digital.model.overlay import Change, Resolution
    from asean_digital.model.sector import Sector

    from .search import Match, SearchIndex

__all__ = ["Registry"]

R = TypeVar("R")


class Registry(KindQueries):
    """
    The records of the ASEAN Digital sector, indexed for queries.

    Get the default one as :data:`asean_digital.registry`, or one with your
    own overlay files from :func:`asean_digital.load`. A registry never
    changes: :meth:`as_of` returns a new one.

    Every collection query returns a :class:`tuple` sorted by the records'
    principal date (establishment, publication, start, accession; unknown
    last), then id. Filters are keyword-only and combine with AND; every
    collection query also takes ``source=``, a source document's id, for the
    records with a statement from it. A key may be an id, acronym, name,
    alias, or former name or acronym, in any case, punctuation and spacing.

    >>> import asean_digital as ad
    >>> [b.acronym for b in ad.registry.bodies(established_before=2012)]
    ['ATRC', 'ADGSOM', 'ADGMIN', 'SSM']
    """

    __module__ = "asean_digital"  # where users import it from: pickles and docs name it so

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
        # A point-in-time view keeps every key the full registry knows (names not yet borne).
        self._store = Store(
            data,
            self,
            extra={"relations": lambda: relations_with_hierarchy(data)},
            keys_from=None if _keys_from is None else _keys_from._store,
        )

    @cached_property
    def _sources(self) -> dict[str, SourceDocument]:
        return {s.id: s for s in self._data.collection("sources")}

    # -- identity -----------------------------------------------------------

    @property
    def data_version(self) -> str:
        """
        The release of the data (the day it was curated, ``+overlay`` with overlays), not :attr:`data_as_of`.

        >>> import asean_digital as ad
        >>> ad.registry.data_version
        '2026.12.07'
        """
        return self._data.data_version

    @property
    def data_as_of(self) -> _dt.date | None:
        """
        How recent the facts are, as the newest source's date (its latest day); ``None`` if none is dated.

        >>> import asean_digital as ad
        >>> ad.registry.data_as_of
        datetime.date(2026, 5, 31)
        """
        dates = [s.published.latest for s in self._data.collection("sources") if s.published is not None]
        return max(dates, default=None)

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
        return cast("Sector", self._data.collection("sectors")[0])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Registry):
            return NotImplemented
        return self._data == other._data and self._as_of == other._as_of

    def __hash__(self) -> int:
        return hash((self._data.data_version, self._as_of, self._store.count()))

    def __repr__(self) -> str:
        when = "" if self._as_of is None else f" as_of={str(self._as_of)!r}"
        counts = ", ".join(
            f"{len(self._store.table(c.name).records)} {c.name.replace('_', ' ')}"
            for c in COLLECTIONS
            if c.keyed and c.name != "sectors" and c.within is None
        )
        return f"<Registry data_version={self.data_version!r}{when}: {counts}>"

    def sources(self) -> Results[SourceDocument]:
        """
        The source documents the records cite.

        >>> import asean_digital as ad
        >>> [s.id for s in ad.registry.sources()][:2]
        ['seed-page', 'reference-facts']
        """
        return Results(self._data.collection("sources"), self, kind=SourceDocument)

    def source(self, source: Source | str) -> SourceDocument:
        """
        The source document a :class:`Source` (or a source document id) names.

        >>> import asean_digital as ad
        >>> ad.registry.source(ad.registry.body("ATRC").sources[0]).title
        'ASEAN Digital Sector'
        """
        sid = source.document if isinstance(source, Source) else source
        if not isinstance(sid, str):
            msg = f"source must be a Source or a source document id, got {type(source).__name__}"
            raise TypeError(msg)
        try:
            return self._sources[sid]
        except KeyError:
            raise NotFoundError(sid, "source document", sorted(self._sources)) from None

    def cite(
        self, key: str, *, field: str | None = None, format: Literal["text", "bibtex", "csl-json"] = "text"
    ) -> str:
        """
        The sources behind the record *key* finds (or its *field*), for a paper or a reference manager.

        *format*: ``"text"``, ``"bibtex"`` or ``"csl-json"``; an entry per source document.

        Raises:
            NotFoundError: *key* finds no record.
            ValueError: *field* is no field of the record, or *format* is not one of the three.

        >>> import asean_digital as ad
        >>> ad.registry.cite("ATRC", field="established").split(". Cited for ")[1]
        'Body atrc (established); section: Major Sectoral Bodies/Committees.'
        """
        from asean_digital.formats.citation import cite_sources  # noqa: PLC0415 - citations load on first use

        record = self.lookup(key)
        sources = record.sources if field is None else record.sources_for(field)
        return cite_sources(record, sources, self.source, format, field=field)

    def errata(self) -> tuple[tuple[Entity, Erratum], ...]:
        """
        Every erratum, with the record it is attached to, by record id.

        :func:`~asean_digital.to_dataframe` makes them a table (kind, id, field,
        kept, stated, note, sources).

        >>> import asean_digital as ad
        >>> errata = ad.registry.errata()
        >>> [(record.id, erratum.field) for record, erratum in errata][:3]
        [('BN', 'joined'), ('acc-2008', 'city'), ('adgmin', '')]
        >>> ad.to_records(errata)[0]["stated"]
        '8 January 1984 (a Cambodian news item)'
        """
        out = [(r, e) for r in self._store.every() for e in r.errata]
        out.extend((r, e) for r in self._store.table("relations").records for e in r.errata)
        return tuple(sorted(out, key=lambda pair: (str(pair[0].id), pair[1].field)))

    # -- overlays -----------------------------------------------------------

    def changes(self) -> tuple[Change, ...]:
        """
        How this registry differs from the packaged data: each field of each record overlays add or replace.

        One :class:`Change` per field, with its old and new value (as JSON)
        and the overlay file and record it comes from; an added record gives
        each field it sets. Empty for the packaged registry. A point-in-time
        view gives its full registry's changes.

        >>> import asean_digital as ad
        >>> ad.registry.changes()
        ()
        >>> import json, pathlib, tempfile
        >>> record = ad.converter.unstructure(ad.registry.body("ATRC WG"))
        >>> record["aliases"] = ["ATRC JWG"]
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "fix.json"
        >>> _ = path.write_text(json.dumps({"bodies": [record]}))
        >>> [(c.action, c.id, c.field, c.old, c.new) for c in ad.load(path).changes()]
        [('replaced', 'atrc-wg', 'aliases', [], ['ATRC JWG'])]
        """
        from asean_digital.loading.diff import changes  # noqa: PLC0415 - only overlays have any, and it needs the converter

        data = self._data if self._full is None else self._full._data
        return changes(data) if data.overlaid else ()

    @property
    def resolved(self) -> tuple[Resolution, ...]:
        """
        The keys overlays gave where ids belong, each with the id it was resolved to at load.

        A reference (a ``parent``, a ``host``, a meeting's ``outcomes``) may
        be written as any key a query accepts (``"ADGSOM"``, ``"Thailand"``);
        the loaded record holds the id. Empty for the packaged registry.

        >>> import asean_digital as ad
        >>> ad.registry.resolved
        ()
        """
        data = self._data if self._full is None else self._full._data
        return data.resolved

    # -- relations ----------------------------------------------------------

    def relations(
        self,
        *,
        subject: str | None = None,
        predicate: Predicate | str | None = None,
        object: str | None = None,
        source: str | None = None,
    ) -> Results[Relation]:
        """
        The stated relations between records, filtered.

        The hierarchy's ``part_of`` relations are included, derived from each
        body's parent.

        Args:
            subject: Only relations whose subject this key finds.
            predicate: Only relations with this :class:`Predicate`.
            object: Only relations whose object this key finds.
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        Returns:
            The matching relations, by subject, predicate, object.

        >>> import asean_digital as ad
        >>> [r.subject for r in ad.registry.relations(predicate="succeeds")]
        ['adm2025', 'adm2030', 'aim2020']
        >>> [(r.predicate.value, r.object) for r in ad.registry.relations(subject="DDG Framework")]
        [('builds_on', 'pdp-framework')]
        """
        return self._query("relations", locals())

    def relations_of(self, record: Any) -> Results[Relation]:
        """
        The relations *record* is the subject or the object of, in this registry.

        >>> import asean_digital as ad
        >>> [r.id for r in ad.registry.relations_of(ad.registry.body("ANSAC"))]
        ['ansac mandated_by aim2015', 'ansac part_of adgsom']
        """
        if self._store.by_id(str(getattr(record, "id", ""))) != record:
            return Results((), self, kind=Relation)
        rel = self._store.table("relations")
        positions = {
            *rel.at("subject", lambda r: (r.subject,), record.id),
            *rel.at("object", lambda r: (r.object,), record.id),
        }
        return rel.select(sorted(positions))

    # -- any kind -----------------------------------------------------------

    def lookup(self, key: str) -> Entity:
        """
        The record of any kind *key* finds.

        A body's own series of meetings bears the body's names: a key both
        find gives the body (:meth:`series` gives the series).

        Raises:
            NotFoundError: Nothing matches.
            AmbiguousKeyError: Records of several kinds match.

        >>> import asean_digital as ad
        >>> type(ad.registry.lookup("ITU")).__name__, type(ad.registry.lookup("THA")).__name__
        ('Partner', 'MemberState')
        """
        return self._store.get(key, "*")  # type: ignore[no-any-return]

    def get(self, key: str, default: R | None = None) -> Entity | R | None:
        """
        Like :meth:`lookup`, but *default* where no single record matches.

        >>> import asean_digital as ad
        >>> ad.registry.get("nothing like this") is None
        True
        """
        try:
            record: Entity = self._store.by_id(self._store.resolve(key, "*", suggest=False))  # no advice
        except NotFoundError:
            return default
        return record

    def search(
        self, text: str, *, kind: str | None = None, source: str | None = None, limit: int = 10
    ) -> Results[Match]:
        """
        Records whose texts match *text*, best first.

        Every text a record carries is searched: its keys (ids, names,
        acronyms, aliases, titles, former names) and the rest (descriptions,
        roles, themes, thrusts, errata). A key match outranks any other, and
        only a whole key, exactly, scores 1.0: whatever scores 1.0 is a key
        :meth:`lookup` accepts. Forgiving: case, punctuation, word order,
        word forms (``cyber-security``, ``anonymization``) and small typos do
        not matter; an acronym meets its expansion where the data spells it
        out. Ties are broken by id.

        Args:
            text: What to look for, at most 1,000 characters.
            kind: Only records of this kind (one of :attr:`kinds`:
                ``"body"``, ``"document"``, ``"meeting"``, ...).
            source: Only records with a statement from this source document
                (an id of :meth:`sources`).
            limit: The most matches to return.

        Raises:
            TypeError: *text* is not a string.
            ValueError: *text* is too long, or *kind* is not a kind.

        >>> import asean_digital as ad
        >>> [m.entity.id for m in ad.registry.search("data governance framework", limit=2)]
        ['ddg-framework', 'ddg-framework-development']
        >>> ad.registry.search("Telecomunications Regulators Council")[0].entity.acronym
        'ATRC'
        >>> best = ad.registry.search("privacy", kind="initiative")[0]
        >>> best.entity.id, best.field, best.snippet
        ('ddg-framework-development', 'themes[2]', 'data privacy protection')
        """
        from .search import SearchIndex, search_in  # noqa: PLC0415 - search machinery loads on first use

        if self._search_index is None and isinstance(text, str):
            self._search_index = SearchIndex(
                (record, self._all_keys_of(record)) for record in self._store.every()
            )
        return search_in(self, self._store, self._search_index, text, kind=kind, source=source, limit=limit)

    def _all_keys_of(self, record: Any) -> Sequence[tuple[str, str, bool]]:
        # In a view, search by the full record's keys: names not yet borne still find a body.
        from asean_digital.model.keys import search_entries  # noqa: PLC0415 - search loads on first use

        full = (self._full._store.by_id(record.id) or record) if self._full is not None else record
        return search_entries(full)

    # -- time ---------------------------------------------------------------

    def as_of(self, when: When, *, undated: bool = False) -> Registry:
        """
        The registry as it stood at *when*.

        A partial *when* is taken at its latest day: ``as_of(2019)`` is the
        registry at the end of 2019. A record of a dated kind (a body, a
        document, a meeting, a plan, an event, a member state) is kept once
        its date has certainly come, and a renaming from the last day its
        date allows; records whose date is unknown are left out unless
        *undated* is true. Timeless kinds (partners, policy areas, dialogues)
        are in every view, and so is an initiative no source dates; a person
        is in it when one of its meetings names them. A reference to a record the
        view does not hold is dropped: a body whose parent came later has
        no parent until then. Keys stay stable: a record is still found by
        every name it ever had. The docs' *Time* page has the rules in full.

        Args:
            when: The point in time: a year, a :class:`datetime.date`, a
                :class:`PartialDate` or its ISO text.
            undated: Keep the records of dated kinds whose date no source
                gives too.

        >>> import asean_digital as ad
        >>> then = ad.registry.as_of(2015)
        >>> then.body("ADGMIN").acronym
        'TELMIN'
        >>> len(then.member_states()), [p.acronym for p in then.master_plans()]
        (10, ['AIM2015', 'AIM2020'])
        >>> atrc = ad.registry.as_of(1998).body("ATRC")
        >>> atrc.name, atrc.parent
        ('ASEAN Telecommunication Regulators’ Committee', None)
        """
        if not isinstance(undated, bool):
            msg = f"undated must be True or False, got {undated!r}"
            raise TypeError(msg)
        moment = to_partial_date(when, argument="when")
        if self._as_of is not None and self._as_of.latest < moment.latest:
            moment = self._as_of
        from .timeview import view_dataset  # noqa: PLC0415 - only views need it

        return Registry(
            view_dataset(self._data if self._full is None else self._full._data, moment, undated=undated),
            _keys_from=self._full or self,
            _as_of=moment,
        )

    @property
    def kinds(self) -> tuple[str, ...]:
        """
        The kinds of record, as error messages and :func:`lookup` name them.

        >>> import asean_digital as ad
        >>> "body" in ad.registry.kinds
        True
        """
        return KINDS

    # -- any collection -----------------------------------------------------

    def records(self, collection: str, **filters: Any) -> Results[Any]:
        """
        The records of the collection named *collection*, filtered, in the registry's order.

        The generic form of every kind's query: *filters* are the filters the
        collection declares (those of :meth:`bodies` for ``"bodies"``), and
        ``source``. Every kind of record has this query; most also have their
        own, typed (:meth:`bodies`, :meth:`documents`, ...).

        Raises:
            ValueError: *collection* is not the name of a collection.
            TypeError: A filter is not one the collection declares.

        >>> import asean_digital as ad
        >>> ad.registry.records("partners") == ad.registry.partners()
        True
        >>> [b.acronym for b in ad.registry.records("bodies", established_before=1996)]
        ['ATRC']
        """
        return self._query(self._store.collection(collection).name, filters)

    def stored(self, collection: str) -> Results[Any]:
        """
        The records of the collection *collection* as the data files hold them, in the registry's order.

        Unlike :meth:`records`, a collection's records are only its own (the
        documents without the declarations) and nothing derived is added
        (the relations without the hierarchy's ``part_of``); every collection
        of the table has them, source documents and relations included.

        >>> import asean_digital as ad
        >>> len(ad.registry.stored("documents")) + len(ad.registry.stored("declarations"))
        92
        """
        found = [c for c in COLLECTIONS if c.name == collection]
        if not found:
            allowed = ", ".join(repr(c.name) for c in COLLECTIONS)
            msg = f"collection must be one of {allowed}, got {collection!r}"
            raise (TypeError if not isinstance(collection, str) else ValueError)(msg)
        return Shelf(self._data.collection(collection), self, kind=found[0].cls).select(None)

    def record(self, collection: str, key: str) -> Any:
        """
        The record of the collection *collection* that *key* finds.

        >>> import asean_digital as ad
        >>> ad.registry.record("bodies", "TELMIN").id
        'adgmin'
        """
        return self._store.get(key, self._store.collection(collection).kind)
