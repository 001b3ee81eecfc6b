"""
The domain model's vocabulary: sources, errata, names and the parts records are made of.

The enumerations live in :mod:`.enums` and are re-exported here.

Every record class is a frozen, slotted attrs class; sequences are tuples.
The entities themselves are in :mod:`asean_digital.model.records`, and the table
of collections that holds them in :mod:`asean_digital.model.collections`.
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made, so structuring never has to evaluate them
# from strings (typing's evaluation compiles each one, which cost more than
# loading the data). ``When`` stays quoted in signatures so that the API
# reference names the alias rather than spelling out its union.
import re
from collections.abc import Callable
from typing import Any, ClassVar, Final

import attrs

from .dates import PartialDate, Period, When, to_partial_date
from .enums import (
    BodyKind,
    DocumentAct,
    DocumentKind,
    MeetingMode,
    PartnerKind,
    Predicate,
    ProcessKind,
)
from .errors import shown
from .fields import publish

__all__ = [
    "BodyKind",
    "Coordinator",
    "DocumentAct",
    "DocumentKind",
    "Erratum",
    "Held",
    "MeetingMode",
    "MeetingSeries",
    "Name",
    "PartnerKind",
    "Predicate",
    "ProcessKind",
    "Record",
    "Renamed",
    "Source",
    "SourceDocument",
    "name_at",
]


SOURCE_DOCUMENTS: list[Callable[[str], Any]] = []
"""How a record shown on its own finds its source documents by id (the default registry sets it)."""


class Record:
    """
    Behaviour every entity shares: equality by fields, a short repr and an HTML card in Jupyter.

    A record shown on its own shows its own fields only; a query's
    :class:`~asean_digital.Results` adds what its registry knows of it (its
    relations).
    """

    __slots__ = ()

    def __repr__(self) -> str:
        from .display import short_repr  # noqa: PLC0415 - display code loads when something is shown

        return short_repr(self)

    def _repr_html_(self) -> str:
        from .display import record_html  # noqa: PLC0415

        find = SOURCE_DOCUMENTS[0] if SOURCE_DOCUMENTS else None
        documents = None
        if find is not None:  # the packaged source documents, by the default registry
            sources: tuple[Source, ...] = getattr(self, "sources", ())
            documents = {s.document: d for s in sources if (d := find(s.document)) is not None}
        return record_html(self, (), documents)

    def _view_path(self, field: str) -> str:
        """The field path a view (a meeting's ``chair``) stands for: *field* itself here."""
        return field

    def _check_path(self, field: str) -> None:
        """Refuse a path that is not fields and indices (``names[1].name``) of this record as it is."""
        if not _PATH.fullmatch(field):
            msg = f"{shown(field)} is no field path: write field names and indices, such as names[1].name"
            raise ValueError(msg)
        value: Any = self
        walked = ""
        for step in field.split("."):
            name, *indices = step.replace("]", "").split("[")
            fields = {a.name for a in attrs.fields(type(value))} if attrs.has(type(value)) else set()
            if name not in fields:
                msg = f"{shown(field)}: {walked or type(self).__name__} has no field {name!r}"
                raise ValueError(msg)
            value = getattr(value, name)
            walked += ("." if walked else "") + name
            for index in indices:
                if not isinstance(value, tuple):
                    msg = f"{shown(field)}: {walked} is not a list to index with [{index}]"
                    raise ValueError(msg)
                if int(index) >= len(value):
                    msg = f"{shown(field)}: {walked} has {len(value)} item(s), indices 0 to {len(value) - 1}"
                    raise ValueError(msg)
                value = value[int(index)]
                walked += f"[{index}]"

    def sources_for(self, field: str) -> tuple["Source", ...]:
        """
        Who says so: the sources of this record that state *field* (a field path).

        Args:
            field: A field's name, or a path into it (``"names[1].name"``,
                ``"thrusts[0].title"``, ``"meetings[0].per_year"``).

        Raises:
            ValueError: *field* names no field of the record.

        >>> import asean_digital as ad
        >>> [s.document for s in ad.registry.body("ATRC").sources_for("established")]
        ['seed-page']
        """
        if not isinstance(field, str):
            msg = f"field must be a field path string, got {type(field).__name__} {field!r}"
            raise TypeError(msg)
        field = self._view_path(field)
        root = field.split(".", 1)[0].split("[", 1)[0]
        names = [a.name for a in attrs.fields(type(self)) if a.name != "sources"]  # type: ignore[arg-type]
        if root not in names:
            kind = type(self).__name__
            msg = f"{shown(field)} is not a field of a {kind}; expected one of {', '.join(names)}"
            raise ValueError(msg)
        self._check_path(field)
        sources: tuple[Source, ...] = getattr(self, "sources", ())
        return tuple(s for s in sources if s.supports(field))


@attrs.frozen
class SourceDocument:
    """
    A document the data's facts come from.

    Attributes:
        id: Stable slug the :class:`Source` records refer to.
        title: The document's title, as it gives it.
        description: What the document is and how the data uses it.
        location: Where the document can be found (a path or an address), or
            ``None``.
        url: Its web address, exactly as it was found, where one is known.
        publisher: Who publishes it (``"ASEAN Secretariat"``), where known.
        published: When it was published or last updated, where it says.
        accessed: When its address was last checked against the public
            record (the evidence ledger's date), for citations.

    >>> import asean_digital as ad
    >>> seed = ad.registry.source("seed-page")
    >>> seed.publisher, seed.url.startswith("https://asean.org/")
    ('ASEAN Secretariat', True)
    """

    id: str
    title: str
    description: str
    location: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: PartialDate | None = None
    accessed: PartialDate | None = None


@attrs.frozen(order=True)
class Source:
    """
    Who says so: a source document, the section in it, and the fields of the record it supports.

    Attributes:
        document: The id of the :class:`SourceDocument`.
        section: The section of that document, as its headings name it
            (``"Major Sectoral Bodies/Committees"``).
        fields: The fields of the record this source states, as paths
            (``"name"``, ``"names"``, ``"names[1].valid"``, ``"thrusts[0]"``);
            ``()`` where it supports the whole record.
        derived: Where a value is not stated by the source but worked out
            from what it states, how (``"kind: from the partner being a
            sovereign state"``); ``None`` for a statement.

    >>> Source("seed-page", "Overview")
    Source(document='seed-page', section='Overview', fields=(), derived=None)
    >>> of_name = Source("seed-page", "Overview", ("name",))
    >>> of_name.supports("name"), of_name.supports("id")
    (True, False)
    """

    document: str
    section: str
    fields: tuple[str, ...] = ()
    derived: str | None = None

    def supports(self, field: str) -> bool:
        """
        Whether this source states (or derives) the field path *field*, in whole or in part.

        A source of ``"names"`` supports ``"names[1].name"``, and one of
        ``"names[1]"`` supports ``"names"`` in part.
        """
        return not self.fields or any(_overlaps(mine, field) for mine in self.fields)


def _overlaps(a: str, b: str) -> bool:
    """Whether one field path is the other or lies within it (``names`` and ``names[0].name``)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long == short or long.startswith((f"{short}.", f"{short}["))


@attrs.frozen
class Erratum:
    """
    A contradiction or typo in a source, and what the data keeps.

    A data library does not silently pick one side: the value kept is in the
    record, the other statement is here.

    Attributes:
        field: The field of the record the erratum touches (``"published"``),
            or ``""`` for one about the record's place in a source as a whole
            (a gap in a listing), which touches no field.
        stated: What the source states elsewhere or as printed.
        kept: The value the data keeps.
        note: Why.
        sources: Where the contradiction was found.

    >>> import asean_digital as ad
    >>> brunei = ad.registry.member_state("Brunei Darussalam")
    >>> [(e.field, e.kept) for e in brunei.errata]
    [('joined', '1984-01-07')]
    """

    field: str
    stated: str
    kept: str
    note: str
    sources: tuple[Source, ...]


@attrs.frozen
class Name:
    """
    A name a body or the sector bore, and when.

    Attributes:
        name: The full name.
        acronym: The acronym, or ``None`` where the source gives none.
        valid: When the name was in use; a renaming's date ends one name and
            starts the next.

    >>> import asean_digital as ad
    >>> first = ad.registry.body("ADGMIN").names[0]
    >>> first.acronym, str(first.valid)
    ('TELMIN', '2001-07-13/2019-10')
    """

    name: str
    acronym: str | None
    valid: Period

    def __str__(self) -> str:
        return self.name if self.acronym is None else f"{self.name} ({self.acronym})"


def name_at(names: tuple[Name, ...], when: "When") -> Name | None:
    """The name of a naming history *names* in use at *when*, or ``None`` before the first."""
    # Names are contiguous (validated at load), so the name in use is the last
    # one started by the moment. A renaming takes effect only from the last day
    # its date allows: one dated 2019-10 shows from 31 October 2019, since
    # before then the old name may still have been in use.
    moment = to_partial_date(when).latest
    first = names[0].valid.start if names else None
    if first is not None and moment < first.earliest:
        return None  # before the record existed, whatever later names' precision
    found: Name | None = None
    for i, name in enumerate(names):
        start = name.valid.start
        if start is None or (start.latest if i else start.earliest) <= moment:
            found = name
    if found is not None and found.valid.end is not None and moment > found.valid.end.latest:
        return None  # the record had ceased to exist
    return found


_PATH: Final = re.compile(r"[a-z][a-z0-9_]*(?:\[[0-9]{1,6}\])*(?:\.[a-z][a-z0-9_]*(?:\[[0-9]{1,6}\])*)*")
"""A field path: field names (lower case, not starting with ``_``), each with indices, joined by dots."""


class Held:
    """
    What a record held somewhere, in a :class:`MeetingMode` ``mode``, can say of it (a meeting, an edition).

    ``virtual`` was a field of the files until the mode could say *hybrid*; an
    overlay that gives it is told to give ``mode`` instead.
    """

    __slots__ = ()

    FORMER_FIELDS: ClassVar[dict[str, str]] = {
        "virtual": 'give "mode": "virtual", "in_person" or "hybrid" (true is "virtual", false "in_person")',
    }
    """Fields the files no longer take, each with what to give instead."""

    mode: MeetingMode | None

    @property
    def virtual(self) -> bool | None:
        """
        Whether it was held online only; ``None`` where no source says how it was held.

        >>> import asean_digital as ad
        >>> ad.registry.meeting("ADGMIN 1").virtual, ad.registry.meeting("ADGMIN 3").virtual
        (True, False)
        """
        return None if self.mode is None else self.mode is MeetingMode.VIRTUAL


class Renamed:
    """
    What a record with a naming history ``names`` (a body, a series of meetings, the sector) can say of it.

    The names are oldest first, the current one last.
    """

    __slots__ = ()

    names: tuple[Name, ...]

    def name_at(self, when: "When") -> Name | None:
        """
        The name it bore at *when*, or ``None`` before it existed.

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
        >>> ad.registry.series("TELSOM").name_at(2022).acronym
        'ADGSOM'
        """
        return name_at(self.names, when)

    @property
    def former_names(self) -> tuple[Name, ...]:
        """
        Every name but the current one, oldest first.

        >>> import asean_digital as ad
        >>> [n.acronym for n in ad.registry.body("ADGSOM").former_names]
        ['TELSOM']
        """
        return self.names[:-1]


@attrs.frozen(kw_only=True)
class Coordinator:
    """
    A member state that chairs or coordinates a body, from when a source says.

    Attributes:
        member_state: The id of the member state.
        role: The office as the sources word it (``"chair"``, ``"overall coordinator"``).
        since: When it took the office, where a source dates it.

    >>> import asean_digital as ad
    >>> first = ad.registry.body("ASEAN Regional CERT").coordinators[0]
    >>> first.member_state, first.role
    ('MY', 'overall coordinator')
    """

    member_state: str
    role: str
    since: PartialDate | None = None


@attrs.frozen(kw_only=True)
class MeetingSeries:
    """
    A recurring meeting of a body.

    Attributes:
        description: The schedule in a few words of our own (the facts are the fields below).
        per_year: The regular number of meetings a year; ``None`` where the
            body meets only as necessary.
        as_needed: Whether further meetings are held as and when needed.
        joint_with: Ids of the bodies the meetings are held jointly with.
        back_to_back_with: Ids of the bodies whose meeting this one is held
            back-to-back with.
        consultation_partners: Ids of the partners of the ASEAN+1
            consultations held with, or back-to-back with, these meetings.
        series: The id of the :class:`~asean_digital.Series` of the
            meetings actually held on this schedule, where the data has them.

    >>> import asean_digital as ad
    >>> joint = ad.registry.body("ATRC").meetings[0]
    >>> joint.per_year, joint.joint_with
    (2, ('adgsom',))
    """

    description: str
    per_year: int | None
    as_needed: bool = False
    joint_with: tuple[str, ...] = ()
    back_to_back_with: tuple[str, ...] = ()
    consultation_partners: tuple[str, ...] = ()
    series: str | None = None


publish(
    globals(),
    SourceDocument,
    Source,
    Erratum,
    Name,
    Coordinator,
    MeetingSeries,
)
