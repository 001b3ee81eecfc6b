"""
The ``asean-digital`` command line.

One sub-command per collection of the table of collections (with the
filters of its query, where it has its own), plus ``show KEY``,
``search TEXT``, ``validate PATH``, ``export`` and ``graph``.
Errors go to stderr with a non-zero exit status, never a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import enum
import io
import json
import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from asean_digital.formats.convert import converter
from asean_digital.formats.rows import MATCH_COLUMNS, match_row, to_records
from asean_digital.formats.tables import columns_of, row_of, text_cell
from asean_digital.model.collections import COLLECTIONS, Collection
from asean_digital.model.dates import Period
from asean_digital.query.api import default_registry, load

if TYPE_CHECKING:
    from asean_digital.model.filters import Filter
    from asean_digital.query.registry import Registry

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_ERROR: Final = 1
"""A key found nothing, or the data is invalid."""
EXIT_USAGE: Final = 2
"""The command line itself is wrong (argparse's convention)."""

_EPILOG: Final = """\
examples:
  asean-digital bodies --established-before 2012
  asean-digital bodies --partner ROK --format json
  asean-digital --as-of 2015 bodies
  asean-digital show TELMIN
  asean-digital meetings --host Philippines
  asean-digital show "3rd ADGMIN"
  asean-digital declarations --host Thailand --format csv
  asean-digital search "data governance"
  asean-digital --overlay my-data/ states
  asean-digital validate my-data/
  asean-digital new declaration > my-data/decl.json
  asean-digital --overlay my-data/ diff
  asean-digital export --format csv --out dataset/
  asean-digital graph --format mermaid

exit status: 0 success, 1 not found / invalid data / bad value, 2 bad usage
"""


def _text(value: Any) -> str:
    """A field's value as a table cell: ids and values joined, dates as text, nested records counted."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        if value and attrs.has(type(value[0])):
            return str(len(value))
        return ", ".join(_text(v) for v in value)
    return str(value)


_COMPUTED: Final[dict[str, Callable[[Any], str]]] = {
    "former names": lambda r: ", ".join(n.acronym or n.name for n in r.former_names),
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
    return lambda record: _text(getattr(record, name))


def _columns(c: Collection) -> list[tuple[str, Callable[[Any], str]]]:
    """The columns of a table of *c*'s records, from its row of the table of collections."""
    return [(name, _COMPUTED.get(name) or _field(name)) for name in c.columns]


def _option_help(f: Filter) -> str:
    """A filter's option help: its declaration's, or the values an enumeration takes."""
    if f.how == "enum":
        values = f.choices
        return f"{', '.join(values[:-1])} or {values[-1]}"
    if f.how == "flag":
        return f"true or false: {f.help}"
    return f.help


def _option_value(f: Filter, value: Any) -> Any:
    """What the option for *f* passes to the query: ``True``/``False`` for a flag, a year as an int."""
    if value is None:
        return None
    if f.how == "flag":
        return {"true": True, "false": False}.get(value.strip().casefold(), value)
    return _when(value) if f.how in {"before", "after"} else value


_SOURCE_HELP: Final = "only records with a statement from this source document (see the sources command)"


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


def _escape_controls(value: Any) -> Any:
    """*value* with control characters (ESC, BEL, bidi overrides) as escapes, where it is text."""
    if not isinstance(value, str):
        return value
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


_ZERO_WIDTH: Final = frozenset({"Mn", "Me", "Cf"})


def _width(text: str) -> int:
    """The columns *text* takes on a terminal: wide (CJK) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.category(c) in _ZERO_WIDTH else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


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
_NARROWEST: Final = 12


def _slug(name: str) -> str:
    """A column's name as ``--columns`` takes it: ``former names`` is ``former-names``."""
    return name.replace(" ", "-").replace("_", "-")


def _table(rows: Sequence[Any], columns: list[tuple[str, Callable[[Any], str]]]) -> str:
    """
    *rows* as a table that fits the terminal's width (``COLUMNS``).

    Keys are always shown whole and dates never cut; other columns are
    shortened (marked with an ellipsis) down to a few characters, then
    columns other than keys are left out from the right, with a note on
    stderr naming them and ``--columns`` to choose.
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
        if cuttable():  # shorten the widest column that may be cut
            widest = max(cuttable(), key=lambda i: widths[i])
            widths[widest] -= 1
            continue
        droppable = [i for i in shown if headers[i] not in _KEYS]
        if not droppable:  # the keys alone are wider than the terminal: they are shown whole all the same
            print(f"(wider than the terminal's {room} columns: ids are never cut)", file=sys.stderr)
            break
        shown.remove(droppable[-1])
    dropped = [headers[i] for i in range(len(headers)) if i not in shown]
    if dropped:
        print(
            f"(not shown, for the terminal's width: {', '.join(dropped)}; choose with --columns)",
            file=sys.stderr,
        )

    mark = _ellipsis()

    def fit(text: str, width: int) -> str:
        """*text* cut to *width* columns (marked), then padded to them."""
        if _width(text) > width:
            while _width(text) > width - 1:
                text = text[:-1]
            text += mark
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
        print("(no records)", file=sys.stderr)  # a note for the reader, not output
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
            for i, v in enumerate(value):
                text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                lines.append(f"    - {text}{marks(f'{key}[{i}]')}")
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
    return "\n".join(_safe(line) for line in lines)


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
                f"  meetings: {len(held)} ({held[0].name} to {held[-1].name}; see: meetings --body {rid})"
            )
    elif type(record).__name__ == "Person":
        chaired = reg.meetings(person=rid)
        if chaired:
            lines.append(f"  meetings chaired or vice-chaired: {', '.join(m.name for m in chaired)}")
    relations = [r for r in reg.relations_of(record) if r.predicate.value != "part_of"]
    if relations:
        lines.append("  relations:")
        lines.extend(f"    - {r.subject} {r.predicate.value} {r.object}" for r in relations)
    return lines


_RECORD_FORMATS: Final = ("table", "json", "csv")
_EXPORT_FORMATS: Final = ("json", "csv", "sqlite")
_GRAPH_FORMATS: Final = ("dot", "mermaid")
_ALL_FORMATS: Final = (*_RECORD_FORMATS, "sqlite", *_GRAPH_FORMATS)
_FORMATS: Final = {"records": _RECORD_FORMATS, "export": _EXPORT_FORMATS, "graph": _GRAPH_FORMATS}


class _Parser(argparse.ArgumentParser):
    """argparse's parser, but a help text that cannot be written (a full disk) is an error, not lost."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def _common(formats: tuple[str, ...], format_help: str | None = None) -> _Parser:
    """The options every sub-command takes, with the output formats *formats* (the first the default)."""
    common = _Parser(add_help=False)
    words = f"{', '.join(formats[:-1])} or {formats[-1]}"
    common.add_argument(
        "--format",
        choices=formats,
        default=argparse.SUPPRESS,
        help=format_help or f"the output format: {words} (default {formats[0]})",
    )
    common.add_argument(
        "--as-of",
        metavar="WHEN",
        default=argparse.SUPPRESS,
        help="the registry as it stood then: a year, 2019-10 or 2019-10-04",
    )
    common.add_argument(
        "--overlay",
        metavar="PATH",
        action="append",
        default=argparse.SUPPRESS,
        help="a JSON file or folder of your own records (repeatable)",
    )
    common.add_argument(
        "--raw",
        action="store_true",
        default=argparse.SUPPRESS,
        help="CSV cells as they are: by default a cell starting with = + - @ is written with a ' first",
    )
    return common


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="asean-digital",
        description="Query the institutional landscape of the ASEAN Digital sector.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the package and data versions")
    common = _common(
        _ALL_FORMATS,
        "the output format: table (default), json or csv; export json, csv or sqlite; graph dot or mermaid",
    )
    for action in common._actions:  # the same options work before the sub-command
        if action.dest != "help":
            parser._add_action(action)
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="one of these (COMMAND --help for its options):"
    )

    parents = {formats: _common(formats) for formats in _FORMATS.values()}

    def command(
        name: str, help_text: str, formats: tuple[str, ...] = _RECORD_FORMATS
    ) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[parents[formats]])

    def columns_option(p: argparse.ArgumentParser, names: Sequence[str]) -> None:
        p.add_argument(
            "--columns",
            metavar="A,B",
            help=f"the columns to show, comma-separated (default {','.join(_slug(n) for n in names)}; "
            "any field of the records or column of their CSV, such as established-earliest); "
            "with --format csv, some of the CSV's columns",
        )

    for c in COLLECTIONS:
        if c.command is None:
            continue
        p = command(c.command, c.summary)
        columns_option(p, c.columns)
        for f in c.filters:
            kind = int if f.how in {"year", "count"} else str
            p.add_argument(f.flag, metavar=f.metavar, type=kind, help=_option_help(f))
        if c.keyed or c.name == "relations":
            p.add_argument("--source", metavar="ID", help=_SOURCE_HELP)
    p = command("show", "one record of any kind, by key")
    p.add_argument("key", help="an id, acronym, name, alias or meeting name, as for lookup (e.g. TELMIN)")
    p = command("search", "forgiving full-text search")
    p.add_argument("text", help="what to look for")
    p.add_argument("--limit", type=int, default=10, help="the most matches to show (default 10)")
    p.add_argument("--kind", help="only records of this kind (body, document, meeting, person, ...)")
    p.add_argument("--source", metavar="ID", help=_SOURCE_HELP)
    columns_option(p, [name for name, _ in _MATCH_COLUMNS])
    p = command(
        "export",
        "write the data: a folder of JSON or CSV files with a Frictionless datapackage.json, "
        "or one SQLite database (with a Datasette metadata.json beside it)",
        _EXPORT_FORMATS,
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        required=True,
        help="json, csv: the folder the export owns (made or replaced); sqlite: the database (FILE.sqlite)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace PATH even if it holds something that is not an export",
    )
    command("graph", "the body hierarchy and relations as Graphviz DOT or Mermaid", _GRAPH_FORMATS)
    _overlay_commands(sub, command)
    p = sub.add_parser(
        "validate",
        help="check overlay files or folders and list every problem",
        description="check overlay files or folders and list every problem",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="an overlay JSON file or folder (one or more)")
    return parser


def _when(value: str | None) -> Any:
    if value is None:
        return None
    return int(value) if value.isascii() and value.isdigit() else value


def _run(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    if args.command == "validate":
        return _validate(args.paths, out)
    if args.command == "new":
        return _new(args.kind, out)
    overlays = getattr(args, "overlay", None) or []
    reg: Registry = load(*overlays) if overlays else default_registry()
    as_of = getattr(args, "as_of", None)
    if as_of is not None:
        with _named_as_options({"when": "--as-of"}):
            reg = reg.as_of(_when(as_of))
    cmd = args.command
    if cmd == "diff":
        return _diff(reg, getattr(args, "format", "table"), out)
    if cmd in {"export", "graph"}:
        return _export_or_graph(args, reg, out)
    fmt = getattr(args, "format", "table")
    if fmt not in _RECORD_FORMATS:
        other = "graph" if fmt in _GRAPH_FORMATS else "export"
        msg = f"--format {fmt} is for the {other} command; use table, json or csv"
        raise _UsageError(msg)
    if cmd == "show":
        record = reg.lookup(args.key)
        if fmt == "table":
            out(_card(record, reg))
        else:
            out(
                _csv([record], raw=getattr(args, "raw", False), cls=type(record))
                if fmt == "csv"
                else json.dumps(converter().unstructure(record), ensure_ascii=False, indent=2)
            )
        return EXIT_OK
    raw = getattr(args, "raw", False)
    if cmd == "search":
        with _named_as_options(
            {"kind": "--kind", "source": "--source", "limit": "--limit"}, {"source": args.source}
        ):
            matches = reg.search(args.text, kind=args.kind, source=args.source, limit=args.limit)
        text = _emit(matches, _MATCH_COLUMNS, fmt, raw=raw, requested=args.columns)
    else:
        c = next(c for c in COLLECTIONS if c.command == cmd)
        text = _emit(_query(c, args, reg), _columns(c), fmt, raw=raw, cls=c.cls, requested=args.columns)
    if text is not None:
        out(text)
    return EXIT_OK


def _query(c: Collection, args: argparse.Namespace, reg: Registry) -> Sequence[Any]:
    """The records of collection *c* the sub-command's filters select."""
    records: Sequence[Any]
    if c.filters:
        filters = {f.name: _option_value(f, getattr(args, f.name)) for f in c.filters}
        flags = {f.name: f.flag for f in c.filters}
        with _named_as_options({**flags, "source": "--source"}, {**filters, "source": args.source}):
            records = reg.records(c.name, **filters, source=args.source)
    elif c.keyed:
        with _named_as_options({"source": "--source"}, {"source": args.source}):
            records = reg.records(c.name, source=args.source)
    else:
        records = reg.stored(c.name)
    return records


@contextlib.contextmanager
def _named_as_options(flags: dict[str, str], values: dict[str, Any] | None = None) -> Iterator[None]:
    """
    Errors of the query API named as the command line's options.

    ``established_before: expected a date ...`` becomes ``--established-before: expected a date ...``;
    a key that finds nothing is prefixed with the option that gave it (its value among *values*).
    """
    try:
        yield
    except (TypeError, ValueError, LookupError) as e:
        text = str(e.args[0]) if e.args else str(e)
        text = re.sub(
            r" \(or an? [A-Z]\w+\)| for [A-Z][a-z]+[A-Z]\w+(?=, got)", "", text
        )  # no Python class names
        for name, flag in flags.items():
            if text.startswith((f"{name}:", f"{name} ")):
                raise ValueError(flag + text[len(name) :]) from None
        if isinstance(e, LookupError):  # the option whose key found nothing
            given = [flags[name] for name, value in (values or {}).items() if value and repr(value) in text]
            if len(given) == 1:
                raise ValueError(f"{given[0]}: {text}") from None
        raise


def _export_or_graph(args: argparse.Namespace, reg: Registry, out: Callable[[str], None]) -> int:
    from asean_digital.export.interop import export, graph  # noqa: PLC0415

    if args.command == "graph":
        fmt = getattr(args, "format", "dot")
        if fmt not in {"dot", "mermaid"}:
            msg = f"graph --format must be dot or mermaid, got {fmt}"
            raise _UsageError(msg)
        out(graph(reg, format=fmt))
        return EXIT_OK
    fmt = getattr(args, "format", "json")
    if fmt not in _EXPORT_FORMATS:
        msg = f"export --format must be json, csv or sqlite, got {fmt}"
        raise _UsageError(msg)
    try:
        paths = export(reg, args.out, format=fmt, force=args.force)
    except OSError as e:
        msg = f"cannot write to {args.out}: {e.strerror or e}"
        raise ValueError(msg) from None
    except ValueError as e:  # the API's words for the option, as the command line spells it
        raise ValueError(str(e).replace("pass force=True (--force)", "pass --force")) from None
    out(
        f"wrote {len(paths)} files to {args.out}"
        if fmt != "sqlite"
        else f"wrote {', '.join(map(str, paths))}"
    )
    return EXIT_OK


def _overlay_commands(sub: Any, command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The sub-commands for writing overlays: diff and new."""
    command("diff", "what --overlay files change: every record they add or replace, field by field")
    p = sub.add_parser(
        "new",
        help="a skeleton overlay of one record of KIND, every field described, ready to fill",
        description="a skeleton overlay of one record of KIND, every field described, ready to fill",
    )
    from asean_digital.formats.skeleton import KINDS  # noqa: PLC0415 - only these commands need it

    p.add_argument("kind", metavar="KIND", help=f"one of {', '.join(KINDS)}")


def _validate(paths: Sequence[str], out: Callable[[str], None]) -> int:
    """Check overlays; say what they resolved and which dates of history they move."""
    reg = load(*paths)
    out(f"ok: {', '.join(paths)} can be applied over the packaged data")
    for r in reg.resolved:
        out(f"  resolved: {r.file}: {r.path}: {r.key!r} is {r.resolved!r}")
    for c in reg.changes():
        if c.action == "replaced" and c.dated:
            out(
                f"  note: {c.file}: {c.path}: moves the dated history of {c.id!r}: "
                f"{c.field} {_value(c.old)} -> {_value(c.new)}"
            )
    return EXIT_OK


def _new(kind: str, out: Callable[[str], None]) -> int:
    from asean_digital.formats.skeleton import skeleton  # noqa: PLC0415

    doc = skeleton(kind)
    if "sectors" in doc:  # there is one sector: an overlay corrects the packaged record, so start from it
        doc["sectors"] = [converter().unstructure(default_registry().stored("sectors")[0])]
        doc["$comment"]["about"] = (
            "The sector is one record: this is the packaged one, which the overlay replaces. Change "
            "the fields you would correct, then run: asean-digital validate FILE, and asean-digital diff"
        )
    out(json.dumps(doc, ensure_ascii=False, indent=2))
    return EXIT_OK


def _value(value: Any) -> str:
    """A change's JSON value as a cell: text as it is, anything else as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_CHANGE_COLUMNS: Final[list[tuple[str, Callable[[Any], str]]]] = [
    ("action", lambda c: c.action),
    ("id", lambda c: c.id),
    ("field", lambda c: c.field),
    ("old", lambda c: _value(c.old)),
    ("new", lambda c: _value(c.new)),
    ("source", lambda c: f"{os.path.basename(c.file)}: {c.path}"),
]


def _diff(reg: Registry, fmt: str, out: Callable[[str], None]) -> int:
    if fmt not in {"table", "json", "csv"}:
        msg = f"diff --format must be table, json or csv, got {fmt}"
        raise _UsageError(msg)
    changes = reg.changes()
    rows = [{**attrs.asdict(c), "dated": c.dated} for c in changes]
    if fmt == "csv":
        rows = [{**row, "dated": text_cell(row["dated"])} for row in rows]
    if fmt == "json":
        out(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if fmt == "csv":
        buffer = io.StringIO()
        from asean_digital.model.overlay import Change  # noqa: PLC0415 - only diff needs it

        fields = [*(a.name for a in attrs.fields(Change)), "dated"]
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(
            {k: _neutral(_value(v) if k in {"old", "new"} else v) for k, v in row.items()} for row in rows
        )
        out(buffer.getvalue().rstrip("\n"))
        return EXIT_OK
    if not changes:
        print("(no changes)", file=sys.stderr)
        return EXIT_OK
    out(_table(changes, _CHANGE_COLUMNS))
    return EXIT_OK


class _UsageError(ValueError):
    """An option the sub-command does not take (``graph --format json``): exit status 2."""


def _quiet_stdout() -> None:
    """After a failed write to stdout, point it at the null device so the exit's flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _write(text: str, *, data: bool) -> None:
    """
    One output line (or block) to stdout, flushed, so a full disk fails here, where it is reported.

    Data (JSON, CSV, DOT, Mermaid, a skeleton) is written as UTF-8 whatever
    stdout's encoding, so it stays valid for the program that reads it;
    text for a reader is written in stdout's encoding (see :func:`_safe`).
    """
    buffer = getattr(sys.stdout, "buffer", None)
    if data and buffer is not None:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8") + b"\n")
        buffer.flush()
        return
    encoding = _stdout_encoding()
    print(text.encode(encoding, errors="backslashreplace").decode(encoding))
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``).

    Exit status: 0 success (also when the reader of the output goes away,
    as ``head`` does); 1 a key that finds nothing, invalid data, a wrong
    value, or output that cannot be written (a full disk); 2 a malformed
    command line; 130 interrupted (Ctrl-C). No traceback is shown.

    Returns:
        The exit status.
    """
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except OSError:  # stderr itself cannot be written: nothing more can be said
        return EXIT_ERROR


def _main(argv: Sequence[str] | None) -> int:
    from asean_digital.model.errors import AseanDigitalError  # noqa: PLC0415

    try:
        return _parse_and_run(argv)
    except _UsageError as e:
        print(f"asean-digital: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into `head`
        _quiet_stdout()
        return EXIT_OK
    except OSError as e:
        _quiet_stdout()
        print(f"asean-digital: error: cannot write the output: {e.strerror or e}", file=sys.stderr)
        return EXIT_ERROR
    except AseanDigitalError as e:
        print(f"asean-digital: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except (TypeError, ValueError) as e:
        print(f"asean-digital: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


_TEXT_COMMANDS: Final = frozenset({"export", "validate"})
"""Sub-commands whose output is a report for a reader whatever ``--format`` says."""


def _parse_and_run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        if not e.code:
            sys.stdout.flush()  # --help to a full disk fails here, not silently at exit
        return int(e.code or 0)
    if args.version:
        from importlib.metadata import version  # noqa: PLC0415

        _write(
            f"asean-digital {version('asean-digital')} (data {default_registry().data_version})", data=False
        )
        return EXIT_OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command in {"validate", "new"}:
        given = [
            f"--{name.replace('_', '-')}" for name in ("format", "as_of", "overlay", "raw") if name in args
        ]
        if given:
            msg = f"{args.command} takes no {', '.join(given)}; see asean-digital {args.command} --help"
            raise _UsageError(msg)
    data = args.command == "new" or (
        args.command not in _TEXT_COMMANDS and getattr(args, "format", "table") != "table"
    )

    def out(text: str) -> None:
        _write(text, data=data)

    return _run(args, out)
