"""
The ``asean-digital`` command line.

One sub-command per collection, plus ``show KEY``, ``search TEXT`` and
``validate PATH``. Errors go to stderr with a non-zero exit status, never a
traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from ._registry import Registry

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
  asean-digital declarations --host Thailand --format csv
  asean-digital search "data governance"
  asean-digital --overlay my-data/ states
  asean-digital validate my-data/
  asean-digital export --format csv --out dataset/
  asean-digital graph --format mermaid

exit status: 0 success, 1 not found / invalid data / bad value, 2 bad usage
"""


def _date_text(value: Any) -> str:
    return "" if value is None else str(value)


def _join(values: Iterable[Any]) -> str:
    return ", ".join(str(getattr(v, "value", v)) for v in values)


_COLUMNS: Final[dict[str, list[tuple[str, Callable[[Any], str]]]]] = {
    "body": [
        ("id", lambda r: r.id),
        ("acronym", lambda r: r.acronym or ""),
        ("name", lambda r: r.name),
        ("kind", lambda r: r.kind.value),
        ("parent", lambda r: r.parent or ""),
        ("established", lambda r: _date_text(r.established)),
        ("former names", lambda r: _join(n.acronym or n.name for n in r.former_names)),
    ],
    "document": [
        ("id", lambda r: r.id),
        ("title", lambda r: r.title),
        ("kinds", lambda r: _join(r.kinds)),
        ("published", lambda r: _date_text(r.published)),
    ],
    "declaration": [
        ("id", lambda r: r.id),
        ("title", lambda r: r.title),
        ("meeting", lambda r: r.meeting_name),
        ("city", lambda r: r.city),
        ("host", lambda r: r.host),
        ("year", lambda r: _date_text(r.published)),
    ],
    "master plan": [
        ("id", lambda r: r.id),
        ("acronym", lambda r: r.acronym),
        ("name", lambda r: r.name),
        ("period", lambda r: str(r.period)),
        ("thrusts", lambda r: str(len(r.thrusts))),
    ],
    "event": [
        ("id", lambda r: r.id),
        ("name", lambda r: r.name),
        ("started", lambda r: _date_text(r.started)),
        ("partners", lambda r: _join(r.partners)),
    ],
    "partner": [
        ("id", lambda r: r.id),
        ("name", lambda r: r.name),
        ("kind", lambda r: r.kind.value),
    ],
    "member state": [
        ("id", lambda r: r.id),
        ("alpha3", lambda r: r.alpha3),
        ("name", lambda r: r.name),
        ("joined", lambda r: _date_text(r.joined)),
    ],
    "relation": [
        ("subject", lambda r: r.subject),
        ("predicate", lambda r: r.predicate.value),
        ("object", lambda r: r.object),
    ],
    "match": [
        ("score", lambda m: f"{m.score:.2f}"),
        ("kind", lambda m: type(m.entity).__name__),
        ("id", lambda m: m.entity.id),
        ("matched", lambda m: m.key),
    ],
}


def _table(rows: Sequence[Any], columns: list[tuple[str, Callable[[Any], str]]]) -> str:
    if not rows:
        return "(no records)"
    cells = [[get(r) for _, get in columns] for r in rows]
    headers = [name for name, _ in columns]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    room = shutil.get_terminal_size((120, 24)).columns
    # Shrink the widest column until the table fits the terminal.
    while sum(widths) + 2 * (len(widths) - 1) > room and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def fit(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(fit(c, w).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )
    return "\n".join(lines)


def _csv(records: Sequence[Any]) -> str:
    from ._interop import to_records  # noqa: PLC0415

    rows = to_records(records, flat=True)
    fields: list[str] = []
    for row in rows:
        fields.extend(k for k in row if k not in fields)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().rstrip("\n")


def _emit(records: Sequence[Any], columns: str, fmt: str) -> str:
    if fmt == "json":
        from ._interop import to_records  # noqa: PLC0415

        return json.dumps(to_records(records), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(records)
    return _table(records, _COLUMNS[columns])


def _card(record: Any) -> str:
    import asean_digital as ad  # noqa: PLC0415

    data = ad.converter.unstructure(record)
    lines = [f"{type(record).__name__} {record.id}"]
    for key, value in data.items():
        if value in (None, [], ()):
            continue
        if isinstance(value, list):
            lines.append(f"  {key}:")
            lines.extend(
                f"    - {json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}" for v in value
            )
        else:
            lines.append(f"  {key}: {value}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="asean-digital",
        description="Query the institutional landscape of the ASEAN Digital sector.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the package and data versions")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--format",
        choices=("table", "json", "csv", "dot", "mermaid"),
        default=argparse.SUPPRESS,
        help="table (default), json or csv; for export json or csv; for graph dot or mermaid",
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
    for action in common._actions:  # the same options work before the sub-command
        if action.dest != "help":
            parser._add_action(action)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    p = command("bodies", "sectoral bodies and committees")
    p.add_argument("--kind", help="ministerial, senior_officials, regulators or working_group")
    p.add_argument("--parent", metavar="KEY", help="direct sub-bodies of this body")
    p.add_argument("--partner", metavar="KEY", help="bodies with ASEAN+1 consultations with this partner")
    p.add_argument("--established-before", metavar="WHEN")
    p.add_argument("--established-after", metavar="WHEN")
    p = command("documents", "key documents (frameworks, guidelines, declarations, publications, links)")
    p.add_argument("--kind", help="framework, guideline, declaration, publication or link")
    p.add_argument("--year", type=int)
    p.add_argument("--published-before", metavar="WHEN")
    p.add_argument("--published-after", metavar="WHEN")
    p = command("declarations", "ministerial declarations and statements")
    p.add_argument("--body", metavar="KEY")
    p.add_argument("--host", metavar="KEY", help="host member state")
    p.add_argument("--year", type=int)
    command("plans", "master plans (AIM2015, AIM2020, ADM2025)")
    p = command("events", "talent competitions")
    p.add_argument("--partner", metavar="KEY")
    p.add_argument("--started-before", metavar="WHEN")
    p.add_argument("--started-after", metavar="WHEN")
    command("partners", "dialogue partners")
    command("states", "ASEAN Member States")
    p = command("relations", "stated relations between records")
    p.add_argument("--subject", metavar="KEY")
    p.add_argument("--predicate")
    p.add_argument("--object", metavar="KEY")
    p = command("show", "one record of any kind, by key")
    p.add_argument("key")
    p = command("search", "forgiving full-text search")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=10)
    p = command("export", "write every collection and a Frictionless datapackage.json to a folder")
    p.add_argument("--out", metavar="DIR", required=True)
    command("graph", "the body hierarchy and relations as Graphviz DOT or Mermaid")
    p = sub.add_parser(
        "validate",
        help="check overlay files or folders and list every problem",
        description="check overlay files or folders and list every problem",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def _when(value: str | None) -> Any:
    if value is None:
        return None
    return int(value) if value.isdigit() else value


def _run(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    import asean_digital as ad  # noqa: PLC0415

    if args.command == "validate":
        ad.load(*args.paths)
        out(f"ok: {', '.join(args.paths)} can be applied over the packaged data")
        return EXIT_OK
    overlays = getattr(args, "overlay", None) or []
    reg: Registry = ad.load(*overlays) if overlays else ad.registry
    as_of = getattr(args, "as_of", None)
    if as_of is not None:
        reg = reg.as_of(_when(as_of))
    cmd = args.command
    if cmd in {"export", "graph"}:
        return _export_or_graph(args, reg, out)
    fmt = getattr(args, "format", "table")
    if fmt in {"dot", "mermaid"}:
        msg = f"--format {fmt} is for the graph command; use table, json or csv"
        raise ValueError(msg)
    if cmd == "show":
        record = reg.lookup(args.key)
        if fmt == "table":
            out(_card(record))
        else:
            out(
                _emit([record], "", fmt)
                if fmt == "csv"
                else json.dumps(ad.converter.unstructure(record), ensure_ascii=False, indent=2)
            )
        return EXIT_OK
    records: Sequence[Any]
    if cmd == "bodies":
        records, columns = (
            reg.bodies(
                kind=args.kind,
                parent=args.parent,
                partner=args.partner,
                established_before=_when(args.established_before),
                established_after=_when(args.established_after),
            ),
            "body",
        )
    elif cmd == "documents":
        records, columns = (
            reg.documents(
                kind=args.kind,
                year=args.year,
                published_before=_when(args.published_before),
                published_after=_when(args.published_after),
            ),
            "document",
        )
    elif cmd == "declarations":
        records, columns = (
            reg.declarations(body=args.body, host=args.host, year=args.year),
            "declaration",
        )
    elif cmd == "plans":
        records, columns = reg.master_plans(), "master plan"
    elif cmd == "events":
        records, columns = (
            reg.events(
                partner=args.partner,
                started_before=_when(args.started_before),
                started_after=_when(args.started_after),
            ),
            "event",
        )
    elif cmd == "partners":
        records, columns = reg.partners(), "partner"
    elif cmd == "states":
        records, columns = reg.member_states(), "member state"
    elif cmd == "relations":
        records, columns = (
            reg.relations(subject=args.subject, predicate=args.predicate, object=args.object),
            "relation",
        )
    else:  # search
        records, columns = reg.search(args.text, limit=args.limit), "match"
    out(_emit(records, columns, fmt))
    return EXIT_OK


def _export_or_graph(args: argparse.Namespace, reg: Registry, out: Callable[[str], None]) -> int:
    from ._interop import export, graph  # noqa: PLC0415

    if args.command == "graph":
        fmt = getattr(args, "format", "dot")
        if fmt not in {"dot", "mermaid"}:
            msg = f"graph --format must be dot or mermaid, got {fmt}"
            raise ValueError(msg)
        out(graph(reg, format=fmt))
        return EXIT_OK
    fmt = getattr(args, "format", "json")
    if fmt not in {"json", "csv"}:
        msg = f"export --format must be json or csv, got {fmt}"
        raise ValueError(msg)
    try:
        paths = export(reg, args.out, format=fmt)
    except OSError as e:
        msg = f"cannot write to {args.out}: {e.strerror or e}"
        raise ValueError(msg) from None
    out(f"wrote {len(paths)} files to {args.out}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 1 when a key finds nothing, data is
        invalid or a value is wrong, 2 for a malformed command line.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.version:
        import asean_digital as ad  # noqa: PLC0415

        print(f"asean-digital {ad.__version__} (data {ad.registry.data_version})")
        return EXIT_OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    def out(text: str) -> None:
        print(text)

    from ._errors import AseanDigitalError  # noqa: PLC0415

    try:
        return _run(args, out)
    except AseanDigitalError as e:
        print(f"asean-digital: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except (TypeError, ValueError) as e:
        print(f"asean-digital: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
