"""
Point-in-time views: the dataset as it stood at a moment.

Only what existed then is kept, and bodies and the sector carry the names
they bore then. The registry wraps the view's dataset in a registry of its
own (:meth:`Registry.as_of <asean_digital.Registry.as_of>`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._collections import COLLECTIONS, principal_date
from ._dates import PartialDate, Period

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._entities import Body
    from ._model import Name

__all__ = ["view_dataset"]


def view_dataset(data: Dataset, moment: PartialDate) -> Dataset:
    """
    The records of *data* as they stood at *moment* (taken at its latest day).

    Records of a dated kind are kept once their principal date has started
    (an unknown date keeps them: nothing says they did not exist); a body is
    kept only once every body above it is; a declaration only with its body;
    a relation only with both its ends.
    """
    day = moment.latest

    def started(date: PartialDate | None) -> bool:
        return date is None or date.earliest <= day

    def renamed(date: PartialDate | None) -> bool:
        return date is None or date.latest <= day

    def names_then(names: tuple[Name, ...]) -> tuple[Name, ...]:
        # The first name from its earliest day, a renaming from its latest (see name_at).
        kept = [n for i, n in enumerate(names) if (renamed if i else started)(n.valid.start)]
        if kept and kept[-1].valid.end is not None and kept[-1].valid.end.latest >= day:
            kept[-1] = attrs.evolve(kept[-1], valid=Period(kept[-1].valid.start, None))
        return tuple(kept)

    # A body is kept when it had started and so had every body above it;
    # each body is looked at once, whatever the depth of the hierarchy.
    all_bodies: tuple[Body, ...] = data.collection("bodies")
    by_id = {b.id: b for b in all_bodies}
    kept_ids: dict[str, bool] = {}
    for body in all_bodies:
        chain: list[Body] = []
        current: Body | None = body
        while current is not None and current.id not in kept_ids:
            kept_ids[current.id] = False  # until decided below
            chain.append(current)
            current = by_id.get(current.parent) if current.parent is not None else None
        for link in reversed(chain):
            parent_kept = link.parent is None or kept_ids.get(link.parent, False)
            kept_ids[link.id] = parent_kept and started(link.established) and bool(names_then(link.names))
    bodies: list[Body] = []
    for body in all_bodies:
        if kept_ids[body.id]:
            names = names_then(body.names)
            bodies.append(attrs.evolve(body, names=names, name=names[-1].name, acronym=names[-1].acronym))
    body_ids = {b.id for b in bodies}
    sector = data.collection("sectors")[0]
    sector_names = names_then(sector.names)
    sector = (
        attrs.evolve(sector, names=sector_names, name=sector_names[-1].name)
        if sector_names
        else attrs.evolve(sector, names=())  # before its first name
    )
    changed: dict[str, tuple[Any, ...]] = {"sectors": (sector,), "bodies": tuple(bodies)}
    for c in COLLECTIONS:
        if c.date is not None and c.name not in changed:
            changed[c.name] = tuple(r for r in data.collection(c.name) if started(principal_date(r)))
    changed["declarations"] = tuple(d for d in changed["declarations"] if d.body in body_ids)
    kept: set[str] = set()
    for c in COLLECTIONS:
        if c.keyed:
            kept.update(r.id for r in changed.get(c.name, data.collection(c.name)))
    changed["relations"] = tuple(
        r for r in data.collection("relations") if r.subject in kept and r.object in kept
    )
    return data.replace(**changed)
