"""
Processes: negotiations and programmes that run over years, as dated milestones.

The ASEAN Digital Economy Framework Agreement (DEFA) is the first: its study,
the launch of negotiations, its rounds, its conclusion and its planned
signing. A milestone says whether it happened or is only planned (a planned
signing is not a signing), where, and at which meeting or forum.
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made (see parts.py).

import enum

import attrs

from .dates import PartialDate
from .fields import publish
from .parts import Erratum, ProcessKind, Record, Source

__all__ = ["Milestone", "MilestoneStatus", "Process", "ProcessKind"]


class MilestoneStatus(enum.Enum):
    """
    Whether a milestone happened, or is a plan a source states.

    >>> import asean_digital as ad
    >>> ad.registry.process("DEFA").milestones[-1].status
    <MilestoneStatus.PLANNED: 'planned'>
    """

    HAPPENED = "happened"
    """It took place on its date, as sources report."""
    PLANNED = "planned"
    """Sources state it as a plan or expectation: it had not happened when they wrote."""


@attrs.frozen(kw_only=True, repr=False)
class Milestone:
    """
    One dated step of a process.

    Attributes:
        date: When, as precisely as the sources give it (for a plan, when it
            is planned for).
        what: What happened, in a few words of our own (``"negotiations
            launched"``).
        status: Whether it happened or is planned.
        forum: The meeting or body where it happened, as the sources name it
            (``"23rd ASEAN Economic Community Council Meeting"``).
        meeting: The id of that meeting where the data holds it.
        city: The city, where the sources say.
        host: The id of the member state where it happened, where known.

    >>> import asean_digital as ad
    >>> launch = ad.registry.process("DEFA").milestones[1]
    >>> str(launch.date), launch.what, launch.city
    ('2023-09-03', 'negotiations launched and the negotiating framework adopted', 'Jakarta')
    """

    date: PartialDate | None
    what: str
    status: MilestoneStatus = MilestoneStatus.HAPPENED
    forum: str | None = None
    meeting: str | None = None
    city: str | None = None
    host: str | None = None

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.forum, self.city) if p)
        planned = " (planned)" if self.status is MilestoneStatus.PLANNED else ""
        return f"{self.date or 'undated'}: {self.what}{planned}" + (f" ({where})" if where else "")


@attrs.frozen(kw_only=True, repr=False)
class Process(Record):
    """
    A negotiation or programme that runs over years: DEFA.

    Attributes:
        id: Stable lower-case slug.
        name: Its name as the sources give it.
        acronym: Its short name (``"DEFA"``).
        kind: A negotiation, a programme or a year of cooperation.
        description: What it is, in a sentence of our own.
        led_by: The id of the member state that leads or chairs it, where a
            source says (Thailand chairs DEFA's negotiating committee).
        partner: The id of the dialogue partner it is held with (a year of
            cooperation), where it has one.
        body: The id of the body it set up, where it set one up (the ASEAN
            Regional CERT): the body and the process may share names.
        milestones: Its dated steps, oldest first.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> defa = ad.registry.process("ASEAN Digital Economy Framework Agreement")
    >>> defa.acronym, defa.led_by, str(defa.started)
    ('DEFA', 'TH', '2023-08-19')
    """

    id: str
    name: str
    acronym: str | None = None
    kind: ProcessKind
    description: str | None = None
    led_by: str | None = None
    partner: str | None = None
    body: str | None = None
    milestones: tuple[Milestone, ...] = ()
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()

    @property
    def started(self) -> PartialDate | None:
        """When it began as far as the data knows, the date of its first milestone."""
        return self.milestones[0].date if self.milestones else None


publish(globals(), MilestoneStatus, Milestone, Process)
