"""
The sector as graphs: Graphviz DOT or Mermaid text, and a networkx graph with an edge for every reference.

The text graphs draw the body hierarchy and the relations between bodies;
the networkx graph holds every record as a node and every reference field
and stated relation as an edge (networkx is imported only here, on use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.display import label
from asean_digital.model.parts import Predicate

if TYPE_CHECKING:
    import networkx

    from asean_digital.query.registry import Registry

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
    The records, their references and their relations as a networkx graph.

    Every record with an id is a node (keyed by id, with ``kind`` and
    ``label`` attributes). Every reference of the table of collections is an
    edge from the record to the one it names, keyed and labelled by the
    field (``predicate="host"``, ``"outcomes"``, ``"chair.person"``,
    ``"meetings.joint_with"``); every relation, the hierarchy's ``part_of``
    included, is an edge keyed by its predicate. The sector's own page (the
    ASEAN Secretariat's, the primary source) lists most records: an edge
    ``lists`` goes from the sector to each, with the page's ``sections``
    that name it, so a key document no meeting is known for is still
    linked to the sector.

    Raises:
        ImportError: networkx is not installed (``pip install 'asean-digital[networkx]'``).

    >>> import asean_digital as ad
    >>> g = ad.to_networkx(ad.registry)
    >>> sorted(g.successors("atrc"))  # its parent, the body it meets jointly, its +1 partners, its series
    ['CN', 'JP', 'adgmin', 'adgsom', 'atrc-meetings', 'leaders-retreats']
    >>> g.nodes["atrc"]["kind"], sorted(k for _, _, k in g.out_edges("cebu-declaration-2012", keys=True))
    ('Body', ['body', 'host', 'meeting'])
    """
    try:
        import networkx as nx  # noqa: PLC0415
    except ImportError:
        msg = "to_networkx needs networkx: install it with pip install 'asean-digital[networkx]'"
        raise ImportError(msg) from None
    from asean_digital.model.fields import values_at  # noqa: PLC0415

    g = nx.MultiDiGraph()
    for c in COLLECTIONS:
        if c.keyed:
            for record in registry.stored(c.name):
                g.add_node(record.id, kind=type(record).__name__, label=label(record))
    for c in COLLECTIONS:
        if c.name == "relations":
            continue  # each relation is an edge of its own, below
        for reference in c.references:
            predicate = reference.field.replace("[]", "")
            for record in registry.stored(c.name):
                for _, value in values_at(record, reference.field):
                    g.add_edge(record.id, value, key=predicate, predicate=predicate)
    for relation in registry.relations():
        g.add_edge(
            relation.subject,
            relation.object,
            key=relation.predicate.value,
            predicate=relation.predicate.value,
        )
    _sector_page_edges(registry, g)
    return g


PRIMARY_SOURCE: Final = "seed-page"
"""The id of the source document that is the sector's own page (the ASEAN Secretariat's)."""


def _sector_page_edges(registry: Registry, g: Any) -> None:
    """An edge ``lists`` from the sector to each record its own page lists, with the page's sections."""
    sector = registry.stored("sectors")[0].id
    for c in COLLECTIONS:
        if not c.keyed or c.name in {"sectors", "sources"}:
            continue
        for record in registry.stored(c.name):
            sections = sorted({s.section for s in record.sources if s.document == PRIMARY_SOURCE})
            if sections:
                g.add_edge(sector, record.id, key="lists", predicate="lists", sections=sections)
