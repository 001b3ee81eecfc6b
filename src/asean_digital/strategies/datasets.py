"""
Whole datasets for :mod:`asean_digital.strategies`: overlays of every kind of record that hold together.

New records are drawn of every collection of the table, each after the
collections it refers to, from one shared pool so that later records can
refer to earlier ones; some replace packaged records under their ids.
"""

from __future__ import annotations

import functools
import json
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
from hypothesis import note
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from asean_digital.formats.convert import converter
from asean_digital.model.collections import COLLECTIONS
from asean_digital.query.api import load

from . import drawing as d

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from asean_digital.query.registry import Registry

__all__ = ["datasets", "load_files", "overlays", "registries"]

MIN_YEAR: Final = 1950
MAX_YEAR: Final = 2050


def _check_count(name: str, value: int, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        msg = f"{name} must be an int of at least {minimum}, got {value!r}"
        raise InvalidArgument(msg)


# -- whole datasets -------------------------------------------------------------------

_KEEP_ON_REPLACE: Final = {"bodies": ("parent",), "member_states": ("alpha3",)}
"""Fields a replacement keeps from the packaged record: the hierarchy stays acyclic, the code unique."""


@functools.cache
def _drawing_order() -> tuple[str, ...]:
    """The collections a dataset draws new records of, each after the ones its records refer to."""
    names = [c.name for c in COLLECTIONS if c.name != "sectors"]
    needs: dict[str, set[str]] = {}
    for c in COLLECTIONS:
        targets = {r.target for r in c.references}
        # Every record cites sources; a reference to any record ("*") waits for every other kind
        # but those that refer back to it (a meeting's outcomes and a document's meeting) and
        # the later kinds that refer to any record too (relations).
        later = COLLECTIONS[COLLECTIONS.index(c) + 1 :]
        back = {o.name for o in COLLECTIONS if c.name in {r.target for r in o.references}}
        back |= {o.name for o in later if "*" in {r.target for r in o.references}}
        needs[c.name] = set(names) - {c.name} - back if "*" in targets else ({"sources"} | targets) - {c.name}
    order: list[str] = []
    while names:
        # Kinds that refer to each other (a body's schedule names a series, a series its body)
        # break the tie in the table's order: the first refers to the packaged records of the other.
        ready = next((n for n in names if needs[n] & set(names) <= set(order)), None)
        if ready is None:
            ready = min(names, key=lambda n: len(needs[n] & set(names)))
        order.append(ready)
        names.remove(ready)
    return tuple(order)


def _replacement(draw: DrawFn, pool: d.Pool, name: str, rid: str) -> tuple[str, Any]:
    """A new record of *name* (or of a collection sharing its ids) that replaces the packaged record *rid*."""
    old = d.known().records[rid]
    name = draw(st.sampled_from([c.name for c in COLLECTIONS if c.space == name]))
    new = d.draw_record(draw, pool, name)
    changes = {"id": rid, **{f: getattr(old, f) for f in _KEEP_ON_REPLACE.get(name, ())}}
    replaced = attrs.evolve(new, **changes)
    pool.records[rid] = replaced  # what later replacements' meetings must agree with
    return name, replaced


def datasets(
    *,
    max_records: int = 3,
    max_files: int = 3,
    replacements: bool = True,
    min_year: int = MIN_YEAR,
    max_year: int = MAX_YEAR,
) -> SearchStrategy[list[dict[str, Any]]]:
    """
    Internally consistent data, as overlay files to apply in order over the packaged data.

    Each item is one overlay file's JSON (``{"bodies": [...], ...}``), ready
    for ``json.dumps``; loading them all with :func:`asean_digital.load`
    succeeds. New records of every kind refer to each other and to packaged
    records; parent chains have no cycles; naming histories are contiguous;
    every id, name, acronym and alias is unique, regardless of case and
    punctuation, across the packaged and the generated records. Some records
    may replace packaged ones (a document by a declaration and back, the
    sector itself) under the same id.

    Args:
        max_records: The most new records drawn of each kind.
        max_files: The most files the records are spread over (records in
            one file may refer to records in another).
        replacements: Whether packaged records may be replaced.
        min_year: The earliest year of any date.
        max_year: The latest year of any date.

    Returns:
        A strategy for lists of one to *max_files* overlay documents.
    """
    d.check_years(min_year, max_year)
    _check_count("max_records", max_records, 0)
    _check_count("max_files", max_files, 1)

    @st.composite
    def strategy(draw: DrawFn) -> list[dict[str, Any]]:
        pool = d.Pool.packaged(min_year, max_year, numbered=True)
        drawn: list[tuple[str, Any]] = []
        for name in _drawing_order():
            for _ in range(draw(st.integers(0, max_records if name != "sources" else min(1, max_records)))):
                record = d.draw_record(draw, pool, name)
                d.register(pool, name, record)
                drawn.append((name, record))
        if replacements:
            targets = draw(
                st.lists(
                    st.sampled_from([(c, rid) for c, ids in d.known().replaceable.items() for rid in ids]),
                    max_size=2,
                    unique_by=lambda target: target[1],
                )
            )
            # A packaged record a drawn meeting or declaration agrees with stays as it is.
            drawn.extend(_replacement(draw, pool, c, rid) for c, rid in targets if rid not in pool.pinned)
            if draw(st.integers(0, 4)) == 0:
                drawn.append(("sectors", d.draw_record(draw, pool, "sectors")))
        files: list[dict[str, Any]] = [{} for _ in range(draw(st.integers(1, max_files)))]
        for name, record in drawn:
            target = files[draw(st.integers(0, len(files) - 1))]
            target.setdefault(name, []).append(converter().unstructure(record))
        return files

    return strategy()


def overlays(
    *,
    max_records: int = 3,
    replacements: bool = True,
    min_year: int = MIN_YEAR,
    max_year: int = MAX_YEAR,
) -> SearchStrategy[dict[str, Any]]:
    """
    One internally consistent overlay file's JSON, as :func:`datasets` draws them.

    Args:
        max_records: The most new records drawn of each kind.
        replacements: Whether packaged records may be replaced.
        min_year: The earliest year of any date.
        max_year: The latest year of any date.

    Returns:
        A strategy for overlay documents (``{"bodies": [...], ...}``).

    >>> import json, pathlib, tempfile
    >>> from hypothesis import given, settings
    >>> import asean_digital as ad
    >>> from asean_digital.strategies import overlays
    >>> @settings(max_examples=3, deadline=None, database=None)
    ... @given(overlays())
    ... def test_loads(overlay: dict) -> None:
    ...     path = pathlib.Path(tempfile.mkdtemp()) / "overlay.json"
    ...     _ = path.write_text(json.dumps(overlay))
    ...     added = [b["id"] for b in overlay.get("bodies", [])]
    ...     assert {b.id for b in ad.load(path).bodies()} >= set(added)
    >>> test_loads()
    """
    return datasets(
        max_records=max_records, max_files=1, replacements=replacements, min_year=min_year, max_year=max_year
    ).map(lambda files: files[0])


def load_files(files: Sequence[Mapping[str, Any]]) -> Registry:
    """
    Write overlay documents to a temporary folder and load them in order.

    Args:
        files: Overlay documents, as :func:`datasets` draws them.

    Returns:
        The registry of the packaged data with *files* applied.

    Raises:
        DataError: The documents do not load.
    """
    with tempfile.TemporaryDirectory(prefix="asean-digital-") as folder:
        paths = []
        for i, doc in enumerate(files):
            path = Path(folder) / f"overlay-{i}.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
        return load(*paths)


def registries(
    *,
    max_records: int = 3,
    max_files: int = 3,
    replacements: bool = True,
    min_year: int = MIN_YEAR,
    max_year: int = MAX_YEAR,
) -> SearchStrategy[Registry]:
    """
    Registries of the packaged data with a generated dataset loaded over it.

    The overlays (see :func:`datasets`) are written to a temporary folder and
    loaded with :func:`asean_digital.load`; when a test fails, Hypothesis
    shows their JSON.

    Args:
        max_records: The most new records drawn of each kind.
        max_files: The most overlay files the records are spread over.
        replacements: Whether packaged records may be replaced.
        min_year: The earliest year of any date.
        max_year: The latest year of any date.

    Returns:
        A strategy for :class:`~asean_digital.Registry`.
    """

    def build(files: list[dict[str, Any]]) -> Registry:
        note(f"overlays: {json.dumps(files, ensure_ascii=False)}")
        return load_files(files)

    return datasets(
        max_records=max_records,
        max_files=max_files,
        replacements=replacements,
        min_year=min_year,
        max_year=max_year,
    ).map(build)
