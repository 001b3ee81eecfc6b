"""
Graphviz (DOT) pictures drawn from the data: the organisation chart and the timeline.

Pure functions from a registry to DOT text, so the pictures change when the
data does. The catalogue extension (``catalogue.py``) puts them on pages, and
``fullsize.py`` shows them at their own size, never shrunk: so no text is
under :data:`MIN_POINT_SIZE` (12 px), and each picture is drawn to fit the
column of a desktop window (the timeline, a phone's); tests/test_docs.py
checks both, and that no two labels are laid over each other.
"""

from __future__ import annotations

import html
import textwrap
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from asean_digital import Body, PartialDate, Registry

FONT = "Helvetica"

#: Fill and text colour of a body's box, by the value of its kind.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "ministerial": ("#1f4e79", "white"),
    "senior_officials": ("#2e75b6", "white"),
    "regulators": ("#9dc3e6", "black"),
    "working_group": ("#deebf7", "black"),
}

#: Colour and wording of the relations drawn between bodies (``part_of`` is the hierarchy).
RELATION_STYLE: dict[str, tuple[str, str]] = {
    "advises": ("#7030a0", "advises"),
    "partners_with": ("#00875a", "partners with"),
    "supports": ("#bf8f00", "supports"),
    "develops": ("#595959", "develops"),
    "implements": ("#595959", "implements"),
    "builds_on": ("#595959", "builds on"),
    "succeeds": ("#595959", "succeeds"),
    "mandated_by": ("#595959", "mandated by"),
}

JOINT_COLOUR = "#c0504d"
BACK_TO_BACK_COLOUR = "#7f7f7f"

#: Colour and legend wording of each kind of timeline entry.
CATEGORY_STYLE: dict[str, tuple[str, str]] = {
    "accession": ("#a5a5a5", "ASEAN membership"),
    "establishment": ("#1f4e79", "body established"),
    "renaming": ("#c0504d", "renaming"),
    "plan": ("#00875a", "master plan"),
    "declaration": ("#bf8f00", "ministerial declaration"),
    "talent": ("#7030a0", "first talent competition"),
}


def _h(text: object) -> str:
    """Escape text for a Graphviz HTML-like label."""
    return html.escape(str(text), quote=True)


def _q(text: str) -> str:
    """Quote text as a DOT string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _attrs(**values: str) -> str:
    parts = []
    for key, value in values.items():
        name = key.upper() if key == "url" else key
        shown = value if value.startswith("<") and value.endswith(">") else _q(value)
        parts.append(f"{name}={shown}")
    return "[" + ", ".join(parts) + "]"


def _wrapped(text: str, size: int, width: int = 26) -> str:
    lines = textwrap.wrap(text, width) or [""]
    return "<br/>".join(f'<font point-size="{size}">{_h(line)}</font>' for line in lines)


#: The smallest type of any picture, in points. The docs show a picture at the size Graphviz
#: gives it (1 pt = 4/3 CSS px, see ``diagrams_html.py``), so this is 12 px on the page.
MIN_POINT_SIZE = 9


def _body_label(body: Body) -> str:
    rows = [f'<font point-size="12"><b>{_h(body.acronym or body.id)}</b></font>', _wrapped(body.name, 10, 24)]
    former = [n.acronym or n.name for n in body.former_names]
    if former:
        rows.append(_wrapped("formerly " + ", ".join(former), MIN_POINT_SIZE, 24))
    if body.established is not None:
        rows.append(_wrapped(f"established {body.established}", MIN_POINT_SIZE, 24))
    partners = list(dict.fromkeys(p for m in body.meetings for p in m.consultation_partners))
    if partners:
        rows.append(_wrapped("ASEAN+1: " + ", ".join(partners), MIN_POINT_SIZE, 24))
    return "<" + "<br/>".join(rows) + ">"


def _legend_row(swatch: str, text: str) -> str:
    return f'<tr><td align="left">{swatch}</td><td align="left">{_h(text)}</td></tr>'


def _organisation_legend(kinds: Iterable[str], predicates: Iterable[str]) -> str:
    rows = []
    for kind in kinds:
        fill, text = KIND_STYLE.get(kind, ("#ffffff", "black"))
        swatch = f'<font color="{text}">{_h(kind.replace("_", " "))}</font>'
        rows.append(
            f'<tr><td bgcolor="{fill}" align="left">{swatch}</td><td align="left">body kind</td></tr>'
        )
    rows.append(_legend_row("———", "reports to (parent on the left)"))
    rows.append(_legend_row(f'<font color="{JOINT_COLOUR}">- - -</font>', "joint meetings, n a year"))
    dots = f'<font color="{BACK_TO_BACK_COLOUR}">· · ·&gt;</font>'
    rows.append(_legend_row(dots, "held back-to-back with"))
    for predicate in predicates:
        colour, words = RELATION_STYLE.get(predicate, ("#595959", predicate))
        rows.append(_legend_row(f'<font color="{colour}">——&gt;</font>', f"{words} (stated relation)"))
    table = '<table border="0" cellborder="1" cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>"
    return f"<{table}>"


def _body_relations(registry: Registry) -> list[Any]:
    """The stated relations between two bodies, hierarchy (``part_of``) left out."""
    ids = {b.id for b in registry.bodies()}
    return [
        r
        for r in registry.relations()
        if r.predicate.value != "part_of" and r.subject in ids and r.object in ids
    ]


class _Link(NamedTuple):
    """One line drawn across the hierarchy: a joint or back-to-back meeting, or a stated relation."""

    tail: str
    head: str
    style: str
    colour: str
    words: str
    arrow: bool


def _links(registry: Registry) -> list[_Link]:
    bodies = registry.bodies()
    ids = {b.id for b in bodies}
    joint: dict[frozenset[str], str] = {}
    back_to_back: set[tuple[str, str]] = set()
    for body in bodies:
        for series in body.meetings:
            for other in series.joint_with:
                pair = frozenset((body.id, other))
                if other in ids and pair not in joint:
                    joint[pair] = "" if series.per_year is None else f"{series.per_year} a year"
            back_to_back.update((body.id, other) for other in series.back_to_back_with if other in ids)
    links = [
        _Link(*sorted(pair), "dashed", JOINT_COLOUR, words, arrow=False)
        for pair, words in sorted(joint.items(), key=lambda kv: sorted(kv[0]))
    ]
    links.extend(_Link(a, b, "dotted", BACK_TO_BACK_COLOUR, "", arrow=True) for a, b in sorted(back_to_back))
    for relation in _body_relations(registry):
        colour, words = RELATION_STYLE.get(relation.predicate.value, ("#595959", relation.predicate.value))
        links.append(_Link(relation.subject, relation.object, "solid", colour, words, arrow=True))
    return links


def _link_edges(links: list[_Link]) -> list[str]:
    """
    The links as DOT edges: the words of all links between two bodies in one label.

    The label is on a white ground and its edge comes after every unlabelled
    edge, so that no line is drawn across its text.
    """
    words: dict[frozenset[str], list[str]] = defaultdict(list)
    for link in links:
        if link.words:
            line = f'<font color="{link.colour}">{_h(link.words)}</font>'
            words[frozenset((link.tail, link.head))].append(line)
    plain, labelled = [], []
    for link in links:
        pair = frozenset((link.tail, link.head))
        extra = {}
        if pair in words:
            rows = "".join(f"<tr><td>{w}</td></tr>" for w in words.pop(pair))
            table = '<table border="0" cellborder="0" cellspacing="0" cellpadding="1" bgcolor="white">'
            extra["label"] = f"<{table}{rows}</table>>"
        attrs = _attrs(
            style=link.style,
            color=link.colour,
            dir="forward" if link.arrow else "none",
            constraint="false",
            penwidth="1.3",
            **extra,
        )
        (labelled if extra else plain).append(f"  {_q(link.tail)} -> {_q(link.head)} {attrs};")
    return plain + labelled


def organisation_chart(registry: Registry, body_url: str = "") -> str:
    """
    The bodies as an organisation chart, in DOT.

    Each body sits to the right of the body it reports to; joint and
    back-to-back meetings and the stated relations between bodies (advises,
    partners with, supports, ...) are drawn across the hierarchy. Two bodies
    joined by several such lines get one label for all of them, a line of it
    per link in the link's colour, so that no two labels are laid over each
    other. *body_url* is a link prefix the body's id is appended to (empty:
    no links).
    """
    bodies = registry.bodies()
    ids = {b.id for b in bodies}
    lines = [
        "digraph organisation {",
        f'  graph [rankdir=LR, bgcolor="white", fontname="{FONT}", nodesep=0.15, ranksep=0.2, pad=0.05];',
        f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize=10, margin="0.08,0.05"];',
        f'  edge [fontname="{FONT}", fontsize=10];',
    ]
    for body in bodies:
        fill, text = KIND_STYLE.get(body.kind.value, ("#ffffff", "black"))
        extra = {"url": f"{body_url}{body.id}", "target": "_top"} if body_url else {}
        attrs = _attrs(label=_body_label(body), fillcolor=fill, fontcolor=text, tooltip=body.name, **extra)
        lines.append(f"  {_q(body.id)} {attrs};")
    lines.append("  // hierarchy")
    lines.extend(
        f'  {_q(body.parent)} -> {_q(body.id)} [dir=none, penwidth=1.8, color="#404040"];'
        for body in bodies
        if body.parent is not None and body.parent in ids
    )
    lines.append("  // meetings held jointly or back-to-back, and stated relations between bodies")
    lines.extend(_link_edges(_links(registry)))
    lines.append("}")
    return "\n".join(lines) + "\n"


def organisation_legend(registry: Registry) -> str:
    """The legend of :func:`organisation_chart`, as a DOT picture of its own."""
    kinds = list(dict.fromkeys(b.kind.value for b in registry.bodies()))
    predicates = list(dict.fromkeys(r.predicate.value for r in _body_relations(registry)))
    legend = _organisation_legend(kinds, predicates)
    return (
        "digraph legend {\n"
        f'  graph [bgcolor="white", pad=0.05];\n'
        f'  node [shape=plaintext, fontname="{FONT}", fontsize=10];\n'
        f"  legend [label={legend}];\n"
        "}\n"
    )


class Moment(NamedTuple):
    """One entry of the timeline."""

    when: PartialDate
    category: str
    text: str


def _name(names: Any) -> str:
    return names.acronym or names.name


def timeline_moments(registry: Registry) -> list[Moment]:
    """Every dated moment the timeline shows, in date order."""
    moments: list[Moment] = []
    joined: dict[PartialDate, list[str]] = defaultdict(list)
    for state in registry.member_states():
        joined[state.joined].append(state.name)
    for when, names in joined.items():
        founding = all(s.founding for s in registry.member_states() if s.joined == when)
        verb = "found ASEAN" if founding else ("joins ASEAN" if len(names) == 1 else "join ASEAN")
        moments.append(Moment(when, "accession", f"{', '.join(names)} {verb}"))
    for body in registry.bodies():
        if body.established is not None:
            first = _name(body.names[0])
            now = body.acronym or body.name
            known = first if first == now else f"{first} (now {now})"
            moments.append(Moment(body.established, "establishment", f"{known} established"))
        moments.extend(
            Moment(new.valid.start, "renaming", f"{_name(old)} renamed {_name(new)}")
            for old, new in zip(body.names, body.names[1:], strict=False)
            if new.valid.start is not None
        )
    sector = registry.sector
    moments.extend(
        Moment(new.valid.start, "renaming", f"{old.name} renamed {new.name}")
        for old, new in zip(sector.names, sector.names[1:], strict=False)
        if new.valid.start is not None
    )
    for plan in registry.master_plans():
        if plan.period.start is not None:
            moments.append(
                Moment(
                    plan.period.start,
                    "plan",
                    f"{plan.acronym} begins ({plan.period.start}–{plan.period.end or ''})",
                )
            )
        if plan.period.end is not None:
            moments.append(Moment(plan.period.end, "plan", f"{plan.acronym} ends"))
    for decl in registry.declarations():
        if decl.published is not None:
            text = f"{decl.title}: {decl.meeting_name}, {decl.city} ({decl.host})"
            moments.append(Moment(decl.published, "declaration", text))
    moments.extend(Moment(e.started, "talent", f"{e.name} first held") for e in registry.events())
    order = list(CATEGORY_STYLE)
    moments.sort(key=lambda m: (m.when.sort_key, order.index(m.category), m.text))
    return moments


def _timeline_legend() -> list[str]:
    """The legend's rows, in the timeline's own columns: a colour, then the kind of moment it marks."""
    return [
        f'<tr><td bgcolor="{colour}"></td><td align="left">{_h(words)}</td></tr>'
        for colour, words in CATEGORY_STYLE.values()
    ]


def _moment_text(moment: Moment, width: int = 40) -> str:
    """A moment's date (grey, when more precise than its year) and text, wrapped to *width* characters."""
    date = "" if moment.when.precision == "year" else str(moment.when)
    lines = [_h(line) for line in textwrap.wrap(f"{date} {moment.text}".strip(), width)]
    if date:
        lines[0] = f'<font color="#595959">{_h(date)}</font>' + lines[0][len(_h(date)) :]
    return '<br align="left"/>'.join(lines) + '<br align="left"/>'


def timeline(registry: Registry) -> str:
    """
    Establishments, renamings, master plans, declarations and accessions, in DOT.

    One narrow table, to be read on a phone at its own size: the legend, then
    for each year its number and a row per moment, marked with the colour of
    its kind. Years with nothing in them are left out.
    """
    by_year: dict[int, list[Moment]] = defaultdict(list)
    for moment in timeline_moments(registry):
        by_year[moment.when.year].append(moment)
    rows = _timeline_legend()
    for year, moments in sorted(by_year.items()):
        rows.append(
            f'<tr><td colspan="2" align="left" cellpadding="3" height="24" valign="bottom">'
            f'<font color="#1f4e79" point-size="13"><b>{year}</b></font></td></tr>'
        )
        rows.extend(
            f'<tr><td bgcolor="{CATEGORY_STYLE[m.category][0]}" width="6"></td>'
            f'<td align="left" balign="left">{_moment_text(m)}</td></tr>'
            for m in moments
        )
    table = '<table border="0" cellborder="0" cellspacing="1" cellpadding="2">' + "".join(rows) + "</table>"
    return (
        "digraph timeline {\n"
        f'  graph [bgcolor="white", fontname="{FONT}", pad=0.05];\n'
        f'  node [shape=plaintext, fontname="{FONT}", fontsize=10];\n'
        f"  timeline [label=<{table}>];\n"
        "}\n"
    )


def _dated_plans(registry: Registry) -> list[tuple[Any, PartialDate, PartialDate]]:
    """The master plans whose period has both ends, with those ends."""
    out = []
    for plan in registry.master_plans():
        start, end = plan.period.start, plan.period.end
        if start is not None and end is not None:
            out.append((plan, start, end))
    return out


def plan_periods(registry: Registry) -> str:
    """The master plans' implementation periods as a year-by-year chart, in DOT."""
    plans = _dated_plans(registry)
    if not plans:
        return (
            'digraph periods { graph [bgcolor="white"]; none [shape=plaintext, label="no dated plans"]; }\n'
        )
    first = min(start.year for _, start, _ in plans)
    last = max(end.year for _, _, end in plans)
    size = MIN_POINT_SIZE
    head = "".join(
        f'<td><font point-size="{size}">’{str(year)[2:]}</font></td>' for year in range(first, last + 1)
    )
    rows = [f"<tr><td></td>{head}</tr>"]
    colours = ["#9dc3e6", "#8fd19e", "#f4c37d", "#c9b3e6", "#e6a5a5"]
    for i, (plan, start, end) in enumerate(plans):
        name = _wrapped(plan.name, MIN_POINT_SIZE, 18)
        cells = [f'<td align="left" balign="left"><b>{_h(plan.acronym)}</b><br/>{name}</td>']
        cells.extend("<td></td>" for _ in range(start.year - first))
        colour = colours[i % len(colours)]
        text = f"{start}–{end}"
        span = end.year - start.year + 1
        cells.append(f'<td colspan="{span}" bgcolor="{colour}">{_h(text)}</td>')
        cells.extend("<td></td>" for _ in range(last - end.year))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    table = '<table border="0" cellborder="1" cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>"
    return (
        "digraph periods {\n"
        f'  graph [bgcolor="white", fontname="{FONT}", pad=0.05];\n'
        f'  node [shape=plaintext, fontname="{FONT}", fontsize=10];\n'
        f"  periods [label=<{table}>];\n"
        "}\n"
    )


def meetings_by_host(registry: Registry) -> str:
    """The ministerial meetings as a year-by-host chart, in DOT: a cell per meeting, numbered."""
    meetings = [
        m for m in registry.meetings(body="adgmin") if m.dates.start is not None and m.host is not None
    ]
    if not meetings:
        return 'digraph hosts { graph [bgcolor="white"]; none [shape=plaintext, label="no meetings"]; }\n'
    first = min(m.dates.start.year for m in meetings)  # type: ignore[union-attr]
    last = max(m.dates.start.year for m in meetings)  # type: ignore[union-attr]
    states = {s.id: s.name for s in registry.member_states()}
    hosts = list(dict.fromkeys(m.host for m in meetings))
    head = "".join(f"<td>{str(year)[2:]}</td>" for year in range(first, last + 1))
    rows = [f"<tr><td></td>{head}</tr>"]
    colours = {"TELMIN": "#9dc3e6", "ADGMIN": "#8fd19e"}
    for host in hosts:
        name = "<br/>".join(_h(line) for line in textwrap.wrap(states.get(host or "", host or ""), 12))
        cells = [f'<td align="left" balign="left"><font point-size="10"><b>{name}</b></font></td>']
        for year in range(first, last + 1):
            held = [m for m in meetings if m.host == host and m.dates.start.year == year]  # type: ignore[union-attr]
            if held:
                name = held[0].name.split()[-1]
                text = " ".join(f"{m.number}" for m in held)
                colour = colours.get(name, "#f4c37d")
                cells.append(f'<td bgcolor="{colour}" title="{_h(held[0].name)}">{text}</td>')
            else:
                cells.append("<td></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    key = (
        f'<tr><td colspan="{last - first + 2}" align="left">'
        '<font point-size="10">blue: TELMIN (number) · green: ADGMIN (number) · '
        f"columns: years {first}–{last}"
        "</font></td></tr>"
    )
    table = (
        '<table border="0" cellborder="1" cellspacing="0" cellpadding="1">' + "".join(rows) + key + "</table>"
    )
    return (
        "digraph hosts {\n"
        f'  graph [bgcolor="white", fontname="{FONT}", pad=0.05];\n'
        f'  node [shape=plaintext, fontname="{FONT}", fontsize={MIN_POINT_SIZE}];\n'
        f"  hosts [label=<{table}>];\n"
        "}\n"
    )
