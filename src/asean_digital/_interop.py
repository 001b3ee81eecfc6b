"""
Interop: plain records for tables and DataFrames, whole-dataset export, and graphs.

Everything here works on the records of any query; pandas is needed only for
:func:`to_dataframe` and is imported on first use.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ._model import Predicate

if TYPE_CHECKING:
    import networkx
    import pandas

    from ._registry import Registry

__all__ = ["export", "graph", "to_dataframe", "to_networkx", "to_records"]

_GRAPH_PREDICATES: Final = (Predicate.ADVISES, Predicate.PARTNERS_WITH, Predicate.SUPPORTS)


def _unstructure(item: Any) -> dict[str, Any]:
    from . import _converter_instance  # noqa: PLC0415

    conv = _converter_instance()
    if hasattr(item, "entity") and hasattr(item, "score"):  # a search Match
        return {
            "score": item.score,
            "key": item.key,
            "kind": type(item.entity).__name__,
            "entity": conv.unstructure(item.entity),
        }
    data: dict[str, Any] = conv.unstructure(item)
    return data


def to_records(items: Iterable[Any], *, flat: bool = False) -> list[dict[str, Any]]:
    """
    JSON-safe dicts for records: dates as ISO text, enums as their values.

    Args:
        items: Records, such as a query's result.
        flat: Whether to make every value a scalar for a table: nested
            values (lists, records) become JSON text and ``None`` stays.

    Returns:
        One dict per record, keys in field order.

    >>> import asean_digital as ad
    >>> rows = ad.to_records(ad.registry.bodies(established_before=2000), flat=True)
    >>> rows[0]["id"], rows[0]["established"], rows[0]["kind"]
    ('atrc', '1995', 'regulators')
    >>> rows[0]["meetings"][:16]
    '[{"description":'
    """
    rows = [_unstructure(item) for item in items]
    if not flat:
        return rows
    return [
        {
            k: v if v is None or (isinstance(v, str | int | float)) else json.dumps(v, ensure_ascii=False)
            for k, v in row.items()
        }
        for row in rows
    ]


def to_dataframe(items: Iterable[Any]) -> pandas.DataFrame:
    """
    A pandas DataFrame of records, one row each, nested values as JSON text.

    Raises:
        ImportError: pandas is not installed (``pip install 'asean-digital[pandas]'``).

    >>> import asean_digital as ad
    >>> df = ad.to_dataframe(ad.registry.member_states())
    >>> df.shape, list(df.columns[:4])
    ((11, 8), ['id', 'name', 'alpha3', 'joined'])
    """
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError:
        msg = "to_dataframe needs pandas: install it with pip install 'asean-digital[pandas]'"
        raise ImportError(msg) from None
    rows = to_records(items, flat=True)
    return pd.DataFrame.from_records(rows).convert_dtypes()


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


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
    node = {b.id: "n_" + b.id.replace("-", "_") for b in bodies}
    lines = ["flowchart BT"]
    lines += [f'  {node[b.id]}["{b.acronym or b.id}"]' for b in bodies]
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
    from ._display import _label  # noqa: PLC0415

    g = nx.MultiDiGraph()
    records: list[Any] = [
        registry.sector,
        *registry.bodies(),
        *registry.documents(),
        *registry.master_plans(),
    ]
    records += [*registry.events(), *registry.partners(), *registry.member_states(as_of=9999)]
    records += [*registry.policy_areas(), *registry.dialogues(), *registry.initiatives()]
    for record in records:
        g.add_node(record.id, kind=type(record).__name__, label=_label(record))
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
    documents = registry.documents()
    from ._model import Declaration  # noqa: PLC0415

    return {
        "sources": registry.sources(),
        "sectors": (registry.sector,),
        "bodies": registry.bodies(),
        "documents": tuple(d for d in documents if not isinstance(d, Declaration)),
        "declarations": registry.declarations(),
        "master_plans": registry.master_plans(),
        "events": registry.events(),
        "partners": registry.partners(),
        "member_states": registry.member_states(as_of=9999),
        "policy_areas": registry.policy_areas(),
        "dialogues": registry.dialogues(),
        "initiatives": registry.initiatives(),
        "relations": registry.relations(),
    }


def export(registry: Registry, out: str | os.PathLike[str], *, format: str = "json") -> list[Path]:
    """
    Write every collection of *registry* to the folder *out*, with a Frictionless ``datapackage.json``.

    JSON: one file per collection in the packaged format, so the folder can
    be read back with :func:`asean_digital.load`. CSV: one file per
    collection, nested values as JSON text.

    Returns:
        The paths written, ``datapackage.json`` last.

    Raises:
        ValueError: *format* is neither ``"json"`` nor ``"csv"``.
    """
    import csv  # noqa: PLC0415

    if format not in {"json", "csv"}:
        msg = f"format must be 'json' or 'csv', got {format!r}"
        raise ValueError(msg)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    resources = []
    for name, collection in _collections(registry).items():
        path = folder / f"{name}.{format}"
        records = collection
        # Relations derived from the hierarchy are not data of their own.
        if name == "relations":
            parents = {(b.id, b.parent) for b in registry.bodies()}
            records = tuple(
                r
                for r in records
                if not (r.predicate is Predicate.PART_OF and (r.subject, r.object) in parents)
            )
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
    package = {
        "name": "asean-digital",
        "title": "ASEAN Digital sector institutional landscape",
        "version": registry.data_version,
        "resources": resources,
    }
    meta = folder / "datapackage.json"
    meta.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(meta)
    return written


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
