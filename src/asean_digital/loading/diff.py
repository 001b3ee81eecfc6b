"""
How an overlay registry differs from the packaged data, field by field.

Worked out on request from what the loader kept of each record an overlay
added or replaced (:class:`~asean_digital.loading.dataset.Overlaid`), through the
one converter, so loading pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from asean_digital.formats.convert import converter
from asean_digital.model.overlay import Change

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["changes", "diff"]


def changes(data: Dataset) -> tuple[Change, ...]:
    """Every field of every record of *data* an overlay added or replaced, in load order."""
    out: list[Change] = []
    unstructure = converter().unstructure
    by_id: dict[str, dict[str, Any]] = {}  # each collection's records by id, made once: linear in records
    for overlaid in data.overlaid:
        if overlaid.collection not in by_id:
            by_id[overlaid.collection] = {str(r.id): r for r in data.collection(overlaid.collection)}
        new = by_id[overlaid.collection].get(overlaid.id)
        if new is None:
            continue
        written = unstructure(new)
        if overlaid.cited is not None and isinstance(written.get("sources"), list):
            # The overlay's citation of itself is its provenance, not a change.
            written["sources"] = [s for s in written["sources"] if s.get("document") != overlaid.cited]
        action = "added" if overlaid.old is None else "replaced"
        old = {} if overlaid.old is None else unstructure(overlaid.old)
        out.extend(
            Change(
                action, overlaid.collection, overlaid.id, field, before, after, overlaid.file, overlaid.path
            )
            for field, before, after in diff(old, written)
            if overlaid.old is not None or after not in (None, [], {})
        )
    return tuple(out)


def diff(old: Any, new: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """
    ``(path, old, new)`` for each value that differs between two JSON values, as deep as they align.

    Objects are compared key by key and arrays of equal length item by item;
    anything else (arrays of different lengths among them) as a whole.

    >>> list(diff({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3], "c": None}))
    [('b[1]', 2, 3)]
    >>> list(diff({"names": [{"x": 1}]}, {"names": [{"x": 1}, {"x": 2}]}))
    [('names', [{'x': 1}], [{'x': 1}, {'x': 2}])]
    """
    if isinstance(old, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*old, *new]):
            inner = f"{path}.{key}" if path else str(key)
            yield from diff(old.get(key), new.get(key), inner)
        return
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new) and path:
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from diff(a, b, f"{path}[{i}]")
        return
    if old != new and not (old in (None, []) and new in (None, [])):
        yield path, old, new
