"""Ctrl-C wherever it lands once our code runs, imports included: exit 130, one line, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# A finder put first on sys.meta_path raises the interrupt when the named module is imported:
# the deterministic stand-in for a Ctrl-C that lands while that import runs.
INJECT = r"""
import sys
target, wrapped = sys.argv[1], sys.argv[2] == "wrapped"
class Interrupt:
    def find_spec(self, name, path=None, target_module=None):
        if name == target:
            if wrapped:  # as Python 3.11 reports one inside a class body's __set_name__
                try:
                    raise KeyboardInterrupt
                except KeyboardInterrupt as e:
                    raise RuntimeError("Error calling __set_name__") from e
            raise KeyboardInterrupt
        return None
sys.meta_path.insert(0, Interrupt())
sys.argv = ["asean-digital", *sys.argv[3:]]
from asean_digital.__main__ import run
sys.exit(run())
"""


def interrupted_at(target: str, *args: str, wrapped: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", INJECT, target, "wrapped" if wrapped else "plain", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    "target",
    ["asean_digital.cli.main", "attrs", "json", "asean_digital.query.api", "asean_digital.model.records"],
)
@pytest.mark.parametrize("wrapped", [False, True], ids=["plain", "wrapped"])
def test_an_interrupt_at_an_import_exits_130_in_one_line(target: str, wrapped: bool) -> None:
    """An interrupt while a module loads, bare or wrapped in a RuntimeError, is one line and status 130."""
    done = interrupted_at(target, "bodies", wrapped=wrapped)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "asean-digital: interrupted\n"
    assert done.stdout == ""


def test_an_interrupt_during_an_export_leaves_nothing_behind(tmp_path: Path) -> None:
    """Interrupted as it starts writing SQLite, the export leaves no database and no temporary file."""
    target = tmp_path / "asean.sqlite"
    done = interrupted_at("sqlite3", "export", "--format", "sqlite", "--out", str(target))
    assert done.returncode == 130, done.stderr
    assert done.stderr == "asean-digital: interrupted\n"
    assert list(tmp_path.iterdir()) == []


def test_other_errors_are_not_taken_for_interrupts() -> None:
    """An import that fails for another reason is not reported as an interrupt."""
    code = (
        "import sys\n"
        "class Broken:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'asean_digital.cli.main':\n"
        "            raise ImportError('broken install')\n"
        "sys.meta_path.insert(0, Broken())\n"
        "sys.argv = ['asean-digital', 'bodies']\n"
        "from asean_digital.__main__ import run\n"
        "sys.exit(run())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "broken install" in done.stderr
    assert "interrupted" not in done.stderr
