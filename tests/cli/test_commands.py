"""The command line: output formats, filters, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import asean_digital as ad
from asean_digital import Body
from asean_digital.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestCollections:
    def test_card_query_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The demo's query prints the four bodies, oldest first."""
        code, out, err = run(capsys, "bodies", "--established-before", "2012")
        assert code == 0, err
        rows = [line.split()[0] for line in out.splitlines()[2:]]
        assert rows == ["atrc", "adgsom", "adgmin", "ssm"]

    def test_json_is_unstructured_records(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON output is an array of records as the converter gives them, and structures back."""
        code, out, _ = run(capsys, "bodies", "--partner", "ROK", "--format", "json")
        assert code == 0
        data = json.loads(out)
        bodies = [ad.converter.structure(d, Body) for d in data]
        assert bodies == list(ad.registry.bodies(partner="KR"))

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """CSV output has a header and one row per record."""
        code, out, _ = run(capsys, "declarations", "--host", "Thailand", "--format", "csv")
        assert code == 0
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [(r["title"], r["meeting_name"]) for r in rows] == [
            ("Bangkok Statement", "14th TELMIN"),
            ("Bangkok Declaration", "5th ADGMIN"),
        ]

    def test_as_of_before_or_after_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--as-of works before and after the sub-command and uses the names of then."""
        _, before, _ = run(capsys, "--as-of", "2015", "bodies", "--format", "json")
        _, after, _ = run(capsys, "bodies", "--as-of", "2015", "--format", "json")
        assert before == after
        assert [b["acronym"] for b in json.loads(before)][:3] == ["ATRC", "TELSOM", "TELMIN"]

    @pytest.mark.parametrize(
        ("argv", "count"),
        [
            (["documents", "--kind", "framework"], 5),
            (["documents", "--year", "2021"], 6),
            (["declarations", "--body", "TELMIN", "--source", "seed-page"], 13),
            (["declarations"], 19),
            (["plans"], 4),
            (["meetings"], 129),
            (["meetings", "--body", "ADGMIN"], 25),
            (["meetings", "--host", "PH", "--body", "ADGMIN"], 3),
            (["meetings", "--person", "Yaacob Ibrahim", "--series", "TELMIN"], 3),
            (["meetings", "--series", "japan-ministers"], 13),
            (["meetings", "--partner", "KR", "--series", "korea-ministers"], 18),
            (["series"], 19),
            (["series", "--partner", "US"], 2),
            (["people"], 79),
            (["events", "--started-after", "2016"], 2),
            (["partners"], 7),
            (["states"], 11),
            (["--as-of", "2000", "states"], 10),
            (["relations", "--predicate", "succeeds"], 3),
            (["search", "framework", "--limit", "4"], 4),
        ],
    )
    def test_counts(self, capsys: pytest.CaptureFixture[str], argv: list[str], count: int) -> None:
        """Every collection command returns the records the API returns."""
        code, out, err = run(capsys, *argv, "--format", "json")
        assert code == 0, err
        assert len(json.loads(out)) == count

    def test_show(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show finds any record by any key and prints a card."""
        code, out, _ = run(capsys, "show", "TELSOM")
        assert code == 0
        assert out.startswith("Body adgsom")
        code, out, _ = run(capsys, "show", "THA", "--format", "json")
        assert json.loads(out)["name"] == "Thailand"

    def test_overlay(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--overlay adds the user's records."""
        path = tmp_path / "au.json"
        src = [{"document": "seed-page", "section": "Overview"}]
        path.write_text(
            json.dumps({"partners": [{"id": "AU", "name": "Australia", "kind": "country", "sources": src}]})
        )
        code, out, _ = run(capsys, "--overlay", str(path), "partners", "--format", "json")
        assert code == 0
        assert "AU" in [p["id"] for p in json.loads(out)]


class TestExportFormat:
    def test_csv_matches_export(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A collection command's CSV is the export's CSV of that collection, row for row."""
        code, _, _ = run(capsys, "export", "--format", "csv", "--out", str(tmp_path))
        assert code == 0
        for command, name in (("bodies", "bodies"), ("plans", "master_plans"), ("partners", "partners")):
            _, out, _ = run(capsys, command, "--format", "csv")
            exported = (tmp_path / f"{name}.csv").read_text(encoding="utf-8").rstrip("\n")
            assert list(csv.reader(io.StringIO(out))) == list(csv.reader(io.StringIO(exported)))

    def test_json_matches_export(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A collection command's JSON is the records of the export's JSON file."""
        run(capsys, "export", "--out", str(tmp_path))
        _, out, _ = run(capsys, "bodies", "--format", "json")
        exported = json.loads((tmp_path / "bodies.json").read_text(encoding="utf-8"))
        assert json.loads(out) == exported["bodies"]

    def test_graph(self, capsys: pytest.CaptureFixture[str]) -> None:
        """graph prints DOT by default and Mermaid on request."""
        _, out, _ = run(capsys, "graph")
        assert out.startswith("digraph bodies {")
        _, out, _ = run(capsys, "graph", "--format", "mermaid")
        assert out.startswith("flowchart BT")
        code, _, err = run(capsys, "graph", "--format", "csv")
        assert code == 2  # a format the command does not take is a usage error
        assert "invalid choice: 'csv' (choose from 'dot', 'mermaid')" in err


class TestErrors:
    def test_not_found(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing key: exit 1, a suggestion on stderr, nothing on stdout."""
        code, out, err = run(capsys, "show", "ADGMN")
        assert (code, out) == (1, "")
        assert "did you mean 'ADGMIN'" in err
        assert "Traceback" not in err

    def test_bad_value(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad enum value or date: exit 1 with what was expected."""
        code, _, err = run(capsys, "bodies", "--kind", "council")
        assert code == 1
        assert "error: --kind must be one of 'ministerial'" in err
        code, _, err = run(capsys, "bodies", "--established-before", "2019-13")
        assert code == 1
        assert "error: --established-before: month must be between 1 and 12, got 13" in err

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--as-of", "soon", "bodies"], "--as-of: expected a date like '2001'"),
            (["meetings", "--held-after", "x"], "--held-after: expected a date like '2001'"),
            (["bodies", "--parent", "ADGSMO"], "--parent: no body matches 'ADGSMO'; did you mean"),
            (["meetings", "--body", "nothing"], "--body: no body matches 'nothing'"),
            (["meetings", "--source", "nowhere"], "--source: no source document matches 'nowhere'"),
            (["search", "x", "--limit", "0"], "--limit must be at least 1, got 0"),
            (["search", "x", "--kind", "planet"], "--kind must be one of 'source'"),
        ],
    )
    def test_errors_name_the_option(
        self, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A wrong value is reported against the option that gave it, not the query API's parameter."""
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert err.startswith(f"asean-digital: error: {message}"), err

    def test_usage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed command line: exit 2 with usage."""
        code, _, err = run(capsys, "bodies", "--no-such-flag")
        assert code == 2
        assert "usage:" in err
        code, _, err = run(capsys)
        assert code == 2

    def test_validate(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """validate lists every problem of an overlay with its path, exit 1; ok exit 0."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"partners": [{"id": "AU", "kind": "planet", "sources": []}]}')
        code, _, err = run(capsys, "validate", str(bad))
        assert code == 1
        assert "$.partners[0].name: required field missing" in err
        assert "$.partners[0].kind" in err
        good = tmp_path / "good.json"
        good.write_text('{"partners": []}')
        code, out, _ = run(capsys, "validate", str(good))
        assert code == 0
        assert out.startswith("ok")

    def test_help_has_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help shows examples and exit codes."""
        code, out, _ = run(capsys, "--help")
        assert code == 0
        assert "examples:" in out
        assert "exit status" in out


def test_python_dash_m() -> None:
    """python -m asean_digital runs the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "asean_digital", "states", "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 12


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package and data versions."""
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert "0.1.0" in out
    assert "2026.12.07" in out


class TestCardConnections:
    def test_show_lists_children_meetings_and_relations(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The card shows what the HTML card does: sub-bodies, the body's meetings, its relations."""
        code, out, _ = run(capsys, "show", "TELMIN")
        assert code == 0
        assert "  children: atrc, adgsom" in out
        assert "  meetings held: 25 (1st TELMIN to 6th ADGMIN" in out
        assert "    - atrc advises adgmin" in out
        assert out.count("  meetings") == 2  # the series (how it meets) and the meetings held

    def test_show_a_person_lists_their_meetings(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "show", "Dr Yaacob Ibrahim")
        assert code == 0
        assert "  meetings:\n    - 12th TELMIN (vice-chair)\n    - 13th TELMIN (chair)\n" in out

    def test_a_persons_meetings_say_their_role(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A head of delegation is not said to have chaired: each meeting says the role the pages give."""
        code, out, _ = run(capsys, "show", "Gobind Singh Deo")
        assert code == 0
        assert "    - 5th ADGMIN (head of delegation)" in out
        assert "chair" not in out.split("  meetings:")[1].split("  sources:")[0]


def test_former_names_show_a_former_acronym_only_where_it_differs(capsys: pytest.CaptureFixture[str]) -> None:
    """TELMIN is ADGMIN's former acronym; ATRC kept its acronym, so its former name is shown instead."""
    code, out, _ = run(capsys, "bodies", "--columns", "acronym,former-names")
    assert code == 0
    header, _, *lines = out.splitlines()
    at = header.index("former names")
    rows = {line[:at].strip(): line[at:].strip() for line in lines}
    assert rows["ADGMIN"] == "TELMIN"
    assert rows["ATRC"] == "ASEAN Telecommunication Regulators’ Committee"


def test_a_chair_without_a_name_does_not_read_as_a_country(capsys: pytest.CaptureFixture[str]) -> None:
    """The 15th TELMIN's chair is Viet Nam's, unnamed: the table says the name is not given."""
    code, out, _ = run(capsys, "meetings", "--year", "2015", "--columns", "name,chair")
    assert code == 0
    (line,) = [line for line in out.splitlines() if line.startswith("15th TELMIN")]
    assert line.split(maxsplit=2)[2].strip() == "name not given (VN)"
    assert str(ad.registry.meeting("15th TELMIN").chair) == "name not given (VN)"


@pytest.mark.parametrize(
    "command", ["bodies", "plans", "meetings", "people", "partners", "relations", "search"]
)
def test_the_columns_help_example_is_a_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Each command's ``--columns`` help names its own defaults and an extra column it accepts."""
    monkeypatch.setenv("COLUMNS", "400")  # a terminal wide enough for every column asked for
    code, out, _ = run(capsys, command, "--help")
    help_text = " ".join(out.split()).replace("- ", "-")  # argparse may wrap a line after a hyphen
    defaults = help_text.split("comma-separated (default ")[1].split(";")[0]
    extra = help_text.split("such as ")[1].split(")")[0] if "such as " in help_text else ""
    argv = [command, "TELMIN"] if command == "search" else [command]
    code, out, err = run(capsys, *argv, "--columns", ",".join(filter(None, [defaults, extra])))
    assert code == 0, err
    header = out.splitlines()[0]
    assert all(c.replace("-", "_") in header.replace(" ", "_") for c in [*defaults.split(","), extra] if c)


def test_a_mistyped_command_or_place_gets_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    """``bodys`` suggests ``bodies``; a city no declaration is in names the closest that one is in."""
    code, _, err = run(capsys, "bodys")
    assert code == 2
    assert err.rstrip().endswith(
        "invalid choice: 'bodys' (choose from 'sources', 'bodies', 'documents', 'declarations', 'plans', "
        "'series', 'meetings', 'people', 'events', 'editions', 'processes', 'partners', 'states', "
        "'policy-areas', 'dialogues', "
        "'initiatives', 'relations', 'show', 'timeline', 'search', 'export', 'graph', 'cite', 'diff', 'new', "
        "'validate'); did you mean 'bodies'?"
    )
    code, out, err = run(capsys, "declarations", "--city", "Bangkock")
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        "--city: none of the declarations is in 'Bangkock'; did you mean 'Bangkok'?",
        "(no records)",
    ]
    code, _, err = run(capsys, "declarations", "--city", "Bangkok", "--year", "2001")
    assert err == "(no records)\n"  # a real city: only the year leaves nothing


@pytest.mark.parametrize("fmt", ["text", "bibtex", "csl-json"])
def test_cite_prints_the_sources_of_a_body_and_of_a_meeting_field(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """`cite` gives what Registry.cite gives, in each format; a bad format is a usage error."""
    for key, field in (("ATRC", None), ("12th TELMIN", "chair")):
        argv = ["cite", key, "--format", fmt, *(["--field", field] if field else [])]
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "")
        assert out.rstrip("\n") == ad.registry.cite(key, field=field, format=fmt).rstrip("\n")  # type: ignore[arg-type]
        # the page the seed names ATRC on; a report naming the 12th TELMIN's chair (research/telmin-11-15.md)
        anchor = "asean-digital-sector" if field is None else "http://en.aectourismthai.com/content1/640"
        assert anchor in out
    code, _, err = run(capsys, "--format", fmt if fmt != "text" else "bibtex", "bodies")
    assert code == 2
    assert "is for the cite command" in err


def test_timeline_between_two_dates_by_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline --start --end --kind` lists what Registry.timeline gives; bad input says what it expects."""
    code, out, err = run(capsys, "timeline", "--start", "2019-10", "--end", "2019-10", "--kind", "renamed")
    assert (code, err) == (0, "")
    # October 2019: TELMIN became ADGMIN and the ICT sector the Digital sector (the seed page)
    assert "TELMIN renamed ADGMIN" in out
    assert "renamed ASEAN Digital sector" in out
    assert "meeting" not in out.split("\n", 2)[2]  # only renamings below the header
    code, out, _ = run(capsys, "timeline", "--kind", "process", "--format", "csv", "--columns", "date,record")
    assert code == 0
    assert "2024-10-16,regional-cert-programme" in out.splitlines()
    code, _, err = run(capsys, "timeline", "--kind", "meetings")
    assert code == 1  # as for every filter's bad value
    assert "--kind must be a kind of moment or of record" in err
    assert "'meeting'" in err
    code, _, err = run(capsys, "timeline", "--start", "2025-13")
    assert code == 1
    assert "--start" in err
