"""
The entities: the kinds of record the registry holds.

Every entity has an ``id`` and ``sources`` (where its facts came from) and may
carry ``errata`` (where the source contradicts itself or has a typo, and
which value the data keeps). Each kind is a row of the table of collections
(:mod:`asean_digital.model.collections`).
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made, so structuring never has to evaluate them
# from strings. ``When`` stays quoted in signatures so that the API reference
# names the alias rather than spelling out its union.
from typing import TypeAlias

import attrs

from .competition import Edition
from .dates import PartialDate, Period
from .fields import publish
from .meeting import Meeting, Person, Series
from .parts import (
    BodyKind,
    DocumentAct,
    DocumentKind,
    Erratum,
    MeetingSeries,
    Name,
    PartnerKind,
    Predicate,
    Record,
    Renamed,
    Source,
    Thrust,
)
from .process import Process
from .sector import Dialogue, Initiative, PolicyArea, Sector

__all__ = [
    "Body",
    "Declaration",
    "Dialogue",
    "Document",
    "Edition",
    "Entity",
    "Event",
    "Initiative",
    "MasterPlan",
    "Meeting",
    "MemberState",
    "Partner",
    "Person",
    "PolicyArea",
    "Process",
    "Relation",
    "Sector",
    "Series",
]


@attrs.frozen(kw_only=True, repr=False)
class Body(Record, Renamed):
    """
    A sectoral body or committee.

    The ministers' meeting, its senior officials, the regulators' council,
    and their working groups.

    Attributes:
        id: Stable lower-case slug (``"adgmin"``).
        acronym: The current acronym (the one of ``names[-1]``).
        name: The current full name (the one of ``names[-1]``).
        kind: What kind of body it is.
        parent: The id of the body it reports to, or ``None`` at the top.
        established: When it was established (its first meeting), at the
            precision the source gives, or ``None`` where not given.
        names: The full naming history, oldest first, current last.
        representation: Who sits on it (``"Director-General"``).
        role: Its role in the hierarchy as the source words it, where it
            does (``"ADGSOM’s working group"``).
        description: A short account, in our words, of what the sources say of how the body
            came about and what it does (``None`` where they say nothing).
        meetings: Its recurring meetings.
        aliases: Other names people use for it.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> adgmin = ad.registry.body("TELMIN")
    >>> adgmin.acronym, str(adgmin.established)
    ('ADGMIN', '2001-07-13')
    >>> adgmin.name_at(2015).acronym
    'TELMIN'
    """

    id: str
    acronym: str | None
    name: str
    kind: BodyKind
    parent: str | None
    established: PartialDate | None
    names: tuple[Name, ...]
    representation: str
    role: str | None
    description: str | None
    meetings: tuple[MeetingSeries, ...]
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Partner(Record):
    """
    A dialogue partner of the sector's ASEAN+1 consultations.

    Attributes:
        id: ISO 3166-1 alpha-2 code for a country (``"KR"``), else an
            upper-case acronym (``"EU"``, ``"ITU"``).
        name: The full name.
        kind: Country, regional or international organisation.
        aliases: Other names, such as the source's ``"ROK"`` and ``"U.S."``.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> ad.registry.partner("ROK").id, ad.registry.partner("ITU").kind.value
    ('KR', 'international_organisation')
    """

    id: str
    name: str
    kind: PartnerKind
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class MemberState(Record):
    """
    An ASEAN Member State (AMS).

    Attributes:
        id: ISO 3166-1 alpha-2 code (``"TH"``).
        name: The name ASEAN uses (``"Viet Nam"``).
        alpha3: ISO 3166-1 alpha-3 code (``"THA"``).
        joined: When it joined ASEAN.
        founding: Whether it is a founding member (1967).
        aliases: Other names people use (``"Vietnam"``).
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> th = ad.registry.member_state("Thailand")
    >>> th.alpha3, str(th.joined), th.founding
    ('THA', '1967-08-08', True)
    """

    id: str
    name: str
    alpha3: str
    joined: PartialDate
    founding: bool = False
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class MasterPlan(Record):
    """
    A sectoral master plan: AIM2015, AIM2020, ADM2025.

    Attributes:
        id: Stable lower-case slug (``"aim2020"``).
        acronym: Its acronym (``"AIM2020"``).
        name: Its full name.
        period: Its implementation period.
        adopted: When the ministers adopted it, where a source dates it: a
            plan exists from then (AIM2020, adopted in November 2015, is in
            the registry as it stood in 2015), else from its period's start.
        thrusts: Its strategic thrusts, in order.
        status: Its status as the source describes it, where it does.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> [t.title for t in ad.registry.master_plan("ADM2025").thrusts][:2]
    ['Digital Infrastructure', 'Digital Transformation']
    """

    id: str
    acronym: str
    name: str
    period: Period
    adopted: PartialDate | None = None
    thrusts: tuple[Thrust, ...]
    status: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Document(Record):
    """
    A key document: a framework, guideline, publication or related link.

    A document listed under more than one heading of the source is one
    record whose ``kinds`` name every listing, the first listing first.

    Attributes:
        id: Stable lower-case slug.
        title: The title as the source gives it.
        kinds: Every listing it appears in, primary first.
        published: When it was adopted or published, where the source says.
        period: The period it covers, where its title gives one
            (``2021-2025``).
        publisher: Who publishes it, for links to other organisations.
        meeting: The id of the :class:`Meeting` that adopted, endorsed or
            launched it, where a source says.
        act: What was done with it on its ``published`` date (adopted,
            endorsed, launched, ...), where a source says.
        led_by: The id of the member state that led its drafting, where a
            source says.
        summary: What it is, in one line of our own words.
        url: The document's own page, as a search of the public record
            returned it (never a guessed address).
        aliases: Other names people use (``"PDP Framework"``) and the other
            titles it is listed under.
        title_translated: An English rendering of a title the sources give
            only in another language (Japanese, Korean): a translation, not
            the title; its citation says whose it is.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> d = ad.registry.document("PDP Framework")
    >>> d.id, [k.value for k in d.kinds], str(d.published)
    ('pdp-framework', ['framework'], '2016')
    """

    id: str
    title: str
    kinds: tuple[DocumentKind, ...]
    published: PartialDate | None = None
    period: Period | None = None
    publisher: str | None = None
    meeting: str | None = None
    act: DocumentAct | None = None
    led_by: str | None = None
    summary: str | None = None
    url: str | None = None
    aliases: tuple[str, ...] = ()
    title_translated: str | None = None
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Declaration(Document):
    """
    A ministerial declaration or statement, adopted at a ministers' meeting.

    Attributes:
        body: The id of the body whose meeting adopted it (``"adgmin"``).
        meeting_number: The meeting's ordinal (19 for the 19th TELMIN).
        meeting_name: The meeting as it was then named (``"19th TELMIN"``).
        city: The city of the meeting.
        region: The region of the city, where the sources name one
            (``"Bali"`` for Ubud).
        host: The id of the member state hosting it.

    >>> import asean_digital as ad
    >>> d = ad.registry.document("Vientiane Declaration")
    >>> d.meeting_name, d.city, d.host
    ('19th TELMIN', 'Vientiane', 'LA')
    """

    body: str
    meeting_number: int
    meeting_name: str
    city: str
    host: str
    region: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Event(Record):
    """
    A regular competition-based event for digital talent.

    Attributes:
        id: Stable lower-case slug.
        name: Its name.
        started: When it was first held.
        names: Its names over time, oldest first, where it was renamed
            (the ASEAN ICT Awards became the ASEAN Digital Awards).
        per_year: How many times a year it is held.
        partners: Ids of the partners it is held with.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> camp = ad.registry.event("ASEAN Cyber-Kids Camp")
    >>> str(camp.started)
    '2008-11-24'
    """

    id: str
    name: str
    started: PartialDate
    names: tuple[Name, ...] = ()
    per_year: int | None = 1
    partners: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Relation(Record):
    """
    A stated relation between two records: *subject* PREDICATE *object*.

    Attributes:
        subject: The id of the subject record.
        predicate: The verb.
        object: The id of the object record.
        sources: Where the relation is stated.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> [r.object for r in ad.registry.relations(subject="ATRC", predicate="advises")]
    ['adgmin']
    """

    subject: str
    predicate: Predicate
    object: str
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()

    @property
    def id(self) -> str:
        """``"subject predicate object"``, unique among relations."""
        return f"{self.subject} {self.predicate.value} {self.object}"


Entity: TypeAlias = (
    Body
    | Document
    | Declaration
    | MasterPlan
    | Meeting
    | Person
    | Series
    | Edition
    | Event
    | Partner
    | MemberState
    | Relation
    | Sector
    | PolicyArea
    | Dialogue
    | Initiative
    | Process
)
"""Any record the registry holds."""


publish(globals(), Body, Partner, MemberState, MasterPlan, Document, Declaration, Event, Relation)
