"""
The command line keeps its conventions: documented exit codes, no traceback, any output channel.

Real faults, in child processes: ``/dev/full`` for a full disk, a closed pipe,
an ASCII-only stdout, SIGINT at random moments.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

import asean_digital as ad

CLI = [sys.executable, "-m", "asean_digital"]


def run(
    *argv: str, env: dict[str, str] | None = None, stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *argv], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["bodies"], 0),
        (["body-that-is-not-a-command"], 2),
        (["bodies", "--year", "x"], 2),
        (["graph", "--format", "json"], 2),
        (["export", "--out", "x", "--format", "table"], 2),
        (["show", "ADGMN"], 1),
        (["bodies", "--established-before", "²"], 1),
        (["bodies", "--kind", "nonsense"], 1),
    ],
)
def test_exit_codes(argv: list[str], code: int) -> None:
    """0 ok, 1 data or lookup error or a wrong value, 2 usage; the message says what was expected."""
    done = run(*argv)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    if code:
        assert done.stderr.startswith(("asean-digital: error:", "usage:"))


def test_validate_of_an_empty_path_is_refused() -> None:
    """validate '' used to read the current folder and say ok."""
    done = run("validate", "")
    assert done.returncode == 1
    assert "an empty path names no file or folder" in done.stderr


def test_a_superscript_digit_is_a_clear_error() -> None:
    done = run("bodies", "--established-before", "²")
    assert "expected a date like '2001'" in done.stderr


@pytest.mark.parametrize(
    "argv", [["meetings"], ["show", "TELMIN"], ["search", "cyber"], ["graph"], ["people", "--format", "csv"]]
)
def test_a_full_disk_is_one_clear_error(argv: list[str]) -> None:
    """Writing any output to /dev/full: exit 1, one line on stderr, no traceback."""
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [*CLI, *argv], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False
        )
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert errors == ["asean-digital: error: cannot write the output: No space left on device"]
    assert "Traceback" not in done.stderr


def test_a_closed_pipe_is_not_an_error() -> None:
    """Piped into a reader that stops early (head): exit 0, nothing on stderr."""
    with subprocess.Popen(
        [*CLI, "search", "ASEAN", "--limit", "50"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as p:
        assert p.stdout is not None
        p.stdout.read(10)
        p.stdout.close()
        err = p.stderr.read() if p.stderr else b""
        p.wait(timeout=120)
    assert p.returncode == 0
    assert b"Traceback" not in err


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}]
)
def test_any_stdout_encoding(env: dict[str, str]) -> None:
    """
    An ASCII-only stdout: a table's cut cells are marked with a one-column
    "~", so its columns stay aligned, and text it cannot carry is escaped;
    JSON and CSV stay UTF-8 data that parses to the records' own text.
    """
    done = run("bodies", "--columns", "id,name,description", env={**env, "COLUMNS": "70"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "~" in done.stdout
    assert "…" not in done.stdout
    assert done.stdout.isascii()
    starts = [lines[0].index("name"), lines[0].index("description")]
    for line in lines[2:]:  # every row's cells start where the header's do
        assert all(line[i - 2 : i] == "  " and line[i] != " " for i in starts), line
    wide = run("bodies", "--format", "json", env=env)
    assert wide.returncode == 0, wide.stderr
    text = {b["id"]: b["name"] for b in json.loads(wide.stdout)}
    assert text == {b.id: b.name for b in ad.registry.bodies()}
    assert "ASEAN Telecommunications Regulators’ Council" in text.values()  # a right quote: not ASCII
    rows = list(csv.DictReader(io.StringIO(run("bodies", "--format", "csv", env=env).stdout)))
    assert {r["id"]: r["name"] for r in rows} == text
    done = run("show", "ATRC", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert "Regulators\\u2019" in done.stdout


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["bodies", "--help"]])
def test_version_and_help_to_a_full_disk_are_an_error(argv: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [*CLI, *argv], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False
        )
    assert done.returncode == 1
    assert done.stderr == "asean-digital: error: cannot write the output: No space left on device\n"


def test_tabs_and_newlines_in_a_cell_are_shown_as_escapes(tmp_path: Path) -> None:
    """A theme with a tab and a line break stays on its row of the table, in the card too."""
    overlay = tmp_path / "o.json"
    overlay.write_text(
        json.dumps(
            {
                "meetings": [
                    {**ad.to_records([ad.registry.meeting("12th TELMIN")])[0], "theme": "One\tTwo\nThree"}
                ]
            }
        ),
        encoding="utf-8",
    )
    done = run(
        "meetings", "--overlay", str(overlay), "--columns", "id,theme", "--year", "2012", "--body", "ADGMIN"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2:] == ["telmin-12  One\\tTwo\\nThree"]
    card = run("show", "telmin-12", "--overlay", str(overlay))
    assert any(line.startswith("  theme: One\\tTwo\\nThree  [") for line in card.stdout.splitlines())


def test_ctrl_c_never_shows_our_traceback() -> None:
    """SIGINT at random moments: exit 130 (or the signal's own status), never a traceback from the library."""
    rng = random.Random(2026)  # noqa: S311 - a reproducible spread of moments, not a secret
    for _ in range(8):
        with subprocess.Popen(
            [*CLI, "search", "cyber"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as p:
            time.sleep(rng.uniform(0.0, 0.4))
            p.send_signal(signal.SIGINT)
            _, err = p.communicate(timeout=120)
        # An interrupt before the entry point runs (in the interpreter's own start-up) is Python's to report.
        assert "asean_digital" not in err, err
        assert p.returncode in {0, 130, -signal.SIGINT, 1}


def test_an_empty_result_keeps_its_header_and_says_so_on_stderr() -> None:
    """CSV of no records is still a header; the table's "(no records)" goes to stderr, not into a pipe."""
    done = run("meetings", "--year", "1999", "--format", "csv")
    assert done.returncode == 0
    assert done.stdout.strip().startswith("id,body,series,number,name,dates")
    done = run("meetings", "--year", "1999")
    assert done.returncode == 0
    assert done.stdout == ""
    assert done.stderr.strip() == "(no records)"


COMMANDS = ["bodies", "documents", "declarations", "plans", "meetings", "people", "events", "partners",
            "states", "policy-areas", "dialogues", "initiatives", "relations", "sources"]  # fmt: skip
FORMATS = ["table", "json", "csv", "dot", "mermaid"]


def help_of(*argv: str) -> str:
    done = run(*argv, "--help")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_commands_listed_are_the_commands() -> None:
    text = help_of()
    listed = [line.split()[0] for line in text.splitlines() if line.startswith("    ") and line[4] != " "]
    assert set(COMMANDS) <= set(listed)
    assert {"show", "search", "export", "graph", "validate", "diff", "new"} <= set(listed)


@pytest.mark.parametrize(
    "command", [*COMMANDS, "show", "search", "export", "graph", "validate", "diff", "new", None]
)
def test_every_option_has_help(command: str | None) -> None:
    """Each option and argument in a command's --help is followed by words saying what it takes."""
    text = help_of(*([command] if command else []))
    body = text.split("\n\n", 1)[1].split("\nexamples:", 1)[0]
    lines = body.splitlines()
    missing = []
    for i, line in enumerate(lines):
        if not line.startswith("  ") or line.startswith("   ") or line.strip().startswith("{"):
            continue  # not an entry (a continuation, or the list of commands)
        spec, _, words = line[2:].partition("  ")
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not words.strip() and not nxt.startswith(" " * 8):
            missing.append(spec)
    assert missing == []


@pytest.mark.parametrize("command", [*COMMANDS[:3], "show", "search", "export", "graph"])
def test_a_command_takes_exactly_the_formats_it_lists(command: str, tmp_path: Path) -> None:
    """What --help lists as --format's choices is accepted (exit 0); every other format is usage (exit 2)."""
    listed = help_of(command).split("--format {", 1)[1].split("}", 1)[0].split(",")
    extra = {"show": ["TELMIN"], "search": ["TELMIN"]}.get(command, [])
    for fmt in FORMATS:
        out = ["--out", str(tmp_path / fmt)] if command == "export" else []
        done = run(command, *extra, *out, "--format", fmt)
        assert done.returncode == (0 if fmt in listed else 2), (fmt, done.stderr)
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("width", [40, 60, 100])
@pytest.mark.parametrize("command", COMMANDS)
def test_tables_fit_the_terminal_and_show_ids_whole(command: str, width: int) -> None:
    """Lines fit COLUMNS (unless the keys alone are wider); every id is whole, to paste into show."""
    table = run(command, env={"COLUMNS": str(width)})
    assert table.returncode == 0, table.stderr
    records = json.loads(run(command, "--format", "json").stdout)
    keys = ["subject", "predicate", "object"] if command == "relations" else ["id"]
    lines = table.stdout.splitlines()
    head, rows = lines[:2], lines[2:]
    assert len(rows) == len(records)
    key_width = sum(max(len(str(r[k])) for r in records) for k in keys) + 2 * (len(keys) - 1)
    assert max(_columns_of(line) for line in lines) <= max(width, key_width)
    for row, record in zip(rows, records, strict=True):
        assert row.split()[: len(keys)] == [str(record[k]) for k in keys]
    if "(not shown" in table.stderr:
        assert "--columns" in table.stderr
    assert head[0].split()[0] == keys[0]


def test_columns_chooses_the_table_columns() -> None:
    done = run("meetings", "--columns", "id,chair,theme", env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split() == ["id", "chair", "theme"]
    assert "telmin-12" in done.stdout
    row = next(line for line in done.stdout.splitlines() if line.startswith("telmin-12 "))
    assert "Mario G. Montejo (PH)" in row  # its chair (research/telmin-11-15.md)
    done = run("bodies", "--columns", "id,established,former-names", env={"COLUMNS": "200"})
    assert [w.strip() for w in done.stdout.splitlines()[0].split("  ") if w] == [
        "id",
        "established",
        "former names",
    ]


def test_an_unknown_column_is_a_usage_error_listing_the_columns() -> None:
    done = run("bodies", "--columns", "id,colour")
    assert done.returncode == 2
    assert "--columns: no column 'colour'; expected some of id, acronym, name" in done.stderr


def test_search_as_csv_names_what_it_found() -> None:
    """Each match is a row of score, kind, id, key, field and snippet; no match is still a header."""
    rows = list(
        csv.DictReader(io.StringIO(run("search", "TELMIN", "--format", "csv", "--limit", "3").stdout))
    )
    assert rows[0] == {
        "score": "1.0", "kind": "Body", "id": "adgmin", "key": "TELMIN", "field": "names",
        "snippet": "TELMIN",
    }  # fmt: skip
    assert run("search", "zzqqxxy", "--format", "csv").stdout == "score,kind,id,key,field,snippet\n"
    done = run("search", "zzqqxxy")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "(no records)\n")


def test_columns_chooses_the_csv_columns_too() -> None:
    """--columns picks CSV columns by their names (chair_person or chair-person), in the order given."""
    argv = ["--year", "2012", "--body", "ADGMIN"]
    done = run("meetings", "--format", "csv", "--columns", "id,chair-person,dates_start", *argv)
    assert done.stdout == "id,chair_person,dates_start\ntelmin-12,mario-montejo,2012-11-15\n"
    table = run("meetings", "--columns", "id,chair_person", *argv)
    assert table.stdout.splitlines()[2].split() == ["telmin-12", "mario-montejo"]
    done = run("meetings", "--format", "csv", "--columns", "id,colour")
    assert done.returncode == 2
    assert "expected some of id, body, series, number, name, dates, dates_start" in done.stderr
    done = run("meetings", "--format", "json", "--columns", "id")
    assert done.returncode == 2
    assert "--format json gives whole records" in done.stderr


def test_a_declarations_year_is_its_year_and_kinds_are_whole() -> None:
    """The year column shows the year (not the date); kinds, like keys, are never cut."""
    table = run("declarations", "--columns", "id,year", "--year", "2023").stdout.splitlines()
    assert table[2].split() == ["boracay-digital-declaration-2023", "2023"]  # published 2023-02-10
    narrow = run("bodies", "--columns", "id,name,kind,description", env={"COLUMNS": "60"})
    kinds = [line.split("  ")[-1].strip() for line in narrow.stdout.splitlines()[2:]]
    rows = [line.split() for line in narrow.stdout.splitlines()[2:]]
    assert [r[0] for r in rows] == [b.id for b in ad.registry.bodies()]
    for row, body in zip(rows, ad.registry.bodies(), strict=True):
        assert body.kind.value in row, (row, kinds)


@pytest.mark.parametrize(
    "argv", [["--format", "json", "validate", "x.json"], ["--as-of", "2015", "new", "body"]]
)
def test_options_a_command_does_not_take_are_a_usage_error(argv: list[str]) -> None:
    done = run(*argv)
    assert done.returncode == 2
    assert "takes no --" in done.stderr


@pytest.mark.parametrize(
    ("command", "option", "kind"),
    [
        ("documents", "--kind", ad.DocumentKind),
        ("bodies", "--kind", ad.BodyKind),
        ("relations", "--predicate", ad.Predicate),
    ],
)
def test_an_options_help_lists_every_value_it_takes(command: str, option: str, kind: type[enum.Enum]) -> None:
    text = " ".join(help_of(command).split())
    listed = text.split(f"{option} {option[2:].upper()} ", 1)[1]
    for value in kind:
        assert value.value in listed[:400], (value, listed[:400])


def _columns_of(text: str) -> int:
    """The terminal columns *text* takes: wide (CJK) characters two, combining marks none."""
    return sum(
        0
        if unicodedata.category(c) in {"Mn", "Me", "Cf"}
        else 2
        if unicodedata.east_asian_width(c) in "WF"
        else 1
        for c in text
    )


@pytest.mark.parametrize("width", [60, 80, 120])
def test_wide_characters_take_two_columns(width: int) -> None:
    """Sources with Chinese, Japanese, Thai and Burmese titles still fit the terminal, columns aligned."""
    done = run("sources", env={"COLUMNS": str(width)})
    lines = done.stdout.splitlines()
    assert any(not line.isascii() for line in lines)
    assert max(_columns_of(line) for line in lines) <= width
    start = _columns_of(lines[0][: lines[0].index("title")])
    for line in lines[2:]:  # each title starts in the header's column
        head = next(i for i in range(len(line) + 1) if _columns_of(line[:i]) >= start)
        assert line[head - 2 : head] == "  ", line
        assert line[head] != " ", line


def test_a_foreign_file_in_an_export_is_named(tmp_path: Path) -> None:
    """A re-export refused for a user's file names that file, and the command line's --force."""
    out = tmp_path / "e"
    assert run("export", "--out", str(out)).returncode == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    done = run("export", "--out", str(out))
    assert done.returncode == 1
    assert "(notes.txt); export to a new or empty folder, or pass --force to replace it" in done.stderr


def test_csv_on_a_terminal_shows_control_characters_as_escapes(tmp_path: Path) -> None:
    """Escape sequences in the data are not obeyed by a terminal reading CSV; a pipe gets them whole."""
    import pty

    record = {**ad.to_records([ad.registry.body("ATRC WG")])[0], "description": "x\x1b]0;pwned\x07\x1b[2J"}
    overlay = tmp_path / "o.json"
    overlay.write_text(json.dumps({"bodies": [record]}), encoding="utf-8")
    argv = [*CLI, "show", "atrc-wg", "--overlay", str(overlay), "--format", "csv"]
    leader, follower = pty.openpty()
    with subprocess.Popen(argv, stdout=follower, stderr=subprocess.PIPE) as p:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        p.wait(timeout=120)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8")
    assert "\x1b" not in shown
    assert "\x07" not in shown
    assert "x\\x1b]0;pwned\\x07\\x1b[2J" in shown
    piped = run("show", "atrc-wg", "--overlay", str(overlay), "--format", "csv").stdout
    assert "x\x1b]0;pwned\x07\x1b[2J" in piped  # data for a program stays faithful


def test_messages_name_no_python_classes_and_columns_once() -> None:
    done = run("bodies", "--kind", "club")
    assert done.stderr == (
        "asean-digital: error: --kind must be one of 'ministerial', 'senior_officials', 'regulators', "
        "'working_group', 'committee', 'centre', 'network', got 'club'\n"
    )
    done = run("meetings", "--columns", "id,id")
    assert (done.returncode, done.stderr) == (
        2,
        "asean-digital: error: --columns: 'id' is named twice; name each column once\n",
    )


def test_a_database_path_naming_a_folder_is_refused(tmp_path: Path) -> None:
    done = run("export", "--format", "sqlite", "--out", f"{tmp_path}/db/")
    assert done.returncode == 1
    assert "names a folder; give the path of a database file (FILE.sqlite)" in done.stderr
    assert not (tmp_path / "db").exists()


def test_a_table_column_the_csv_spreads_is_all_its_columns() -> None:
    done = run("meetings", "--year", "2012", "--body", "ADGMIN", "--columns", "id,chair", "--format", "csv")
    assert done.stdout.splitlines()[0] == (
        "id,chair_person,chair_name,chair_title,chair_member_state,chair_partner,chair_organisation,chair_role"
    )
    assert done.stdout.splitlines()[1].startswith("telmin-12,mario-montejo,Mario G. Montejo,")


def test_keys_wider_than_the_terminal_say_so() -> None:
    done = run("relations", env={"COLUMNS": "40"})
    assert done.returncode == 0
    assert "(wider than the terminal's 40 columns: ids are never cut)" in done.stderr


def test_show_reads_in_a_narrow_terminal() -> None:
    """At 60 columns every line of a card fits but a whole address; a naming history reads as names."""
    done = run("show", "TELMIN", env={"COLUMNS": "60"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line for line in lines if len(line) > 59 and not line.strip().startswith("https://")] == []
    assert "{" not in done.stdout  # no JSON
    assert "    - ASEAN Digital Ministers Meeting (ADGMIN), 2019-10/.." in lines
    assert "      Ministers Meeting (TELMIN), 2001-07-13/2019-10  [1,3]" in lines


def test_a_narrow_table_keeps_the_columns_that_answer() -> None:
    """At 60 columns a table leaves out its other columns before names, titles, dates and matches."""
    bodies = run("bodies", env={"COLUMNS": "60"})
    assert bodies.stdout.splitlines()[0].split() == ["id", "acronym", "name", "established"]
    assert (
        bodies.stderr
        == "(not shown, for the terminal's width: kind, parent, former names; choose with --columns)\n"
    )
    found = run("search", "data governance", "--limit", "3", env={"COLUMNS": "60"})
    assert found.stdout.splitlines()[0].split() == ["score", "kind", "id", "matched"]
    assert all(len(line) <= 60 for line in bodies.stdout.splitlines() + found.stdout.splitlines())
