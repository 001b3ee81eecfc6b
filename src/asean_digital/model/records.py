"""
The institutions and the relations between records: bodies, dialogue partners, member states.

Every record has an ``id`` and ``sources`` (where its facts came from) and may
carry ``errata`` (where the source contradicts itself or has a typo, and
which value the data keeps). Each kind is a row of the table of collections
(:mod:`asean_digital.model.collections`); the other kinds live in their own
modules (:mod:`.documents`, :mod:`.meeting`, :mod:`.competition`,
:mod:`.process`, :mod:`.sector`, :mod:`.activities`), so that a query imports
only the classes of what it reads. :data:`~.entity.Entity` is any of them.
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made, so structuring never has to evaluate them
# from strings. ``When`` stays quoted in signatures so that the API reference
# names the alias rather than spelling out its union.
import attrs

from .dates import PartialDate
from .fields import publish
from .parts import (
    BodyKind,
    Coordinator,
    Erratum,
    MeetingSeries,
    Name,
    PartnerKind,
    Predicate,
    Record,
    Renamed,
    Source,
)

__all__ = ["Body", "MemberState", "Partner", "Relation"]


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
        parent: The id of the body it reports to; ``None`` at the top, or
            where no source names one (an institution set up by leaders).
        established: When it was established (its first meeting), at the
            precision the source gives, or ``None`` where not given.
        names: The full naming history, oldest first, current last.
        representation: Who sits on it (``"Director-General"``), where a
            source says.
        role: Its role in the hierarchy as the source words it, where it
            does (``"ADGSOM’s working group"``).
        description: A short account, in our words, of what the sources say of how the body
            came about and what it does (``None`` where they say nothing).
        meetings: Its recurring meetings.
        set_up_at: The id of the meeting that set it up, launched it or
            agreed to set it up, where a source says.
        host: The id of the member state that hosts it (a centre's
            facility, a network's secretariat), where a source says.
        coordinators: The member states that chair or coordinate it, in
            order, where sources say.
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
    representation: str | None = None
    role: str | None = None
    description: str | None = None
    meetings: tuple[MeetingSeries, ...] = ()
    set_up_at: str | None = None
    host: str | None = None
    coordinators: tuple[Coordinator, ...] = ()
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


publish(globals(), Body, Partner, MemberState, Relation)
