"""
The command line on a real pseudo-terminal: widths from the terminal itself, controls shown not obeyed.

A child process runs with its stdout and stderr on the slave side of a pty whose window
size is set (no COLUMNS in its environment); what it writes is read from the master side.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import asean_digital as ad

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def on_a_terminal(*argv: str, columns: int = 60) -> tuple[int, str]:
    """Run the command line with stdout and stderr on a pty *columns* wide; its exit status and output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    with subprocess.Popen(
        [sys.executable, "-m", "asean_digital", *argv],
        stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env, close_fds=True,
    ) as child:  # fmt: skip
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = child.wait(timeout=120)
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", errors="replace").replace("\r\n", "\n")


def test_a_table_fits_the_terminals_own_width() -> None:
    """The window is 60 columns: every line fits, and the columns that answer stay."""
    code, out = on_a_terminal("bodies")
    assert code == 0
    table = [line for line in out.splitlines() if not line.startswith("(")]  # the note on stderr aside
    assert max(len(line) for line in table) <= 60
    assert table[0].split() == ["id", "acronym", "name", "established"]


THEME = "Zq \x1b[31mred\x1b[0m \x9b2J \u202eevil"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """An overlay whose meeting theme holds an escape sequence, a C1 control and a right-to-left override."""
    meeting = {**ad.to_records([ad.registry.meeting("12th TELMIN")])[0], "theme": THEME}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"meetings": [meeting]}), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_controls_reach_a_terminal_as_escapes_in_every_format(hostile: Path, fmt: str) -> None:
    argv = ["--overlay", str(hostile), "meetings", "--year", "2012", "--body", "ADGMIN", "--format", fmt]
    code, out = on_a_terminal(*argv, *(["--columns", "id,theme"] if fmt != "json" else []), columns=200)
    assert code == 0, out
    assert not any(c in out for c in "\x1b\x9b\u202e")
    assert "\\x1b" in out or "\\u001b" in out
    assert "\\u202e" in out


def test_a_pipe_gets_the_data_itself(hostile: Path) -> None:
    """Piped, JSON is the data: the override character is there, for the program that reads it."""
    done = subprocess.run(
        [sys.executable, "-m", "asean_digital", "--overlay", str(hostile), "meetings", "--year", "2012",
         "--body", "ADGMIN", "--format", "json"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert [m["theme"] for m in json.loads(done.stdout)] == [THEME]


def test_messages_and_argparse_echoes_are_escaped(tmp_path: Path) -> None:
    """A file name or an unknown argument with controls is shown escaped on the terminal."""
    code, out = on_a_terminal("validate", str(tmp_path / "no\x1b]0;owned\x07such.json"))
    assert code == 1
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "no\\x1b]0;owned\\x07such.json" in out
    code, out = on_a_terminal("bodies", "--colour\x1b[2J")
    assert code == 2
    assert "\x1b" not in out
    assert "--colour\\x1b[2J" in out
