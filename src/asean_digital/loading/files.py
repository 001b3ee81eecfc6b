"""
Reading data files: the packaged ones, and overlays within their limits, as JSON objects.

Overlay files are read only where they are regular files, within a size per
file and a budget per load; their JSON is decoded strictly (a key given twice,
a lone surrogate: each a problem at its JSON path). Every problem is
collected, none raised, so that a load reports them all at once.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from typing import Any, Final

from asean_digital.model.collections import COLLECTIONS

_NAMES: Final = tuple(c.name for c in COLLECTIONS)
_TOP_LEVEL: Final = frozenset({"data_version", "$schema", "$comment", *_NAMES})


MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""The largest data file accepted, so a stray file cannot exhaust memory."""


MAX_LOAD_BYTES: Final = 512 * 1024 * 1024
"""The most bytes one load reads of overlay files, over them all: ``load(..., max_bytes=)`` sets another."""


def _packaged_files() -> Iterator[tuple[str, bytes]]:
    # A plain install reads its folder directly: importlib.resources (with
    # pathlib, zipfile and tempfile) would cost more than the data itself.
    folder = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.endswith(".json") and os.path.isfile(path):
                with open(path, "rb") as f:
                    yield name, f.read()
        return
    from importlib import resources  # noqa: PLC0415 - a zipped or otherwise unusual install

    for entry in sorted((resources.files("asean_digital") / "data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json") and entry.is_file():
            yield entry.name, entry.read_bytes()


def _not_a_file(path: str) -> str | None:
    """Why *path* cannot be read as a data file (a named pipe, a device, a dangling link...), or ``None``."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "no such file or folder"
    except (OSError, ValueError) as e:  # a name too long, or holding a NUL byte
        return f"cannot be read: {getattr(e, 'strerror', None) or e}"
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            return f"a symbolic link to {os.readlink(path)!r}, which does not exist"
        except OSError as e:
            if e.errno == errno.ELOOP:
                return "a symbolic link in a loop (it leads back to itself)"
            return f"cannot be read: {e.strerror or e}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file: it is not read, as reading it could wait for ever"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file: it is not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: it is not read"
    return "not a regular file"


class _Budget:
    """The bytes of overlay files a load may still read, of :data:`MAX_LOAD_BYTES` (or the caller's limit)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit


def _overlay_files(
    overlay: str | os.PathLike[str], problems: list[str], budget: _Budget
) -> Iterator[tuple[str, bytes]]:
    path = os.fspath(overlay)
    if path == "":
        problems.append("'': $: an empty path names no file or folder; give the overlay's path")
        return
    try:
        is_folder = os.path.isdir(path)
    except (OSError, ValueError):
        is_folder = False
    if is_folder:
        try:
            names = sorted(os.listdir(path))
        except OSError as e:
            problems.append(f"{path}: $: cannot be read: {e.strerror or e}")
            return
        # A Frictionless descriptor beside exported data is not data itself; ".JSON" is JSON too.
        files = [
            os.path.join(path, n)
            for n in names
            if n.lower().endswith(".json") and n.lower() != "datapackage.json"
        ]
        if not files:
            problems.append(f"{path}: $: the folder holds no .json files")
    else:
        files = [path]
    for file in files:
        reason = _not_a_file(file)
        if reason is not None:  # in a folder too: a .json entry is never skipped in silence
            problems.append(f"{file}: $: {reason}")
            continue
        if budget.left < 0:
            return
        by_total = budget.left < MAX_FILE_BYTES
        allowed = budget.left if by_total else MAX_FILE_BYTES
        raw = b""
        try:
            size = os.stat(file).st_size  # a file known to be too big is not read at all
            if size <= allowed:
                with open(file, "rb") as f:  # and the limits hold for the bytes read, whatever stat said
                    raw = f.read(allowed + 1)
        except OSError as e:
            problems.append(f"{file}: $: cannot be read: {e.strerror or e}")
            continue
        if size > allowed or len(raw) > allowed:
            size_text = f"{size:,} bytes, " if size > allowed else ""
            if not by_total:
                problems.append(
                    f"{file}: $: the file is {size_text}more than the {MAX_FILE_BYTES:,} bytes accepted"
                )
                continue
            problems.append(
                f"{file}: $: with this file ({size:,} bytes) the overlays total more than the "
                f"{budget.limit:,} bytes accepted "
                "(load(..., max_bytes=...) sets the limit); the files after it are not read"
            )
            budget.left = -1
            return
        budget.left -= len(raw)
        yield file, raw


class _Strict:
    """
    A JSON object hook for overlay files: refuses a key given twice and text no file can hold.

    What it finds is kept by object, and :meth:`report` words it with each
    object's JSON path once the whole document is parsed.
    """

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        self.found: dict[int, list[tuple[str, str]]] = {}  # id(object) -> (key path suffix, message)

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        mine: list[tuple[str, str]] = []
        for key, value in pairs:
            if key in out:
                mine.append(("", f"the key {key!r} is given twice in one object; give it once"))
            if isinstance(value, str):
                mine.extend((_step(key), m) for m in self._check_text(value))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        mine.extend((f"{_step(key)}[{i}]", m) for m in self._check_text(item))
            out[key] = value
        if mine:
            self.found[id(out)] = mine
        return out

    def report(self, doc: Any) -> None:
        """Add what was found to the problems, each at its object's JSON path in *doc*."""
        if not self.found:
            return
        stack: list[tuple[str, Any]] = [("$", doc)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, dict):
                for suffix, message in self.found.get(id(value), ()):
                    self.problems.append(f"{self.file}: {path}{suffix}: {message}")
                stack.extend((f"{path}{_step(k)}", v) for k, v in reversed(value.items()))
            elif isinstance(value, list):
                stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))

    @staticmethod
    def _check_text(text: str) -> list[str]:
        if text.isascii():
            return []
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            shown = text[max(0, e.start - 10) : e.end + 10].encode("unicode_escape").decode("ascii")
            message = (
                f"text with a lone surrogate (\\u{ord(text[e.start]):04x}) cannot be written "
                f"as UTF-8: {shown!r}; fix the escape"
            )
            return [message]
        return []


def _step(key: str) -> str:
    """The JSON path step to *key*: ``.name``, or ``['odd key']``."""
    return f".{key}" if key.isidentifier() else f"[{key!r}]"


def _decode(file: str, raw: bytes, problems: list[str], *, strict: bool = True) -> dict[str, Any] | None:
    """
    The JSON object in *raw*, or ``None`` with its problems added.

    *strict* (overlay files) also refuses a key given twice in one object
    and lone surrogates; the packaged files are checked for both by the
    tests, and read without the per-object hook.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        problems.append(f"{file}: $: not UTF-8 text (byte {e.start}: {e.reason})")
        return None
    hook = _Strict(file, problems)
    try:
        doc = json.loads(text, object_pairs_hook=hook) if strict else json.loads(text)
        hook.report(doc)
    except json.JSONDecodeError as e:
        problems.append(f"{file}: $: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}")
        return None
    except RecursionError:
        problems.append(f"{file}: $: JSON nested too deeply")
        return None
    except ValueError as e:  # e.g. an integer with too many digits
        problems.append(f"{file}: $: invalid JSON: {e}")
        return None
    if not isinstance(doc, dict):
        problems.append(
            f"{file}: $: expected a JSON object with collection keys "
            f"({', '.join(_NAMES)}), got {type(doc).__name__}"
        )
        return None
    unknown = sorted(set(doc) - _TOP_LEVEL)
    expected = ", ".join(_NAMES)
    problems.extend(f"{file}: $.{key}: unknown collection; expected one of {expected}" for key in unknown)
    version = doc.get("data_version")
    if version is not None and not isinstance(version, str):
        problems.append(f"{file}: $.data_version: expected a string, got {type(version).__name__}")
    return doc


def _packaged_file(name: str) -> bytes:
    """The bytes of the packaged file of the collection *name*."""
    folder = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")
    path = os.path.join(folder, f"{name}.json")
    if os.path.isfile(path):
        with open(path, "rb") as f:
            return f.read()
    from importlib import resources  # noqa: PLC0415 - a zipped or otherwise unusual install

    return (resources.files("asean_digital") / "data" / f"{name}.json").read_bytes()


def _packaged_version() -> str:
    """The packaged data's version, from its smallest file (every file carries the same, as tests check)."""
    version: str = json.loads(_packaged_file("sectors"))["data_version"]
    return version
