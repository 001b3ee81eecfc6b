"""
The kinds' own queries, typed: each a one-line call of the registry's generic query.

The filters a method takes are declared once, in its collection's row of the
table of collections (:attr:`~asean_digital.model.table.Collection.filters`);
the method only gives them their types for a reader and a type checker, and
passes them on with ``locals()``. A test holds each method's keyword
arguments to its collection's declaration.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, TypeVar, cast

from asean_digital.model.collections import collection
from asean_digital.model.dates import to_partial_date

from .results import Results
from .sector_kinds import SectorQueries

if TYPE_CHECKING:
    from asean_digital.model.competition import Event
    from asean_digital.model.dates import When
    from asean_digital.model.documents import Declaration, Document, MasterPlan
    from asean_digital.model.meeting import Meeting, Person
    from asean_digital.model.parts import BodyKind, DocumentKind, MeetingMode
    from asean_digital.model.records import Body, MemberState, Partner


__all__ = ["KindQueries"]

R = TypeVar("R")


class KindQueries(SectorQueries):
    """The query methods of each kind of record (see :class:`~asean_digital.Registry`, which has them)."""

    __slots__ = ()

    # -- bodies -------------------------------------------------------------

    def bodies(
        self,
        *,
        kind: BodyKind | str | None = None,
        parent: str | None = None,
        partner: str | None = None,
        established_before: When | None = None,
        established_after: When | None = None,
        source: str | None = None,
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
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        Returns:
            The matching bodies, by establishment (unknown last), then id.

        Raises:
            TypeError: An argument is of the wrong type.
            ValueError: An enum value or date is not valid.
            NotFoundError: A key finds no record.

        >>> import asean_digital as ad
        >>> [b.acronym for b in ad.registry.bodies(kind="working_group", parent="ADGSOM")]
        ['ANSAC', 'WG-DDG', 'WG-AI', 'ADGSOM WG']
        >>> [b.acronym for b in ad.registry.bodies(partner="EU")]
        ['ADGSOM', 'ADGSOM WG', 'ATRC WG']
        """
        return self._query("bodies", locals())

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
        return cast("Body", self._get(key, "body"))

    def children(self, key: str) -> Results[Body]:
        """
        The direct sub-bodies of the body *key* finds.

        >>> import asean_digital as ad
        >>> [b.acronym for b in ad.registry.children("ATRC")]
        ['SSM', 'ATRC WG']
        """
        return self._query("bodies", {"parent": key})

    def ancestors(self, key: str) -> Results[Body]:
        """
        The bodies above the body *key* finds, nearest first.

        >>> import asean_digital as ad
        >>> [b.acronym for b in ad.registry.ancestors("SSM")]
        ['ATRC', 'ADGMIN']
        """
        cls = collection("bodies").cls
        body = cast("Body", self._get(key, "body"))
        out: list[Body] = []
        seen = {body.id}
        while isinstance(parent := self._store.by_id(body.parent or "", "body"), cls):
            body = cast("Body", parent)
            if body.id in seen:
                break
            seen.add(body.id)
            out.append(body)
        return Results(out, self, kind=cls)

    # -- documents ----------------------------------------------------------

    def documents(
        self,
        *,
        kind: DocumentKind | str | None = None,
        meeting: str | None = None,
        year: int | None = None,
        published_before: When | None = None,
        published_after: When | None = None,
        source: str | None = None,
    ) -> Results[Document]:
        """
        The key documents (declarations included), filtered.

        Args:
            kind: Only documents listed under this :class:`DocumentKind`.
            meeting: Only documents adopted, endorsed or launched at this
                meeting (a key: ``"5th ADGMIN"``).
            year: Only documents published in this year.
            published_before: Only documents dated wholly before this: by
                publication or adoption, else by the start of the period
                they cover (the *Responsible AI Roadmap (2025-2030)* is
                dated 2025).
            published_after: Only documents dated wholly after this (dated
                as for *published_before*).
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        Returns:
            The matching documents, by date (publication, else the period's
            start; undated last), then id.

        >>> import asean_digital as ad
        >>> [d.title for d in ad.registry.documents(kind="framework", published_before=2018)]
        ['ASEAN Framework on Personal Data Protection', 'ASEAN Framework on International Mobile Roaming']
        >>> len(ad.registry.documents(year=2021))
        6
        >>> [d.id for d in ad.registry.documents(meeting="1st ADGMIN")][-1]
        'putrajaya-declaration-2021'
        """
        return self._query("documents", locals())

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
        return cast("Document", self._get(key, "document"))

    def declarations(
        self,
        *,
        body: str | None = None,
        host: str | None = None,
        year: int | None = None,
        meeting_number: int | None = None,
        city: str | None = None,
        published_before: When | None = None,
        published_after: When | None = None,
        source: str | None = None,
    ) -> Results[Declaration]:
        """
        The ministerial declarations and statements, filtered.

        Args:
            body: Only those of the meetings of this body (a key; ``"TELMIN"``
                and ``"ADGMIN"`` are the same body).
            host: Only those of meetings this member state hosted (a key).
            year: Only those of this year.
            meeting_number: Only those of meetings with this ordinal (under
                the name the body then bore: 5 is the 5th TELMIN and the 5th
                ADGMIN).
            city: Only those of meetings in this city, matched regardless of
                case, spacing and accents (``"Putra Jaya"`` finds Putrajaya).
            published_before: Only those adopted wholly before this point in time.
            published_after: Only those adopted wholly after this point in time.
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        >>> import asean_digital as ad
        >>> [d.title for d in ad.registry.declarations(host="Thailand")]
        ['Bangkok Statement', 'Bangkok Declaration']
        >>> [d.meeting_name for d in ad.registry.declarations(city="Putra Jaya")]
        ['1st ADGMIN']
        >>> [d.meeting_name for d in ad.registry.declarations(meeting_number=5, published_after=2020)]
        ['5th ADGMIN']
        """
        return self._query("declarations", locals())

    # -- meetings and people --------------------------------------------------

    def meetings(
        self,
        *,
        body: str | None = None,
        series: str | None = None,
        host: str | None = None,
        year: int | None = None,
        mode: MeetingMode | str | None = None,
        partner: str | None = None,
        person: str | None = None,
        held_before: When | None = None,
        held_after: When | None = None,
        source: str | None = None,
    ) -> Results[Meeting]:
        """
        The meetings of every body, filtered, oldest first.

        Args:
            body: Only the body's own meetings, without its +1 sessions with
                partners (a key; ``"TELMIN"`` and ``"ADGMIN"`` are the same body).
            series: Only the meetings of this series (a key: ``"TELSOM"``,
                an id of :meth:`~asean_digital.Registry.series`).
            host: Only those this member state hosted (a key).
            year: Only those that began in this year.
            mode: Only those held this way (a :class:`MeetingMode` or its
                value: ``"virtual"`` is online only).
            partner: Only those with this partner (a key): its +1 sessions,
                and the meetings that held one with it.
            person: Only those this person took part in, in any role (a key:
                any spelling the sources use).
            held_before: Only those that began wholly before this point in time.
            held_after: Only those that began wholly after this point in time.
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        >>> import asean_digital as ad
        >>> [m.name for m in ad.registry.meetings(host="Philippines", body="ADGMIN")]
        ['2nd TELMIN', '12th TELMIN', '3rd ADGMIN']
        >>> [m.city for m in ad.registry.meetings(body="ADGMIN", held_after=2023)]
        ['Singapore', 'Bangkok', 'Ha Noi']
        >>> [m.name for m in ad.registry.meetings(body="ATRC")]
        ['1st ATRC', '3rd ATRC', 'ATRC meeting', '18th ATRC', '24th ATRC', '29th ATRC']
        >>> [(m.number, m.partner) for m in ad.registry.meetings(series="india-ministers")][-2:]
        [(2, 'IN'), (3, 'IN')]
        >>> [m.id for m in ad.registry.meetings(series="AMCC", held_before=2018)]
        ['amcc-1', 'amcc-2']
        """
        return self._query("meetings", locals())

    def meeting(self, key: str) -> Meeting:
        """
        The meeting *key* finds: ``"TELMIN 12"``, ``"12th TELMIN"``, ``"ADGMIN-3"``, ``"3rd ADGMIN"``, its id.

        A key names the body as it was then: ``"ADGMIN 3"`` is the 3rd
        ADGMIN (2023), never the 3rd TELMIN (2003).

        Raises:
            NotFoundError: No meeting matches; the message suggests close keys.

        >>> import asean_digital as ad
        >>> ad.registry.meeting("ADGMIN 3").dates.start.year, ad.registry.meeting("TELMIN 3").dates.start.year
        (2023, 2003)
        >>> ad.registry.meeting("12th TELMIN").city
        'Cebu'
        """
        return cast("Meeting", self._get(key, "meeting"))

    def people(self, *, source: str | None = None) -> Results[Person]:
        """
        The people the sources name as taking part in a meeting, in any role, by id.

        >>> import asean_digital as ad
        >>> [p.name for p in ad.registry.people()][1:3]
        ['Abu Bakar Apong', 'あかま二郎']
        """
        return self._query("people", locals())

    def person(self, key: str) -> Person:
        """
        The person *key* finds: by id, name or any spelling the sources use.

        Raises:
            NotFoundError: No person matches.
        """
        return cast("Person", self._get(key, "person"))

    # -- master plans, events, partners, member states ------------------------

    def master_plans(self, *, source: str | None = None) -> Results[MasterPlan]:
        """
        The master plans, oldest first.

        >>> import asean_digital as ad
        >>> [(p.acronym, len(p.thrusts)) for p in ad.registry.master_plans()]
        [('AIM2015', 6), ('AIM2020', 8), ('ADM2025', 5), ('ADM2030', 0)]
        """
        return self._query("master_plans", locals())

    def master_plan(self, key: str) -> MasterPlan:
        """
        The master plan *key* finds.

        >>> import asean_digital as ad
        >>> str(ad.registry.master_plan("AIM 2020").period)
        '2016/2020'
        """
        return cast("MasterPlan", self._get(key, "master plan"))

    def events(
        self,
        *,
        partner: str | None = None,
        started_before: When | None = None,
        started_after: When | None = None,
        source: str | None = None,
    ) -> Results[Event]:
        """
        The talent competitions, filtered.

        >>> import asean_digital as ad
        >>> [e.id for e in ad.registry.events(started_after=2010)]
        ['ict-innovation-award', 'asean-digital-awards', 'makers-hackathon', 'cyber-sea-game']
        >>> [e.name for e in ad.registry.events(partner="Japan")]
        ['ASEAN-Japan Cyber SEA Game']
        """
        return self._query("events", locals())

    def event(self, key: str) -> Event:
        """
        The event *key* finds.

        >>> import asean_digital as ad
        >>> str(ad.registry.event("ASEAN Cyber-Kids Camp").started)
        '2008-11-24'
        """
        return cast("Event", self._get(key, "event"))

    def partners(self, *, source: str | None = None) -> Results[Partner]:
        """
        The dialogue partners, by id.

        >>> import asean_digital as ad
        >>> [p.id for p in ad.registry.partners()]
        ['CN', 'EU', 'IN', 'ITU', 'JP', 'KR', 'US']
        """
        return self._query("partners", locals())

    def partner(self, key: str) -> Partner:
        """
        The partner *key* finds (``"ROK"``, ``"U.S."``, ``"ITU"``).

        >>> import asean_digital as ad
        >>> ad.registry.partner("ROK").name
        'Republic of Korea'
        """
        return cast("Partner", self._get(key, "partner"))

    def member_states(self, *, as_of: When | None = None, source: str | None = None) -> Results[MemberState]:
        """
        The ASEAN Member States, by accession then id.

        Args:
            as_of: Only those that had joined by then (a partial date is taken
                at its latest day); ``None`` for the members today.
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        >>> import asean_digital as ad
        >>> len(ad.registry.member_states()), len(ad.registry.member_states(as_of=1990))
        (11, 6)
        """
        moment = _dt.date.today() if as_of is None else to_partial_date(as_of, argument="as_of").latest
        if self._as_of is not None:
            moment = min(moment, self._as_of.latest)
        return Results(
            (s for s in self._query("member_states", {"source": source}) if s.joined.latest <= moment),
            self,
            kind=collection("member_states").cls,
        )

    def member_state(self, key: str) -> MemberState:
        """
        The member state *key* finds: alpha-2, alpha-3 or name.

        >>> import asean_digital as ad
        >>> [ad.registry.member_state(k).id for k in ("TH", "THA", "Thailand")]
        ['TH', 'TH', 'TH']
        """
        return cast("MemberState", self._get(key, "member state"))
