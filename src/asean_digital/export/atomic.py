"""
Writing files so that an interrupted export leaves the previous one whole: one home for every export.

An export is written beside its target under a new name of its own, made
durable (:func:`flush`), and only then swapped in. The temporary names are
short and unguessable whatever the target's name (a 250-character folder name
still has room), are made with ``O_EXCL`` (never through a link someone
planted) and with the user's umask (a web server can read the export as it
reads the user's other files), so concurrent exports never share one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Final

__all__ = ["flush", "made_parents", "new_file", "new_folder"]

_PREFIX: Final = ".asean-digital-"


def flush(path: Path) -> None:
    """Make sure *path*'s bytes are on disk (a full disk fails here, before the swap)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def made_parents(path: Path) -> Iterator[None]:
    """
    Make *path*'s missing parent folders; if what runs inside fails, remove those it made (if empty).

    An export that cannot be written (a name too long, a full disk) leaves no new folders behind.
    """
    missing = [p for p in reversed(path.parents) if not p.exists()]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield
    except BaseException:
        for folder in reversed(missing):  # deepest first; one that holds something stays
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def _fresh(folder: Path, what: str, make: object) -> Path:
    for _ in range(100):
        path = folder / f"{_PREFIX}{what}-{secrets.token_hex(6)}"
        try:
            make(path)  # type: ignore[operator]
        except FileExistsError:
            continue
        return path
    msg = f"no free temporary name in {folder}"
    raise FileExistsError(msg)


def new_file(folder: Path, what: str) -> Path:
    """
    A new, empty file in *folder* of a name no one else has, made with the umask's permissions.

    >>> import tempfile
    >>> path = new_file(Path(tempfile.mkdtemp()), "db")
    >>> path.name.startswith(".asean-digital-db-"), path.stat().st_size
    (True, 0)
    """

    def make(path: Path) -> None:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666))

    return _fresh(folder, what, make)


def new_folder(folder: Path, what: str) -> Path:
    """A new, empty folder in *folder* of a name no one else has, made with the umask's permissions."""
    return _fresh(folder, what, lambda path: os.mkdir(path, 0o777))
