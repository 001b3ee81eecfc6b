"""
What the command line writes: tables fitted to the terminal, cards, CSV and JSON, every cell escaped.

Tables show a collection's columns (from its row of the table of collections),
measured in terminal cells and narrowed to the terminal's width; control,
bidirectional and invisible characters are escaped in every cell; CSV cells
that a spreadsheet would run as a formula are neutralised unless raw.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from asean_digital.formats.cells import brief_text, part_text, row_of, text_cell
from asean_digital.formats.convert import converter
from asean_digital.formats.rows import MATCH_COLUMNS, match_row, to_records
from asean_digital.formats.tables import columns_of
from asean_digital.model.dates import Period

if TYPE_CHECKING:
    from asean_digital.model.collections import Collection
    from asean_digital.query.registry import Registry


class _UsageError(ValueError):
    """An option the sub-command does not take (``graph --format json``): exit status 2."""


_COMPUTED: Final[dict[str, Callable[[Any], str]]] = {
    # A former acronym where it differs from today's (TELMIN), else the former name (ATRC's Committee).
    "former names": lambda r: ", ".join(
        n.acronym if n.acronym and n.acronym != r.names[-1].acronym else n.name for n in r.former_names
    ),
    "meeting": lambda r: r.meeting_name,
    "year": lambda r: "" if r.published is None else str(r.published.year),
}


_MATCH_COLUMNS: Final[list[tuple[str, Callable[[Any], str]]]] = [
    ("score", lambda m: f"{m.score:.2f}"),
    ("kind", lambda m: type(m.entity).__name__),
    ("id", lambda m: m.entity.id),
    ("field", lambda m: m.field),
    ("matched", lambda m: m.snippet),
]


def _field(name: str) -> Callable[[Any], str]:
    """A column showing the field *name* of each record."""
    return lambda record: brief_text(getattr(record, name))


def _columns(c: Collection) -> list[tuple[str, Callable[[Any], str]]]:
    """The columns of a table of *c*'s records, from its row of the table of collections."""
    return [(name, _COMPUTED.get(name) or _field(name)) for name in c.columns]


_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _safe(text: str) -> str:
    """
    One line of *text* for a terminal, as wide as it looks.

    Control characters (ESC, tab, newline, bidi overrides) are shown as
    escapes, not obeyed, and so is any character stdout's encoding cannot carry.
    """
    text = _escape_controls(text)
    encoding = _stdout_encoding()
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.replace("\u2014", "-").encode(encoding, errors="backslashreplace").decode(encoding)
    return text


def for_terminal(text: str, stream: Any) -> str:
    """
    *text* as it may reach *stream*: on a terminal its control characters shown as escapes, line by line.

    The one gate every byte the command line writes to a terminal goes through (tables, cards,
    JSON, CSV, messages, argparse's own words); a pipe or a file gets the text itself.
    """
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return text
    return "\n".join(_escape_controls(line) for line in text.split("\n"))


def say(message: str) -> None:
    """A message to stderr (an error, a note), its control characters shown as escapes on a terminal."""
    print(for_terminal(message, sys.stderr), file=sys.stderr)


def _escape_controls(value: Any) -> Any:
    """*value* with control characters (ESC, BEL, bidi overrides) as escapes, where it is text."""
    if not isinstance(value, str):
        return value
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


_ZERO_WIDTH: Final = frozenset({"Mn", "Me", "Cf"})


def _char_width(c: str) -> int:
    if unicodedata.category(c) in _ZERO_WIDTH:
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def _width(text: str) -> int:
    """The columns *text* takes on a terminal: wide (CJK) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _cut(text: str, width: int) -> str:
    """The longest start of *text* that takes at most *width* columns (one pass, whatever its length)."""
    if text.isascii():
        return text[:width]
    used = 0
    for i, c in enumerate(text):
        used += _char_width(c)
        if used > width:
            return text[:i]
    return text


def _stdout_encoding() -> str:
    """The encoding of stdout, where it names one Python knows; else UTF-8."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        "".encode(encoding)
    except LookupError:
        return "utf-8"
    return encoding


def _ellipsis() -> str:
    """The mark of a shortened cell: an ellipsis, or ``~`` where stdout cannot carry one (one column wide)."""
    try:
        "\u2026".encode(_stdout_encoding())
    except UnicodeEncodeError:
        return "~"
    return "\u2026"


_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


def _neutral(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula: text starting with = + - @ tab or CR gets a '."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA) else value


_KEYS: Final = frozenset({"id", "subject", "predicate", "object"})
"""Columns always shown whole: what a table shows of a key can be pasted into ``show``."""


_WHOLE: Final = _KEYS | {"kind", "dates", "established", "published", "period", "joined", "year"}
"""Columns never cut short (keys, kinds and dates), though they may be left out of a narrow table."""


_ANSWERS: Final = frozenset(
    {
        "name",
        "title",
        "matched",
        "dates",
        "established",
        "published",
        "period",
        "joined",
        "adopted",
        "started",
    }
)
"""Columns that answer what a table is asked (what, and when): the last a narrow table leaves out."""


_NARROWEST: Final = 12


def _slug(name: str) -> str:
    """A column's name as ``--columns`` takes it: ``former names`` is ``former-names``."""
    return name.replace(" ", "-").replace("_", "-")


def _table(
    rows: Sequence[Any],
    columns: list[tuple[str, Callable[[Any], str]]],
    *,
    choose: str = "choose with --columns",
) -> str:
    """
    *rows* as a table that fits the terminal's width (``COLUMNS``).

    Keys are always shown whole and dates never cut; other columns are
    shortened (marked with an ellipsis) down to a few characters, then
    columns other than keys are left out from the right, those that answer
    the question (names, titles, dates, what a search matched) last, with a
    note on stderr naming them and how to see them (*choose*: ``--columns``,
    for a command that has it).
    """
    headers = [name for name, _ in columns]
    cells = [[_safe(get(r)) for _, get in columns] for r in rows]
    widths = [max(_width(h), *(_width(c[i]) for c in cells)) for i, h in enumerate(headers)]
    room = shutil.get_terminal_size((120, 24)).columns
    shown = list(range(len(headers)))

    def total() -> int:
        return sum(widths[i] for i in shown) + 2 * (len(shown) - 1)

    def cuttable() -> list[int]:
        return [i for i in shown if headers[i] not in _WHOLE and widths[i] > max(_NARROWEST, len(headers[i]))]

    while total() > room:
        can = cuttable()
        if can:  # shorten the widest column that may be cut, down to the next widest at once
            widest = max(can, key=lambda i: widths[i])
            floor = max(_NARROWEST, len(headers[widest]))
            next_widest = max((widths[i] for i in can if i != widest), default=floor)
            step = min(total() - room, widths[widest] - max(floor, next_widest)) or 1
            widths[widest] -= step
            continue
        others = [i for i in shown if headers[i] not in _KEYS | _ANSWERS]
        answers = [i for i in shown if headers[i] in _ANSWERS - _KEYS]
        if not others and not answers:  # the keys alone are wider than the terminal: shown whole all the same
            say(f"(wider than the terminal's {room} columns: ids are never cut)")
            break
        shown.remove((others or answers)[-1])  # the right-most of those that answer least
    dropped = [headers[i] for i in range(len(headers)) if i not in shown]
    if dropped:
        say(f"(not shown, for the terminal's width: {', '.join(dropped)}; {choose})")

    mark = _ellipsis()

    def fit(text: str, width: int) -> str:
        """*text* cut to *width* columns (marked), then padded to them."""
        if _width(text) > width:
            text = _cut(text, width - 1) + mark
        return text + " " * (width - _width(text))

    lines = ["  ".join(headers[i].ljust(widths[i]) for i in shown).rstrip()]
    lines.append("  ".join("-" * widths[i] for i in shown))
    lines.extend("  ".join(fit(row[i], widths[i]) for i in shown).rstrip() for row in cells)
    return "\n".join(lines)


def _chosen_columns(
    requested: str | None, default: list[tuple[str, Callable[[Any], str]]], cls: type | None
) -> list[tuple[str, Callable[[Any], str]]]:
    """
    The table columns ``--columns`` names, in the order given.

    Any default column, any field of *cls*, or any column of its CSV (``chair_person``).
    """
    if requested is None:
        return default
    known = {_slug(name): (name, get) for name, get in default}
    if cls is not None:
        for a in attrs.fields(cls):
            known.setdefault(_slug(a.name), (a.name, _field(a.name)))
        for column in columns_of(cls):
            known.setdefault(_slug(column.name), (column.name, _cell(column.name, cls)))
    return [known[slug] for slug in _requested(requested, list(known))]


def _cell(name: str, cls: type) -> Callable[[Any], str]:
    """A column showing the CSV column *name* of each record of *cls*."""
    return lambda record: text_cell(row_of(record, cls)[name])


def _requested(requested: str, known: Sequence[str]) -> list[str]:
    """The names ``--columns`` gives, each as one of *known* (any case, ``-`` or ``_``), or a usage error."""
    slugs = {_slug(name): name for name in known}
    chosen = []
    for word in requested.split(","):
        slug = _slug(word.strip().lower())
        if slug not in slugs:
            msg = f"--columns: no column {word.strip()!r}; expected some of {', '.join(known)}"
            raise _UsageError(msg)
        if slugs[slug] in chosen:
            msg = f"--columns: {word.strip()!r} is named twice; name each column once"
            raise _UsageError(msg)
        chosen.append(slugs[slug])
    return chosen


def _grouped(requested: str, fields: Sequence[str]) -> str:
    """*requested* with a table's column that the CSV spreads over several (``chair``) as those columns."""
    words = []
    for word in requested.split(","):
        name = word.strip().lower().replace("-", "_")
        parts = [f for f in fields if f.startswith(f"{name}_")] if name not in fields else []
        words.extend(parts or [word])
    return ",".join(words)


def _csv(
    records: Sequence[Any], *, raw: bool = False, cls: type | None = None, requested: str | None = None
) -> str:
    """
    Records as CSV, with the columns of their table in a CSV export or those *requested*.

    Search matches have the columns score, kind, id, key, field and snippet.
    """
    if cls is not None:
        fields = [column.name for column in columns_of(cls)]
        rows = [{k: text_cell(v) for k, v in row_of(r, cls).items()} for r in records]
    else:  # search matches
        fields = [column.name for column in MATCH_COLUMNS]
        rows = [{k: text_cell(v) for k, v in match_row(m).items()} for m in records]
    if requested is not None:
        fields = _requested(_grouped(requested, fields), fields)
        rows = [{k: row[k] for k in fields} for row in rows]
    if not raw:
        rows = [{k: _neutral(v) for k, v in row.items()} for row in rows]
    if sys.stdout.isatty():  # CSV read on a terminal: its control characters shown, not obeyed
        rows = [{k: _escape_controls(v) for k, v in row.items()} for row in rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().rstrip("\n")


def _emit(
    records: Sequence[Any],
    columns: list[tuple[str, Callable[[Any], str]]],
    fmt: str,
    *,
    raw: bool = False,
    cls: type | None = None,
    requested: str | None = None,
) -> str | None:
    """
    *records* in the format *fmt*; ``None`` for a table of no records, whose note goes to stderr.

    A table has the *columns* given, or the ones ``--columns`` *requested*.
    """
    if fmt == "json":
        if requested is not None:
            msg = "--columns chooses the columns of a table or CSV; --format json gives whole records"
            raise _UsageError(msg)
        return json.dumps(to_records(records), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(records, raw=raw, cls=cls, requested=requested)
    chosen = _chosen_columns(requested, columns, cls)
    if not records:
        say("(no records)")  # a note for the reader, not output
        return None
    return _table(records, chosen)


def _card(record: Any, reg: Registry) -> str:
    """A record's fields, each marked with the numbers of the sources that state it, then the sources."""
    data = converter().unstructure(record)
    sources = list(getattr(record, "sources", ()))
    number = {id(s): i for i, s in enumerate(sources, 1)}

    def marks(path: str) -> str:
        found = record.sources_for(path) if hasattr(record, "sources_for") and sources else ()
        return f"  [{','.join(str(number[id(s)]) for s in found)}]" if found else ""

    lines = [f"{type(record).__name__} {record.id}"]
    for key, value in data.items():
        if key == "sources" or value in (None, [], ()):
            continue
        if key == "id":
            lines.append(f"  id: {value}")
        elif key == "errata":
            lines.append("  errata:")
            for e in record.errata:
                cited = ", ".join(s.document for s in e.sources)
                field = e.field or "(the record)"
                lines.append(f"    - {field}: kept {e.kept!r}; stated {e.stated!r} ({cited})")
                lines.append(f"      {e.note}")
        elif isinstance(value, list):
            lines.append(f"  {key}:")
            for i, v in enumerate(getattr(record, key)):
                lines.append(f"    - {part_text(v)}{marks(f'{key}[{i}]')}")
        elif isinstance(value, dict) and not isinstance(getattr(record, key), Period):
            lines.append(f"  {key}:{marks(key)}")  # a part of the record, such as a meeting's chair
            lines.extend(f"    {k}: {v}{marks(f'{key}.{k}')}" for k, v in value.items() if v is not None)
        else:
            shown = getattr(record, key) if isinstance(value, dict) else value  # a period as its text
            lines.append(f"  {key}: {shown}{marks(key)}")
    lines.extend(_connections(record, reg))
    if sources:
        lines.append("  sources:")
    for i, source in enumerate(sources, 1):
        lines.append(f"    [{i}] {source.document}: {source.section}")
        document = reg.source(source)
        where = ", ".join(x for x in (document.title, document.publisher, document.url) if x)
        lines.append(f"        {where}")
        if source.derived is not None:
            lines.append(f"        derived, not stated: {source.derived}")
    return "\n".join(_wrapped([_safe(line) for line in lines]))


def _wrapped(lines: list[str]) -> list[str]:
    """*lines* wrapped to the terminal's width, each continuation indented under its text, words whole."""
    width = max(40, shutil.get_terminal_size((100, 24)).columns - 1)
    out = []
    for line in lines:
        text = line.lstrip(" ")
        indent = " " * (len(line) - len(text))
        hang = indent + ("  " if text.startswith("- ") else "    " if text.startswith("[") else "  ")
        wrap = textwrap.TextWrapper(
            width,
            initial_indent=indent,
            subsequent_indent=hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
        out.extend(wrap.wrap(text) or [line])
    return out


def _connections(record: Any, reg: Registry) -> list[str]:
    """What the card of *record* shows beyond its fields: sub-bodies, meetings, relations."""
    lines: list[str] = []
    rid = str(getattr(record, "id", ""))
    if type(record).__name__ == "Body":
        children = [b.id for b in reg.children(rid)]
        if children:
            lines.append(f"  children: {', '.join(children)}")
        held = reg.meetings(body=rid)
        if held:
            lines.append(
                f"  meetings held: {len(held)} ({held[0].name} to {held[-1].name}; "
                f"see: meetings --body {rid})"
            )
    elif type(record).__name__ == "Person":
        attended = reg.meetings(person=rid)
        if attended:
            lines.append("  meetings:")
            for m in attended:
                roles = dict.fromkeys(p.role.value for p in m.participants if p.person == rid)
                lines.append(f"    - {m.name} ({', '.join(roles)})")
    relations = [r for r in reg.relations_of(record) if r.predicate.value != "part_of"]
    if relations:
        lines.append("  relations:")
        lines.extend(f"    - {r.subject} {r.predicate.value} {r.object}" for r in relations)
    return lines


def _value(value: Any) -> str:
    """A change's JSON value as a cell: text as it is, anything else as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_MOMENT_COLUMNS: Final[list[tuple[str, Callable[[Any], str]]]] = [
    ("date", lambda m: str(m.date)),
    ("kind", lambda m: m.kind),
    ("what", lambda m: m.what),
    ("record", lambda m: m.record),
]


_CHANGE_COLUMNS: Final[list[tuple[str, Callable[[Any], str]]]] = [
    ("action", lambda c: c.action),
    ("id", lambda c: c.id),
    ("field", lambda c: c.field),
    ("old", lambda c: _value(c.old)),
    ("new", lambda c: _value(c.new)),
    ("source", lambda c: f"{os.path.basename(c.file)}: {c.path}"),
]
