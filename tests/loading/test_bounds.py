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


def test_a_key_shared_by_thousands_names_a_few(tmp_path: Path) -> None:
    """10,000 records sharing an alias: each problem names three others and counts the rest."""
    path = tmp_path / "alias.json"
    records = [group(i, aliases=["Zq Shared Alias"]) for i in range(10_000)]
    path.write_text(json.dumps({"bodies": records}), encoding="utf-8")
    error = refused(path)
    assert (len(error.problems), error.more) == (ad.DataError.KEPT, 9000)
    assert error.problems[0].message == (
        "the key 'Zq Shared Alias' is ambiguous: it also finds body 'zq-1', 'zq-10', 'zq-100' and 9996 more; "
        "two records of a kind may not share an id, acronym, name or alias: change or drop this record's "
        "'Zq Shared Alias'"
    )
    assert max(len(p) for p in error.problems) < 400


def test_suggestions_compare_the_start_of_long_keys(tmp_path: Path) -> None:
    """A reference to a long key with its last letter changed still gets its suggestion."""
    alias = "Zq " + "working group on digital data governance " * 50
    records = [group(0, aliases=[alias]), group(1, parent=alias[:-2] + "X")]
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"bodies": records}), encoding="utf-8")
    (problem,) = refused(path).problems
    assert problem.path == "$.bodies[1].parent"
    assert "did you mean" in problem.message
    assert "did you mean 'zq-0' (Zq working group on digital data governance" in problem.message


def test_one_patch_per_record_and_file(tmp_path: Path) -> None:
    """40,000 patches of one record in one file: each after the first is a problem, not a copy of it."""
    path = tmp_path / "patches.json"
    path.write_text(
        json.dumps(
            {"bodies": [{"$patch": True, "id": "atrc", "description": f"x{i}"} for i in range(40_000)]}
        ),
        encoding="utf-8",
    )
    error = refused(path)
    assert len(error.problems) + error.more == 39_999
    assert error.problems[0].message == (
        "'atrc' is patched at [0] of this file already: write one patch per record and file"
    )


@pytest.mark.parametrize(
    ("acronym", "reason"),
    [
        ("ATRC\u3164", "holds the invisible or control character U+3164; remove it"),
        ("\u13aa\u13a2\u13d2\u13df", "looks like the id or acronym 'atrc' written in other letters"),
        ("\u1d00\u1d1b\u0280\u1d04", "looks like the id or acronym 'atrc' written in other letters"),
        ("\u041a\u041d", "looks like the id or acronym 'KH' written in other letters"),
    ],
)
def test_look_alike_acronyms_are_refused(tmp_path: Path, acronym: str, reason: str) -> None:
    """A Hangul filler, Cherokee or small capitals for ATRC, Cyrillic for Cambodia's KH: each refused."""
    path = tmp_path / "lookalike.json"
    path.write_text(json.dumps({"bodies": [group(0, acronym=acronym, parent="atrc")]}), encoding="utf-8")
    messages = [p.message for p in refused(path).problems]
    assert any(m.startswith(f"the key {acronym!r} {reason}") for m in messages), messages


@pytest.mark.parametrize(
    "acronym",
    [
        "\u0391\u03a4RC",  # Greek ALPHA and TAU with Latin R and C: mixed scripts
        "\U0001d400\U0001d413\U0001d411\U0001d402",  # mathematical bold ATRC
        "\uff21\uff34\uff32\uff23",  # full-width ATRC
    ],
)
def test_look_alikes_beyond_a_hand_made_list_are_refused(tmp_path: Path, acronym: str) -> None:
    """Unicode's confusables data (UTS #39 skeletons) catches what no short list of letters would."""
    path = tmp_path / "lookalike.json"
    path.write_text(json.dumps({"bodies": [group(0, acronym=acronym, parent="atrc")]}), encoding="utf-8")
    messages = [p.message for p in refused(path).problems]
    assert any(m.startswith(f"the key {acronym!r} ") for m in messages), messages


def test_a_name_in_another_script_is_no_look_alike(tmp_path: Path) -> None:
    """Keys in Japanese, Korean or Thai that resemble no id or acronym load: only look-alikes are refused."""
    path = tmp_path / "names.json"
    path.write_text(
        json.dumps(
            {
                "bodies": [
                    group(0, acronym="デジタル", parent="atrc"),
                    group(1, acronym="디지털", parent="atrc"),
                ]
            }
        ),
        encoding="utf-8",
    )
    assert len(ad.load(path).bodies()) == len(ad.registry.bodies()) + 2


@pytest.mark.parametrize("acronym", ["ADGM\ua7aeN", "ADGM\u1da6N"])
def test_small_capital_look_alikes_in_any_form_are_refused(tmp_path: Path, acronym: str) -> None:
    """The capital small capital I, and a modifier small capital, for the I of ADGMIN (found by attack)."""
    path = tmp_path / "lookalike.json"
    path.write_text(json.dumps({"bodies": [group(0, acronym=acronym, parent="atrc")]}), encoding="utf-8")
    messages = [p.message for p in refused(path).problems]
    assert any("looks like the id or acronym 'adgmin' written in other letters" in m for m in messages), (
        messages
    )
