"""
The hostile-input issue's smaller items: each found by an adversarial run, each held here.

A huge number, a folder of ``.JSON`` files, ``diff`` in a narrow terminal,
``converter.unstructure`` of a query's results, copies and pickles of an
empty result, and a bytes path.
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import asean_digital as ad

CLI = [sys.executable, "-m", "asean_digital"]
OVERLAY = {
    "partners": [
        {
            "id": "AU",
            "name": "Australia",
            "kind": "country",
            "sources": [{"document": "seed-page", "section": "x"}],
        }
    ]
}


def run(*argv: str, columns: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *argv], capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "COLUMNS": str(columns)},
    )  # fmt: skip


class TestHugeNumbers:
    def test_an_option_given_5000_digits_names_the_option_and_echoes_little(self) -> None:
        done = run("bodies", "--established-before", "9" * 5000)
        assert done.returncode != 0
        message = done.stderr.strip()
        assert message.startswith("asean-digital: error: --established-before: expected a date like '2001'")
        assert "set_int_max_str_digits" not in message
        assert len(message) < 200  # the value is cut, not echoed whole

    def test_the_api_says_how_big_the_number_was(self) -> None:
        with pytest.raises(
            ValueError, match=r"established_before: year must be between 1 and 9999, got an integer"
        ):
            ad.registry.bodies(established_before=10**5000)
        with pytest.raises(ValueError, match=r"about 5001 digits"):
            ad.registry.documents(year=10**5000)


def test_a_folder_of_upper_case_json_files_is_read(tmp_path: Path) -> None:
    """``B.JSON`` in an overlay folder is JSON too: it is read, not skipped without a word."""
    (tmp_path / "B.JSON").write_text(json.dumps(OVERLAY), encoding="utf-8")
    assert ad.load(tmp_path).partner("Australia").id == "AU"


def test_diff_in_a_narrow_terminal_suggests_what_diff_takes(tmp_path: Path) -> None:
    """diff has no --columns: the note on left-out columns points to --format csv or json."""
    overlay = tmp_path / "a.json"
    overlay.write_text(json.dumps(OVERLAY), encoding="utf-8")
    done = run("--overlay", str(overlay), "diff", columns=40)
    assert done.returncode == 0, done.stderr
    assert "--columns" not in done.stderr
    assert "every column with --format csv or json" in done.stderr
    assert run("--overlay", str(overlay), "diff", "--format", "csv").stdout.startswith(
        "action,collection,id,field"
    )


def test_unstructure_of_results_gives_dicts() -> None:
    found = ad.registry.bodies(established_before=2012)
    data = ad.converter.unstructure(found)
    assert isinstance(data, list)
    assert [d["acronym"] for d in data] == ["ATRC", "ADGSOM", "ADGMIN", "SSM"]
    assert json.loads(json.dumps(data)) == data  # JSON-safe


class TestEmptyResultsKeepTheirKind:
    def test_copy_and_pickle(self) -> None:
        empty = ad.registry.bodies(established_before=1900)
        assert len(empty) == 0
        assert copy.copy(empty).kind is ad.Body
        assert copy.copy(empty).registry is ad.registry
        assert copy.deepcopy(empty).kind is ad.Body
        again = pickle.loads(pickle.dumps(empty))  # noqa: S301 - our own bytes
        assert (again.kind, again.registry) == (ad.Body, None)
        assert list(again.to_dataframe().columns) == list(empty.to_dataframe().columns)


def test_a_bytes_path_gets_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"each overlay must be a path \(str or os.PathLike\), got bytes"):
        ad.load(b"/tmp/overlay.json")  # type: ignore[arg-type]


class TestCiteAField:
    def test_an_index_past_the_end_is_refused(self) -> None:
        """``names[99]`` of a body with two names is no field: an error, not the citations of names."""
        with pytest.raises(ValueError, match=r"'names\[99\]': names has 2 item\(s\), indices 0 to 1"):
            ad.registry.cite("ATRC", field="names[99]")
        done = run("cite", "ATRC", "--field", "names[99]")
        assert done.returncode == 1
        assert done.stderr.strip() == "asean-digital: error: 'names[99]': names has 2 item(s), indices 0 to 1"

    def test_paths_that_exist_still_cite(self) -> None:
        atrc = ad.registry.body("ATRC")
        assert atrc.sources_for("names[1].name")
        with pytest.raises(ValueError, match="has no field 'nope'"):
            atrc.sources_for("names[0].nope")
        with pytest.raises(ValueError, match="is not a list to index"):
            atrc.sources_for("established[0]")


def test_many_refused_items_name_the_fields_of_the_first(tmp_path: Path) -> None:
    """Over 100 refused errata are one problem, and it says what is wrong with the first, field by field."""
    record = {**OVERLAY["partners"][0], "errata": [{"field": 1} for _ in range(150)]}
    path = tmp_path / "errata.json"
    path.write_text(json.dumps({"partners": [record]}), encoding="utf-8")
    with pytest.raises(ad.DataError) as caught:
        ad.load(path)
    (problem,) = caught.value.problems
    assert problem.path == "$.partners[0].errata"
    assert problem.message.startswith("150 of its 150 items are refused; the first, at [0]: field: ")
    assert "stated: required field missing" in problem.message


@pytest.mark.parametrize(
    "path",
    ["names[0].__class__", "names.__len__", "name.upper", "names[", "names[]", "names[0", "names[0]]",
     "names[\u00b2]", "names[" + "9" * 5000 + "]", "names[-1]", "names[0]x", "sources"],
)  # fmt: skip
def test_a_path_that_is_no_field_is_refused(path: str) -> None:
    """Methods, broken brackets, odd digits and huge indices are no fields: a short ValueError each."""
    with pytest.raises(ValueError, match=r"field") as caught:
        ad.registry.body("ATRC").sources_for(path)
    assert len(str(caught.value)) < 300
    assert "set_int_max_str_digits" not in str(caught.value)


def test_citing_an_empty_field_says_so() -> None:
    """Nothing states a field that holds no value: the empty citation comes with a word on stderr."""
    done = run("cite", "ai-safe", "--field", "set_up_at")
    assert done.returncode == 0
    assert done.stdout.strip() == ""
    assert done.stderr.strip() == "(no source states its set_up_at (it holds no value): ai-safe)"
