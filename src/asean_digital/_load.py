"""
Reading the packaged JSON resources and user overlays into a :class:`Dataset`.

Everything here is all or nothing: every problem in every file is collected
and raised together as one :class:`~asean_digital.DataError`, and nothing is
returned unless the whole dataset, overlays included, is valid.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from ._errors import DataError
from ._model import (
    Body,
    Declaration,
    Dialogue,
    Document,
    Event,
    Initiative,
    MasterPlan,
    MemberState,
    Partner,
    PolicyArea,
    Relation,
    Sector,
    SourceDocument,
)

__all__ = ["COLLECTIONS", "Dataset", "Origin", "load_dataset"]

COLLECTIONS: Final[Mapping[str, type]] = {
    "sources": SourceDocument,
    "sectors": Sector,
    "bodies": Body,
    "documents": Document,
    "declarations": Declaration,
    "master_plans": MasterPlan,
    "events": Event,
    "partners": Partner,
    "member_states": MemberState,
    "policy_areas": PolicyArea,
    "dialogues": Dialogue,
    "initiatives": Initiative,
    "relations": Relation,
}
"""Each collection's JSON key and record class, in loading order."""

_TOP_LEVEL: Final = frozenset({"data_version", "$schema", *COLLECTIONS})
MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""The largest data file accepted, so a stray file cannot exhaust memory."""


@attrs.frozen
class Origin:
    """Where a record was read from: the file's name and the record's JSON path."""

    file: str
    path: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}"


@attrs.frozen(eq=True)
class Dataset:
    """
    Every record of every collection, as loaded, before indexing.

    Attributes:
        data_version: The version of the data.
        sources ... relations: One tuple per collection of :data:`COLLECTIONS`.
        origins: Where each record came from, by ``(collection, key)``;
            not part of equality.
    """

    data_version: str
    sources: tuple[SourceDocument, ...] = ()
    sectors: tuple[Sector, ...] = ()
    bodies: tuple[Body, ...] = ()
    documents: tuple[Document, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    master_plans: tuple[MasterPlan, ...] = ()
    events: tuple[Event, ...] = ()
    partners: tuple[Partner, ...] = ()
    member_states: tuple[MemberState, ...] = ()
    policy_areas: tuple[PolicyArea, ...] = ()
    dialogues: tuple[Dialogue, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    relations: tuple[Relation, ...] = ()
    origins: Mapping[tuple[str, str], Origin] = attrs.field(factory=dict, eq=False, repr=False)

    def collection(self, name: str) -> tuple[Any, ...]:
        """The records of the collection *name*."""
        return getattr(self, name)  # type: ignore[no-any-return]


def record_key(record: Any) -> str:
    """The key a record is replaced by in an overlay: its id."""
    return str(record.id)


def _packaged_files() -> Iterator[tuple[str, bytes]]:
    folder = resources.files("asean_digital") / "data"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json") and entry.is_file():
            yield entry.name, entry.read_bytes()


def _overlay_files(overlay: str | os.PathLike[str], problems: list[str]) -> Iterator[tuple[str, bytes]]:
    path = Path(overlay)
    if path.is_dir():
        # A Frictionless descriptor beside exported data is not data itself.
        files = sorted(
            p for p in path.iterdir() if p.suffix == ".json" and p.is_file() and p.name != "datapackage.json"
        )
        if not files:
            problems.append(f"{path}: $: the folder holds no .json files")
    elif path.is_file():
        files = [path]
    else:
        problems.append(f"{path}: $: no such file or folder")
        return
    for file in files:
        try:
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                problems.append(
                    f"{file}: $: the file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} accepted"
                )
                continue
            yield str(file), file.read_bytes()
        except OSError as e:
            problems.append(f"{file}: $: cannot be read: {e.strerror or e}")


def _decode(file: str, raw: bytes, problems: list[str]) -> dict[str, Any] | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        problems.append(f"{file}: $: not UTF-8 text (byte {e.start}: {e.reason})")
        return None
    try:
        doc = json.loads(text)
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
            f"({', '.join(COLLECTIONS)}), got {type(doc).__name__}"
        )
        return None
    unknown = sorted(set(doc) - _TOP_LEVEL)
    expected = ", ".join(COLLECTIONS)
    problems.extend(f"{file}: $.{key}: unknown collection; expected one of {expected}" for key in unknown)
    version = doc.get("data_version")
    if version is not None and not isinstance(version, str):
        problems.append(f"{file}: $.data_version: expected a string, got {type(version).__name__}")
    return doc


def _structure(file: str, doc: Mapping[str, Any], problems: list[str]) -> dict[str, list[tuple[Any, Origin]]]:
    from cattrs import transform_error  # noqa: PLC0415 - cattrs loads on first use

    from . import _converter_instance  # noqa: PLC0415

    converter = _converter_instance()
    out: dict[str, list[tuple[Any, Origin]]] = {}
    for name, cls in COLLECTIONS.items():
        if name not in doc:
            continue
        items = doc[name]
        if not isinstance(items, list):
            problems.append(f"{file}: $.{name}: expected an array of records, got {type(items).__name__}")
            continue
        records = out.setdefault(name, [])
        for i, item in enumerate(items):
            path = f"$.{name}[{i}]"
            if not isinstance(item, dict):
                problems.append(f"{file}: {path}: expected an object, got {type(item).__name__}")
                continue
            try:
                record: Any = converter.structure(item, cls)
            except Exception as e:  # noqa: BLE001 - every structuring failure is reported
                problems.extend(f"{file}: {message}" for message in _messages(e, path, transform_error))
                continue
            records.append((record, Origin(file, path)))
    return out


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


def _messages(exc: BaseException, path: str, transform: Any) -> list[str]:
    try:
        lines: list[str] = transform(exc, path=path, format_exception=_format_exception)
    except Exception:  # noqa: BLE001 - fall back on the bare message
        lines = [f"{path}: {exc}"]
    out = []
    for line in lines:
        # cattrs writes "<message> @ <path>"; we write "<path>: <message>".
        message, sep, where = line.rpartition(" @ ")
        out.append(f"{where}: {message}" if sep else line)
    return out


def load_dataset(
    overlays: Iterable[str | os.PathLike[str]] = (),
) -> Dataset:
    """
    Read, structure, merge and validate the packaged data and *overlays*.

    Raises:
        DataError: Listing every problem in every file.
    """
    from ._validate import validate  # noqa: PLC0415

    problems: list[str] = []
    merged: dict[str, dict[str, tuple[Any, Origin]]] = {name: {} for name in COLLECTIONS}
    versions: set[str] = set()

    for file, raw in _packaged_files():
        doc = _decode(file, raw, problems)
        if doc is None:
            continue
        version = doc.get("data_version")
        if isinstance(version, str):
            versions.add(version)
        else:
            problems.append(f"{file}: $.data_version: every packaged file must carry a data version")
        for name, records in _structure(file, doc, problems).items():
            for record, origin in records:
                key = record_key(record)
                if key in merged[name]:
                    problems.append(f"{origin}: duplicate id {key!r}, also at {merged[name][key][1]}")
                    continue
                merged[name][key] = (record, origin)
    if len(versions) > 1:
        problems.append(f"data: $.data_version: the packaged files disagree: {sorted(versions)}")
    base_version = min(versions) if versions else "unknown"
    overlay_list = list(overlays)
    for overlay in overlay_list:
        seen_in_overlay: dict[tuple[str, str], Origin] = {}
        for file, raw in _overlay_files(overlay, problems):
            before = len(problems)
            doc_records = _decode_and_structure(file, raw, problems)
            if len(problems) > before:
                continue
            for name, records in doc_records.items():
                for record, origin in records:
                    space = "documents" if name == "declarations" else name
                    rid = record_key(record)
                    if (space, rid) in seen_in_overlay:
                        first = seen_in_overlay[space, rid]
                        problems.append(f"{origin}: duplicate id {rid!r} in one overlay, also at {first}")
                        continue
                    seen_in_overlay[space, rid] = origin
                    if name in {"documents", "declarations"}:
                        # One id space: a declaration replaces a document and back.
                        other = "declarations" if name == "documents" else "documents"
                        merged[other].pop(rid, None)
                    merged[name].pop(rid, None)  # the replacement goes last
                    merged[name][rid] = (record, origin)
    if problems:
        raise DataError(problems)

    version = base_version if not overlay_list else f"{base_version}+overlay"
    origins = {(name, key): origin for name, items in merged.items() for key, (_, origin) in items.items()}
    dataset = Dataset(
        version,
        **{name: tuple(record for record, _ in items.values()) for name, items in merged.items()},
        origins=origins,
    )
    problems.extend(validate(dataset))
    if problems:
        raise DataError(problems)
    return dataset


def _decode_and_structure(file: str, raw: bytes, problems: list[str]) -> dict[str, list[tuple[Any, Origin]]]:
    doc = _decode(file, raw, problems)
    if doc is None:
        return {}
    return _structure(file, doc, problems)
