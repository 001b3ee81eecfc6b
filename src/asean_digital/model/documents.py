"""
The sector's documents: master plans, and the frameworks, guidelines, publications and declarations.

Kept in a module of their own so that a query of bodies never builds these
classes (see :mod:`.records`).
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made, so structuring never has to evaluate them
# from strings.
import attrs

from .dates import PartialDate, Period
from .fields import publish
from .parts import DocumentAct, DocumentKind, Erratum, Record, Source

__all__ = ["Declaration", "Document", "MasterPlan", "Thrust"]


@attrs.frozen(kw_only=True)
class Thrust:
    """
    A numbered heading of a master plan: a strategic thrust, or a desired outcome.

    Attributes:
        number: Its 1-based number, the source's (i), (ii), ...
        title: Its title.
        description: What it covers, where the source says.

    >>> import asean_digital as ad
    >>> first = ad.registry.master_plan("ADM2025").thrusts[0]
    >>> first.number, first.title
    (1, 'Digital Infrastructure')
    """

    number: int
    title: str
    description: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class MasterPlan(Record):
    """
    A sectoral master plan: AIM2015, AIM2020, ADM2025, ADM2030.

    Attributes:
        id: Stable lower-case slug (``"aim2020"``).
        acronym: Its acronym (``"AIM2020"``).
        name: Its full name.
        period: Its implementation period.
        adopted: When the ministers adopted it, where a source dates it: a
            plan exists from then (AIM2020, adopted in November 2015, is in
            the registry as it stood in 2015), else from its period's start.
        meeting: The id of the meeting that adopted it, where a source says.
        vision: Its vision statement, as the sources word it.
        thrusts: Its strategic thrusts, in order.
        desired_outcomes: The outcomes it aims at, in order, where the
            sources give them (ADM2025 is organised by eight desired
            outcomes; the sector's page, written before its adoption, gives
            five thrusts: both are kept, and an erratum says why).
        projects: How many projects were carried out under it, as the
            sources count them at its end.
        drafted_by: Who drafted it, as the sources say, where they do.
        completion: How it ended, in a line of our own words (its
            completion report, where the ministers noted it). Which plan
            succeeded which is a relation (``succeeds``).
        status: Its status as the source describes it, where it does.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> adm = ad.registry.master_plan("ADM2025")
    >>> [t.title for t in adm.thrusts][:2]
    ['Digital Infrastructure', 'Digital Transformation']
    >>> len(adm.desired_outcomes), adm.projects, adm.meeting
    (8, 82, 'adgmin-1')
    """

    id: str
    acronym: str
    name: str
    period: Period
    adopted: PartialDate | None = None
    meeting: str | None = None
    vision: str | None = None
    thrusts: tuple[Thrust, ...]
    desired_outcomes: tuple[Thrust, ...] = ()
    projects: int | None = None
    drafted_by: str | None = None
    completion: str | None = None
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


publish(globals(), Thrust, MasterPlan, Document, Declaration)
