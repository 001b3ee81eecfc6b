"""
The command line keeps its conventions: documented exit codes, no traceback, any output channel.

Real faults, in child processes: ``/dev/full`` for a full disk, a closed pipe,
an ASCII-only stdout, SIGINT at random moments.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def test_a_superscript_digit_is_a_clear_error() -> None:
    done = run("bodies", "--established-before", "²")
    assert "expected a date like '2001'" in done.stderr


def test_a_full_disk_is_one_clear_error() -> None:
    """Writing a table to /dev/full: exit 1, one line on stderr, no traceback."""
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [*CLI, "meetings"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False
        )
    assert done.returncode == 1
    assert done.stderr.strip() == "asean-digital: error: cannot write the output: No space left on device"


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
    """An ASCII-only stdout gets ASCII marks for the table's ellipsis and escapes for other text."""
    done = run("bodies", env={**env, "COLUMNS": "60"})
    assert done.returncode == 0, done.stderr
    assert "..." in done.stdout or "…" in done.stdout
    done = run("show", "Da Nang Declaration", env=env)
    assert done.returncode == 0, done.stderr


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
    assert done.stdout.strip().startswith("id,body,number,name,dates")
    done = run("meetings", "--year", "1999")
    assert done.returncode == 0
    assert done.stdout == ""
    assert done.stderr.strip() == "(no records)"
