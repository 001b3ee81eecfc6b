"""
Pictures drawn from the data, in HTML and SVG: the organisation chart, the timeline and two grids.

Pure functions from a registry to HTML text, so the pictures change when the
data does, and no program beyond Python draws them (no Graphviz). The
catalogue extension (``catalogue.py``) puts them on pages as raw HTML; they
are shown at their own size, never shrunk, so no text is under
:data:`MIN_PX` (12 px), and each fits the column of a desktop window (the
timeline and the legend, a phone's): ``_static/diagrams.css`` lets one that
is wider scroll sideways in its own box. tests/fitness/test_docs.py checks the
sizes and that no two boxes of the chart overlap.
"""

from __future__ import annotations

import html
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from asean_digital import Body, PartialDate, Registry

#: The smallest type of any picture, in CSS px.
MIN_PX = 12

#: Fill and text colour of a body's box, by the value of its kind.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "ministerial": ("#1f4e79", "white"),
    "senior_officials": ("#2e75b6", "white"),
    "regulators": ("#9dc3e6", "black"),
    "working_group": ("#deebf7", "black"),
    "committee": ("#e2f0d9", "black"),
    "centre": ("#fbe5d6", "black"),
    "network": ("#ededed", "black"),
}

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
    """Escape text for HTML and SVG."""
    return html.escape(str(text), quote=True)


def _table(rows: list[str], css: str) -> str:
    return f'<table class="diagram {css}">' + "".join(rows) + "</table>"


# -- the organisation chart: an SVG tree, parents on the left --------------------------

#: The chart's geometry, in CSS px: box width, padding, gaps between columns and between boxes.
BOX_WIDTH, PAD, COLUMN_GAP, ROW_GAP = 200, 6, 36, 10


class Box(NamedTuple):
    """A body's box on the chart: its place and size in px, and its lines of text with their sizes."""

    body: Any
    x: float
    y: float
    width: float
    height: float
    lines: tuple[tuple[str, int, bool], ...]


def _body_lines(body: Body) -> list[tuple[str, int, bool]]:
    """The lines of a body's box: (text, size in px, bold)."""
    if body.acronym:
        lines = [(line, 15, True) for line in textwrap.wrap(body.acronym, 16)]
        lines += [(line, 13, False) for line in textwrap.wrap(body.name, 24)]
    else:  # no acronym: the name itself heads the box
        lines = [(line, 15, True) for line in textwrap.wrap(body.name, 16)]
    facts = []
    former = [n.acronym if n.acronym and n.acronym != body.acronym else n.name for n in body.former_names]
    if former:
        facts.append("formerly " + ", ".join(former))
    if body.established is not None:
        facts.append(f"established {body.established}")
    partners = list(dict.fromkeys(p for m in body.meetings for p in m.consultation_partners))
    if partners:
        facts.append("ASEAN+1: " + ", ".join(partners))
    lines += [(line, MIN_PX, False) for fact in facts for line in textwrap.wrap(fact, 26)]
    return lines


def chart_boxes(registry: Registry) -> list[Box]:
    """
    Each body's box: a column per level of the hierarchy, each parent level with its children.

    The leaves are stacked in the order the registry gives them, under their
    parents; a parent is centred on the span of its children.
    """
    bodies = list(registry.bodies())
    ids = {b.id for b in bodies}
    children: dict[str | None, list[Any]] = defaultdict(list)
    for body in bodies:
        children[body.parent if body.parent in ids else None].append(body)
    boxes: dict[str, Box] = {}
    free: dict[int, float] = defaultdict(float)  # the first free height of each column

    def place(body: Any, depth: int) -> tuple[float, float]:
        lines = tuple(_body_lines(body))
        height = 2 * PAD + sum(size + 3 for _, size, _ in lines)
        spans = [place(child, depth + 1) for child in children[body.id]]
        wanted = (spans[0][0] + spans[-1][1] - height) / 2 if spans else free[depth + 1]
        top = max(wanted, free[depth])
        boxes[body.id] = Box(body, depth * (BOX_WIDTH + COLUMN_GAP), top, BOX_WIDTH, height, lines)
        free[depth] = top + height + ROW_GAP
        return top, top + height

    for root in children[None]:
        place(root, 0)
    return list(boxes.values())


def organisation_chart(registry: Registry, body_url: str = "") -> str:
    """
    The bodies as an organisation chart, in SVG: each to the right of the body it reports to.

    Each box names the body, its former names, its establishment and its
    ASEAN+1 consultation partners, in the colour of its kind, and links to
    ``body_url`` followed by its id (empty: no links).
    """
    boxes = chart_boxes(registry)
    where = {box.body.id: box for box in boxes}
    width = max(b.x + b.width for b in boxes) + 2
    height = max(b.y + b.height for b in boxes) + 2
    out = [
        (
            f'<svg class="diagram-chart" xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
            'aria-label="Organisation chart of the bodies" font-family="Helvetica, Arial, sans-serif">'
        )
    ]
    for box in boxes:
        parent = where.get(box.body.parent or "")
        if parent is not None:
            x0, y0 = parent.x + parent.width, parent.y + parent.height / 2
            x1, y1 = box.x, box.y + box.height / 2
            mid = x0 + COLUMN_GAP / 2
            out.append(
                f'<path d="M{x0:.1f},{y0:.1f} H{mid:.1f} V{y1:.1f} H{x1:.1f}" '
                'fill="none" stroke="#404040" stroke-width="1.8"/>'
            )
    for box in boxes:
        fill, ink = KIND_STYLE.get(box.body.kind.value, ("#ffffff", "black"))
        shape = [
            f"<title>{_h(box.body.name)}</title>",
            (
                f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width}" height="{box.height:.1f}" '
                f'rx="6" fill="{fill}" stroke="#404040"/>'
            ),
        ]
        y = box.y + PAD
        for text, size, bold in box.lines:
            y += size + 3
            weight = ' font-weight="bold"' if bold else ""
            shape.append(
                f'<text x="{box.x + box.width / 2:.1f}" y="{y - 3:.1f}" font-size="{size}" '
                f'text-anchor="middle" fill="{ink}"{weight}>{_h(text)}</text>'
            )
        group = "".join(shape)
        if body_url:
            group = f'<a href="{_h(body_url + box.body.id)}" target="_top">{group}</a>'
        out.append(f"<g>{group}</g>")
    out.append("</svg>")
    return "".join(out)


def _body_relations(registry: Registry) -> list[Any]:
    """The stated relations between two bodies, hierarchy (``part_of``) left out."""
    ids = {b.id for b in registry.bodies()}
    return [
        r
        for r in registry.relations()
        if r.predicate.value != "part_of" and r.subject in ids and r.object in ids
    ]


class _Link(NamedTuple):
    """A link across the hierarchy: a joint (``"joint"``) or back-to-back meeting, or a stated relation."""

    tail: str
    head: str
    style: str
    words: str


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
        _Link(*sorted(pair), "joint", words)
        for pair, words in sorted(joint.items(), key=lambda kv: sorted(kv[0]))
    ]
    links.extend(_Link(a, b, "back-to-back", "") for a, b in sorted(back_to_back))
    for relation in _body_relations(registry):
        words = relation.predicate.value.replace("_", " ")
        links.append(_Link(relation.subject, relation.object, "relation", words))
    return links


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
            Moment(new.valid.start, "renaming", f"{old.name} renamed {new.name}")
            if _name(old) == _name(new)  # the same acronym: the names tell the two apart
            else Moment(new.valid.start, "renaming", f"{_name(old)} renamed {_name(new)}")
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


def organisation_links(registry: Registry) -> list[tuple[str, str, str]]:
    """
    How the bodies meet and relate across the hierarchy: (one body, how, the other), for a table.

    Joint meetings (with how many a year), meetings held back-to-back, and the
    relations the sources state between bodies (advises, partners with, ...).
    """
    names = {b.id: b.acronym or b.name for b in registry.bodies()}
    rows = []
    for link in _links(registry):
        if link.style == "joint":
            how = "meets jointly with" + (f" ({link.words})" if link.words else "")
        elif link.style == "back-to-back":
            how = "meets back-to-back with"
        else:
            how = link.words
        rows.append((names[link.tail], how, names[link.head]))
    return rows


def organisation_legend(registry: Registry) -> str:
    """The legend of :func:`organisation_chart`: the colour of each kind of body, in HTML."""
    kinds = list(dict.fromkeys(b.kind.value for b in registry.bodies()))
    rows = []
    for kind in kinds:
        fill, ink = KIND_STYLE.get(kind, ("#ffffff", "black"))
        rows.append(
            f'<tr><td style="background:{fill};color:{ink}">{_h(kind.replace("_", " "))}</td>'
            "<td>body kind</td></tr>"
        )
    rows.append("<tr><td>———</td><td>reports to (parent on the left)</td></tr>")
    return _table(rows, "diagram-legend")


def _moment_text(moment: Moment) -> str:
    """A moment's date (grey, when more precise than its year) and text."""
    date = "" if moment.when.precision == "year" else f'<span class="diagram-date">{_h(moment.when)}</span> '
    return date + _h(moment.text)


def _swatch(colour: str) -> str:
    return f'<td class="diagram-swatch" style="background:{colour}"></td>'


def timeline(registry: Registry) -> str:
    """
    Establishments, renamings, master plans, declarations and accessions, in HTML.

    One narrow table, to be read on a phone: the legend, then for each year
    its number and a row per moment, marked with the colour of its kind.
    Years with nothing in them are left out.
    """
    by_year: dict[int, list[Moment]] = defaultdict(list)
    for moment in timeline_moments(registry):
        by_year[moment.when.year].append(moment)
    rows = [f"<tr>{_swatch(colour)}<td>{_h(words)}</td></tr>" for colour, words in CATEGORY_STYLE.values()]
    for year, moments in sorted(by_year.items()):
        rows.append(f'<tr><th colspan="2" class="diagram-year">{year}</th></tr>')
        rows.extend(
            f"<tr>{_swatch(CATEGORY_STYLE[m.category][0])}<td>{_moment_text(m)}</td></tr>" for m in moments
        )
    return _table(rows, "diagram-timeline")


def _dated_plans(registry: Registry) -> list[tuple[Any, PartialDate, PartialDate]]:
    """The master plans whose period has both ends, with those ends."""
    out = []
    for plan in registry.master_plans():
        start, end = plan.period.start, plan.period.end
        if start is not None and end is not None:
            out.append((plan, start, end))
    return out


def plan_periods(registry: Registry) -> str:
    """The master plans' implementation periods as a year-by-year chart, in HTML."""
    plans = _dated_plans(registry)
    if not plans:
        return "<p>No master plan has a dated period.</p>"
    first = min(start.year for _, start, _ in plans)
    last = max(end.year for _, _, end in plans)
    head = "".join(f"<th>’{str(year)[2:]}</th>" for year in range(first, last + 1))
    rows = [f"<tr><th></th>{head}</tr>"]
    colours = ["#9dc3e6", "#8fd19e", "#f4c37d", "#c9b3e6", "#e6a5a5"]
    for i, (plan, start, end) in enumerate(plans):
        cells = [f'<th class="diagram-name">{_h(plan.acronym)}<br/><small>{_h(plan.name)}</small></th>']
        cells.extend("<td></td>" for _ in range(start.year - first))
        span = end.year - start.year + 1
        colour = colours[i % len(colours)]
        cells.append(f'<td colspan="{span}" style="background:{colour}">{_h(f"{start}–{end}")}</td>')
        cells.extend("<td></td>" for _ in range(last - end.year))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return _table(rows, "diagram-grid")


def meetings_by_host(registry: Registry) -> str:
    """The ministerial meetings as a year-by-host chart, in HTML: a cell per meeting, numbered."""
    meetings = [
        m for m in registry.meetings(body="adgmin") if m.dates.start is not None and m.host is not None
    ]
    if not meetings:
        return "<p>No ministerial meeting has a date and a host.</p>"
    first = min(m.dates.start.year for m in meetings)  # type: ignore[union-attr]
    last = max(m.dates.start.year for m in meetings)  # type: ignore[union-attr]
    states = {s.id: s.name for s in registry.member_states()}
    hosts = list(dict.fromkeys(m.host for m in meetings))
    head = "".join(f"<th>{str(year)[2:]}</th>" for year in range(first, last + 1))
    rows = [f"<tr><th></th>{head}</tr>"]
    colours = {"TELMIN": "#9dc3e6", "ADGMIN": "#8fd19e"}
    for host in hosts:
        cells = [f'<th class="diagram-name">{_h(states.get(host or "", host or ""))}</th>']
        for year in range(first, last + 1):
            held = [m for m in meetings if m.host == host and m.dates.start.year == year]  # type: ignore[union-attr]
            if held:
                colour = colours.get(held[0].name.split()[-1], "#f4c37d")
                text = " ".join(f"{m.number}" for m in held)
                cells.append(f'<td style="background:{colour}" title="{_h(held[0].name)}">{text}</td>')
            else:
                cells.append("<td></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows.append(
        f'<tr><td colspan="{last - first + 2}" class="diagram-key">blue: TELMIN (number) · '
        f"green: ADGMIN (number) · columns: years {first}–{last}</td></tr>"
    )
    return _table(rows, "diagram-grid")
