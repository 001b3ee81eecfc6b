"""
Citations: the sources behind a record (or one of its fields) as text, BibTeX or CSL-JSON.

For a reference manager (Zotero reads CSL-JSON and BibTeX) or a LaTeX paper.
Each source document is one entry, keyed by its id (stable across releases);
the entry's note says what it is cited for: the record, the fields and the
section of the document. The access date is the date the address was last
checked against the public record (:attr:`SourceDocument.accessed
<asean_digital.SourceDocument.accessed>`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal

__all__ = ["CITATION_FORMATS", "CitationFormat", "cite_sources"]

CitationFormat = Literal["text", "bibtex", "csl-json"]
"""The formats :func:`cite_sources` writes."""

CITATION_FORMATS: Final[tuple[str, ...]] = ("text", "bibtex", "csl-json")

# BibTeX's special characters, each as LaTeX writes it in text.
_BIBTEX_ESCAPES: Final = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIBTEX_SPECIAL: Final = re.compile("[" + re.escape("".join(_BIBTEX_ESCAPES)) + "]")


def _bibtex_text(text: str) -> str:
    """*text* with BibTeX's special characters escaped, on one line."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES[m.group()], " ".join(text.split()))


def _bibtex_url(url: str) -> str:
    """An address as a BibTeX ``url`` field holds it: read verbatim but for ``%`` and ``#``, and braces."""
    return url.replace("%", r"\%").replace("#", r"\#").replace("{", "%7B").replace("}", "%7D")


def _date_parts(date: Any) -> dict[str, Any]:
    """A partial date as CSL-JSON's ``date-parts``: year, and month and day where known."""
    parts = [date.year, *(p for p in (date.month, date.day) if p is not None)]
    return {"date-parts": [parts]}


class _Entry:
    """One source document as cited for some fields of one record."""

    def __init__(self, document: Any, record: str) -> None:
        self.document = document
        self.record = record
        self.fields: dict[str, None] = {}  # in order, each once (cited thousands of times)
        self.sections: dict[str, None] = {}

    @property
    def note(self) -> str:
        fields = ", ".join(self.fields) if self.fields else "the record"
        sections = "; ".join(self.sections)
        return f"Cited for {self.record} ({fields}); section: {sections}"

    def text(self, number: int) -> str:
        d = self.document
        parts = [p for p in (d.publisher, f"\u201c{d.title}\u201d", d.published and str(d.published)) if p]
        where = d.url or d.location
        line = f"[{number}] " + ". ".join(parts) + "."
        if where:
            line += f" {where}"
        if where and d.accessed is not None:
            line += f" (accessed {d.accessed})"
        return f"{line}. {self.note}."

    def bibtex(self) -> str:
        d = self.document
        fields = [("title", _bibtex_text(d.title))]
        if d.publisher:
            fields.append(("organization", _bibtex_text(d.publisher)))
        if d.published is not None:
            fields.append(("date", str(d.published)))
        if d.url:
            fields.append(("url", _bibtex_url(d.url)))
            if d.accessed is not None:
                fields.append(("urldate", str(d.accessed)))
        elif d.location:
            fields.append(("howpublished", _bibtex_text(d.location)))
        fields.append(("note", _bibtex_text(self.note)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@{'online' if d.url else 'misc'}{{{d.id},\n{body}\n}}"

    def csl(self) -> dict[str, Any]:
        d = self.document
        # "manuscript" rather than CSL 1.0.2's "document" for what has no address: CSL 1.0.1 has it too
        item: dict[str, Any] = {"id": d.id, "type": "webpage" if d.url else "manuscript", "title": d.title}
        if d.publisher:
            item["publisher"] = d.publisher
        if d.published is not None:
            item["issued"] = _date_parts(d.published)
        if d.url:
            item["URL"] = d.url
            if d.accessed is not None:
                item["accessed"] = _date_parts(d.accessed)
        elif d.location:
            item["archive_location"] = d.location
        item["note"] = self.note
        return item


def cite_sources(
    record: Any,
    sources: Sequence[Any],
    document_of: Callable[[Any], Any],
    format: CitationFormat = "text",
    *,
    field: str | None = None,
) -> str:
    """
    The source documents of *sources* (citations of *record*) in *format*, one entry each.

    A document cited several times is one entry, whose note lists every
    field (or only *field*, where the citation is for one) and section it is
    cited for. ``document_of(source)`` gives a citation's
    :class:`~asean_digital.SourceDocument`.
    """
    if format not in CITATION_FORMATS:
        msg = f"format must be one of {', '.join(CITATION_FORMATS)}, got {format!r}"
        raise ValueError(msg)
    name = f"{type(record).__name__} {getattr(record, 'id', '')}".strip()
    entries: dict[str, _Entry] = {}
    for source in sources:
        entry = entries.get(source.document)
        if entry is None:
            entry = entries[source.document] = _Entry(document_of(source), name)
        entry.fields.update(dict.fromkeys([field] if field is not None else source.fields))
        entry.sections[source.section] = None
    if format == "bibtex":
        return "\n\n".join(e.bibtex() for e in entries.values()) + ("\n" if entries else "")
    if format == "csl-json":
        return json.dumps([e.csl() for e in entries.values()], ensure_ascii=False, indent=2)
    return "\n".join(e.text(i) for i, e in enumerate(entries.values(), 1))
