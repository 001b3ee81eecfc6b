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
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from asean_digital.formats.cells import text_cell
from asean_digital.formats.convert import converter
from asean_digital.model.collections import COLLECTIONS, Collection
from asean_digital.model.fields import values_at
from asean_digital.model.keys import closest, normalise
from asean_digital.query.api import default_registry, load
from asean_digital.query.timeline import Moment

if TYPE_CHECKING:
    from asean_digital.formats.citation import CitationFormat
    from asean_digital.query.registry import Registry
from .parser import (
    _CITE_FORMATS,
    _EXPORT_FORMATS,
    _GRAPH_FORMATS,
    _RECORD_FORMATS,
    _option_value,
    _parser,
    _when,
)
from .terminal import (
    _CHANGE_COLUMNS,
    _MATCH_COLUMNS,
    _MOMENT_COLUMNS,
    _card,
    _columns,
    _csv,
    _emit,
    _neutral,
    _stdout_encoding,
    _table,
    _UsageError,
    _value,
    for_terminal,
    say,
)

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_ERROR: Final = 1
"""A key found nothing, or the data is invalid."""
EXIT_USAGE: Final = 2
"""The command line itself is wrong (argparse's convention)."""


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
    if cmd == "cite":
        style = getattr(args, "format", "text")
        if style not in {"text", "bibtex", "csl-json"}:
            msg = f"cite --format must be text, bibtex or csl-json, got {style}"
            raise _UsageError(msg)
        cited = reg.cite(args.key, field=args.field, format=cast("CitationFormat", style))
        if not cited.strip() or cited.strip() == "[]":  # nothing states it: say so, beside the empty data
            record = reg.lookup(args.key)
            what = f"its {args.field}" if args.field else "it"
            empty = args.field is not None and getattr(
                record, args.field.split(".")[0].split("[")[0], None
            ) in (None, ())
            say(f"(no source states {what}{' (it holds no value)' if empty else ''}: {record.id})")
        out(cited)
        return EXIT_OK
    fmt = getattr(args, "format", "table")
    if fmt not in _RECORD_FORMATS:
        other = "graph" if fmt in _GRAPH_FORMATS else "cite" if fmt in _CITE_FORMATS else "export"
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
    elif cmd == "timeline":
        with _named_as_options({"start": "--start", "end": "--end", "kind": "--kind"}):
            moments = reg.timeline(start=_when(args.start), end=_when(args.end), kind=args.kind)
        text = _emit(moments, _MOMENT_COLUMNS, fmt, raw=raw, cls=Moment, requested=args.columns)
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
    if not records:
        _hint_places(c, args, reg)
    return records


def _hint_places(c: Collection, args: argparse.Namespace, reg: Registry) -> None:
    """For a place option that names no place of the collection's records, a note of the closest ones."""
    for f in c.filters:
        given = getattr(args, f.name)
        if f.how != "place" or given is None:
            continue
        held = {normalise(v): v for r in reg.stored(c.name) for p in f.fields for _, v in values_at(r, p)}
        if normalise(given) in held:
            continue
        close = [held[k] for k in closest(normalise(given), held)]
        hint = f"; did you mean {' or '.join(repr(v) for v in close)}?" if close else ""
        say(f"{f.flag}: none of the {c.name.replace('_', ' ')} is in {given!r}{hint}")


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
    from asean_digital.export.folder import export  # noqa: PLC0415
    from asean_digital.export.graph import graph  # noqa: PLC0415

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
        paths = export(reg, args.out, format=fmt, force=args.force)  # type: ignore[arg-type]  # checked above
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


def _validate(paths: Sequence[str], out: Callable[[str], None]) -> int:
    """Check overlays; say what they resolved and which dates of history they move."""
    reg = load(*paths)
    out(f"ok: {', '.join(paths)} can be applied over the packaged data")
    for r in reg.resolved:
        out(f"  resolved: {r.file}: {r.path}: {r.key!r} is {r.resolved!r}")
    dropped: dict[tuple[str, str, str], list[str]] = {}
    for c in reg.changes():
        if c.action == "replaced" and c.dated:
            out(
                f"  note: {c.file}: {c.path}: moves the dated history of {c.id!r}: "
                f"{c.field} {_value(c.old)} -> {_value(c.new)}"
            )
        if c.action == "replaced" and c.new in (None, [], "") and c.old not in (None, [], ""):
            dropped.setdefault((c.file, c.path, c.id), []).append(c.field)
    for (file, path, rid), fields in dropped.items():
        out(
            f"  note: {file}: {path}: replacing {rid!r} drops its {', '.join(fields)}; "
            'to change only the fields you give, write "$patch": true in the record'
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
        say("(no changes)")
        return EXIT_OK
    out(_table(changes, _CHANGE_COLUMNS, choose="every column with --format csv or json"))
    return EXIT_OK


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
    text = for_terminal(text, sys.stdout)  # data too: a terminal shows JSON's or CSV's controls as escapes
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
    command line. No traceback is shown. Ctrl-C is left to the caller as
    :class:`KeyboardInterrupt`: the ``asean-digital`` script
    (:func:`asean_digital.__main__.run`) exits 130 with one line.

    Returns:
        The exit status.
    """
    try:
        return _main(argv)
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
        say(f"asean-digital: error: {e}")
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into `head`
        _quiet_stdout()
        return EXIT_OK
    except OSError as e:
        _quiet_stdout()
        say(f"asean-digital: error: cannot write the output: {e.strerror or e}")
        return EXIT_ERROR
    except AseanDigitalError as e:
        say(f"asean-digital: error: {e}")
        return EXIT_ERROR
    except (TypeError, ValueError) as e:
        say(f"asean-digital: error: {e}")
        return EXIT_ERROR


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
