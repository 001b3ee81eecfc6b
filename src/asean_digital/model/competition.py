"""
The talent competitions and awards, and their editions: when and where each was held, and who won.

A competition (an :class:`Event`) is held again and again; an
:class:`Edition` is one of those times, with the meeting it was held
alongside (the ASEAN Digital Awards are presented during the ministers'
meeting) and its :class:`Winner` records as the pages name them.
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made (see parts.py).
import attrs

from .dates import PartialDate, Period
from .fields import publish
from .parts import Erratum, Held, MeetingMode, Name, Record, Source

__all__ = ["Edition", "Event", "Winner"]


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


@attrs.frozen(kw_only=True)
class Winner:
    """
    A prize of an edition and who won it, as far as the pages say.

    Attributes:
        prize: The prize (``"Gold"``, ``"1st prize"``).
        category: The category it was won in, where there are several.
        team: The team or entrant, as the page names it.
        project: What they entered (a product, a project).
        member_state: The id of the member state the team came from.
        partner: The id of the partner country the team came from (a
            Chinese team at the 2017 Makerthon).

    >>> import asean_digital as ad
    >>> first = ad.registry.edition("ASEAN Makerthon 2017").winners[0]
    >>> first.prize, first.project, first.partner
    ('1st prize', 'Good Box', 'CN')
    """

    prize: str
    category: str | None = None
    team: str | None = None
    project: str | None = None
    member_state: str | None = None
    partner: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Edition(Record, Held):
    """
    One edition of a talent competition or award: its dates, place, meeting and winners.

    Attributes:
        id: Stable lower-case slug (``"ada-2026"``).
        event: The id of the competition (:class:`~asean_digital.Event`).
        name: Its name as the pages give it (the competition's name then).
        number: Its number among the editions, where a page numbers it.
        dates: When it was held, at the precision the pages give.
        city: The city, where a page says.
        host: The id of the member state that hosted it.
        mode: How it was held (in person, online, hybrid); ``None`` where no
            page says. :attr:`virtual` is whether it was online only.
        meeting: The id of the meeting it was held alongside.
        theme: Its theme, where a page gives one.
        winners: The prizes and their winners the pages name (not always
            every prize).
        aliases: Other names the pages give it.
        sources: Where its facts came from.
        errata: Where the pages disagree about it.

    >>> import asean_digital as ad
    >>> ada = ad.registry.edition("ASEAN Digital Awards 2026")
    >>> ada.city, ada.host, ada.meeting
    ('Ha Noi', 'VN', 'adgmin-6')
    """

    id: str
    event: str
    name: str
    number: int | None = None
    dates: Period
    city: str | None = None
    host: str | None = None
    mode: MeetingMode | None = None
    meeting: str | None = None
    theme: str | None = None
    winners: tuple[Winner, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


publish(globals(), Event, Winner, Edition)
