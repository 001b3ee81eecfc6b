"""
Rich display: HTML for records and query results in Jupyter, short reprs at the prompt.

Everything here works from a record's own fields (and, for a card, the
relations the caller passes in): no registry is consulted, so a record shows
what it holds, and a query's :class:`~asean_digital.Results` adds what its own
registry knows of it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

__all__ = ["label", "plain", "record_html", "records_html", "short_repr"]

_LABEL_FIELDS = ("acronym", "name", "title")


def _escape(text: str) -> str:
    # html (and its table of entities) is imported only when something is shown.
    from html import escape  # noqa: PLC0415

    return escape(text)


_NESTED = frozenset({"names", "meetings", "thrusts", "sources", "errata"})
_MAX_ROWS = 60


def plain(value: Any) -> Any:
    """
    *value* as plain data for display: dates as text, enums as values, records as dicts.

    >>> from asean_digital import Name, PartialDate, Period
    >>> plain(Name(name="X", acronym=None, valid=Period(PartialDate(2001), None)))
    {'name': 'X', 'acronym': None, 'valid': '2001/..'}
    """
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if attrs.has(type(value)) and not hasattr(value, "earliest") and not hasattr(value, "contains"):
        return {a.name: plain(getattr(value, a.name)) for a in attrs.fields(type(value))}
    return str(value)  # partial dates and periods as their ISO text


def label(record: Any) -> str:
    """A record's short label: its acronym, else its name or title, else its id."""
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
    return _escape(str(value))


def records_html(rows: Sequence[Mapping[str, Any]], kind: str, total: int) -> str:
    """
    An HTML table of records, one row each, the main fields as columns.

    Args:
        rows: The records as plain dicts (at most the first 60 are shown).
        kind: The records' class name, for the caption.
        total: How many records there are in all.
    """
    if not rows:
        return "<p><em>No records.</em></p>"
    rows = rows[:_MAX_ROWS]
    skip = {*_NESTED, "description", "entity"}
    columns = [k for k in rows[0] if k not in skip] or list(rows[0])
    head = "".join(f"<th>{_escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>" for row in rows
    )
    more = f"<p>… and {total - _MAX_ROWS} more</p>" if total > _MAX_ROWS else ""
    caption = f"<caption>{total} × {_escape(kind)}</caption>"
    table = f"{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
    return f'<table class="asean-digital">{table}</table>{more}'


def _section(title: str, rows: Iterable[str]) -> str:
    items = "".join(f"<li>{row}</li>" for row in rows)
    return f"<h4>{_escape(title)}</h4><ul>{items}</ul>" if items else ""


def _source_item(number: int, source: Any, documents: Mapping[str, Any] | None) -> str:
    text = f"[{number}] {_escape(source.document)}: {_escape(source.section)}"
    document = (documents or {}).get(source.document)
    if document is not None:
        text += f" — {_escape(document.title)}"
        url = getattr(document, "url", None)
        if url and url.startswith(("https://", "http://")):
            text += f' (<a href="{_escape(url)}">{_escape(url)}</a>)'
    fields = getattr(source, "fields", ())
    if fields:
        text += f"; states {_escape(', '.join(fields))}"
    if getattr(source, "derived", None):
        text += f"; <em>derived, not stated: {_escape(source.derived)}</em>"
    return text


def record_html(
    record: Any, relations: Iterable[Any] = (), documents: Mapping[str, Any] | None = None
) -> str:
    """
    An HTML card for one record: its fields, each with the sources that state it, and its sources.

    Args:
        record: The record.
        relations: The relations to list on the card (a registry's relations
            of the record); none for a record shown on its own.
        documents: The source documents by id, to name each source's title
            and address; without them a source shows its id.
    """
    data = plain(record)
    kind, rid = _escape(type(record).__name__), _escape(str(record.id))
    title = f"{kind} <code>{rid}</code>: {_escape(label(record))}"
    sources = list(getattr(record, "sources", ()))
    number = {id(s): i for i, s in enumerate(sources, 1)}

    def marks(field: str) -> str:
        if not hasattr(record, "sources_for"):
            return ""
        found = record.sources_for(field)
        return "<sup>" + ",".join(f"[{number[id(s)]}]" for s in found) + "</sup>" if found else ""

    fields = "".join(
        f"<tr><th>{_escape(k)}</th><td>{_cell(v)}{marks(k)}</td></tr>"
        for k, v in data.items()
        if k not in _NESTED and k != "id" and v not in (None, [], "")
    )
    parts = [f'<div class="asean-digital-card"><h3>{title}</h3><table>{fields}</table>']
    names = getattr(record, "names", ())
    parts.append(_section("Naming history", (_escape(f"{n} — {n.valid}") for n in names)))
    parts.append(_section("Meetings", (_escape(m.description) for m in getattr(record, "meetings", ()))))
    parts.append(
        _section(
            "Strategic thrusts",
            (_escape(f"({t.number}) {t.title}") for t in getattr(record, "thrusts", ())),
        )
    )
    parts.append(_section("Relations", (_escape(r.id) for r in relations)))
    parts.append(
        _section(
            "Errata",
            (
                _escape(f"{e.field or 'the record as a whole'}: {e.note}")
                for e in getattr(record, "errata", ())
            ),
        )
    )
    parts.append(_section("Sources", (_source_item(i, s, documents) for i, s in enumerate(sources, 1))))
    parts.append("</div>")
    return "".join(parts)
