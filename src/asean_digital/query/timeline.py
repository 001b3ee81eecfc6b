"""
A chronology of everything the data dates: what happened between two dates, across every kind.

Each :class:`Moment` is one dated thing a record says: a body established or
renamed, a meeting held, a document adopted or published, a plan adopted, begun
or ended, a member state joining, a competition first held, a process's
milestone. Moments come from the records' own fields, so a view
(:meth:`Registry.as_of <asean_digital.Registry.as_of>`) has the chronology of
what it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs

from asean_digital.model.collections import collection, collection_of
from asean_digital.model.dates import PartialDate, to_partial_date
from asean_digital.model.fields import publish

__all__ = ["MOMENT_KINDS", "Moment", "moment_kind", "moments"]

MOMENT_KINDS: Final = (
    "joined", "established", "renamed", "meeting", "adopted", "plan", "milestone", "first held", "edition",
)  # fmt: skip
"""The kinds of moment, in the order moments of one date are listed."""


@attrs.frozen(kw_only=True)
class Moment:
    """
    One dated thing the data records.

    Attributes:
        date: When, as precisely as the record gives it.
        kind: One of ``"established"``, ``"renamed"``,
            ``"meeting"``, ``"adopted"`` (a document: adopted, endorsed,
            noted, launched or published, as ``what`` says), ``"plan"`` (a
            master plan adopted, begun or ended), ``"joined"``, ``"first
            held"``, ``"milestone"`` (a process's), ``"edition"`` (a
            competition's).
        what: What happened, in words made from the record's fields.
        collection: The collection of the record it comes from.
        record: That record's id.

    >>> import asean_digital as ad
    >>> first = ad.registry.timeline(start=2001, end=2001)[0]
    >>> str(first.date), first.kind, first.record
    ('2001-07-13', 'established', 'adgmin')
    """

    date: PartialDate
    kind: str
    what: str
    collection: str
    record: str


def _name(names: Any) -> str:
    return str(names.acronym or names.name)


def _moments_of(collection: str, r: Any) -> Iterator[tuple[PartialDate | None, str, str]]:
    """The dated things record *r* of *collection* says: (date, kind, what)."""
    if collection in {"bodies", "sectors"}:
        if collection == "bodies":
            yield r.established, "established", f"{_name(r.names[0]) if r.names else r.name} established"
        for old, new in zip(r.names, r.names[1:], strict=False):
            same = _name(old) == _name(new)
            full = same or collection == "sectors"  # the sector by its names, not "ICT renamed Digital"
            before, after = (old.name, new.name) if full else (_name(old), _name(new))
            yield new.valid.start, "renamed", f"{before} renamed {after}"
    elif collection == "meetings":
        where = ", ".join(p for p in (r.city, r.host) if p)
        yield r.dates.start, "meeting", f"{r.name}" + (f" ({where})" if where else "")
    elif collection in {"documents", "declarations"}:
        act = r.act.value if r.act is not None else "published" if r.meeting is None else "adopted"
        yield r.published, "adopted", f"{r.title} {act}"
    elif collection == "master_plans":
        yield r.adopted, "plan", f"{r.acronym} adopted"
        yield r.period.start, "plan", f"{r.acronym} begins"
        yield r.period.end, "plan", f"{r.acronym} ends"
    elif collection == "member_states":
        yield r.joined, "joined", f"{r.name} joins ASEAN"
    elif collection == "events":
        yield r.started, "first held", f"{r.name} first held"
        for old, new in zip(r.names, r.names[1:], strict=False):
            yield new.valid.start, "renamed", f"{old.name} renamed {new.name}"
    elif collection == "editions":
        where = ", ".join(p for p in (r.city, r.host) if p)
        yield r.dates.start, "edition", f"{r.name}" + (f" ({where})" if where else "")
    elif collection == "processes":
        for m in r.milestones:
            planned = " (planned)" if m.status.value == "planned" else ""
            yield m.date, "milestone", f"{r.acronym or r.name}: {m.what}{planned}"


_ORDER: Final[dict[str, int]] = {kind: i for i, kind in enumerate(MOMENT_KINDS)}
_DATED: Final = (
    "member_states", "bodies", "sectors", "meetings", "documents", "master_plans", "events", "processes",
    "editions",
)  # fmt: skip
"""The tables read: the store's ``documents`` holds the declarations too."""
_KINDS: Final = (*_DATED, "declarations")
_KIND_OF: Final = {"declarations": "document"}
"""A declaration's moments are a document's too: ``kind="document"`` keeps them."""


def moment_kind(kind: object) -> str | None:
    """
    The kind of moment or of record *kind* names, checked: ``None`` for every kind.

    >>> moment_kind("document"), moment_kind("milestone")
    ('document', 'milestone')
    >>> moment_kind("meetings")
    Traceback (most recent call last):
    ValueError: kind must be a kind of moment or of record, one of 'adopted', ...; got 'meetings'
    """
    if kind is None:
        return None
    known = {*MOMENT_KINDS, *(collection(c).kind for c in _KINDS)}
    if not isinstance(kind, str) or kind not in known:
        choices = ", ".join(repr(k) for k in sorted(known))
        raise ValueError(f"kind must be a kind of moment or of record, one of {choices}; got {kind!r}")
    return kind


def moments(
    stored: Callable[[str], Any], start: object = None, end: object = None, kind: object = None
) -> list[Moment]:
    """
    Every moment of the records ``stored(collection)`` gives, oldest first, within *start*–*end*.

    *kind* keeps the moments of that kind (``"renamed"``) or of records of
    that kind (``"document"``: its adoptions and publications).
    """
    low = None if start is None else to_partial_date(start, argument="start").earliest
    high = None if end is None else to_partial_date(end, argument="end").latest
    wanted = moment_kind(kind)
    out = []
    for table in _DATED:
        for record in stored(table):
            row = collection_of(type(record))  # a declaration's is "declarations"
            collection = row.name
            for date, what_kind, what in _moments_of(collection, record):
                if wanted is not None and wanted not in {what_kind, row.kind, _KIND_OF.get(collection)}:
                    continue
                if date is None or (low is not None and date.latest < low):
                    continue
                if high is not None and date.earliest > high:
                    continue
                rid = str(record.id)
                out.append(Moment(date=date, kind=what_kind, what=what, collection=collection, record=rid))
    out.sort(key=lambda m: (m.date.sort_key, _ORDER[m.kind], m.what))
    return out


publish(globals(), Moment)
