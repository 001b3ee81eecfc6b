"""
The data as relational tables: one description of every table and column, for every tabular output.

The CSV data package, the SQLite database and DataFrames all come from
:func:`tables` (and :func:`~asean_digital.formats.cells.rows`), which derive from the table of collections
and the model: a new kind of record, or a new field, is a new table or
column everywhere at once.

- One table per collection, one column per field, with these exceptions:
  every document, declarations included, is a row of ``documents``, and
  ``declarations`` holds only the fields declarations add, keyed by the
  document's id.
- A partial date is its text (``"2001-07"``) plus ``<name>_earliest`` and
  ``<name>_latest``, typed dates; a period is its text plus
  ``<name>_start`` (the earliest day it may start) and ``<name>_end`` (the
  latest day it may end).
- A nested record of scalars (a meeting's ``chair``) is flattened into
  columns (``chair_person``, ``chair_name``, ...); other nested values
  (naming histories, sources) are ``array`` or ``object`` columns.
- Every reference field of the table of collections is a foreign key: on
  its column where it holds one id, and through a link table where it holds
  many (``meetings_partners``: meeting, position, partner). A reference to
  a record of any kind points at ``records``, the id and kind of every record.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from asean_digital.model.collections import COLLECTIONS, Collection
from asean_digital.model.collections import collection as table_collection
from asean_digital.model.dates import PartialDate, Period
from asean_digital.model.fields import field_docs, is_optional, types_of, unmarked, without_none

from .convert import converter

__all__ = [
    "Column", "ForeignKey", "Table", "by_name", "columns_of", "field_descriptions", "tables",
]  # fmt: skip

PARTIAL_DATE_PATTERN: Final = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
PRECISIONS: Final = ("year", "month", "day")
PRECISION_TEXT: Final = (
    "How precisely the sources date {}: year, month or day. The earliest and latest days bound it; "
    "sort and measure by them only at day precision."
)
PERIOD_PATTERN: Final = r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\.\.)/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\.\.)$"


@attrs.frozen
class Column:
    """
    One column of a table, typed as a Frictionless Table Schema field.

    Attributes:
        name: The column's name (a SQL identifier: letters, digits, ``_``).
        type: ``string``, ``integer``, ``boolean``, ``date``, ``array`` or ``object``.
        description: What it holds, from the model's docstrings.
        required: Whether every row has a value.
        pattern: A regular expression every value matches (partial dates, periods).
        enum: The values allowed, for an enumeration.
        items: For an ``array``, ``"string"`` where every item is text (ids,
            words); ``None`` where the items are records.
    """

    name: str
    type: str
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    items: str | None = None


@attrs.frozen
class ForeignKey:
    """
    A column of one table that holds ids of another's rows.

    Attributes:
        column: The column holding the id.
        table: The table referred to.
        target: Its column (always its primary key, ``id``).
        references: The reference fields of the table of collections it
            stands for, as ``(collection, field path)``.
    """

    column: str
    table: str
    target: str = "id"
    references: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class Table:
    """
    One table: its columns, primary key and foreign keys.

    Attributes:
        name: A SQL-friendly name (``master_plans``, ``meetings_partners``).
        description: What a row is.
        columns: Its columns, in order.
        primary_key: The columns whose values identify a row.
        foreign_keys: Its references to other tables.
        collection: The collection its rows come from.
        field: For a link table, the reference field (``outcomes[]``) it lists.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    collection: str | None = None
    field: str | None = None

    def column(self, name: str) -> Column:
        """The column *name*."""
        for column in self.columns:
            if column.name == name:
                return column
        msg = f"table {self.name} has no column {name!r}"
        raise KeyError(msg)


# -- descriptions from the model ---------------------------------------------------------------


@functools.cache
def field_descriptions(cls: type) -> dict[str, str]:
    """
    Each described field of *cls* with its description, from its docstrings (see :func:`field_docs`).

    >>> import asean_digital as ad
    >>> field_descriptions(ad.Meeting)["host"]
    'The id of the member state that hosted (chaired) it.'
    """
    return {name: text for name, text in field_docs(cls).items() if text}


# -- types ---------------------------------------------------------------------------------------


def _unoptional(tp: Any) -> tuple[Any, bool]:
    """*tp* without ``None``, and whether it allowed ``None``."""
    return without_none(tp), is_optional(tp)


def _is_flat_record(tp: Any) -> bool:
    """Whether *tp* is a record of optional strings and enums only (a Participant), flattened into columns."""
    if not (isinstance(tp, type) and attrs.has(tp)) or tp in (PartialDate, Period):
        return False
    hints = types_of(tp)
    return all(_is_text(_unoptional(hints[f.name])[0]) for f in attrs.fields(tp))


def _is_text(tp: Any) -> bool:
    return tp is str or (isinstance(tp, type) and issubclass(tp, enum.Enum))


def _scalar_type(tp: Any) -> tuple[str, tuple[str, ...] | None]:
    if tp is bool:
        return "boolean", None
    if tp is int:
        return "integer", None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "string", tuple(m.value for m in tp)
    if tp is str:
        return "string", None
    if typing.get_origin(tp) is tuple:
        return "array", None
    return "object", None


# A cell maker: record -> value (Python: str, int, bool, date, list, dict or None).
_Get = Callable[[Any], Any]


def _field_columns(cls: type, skip: frozenset[str] = frozenset()) -> list[tuple[Column, _Get]]:
    """The columns of *cls*'s fields, each with what makes its cell from a record."""
    hints = types_of(cls)
    described = field_descriptions(cls)
    out: list[tuple[Column, _Get]] = []
    for f in attrs.fields(cls):
        if f.name in skip:
            continue
        tp, optional = _unoptional(hints[f.name])
        text = unmarked(described.get(f.name, f.name.replace("_", " ")))
        required = not optional and f.default is attrs.NOTHING
        name = f.name
        if tp is PartialDate:
            out += [
                (Column(name, "string", f"{text} (as given: year, month or day)", required,
                        pattern=PARTIAL_DATE_PATTERN), _date_text(name)),
                (Column(f"{name}_earliest", "date", f"The first day {name} can be.", required),
                 _date_bound(name, "earliest")),
                (Column(f"{name}_latest", "date", f"The last day {name} can be.", required),
                 _date_bound(name, "latest")),
                (Column(f"{name}_precision", "string", PRECISION_TEXT.format(name), required,
                        enum=PRECISIONS), _date_bound(name, "precision")),
            ]  # fmt: skip
        elif tp is Period:
            out += [
                (Column(name, "string", f"{text} (start/end as given; '..' for open)", required,
                        pattern=PERIOD_PATTERN), _date_text(name)),
                (Column(f"{name}_start", "date", f"The earliest day {name} can start."),
                 _period_bound(name, "start")),
                (Column(f"{name}_end", "date", f"The latest day {name} can end."),
                 _period_bound(name, "end")),
                (Column(f"{name}_start_precision", "string", PRECISION_TEXT.format(f"{name}' start"),
                        enum=PRECISIONS), _period_precision(name, "start")),
                (Column(f"{name}_end_precision", "string", PRECISION_TEXT.format(f"{name}' end"),
                        enum=PRECISIONS), _period_precision(name, "end")),
            ]  # fmt: skip
        elif _is_flat_record(tp):
            out += _flat_columns(name, text, tp)
        else:
            kind, allowed = _scalar_type(tp)
            args = typing.get_args(tp) if typing.get_origin(tp) is tuple else ()
            texts = bool(args) and (
                args[0] is str or (isinstance(args[0], type) and issubclass(args[0], enum.Enum))
            )
            column = Column(name, kind, text, required, enum=allowed, items="string" if texts else None)
            out.append((column, _value(name)))
    for view in getattr(cls, "VIEWS", ()):  # a meeting's chair: a view of its participants, as columns
        prop = getattr(cls, view)
        tp = _unoptional(typing.get_type_hints(prop.fget)["return"])[0]
        doc = unmarked((prop.__doc__ or view).strip().splitlines()[0]).rstrip(".")
        out += _flat_columns(view, doc, tp)
    return out


def _flat_columns(name: str, text: str, tp: type) -> list[tuple[Column, _Get]]:
    """The columns ``<name>_<field>`` of a flat record *tp* in the field (or view) *name*."""
    inner = field_descriptions(tp)
    hints = types_of(tp)
    out: list[tuple[Column, _Get]] = []
    for sub in attrs.fields(tp):
        words = unmarked(inner.get(sub.name, sub.name))
        allowed = _scalar_type(_unoptional(hints[sub.name])[0])[1]
        out.append(
            (Column(f"{name}_{sub.name}", "string", f"{text} {words}", enum=allowed), _part(name, sub.name))
        )
    return out


def _date_text(name: str) -> _Get:
    def get(record: Any) -> Any:
        value = getattr(record, name)
        return None if value is None else str(value)

    return get


def _date_bound(name: str, bound: str) -> _Get:
    def get(record: Any) -> Any:
        value = getattr(record, name)
        return None if value is None else getattr(value, bound)

    return get


def _period_bound(name: str, end: str) -> _Get:
    def get(record: Any) -> _dt.date | None:
        period = getattr(record, name)
        date = None if period is None else getattr(period, end)
        if date is None:
            return None
        result: _dt.date = date.earliest if end == "start" else date.latest
        return result

    return get


def _period_precision(name: str, end: str) -> _Get:
    def get(record: Any) -> str | None:
        period = getattr(record, name)
        date = None if period is None else getattr(period, end)
        return None if date is None else str(date.precision)

    return get


def _part(name: str, sub: str) -> _Get:
    def get(record: Any) -> Any:
        value = getattr(record, name)
        inner = None if value is None else getattr(value, sub)
        return inner.value if isinstance(inner, enum.Enum) else inner

    return get


def _value(name: str) -> _Get:
    unstructure = converter().unstructure

    def get(record: Any) -> Any:
        value = getattr(record, name)
        if value is None or isinstance(value, str | bool | int):
            return value
        if isinstance(value, enum.Enum):
            return value.value
        return unstructure(value)  # a tuple of values or records, an object: JSON-safe lists and dicts

    return get


# -- the tables ----------------------------------------------------------------------------------


def _owner(c: Collection) -> str:
    return c.kind.replace(" ", "_")


def _link_name(c: Collection, field: str) -> str:
    return f"{c.name}_{field.replace('[]', '').replace('.', '_')}"


def _singular(step: str) -> str:
    return step[:-1] if step.endswith("s") and not step.endswith("ss") else step


def _target_table(target: str) -> str:
    return "records" if target == "*" else target


def _column_of(field: str) -> str:
    """The column a scalar reference field is in: ``chair.person`` is ``chair_person``."""
    return field.replace(".", "_")


def _home(c: Collection) -> str:
    """The table a collection's own fields are in: declarations' shared fields are in documents."""
    return "documents" if c.name == "declarations" else c.name


@functools.cache
def _specs() -> tuple[tuple[Table, tuple[_Get, ...]], ...]:
    specs: list[tuple[Table, tuple[_Get, ...]]] = []
    links: list[tuple[Table, tuple[_Get, ...]]] = []
    by_table: dict[str, list[ForeignKey]] = {}
    document_fields = frozenset(a.name for a in attrs.fields(table_collection("documents").cls))
    for c in COLLECTIONS:
        for reference in c.references:
            if "[]" in reference.field:
                links.append(_link_table(c, reference.field, reference.target))
                continue
            column = _column_of(reference.field)
            home = _home(c) if reference.field in document_fields else c.name
            keys = by_table.setdefault(home, [])
            same = next((k for k in keys if k.column == column), None)
            if same is not None:  # documents.meeting stands for declarations' meeting too
                keys[keys.index(same)] = attrs.evolve(
                    same, references=(*same.references, (c.name, reference.field))
                )
            else:
                keys.append(
                    ForeignKey(
                        column, _target_table(reference.target), references=((c.name, reference.field),)
                    )
                )
    for c in COLLECTIONS:
        skip = document_fields - {"id"} if c.name == "declarations" else frozenset()
        made = _field_columns(c.cls, skip)
        columns = tuple(col for col, _ in made)
        keys = list(by_table.get(c.name, ()))
        if c.name == "declarations":
            keys.insert(0, ForeignKey("id", "documents", references=()))
        primary = ("id",) if "id" in {col.name for col in columns} else ("subject", "predicate", "object")
        description = unmarked((c.cls.__doc__ or c.summary).strip().splitlines()[0])
        if c.name == "declarations":
            description = "The fields a declaration adds to its row of documents, by the document's id."
        elif c.name == "documents":
            description = "Every document, declarations included (their own fields are in declarations)."
        specs.append(
            (Table(c.name, description, columns, primary, tuple(keys), c.name), tuple(g for _, g in made))
        )
    records = Table(
        "records",
        "Every record with an id, of any kind: what a reference to a record of any kind points at.",
        (
            Column("id", "string", "The record's id.", required=True),
            Column("kind", "string", "Its kind (Body, Document, Meeting, ...).", required=True),
            Column("collection", "string", "The table its fields are in.", required=True),
        ),
        ("id",),
    )
    citations = Table(
        "citations",
        "Who says so: one row per field each source of each record states.",
        (
            Column("collection", "string", "The table of the record.", required=True),
            Column(
                "record", "string", "The record's id (a relation's: subject predicate object).", required=True
            ),
            Column("field", "string", "The field the source states (empty: the whole record)."),
            Column("document", "string", "The id of the source document.", required=True),
            Column("section", "string", "Where in the document.", required=True),
            Column(
                "derived", "string", "How the value was worked out from what the source states, if it was."
            ),
        ),
        (),
        (ForeignKey("document", "sources"),),
    )
    specs += [(records, ()), (citations, ())]
    return tuple(specs + links)  # fmt: skip


def _link_table(c: Collection, field: str, target: str) -> tuple[Table, tuple[_Get, ...]]:
    steps = [s.removesuffix("[]") for s in field.split(".")]
    owner = _owner(c)
    arrays = [s for s in field.split(".") if s.endswith("[]")]
    value = _singular(steps[-1])
    columns = [Column(owner, "string", f"The id of the {c.kind}.", required=True)]
    outer = [step.removesuffix("[]") for step in arrays[:-1]]
    columns += [
        Column(f"{step}_index", "integer", f"The place in {step}, from 0.", required=True) for step in outer
    ]
    columns.append(
        Column("position", "integer", f"The place in the list of {steps[-1]}, from 0.", required=True)
    )
    described = unmarked(field_descriptions(c.cls).get(steps[0], steps[-1]))
    kind = "record" if target == "*" else table_collection(target).kind
    columns.append(Column(value, "string", f"The id of a {kind}: {described}", required=True))
    name = _link_name(c, field)
    keys = (
        ForeignKey(owner, _home(c)),
        ForeignKey(value, _target_table(target), references=((c.name, field),)),
    )
    primary = tuple(col.name for col in columns[:-1])
    table = Table(name, f"One row per id in {c.name}' {field}.", tuple(columns), primary, keys, c.name, field)
    return table, ()


def tables() -> tuple[Table, ...]:
    """
    Every table: the collections' in the table's order, then ``records``, ``citations``, the link tables.

    >>> [t.name for t in tables()][:4]
    ['sources', 'sectors', 'bodies', 'documents']
    >>> link = tables()[-1]
    >>> link.name, [c.name for c in link.columns], link.primary_key
    ('dialogues_partners', ['dialogue', 'position', 'partner'], ('dialogue', 'position'))
    """
    return tuple(t for t, _ in _specs())


@functools.cache
def _class_columns(cls: type) -> tuple[tuple[Column, _Get], ...]:
    return tuple(_field_columns(cls))


def columns_of(cls: type) -> tuple[Column, ...]:
    """
    The columns of a table of *cls*'s records, as a collection's table has them (every field of *cls*).

    >>> import asean_digital as ad
    >>> [c.name for c in columns_of(ad.MemberState)][:6]
    ['id', 'name', 'alpha3', 'joined', 'joined_earliest', 'joined_latest']
    """
    return tuple(column for column, _ in _class_columns(cls))


def by_name() -> Mapping[str, Table]:
    """Every table by its name."""
    return {t.name: t for t in tables()}
