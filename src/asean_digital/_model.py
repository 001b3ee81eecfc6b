"""
The domain model: immutable, typed records of the ASEAN Digital sector.

Every record class is a frozen, slotted attrs class; sequences are tuples.
Every entity has an ``id`` and ``sources`` (where its facts came from) and may
carry ``errata`` (where the source contradicts itself or has a typo, and
which value the data keeps).
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made, so structuring never has to evaluate them
# from strings (typing's evaluation compiles each one, which cost more than
# loading the data). ``When`` stays quoted in signatures so that the API
# reference names the alias rather than spelling out its union.
import enum
from typing import TypeAlias

import attrs

from ._dates import FieldsEq, FieldsRepr, PartialDate, Period, When, to_partial_date

__all__ = [
    "Body",
    "BodyKind",
    "Declaration",
    "Dialogue",
    "Document",
    "DocumentKind",
    "Entity",
    "Erratum",
    "Event",
    "Initiative",
    "MasterPlan",
    "MeetingSeries",
    "MemberState",
    "Name",
    "Partner",
    "PartnerKind",
    "PolicyArea",
    "Predicate",
    "Relation",
    "Sector",
    "Source",
    "SourceDocument",
    "Thrust",
]


class BodyKind(enum.Enum):
    """
    The kind of a sectoral body.

    >>> BodyKind("regulators")
    <BodyKind.REGULATORS: 'regulators'>
    """

    MINISTERIAL = "ministerial"
    """A meeting of ministers (ADGMIN, formerly TELMIN)."""
    SENIOR_OFFICIALS = "senior_officials"
    """A meeting of senior officials (ADGSOM, formerly TELSOM)."""
    REGULATORS = "regulators"
    """A council of telecommunications regulators (ATRC)."""
    WORKING_GROUP = "working_group"
    """A working group, ad-hoc working group or sub-working group."""


class DocumentKind(enum.Enum):
    """
    The listing of the source page's *Key Documents* a document appears in.

    >>> DocumentKind.FRAMEWORK.value
    'framework'
    """

    FRAMEWORK = "framework"
    """*Framework Agreements*."""
    GUIDELINE = "guideline"
    """*Policy Frameworks and Guidelines*."""
    DECLARATION = "declaration"
    """*Ministerial Declarations*."""
    PUBLICATION = "publication"
    """ASEAN's own publications under *Publications and Related Links*."""
    LINK = "link"
    """Links to other organisations' resources under *Publications and Related Links*."""


class PartnerKind(enum.Enum):
    """What kind of party a dialogue partner is."""

    COUNTRY = "country"
    """A sovereign state."""
    REGIONAL_ORGANISATION = "regional_organisation"
    """A regional organisation such as the European Union."""
    INTERNATIONAL_ORGANISATION = "international_organisation"
    """An international organisation such as the ITU."""


class Predicate(enum.Enum):
    """
    The verb of a :class:`Relation`: *subject* PREDICATE *object*.

    >>> Predicate("advises").name
    'ADVISES'
    """

    PART_OF = "part_of"
    """The subject is a part of the object (a sub-body, a component initiative)."""
    BUILDS_ON = "builds_on"
    """The subject was built upon the object."""
    SUCCEEDS = "succeeds"
    """The subject follows the object (master plans)."""
    ADVISES = "advises"
    """The subject plays an advisory role to the object."""
    PARTNERS_WITH = "partners_with"
    """The subject works in partnership with the object."""
    DEVELOPS = "develops"
    """The subject develops the object."""
    SUPPORTS = "supports"
    """The subject assists or is supportive of the object."""
    MANDATED_BY = "mandated_by"
    """The subject was established as mandated by the object."""
    IMPLEMENTS = "implements"
    """The subject implements the object."""


class _Record(FieldsEq):
    """Behaviour every entity shares: equality by fields, a short repr and an HTML card in Jupyter."""

    __slots__ = ()

    def __repr__(self) -> str:
        from ._display import short_repr  # noqa: PLC0415

        return short_repr(self)

    def _repr_html_(self) -> str:
        from ._display import record_html  # noqa: PLC0415

        return record_html(self)


@attrs.frozen(repr=False, eq=False)
class SourceDocument(FieldsEq, FieldsRepr):
    """
    A document the data's facts come from.

    Attributes:
        id: Stable slug the :class:`Source` records refer to.
        title: The document's title.
        description: What the document is and how it is used.
        location: Where the document can be found (a path or an address), or
            ``None``.
    """

    id: str
    title: str
    description: str
    location: str | None = None


@attrs.frozen(order=True, repr=False)
class Source(FieldsRepr):
    """
    Where a fact came from: a source document and the section in it.

    Attributes:
        document: The id of the :class:`SourceDocument`.
        section: The section of that document, as its headings name it
            (``"Major Sectoral Bodies/Committees"``).

    >>> Source("seed-page", "Overview")
    Source(document='seed-page', section='Overview')
    """

    document: str
    section: str


@attrs.frozen(repr=False, eq=False)
class Erratum(FieldsEq, FieldsRepr):
    """
    A contradiction or typo in a source, and what the data keeps.

    A data library does not silently pick one side: the value kept is in the
    record, the other statement is here.

    Attributes:
        field: The field of the record the erratum touches (``"published"``).
        stated: What the source states elsewhere or as printed.
        kept: The value the data keeps.
        note: Why.
        sources: Where the contradiction was found.
    """

    field: str
    stated: str
    kept: str
    note: str
    sources: tuple[Source, ...]


@attrs.frozen(repr=False, eq=False)
class Name(FieldsEq, FieldsRepr):
    """
    A name a body or the sector bore, and when.

    Attributes:
        name: The full name.
        acronym: The acronym, or ``None`` where the source gives none.
        valid: When the name was in use; a renaming's date ends one name and
            starts the next.
    """

    name: str
    acronym: str | None
    valid: Period

    def __str__(self) -> str:
        return self.name if self.acronym is None else f"{self.name} ({self.acronym})"


def _name_at(names: tuple[Name, ...], when: "When") -> Name | None:
    # Names are contiguous (validated at load), so the name in use is the last
    # one started by the moment; a renaming's month belongs to the new name.
    moment = to_partial_date(when).latest
    first = names[0].valid.start if names else None
    if first is not None and moment < first.earliest:
        return None  # before the record existed, whatever later names' precision
    found: Name | None = None
    for name in names:
        start = name.valid.start
        if start is None or start.earliest <= moment:
            found = name
    if found is not None and found.valid.end is not None and moment > found.valid.end.latest:
        return None  # the record had ceased to exist
    return found


@attrs.frozen(kw_only=True, repr=False, eq=False)
class MeetingSeries(FieldsEq, FieldsRepr):
    """
    A recurring meeting of a body.

    Attributes:
        description: The source's wording of the schedule.
        per_year: The regular number of meetings a year; ``None`` where the
            body meets only as necessary.
        as_needed: Whether further meetings are held as and when needed.
        joint_with: Ids of the bodies the meetings are held jointly with.
        back_to_back_with: Ids of the bodies whose meeting this one is held
            back-to-back with.
        consultation_partners: Ids of the partners of the ASEAN+1
            consultations held with, or back-to-back with, these meetings.
    """

    description: str
    per_year: int | None
    as_needed: bool = False
    joint_with: tuple[str, ...] = ()
    back_to_back_with: tuple[str, ...] = ()
    consultation_partners: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Body(_Record):
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
        description: The source's own description of the body.
        meetings: Its recurring meetings.
        aliases: Other names people use for it.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> adgmin = ad.registry.body("TELMIN")
    >>> adgmin.acronym, str(adgmin.established)
    ('ADGMIN', '2001-07')
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
    description: str
    meetings: tuple[MeetingSeries, ...]
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()

    def name_at(self, when: "When") -> Name | None:
        """
        The name the body bore at *when*, or ``None`` before it existed.

        A partial *when* is taken at its latest day, so ``name_at(2019)`` is
        the name at the end of 2019.

        Args:
            when: A year, a :class:`datetime.date`, a :class:`PartialDate` or
                its ISO text.

        Raises:
            TypeError: *when* is not a point in time.

        >>> import asean_digital as ad
        >>> atrc = ad.registry.body("ATRC")
        >>> atrc.name_at(2005).name
        'ASEAN Telecommunication Regulators’ Committee'
        >>> atrc.name_at(1990) is None
        True
        """
        return _name_at(self.names, when)

    @property
    def former_names(self) -> tuple[Name, ...]:
        """
        Every name but the current one, oldest first.

        >>> import asean_digital as ad
        >>> [n.acronym for n in ad.registry.body("ADGSOM").former_names]
        ['TELSOM']
        """
        return self.names[:-1]


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Partner(_Record):
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
    """

    id: str
    name: str
    kind: PartnerKind
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class MemberState(_Record):
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
    """

    id: str
    name: str
    alpha3: str
    joined: PartialDate
    founding: bool = False
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Thrust(FieldsEq, FieldsRepr):
    """
    A strategic thrust of a master plan.

    Attributes:
        number: Its 1-based number, the source's (i), (ii), ...
        title: Its title.
        description: What it covers, where the source says.
    """

    number: int
    title: str
    description: str | None = None


@attrs.frozen(kw_only=True, repr=False, eq=False)
class MasterPlan(_Record):
    """
    A sectoral master plan: AIM2015, AIM2020, ADM2025.

    Attributes:
        id: Stable lower-case slug (``"aim2020"``).
        acronym: Its acronym (``"AIM2020"``).
        name: Its full name.
        period: Its implementation period.
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
    thrusts: tuple[Thrust, ...]
    status: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Document(_Record):
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
        aliases: Other names people use (``"PDP Framework"``) and the other
            titles it is listed under.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.
    """

    id: str
    title: str
    kinds: tuple[DocumentKind, ...]
    published: PartialDate | None = None
    period: Period | None = None
    publisher: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
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


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Event(_Record):
    """
    A regular competition-based event for digital talent.

    Attributes:
        id: Stable lower-case slug.
        name: Its name.
        started: When it was first held.
        per_year: How many times a year it is held.
        partners: Ids of the partners it is held with.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.
    """

    id: str
    name: str
    started: PartialDate
    per_year: int | None = 1
    partners: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Relation(_Record):
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


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Sector(_Record):
    """
    The ASEAN Digital sector itself, formerly the ASEAN ICT sector.

    Attributes:
        id: ``"digital"``.
        name: The current name.
        names: The naming history, oldest first, current last.
        scope: The areas of cooperation the sector covers.
        expanded_mandate: The policy areas the ministries were later tasked
            with.
        roles: The roles the ministries have taken on.
        aims: What the sector's work is to create and maintain.
        cooperation_methods: How the sector cooperates to bridge development
            gaps (studies, workshops).
        dialogue_participants: Who the sector's consultative dialogues are
            held with.
        dialogue_objectives: The policy objectives the dialogues balance with
            innovation and growth.
        framework_aims: What the regional framework agreements aim at.
        framework_basis: What the framework agreements take reference of.
        talent_aims: What the talent competitions promote.
        talent_audience: Whom the talent competitions are for.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions and gaps in the sources about it.

    >>> import asean_digital as ad
    >>> ad.registry.sector.name_at(2018).acronym
    'ICT'
    """

    id: str
    name: str
    names: tuple[Name, ...]
    scope: tuple[str, ...]
    expanded_mandate: tuple[str, ...]
    roles: tuple[str, ...]
    aims: tuple[str, ...]
    cooperation_methods: tuple[str, ...]
    dialogue_participants: tuple[str, ...]
    dialogue_objectives: tuple[str, ...]
    framework_aims: tuple[str, ...]
    framework_basis: tuple[str, ...]
    talent_aims: tuple[str, ...]
    talent_audience: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()

    def name_at(self, when: "When") -> Name | None:
        """The name the sector bore at *when* (see :meth:`Body.name_at`)."""
        return _name_at(self.names, when)

    @property
    def former_names(self) -> tuple[Name, ...]:
        """Every name but the current one, oldest first."""
        return self.names[:-1]


@attrs.frozen(kw_only=True, repr=False, eq=False)
class PolicyArea(_Record):
    """
    A policy area the sector has studied and discussed.

    Attributes:
        id: Stable lower-case slug.
        name: The area as the source names it.
        aliases: Other names, such as the source's gloss ``"digital divide"``.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Dialogue(_Record):
    """
    A regular stakeholders' consultative dialogue of the sector.

    Attributes:
        id: Stable lower-case slug.
        name: Its name or the source's description of it.
        per_year: How many times a year it is held, where the source says.
        partners: Ids of the partners whose authorities take part.
        convener: The id of the body that holds it, where the source says.
        topic: What it is about, where the source says.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.
    """

    id: str
    name: str
    per_year: int | None = None
    partners: tuple[str, ...] = ()
    convener: str | None = None
    topic: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Initiative(_Record):
    """
    An initiative or emerging strategic issue of the sector.

    Attributes:
        id: Stable lower-case slug.
        name: Its name.
        acronym: Its acronym, where it has one.
        description: What it is, in the source's words.
        themes: What it deals with.
        emerging_issue: Whether the source lists it among the emerging
            strategic issues.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.
    """

    id: str
    name: str
    acronym: str | None = None
    description: str | None = None
    themes: tuple[str, ...] = ()
    emerging_issue: bool = False
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


Entity: TypeAlias = (
    Body
    | Document
    | Declaration
    | MasterPlan
    | Event
    | Partner
    | MemberState
    | Relation
    | Sector
    | PolicyArea
    | Dialogue
    | Initiative
)
"""Any record the registry holds."""
