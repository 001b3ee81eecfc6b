"""
Hardening of the loader: ``ad.load()`` fed Hypothesis-generated malformed overlays.

Every malformed overlay starts from a valid one (drawn by
:mod:`asean_digital.strategies`, plus unchanged copies of packaged records) and
is broken in one or more ways: at the level of the file (invalid JSON, bytes
that are not UTF-8, another top-level type, deep nesting, huge numbers), of
the shape of a record (wrong types, missing and unknown fields, reversed
periods, impossible dates, huge values), or of the data as a whole (dangling
references, duplicate ids and keys, parent cycles, broken naming histories).

Whatever the input, the only exception that may escape is ``DataError``; it
names the file and the JSON path of every problem the mutation made; and the
registry already in use is unchanged. Every distinct malformed file tried is
counted, and the count is printed when the module's tests finish.
"""

from __future__ import annotations

import copy
import enum
import hashlib
import json
import os
import re
import tempfile
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import asean_digital as ad
from asean_digital import DataError, PartialDate, Period
from asean_digital import strategies as gen
from asean_digital.loading.load import MAX_FILE_BYTES, load_dataset
from asean_digital.model.collections import COLLECTIONS as TABLE
from asean_digital.model.keys import record_keys

COLLECTIONS = {c.name: c.cls for c in TABLE}

REGISTRY = ad.registry
BASELINE = load_dataset(())
BASELINE_REGISTRY = ad.Registry(BASELINE)
TRIED: set[str] = set()
OUTCOMES: dict[str, int] = {"refused": 0, "loaded": 0}

# Each example writes and loads the whole data; half the profile's examples keep
# the fast profile fast (30) and the thorough one thorough (1000).
per_load = settings(max_examples=max(10, settings().max_examples // 2))

_PROBLEM = re.compile(r"^(?P<file>.+?): (?P<path>\$\S*): \S", re.DOTALL)
_PACKAGED_KINDS = {"sources", "sectors", "relations"}


@pytest.fixture(scope="module", autouse=True)
def report_count(request: pytest.FixtureRequest) -> Iterator[None]:
    """Print how many distinct malformed inputs the module tried, when it is done."""
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    line = (
        f"test_hardening: {len(TRIED)} distinct malformed inputs tried in "
        f"{OUTCOMES['refused'] + OUTCOMES['loaded']} loads: {OUTCOMES['refused']} refused with DataError, "
        f"{OUTCOMES['loaded']} loaded (random input that happened to be valid); "
        "any other exception fails its test"
    )
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.ensure_newline()
            reporter.write_line(line)


# -- loading and checking ---------------------------------------------------------------------


def attempt(contents: list[bytes], expected: list[tuple[int, str]], *, must_fail: bool = True) -> None:
    """
    Load *contents* as overlay files, in order, and check the outcome.

    Args:
        contents: The bytes of each file.
        expected: ``(file index, JSON path)`` of each problem the message must name.
        must_fail: Whether the input is surely malformed (else it may load).
    """
    with tempfile.TemporaryDirectory(prefix="hardening-") as folder:
        _attempt(Path(folder), contents, expected, must_fail=must_fail)


def _attempt(
    folder: Path, contents: list[bytes], expected: list[tuple[int, str]], *, must_fail: bool
) -> None:
    paths = []
    for i, raw in enumerate(contents):
        path = folder / f"overlay-{i}.json"
        path.write_bytes(raw)
        paths.append(path)
        TRIED.add(hashlib.sha256(raw).hexdigest())
    try:
        ad.load(*paths)
    except DataError as error:
        OUTCOMES["refused"] += 1
        problems = error.problems
        assert problems
        # The message shows the first 50 problems in full and counts the rest; problems holds the
        # first 1,000 and `more` counts the others.
        found = len(problems) + error.more
        assert str(error).count("\n") == min(found, DataError.SHOWN) + (found > DataError.SHOWN)
        assert len(problems) <= DataError.KEPT
        assert error.more == 0 or len(problems) == DataError.KEPT
        for problem in problems:
            assert _PROBLEM.match(problem), problem
        for index, json_path in expected:
            prefix = f"{paths[index]}: {json_path}"
            assert any(p.startswith(prefix) and p[len(prefix)] in ".[:" for p in problems), (
                f"no problem at {prefix}:\n{error}"
            )
    else:
        OUTCOMES["loaded"] += 1
        assert not must_fail, f"a malformed overlay loaded; expected problems at {expected}"
    finally:
        assert ad.registry is REGISTRY
        assert REGISTRY == BASELINE_REGISTRY  # registries are equal when their data is


def dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


# -- valid overlays to break ---------------------------------------------------------------------


def packaged_json(collection: str) -> list[dict[str, Any]]:
    return [ad.converter.unstructure(r) for r in BASELINE.collection(collection)]


PACKAGED: dict[str, list[dict[str, Any]]] = {name: packaged_json(name) for name in COLLECTIONS}


@st.composite
def bases(draw: st.DrawFn) -> dict[str, Any]:
    """A valid overlay: generated records, plus unchanged copies of a few packaged ones."""
    doc: dict[str, Any] = draw(gen.overlays(max_records=2))
    present = {(c, r.get("id")) for c, items in doc.items() for r in items}
    pool = [
        (c, r)
        for c, items in PACKAGED.items()
        if c not in _PACKAGED_KINDS
        for r in items
        if (c, r["id"]) not in present and ("documents", r["id"]) not in present
        and ("declarations", r["id"]) not in present
    ]  # fmt: skip
    copies = st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique_by=lambda cr: cr[1]["id"])
    for collection, record in draw(copies):
        doc.setdefault(collection, []).append(copy.deepcopy(record))
    return doc


def records(doc: dict[str, Any], *, ids: bool = False) -> list[tuple[str, int]]:
    """``(collection, index)`` of every record of *doc* (with an id, if *ids*)."""
    return [
        (c, i)
        for c, items in doc.items()
        for i, item in enumerate(items)
        if not ids or (c not in {"relations", "sectors", "sources"} and "id" in item)
    ]


def at(doc: dict[str, Any], collection: str, index: int) -> dict[str, Any]:
    record: dict[str, Any] = doc[collection][index]
    return record


def jpath(collection: str, index: int, keys: tuple[str | int, ...] = ()) -> str:
    out = f"$.{collection}[{index}]"
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else f".{key}"
    return out


# -- the shape of records: where each kind of value sits -------------------------------------------


Taken = list[tuple[str, int, tuple[str | int, ...]]]
"""Where mutations were made: collection, record index, keys within the record."""


@attrs.frozen
class Spot:
    """A place in a record's JSON, with the type the model declares for it."""

    keys: tuple[str | int, ...]
    type: Any
    optional: bool
    required: bool
    value: Any = attrs.field(eq=False, repr=False)

    @property
    def is_object(self) -> bool:
        """Whether the spot holds a JSON object of an attrs class (dates are strings)."""
        return attrs.has(self.type) and isinstance(self.value, dict)


def _unwrap(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in {typing.Union, types.UnionType} and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return tp, False


def spots(value: Any, tp: Any, keys: tuple[str | int, ...] = (), *, required: bool = True) -> Iterator[Spot]:
    """Every place in *value* (JSON of type *tp*), outermost first."""
    tp, optional = _unwrap(tp)
    yield Spot(keys, tp, optional, required, value)
    if attrs.has(tp) and isinstance(value, dict):
        for field in attrs.fields(attrs.resolve_types(tp)):
            if field.name in value:
                yield from spots(
                    value[field.name],
                    field.type,
                    (*keys, field.name),
                    required=not may_omit(tp, field),
                )
    elif typing.get_origin(tp) is tuple and isinstance(value, list):
        (item_type, _) = typing.get_args(tp)
        for i, item in enumerate(value):
            yield from spots(item, item_type, (*keys, i), required=False)


# The fields an overlay may leave out although they have no default: derived from others when absent.
DERIVED: dict[type, frozenset[str]] = {
    ad.Body: frozenset({"names", "name", "acronym", "established"}),
    ad.Declaration: frozenset({"kinds"}),
}


def may_omit(cls: type, field: Any) -> bool:
    """Whether an overlay may leave *field* out: it has a default, may be null, is an array, or is derived."""
    tp, nullable = _unwrap(field.type)
    return (
        field.default is not attrs.NOTHING
        or nullable
        or typing.get_origin(tp) is tuple
        or field.name in DERIVED.get(cls, frozenset())
    )


def get(record: Any, keys: tuple[str | int, ...]) -> Any:
    for key in keys:
        record = record[key]
    return record


def put(record: Any, keys: tuple[str | int, ...], value: Any) -> None:
    get(record, keys[:-1])[keys[-1]] = value


def record_type(collection: str) -> type:
    return COLLECTIONS[collection]


def wrong_values(spot: Spot) -> list[Any]:
    """JSON values that are surely not of the spot's type."""
    tp = spot.type
    if tp is str:
        out: list[Any] = [0, 1.5, True, [], {}, ["text"]]
    elif tp is int:
        out = ["1", 1.5, 1.0, True, False, [], {}, float("inf")]
    elif tp is bool:
        out = [0, 1, "true", [], {}]
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        out = ["no-such-member", 0, True, [], {}]
    elif tp is PartialDate:
        out = [0, 10_000, 2019.5, True, [], {}, {"year": 2019}]  # a year as an int is a date: 2019 is one
    elif typing.get_origin(tp) is tuple:
        out = ["text", "", {}, {"key": "value"}, 0, True]
    elif attrs.has(tp):
        out = ["text", 0, [], True]
    else:  # pragma: no cover - a type the model gained; say so
        pytest.fail(f"no wrong values for {tp!r}")
    if not spot.optional:
        out.append(None)
    return out


def overlapping(keys: tuple[str | int, ...], taken: Taken, c: str, i: int) -> bool:
    """Whether *keys* lies inside, or around, a place already mutated."""
    for collection, index, other in taken:
        if (collection, index) == (c, i):
            short = min(len(keys), len(other))
            if keys[:short] == other[:short]:
                return True
    return False


IMPOSSIBLE_DATES = [
    "2019-02-30", "2019-02-29", "2019-04-31", "2019-13", "2019-00", "2019-00-10", "0000", "10000",
    "2019-1", "2019-1-1", "19", "", " ", "2019/10", "2019-10-01T00:00", "two thousand", "٢٠١٩", "２０１９",
]  # fmt: skip


# -- mutations of the shape of records: each returns the JSON paths it broke ---------------------------


def _choose_spot(
    data: st.DataObject, doc: dict[str, Any], taken: Taken, accept: Callable[[Spot], bool]
) -> tuple[str, int, Spot] | None:
    options = [
        (c, i, spot)
        for c, i in records(doc)
        for spot in spots(at(doc, c, i), record_type(c))
        if accept(spot) and not overlapping(spot.keys, taken, c, i)
    ]
    if not options:
        return None
    c, i, spot = data.draw(st.sampled_from(options), label="spot")
    taken.append((c, i, spot.keys))
    return c, i, spot


def wrong_type(data: st.DataObject, doc: dict[str, Any], taken: Taken) -> list[str]:
    chosen = _choose_spot(data, doc, taken, lambda s: True)
    if chosen is None:
        return []
    c, i, spot = chosen
    value = data.draw(st.sampled_from(wrong_values(spot)), label="wrong value")
    if not spot.keys:
        doc[c][i] = value
    else:
        put(at(doc, c, i), spot.keys, value)
    return [jpath(c, i, spot.keys)]


def missing_field(data: st.DataObject, doc: dict[str, Any], taken: Taken) -> list[str]:
    chosen = _choose_spot(
        data, doc, taken, lambda s: bool(s.keys) and s.required and isinstance(s.keys[-1], str)
    )
    if chosen is None:
        return []
    c, i, spot = chosen
    del get(at(doc, c, i), spot.keys[:-1])[spot.keys[-1]]
    return [jpath(c, i, spot.keys)]


def unknown_field(data: st.DataObject, doc: dict[str, Any], taken: Taken) -> list[str]:
    chosen = _choose_spot(data, doc, taken, lambda s: s.is_object)
    if chosen is None:
        return []
    c, i, spot = chosen
    name = "x_" + data.draw(st.text(max_size=8), label="field name")
    get(at(doc, c, i), spot.keys)[name] = data.draw(st.sampled_from([None, 1, "x", [], {}]))
    return [jpath(c, i, spot.keys)]


def reversed_period(data: st.DataObject, doc: dict[str, Any], taken: Taken) -> list[str]:
    chosen = _choose_spot(data, doc, taken, lambda s: s.type is Period)
    if chosen is None:
        return []
    c, i, spot = chosen
    start = data.draw(gen.partial_dates(min_year=2, max_year=9999), label="start")
    end = data.draw(gen.partial_dates(min_year=1, max_year=start.year - 1), label="end")
    put(at(doc, c, i), spot.keys, {"start": str(start), "end": str(end)})
    return [jpath(c, i, spot.keys)]


def impossible_date(data: st.DataObject, doc: dict[str, Any], taken: Taken) -> list[str]:
    chosen = _choose_spot(data, doc, taken, lambda s: s.type is PartialDate)
    if chosen is None:
        return []
    c, i, spot = chosen
    year = data.draw(st.integers(1, 9999))
    value = data.draw(
        st.sampled_from(IMPOSSIBLE_DATES)
        | st.sampled_from([f"{year:04d}-02-30", f"{year:04d}-13", f"{year:04d}-12-32", f"{year}-{year}"]),
        label="date",
    )
    put(at(doc, c, i), spot.keys, value)
    return [jpath(c, i, spot.keys)]


def huge_value(data: st.DataObject, doc: dict[str, Any], taken: Taken) -> list[str]:
    """A huge number or string where it cannot belong (a date, an enum, an id's type)."""
    chosen = _choose_spot(
        data,
        doc,
        taken,
        lambda s: s.type is PartialDate or (isinstance(s.type, type) and issubclass(s.type, enum.Enum)),
    )
    if chosen is None:
        return []
    c, i, spot = chosen
    value = data.draw(
        st.sampled_from([10**400, -(10**300), 1e308, "9" * 100_000, "x" * 1_000_000]), label="huge"
    )
    put(at(doc, c, i), spot.keys, value)
    return [jpath(c, i, spot.keys)]


def duplicate_in_overlay(data: st.DataObject, doc: dict[str, Any], taken: Taken) -> list[str]:
    """A record twice in one overlay: found while merging, before the data is checked as a whole."""
    options = [(c, i) for c, i in records(doc) if not overlapping((), taken, c, i)]
    if not options:
        return []
    c, i = data.draw(st.sampled_from(options), label="record")
    doc[c].append(copy.deepcopy(at(doc, c, i)))
    taken.extend([(c, i, ()), (c, len(doc[c]) - 1, ())])
    return [jpath(c, len(doc[c]) - 1)]


STRUCTURAL: dict[str, Callable[[st.DataObject, dict[str, Any], Taken], list[str]]] = {
    "duplicate in overlay": duplicate_in_overlay,
    "wrong type": wrong_type,
    "missing field": missing_field,
    "unknown field": unknown_field,
    "reversed period": reversed_period,
    "impossible date": impossible_date,
    "huge value": huge_value,
}


# -- mutations of the data as a whole ---------------------------------------------------------------

REFERENCES: dict[str, tuple[tuple[str, ...], ...]] = {
    "bodies": (("parent",), ("meetings", "joint_with"), ("meetings", "back_to_back_with"),
               ("meetings", "consultation_partners")),
    "declarations": (("body",), ("host",)),
    "events": (("partners",),),
    "dialogues": (("partners",), ("convener",)),
    "relations": (("subject",), ("object",)),
}  # fmt: skip


class Semantic:
    """Mutations that keep every record's shape but break the data as a whole."""

    def __init__(self, data: st.DataObject, doc: dict[str, Any]) -> None:
        self.data = data
        self.doc = doc
        self.used: set[tuple[str, int]] = set()
        self.reserved: set[str] = set()  # packaged ids a mutation relies on

    def free_record(
        self, *, ids: bool = False, where: Callable[[str, dict[str, Any]], bool] | None = None
    ) -> tuple[str, int] | None:
        options = [
            (c, i)
            for c, i in records(self.doc, ids=ids)
            if (c, i) not in self.used and (where is None or where(c, at(self.doc, c, i)))
        ]
        if not options:
            return None
        chosen = self.data.draw(st.sampled_from(options), label="record")
        self.used.add(chosen)
        return chosen

    def in_overlay(self) -> set[str]:
        return {r["id"] for items in self.doc.values() for r in items if "id" in r}

    def dangling_reference(self) -> list[str]:
        chosen = self.free_record(where=lambda c, _: c in REFERENCES)
        if chosen is None:
            return self.source_document()
        c, i = chosen
        record = at(self.doc, c, i)
        field = self.data.draw(st.sampled_from(REFERENCES[c]), label="reference")
        missing = "no-such-" + self.data.draw(st.text("abcxyz0123456789", min_size=1, max_size=8))
        if field[0] == "meetings":
            if not record["meetings"]:
                return self.source_document()
            m = self.data.draw(st.integers(0, len(record["meetings"]) - 1))
            record["meetings"][m][field[1]] = [missing]
            return [jpath(c, i, ("meetings", m, field[1], 0))]
        if field[0] == "partners":
            record["partners"] = [missing]
            return [jpath(c, i, ("partners", 0))]
        record[field[0]] = missing
        return [jpath(c, i, (field[0],))]

    def source_document(self) -> list[str]:
        chosen = self.free_record()
        if chosen is None:
            return []
        c, i = chosen
        record = at(self.doc, c, i)
        if "sources" not in record or c == "sources":
            return []
        record["sources"] = [{"document": "no-such-source", "section": "x"}, *record["sources"]]
        return [jpath(c, i, ("sources", 0, "document"))]

    def duplicate_across_collections(self) -> list[str]:
        chosen = self.free_record(ids=True)
        if chosen is None:
            return []
        c, i = chosen
        upper = c in {"partners", "member_states"}
        space = {"documents", "declarations"} if c in {"documents", "declarations"} else {c}
        # Not an id another mutation chose or the overlay holds: two records of
        # the overlay with one id would be a duplicate within it, reported first.
        taken = self.reserved | self.in_overlay()
        others = [
            r["id"]
            for other, items in PACKAGED.items()
            if other not in space | _PACKAGED_KINDS and (other in {"partners", "member_states"}) == upper
            for r in items
            if r["id"] not in taken
        ]
        if not others:
            return []
        target = self.data.draw(st.sampled_from(others), label="taken id")
        self.reserved.add(target)
        at(self.doc, c, i)["id"] = target
        return [jpath(c, i, ("id",))]

    def duplicate_key(self) -> list[str]:
        chosen = self.free_record(ids=True, where=lambda c, r: "aliases" in r)
        if chosen is None:
            return []
        c, i = chosen
        kind = "documents" if c == "declarations" else c
        holders = [
            r
            for r in (
                *BASELINE.collection(kind),
                *(BASELINE.collection("declarations") if kind == "documents" else ()),
            )
            if r.id not in self.in_overlay() and r.id != at(self.doc, c, i)["id"]
        ]  # fmt: skip
        if not holders:
            return []
        holder = self.data.draw(st.sampled_from(holders), label="holder")
        keys = [k for k in record_keys(holder) if k != getattr(holder, "title", None)] or [holder.id]
        key = self.data.draw(st.sampled_from(keys), label="key")
        self.reserved.add(holder.id)
        record = at(self.doc, c, i)
        record["aliases"] = [*record["aliases"], key.upper() if self.data.draw(st.booleans()) else key]
        return [jpath(c, i)]

    def impostor_key(self) -> list[str]:
        """An alias that is another kind's id or acronym: "ADGMIN" for a partner, "telmin" for an event."""
        chosen = self.free_record(ids=True, where=lambda c, r: "aliases" in r and c != "bodies")
        if chosen is None:
            return []
        c, i = chosen
        record = at(self.doc, c, i)
        body = self.data.draw(st.sampled_from(BASELINE.collection("bodies")), label="impersonated body")
        if body.id in self.in_overlay():
            return []
        self.reserved.add(body.id)
        keys = [body.id, *(n.acronym for n in body.names if n.acronym)]
        key = self.data.draw(st.sampled_from(keys), label="impostor key")
        record["aliases"] = [*record["aliases"], key]
        return [jpath(c, i)]

    def lookalike_key(self) -> list[str]:
        """An alias with mixed look-alike scripts, an invisible or bidi character, or a control code."""
        chosen = self.free_record(ids=True, where=lambda c, r: "aliases" in r)
        if chosen is None:
            return []
        c, i = chosen
        record = at(self.doc, c, i)
        word = self.data.draw(st.text("ABCDEFGHMOPTXadgimnos", min_size=2, max_size=8), label="word")
        bad = self.data.draw(
            st.sampled_from(["\u0410", "\u0391", "\u043e", "\u202e", "\u200b", "\u2066", "\x1b", "\x07"]),
            label="bad character",
        )
        where = self.data.draw(st.integers(0, len(word)), label="where")
        record["aliases"] = [*record["aliases"], word[:where] + bad + word[where:]]
        return [jpath(c, i)]

    def parent_cycle(self) -> list[str]:
        parents = {b.id: b.parent for b in BASELINE.collection("bodies")}
        taken = self.in_overlay() | self.reserved
        options = []
        for body in BASELINE.collection("bodies"):
            # A packaged body made a child of one of its own descendants, on a path of
            # bodies no other mutation touches, so that every cycle made stays a cycle.
            for below in parents:
                path = self._path_up(parents, below, body.id)
                if below != body.id and path and not taken & set(path):
                    options.append((body, below, path))
        if not options:
            return []
        body, below, path = self.data.draw(st.sampled_from(options), label="cycle")
        replacement = ad.converter.unstructure(attrs.evolve(body, parent=below))
        self.reserved.update(path)
        self.doc.setdefault("bodies", []).append(replacement)
        index = len(self.doc["bodies"]) - 1
        self.used.add(("bodies", index))
        return [jpath("bodies", index, ("parent",))]

    @staticmethod
    def _path_up(parents: dict[str, str | None], start: str, target: str) -> list[str]:
        """The bodies from *start* up to *target*, both included; empty if *target* is not above."""
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in path:
            path.append(current)
            if current == target:
                return path
            current = parents.get(current)
        return []

    def naming_gap(self) -> list[str]:
        chosen = self.free_record(where=lambda c, _: c == "bodies")
        if chosen is None:
            return []
        c, i = chosen
        record = at(self.doc, c, i)
        names = record["names"]
        if len(names) >= 2:
            names[1]["valid"]["start"] = None  # no longer where the name before it ends
        elif record["established"] is not None:
            names[0]["valid"]["start"] = None  # no longer at establishment
        else:
            names[0]["valid"]["start"] = names[0]["valid"]["end"] or "2000"
        return [jpath(c, i, ("names",))]

    def bad_id(self) -> list[str]:
        chosen = self.free_record(ids=True)
        if chosen is None:
            return []
        c, i = chosen
        if c == "member_states":
            bad = ["THA", "T", "th", "T1", "", "ZZZZ"]
        elif c == "partners":
            bad = ["lower", "X", "1AB", "A-B", "", "ABCDEFGHIJK"]
        else:
            bad = ["Not A Slug", "UPPER", "-x", "x-", "a--b", "", "émoji", "a_b"]
        at(self.doc, c, i)["id"] = self.data.draw(st.sampled_from(bad), label="bad id")
        return [jpath(c, i, ("id",))]

    def bad_field(self) -> list[str]:
        """Values of the right type that the data's rules refuse."""
        chosen = self.free_record(
            where=lambda c, r: c in {"bodies", "documents", "declarations", "master_plans"} or "sources" in r
        )
        if chosen is None:
            return []
        c, i = chosen
        record = at(self.doc, c, i)
        if c == "bodies" and record["meetings"]:
            record["meetings"][0]["per_year"] = self.data.draw(st.integers(max_value=0))
            return [jpath(c, i, ("meetings", 0, "per_year"))]
        if c in {"documents", "declarations"}:
            wrong = ["declaration"] if c == "documents" else ["link"]
            record["kinds"] = self.data.draw(st.sampled_from([[], ["link", "link"], wrong]))
            return [jpath(c, i, ("kinds",))]
        if c == "master_plans":
            record["thrusts"] = [{"number": 2, "title": "Two", "description": None}]
            return [jpath(c, i, ("thrusts",))]
        # An overlay record with no sources of its own is not refused: the overlay file
        # cites it (tests/loading/test_load.py); only packaged records must cite a source.
        return []

    def second_sector(self) -> list[str]:
        sector = copy.deepcopy(PACKAGED["sectors"][0])
        number = 9999 - len(self.doc.get("sectors", []))
        sector["id"] = f"another-sector-{number}"
        sector["aliases"] = []
        for n, name in enumerate(sector["names"]):
            name["name"] = f"{gen.TAG_PREFIX}{number} sector {n}"
            name["acronym"] = None
        sector["name"] = sector["names"][-1]["name"]
        self.doc.setdefault("sectors", []).append(sector)
        index = len(self.doc["sectors"]) - 1
        self.used.add(("sectors", index))
        return [jpath("sectors", index)]


SEMANTIC = [
    "dangling_reference", "source_document", "duplicate_across_collections",
    "duplicate_key", "impostor_key", "lookalike_key", "parent_cycle", "naming_gap", "bad_id", "bad_field",
    "second_sector",
]  # fmt: skip


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from([*COLLECTIONS, "id", "name", "kind", "x"]), inner, max_size=4)
    ),
    max_leaves=20,
)


# -- the tests --------------------------------------------------------------------------------------


class TestMalformedFiles:
    @per_load
    @given(bases(), st.data())
    def test_broken_files(self, base: dict[str, Any], data: st.DataObject) -> None:
        """Invalid JSON, non-UTF-8 bytes, other top-level types and deep nesting are refused at $."""
        text = dumps(base)
        how = data.draw(
            st.sampled_from(
                [
                    "truncated",
                    "not utf-8",
                    "not an object",
                    "deep",
                    "huge int",
                    "bom",
                    "key twice",
                    "surrogate",
                ]
            ),
            label="how",
        )
        event(how)
        if how == "truncated":
            raw = text[: data.draw(st.integers(0, len(text) - 1))]
        elif how == "not utf-8":
            at_byte = data.draw(st.integers(0, len(text)))
            bad = data.draw(
                st.sampled_from([b"\xff", b"\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf5\x80\x80\x80"])
            )
            raw = text[:at_byte] + bad + text[at_byte:]
        elif how == "not an object":
            raw = dumps(data.draw(st.sampled_from([[base], "bodies", 1, None, True, 1.5, []])))
        elif how == "deep":
            depth = data.draw(st.integers(2, 200_000))
            raw = b"[" * depth + b"]" * depth
            if data.draw(st.booleans()):
                raw = b'{"bodies": ' + raw + b"}"  # an array of arrays, where records belong
        elif how == "huge int":
            raw = (
                b'{"partners": [{"id": "AU", "name": "A", "kind": "country", "sources": [], "x": '
                + b"9" * 5000
                + b"}]}"
            )
        elif how == "key twice":  # one object with a key given twice: JSON parsers keep either
            keys = [m.start() for m in re.finditer(rb'\{"', text)]
            spot = data.draw(st.sampled_from(keys), label="object") + 1
            key = text[spot : text.index(b'"', spot + 1) + 1]
            raw = text[:spot] + key + b': "again", ' + text[spot:]
        elif how == "surrogate":  # a lone surrogate escape: valid JSON text no UTF-8 file can hold
            quotes = [m.start() for m in re.finditer(rb'"', text)]
            spot = data.draw(st.sampled_from(quotes), label="quote") + 1
            raw = (
                text[:spot] + data.draw(st.sampled_from([b"\\ud800", b"\\udfff", b"x\\udbff"])) + text[spot:]
            )
        else:
            raw = data.draw(st.sampled_from([b"\xfe\xff", b"\xff\xfe", b"\x00\x00\xfe\xff"])) + text
        attempt([raw], [(0, "$")])

    @per_load
    @given(bases(), st.data())
    def test_broken_records(self, base: dict[str, Any], data: st.DataObject) -> None:
        """Wrong types, missing or unknown fields, bad dates and periods, duplicates are named by path."""
        taken: Taken = []
        expected: list[str] = []
        hows = data.draw(st.lists(st.sampled_from(sorted(STRUCTURAL)), min_size=1, max_size=3), label="hows")
        for how in hows:
            event(how)
            expected += STRUCTURAL[how](data, base, taken)
        if not expected:
            return
        attempt([dumps(base)], [(0, p) for p in expected])

    @per_load
    @given(bases(), st.data())
    def test_inconsistent_data(self, base: dict[str, Any], data: st.DataObject) -> None:
        """Dangling references, duplicate ids and keys, cycles and broken histories name the overlay."""
        semantic = Semantic(data, base)
        expected: list[str] = []
        for how in data.draw(st.lists(st.sampled_from(SEMANTIC), min_size=1, max_size=3), label="hows"):
            event(how)
            expected += getattr(semantic, how)()
        if not expected:
            return
        attempt([dumps(base)], [(0, p) for p in expected])

    @per_load
    @given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
    def test_arbitrary_bytes(self, raw: bytes) -> None:
        """Any bytes at all load or raise DataError, and nothing else."""
        attempt([raw], [], must_fail=False)

    @per_load
    @given(json_values)
    def test_arbitrary_json(self, doc: Any) -> None:
        """Any JSON value at all loads or raises DataError, and nothing else."""
        attempt([json.dumps(doc).encode()], [], must_fail=False)

    @per_load
    @given(bases(), bases(), st.data())
    def test_one_bad_file_among_good_ones(
        self, good: dict[str, Any], bad: dict[str, Any], data: st.DataObject
    ) -> None:
        """A bad file next to good ones is named, and nothing of the good ones is applied."""
        taken: Taken = []
        expected = wrong_type(data, bad, taken)
        files = [dumps(good), dumps(bad)] if data.draw(st.booleans()) else [dumps(bad), dumps(good)]
        index = files.index(dumps(bad))
        # The two bases were drawn apart: their generated records may clash, which is fine.
        attempt(files, [(index, p) for p in expected])


class TestOverlayPaths:
    @per_load
    @given(st.text(max_size=300) | st.text("x.", min_size=250, max_size=5000))
    def test_any_path(self, tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
        """A path that is missing, too long or holds a NUL is a DataError naming it, never an OSError."""
        # One name in an empty folder: no text climbs out of it to real files.
        folder = tmp_path_factory.getbasetemp() / "empty"
        folder.mkdir(exist_ok=True)
        path = os.path.join(folder, name.replace("/", "_"))
        TRIED.add(hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest())
        try:
            ad.load(path)
        except DataError as error:
            OUTCOMES["refused"] += 1
            assert all(_PROBLEM.match(p) for p in error.problems), error
        except TypeError:
            pytest.fail("a str path was refused as not a path")
        else:
            pytest.fail(f"loaded {path!r}")
        assert ad.registry is REGISTRY

    def test_folder_of_bad_files(self, tmp_path: Path) -> None:
        """Every bad file of a folder is named, each with its own path."""
        (tmp_path / "a.json").write_bytes(b"{")
        (tmp_path / "b.json").write_bytes(b'{"bodies": 1}')
        with pytest.raises(DataError) as info:
            ad.load(tmp_path)
        text = str(info.value)
        assert f"{tmp_path / 'a.json'}: $: invalid JSON" in text
        assert f"{tmp_path / 'b.json'}: $.bodies: expected an array" in text


class TestLargeFiles:
    def test_file_over_the_limit(self, tmp_path: Path) -> None:
        """A file larger than the limit is refused without being read."""
        path = tmp_path / "huge.json"
        with path.open("wb") as f:
            f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk or memory spent
        TRIED.add(f"sparse:{MAX_FILE_BYTES + 1}")
        with pytest.raises(DataError, match=r"huge\.json: \$: the file is .* more than"):
            ad.load(path)
        assert ad.registry is REGISTRY

    def test_many_duplicate_records(self, tmp_path: Path) -> None:
        """20,000 records with one id: the first 1,000 duplicates are listed by path, the rest counted."""
        sources = [{"document": "seed-page", "section": "Overview"}]
        record = {"id": "AU", "name": "Zq Australia", "kind": "country", "sources": sources}
        raw = dumps({"partners": [record] * 20_000})
        attempt([raw], [(0, "$.partners[1]"), (0, "$.partners[1000]")])
        path = tmp_path / "duplicates.json"
        path.write_bytes(raw)
        with pytest.raises(ad.DataError) as info:
            ad.load(path)
        assert (len(info.value.problems), info.value.more) == (1000, 18_999)

    def test_large_valid_file(self, tmp_path: Path) -> None:
        """A large but valid file (long descriptions, many records) loads."""
        sources = [{"document": "seed-page", "section": "Overview"}]
        areas = [
            {"id": f"zq-area-{i}", "name": f"Zq area {i} " + "x" * 1000, "aliases": [], "sources": sources}
            for i in range(3000)
        ]
        path = tmp_path / "large.json"
        path.write_bytes(dumps({"policy_areas": areas}))
        assert len(ad.load(path).policy_areas()) == len(REGISTRY.policy_areas()) + 3000
