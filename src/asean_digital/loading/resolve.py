"""
Resolving the keys an overlay gives where ids belong, through the dataset's one key index.

A reference field (a body's ``parent``, a declaration's ``host``, a
meeting's ``outcomes``: the table of collections names them) holds ids. An
overlay may write any key the query API accepts instead (``"ADGSOM"``,
``"Thailand"``, ``"TELMIN"``): where the key finds exactly one record of the
field's kind, the loaded record holds that record's id, and a
:class:`~asean_digital.Resolution` says so. A key that finds none, or
several, is left as written, for the validator to report with its
suggestions. Only overlay records are resolved; the packaged data holds ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from asean_digital.model.collections import COLLECTIONS, collection
from asean_digital.model.fields import values_at
from asean_digital.model.keys import index_keys, normalise
from asean_digital.model.overlay import Resolution

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["kinds_by_id", "matches", "resolve_references"]

_STEP: Final = re.compile(r"\.(\w+)(?:\[(\d+)\])?")


def kinds_by_id(data: Dataset) -> dict[str, str]:
    """The kind of every keyed record of *data*, by id."""
    return {r.id: c.kind for c in COLLECTIONS if c.keyed for r in data.collection(c.name)}


def matches(data: Dataset, kinds: Mapping[str, str], key: str, target: str) -> list[str]:
    """The ids of the records of the collection *target* (``"*"``: any) that *key* finds in the key index."""
    keys = data.keys if data.keys is not None else index_keys(data)
    kind = None if target == "*" else collection(target).kind
    return [i for i in keys.ids(normalise(key)) if i in kinds and (kind is None or kinds[i] == kind)]


def resolve_references(
    data: Dataset, touched: Mapping[tuple[str, str], tuple[str, str]]
) -> tuple[dict[str, tuple[Any, ...]], tuple[Resolution, ...]]:
    """
    The collections of *data* whose overlay records hold keys for ids, with those keys resolved.

    Args:
        data: The merged dataset, with its key index.
        touched: The records overlays added or replaced, by ``(collection,
            id)``, with the overlay file and the record's JSON path in it.

    Returns:
        The collections that changed (every record, in order) and what was resolved.
    """
    kinds = kinds_by_id(data)
    changed: dict[str, tuple[Any, ...]] = {}
    resolutions: list[Resolution] = []
    for c in COLLECTIONS:
        if not c.references:
            continue
        records = list(data.collection(c.name))
        dirty = False
        for position, held in enumerate(records):
            record = held
            where = touched.get((c.name, str(record.id)))
            if where is None:
                continue
            for reference in c.references:
                kind = None if reference.target == "*" else collection(reference.target).kind
                for path, value in list(values_at(record, reference.field)):
                    if (
                        not isinstance(value, str)
                        or kinds.get(value) == kind
                        or (kind is None and value in kinds)
                    ):
                        continue
                    found = matches(data, kinds, value, reference.target)
                    if len(found) != 1:
                        continue  # the validator words it, with suggestions
                    record = _set(record, path, found[0])
                    dirty = True
                    file, at = where
                    resolutions.append(
                        Resolution(c.name, str(record.id), path[1:], value, found[0], file, f"{at}{path}")
                    )
            if c.name == "declarations" and record.meeting is None:
                record, resolution = _meeting_by_name(data, record, where)
                if resolution is not None:
                    dirty = True
                    resolutions.append(resolution)
            records[position] = record
        if dirty:
            changed[c.name] = tuple(records)
    return changed, tuple(resolutions)


def _meeting_by_name(data: Dataset, record: Any, where: tuple[str, str]) -> tuple[Any, Resolution | None]:
    """
    A declaration with no ``meeting``, given the meeting its ``meeting_name`` names.

    Only a meeting of its body with its number: else the validator words the disagreement.
    """
    name = normalise(record.meeting_name)
    found = [
        m.id
        for m in data.collection("meetings")
        if m.body == record.body and m.number == record.meeting_number and normalise(m.name) == name
    ]
    if len(found) != 1:
        return record, None
    file, at = where
    resolution = Resolution(
        "declarations", str(record.id), "meeting", record.meeting_name, found[0], file, f"{at}.meeting"
    )
    return attrs.evolve(record, meeting=found[0]), resolution


def _set(record: Any, path: str, value: str) -> Any:
    """*record* with the value at *path* (``".meetings[0].joint_with[1]"``) replaced by *value*."""
    steps = [(m.group(1), None if m.group(2) is None else int(m.group(2))) for m in _STEP.finditer(path)]
    return _set_steps(record, steps, value)


def _set_steps(record: Any, steps: list[tuple[str, int | None]], value: Any) -> Any:
    (name, index), rest = steps[0], steps[1:]
    current = getattr(record, name)
    if index is None:
        new = value if not rest else _set_steps(current, rest, value)
    else:
        items = list(current)
        items[index] = value if not rest else _set_steps(items[index], rest, value)
        new = tuple(items)
    return attrs.evolve(record, **{name: new})
