"""
Interop: whole-dataset export, and the sector as graphs.

Every collection of the table of collections is exported; pandas and
networkx are needed only for what uses them and are imported on first use.
Plain records for tables and DataFrames are :mod:`asean_digital._rows`'.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ._collections import COLLECTIONS
from ._display import label
from ._model import Predicate
from ._rows import to_records

if TYPE_CHECKING:
    import networkx

    from ._registry import Registry

__all__ = ["export", "graph", "to_networkx"]

_GRAPH_PREDICATES: Final = (Predicate.ADVISES, Predicate.PARTNERS_WITH, Predicate.SUPPORTS)


def _quote(text: str) -> str:
    """A DOT string: quotes and backslashes escaped, line breaks and control characters dropped."""
    clean = "".join(c if c.isprintable() else " " for c in text)
    return '"' + clean.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mermaid(text: str) -> str:
    """A Mermaid label: quotes, brackets and line breaks cannot end the label or start a new statement."""
    clean = "".join(c if c.isprintable() else " " for c in text)
    for bad, entity in (("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        clean = clean.replace(bad, entity)
    return clean


def graph(registry: Registry, *, format: str = "dot") -> str:
    """
    The body hierarchy and the relations between bodies, as Graphviz DOT or Mermaid.

    Solid arrows point from a body to its parent; dashed lines join bodies
    that meet jointly; labelled arrows are the stated relations between bodies
    (advises, partners with, supports).

    Args:
        registry: The registry to draw.
        format: ``"dot"`` or ``"mermaid"``.

    Raises:
        ValueError: *format* is neither.

    >>> import asean_digital as ad
    >>> print(ad.graph(ad.registry, format="mermaid").splitlines()[0])
    flowchart BT
    """
    if format not in {"dot", "mermaid"}:
        msg = f"format must be 'dot' or 'mermaid', got {format!r}"
        raise ValueError(msg)
    bodies = registry.bodies()
    ids = {b.id for b in bodies}
    joint = sorted(
        {
            tuple(sorted((b.id, other)))
            for b in bodies
            for s in b.meetings
            for other in s.joint_with
            if other in ids
        }
    )
    relations = [
        r
        for r in registry.relations()
        if r.predicate in _GRAPH_PREDICATES and r.subject in ids and r.object in ids
    ]
    if format == "dot":
        lines = ["digraph bodies {", "  rankdir=BT;", '  node [shape=box, style="rounded"];']
        for b in bodies:
            label = _quote(b.acronym or b.id)[:-1] + "\\n" + b.kind.value + '"'
            lines.append(f"  {_quote(b.id)} [label={label}];")
        lines += [f"  {_quote(b.id)} -> {_quote(b.parent)};" for b in bodies if b.parent in ids]
        lines += [f"  {_quote(a)} -> {_quote(c)} [dir=none, style=dashed, label=joint];" for a, c in joint]
        lines += [
            f"  {_quote(r.subject)} -> {_quote(r.object)} [style=dotted, label={_quote(r.predicate.value)}];"
            for r in relations
        ]
        return "\n".join([*lines, "}"])
    node = {b.id: f"n{i}" for i, b in enumerate(bodies)}  # ids never reach Mermaid as syntax
    lines = ["flowchart BT"]
    lines += [f'  {node[b.id]}["{_mermaid(b.acronym or b.id)}"]' for b in bodies]
    lines += [f"  {node[b.id]} --> {node[b.parent]}" for b in bodies if b.parent in ids]
    lines += [f"  {node[a]} -. joint .- {node[c]}" for a, c in joint]
    lines += [f"  {node[r.subject]} -. {r.predicate.value} .-> {node[r.object]}" for r in relations]
    return "\n".join(lines)


def to_networkx(registry: Registry) -> networkx.MultiDiGraph:
    """
    The records and their relations as a networkx graph.

    Every record is a node (keyed by id, with ``kind`` and ``label``
    attributes); every relation, the hierarchy's ``part_of`` included, is an
    edge with a ``predicate`` attribute.

    Raises:
        ImportError: networkx is not installed (``pip install networkx``).

    >>> import asean_digital as ad
    >>> g = ad.to_networkx(ad.registry)
    >>> sorted(g.successors("atrc"))
    ['adgmin', 'adgsom']
    >>> g.nodes["atrc"]["kind"]
    'Body'
    """
    try:
        import networkx as nx  # noqa: PLC0415
    except ImportError:
        msg = "to_networkx needs networkx: install it with pip install networkx"
        raise ImportError(msg) from None
    g = nx.MultiDiGraph()
    for c in COLLECTIONS:
        if c.keyed and c.within is None:
            for record in registry.stored(c.name):
                g.add_node(record.id, kind=type(record).__name__, label=label(record))
    for relation in registry.relations():
        g.add_edge(
            relation.subject,
            relation.object,
            key=relation.predicate.value,
            predicate=relation.predicate.value,
        )
    return g


_FIELD_TYPES: Final = {str: "string", int: "integer", bool: "boolean", float: "number"}


def _collections(registry: Registry) -> dict[str, tuple[Any, ...]]:
    return {c.name: registry.stored(c.name) for c in COLLECTIONS}


def export(
    registry: Registry, out: str | os.PathLike[str], *, format: str = "json", force: bool = False
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
    with the fields each states, are in it. CSV: one file per collection,
    nested values as JSON text, and ``citations.csv``: one row per source of
    each record and field it states (collection, record, field, document,
    section, derived), so "who says so?" is a join away.

    Args:
        registry: What to export.
        out: The folder to write (created if missing).
        format: ``"json"`` or ``"csv"``.
        force: Replace *out* even if it holds files that are not an export.

    Returns:
        The paths written, ``datapackage.json`` last.

    Raises:
        ValueError: *format* is neither ``"json"`` nor ``"csv"``; *out* is
            empty, a symbolic link, not a folder, or a folder of other files
            (without *force*).
        OSError: Writing failed; *out* is as it was.
    """
    if format not in {"json", "csv"}:
        msg = f"format must be 'json' or 'csv', got {format!r}"
        raise ValueError(msg)
    target = _export_target(out, force=force)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.export-", dir=target.parent))
    try:
        written = _write_export(registry, staging, format)
        _swap_into(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / p.name for p in written]


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
    if target.exists():
        if not target.is_dir():
            msg = f"{text} exists and is not a folder"
            raise ValueError(msg)
        entries = list(target.iterdir())
        if entries and not force and not _is_export(target):
            msg = (
                f"{text} holds files that are not an asean-digital export ({len(entries)} entries); "
                "export to a new or empty folder, or pass force=True (--force) to replace it"
            )
            raise ValueError(msg)
    return target.absolute()


def _is_export(folder: Path) -> bool:
    """Whether *folder* holds a previous export: its manifest names this package."""
    manifest = folder / "datapackage.json"
    if manifest.is_symlink() or not manifest.is_file():
        return False
    try:
        return bool(json.loads(manifest.read_text(encoding="utf-8")).get("name") == "asean-digital")
    except (OSError, ValueError, AttributeError):
        return False


def _swap_into(staging: Path, target: Path) -> None:
    """Put the finished folder *staging* in place of *target*, the old export removed only after."""
    if not target.exists():
        os.rename(staging, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(old, target)  # put the previous export back
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_export(registry: Registry, folder: Path, format: str) -> list[Path]:
    """Write the export's files into the new, empty *folder*; the manifest last; each file flushed."""
    import csv  # noqa: PLC0415

    written: list[Path] = []
    resources = []
    for name, collection in _collections(registry).items():
        path = folder / f"{name}.{format}"
        records = collection
        rows = to_records(records, flat=format == "csv")
        if format == "json":
            path.write_text(
                json.dumps({"data_version": registry.data_version, name: rows}, ensure_ascii=False, indent=2)
                + "\n",
                encoding="utf-8",
            )
        else:
            fields = _field_names(records)
            with path.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
        written.append(path)
        resources.append(_resource(name, path.name, format, records))
    if format == "csv":
        path = folder / "citations.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            cited = csv.writer(f, lineterminator="\n")
            cited.writerow(_CITATION_FIELDS)
            cited.writerows(_citations(registry))
        written.append(path)
        resources.append(
            {
                "name": "citations",
                "path": path.name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": n, "type": "string"} for n in _CITATION_FIELDS],
                    "primaryKey": ["collection", "record", "field", "document", "section"],
                },
            }
        )
    package = {
        "name": "asean-digital",
        "title": "ASEAN Digital sector institutional landscape",
        "version": registry.data_version,
        "resources": resources,
    }
    for path in written:
        _flush(path)
    meta = folder / "datapackage.json"
    meta.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _flush(meta)
    written.append(meta)
    return written


def _flush(path: Path) -> None:
    """Make sure *path*'s bytes are on disk (a full disk fails here, before the swap)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_CITATION_FIELDS: Final = ("collection", "record", "field", "document", "section", "derived")


def _citations(registry: Registry) -> list[tuple[str, ...]]:
    """One row per (record, field) each source of each record states; field "" for a whole record."""
    rows: dict[tuple[str, ...], None] = {}
    for c in COLLECTIONS:
        for record in registry.stored(c.name):
            for source in getattr(record, "sources", ()):
                for field in source.fields or ("",):
                    derived = source.derived or ""
                    rows[(c.name, str(record.id), field, source.document, source.section, derived)] = None
    return list(rows)


def _field_names(records: tuple[Any, ...]) -> list[str]:
    import attrs  # noqa: PLC0415

    if not records:
        return []
    return [f.name for f in attrs.fields(type(records[0]))]


def _resource(name: str, path: str, format: str, records: tuple[Any, ...]) -> dict[str, Any]:
    import attrs  # noqa: PLC0415

    resource: dict[str, Any] = {"name": name.replace("_", "-"), "path": path, "format": format}
    if format == "json":
        resource["mediatype"] = "application/json"
        return resource
    resource["mediatype"] = "text/csv"
    resource["encoding"] = "utf-8"
    fields = []
    if records:
        for field in attrs.fields(type(records[0])):
            ftype = _FIELD_TYPES.get(field.type if isinstance(field.type, type) else object, "string")
            text = str(field.type)
            if text in {"int", "int | None"}:
                ftype = "integer"
            elif text == "bool":
                ftype = "boolean"
            fields.append({"name": field.name, "type": ftype})
    schema: dict[str, Any] = {"fields": fields}
    names = {f["name"] for f in fields}
    if "id" in names:
        schema["primaryKey"] = ["id"]
    elif name == "relations":
        schema["primaryKey"] = ["subject", "predicate", "object"]
    resource["schema"] = schema
    return resource
