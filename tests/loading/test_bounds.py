"""
Hostile overlays stay bounded: problems kept and counted, suggestions for a few, one problem per bad array.

What can be counted is asserted here (problems kept, the message's size, peak memory against a
benign overlay of the same size); how long each takes is in benchmarks/, never in a timed test.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import asean_digital as ad


def group(i: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"zq-{i}",
        "name": f"Zq group {i}",
        "kind": "working_group",
        "representation": "x",
        **fields,
    }


def refused(path: Path) -> ad.DataError:
    with pytest.raises(ad.DataError) as info:
        ad.load(path)
    return info.value


def test_problems_beyond_the_limit_are_counted_not_kept(tmp_path: Path) -> None:
    """5,000 references that find nothing: 1,000 problems kept, 4,000 counted, a message of 50 lines."""
    path = tmp_path / "parents.json"
    path.write_text(
        json.dumps({"bodies": [group(i, parent="ADGSOMX") for i in range(5000)]}), encoding="utf-8"
    )
    error = refused(path)
    assert (len(error.problems), error.more) == (ad.DataError.KEPT, 4000)
    lines = str(error).splitlines()
    assert lines[0] == "5000 problems in the data:"
    assert lines[-1] == "  ... and 4950 more (the first 1000 are in DataError.problems)"
    assert len(str(error)) < 50 * ad.DataError.WIDTH + 200
    # "did you mean" for the first 50 misses only: each is a search of every key.
    suggested = [p for p in error.problems if "did you mean 'adgsom' (ADGSOM)" in p]
    assert suggested == list(error.problems[:50])
    assert error.problems[50].endswith("'ADGSOMX' is not the id of any body, nor a key of one")


def test_a_long_array_of_bad_items_is_one_problem(tmp_path: Path) -> None:
    """200,000 refused aliases are one problem that counts them, in memory like a benign file's."""
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps({"bodies": [group(0, aliases=[0] * 200_000)]}), encoding="utf-8")
    benign = tmp_path / "benign.json"  # as large, and refused for one wrong value
    benign.write_text(json.dumps({"bodies": [group(0, aliases=["x"] * 200_000, kind=0)]}), encoding="utf-8")

    def peak(path: Path) -> tuple[int, ad.DataError]:
        tracemalloc.start()
        try:
            error = refused(path)
            return tracemalloc.get_traced_memory()[1], error
        finally:
            tracemalloc.stop()

    hostile_peak, error = peak(hostile)
    benign_peak, _ = peak(benign)
    assert [p.message for p in error.problems] == [
        "200000 of its 200000 items are refused; the first, at [0]: expected a string, got int 0"
    ]
    assert hostile_peak < 2 * benign_peak


@pytest.mark.parametrize(
    ("record", "path", "message"),
    [
        (group(0, representation="a\x00b"), "$.bodies[0].representation",
         "a NUL character (\\x00) is not text: SQLite and C programs would cut the value short there"),
        ({"id": "e", "name": "Zq camp", "started": "2020", "per_year": 0}, "$.events[0].per_year",
         "must be at least 1, got 0"),
        ({"id": "d", "name": "Zq dialogue", "convener": "atrc", "per_year": -1}, "$.dialogues[0].per_year",
         "must be at least 1, got -1"),
        (group(0, meetings=[{"description": "Zq", "per_year": 0}]), "$.bodies[0].meetings[0].per_year",
         "must be at least 1, got 0"),
    ],
)  # fmt: skip
def test_values_every_output_can_hold(
    tmp_path: Path, record: dict[str, Any], path: str, message: str
) -> None:
    """No NUL in text; a count is at least 1: each a problem at its JSON path."""
    collection = {"zq-0": "bodies", "e": "events", "d": "dialogues"}[record["id"]]
    file = tmp_path / "values.json"
    file.write_text(json.dumps({collection: [record]}), encoding="utf-8")
    error = refused(file)
    assert [(p.path, p.message) for p in error.problems] == [(path, message)]


def test_an_integer_beyond_64_bits_is_refused_in_words(tmp_path: Path) -> None:
    """A meeting number of 30 digits is a problem naming the limit, not a crash of the SQLite export."""
    file = tmp_path / "big.json"
    meeting = '{"id": "adgmin-9", "body": "ADGMIN", "number": NUMBER, "name": "9th ADGMIN", "dates": '
    meeting += '{"start": "2029", "end": "2029"}}'
    file.write_text('{"meetings": [' + meeting.replace("NUMBER", "9" * 30) + "]}", encoding="utf-8")
    error = refused(file)
    assert [(p.path, p.message) for p in error.problems] == [
        (
            "$.meetings[0].number",
            "expected an integer within 64 bits (what SQLite holds), got one of 100 bits",
        )
    ]
