"""Rich display: HTML for records and query results in Jupyter, short reprs at the prompt."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["record_html", "records_html", "short_repr"]

_LABEL_FIELDS = ("acronym", "name", "title")
_MAX_ROWS = 60


def _label(record: Any) -> str:
    for field in _LABEL_FIELDS:
        value = getattr(record, field, None)
        if value:
            return str(value)
    return str(getattr(record, "id", ""))


def short_repr(record: Any) -> str:
    """
    ``Body(id='adgmin', name='ASEAN Digital Ministers Meeting')``: the id and the name.

    >>> import asean_digital as ad
    >>> ad.registry.body("ATRC")
    Body(id='atrc', name='ASEAN Telecommunications Regulators’ Council')
    """
    name = getattr(record, "title", None) or getattr(record, "name", None)
    cls = type(record).__name__
    if name is None:
        return f"{cls}(id={record.id!r})"
    field = "title" if hasattr(record, "title") else "name"
    return f"{cls}(id={record.id!r}, {field}={name!r})"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items() if v not in (None, [], ""))
    return html.escape(str(value))


def records_html(items: Sequence[Any]) -> str:
    """An HTML table of records: one row each, the main fields as columns."""
    from ._interop import to_records  # noqa: PLC0415

    if not items:
        return "<p><em>No records.</em></p>"
    rows = to_records(items[:_MAX_ROWS])
    skip = {"sources", "errata", "names", "meetings", "thrusts", "description", "entity"}
    columns = [k for k in rows[0] if k not in skip] or list(rows[0])
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>" for row in rows
    )
    more = f"<p>… and {len(items) - _MAX_ROWS} more</p>" if len(items) > _MAX_ROWS else ""
    kind = type(items[0]).__name__
    caption = f"<caption>{len(items)} × {html.escape(kind)}</caption>"
    table = f"{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
    return f'<table class="asean-digital">{table}</table>{more}'


def _section(title: str, rows: Iterable[str]) -> str:
    items = "".join(f"<li>{row}</li>" for row in rows)
    return f"<h4>{html.escape(title)}</h4><ul>{items}</ul>" if items else ""


def record_html(record: Any) -> str:
    """An HTML card for one record: its fields, naming history, meetings, relations and sources."""
    from . import _converter_instance, _state  # noqa: PLC0415

    data = _converter_instance().unstructure(record)
    kind, rid = html.escape(type(record).__name__), html.escape(str(record.id))
    title = f"{kind} <code>{rid}</code>: {html.escape(_label(record))}"
    nested = {"names", "meetings", "thrusts", "sources", "errata"}
    fields = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{_cell(v)}</td></tr>"
        for k, v in data.items()
        if k not in nested and v not in (None, [], "")
    )
    parts = [f'<div class="asean-digital-card"><h3>{title}</h3><table>{fields}</table>']
    names = getattr(record, "names", ())
    parts.append(_section("Naming history", (html.escape(f"{n} — {n.valid}") for n in names)))
    parts.append(_section("Meetings", (html.escape(m.description) for m in getattr(record, "meetings", ()))))
    parts.append(
        _section(
            "Strategic thrusts",
            (html.escape(f"({t.number}) {t.title}") for t in getattr(record, "thrusts", ())),
        )
    )
    registry = _state.get(
        "registry"
    )  # relations only from a registry already loaded, never loaded for display
    if registry is not None and registry.get(record.id) == record:
        relations = [*registry.relations(subject=record.id), *registry.relations(object=record.id)]
        parts.append(_section("Relations", (html.escape(r.id) for r in relations)))
    parts.append(
        _section("Errata", (html.escape(f"{e.field}: {e.note}") for e in getattr(record, "errata", ())))
    )
    parts.append(_section("Sources", (html.escape(f"{s.document}: {s.section}") for s in record.sources)))
    parts.append("</div>")
    return "".join(parts)
