"""
Putting right what a folder export killed midway left (SIGKILL, a power cut), on the next export.

An export writes a note, :data:`NOTE`, in its staging folder while it writes and in the
previous export before it moves it aside: the target folder's name and the process's id.
The next export to that folder finds the folders whose writer is gone: a previous export
moved aside goes back if the target is missing (the kill fell between the two renames) or is
removed if the new export is in place; a half-written staging folder is removed. A note is
read without following links or blocking, and only a small regular file counts.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Final

__all__ = ["NOTE", "recover", "remove_note", "write_note"]

NOTE: Final = ".asean-digital-swapping"
"""The note's file name, in a staging folder or a previous export moved aside."""

_NOTE_MAX: Final = 512
"""The most bytes a note may hold: a folder's name and a process id."""


def write_note(folder: Path, target_name: str) -> None:
    """Write the note in *folder*: *target_name* and this process's id; never through a link."""
    path = folder / NOTE
    remove_note(folder)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o666)
    try:
        os.write(fd, f"{target_name}\n{os.getpid()}".encode())
    finally:
        os.close(fd)


def remove_note(folder: Path) -> None:
    """Remove the note from *folder*, whatever it is (a link is removed, not followed)."""
    try:
        os.unlink(folder / NOTE)
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        shutil.rmtree(folder / NOTE, ignore_errors=True)


def read_note(folder: Path) -> tuple[str, int] | None:
    """The target's name and writer's process id the note in *folder* holds; ``None`` for no such note."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return None
        fd = os.open(folder / NOTE, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        raw = os.read(fd, _NOTE_MAX + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(raw) > _NOTE_MAX:
        return None
    try:
        name, _, pid = raw.decode("utf-8").partition("\n")
    except UnicodeDecodeError:
        return None
    if not (pid.isascii() and pid.isdigit() and 0 < len(pid) <= 9 and int(pid) > 0):
        return None
    return name, int(pid)


def _gone(pid: int) -> bool:
    """Whether process *pid* has ended (an export of a running one is left alone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError, ValueError):
        return False  # it exists and is someone else's, or cannot be asked: left alone
    return False


def recover(target: Path) -> None:
    """
    Put right what an export to *target* (a folder already found to be ours, or missing) left when killed.

    Only folders whose note names *target* and whose writer has ended are touched.
    """
    parent = target.parent
    if not parent.is_dir():
        return
    for old in sorted(parent.glob(".asean-digital-old-*")):
        note = read_note(old)
        if note is None or note[0] != target.name or not _gone(note[1]):
            continue
        if not os.path.lexists(target):
            os.rename(old, target)
            remove_note(target)
        else:
            shutil.rmtree(old, ignore_errors=True)
    if target.is_dir() and not target.is_symlink():
        note = read_note(target)
        if note is not None and _gone(note[1]):
            remove_note(target)
    for staging in sorted(parent.glob(".asean-digital-export-*")):
        note = read_note(staging)
        if note is not None and note[0] == target.name and _gone(note[1]):
            shutil.rmtree(staging, ignore_errors=True)
