"""
Sphinx extension: the data catalogue, generated from the packaged data at build time.

On ``builder-inited`` it imports :mod:`asean_digital`, walks every collection
of the table of collections (a kind without a page of its own design gets a
generic one) and writes MyST Markdown pages into
``docs/catalogue/`` (git-ignored), with tables and pictures (HTML and SVG, drawn in Python). Nothing
is hand-copied: when the data changes, the catalogue changes with it. A page
is rewritten only when its text changes, so unchanged pages are not re-read.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import catalogue_diagrams as diagrams

from asean_digital.model.collections import COLLECTIONS, Collection

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from asean_digital import Body, MasterPlan, Registry, Source

OUT_DIR = "catalogue"
EMPTY = "—"

#: The heading of each listing of the source page's Key Documents.
LISTING_TITLES = {
    "framework": "Framework Agreements",
    "guideline": "Policy Frameworks and Guidelines",
    "declaration": "Ministerial Declarations",
    "publication": "Publications",
    "link": "Related links",
}

_ESCAPE = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$&^%=:@])")


# -- Markdown -----------------------------------------------------------------


def esc(text: object) -> str:
    """Escape *text* so MyST shows it literally (any ASCII punctuation may be escaped)."""
    return _ESCAPE.sub(r"\\\1", " ".join(str(text).split()))


def cell(value: object) -> str:
    """A table cell: escaped text, or an em dash when there is nothing to show."""
    if value is None or value in ("", (), []):
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    return esc(value)


def code(text: str) -> str:
    return f"`{text}`"


def ref(text: str, label: str) -> str:
    """A ``{ref}`` role (its text is not Markdown, so only angle brackets and backticks matter)."""
    shown = " ".join(text.split()).replace("`", "'").replace("<", "‹").replace(">", "›")
    return f"{{ref}}`{shown} <{label}>`"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    title: str = "",
    widths: Sequence[int] | None = None,
    stub: bool = False,
) -> str:
    """A MyST ``list-table``; cells are Markdown already (see :func:`cell`)."""
    rows = list(rows)
    lines = [f"```{{list-table}} {title}".rstrip()]
    if headers:
        lines.append(":header-rows: 1")
    if stub:
        lines.append(":stub-columns: 1")
    lines.append(":widths: " + (" ".join(str(w) for w in widths) if widths else "auto"))
    lines.append("")
    for row in [headers, *rows] if headers else rows:
        first, *rest = row
        lines.append(f"* - {first}")
        lines.extend(f"  - {c}" for c in rest)
    lines.append("```")
    return "\n".join(lines)


def fields(pairs: Iterable[tuple[str, str]], *, title: str = "") -> str:
    """A two-column table of a record's fields."""
    return table((), ([esc(k), v] for k, v in pairs), title=title, widths=(1, 4), stub=True)


def optional_columns(
    columns: Sequence[tuple[str, Callable[[Any], str]]], records: Sequence[Any]
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of *columns*, leaving out the columns empty for every record."""
    kept = [(h, get) for h, get in columns if any(get(r) != EMPTY for r in records)]
    return [h for h, _ in kept], [[get(r) for _, get in kept] for r in records]


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def figure(picture: str, *, caption: str) -> str:
    """A picture (HTML or SVG) as a figure of the page, captioned, scrolling sideways when wide."""
    return "\n".join(
        [
            "```{raw} html",
            f'<figure class="diagram"><div class="diagram-scroll">{picture}</div>',
            f"<figcaption>{html.escape(caption)}</figcaption></figure>",
            "```",
        ]
    )


# -- cross references -----------------------------------------------------------


class Links:
    """Where each record is shown in the catalogue, for links from other pages."""

    def __init__(self, registry: Registry) -> None:
        self._where: dict[str, tuple[str, str]] = {}
        sector = registry.sector
        self._where[sector.id] = (sector.name, "catalogue-sector")
        for body in registry.bodies():
            self._where[body.id] = (body.acronym or body.name, f"catalogue-body-{body.id}")
        for plan in registry.master_plans():
            self._where[plan.id] = (plan.acronym, f"catalogue-plan-{plan.id}")
        for doc in registry.documents():
            self._where[doc.id] = (doc.title, "catalogue-documents")
        for decl in registry.declarations():
            self._where[decl.id] = (decl.title, "catalogue-declarations")
        for event in registry.events():
            self._where[event.id] = (event.name, "catalogue-competitions")
        for edition in registry.editions():
            self._where[edition.id] = (edition.name, "catalogue-competitions")
        for series in registry.series():
            self._where[series.id] = (series.name, f"catalogue-series-{series.id}")
        for partner in registry.partners():
            self._where[partner.id] = (partner.id, "catalogue-partners")
        for state in registry.member_states():
            self._where[state.id] = (state.name, "catalogue-member-states")
        for record in (*registry.policy_areas(), *registry.dialogues(), *registry.initiatives()):
            self._where[record.id] = (getattr(record, "acronym", None) or record.name, "catalogue-sector")
        for c in COLLECTIONS:  # kinds without a page of their own design: their generic page
            if c.keyed and c.name not in COVERED:
                for record in registry.stored(c.name):
                    label = getattr(record, "name", None) or getattr(record, "title", None) or record.id
                    self._where[record.id] = (str(label), f"catalogue-{stem_of(c)}")

    def __call__(self, record_id: str | None, text: str | None = None) -> str:
        if record_id is None:
            return EMPTY
        found = self._where.get(record_id)
        if found is None:
            return esc(text or record_id)
        return ref(text or found[0], found[1])

    def many(self, ids: Iterable[str]) -> str:
        return ", ".join(self(i) for i in ids) or EMPTY


def sources_text(sources: Iterable[Source]) -> str:
    """Each source document and section once, however many of the record's citations name it."""
    cited = dict.fromkeys(f"{esc(s.section)} ({code(s.document)})" for s in sources)
    return "; ".join(cited) or EMPTY


def header(label: str, title: str, registry: Registry, intro: str) -> str:
    return (
        f"({label})=\n# {esc(title)}\n\n{intro}\n\n"
        f"*Generated from the packaged data (data version {code(registry.data_version)}) "
        "when this documentation was built.*\n"
    )


# -- pages --------------------------------------------------------------------


def page_bodies(reg: Registry, link: Links) -> str:
    out = [
        header(
            "catalogue-bodies",
            "Bodies",
            reg,
            "The sectoral bodies and committees, oldest first, with their naming history, "
            "establishment, parent and meeting series. Query them with "
            "{meth}`~asean_digital.Registry.bodies`, {meth}`~asean_digital.Registry.body` "
            "and {meth}`~asean_digital.Registry.children`; see also the "
            "{doc}`organisation chart <organisation-chart>`.",
        )
    ]
    bodies = reg.bodies()
    out.append(
        table(
            ["Body", "Name", "Kind", "Parent", "Established", "Former names"],
            (
                [
                    link(b.id),
                    cell(b.name),
                    cell(b.kind.value),
                    link(b.parent),
                    cell(b.established),
                    cell(", ".join(str(n) for n in b.former_names)),
                ]
                for b in bodies
            ),
            title="All bodies",
        )
    )
    out.extend(body_section(b, link) for b in bodies)
    return "\n\n".join(out) + "\n"


def body_section(body: Body, link: Links) -> str:
    title = f"{body.acronym}: {body.name}" if body.acronym else body.name
    parts = [f"(catalogue-body-{body.id})=\n## {esc(title)}", esc(body.description or "")]
    parts.append(
        fields(
            [
                ("Id", code(body.id)),
                ("Kind", cell(body.kind.value)),
                ("Parent", link(body.parent)),
                ("Established", cell(body.established)),
                ("Set up at", link(body.set_up_at)),
                ("Host", cell(body.host)),
                (
                    "Coordinators",
                    cell(
                        "; ".join(
                            f"{c.member_state} ({c.role}{f', since {c.since}' if c.since else ''})"
                            for c in body.coordinators
                        )
                    ),
                ),
                ("Representation", cell(body.representation)),
                ("Role", cell(body.role)),
                ("Aliases", cell(", ".join(body.aliases))),
                ("Sources", sources_text(body.sources)),
            ]
        )
    )
    parts.append(
        table(
            ["Name", "Acronym", "From", "Until"],
            ([cell(n.name), cell(n.acronym), cell(n.valid.start), cell(n.valid.end)] for n in body.names),
            title=f"Naming history of {body.acronym or body.name}",
        )
    )
    if body.meetings:
        parts.append(
            table(
                ["Meetings", "Per year", "As needed", "Joint with", "Back-to-back with", "ASEAN+1 partners"],
                (
                    [
                        cell(m.description),
                        cell("as necessary" if m.per_year is None else m.per_year),
                        cell(m.as_needed),
                        link.many(m.joint_with),
                        link.many(m.back_to_back_with),
                        link.many(m.consultation_partners),
                    ]
                    for m in body.meetings
                ),
                title=f"Meeting series of {body.acronym or body.name}",
            )
        )
    if body.errata:
        parts.append(f"Errata: see {ref('Errata', 'catalogue-errata')} ({len(body.errata)}).")
    return "\n\n".join(parts)


def page_documents(reg: Registry, link: Links) -> str:
    import asean_digital as ad  # noqa: PLC0415 - imported at build time

    out = [
        header(
            "catalogue-documents",
            "Documents",
            reg,
            "The key documents, by the listing of the source page they appear in. A document "
            "listed under several headings appears under each. Query them with "
            "{meth}`~asean_digital.Registry.documents` and {meth}`~asean_digital.Registry.document`.",
        )
    ]
    columns: list[tuple[str, Callable[[Any], str]]] = [
        ("Title", lambda d: link(d.id) if isinstance(d, ad.Declaration) else cell(d.title)),
        ("Published", lambda d: cell(d.published)),
        ("Period", lambda d: cell(d.period)),
        ("Publisher", lambda d: cell(d.publisher)),
        ("Also listed as", lambda d: cell(", ".join(k.value for k in d.kinds[1:]))),
        ("Aliases", lambda d: cell("; ".join(d.aliases))),
        ("Id", lambda d: code(d.id)),
    ]
    for kind in ad.DocumentKind:
        docs = reg.documents(kind=kind)
        title = LISTING_TITLES.get(kind.value, kind.name.replace("_", " ").title())
        out.append(f"## {esc(title)}\n\n{len(docs)} documents.")
        if docs:
            headers, rows = optional_columns(columns, docs)
            out.append(table(headers, rows, title=title))
    return "\n\n".join(out) + "\n"


def page_declarations(reg: Registry, link: Links) -> str:
    out = [
        header(
            "catalogue-declarations",
            "Ministerial declarations",
            reg,
            "The declarations and statements adopted at the ministers' meetings, with the "
            "meeting as it was then named, its city and its host. Query them with "
            "{meth}`~asean_digital.Registry.declarations`.",
        )
    ]
    states = {s.id: s for s in reg.member_states()}
    out.append(
        table(
            ["Year", "Title", "Meeting", "City", "Host", "Body", "Id"],
            (
                [
                    cell(d.published),
                    cell(d.title),
                    cell(d.meeting_name),
                    cell(d.city),
                    link(d.host, states[d.host].name if d.host in states else d.host),
                    link(d.body),
                    code(d.id),
                ]
                for d in reg.declarations()
            ),
            title="Declarations, oldest first",
        )
    )
    return "\n\n".join(out) + "\n"


def participant_text(p: Any, link: Links, states: dict[str, Any]) -> str:
    """A participant: the person (linked) and whom they represented (member state, partner, organisation)."""
    if p is None:
        return EMPTY
    if p.member_state in states:
        whom = link(p.member_state, states[p.member_state].name)
    elif p.partner is not None:
        whom = link(p.partner, p.partner)
    else:
        whom = cell(p.organisation) if p.organisation else EMPTY
    if p.person is None and p.name is None:  # a state alone would read as if the state had chaired
        return f"name not given ({whom})"
    who = link(p.person, p.name) if p.person is not None else cell(p.name)
    return f"{who} ({whom})" if whom != EMPTY else who


def _dates_text(m: Any) -> str:
    if m.dates.start is None:
        return EMPTY
    return cell(str(m.dates).replace("/", " to ")) if m.dates.end != m.dates.start else cell(m.dates.start)


def _meetings_table(held: list[Any], link: Links, states: dict[str, Any], title: str, *, series: bool) -> str:
    """Meetings, one row each: name, dates, place, host, (series,) who took part in what role."""
    headers = ["Meeting", "Dates", "City", "Host", *(["Series"] if series else []), "Who took part"]
    return table(
        headers,
        (
            [
                f"{cell(m.name)} ({code(m.id)})",
                _dates_text(m),
                cell(m.city) + (" (online)" if m.virtual else ""),
                link(m.host, states[m.host].name) if m.host in states else EMPTY,
                *([link(m.series)] if series else []),
                "; ".join(f"{p.role.value}: {participant_text(p, link, states)}" for p in m.participants)
                or EMPTY,
            ]
            for m in held
        ),
        title=title,
        widths=(3, 2, 2, 2, *((2,) if series else ()), 5),
    )


def page_series(reg: Registry, link: Links) -> str:
    """The series of meetings, each with a page of its own."""
    out = [
        header(
            "catalogue-series",
            "Meeting series",
            reg,
            "Each run of meetings with its naming history: a body's own (TELSOM, then ADGSOM), "
            "a joint one, the +1 sessions with a partner, a conference. Query them with "
            "{meth}`~asean_digital.Registry.series`.",
        )
    ]
    rows = [
        [
            link(x.id, x.name),
            link(x.body) if x.body else EMPTY,
            link(x.partner) if x.partner else EMPTY,
            str(len(reg.meetings(series=x.id))),
            "; ".join(esc(n.name) for n in x.former_names) or EMPTY,
        ]
        for x in reg.series()
    ]
    out.append(table(["Series", "Body", "Partner", "Meetings", "Former names"], rows, title="Meeting series"))
    out.append("\n".join(["```{toctree}", ":hidden:", "", *(f"series/{x.id}" for x in reg.series()), "```"]))
    return "\n\n".join(out) + "\n"


def page_one_series(reg: Registry, link: Links, x: Any) -> str:
    """One series: what it is, its names over time, its meetings and who took part."""
    about = [f"Series {code(x.id)}"]
    if x.body:
        about.append(f"of {link(x.body)}")
    if x.joint_with:
        about.append("jointly with " + link.many(x.joint_with))
    if x.partner:
        about.append(f"with {link(x.partner)}")
    intro = ", ".join(about) + "." + (f" {esc(x.description)}" if x.description else "")
    out = [header(f"catalogue-series-{x.id}", x.name, reg, intro)]
    if x.names:
        out.append("## Names")
        out.append(
            table(
                ["Name", "Acronym", "In use"],
                ([cell(n.name), cell(n.acronym), cell(str(n.valid).replace("/", " to "))] for n in x.names),
                title="Its names, oldest first",
            )
        )
    states = {s.id: s for s in reg.member_states()}
    held = list(reg.meetings(series=x.id))
    out.append("## Meetings")
    out.append(_meetings_table(held, link, states, f"{x.name}: its meetings, oldest first", series=False))
    out.append("## Sources")
    out.append(sources_text(x.sources))
    return "\n\n".join(out) + "\n"


def page_meetings(reg: Registry, link: Links) -> str:
    states = {s.id: s for s in reg.member_states()}
    meetings = reg.meetings()
    out = [
        header(
            "catalogue-meetings",
            "Meetings",
            reg,
            "Every meeting the public record dates, oldest first: the ministers' (TELMIN "
            "from 2001, ADGMIN from 2021), the senior officials', the regulators', their joint "
            "retreats and working groups, the +1 sessions with each partner, the cybersecurity "
            "conferences and dialogues. Each with its dates at the precision the sources give, "
            "its city and host, its series (each has {ref}`a page of its own <catalogue-series>`) "
            "and who took part in what role. A dash is a value no source read gives. Query them "
            "with {meth}`~asean_digital.Registry.meetings` (``series=``, ``partner=``, ``person=``).",
        )
    ]
    out.append(_meetings_table(list(meetings), link, states, "Every meeting, oldest first", series=True))
    out.append("## Themes and outcomes")
    out.append(
        table(
            ["Meeting", "Theme", "Adopted, endorsed or launched", "+1 sessions with"],
            (
                [cell(m.name), cell(m.theme), link.many(m.outcomes), link.many(m.partners)]
                for m in meetings
                if m.theme or m.outcomes or m.partners
            ),
            title="Themes, outcomes and partners",
            widths=(2, 4, 5, 2),
        )
    )
    meetings = reg.meetings(series="adgmin-meetings")
    out.append(
        "## Ministers' meetings by host\n\nEach member state and the ministers' meetings it hosted, by year."
    )
    out.append(figure(diagrams.meetings_by_host(reg), caption="Ministerial meetings by host and year"))
    rows = []
    for state in sorted(states.values(), key=lambda s: s.name):
        hosted = [m for m in meetings if m.host == state.id]
        if hosted:
            years = ", ".join(
                f"{m.dates.start.year if m.dates.start else '?'} ({esc(m.name)})" for m in hosted
            )
            rows.append([link(state.id, state.name), str(len(hosted)), years])
    out.append(table(["Host", "Meetings", "Years"], rows, title="Meetings by host", widths=(2, 1, 6)))
    return "\n\n".join(out) + "\n"


def page_master_plans(reg: Registry, link: Links) -> str:
    out = [
        header(
            "catalogue-master-plans",
            "Master plans",
            reg,
            "The sector's master plans: vision, strategic thrusts, desired outcomes, projects, who "
            "drafted them and how they ended. Query them with "
            "{meth}`~asean_digital.Registry.master_plans` and "
            "{meth}`~asean_digital.Registry.master_plan`; their periods are drawn on the "
            "{doc}`timeline`.",
        )
    ]
    plans = reg.master_plans()
    out.append(
        table(
            ["Plan", "Name", "Period", "Thrusts"],
            ([link(p.id), cell(p.name), cell(p.period), cell(len(p.thrusts))] for p in plans),
            title="All master plans",
        )
    )
    out.extend(plan_section(reg, p, link) for p in plans)
    return "\n\n".join(out) + "\n"


def plan_section(reg: Registry, plan: MasterPlan, link: Links) -> str:
    succeeds = [r.object for r in reg.relations(subject=plan.id, predicate="succeeds")]
    succeeded_by = [r.subject for r in reg.relations(object=plan.id, predicate="succeeds")]
    parts = [
        f"(catalogue-plan-{plan.id})=\n## {esc(plan.acronym)}: {esc(plan.name)}",
        fields(
            [
                ("Id", code(plan.id)),
                ("Period", cell(plan.period)),
                (
                    "Adopted",
                    f"{cell(plan.adopted)} at {link(plan.meeting, reg.meeting(plan.meeting).name)}"
                    if plan.meeting
                    else cell(plan.adopted),
                ),
                ("Vision", cell(plan.vision)),
                ("Projects", cell(plan.projects)),
                ("Drafted by", cell(plan.drafted_by)),
                ("How it ended", cell(plan.completion)),
                ("Succeeds", link.many(succeeds)),
                ("Succeeded by", link.many(succeeded_by)),
                ("Aliases", cell("; ".join(plan.aliases))),
                ("Sources", sources_text(plan.sources)),
            ]
        ),
        table(
            ["No.", "Thrust", "Description"],
            ([cell(t.number), cell(t.title), cell(t.description)] for t in plan.thrusts),
            title=f"Strategic thrusts of {plan.acronym}",
            widths=(1, 4, 8),
        )
        if plan.thrusts
        else "No source read states its thrusts in English; the data leaves them empty.",
    ]
    if plan.desired_outcomes:
        parts.append(
            table(
                ["No.", "Desired outcome"],
                ([cell(o.number), cell(o.title)] for o in plan.desired_outcomes),
                title=f"Desired outcomes of {plan.acronym}",
                widths=(1, 12),
            )
        )
    if plan.errata:
        parts.append(f"Errata: see {ref('Errata', 'catalogue-errata')} ({len(plan.errata)}).")
    return "\n\n".join(parts)


def page_competitions(reg: Registry, link: Links) -> str:
    states = {s.id: s for s in reg.member_states()}

    def winner(w: Any) -> str:
        whom = (
            link(w.member_state, states[w.member_state].name) if w.member_state in states else link(w.partner)
        )
        what = ", ".join(cell(x) for x in (w.category, w.team, w.project) if x)
        return f"{cell(w.prize)}: {what} ({whom})" if what else f"{cell(w.prize)} ({whom})"

    out = [
        header(
            "catalogue-competitions",
            "Talent competitions",
            reg,
            "The regular competition-based events for digital talent, and the editions of them "
            "the public record dates, with their winners where the pages name them. Query them "
            "with {meth}`~asean_digital.Registry.events` and {meth}`~asean_digital.Registry.editions`.",
        ),
        table(
            ["Name", "First held", "Former names", "Per year", "Partners", "Aliases", "Id"],
            (
                [
                    cell(e.name),
                    cell(e.started),
                    "; ".join(esc(n.name) for n in e.names[:-1]) or EMPTY,
                    cell(e.per_year),
                    link.many(e.partners),
                    cell("; ".join(e.aliases)),
                    code(e.id),
                ]
                for e in reg.events()
            ),
            title="Competitions, oldest first",
        ),
        "## Editions",
        table(
            ["Edition", "Competition", "Dates", "Place", "Held alongside", "Winners the pages name"],
            (
                [
                    f"{cell(x.name)} ({code(x.id)})",
                    link(x.event),
                    _dates_text(x),
                    ", ".join(
                        p
                        for p in (
                            cell(x.city) if x.city else "",
                            states[x.host].name if x.host in states else "",
                        )
                        if p
                    )
                    + (" (online)" if x.virtual else "")
                    or EMPTY,
                    cell(x.meeting),
                    "; ".join(winner(w) for w in x.winners) or EMPTY,
                ]
                for x in reg.editions()
            ),
            title="Editions, oldest first",
            widths=(3, 2, 2, 2, 2, 5),
        ),
    ]
    return "\n\n".join(out) + "\n"


def page_member_states(reg: Registry, _: Links) -> str:
    return (
        header(
            "catalogue-member-states",
            "Member states",
            reg,
            "The ASEAN Member States by accession. Query them with "
            "{meth}`~asean_digital.Registry.member_states` (and its ``as_of``) and "
            "{meth}`~asean_digital.Registry.member_state`.",
        )
        + "\n"
        + table(
            ["Id", "Alpha-3", "Name", "Joined", "Founding", "Aliases"],
            (
                [
                    code(s.id),
                    cell(s.alpha3),
                    cell(s.name),
                    cell(s.joined),
                    cell(s.founding),
                    cell(", ".join(s.aliases)),
                ]
                for s in reg.member_states()
            ),
            title="Member states, by accession",
        )
        + "\n"
    )


def page_partners(reg: Registry, link: Links) -> str:
    consulting: dict[str, list[str]] = defaultdict(list)
    for body in reg.bodies():
        for partner in dict.fromkeys(p for m in body.meetings for p in m.consultation_partners):
            consulting[partner].append(body.id)
    return (
        header(
            "catalogue-partners",
            "Partners",
            reg,
            "The dialogue partners of the sector's ASEAN+1 consultations, with the bodies whose "
            "meetings hold them and the competitions held with them. Query them with "
            "{meth}`~asean_digital.Registry.partners`, and bodies by partner with "
            "``bodies(partner=...)``.",
        )
        + "\n"
        + table(
            ["Id", "Name", "Kind", "Aliases", "ASEAN+1 consultations with", "Competitions"],
            (
                [
                    code(p.id),
                    cell(p.name),
                    cell(p.kind.value.replace("_", " ")),
                    cell(", ".join(p.aliases)),
                    link.many(consulting.get(p.id, ())),
                    link.many(e.id for e in reg.events(partner=p.id)),
                ]
                for p in reg.partners()
            ),
            title="Partners",
        )
        + "\n"
    )


def page_relations(reg: Registry, link: Links) -> str:
    import asean_digital as ad  # noqa: PLC0415 - imported at build time

    out = [
        header(
            "catalogue-relations",
            "Relations",
            reg,
            "The stated relations between records, *subject* PREDICATE *object*, by predicate. "
            "The hierarchy's ``part_of`` relations between bodies are derived from each body's "
            "parent. Query them with {meth}`~asean_digital.Registry.relations`.",
        )
    ]
    relations = reg.relations()
    member_docs = enum_member_docs(ad.Predicate)
    counts = Counter(r.predicate for r in relations)
    for predicate in ad.Predicate:
        if not counts[predicate]:
            continue
        title = predicate.value
        out.append(f"## {esc(title)}\n\n{esc(member_docs.get(predicate.name, ''))}".rstrip())
        out.append(
            table(
                ["Subject", "Predicate", "Object", "Sources"],
                (
                    [link(r.subject), code(r.predicate.value), link(r.object), sources_text(r.sources)]
                    for r in relations
                    if r.predicate is predicate
                ),
                title=f"{counts[predicate]} relations {title}",
            )
        )
    return "\n\n".join(out) + "\n"


def enum_member_docs(cls: type) -> dict[str, str]:
    """The docstrings written under an enum's members in its source, by member name."""
    from sphinx.pycode import ModuleAnalyzer  # noqa: PLC0415

    docs = ModuleAnalyzer.for_module(cls.__module__).find_attr_docs()
    return {
        name: " ".join(lines).strip() for (owner, name), lines in docs.items() if owner == cls.__qualname__
    }


def _all_records(reg: Registry) -> list[Any]:
    records = [r for c in COLLECTIONS if c.keyed and c.within is None for r in reg.records(c.name)]
    return [*records, *reg.relations()]


def page_errata(reg: Registry, link: Links) -> str:
    return (
        header(
            "catalogue-errata",
            "Errata",
            reg,
            "Where the sources contradict themselves or have a typo, the data keeps one value "
            "in the record and states the other here: nothing is silently picked. Query them "
            "with {meth}`~asean_digital.Registry.errata`.",
        )
        + "\n"
        + table(
            ["Record", "Field", "Stated", "Kept", "Note", "Sources"],
            (
                [
                    link(str(r.id)),
                    code(e.field),
                    cell(e.stated),
                    cell(e.kept),
                    cell(e.note),
                    sources_text(e.sources),
                ]
                for r, e in reg.errata()
            ),
            title="Errata, by record",
        )
        + "\n"
    )


def page_sources(reg: Registry, _: Links) -> str:
    cited: dict[str, Counter[str]] = defaultdict(Counter)
    for record in _all_records(reg):
        for source in record.sources:
            cited[source.document][source.section] += 1
    out = [
        header(
            "catalogue-sources",
            "Sources",
            reg,
            "The documents every record's facts come from, and how many records cite each of "
            "their sections. Every record has at least one source, and each source names the "
            "fields it states; a value worked out from what a source states, rather than stated "
            "by it, says so (see Concepts). Query them with "
            "{meth}`~asean_digital.Registry.sources` and {meth}`~asean_digital.Registry.source`.",
        )
    ]
    for doc in reg.sources():
        out.append(f"## {esc(doc.title)}\n\n{esc(doc.description)}")
        about = [("Id", code(doc.id))]
        if doc.url:
            about.append(("Address", f"<{doc.url}>"))
        if doc.publisher:
            about.append(("Publisher", cell(doc.publisher)))
        if doc.published:
            about.append(("Published", cell(str(doc.published))))
        if doc.location:
            about.append(("Location", cell(doc.location)))
        out.append(fields(about))
        sections = sorted(cited[doc.id].items())
        if sections:
            out.append(
                table(
                    ["Section", "Records citing it"],
                    ([cell(s), cell(n)] for s, n in sections),
                    title=f"Sections of {doc.id} cited",
                    widths=(4, 1),
                )
            )
    return "\n\n".join(out) + "\n"


def page_sector(reg: Registry, link: Links) -> str:
    sector = reg.sector
    out = [
        header(
            "catalogue-sector",
            "The sector, its policy areas, dialogues and initiatives",
            reg,
            "The ASEAN Digital sector itself ({attr}`~asean_digital.Registry.sector`) and the "
            "smaller collections: policy areas, consultative dialogues and initiatives.",
        ),
        table(
            ["Name", "Acronym", "From", "Until"],
            ([cell(n.name), cell(n.acronym), cell(n.valid.start), cell(n.valid.end)] for n in sector.names),
            title="Naming history of the sector",
        ),
    ]
    lists = [
        ("Scope", sector.scope),
        ("Expanded mandate", sector.expanded_mandate),
        ("Roles", sector.roles),
        ("Aims", sector.aims),
        ("Dialogue participants", sector.dialogue_participants),
        ("Dialogue objectives", sector.dialogue_objectives),
        ("Framework aims", sector.framework_aims),
        ("Talent competitions are for", sector.talent_audience),
    ]
    out.extend(f"**{esc(title)}**\n\n{bullet_list(esc(i) for i in items)}" for title, items in lists if items)
    out.append("## Policy areas")
    out.append(
        table(
            ["Policy area", "Aliases", "Id"],
            ([cell(a.name), cell(", ".join(a.aliases)), code(a.id)] for a in reg.policy_areas()),
            title="Policy areas",
        )
    )
    out.append("## Consultative dialogues")
    out.append(
        table(
            ["Dialogue", "Per year", "Partners", "Convener", "Topic", "Id"],
            (
                [
                    cell(d.name),
                    cell(d.per_year),
                    link.many(d.partners),
                    link(d.convener),
                    cell(d.topic),
                    code(d.id),
                ]
                for d in reg.dialogues()
            ),
            title="Dialogues",
        )
    )
    out.append("## Initiatives")
    out.append(
        table(
            ["Initiative", "Acronym", "Emerging issue", "Description", "Id"],
            (
                [cell(i.name), cell(i.acronym), cell(i.emerging_issue), cell(i.description), code(i.id)]
                for i in reg.initiatives()
            ),
            title="Initiatives",
        )
    )
    return "\n\n".join(out) + "\n"


def page_organisation_chart(reg: Registry, _: Links) -> str:
    chart = diagrams.organisation_chart(reg, body_url="bodies.html#catalogue-body-")
    return (
        header(
            "catalogue-organisation-chart",
            "Organisation chart",
            reg,
            "The bodies drawn from the data: each sits to the right of the body it reports to, "
            "in the colour of its kind. Each box names the body's former names, its establishment "
            "and its ASEAN+1 consultation partners; click one for its entry in {doc}`bodies`. On "
            "a narrow screen the chart scrolls sideways. The table under it says how the bodies "
            "meet and relate across the hierarchy.",
        )
        + "\n"
        + figure(chart, caption="The sectoral bodies and how they report")
        + "\n\n"
        + figure(diagrams.organisation_legend(reg), caption="Legend")
        + "\n\n## How the bodies meet and relate\n\n"
        + table(
            ["Body", "How", "With"],
            ([cell(a), cell(how), cell(b)] for a, how, b in diagrams.organisation_links(reg)),
            title="Joint and back-to-back meetings, and the relations the sources state",
            widths=(2, 3, 2),
        )
        + "\n"
    )


def page_timeline(reg: Registry, _: Links) -> str:
    return (
        header(
            "catalogue-timeline",
            "Timeline",
            reg,
            "Establishments, renamings, master plans, ministerial declarations, accessions "
            "and the first talent competitions, drawn from the data. Years with nothing in "
            "them are left out.",
        )
        + "\n"
        + figure(diagrams.timeline(reg), caption="Timeline of the sector")
        + "\n\n## Master-plan periods\n\n"
        + figure(diagrams.plan_periods(reg), caption="Implementation periods of the master plans")
        + "\n"
    )


#: Each page: file stem, link text, what the index says of it, and its builder.
def page_processes(reg: Registry, link: Links) -> str:
    """Each process (DEFA, the Regional CERT's path, a year of cooperation) with its dated milestones."""
    out = [
        header(
            "catalogue-processes",
            "Processes",
            reg,
            "Negotiations, programmes and years of cooperation, each with its milestones, oldest first; "
            "a planned step is marked so. Query them with {meth}`~asean_digital.Registry.processes` and "
            "{meth}`~asean_digital.Registry.process`; the milestones are in the {doc}`timeline`.",
        )
    ]
    for p in reg.processes():
        title = f"{p.acronym}: {p.name}" if p.acronym else p.name
        out.append(f"(catalogue-process-{p.id})=\n## {esc(title)}")
        out.append(esc(p.description or ""))
        out.append(
            fields(
                [
                    ("Id", code(p.id)),
                    ("Kind", cell(p.kind.value.replace("_", " "))),
                    ("Led by", cell(p.led_by)),
                    ("Partner", link(p.partner)),
                    ("Body it set up", link(p.body)),
                    ("Aliases", cell("; ".join(p.aliases))),
                    ("Sources", sources_text(p.sources)),
                ]
            )
        )
        out.append(
            table(
                ["Date", "What", "Status", "Where", "Meeting"],
                (
                    [
                        cell(m.date),
                        cell(m.what),
                        cell(m.status.value),
                        cell(", ".join(x for x in (m.forum, m.city, m.host) if x)),
                        link(m.meeting),
                    ]
                    for m in p.milestones
                ),
                title=f"Milestones of {p.acronym or p.name}",
                widths=(2, 5, 2, 5, 2),
            )
        )
        if p.errata:
            out.append(f"Errata: see {ref('Errata', 'catalogue-errata')} ({len(p.errata)}).")
    return "\n\n".join(out) + "\n"


PAGES: list[tuple[str, str, str, Callable[[Any, Links], str]]] = [
    ("bodies", "Bodies", "sectoral bodies and committees", page_bodies),
    ("organisation-chart", "Organisation chart", "the bodies as a picture", page_organisation_chart),
    ("timeline", "Timeline", "the sector's history as a picture", page_timeline),
    ("documents", "Documents", "key documents by listing", page_documents),
    (
        "declarations",
        "Ministerial declarations",
        "declarations with meeting, city and host",
        page_declarations,
    ),
    (
        "meetings",
        "Meetings",
        "every meeting of every body and +1 session, with who took part and outcomes",
        page_meetings,
    ),
    ("series", "Meeting series", "each series of meetings, with a page of its own", page_series),
    ("master-plans", "Master plans", "master plans: vision, thrusts, outcomes, projects", page_master_plans),
    (
        "processes",
        "Processes",
        "negotiations, programmes and years of cooperation, with milestones",
        page_processes,
    ),
    ("competitions", "Talent competitions", "competition-based events", page_competitions),
    ("member-states", "Member states", "ASEAN Member States", page_member_states),
    ("partners", "Partners", "dialogue partners", page_partners),
    ("relations", "Relations", "stated relations between records", page_relations),
    ("sector", "Sector", "the sector, policy areas, dialogues, initiatives", page_sector),
    ("errata", "Errata", "contradictions and typos in the sources", page_errata),
    ("sources", "Sources", "the source documents", page_sources),
]


#: The page that shows each collection of the table; any other collection gets a generic page.
COVERED: dict[str, str] = {
    "sources": "sources",
    "sectors": "sector",
    "bodies": "bodies",
    "documents": "documents",
    "declarations": "declarations",
    "master_plans": "master-plans",
    "meetings": "meetings",
    "series": "series",
    "events": "competitions",
    "editions": "competitions",
    "partners": "partners",
    "member_states": "member-states",
    "policy_areas": "sector",
    "dialogues": "sector",
    "initiatives": "sector",
    "relations": "relations",
    "processes": "processes",
}


def stem_of(c: Collection) -> str:
    """The file stem of the page of the collection *c*."""
    return COVERED.get(c.name) or c.name.replace("_", "-")


def page_collection(reg: Registry, link: Links, c: Collection) -> str:
    """A generic page for a collection: one row per record, its table columns and sources."""
    title = c.name.replace("_", " ").capitalize()
    intro = f"Every record of the collection `{c.name}`: {esc(c.summary)}." if c.summary else ""
    columns = [name for name in c.columns if name != "id"]
    rows = [
        [code(r.id), *(cell(getattr(r, name, None)) for name in columns), sources_text(r.sources)]
        for r in reg.stored(c.name)
    ]
    return (
        header(f"catalogue-{stem_of(c)}", title, reg, intro)
        + "\n"
        + table(["Id", *(n.replace("_", " ").capitalize() for n in columns), "Sources"], rows, title=title)
        + "\n"
    )


def all_pages() -> list[tuple[str, str, str, Callable[[Any, Links], str]]]:
    """The designed pages, then a generic page for each collection no designed page shows."""
    generic = [
        (stem_of(c), c.name.replace("_", " ").capitalize(), c.summary, _generic(c))
        for c in COLLECTIONS
        if c.name not in COVERED
    ]
    return [*PAGES, *generic]


def _generic(c: Collection) -> Callable[[Any, Links], str]:
    def build(reg: Registry, link: Links) -> str:
        return page_collection(reg, link, c)

    return build


def page_index(reg: Registry) -> str:
    counts = {
        **{stem_of(c): len(reg.stored(c.name)) for c in COLLECTIONS if c.name not in COVERED},
        "bodies": len(reg.bodies()),
        "documents": len(reg.documents()),
        "declarations": len(reg.declarations()),
        "master-plans": len(reg.master_plans()),
        "meetings": len(reg.meetings()),
        "series": len(reg.series()),
        "competitions": len(reg.events()),
        "member-states": len(reg.member_states()),
        "partners": len(reg.partners()),
        "relations": len(reg.relations()),
        "errata": len(reg.errata()),
        "sources": len(reg.sources()),
        "sector": len(reg.policy_areas()) + len(reg.dialogues()) + len(reg.initiatives()) + 1,
    }
    intro = (
        "Everything the package ships, page by page. These pages are generated from the "
        "packaged data each time the documentation is built, so they always show the data "
        "of this release."
    )
    pages = all_pages()
    rows = [
        [ref(text, f"catalogue-{stem}"), cell(what), cell(counts.get(stem))] for stem, text, what, _ in pages
    ]
    toctree = "\n".join(["```{toctree}", ":hidden:", "", *(stem for stem, *_ in pages), "```"])
    return (
        header("catalogue", "Data catalogue", reg, intro)
        + "\n"
        + table(["Page", "What", "Records"], rows, title="The catalogue")
        + "\n\n"
        + toctree
        + "\n"
    )


def render(registry: Registry) -> dict[str, str]:
    """Every catalogue page, by file name."""
    links = Links(registry)
    pages = {"index.md": page_index(registry)}
    pages.update({f"{stem}.md": build(registry, links) for stem, _, _, build in all_pages()})
    pages.update({f"series/{x.id}.md": page_one_series(registry, links, x) for x in registry.series()})
    return pages


def write_pages(folder: Path, pages: dict[str, str]) -> None:
    """Write *pages* into *folder*, touching only changed files and removing stale ones."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)  # a series' page is in series/
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in folder.glob("**/*.md"):
        if path.relative_to(folder).as_posix() not in pages:
            path.unlink()


def generate(app: Sphinx) -> None:
    import asean_digital as ad  # noqa: PLC0415 - imported at build time

    write_pages(Path(app.srcdir) / OUT_DIR, render(ad.registry))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
