"""
Reading the packaged JSON resources and user overlays into a :class:`Dataset`.

Everything here is all or nothing: every problem in every file is collected
and raised together as one :class:`~asean_digital.DataError`, and nothing is
returned unless the whole dataset, overlays included, is valid.

Loading is one pass over the records; where each record came from is kept
as two small integers per record, worded as an
:class:`~asean_digital.loading.dataset.Origin` only when asked for.
"""

from __future__ import annotations

import _thread
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from asean_digital.formats.structure import Hooks
from asean_digital.model.collections import COLLECTIONS as TABLE
from asean_digital.model.errors import DataError, Problems
from asean_digital.model.parts import Source, SourceDocument

from .dataset import Dataset, record_key
from .patch import REFUSED, apply_patches, has_patches

if TYPE_CHECKING:
    from asean_digital.model.overlay import Resolution

    from .origins import Overlaid
from .files import (
    MAX_FILE_BYTES,
    MAX_LOAD_BYTES,
    _Budget,
    _decode,
    _overlay_files,
    _packaged_file,
    _packaged_files,
    _packaged_version,
)

__all__ = ["MAX_FILE_BYTES", "MAX_LOAD_BYTES", "load_dataset", "packaged_dataset"]

_NAMES: Final = frozenset(c.name for c in TABLE)
"""The collections' names; their classes are imported only for the collections a load reads."""
"""Each collection's JSON key and record class, in loading order (from the table of collections)."""

_SPACE: Final = {c.name: c.space for c in TABLE}
_SHARING: Final = {c.space: [o.name for o in TABLE if o.space == c.space] for c in TABLE}


def _detailed(t: Any) -> Callable[[Any], Any]:
    """The slow path for values of *t* a fast hook refuses: the library's converter, loaded only then."""

    def structure_in_detail(value: Any) -> Any:
        from asean_digital.formats.convert import converter  # noqa: PLC0415 - cattrs loads only for a refused value

        return converter().structure(value, t)

    return structure_in_detail


HOOKS: Final = Hooks(_detailed)
"""The loader's structure hooks, made from the model (never from data) once per class."""


def _structure(
    file: str,
    doc: Mapping[str, Any],
    problems: list[str],
    unreadable: set[str] | None = None,
    *,
    forgiving: bool = False,
) -> dict[str, list[tuple[Any, int]]]:
    """
    Each collection's records in *doc*, with their index in its array.

    The ids of records that cannot be structured go into *unreadable*, so
    that references to them are not reported as well as the records' own
    problems. *forgiving* (overlay files) first completes each record with
    what it may leave out (:func:`~asean_digital.formats.input.complete`).
    """
    if forgiving:  # only overlays are forgiving
        from asean_digital.formats.input import complete, placeholders  # noqa: PLC0415
    out: dict[str, list[tuple[Any, int]]] = {}
    for row in TABLE:
        name = row.name
        if name not in doc:
            continue
        cls = row.cls
        items = doc[name]
        if not isinstance(items, list):
            problems.append(f"{file}: $.{name}: expected an array of records, got {type(items).__name__}")
            continue
        records = out.setdefault(name, [])
        structure = HOOKS.hook(cls)
        for i, item in enumerate(items):
            if item is REFUSED:
                continue
            if not isinstance(item, dict):
                problems.append(f"{file}: $.{name}[{i}]: expected an object, got {type(item).__name__}")
                continue
            unfilled = list(placeholders(item, f"$.{name}[{i}]")) if forgiving else []
            if unfilled:  # a skeleton not filled in yet: say where, and do not read the rest as data
                problems.extend(
                    f"{file}: {where}: {text!r} is still to be written" for where, text in unfilled
                )
                if unreadable is not None and isinstance(item.get("id"), str):
                    unreadable.add(item["id"])
                continue
            try:
                record: Any = structure(complete(name, item) if forgiving else item, cls)
            except Exception as e:  # noqa: BLE001 - every structuring failure is reported
                if isinstance(problems, Problems) and problems.full:  # only counted now: no words needed
                    problems.more += _count(e)
                else:
                    problems.extend(f"{file}: {message}" for message in _messages(e, f"$.{name}[{i}]", cls))
                if unreadable is not None and isinstance(item.get("id"), str):
                    unreadable.add(item["id"])
                continue
            records.append((record, i))
    return out


def _count(exc: BaseException) -> int:
    """How many problems a structuring failure holds (an exception group holds one per leaf)."""
    inner = getattr(exc, "exceptions", None)
    return sum(_count(e) for e in inner) if inner else 1


def _format_exception(exc: BaseException, type_: Any) -> str:
    """One structuring failure in words: ours where we raised it, cattrs' otherwise."""
    from cattrs.errors import ForbiddenExtraKeysError  # noqa: PLC0415
    from cattrs.v import format_exception  # noqa: PLC0415

    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, ValueError | TypeError) and str(exc) and not str(exc).startswith("Unsupported"):
        return str(exc)
    return format_exception(exc, type_)


def _messages(exc: BaseException, path: str, cls: type | None = None) -> list[str]:
    from cattrs import transform_error  # noqa: PLC0415 - cattrs words the errors, loaded only for them

    try:
        lines: list[str] = transform_error(exc, path=path, format_exception=_format_exception)
    except Exception:  # noqa: BLE001 - fall back on the bare message
        lines = [f"{path}: {exc}"]
    out = []
    for line in lines:
        # cattrs writes "<message> @ <path>"; we write "<path>: <message>".
        message, sep, where = line.rpartition(" @ ")
        if sep and cls is not None:
            message = _explained(message, cls, where.removeprefix(path))
        out.append(f"{where}: {message}" if sep else line)
    return out


def _explained(message: str, cls: type, where: str) -> str:
    """*message* about the value at *where* in a record of *cls*, with what the field is and how to fix it."""
    from asean_digital.formats.input import explain_missing, explain_unknown  # noqa: PLC0415 - only problems

    if message == "required field missing":
        return explain_missing(cls, where)
    if message.startswith("unknown field(s) "):
        return explain_unknown(cls, where, message.removeprefix("unknown field(s) ").split(", "))
    return message


def packaged_dataset() -> Dataset:
    """
    The packaged data, trusted: each collection read and structured from its file when first asked for.

    The packaged files are checked whole by the test suite and the wheel
    check (through :func:`load_dataset`), so a query of the packaged data
    does not check them again: ``bodies()`` reads ``bodies.json`` and
    nothing else. Each collection is in the file named after it.
    """
    return Dataset(_packaged_version(), _Packaged())


class _Packaged(Mapping[str, tuple[Any, ...]]):
    """The packaged collections by name, each structured on first use (once, whatever the threads)."""

    def __init__(self) -> None:
        self._loaded: dict[str, tuple[Any, ...]] = {}
        self._lock = _thread.allocate_lock()

    def __getitem__(self, name: str) -> tuple[Any, ...]:
        found = self._loaded.get(name)
        if found is None:
            if name not in _NAMES:
                raise KeyError(name)
            with self._lock:
                found = self._loaded.get(name)
                if found is None:
                    found = self._loaded[name] = self._read(name)
        return found

    @staticmethod
    def _read(name: str) -> tuple[Any, ...]:
        file = f"{name}.json"
        problems: list[str] = []
        doc = _decode(file, _packaged_file(name), problems, strict=False)
        records = _structure(file, doc or {}, problems).get(name, [])
        if problems:  # never for the data the tests checked; an edited install says what is wrong
            raise DataError(problems)
        return tuple(record for record, _ in records)

    def __iter__(self) -> Iterator[str]:
        return (c.name for c in TABLE)

    def __len__(self) -> int:
        return len(TABLE)


def load_dataset(
    overlays: Iterable[str | os.PathLike[str]] = (), *, max_bytes: int = MAX_LOAD_BYTES
) -> Dataset:
    """
    Read, structure, merge and validate the packaged data and *overlays*, reading at most *max_bytes*.

    Raises:
        DataError: Listing every problem in every file.
    """
    return _load_dataset(list(overlays), max_bytes)


# collection -> id -> (record, file number, index in the file's array), in load order
_Merged = dict[str, dict[str, tuple[Any, int, int]]]


class _Loader:
    """One load: the files read so far, the records merged by id, the problems found."""

    def __init__(self, max_bytes: int) -> None:
        self.problems = Problems()  # the first ones kept, the rest counted
        self.files: list[str] = []
        self.merged: _Merged = {c.name: {} for c in TABLE}
        self.overlay_count = 0
        self.packaged_sources: frozenset[str] = frozenset()
        self.budget = _Budget(max_bytes)
        self.unreadable: set[str] = set()  # ids of records that could not be structured
        self.packaged_files = 0
        # The packaged record an overlay first replaced, by (id space, id); None for one it added.
        self.base: dict[tuple[str, str], tuple[str, Any] | None] = {}
        self.cited: dict[int, str] = {}  # file number -> the id of its overlay source document
        self.overlaid: tuple[Overlaid, ...] = ()
        self.resolutions: tuple[Resolution, ...] = ()

    def where(self, file_no: int, name: str, index: int) -> str:
        from .origins import Origin  # noqa: PLC0415 - only loads with overlays report where

        return str(Origin(self.files[file_no], f"$.{name}[{index}]"))

    def packaged(self) -> str:
        """Read the packaged files; return their data version."""
        versions: set[str] = set()
        for file, raw in _packaged_files():
            doc = _decode(file, raw, self.problems, strict=False)
            if doc is None:
                continue
            version = doc.get("data_version")
            if isinstance(version, str):
                versions.add(version)
            else:
                self.problems.append(f"{file}: $.data_version: every packaged file must carry a data version")
            file_no = len(self.files)
            self.files.append(file)
            for name, records in _structure(file, doc, self.problems).items():
                into = self.merged[name]
                for record, index in records:
                    key = record_key(record)
                    if key in into:
                        _, first_file, first_index = into[key]
                        self.problems.append(
                            f"{self.where(file_no, name, index)}: duplicate id {key!r}, "
                            f"also at {self.where(first_file, name, first_index)}"
                        )
                        continue
                    into[key] = (record, file_no, index)
        if len(versions) > 1:
            self.problems.append(f"data: $.data_version: the packaged files disagree: {sorted(versions)}")
        self.packaged_sources = frozenset(self.merged["sources"])
        self.packaged_files = len(self.files)
        return min(versions) if versions else "unknown"

    def reserve(self, raws: Iterable[bytes]) -> None:
        """
        Number the overlay files' citations after every ``overlay-N`` the files themselves name.

        An export of a registry with overlays holds the citations of those overlays
        (``overlay-1``): read back, its files are cited as ``overlay-2`` and on, never
        under an id one of them already gives a source document.
        """
        import re  # noqa: PLC0415 - only loads with overlays need it

        cited = re.compile(rb'"overlay-([0-9]+)"')  # a citation of an overlay file, in a file read back
        for raw in raws:
            for number in cited.findall(raw):
                self.overlay_count = max(self.overlay_count, int(number[:9]))

    def overlay(self, files: list[tuple[str, bytes]]) -> None:
        """Apply one overlay file or folder's files: their records replace those with their ids."""
        seen: dict[tuple[str, str], tuple[str, int, int]] = {}
        for file, raw in files:
            # What structures is merged even beside a record that does not, so that validation
            # reports every record's problems in the same error.
            doc_records, patched = self.read(file, raw)
            file_no = len(self.files)
            self.files.append(file)
            # The file is a source of what it states: every record it adds or replaces cites it.
            cited = self.cite(file)
            for name, records in doc_records.items():
                # One id space per table row's space: a declaration replaces a document and back.
                space = _SPACE[name]
                others = [o for o in _SHARING[space] if o != name]
                into = self.merged[name]
                for structured, index in records:
                    record = structured
                    rid = record_key(record)
                    here = (name, file_no, index)
                    first = seen.setdefault((space, rid), here)
                    if first != here and (name, index) not in patched:  # a patch may change it again
                        self.problems.append(
                            f"{self.where(file_no, name, index)}: duplicate id {rid!r} in one overlay, "
                            f"also at {self.where(first[1], first[0], first[2])}"
                        )
                        continue
                    current = self.merged[name].get(rid)
                    if current is not None and current[0] == record:
                        continue  # the same record again (an export read back): nothing added or replaced
                    if name == "sources" and rid in self.packaged_sources:
                        self.problems.append(
                            f"{self.where(file_no, name, index)}: {rid!r} is a packaged source document; "
                            "an overlay cannot replace it (give yours an id of its own)"
                        )
                        continue
                    if hasattr(record, "sources"):
                        given = patched.get((name, index), ())  # a patch cites the file for what it gives
                        cite = Source(cited.id, f"$.{name}[{index}]", given)
                        record = attrs.evolve(record, sources=(*record.sources, cite))
                    if (space, rid) not in self.base:
                        self.base[(space, rid)] = self.packaged_record(space, rid)
                    for other in others:
                        self.merged[other].pop(rid, None)
                    into.pop(rid, None)  # the replacement goes last
                    into[rid] = (record, file_no, index)

    def read(
        self, file: str, raw: bytes
    ) -> tuple[dict[str, list[tuple[Any, int]]], dict[tuple[str, int], tuple[str, ...]]]:
        """An overlay file's records, its patches merged over the records they change (:mod:`.patch`)."""
        doc = _decode(file, raw, self.problems)
        if doc is None:
            return {}, {}
        patched: dict[tuple[str, int], tuple[str, ...]] = {}
        if has_patches(doc):
            from asean_digital.formats.convert import converter  # noqa: PLC0415 - only patches need it

            def base_of(name: str, rid: str) -> Any:
                held = (self.merged[other].get(rid) for other in _SHARING[_SPACE.get(name, name)])
                return next((h[0] for h in held if h is not None), None) if name in _SPACE else None

            doc, patched = apply_patches(file, doc, base_of, converter().unstructure, self.problems)
        return _structure(file, doc, self.problems, self.unreadable, forgiving=True), patched

    def packaged_record(self, space: str, rid: str) -> tuple[str, Any] | None:
        """The packaged record with the id *rid* in the id space *space*, with its collection."""
        for name in _SHARING[space]:
            held = self.merged[name].get(rid)
            if held is not None and held[1] < self.packaged_files:
                return name, held[0]
        return None

    def cite(self, file: str) -> SourceDocument:
        """The source document of an overlay file, added to the data's sources (numbered after reserve())."""
        self.overlay_count += 1
        document = SourceDocument(
            id=f"overlay-{self.overlay_count}",
            title=os.path.basename(file),
            description="An overlay file applied over the packaged data: it states what it adds or replaces.",
            location=file,
        )
        self.merged["sources"][document.id] = (document, len(self.files) - 1, 0)
        self.cited[len(self.files) - 1] = document.id
        return document

    def dataset(self, version: str) -> Dataset:
        touched = self.touched()
        if touched:
            self.resolve(touched)
        columns = {}
        for name, items in self.merged.items():
            values = items.values()
            columns[name] = (
                tuple(record for record, _, _ in values),
                array("I", [file_no for _, file_no, _ in values]),
                array("I", [index for _, _, index in values]),
            )
        self.merged = {}
        collections: dict[str, Any] = {name: records for name, (records, _, _) in columns.items()}
        from .origins import Origins  # noqa: PLC0415 - only full loads keep where records came from

        dataset = Dataset(version, collections, origins=Origins(self.files, columns))
        from asean_digital.model.keys import index_keys  # noqa: PLC0415 - full loads index every key

        return attrs.evolve(
            dataset, keys=index_keys(dataset), overlaid=self.overlaid, resolved=self.resolutions
        )

    def touched(self) -> dict[tuple[str, str], tuple[str, str]]:
        """The records overlays added or replaced, by (collection, id), with file and JSON path."""
        out: dict[tuple[str, str], tuple[str, str]] = {}
        from .origins import Overlaid  # noqa: PLC0415 - only loads with overlays have any

        made: list[Overlaid] = []
        own = set(self.cited.values())
        for name, items in self.merged.items():
            space = _SPACE[name]
            for rid, (_, file_no, index) in items.items():
                if file_no < self.packaged_files or (name == "sources" and rid in own):
                    continue
                file, path = self.files[file_no], f"$.{name}[{index}]"
                out[(name, rid)] = (file, path)
                base = self.base.get((space, rid))
                made.append(
                    Overlaid(
                        name,
                        rid,
                        None if base is None else base[0],
                        None if base is None else base[1],
                        file,
                        path,
                        self.cited.get(file_no),
                    )
                )
        self.overlaid = tuple(made)
        return out

    def resolve(self, touched: dict[tuple[str, str], tuple[str, str]]) -> None:
        """Resolve the keys overlay records give for ids (see :mod:`asean_digital.loading.resolve`)."""
        from asean_digital.model.keys import index_keys  # noqa: PLC0415

        from .resolve import resolve_references  # noqa: PLC0415 - only overlays need it

        merged = Dataset(
            "", {name: tuple(r for r, _, _ in items.values()) for name, items in self.merged.items()}
        )
        changed, self.resolutions = resolve_references(attrs.evolve(merged, keys=index_keys(merged)), touched)
        for name, records in changed.items():
            items = self.merged[name]
            for record, (rid, (_, file_no, index)) in zip(records, list(items.items()), strict=True):
                items[rid] = (record, file_no, index)


def _load_dataset(overlays: list[str | os.PathLike[str]], max_bytes: int) -> Dataset:
    from .validate import validate  # noqa: PLC0415

    loader = _Loader(max_bytes)
    base_version = loader.packaged()
    read = [list(_overlay_files(overlay, loader.problems, loader.budget)) for overlay in overlays]
    loader.reserve(raw for files in read for _, raw in files)
    for files in read:
        loader.overlay(files)
    read_problems = loader.problems
    dataset = loader.dataset(base_version if not overlays else f"{base_version}+overlay")
    # Every stage that can run reports in the same error: what could not be read or structured,
    # then what the records that could be are inconsistent in.
    problems = Problems()
    problems.extend(read_problems)
    problems.extend(validate(dataset, unreadable=frozenset(loader.unreadable)))
    if problems or problems.more:
        raise DataError(problems)
    return dataset
