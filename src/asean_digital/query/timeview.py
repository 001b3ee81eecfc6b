"""
Point-in-time views: the dataset as it stood at a moment.

The rules (the docs' *Time* page states them with examples):

- A record of a kind with a principal date (bodies, documents, meetings,
  master plans, events, member states) exists from that date, and only once
  the date has certainly come: its latest possible day is on or before the
  moment. A record of such a kind whose date is unknown is left out, unless
  the view is asked for them (``undated=True``).
- Timeless kinds (the sector, partners, policy areas, dialogues, the source
  documents) are in every view; so is an initiative, unless a source dates it
  after the moment (MPAC 2025's, adopted in September 2016). A person is in a view when a
  record of the view names them (the chair of a meeting held by then).
- A reference to a record the view does not hold is dropped: a body whose
  parent came later has no parent until then, a dialogue's convener is
  unknown before the convener existed. A record that cannot be without the
  reference (a declaration without its body) is left out; a relation holds
  only while both its ends exist.
- A renaming takes effect from the last day its date allows (``2019-10``
  from 31 October 2019): before then the record bears its former name.
- A process (DEFA) holds the milestones dated by then, planned ones too once
  their date has passed: ``as_of(2024)`` knows the launch, not the conclusion.

The registry wraps the view's dataset in a registry of its own
(:meth:`Registry.as_of <asean_digital.Registry.as_of>`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.dated import principal_date
from asean_digital.model.dates import PartialDate, Period
from asean_digital.model.fields import is_optional, values_at

if TYPE_CHECKING:
    from asean_digital.loading.dataset import Dataset
    from asean_digital.model.parts import Name

__all__ = ["view_dataset"]

_REMOVE: Any = object()
"""A reference that cannot be dropped: the record holding it is left out of the view."""


def view_dataset(data: Dataset, moment: PartialDate, *, undated: bool = False) -> Dataset:
    """
    The records of *data* as they stood at *moment* (taken at its latest day).

    Args:
        data: The full dataset.
        moment: The point in time.
        undated: Keep the records of dated kinds whose date is unknown too.
    """
    day = moment.latest

    def exists(date: PartialDate | None, *, timeless: bool = False) -> bool:
        return (undated or timeless) if date is None else date.latest <= day

    def names_then(names: tuple[Name, ...]) -> tuple[Name, ...]:
        # The first name from its earliest day (the record's own date decides
        # whether it exists); a renaming from its latest (see name_at).
        kept = [
            n
            for i, n in enumerate(names)
            if n.valid.start is None or (n.valid.start.latest if i else n.valid.start.earliest) <= day
        ]
        if kept and kept[-1].valid.end is not None and kept[-1].valid.end.latest >= day:
            kept[-1] = attrs.evolve(kept[-1], valid=Period(kept[-1].valid.start, None))
        return tuple(kept)

    # Which records exist then, by collection.
    present: dict[str, tuple[Any, ...]] = {}
    for c in COLLECTIONS:
        records = data.collection(c.name)
        if c.date is not None:
            records = tuple(r for r in records if exists(principal_date(r), timeless=c.undated_in_views))
        present[c.name] = records
    present["bodies"] = tuple(
        _named(b, names_then(b.names)) for b in present["bodies"] if names_then(b.names) or not b.names
    )
    # A process is known then through its milestones dated by then (a plan once its date has passed).
    present["processes"] = tuple(
        attrs.evolve(
            p, milestones=tuple(m for m in p.milestones if m.date is not None and m.date.latest <= day)
        )
        for p in present["processes"]
    )
    sector = data.collection("sectors")[0]
    present["sectors"] = (_named(sector, names_then(sector.names), acronym=False),)

    # References to what the view does not hold are dropped; until nothing
    # changes, since leaving a record out may orphan another.
    while True:
        ids = {r.id for c in COLLECTIONS if c.keyed for r in present[c.name]}
        changed = False
        for c in COLLECTIONS:
            if not c.references or c.name == "relations":
                continue
            kept = []
            for record in present[c.name]:
                trimmed = _trim(record, c.references, ids)
                if trimmed is _REMOVE:
                    changed = True
                    continue
                changed = changed or trimmed is not record
                kept.append(trimmed)
            present[c.name] = tuple(kept)
        if not changed:
            break
    # People have no date of their own: a person is in the view when a record of it names them
    # (the chair of a meeting held by then).
    named = {
        value
        for c in COLLECTIONS
        for reference in c.references
        if reference.target == "people"
        for record in present[c.name]
        for _, value in values_at(record, reference.field)
    }
    present["people"] = tuple(p for p in present["people"] if p.id in named)
    ids = {r.id for c in COLLECTIONS if c.keyed for r in present[c.name]}
    present["relations"] = tuple(
        r for r in data.collection("relations") if r.subject in ids and r.object in ids
    )
    return data.replace(**present)


def _named(record: Any, names: tuple[Name, ...], *, acronym: bool = True) -> Any:
    """*record* with the naming history it had then, its current name the last of them."""
    if not names:
        return attrs.evolve(record, names=())
    if acronym:
        return attrs.evolve(record, names=names, name=names[-1].name, acronym=names[-1].acronym)
    return attrs.evolve(record, names=names, name=names[-1].name)


def _trim(record: Any, references: Any, ids: set[str]) -> Any:
    """*record* without its references to ids not in *ids*; itself if none; ``_REMOVE`` if it needs one."""
    changes: dict[str, Any] = {}
    for reference in references:
        head, _, rest = reference.field.partition(".")
        name = head.removesuffix("[]")
        value = changes.get(name, getattr(record, name))
        if value is None:
            continue
        new = _trim_value(value, head.endswith("[]"), rest, ids, attrs.fields_dict(type(record))[name].type)
        if new is _REMOVE:
            return _REMOVE
        if new is not value:
            changes[name] = new
    return attrs.evolve(record, **changes) if changes else record


def _trim_value(value: Any, each: bool, rest: str, ids: set[str], field_type: Any) -> Any:
    """The value of one reference field without dangling ids (see :func:`_trim`)."""
    if each:  # a tuple of ids, or of parts holding ids
        if not rest:
            kept = tuple(v for v in value if v in ids)
            return value if len(kept) == len(value) else kept
        parts = [_trim_part(v, rest, ids) for v in value]
        if all(p is v for p, v in zip(parts, value, strict=True)):
            return value
        return tuple(p for p in parts if p is not _REMOVE)
    if rest:  # a part holding an id, such as a meeting's chair
        return _trim_part(value, rest, ids)
    if value in ids:
        return value
    return None if _optional(field_type) else _REMOVE


def _trim_part(part: Any, path: str, ids: set[str]) -> Any:
    head, _, rest = path.partition(".")
    name = head.removesuffix("[]")
    value = getattr(part, name)
    if value is None:
        return part
    new = _trim_value(value, head.endswith("[]"), rest, ids, attrs.fields_dict(type(part))[name].type)
    if new is _REMOVE:
        return _REMOVE
    return part if new is value else attrs.evolve(part, **{name: new})


def _optional(field_type: Any) -> bool:
    """Whether a field of *field_type* may be ``None`` (a string annotation: whether it names None)."""
    return "None" in field_type if isinstance(field_type, str) else is_optional(field_type)
