"""
Meetings of every body, the series they belong to, and who took part in them.

A :class:`Series` is a run of numbered meetings with a naming history, as a
body has (the senior officials' TELSOM became ADGSOM; the ministers' sessions
with Japan became *Digital* Ministers' Meetings in 2021). A :class:`Meeting`
is one of them, or a meeting no series numbers. Its :class:`Participant`
records say who took part and in what :class:`ParticipantRole`; its chair
and vice-chair are views of them, so nothing is stated twice.
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made (see parts.py).
import enum
from typing import ClassVar

import attrs

from .dates import Period
from .fields import publish
from .parts import Erratum, Held, MeetingMode, Name, Record, Renamed, Source

__all__ = ["Meeting", "Participant", "ParticipantRole", "Person", "Series"]


class ParticipantRole(enum.Enum):
    """
    The part someone played in a meeting, as a source words it.

    >>> ParticipantRole("head of delegation")
    <ParticipantRole.HEAD_OF_DELEGATION: 'head of delegation'>
    """

    CHAIR = "chair"
    """Chaired it (the meeting's ``chair`` view)."""
    VICE_CHAIR = "vice-chair"
    """Vice-chaired it (the meeting's ``vice_chair`` view)."""
    CO_CHAIR = "co-chair"
    """Co-chaired it, for ASEAN or for the partner of a +1 session."""
    HEAD_OF_DELEGATION = "head of delegation"
    """Led a member state's, a partner's or an organisation's delegation."""
    OPENED_BY = "opened by"
    """Opened it (a head of state or government, a host minister)."""
    KEYNOTE = "keynote"
    """Gave a keynote address."""
    SECRETARY_GENERAL = "secretary-general"
    """Attended as Secretary-General (or Deputy) of ASEAN or of an organisation."""


@attrs.frozen(kw_only=True)
class Participant:
    """
    Someone who took part in a meeting, in one role, as far as the sources say.

    Attributes:
        person: The id of the :class:`~asean_digital.Person`, or ``None``
            where the sources name only whom they represented.
        name: The name as the meeting's source gives it, or ``None``.
        title: Their office then (``"Minister for Communications and
            Information"``), where a source gives it.
        member_state: The id of the member state they represented.
        partner: The id of the dialogue partner they represented.
        organisation: The organisation they represented (``"ASEAN
            Secretariat"``), where it is neither.
        role: The part they played; ``chair`` where not given (the meaning
            a participant had before roles).

    >>> import asean_digital as ad
    >>> chair = ad.registry.meeting("3rd ADGMIN").chair
    >>> chair.member_state, chair.role.value
    ('PH', 'chair')
    """

    person: str | None = None
    name: str | None = None
    title: str | None = None
    member_state: str | None = None
    partner: str | None = None
    organisation: str | None = None
    role: ParticipantRole = ParticipantRole.CHAIR

    def __str__(self) -> str:
        """
        The name and whom they represented; where no source names the person, says so.

        A member state alone would read as if the state itself had chaired.

        >>> str(Participant(name="Yaacob Ibrahim", member_state="SG")), str(Participant(member_state="MM"))
        ('Yaacob Ibrahim (SG)', 'name not given (MM)')
        """
        whom = self.member_state or self.partner or self.organisation
        if self.name is None:
            return f"name not given ({whom})" if whom else ""
        return self.name if whom is None else f"{self.name} ({whom})"


@attrs.frozen(kw_only=True, repr=False)
class Series(Record, Renamed):
    """
    A series of meetings with its naming history: a body's own, a joint one, or a +1 series with a partner.

    Not to be confused with a body's :attr:`~asean_digital.Body.meetings`,
    the schedules the ASEAN Secretariat's page gives; this is the run of
    meetings actually held, which :meth:`Registry.meetings(series=...)
    <asean_digital.Registry.meetings>` lists in order.

    Attributes:
        id: Stable lower-case slug (``"adgsom-meetings"``).
        name: Its name now (the last of *names*, where it has a history).
        names: Its naming history, oldest first, where the sources give one.
        body: The id of the ASEAN body that meets in it, where one does.
        partner: The id of the partner of a +1 series.
        joint_with: The ids of the bodies it is held jointly with.
        description: What it is, in a few words of our own.
        aliases: Other names the sources give it.
        sources: Where its facts came from.
        errata: Where the sources disagree about it.

    >>> import asean_digital as ad
    >>> ad.registry.series("TELSOM").name_at(2015).acronym
    'TELSOM'
    """

    id: str
    name: str
    names: tuple[Name, ...] = ()
    body: str | None = None
    partner: str | None = None
    joint_with: tuple[str, ...] = ()
    description: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Meeting(Record, Held):
    """
    One meeting of any body: ministers, senior officials, regulators, a working group, a +1 session.

    TELMIN and ADGMIN are one body (``"adgmin"``) under two names, and each
    name numbers its meetings from 1: the 19th TELMIN was followed by the
    1st ADGMIN. A meeting's key names the body or series as it was then, so
    ``"ADGMIN 3"`` is the 3rd ADGMIN and ``"TELMIN 3"`` the 3rd TELMIN.
    A +1 session has a *partner*; :meth:`Registry.meetings(body=...)
    <asean_digital.Registry.meetings>` gives a body's own meetings, without them.

    Attributes:
        id: ``"telmin-12"``, ``"adgmin-3"``: the name then borne and the number.
        body: The id of the ASEAN body that met (``"adgmin"``); ``None`` for
            a meeting no sectoral body holds (the ministerial conference on
            cybersecurity, the cyber policy dialogues).
        series: The id of its :class:`Series`, where it belongs to one.
        number: Its number in that series as the sources give it (under the
            name the series then bore); ``None`` where none numbers it.
        name: Its name then (``"12th TELMIN"``).
        dates: Its own days, at the precision the sources give.
        city: The city it was held in, where a source says.
        host: The id of the member state that hosted (chaired) it.
        mode: How it was held (in person, online, hybrid); ``None`` where no
            source says. :attr:`virtual` is whether it was online only.
        partner: The id of the partner of a +1 session.
        alongside: The id of the meeting whose week it ran in (an ADGMIN).
        joint_with: The ids of the other bodies meeting jointly in it.
        participants: Who took part, each in a role; the chair and
            vice-chair are among them.
        theme: Its theme, as the stronger source words it.
        outcomes: The ids of the documents and master plans it adopted,
            endorsed or launched.
        partners: The ids of the partners it held ASEAN+1 sessions with.
        aliases: Other names the sources give it.
        sources: Where its facts came from.
        errata: Where the sources disagree about it.

    >>> import asean_digital as ad
    >>> m = ad.registry.meeting("ADGMIN 3")
    >>> m.name, m.city, m.host, str(m.dates)
    ('3rd ADGMIN', 'Boracay Island', 'PH', '2023-02-09/2023-02-10')
    """

    VIEWS: ClassVar[tuple[str, ...]] = ("chair", "vice_chair")
    """The properties that are views of the fields: each a column in tables, each with its sources."""

    id: str
    body: str | None
    series: str | None = None
    number: int | None = None
    name: str
    dates: Period
    city: str | None = None
    host: str | None = None
    mode: MeetingMode | None = None
    partner: str | None = None
    alongside: str | None = None
    joint_with: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    theme: str | None = None
    outcomes: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()

    def _in_role(self, role: ParticipantRole) -> int | None:
        return next((i for i, p in enumerate(self.participants) if p.role is role), None)

    @property
    def chair(self) -> Participant | None:
        """
        The participant who chaired it (in the role ``chair``), or ``None``.

        >>> import asean_digital as ad
        >>> str(ad.registry.meeting("12th TELMIN").chair)
        'Mario G. Montejo (PH)'
        """
        i = self._in_role(ParticipantRole.CHAIR)
        return None if i is None else self.participants[i]

    @property
    def vice_chair(self) -> Participant | None:
        """The participant who vice-chaired it (in the role ``vice-chair``), or ``None``."""
        i = self._in_role(ParticipantRole.VICE_CHAIR)
        return None if i is None else self.participants[i]

    @property
    def own_body(self) -> str | None:
        """
        The id of its body where it is the body's own meeting; ``None`` for a +1 session with a partner.

        What ``meetings(body=...)`` matches: a body's own meetings.
        """
        return self.body if self.partner is None else None

    def _view_path(self, field: str) -> str:
        """``chair`` and ``vice_chair`` (and paths into them) stand for their place in ``participants``."""
        root, dot, rest = field.partition(".")
        if root in self.VIEWS:
            i = self._in_role(ParticipantRole.CHAIR if root == "chair" else ParticipantRole.VICE_CHAIR)
            if i is not None:
                return f"participants[{i}]{dot}{rest}"
        return field


@attrs.frozen(kw_only=True, repr=False)
class Person(Record):
    """
    Someone the sources name as taking part in a meeting: one record across meetings and spellings.

    Attributes:
        id: Stable lower-case slug (``"yaacob-ibrahim"``).
        name: The name as official sources most often write it.
        aliases: The other spellings the sources use, each a key.
        sources: Where its facts came from.
        errata: Where the sources disagree about them.

    >>> import asean_digital as ad
    >>> [m.name for m in ad.registry.meetings(person="Yaacob Ibrahim", body="ADGMIN")]
    ['12th TELMIN', '13th TELMIN', '14th TELMIN']
    >>> telmin14 = ad.registry.meeting("14th TELMIN")
    >>> [p.role.value for p in telmin14.participants if p.person == "yaacob-ibrahim"]
    ['head of delegation']
    >>> ad.registry.person("Prasert Chantararuangthong").name
    'Prasert Jantararuangtong'
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


publish(globals(), ParticipantRole, Participant, Series, Meeting, Person)
