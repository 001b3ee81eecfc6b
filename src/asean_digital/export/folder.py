"""
Interop: whole-dataset export, and the sector as graphs.

Every collection of the table of collections is exported; pandas and
networkx are needed only for what uses them and are imported on first use.
Plain records for tables and DataFrames are :mod:`asean_digital.formats.rows`'.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from asean_digital.formats.cells import rows, text_cell
from asean_digital.formats.rows import to_records
from asean_digital.formats.tables import Table, tables
from asean_digital.model.collections import COLLECTIONS

if TYPE_CHECKING:
    from asean_digital.query.registry import Registry
from .atomic import flush, made_parents, new_folder
from .graph import PRIMARY_SOURCE
from .recovery import NOTE, recover, remove_note, write_note

__all__ = ["EXPORT_FORMATS", "export"]


def export(
    registry: Registry,
    out: str | os.PathLike[str],
    *,
    format: Literal["json", "csv", "sqlite"] = "json",
    force: bool = False,
) -> list[Path]:
    """
    Write every collection of *registry* to the folder *out*, with a Frictionless ``datapackage.json``.

    The folder is the export's own, and an export cannot lose data: it is
    written whole into a new folder beside *out* (the manifest,
    ``datapackage.json``, last), then put in place by renaming, so *out* is
    either the previous export or the new one, never a mix. If writing
    fails (a full disk), *out* is left as it was. An existing *out* is
    replaced only when it is empty or holds a previous export (its
    manifest), or with *force*; a symbolic link is never followed.

    JSON: one file per collection in the packaged format, so the folder can
    be read back with :func:`asean_digital.load`; each record's sources,
    with the fields each states, are in it; the descriptor gives each
    file's JSON Schema.

    CSV: a Frictionless data package that describes itself. One file per
    table (one per collection,
    every document in ``documents`` with declarations' own fields in
    ``declarations``, a link table per list of references such as
    ``meetings_partners``, ``records`` of every id, and ``citations``: one
    row per field each source of each record states), each with a Table
    Schema: typed fields with descriptions, partial dates as text plus
    ``_earliest``/``_latest`` dates, primary keys and a foreign key for every
    reference. The package names its version, license and every source
    document.

    SQLite (*out* is then a file, ``FILE.sqlite``): the same tables with
    declared types, primary and foreign keys and indices, the views
    ``declarations_full`` and ``meetings_full``, an ``about`` table, and a
    Datasette ``FILE.metadata.json`` beside it. It is written to a
    temporary file and renamed into place; an existing file is replaced only
    if a previous export wrote it, or with *force*.

    Args:
        registry: What to export.
        out: The folder to write (created if missing); for SQLite, the file.
        format: ``"json"``, ``"csv"`` or ``"sqlite"``.
        force: Replace *out* even if it holds files that are not an export.

    Returns:
        The paths written, ``datapackage.json`` last (SQLite: the database, then its metadata).

    Raises:
        ValueError: *format* is not one of those; *out* is empty, a symbolic
            link, not a folder (a file, for SQLite), or holds something that
            is not an export (without *force*).
        OSError: Writing failed; *out* is as it was.

    >>> import asean_digital as ad, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> [p.name for p in ad.export(ad.registry, out, format="csv")][-1]
    'datapackage.json'
    >>> (out / "bodies.csv").read_text(encoding="utf-8").splitlines()[0].split(",")[:3]
    ['id', 'acronym', 'name']
    """
    if format not in EXPORT_FORMATS:
        msg = f"format must be 'json', 'csv' or 'sqlite', got {format!r}"
        raise ValueError(msg)
    if format == "sqlite":
        return _export_sqlite(registry, out, force=force)
    target = _export_target(out, force=force)
    recover(target)  # what an export to it killed midway left (only once the target is known to be ours)
    with made_parents(target):
        staging = new_folder(target.parent, "export")
        try:
            write_note(staging, target.name)
            written = _write_export(registry, staging, format)
            _swap_into(staging, target)
            remove_note(target)  # the staging folder's note, come along: the export is done
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return [target / p.name for p in written]


_TITLE: Final = "ASEAN Digital sector institutional landscape"

EXPORT_FORMATS: Final = ("json", "csv", "sqlite")
"""The formats :func:`export` writes."""


def _export_sqlite(registry: Registry, out: str | os.PathLike[str], *, force: bool) -> list[Path]:
    from .sqlite import is_export, is_metadata, write_sqlite  # noqa: PLC0415

    text = os.fspath(out)
    if not isinstance(text, str) or not text.strip():
        msg = f"out must name a database file to export to, got {text!r}"
        raise ValueError(msg)
    if text.endswith(("/", os.sep)):
        msg = f"{text} names a folder; give the path of a database file (FILE.sqlite)"
        raise ValueError(msg)
    target = Path(text)
    if target.is_symlink():
        msg = f"{text} is a symbolic link; give the file itself (an export never writes through a link)"
        raise ValueError(msg)
    if target.exists():
        if not target.is_file():
            msg = f"{text} exists and is not a file; give the path of a database file (FILE.sqlite)"
            raise ValueError(msg)
        if not force and not is_export(target, title=_TITLE):
            msg = (
                f"{text} is not a database an asean-digital export wrote; export to a new file, "
                "or pass force=True (--force) to replace it"
            )
            raise ValueError(msg)
    target = target.absolute()
    meta = target.with_name(f"{target.stem}.metadata.json")
    if meta.is_symlink() or (meta.exists() and not meta.is_file()):
        msg = f"{meta} is a symbolic link or not a file; the export writes its Datasette metadata there"
        raise ValueError(msg)
    if meta.exists() and not force and not is_metadata(meta, title=_TITLE):
        msg = (
            f"{meta} is not the Datasette metadata an asean-digital export wrote; move it, "
            "or pass force=True (--force) to replace it"
        )
        raise ValueError(msg)
    seed = registry.source(PRIMARY_SOURCE)
    about = {
        "name": "asean-digital",
        "title": _TITLE,
        "description": describe(registry, "sqlite"),
        "version": registry.data_version,
        "data_as_of": str(registry.data_as_of or ""),
        "as_of": "" if registry.when is None else str(registry.when),
        "license": LICENSE["title"],
        "license_url": LICENSE["path"],
        "source_url": seed.url or "",
    }
    with made_parents(target):
        return write_sqlite(registry, target, about)


def _export_target(out: str | os.PathLike[str], *, force: bool) -> Path:
    """The folder *out* names, checked: never empty, never a link, never a folder of someone else's files."""
    text = os.fspath(out)
    if not isinstance(text, str) or not text.strip():
        msg = f"out must name a folder to export to, got {text!r}"
        raise ValueError(msg)
    target = Path(text)
    if target.is_symlink():
        msg = f"{text} is a symbolic link; give the folder itself (an export never writes through a link)"
        raise ValueError(msg)
    here = Path.cwd().resolve()
    if target.resolve() in {here, *here.parents}:
        msg = (
            f"{text} is the current folder or holds it, and an export replaces its folder whole; "
            "export to a folder of its own, such as ./export"
        )
        raise ValueError(msg)
    if target.exists():
        if not target.is_dir():
            msg = f"{text} exists and is not a folder"
            raise ValueError(msg)
        entries = list(target.iterdir())
        foreign = [] if force else sorted(e.name for e in _foreign(target, entries))
        if foreign:
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            msg = (
                f"{text} holds what is not part of an asean-digital export ({shown}); "
                "export to a new or empty folder, or pass force=True (--force) to replace it"
            )
            raise ValueError(msg)
    return target.absolute()


_EXPORT_FILES: Final = frozenset(
    {"datapackage.json", *(f"{c.name}.json" for c in COLLECTIONS), *(f"{t.name}.csv" for t in tables())}
)
"""The names of the files an export writes, whatever its format: the only ones a re-export replaces."""


def _foreign(folder: Path, entries: list[Path]) -> list[Path]:
    """
    The *entries* of *folder* that are not a previous export's own files.

    All of them unless its manifest names this package. Anything a user added (a file, a link)
    would be lost by replacing the folder.
    """
    manifest = folder / "datapackage.json"
    try:
        if manifest.is_symlink():
            return entries
        package = json.loads(manifest.read_text(encoding="utf-8"))
        if package.get("name") != "asean-digital":
            return entries
        listed = {"datapackage.json", *(r.get("path") for r in package.get("resources", []))}
    except (OSError, ValueError, AttributeError, TypeError):
        return entries
    own = (listed & _EXPORT_FILES) | {NOTE}  # a file a user listed in the manifest is still the user's
    return [e for e in entries if e.name not in own or not e.is_file() or e.is_symlink()]


def _swap_into(staging: Path, target: Path) -> None:
    """
    Put the finished folder *staging* in place of *target*, the old export removed only after.

    The old export is moved aside with a note of the folder it was and of this process, so
    that an export killed between the two renames (SIGKILL, a power cut) is put right by the
    next export to it (:func:`~.recovery.recover`).
    """
    if not target.exists():
        os.rename(staging, target)
        return
    old = new_folder(target.parent, "old")
    os.rmdir(old)
    write_note(target, target.name)
    os.rename(target, old)
    try:
        os.rename(staging, target)
    except BaseException:  # a failure or Ctrl-C between the two renames: the previous export back
        if not target.exists():
            os.rename(old, target)
            remove_note(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_export(registry: Registry, folder: Path, format: str) -> list[Path]:
    """Write the export's files into the new, empty *folder*; the manifest last; each file flushed."""
    written: list[Path] = []
    resources: list[dict[str, Any]] = []
    if format == "json":
        for c in COLLECTIONS:
            path = folder / f"{c.name}.json"
            rows = to_records(registry.stored(c.name))
            path.write_text(
                json.dumps(
                    {"data_version": registry.data_version, c.name: rows}, ensure_ascii=False, indent=2
                )
                + "\n",
                encoding="utf-8",
            )
            written.append(path)
            resources.append(_json_resource(c.name, path.name))
    else:
        for table in tables():
            path = folder / f"{table.name}.csv"
            _write_csv(path, table, registry)
            written.append(path)
            resources.append(_csv_resource(table, path.name))
    for path in written:
        flush(path)
    meta = folder / "datapackage.json"
    meta.write_text(
        json.dumps(package(registry, resources, format), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    flush(meta)
    written.append(meta)
    return written


def _write_csv(path: Path, table: Table, registry: Registry) -> None:
    import csv  # noqa: PLC0415

    names = [c.name for c in table.columns]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(names)
        for row in rows(table, registry.stored):
            writer.writerow([text_cell(row[n]) for n in names])


DESCRIPTION: Final = (
    "The sectoral bodies, ministerial meetings, master plans, documents, member states and partners of the "
    "ASEAN Digital sector, each field with the sources that state it (the citations table)."
)
"""The description of the data as a set of tables (CSV, SQLite)."""


def describe(registry: Registry, format: str) -> str:
    """
    The description of an export of *registry* in *format*.

    It says where the sources are, and, for a registry as it stood at a
    moment, that the export is that snapshot.
    """
    text = DESCRIPTION
    if format == "json":
        text = text.replace("(the citations table)", "(each record's sources, with the fields each states)")
    if registry.when is not None:
        text += (
            f" A snapshot: the registry as it stood in {registry.when} (records, names and members as of "
            "then), not the whole data."
        )
    return text


LICENSE: Final = {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}
"""The license of the compilation (the package's own)."""


def package(registry: Registry, resources: list[dict[str, Any]], format: str = "csv") -> dict[str, Any]:
    """
    The ``datapackage.json`` of an export: its resources, version, license and every source document.

    For a registry as it stood at a moment, ``as_of`` names that moment.
    """
    sources = []
    for document in registry.sources():
        entry = {"title": document.title}
        if document.url:
            entry["path"] = document.url
        sources.append(entry)
    return {
        "name": "asean-digital",
        "title": _TITLE,
        "description": describe(registry, format),
        "version": registry.data_version,
        **({} if registry.when is None else {"as_of": str(registry.when)}),
        "licenses": [LICENSE],
        "sources": sources,
        "resources": resources,
    }


def _json_resource(name: str, path: str) -> dict[str, Any]:
    from asean_digital.formats.schema import file_schema  # noqa: PLC0415

    return {
        "name": name,
        "path": path,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "description": f"The {name} in the packaged format: asean_digital.load() reads the folder back.",
        "jsonSchema": file_schema(name),
    }


def _csv_resource(table: Table, path: str) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
        constraints: dict[str, Any] = {}
        if column.required:
            constraints["required"] = True
        if column.pattern:
            constraints["pattern"] = column.pattern
        if column.enum:
            constraints["enum"] = list(column.enum)
        if constraints:
            field["constraints"] = constraints
        if column.type == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": key.column,
                "reference": {"resource": "" if key.table == table.name else key.table, "fields": key.target},
            }
            for key in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.description,
        "schema": schema,
    }
