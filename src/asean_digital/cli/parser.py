"""
The command line's parser: a sub-command per collection of the table of collections.

Each sub-command's options are its collection's declared filters
(:attr:`~asean_digital.model.table.Collection.filters`): the flag,
its help and how its value reaches the query all come from the declaration.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, NoReturn

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.dates import PartialDate
from asean_digital.model.errors import shown
from asean_digital.model.fields import types_of, without_none

if TYPE_CHECKING:
    from asean_digital.model.filters import Filter
from .terminal import (
    _MATCH_COLUMNS,
    _MOMENT_COLUMNS,
    _slug,
    for_terminal,
)


def _column_example(cls: type, shown: Sequence[str]) -> str:
    """
    A column ``--columns`` accepts for *cls* beyond its default ones, for the help.

    A partial date's earliest day where the records have one (its CSV column), else
    the first field not shown by default.
    """
    fields = types_of(cls)
    for name, kind in fields.items():
        if without_none(kind) is PartialDate:
            return _slug(f"{name}_earliest")
    return next((_slug(name) for name in fields if _slug(name) not in map(_slug, shown)), "id")


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
  asean-digital cite "12th TELMIN" --field chair --format bibtex

exit status: 0 success, 1 not found / invalid data / bad value, 2 bad usage
"""


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


_RECORD_FORMATS: Final = ("table", "json", "csv")


_EXPORT_FORMATS: Final = ("json", "csv", "sqlite")


_GRAPH_FORMATS: Final = ("dot", "mermaid")


_CITE_FORMATS: Final = ("text", "bibtex", "csl-json")


_ALL_FORMATS: Final = (*_RECORD_FORMATS, "sqlite", *_GRAPH_FORMATS, "text", "bibtex", "csl-json")


_FORMATS: Final = {
    "records": _RECORD_FORMATS,
    "export": _EXPORT_FORMATS,
    "graph": _GRAPH_FORMATS,
    "cite": _CITE_FORMATS,
}


class _Parser(argparse.ArgumentParser):
    """
    argparse's parser, but a help text that cannot be written (a full disk) is an error, not lost.

    A choice that is not one (``bodys``) gets the closest choices as a suggestion.
    """

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:  # argparse echoes what was typed: its control characters shown, not obeyed
            stream = file or sys.stderr
            stream.write(for_terminal(message, stream))

    def error(self, message: str) -> NoReturn:
        found = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)$", message)
        if found:
            choices = re.findall(r"'([^']*)'", found.group(2))
            close = difflib.get_close_matches(found.group(1).lower(), choices, n=2, cutoff=0.6)
            if close:
                message += "; did you mean " + " or ".join(repr(c) for c in close) + "?"
        super().error(message)


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
        "the output format: table (default), json or csv; export json, csv or sqlite; graph dot or "
        "mermaid; cite text, bibtex or csl-json",
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

    def columns_option(p: argparse.ArgumentParser, names: Sequence[str], cls: type | None = None) -> None:
        more = (
            "some of these"
            if cls is None
            else f"any field of the records or column of their CSV, such as {_column_example(cls, names)}"
        )
        p.add_argument(
            "--columns",
            metavar="A,B",
            help=f"the columns to show, comma-separated (default {','.join(_slug(n) for n in names)}; "
            f"{more}); with --format csv, some of the CSV's columns",
        )

    for c in COLLECTIONS:
        if c.command is None:
            continue
        p = command(c.command, c.summary)
        columns_option(p, c.columns, c.cls)
        for f in c.filters:
            kind = _number if f.how in {"year", "count"} else str
            p.add_argument(f.flag, metavar=f.metavar, type=kind, help=_option_help(f))
        if c.keyed or c.name == "relations":
            p.add_argument("--source", metavar="ID", help=_SOURCE_HELP)
    p = command("show", "one record of any kind, by key")
    p.add_argument("key", help="an id, acronym, name, alias or meeting name, as for lookup (e.g. TELMIN)")
    p = command("timeline", "everything the data dates, oldest first: what happened between two dates")
    p.add_argument(
        "--start", metavar="WHEN", help="only what may fall on or after this year or date (2019-10)"
    )
    p.add_argument("--end", metavar="WHEN", help="only what may fall on or before this year or date")
    p.add_argument(
        "--kind",
        help="only moments of this kind (renamed, meeting, milestone, ...) or of records of this kind "
        "(document, body, process, ...)",
    )
    columns_option(p, [name for name, _ in _MOMENT_COLUMNS])
    p = command("search", "forgiving full-text search")
    p.add_argument("text", help="what to look for")
    p.add_argument("--limit", type=_number, default=10, help="the most matches to show (default 10)")
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
    p = command(
        "cite", "the sources behind a record or one of its fields: text, BibTeX or CSL-JSON", _CITE_FORMATS
    )
    p.add_argument("key", help="an id, acronym, name, alias or meeting name, as for show (e.g. TELMIN)")
    p.add_argument("--field", metavar="F", help="only the sources of this field (e.g. established, chair)")
    _overlay_commands(sub, command)
    p = sub.add_parser(
        "validate",
        help="check overlay files or folders and list every problem",
        description="check overlay files or folders and list every problem",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="an overlay JSON file or folder (one or more)")
    return parser


def _number(value: str) -> int:
    """A whole number given on the command line: ASCII digits (a minus first, at most), not too many."""
    digits = value.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 9):
        msg = f"expected a whole number (digits 0-9), got {shown(value)}"
        raise argparse.ArgumentTypeError(msg)
    return int(value)


def _when(value: str | None) -> Any:
    if value is None:
        return None
    return (
        int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else value
    )  # a year, not a huge number


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
