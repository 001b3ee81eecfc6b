"""
The data as one SQLite database, for ``sqlite3``, DuckDB and Datasette.

Written from the same description of tables as the CSV data package
(:mod:`asean_digital.formats.tables`): declared types, primary and foreign keys,
an index on every foreign key, views that join what users look up together,
and an ``about`` table. Beside it, a Datasette ``metadata.json`` with the
titles, descriptions and sources.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from asean_digital.formats.cells import flat_cell, rows
from asean_digital.formats.tables import Table, tables

from .atomic import flush, new_file

if TYPE_CHECKING:
    from asean_digital.query.registry import Registry

__all__ = ["VIEWS", "write_sqlite"]

_TYPES: Final = {
    "string": "TEXT",
    "integer": "INTEGER",
    "boolean": "INTEGER",
    "date": "DATE",
    "array": "TEXT",
    "object": "TEXT",
}


def _named_then(body: str, when: str, part: str) -> str:
    """
    SQL for the *part* (``acronym`` or ``name``) of the name *body* bore at the date *when*.

    That is the latest name surely in force by then (a renaming dated
    "2019-10" is taken from the month's last day; the first name from its
    first day, as the body's own date decides whether it existed), as
    :meth:`Body.name_at <asean_digital.Body.name_at>` takes it. ISO text
    compares as dates do, a shorter prefix first.
    """
    start = "json_extract(n.value, '$.valid.start')"
    latest = (
        f"CASE length({start}) WHEN 4 THEN {start} || '-12-31' WHEN 7 THEN {start} || '-31' ELSE {start} END"
    )
    return (
        f"(SELECT json_extract(n.value, '$.{part}') FROM json_each({body}.names) AS n "
        f"WHERE {start} IS NULL OR (n.key = 0 AND {start} <= {when}) OR {latest} <= {when} "
        f"ORDER BY {start} DESC LIMIT 1)"
    )


VIEWS: Final = {
    "declarations_full": (
        (
            "Every declaration with its document's fields, its host's name, and its body's acronym and "
            "name as they were when it was adopted (and the acronym today)."
        ),
        f"""
        SELECT d.id, d.title, d.published, d.published_earliest, d.published_latest, d.meeting,
               x.meeting_name, x.meeting_number, x.city, x.host, h.name AS host_name,
               x.body, {_named_then("b", "d.published_earliest", "acronym")} AS body_acronym,
               {_named_then("b", "d.published_earliest", "name")} AS body_name,
               b.acronym AS body_acronym_today
        FROM documents AS d
        JOIN declarations AS x ON x.id = d.id
        LEFT JOIN member_states AS h ON h.id = x.host
        LEFT JOIN bodies AS b ON b.id = x.body
        """,
    ),
    "meetings_full": (
        (
            "Every meeting with its body's acronym as it was then, its series and partner, its host's "
            "name, and its chair's and vice-chair's names."
        ),
        f"""
        SELECT m.id, m.name, m.body, {_named_then("b", "m.dates_start", "acronym")} AS body_acronym,
               m.series, m.partner, m.alongside,
               m.number, m.dates, m.dates_start, m.dates_end, m.city, m.host,
               h.name AS host_name, m.mode, m.theme,
               m.chair_person, COALESCE(m.chair_name, c.name) AS chair,
               m.chair_member_state,
               m.vice_chair_person, COALESCE(m.vice_chair_name, v.name) AS vice_chair,
               m.vice_chair_member_state
        FROM meetings AS m
        LEFT JOIN bodies AS b ON b.id = m.body
        LEFT JOIN member_states AS h ON h.id = m.host
        LEFT JOIN people AS c ON c.id = m.chair_person
        LEFT JOIN people AS v ON v.id = m.vice_chair_person
        """,
    ),
    "meeting_participants": (
        (
            "Who took part in each meeting, one row per participant and role, oldest meeting first: "
            "the person's name (as the meeting's source gives it, else the person's record) and whom "
            "they represented."
        ),
        """
        SELECT m.id AS meeting, m.name AS meeting_name, m.dates_start, CAST(j.key AS INTEGER) AS position,
               json_extract(j.value, '$.role') AS role,
               json_extract(j.value, '$.person') AS person,
               COALESCE(json_extract(j.value, '$.name'), p.name) AS name,
               json_extract(j.value, '$.title') AS title,
               json_extract(j.value, '$.member_state') AS member_state,
               json_extract(j.value, '$.partner') AS partner,
               json_extract(j.value, '$.organisation') AS organisation
        FROM meetings AS m, json_each(m.participants) AS j
        LEFT JOIN people AS p ON p.id = json_extract(j.value, '$.person')
        ORDER BY m.dates_start, m.id, position
        """,
    ),
}
"""The views of the database: name -> (description, SQL)."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(table: Table) -> str:
    lines = []
    for column in table.columns:
        line = f"{_quote(column.name)} {_TYPES[column.type]}"
        if column.required:
            line += " NOT NULL"
        if column.type == "boolean":
            line += f" CHECK ({_quote(column.name)} IN (0, 1))"
        elif column.type in {"array", "object"}:
            line += f" CHECK ({_quote(column.name)} IS NULL OR json_valid({_quote(column.name)}))"
        lines.append(line)
    if table.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(_quote(k) for k in table.primary_key)})")
    lines += [
        f"FOREIGN KEY ({_quote(k.column)}) REFERENCES {_quote(k.table)} ({_quote(k.target)})"
        for k in table.foreign_keys
    ]
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def is_metadata(path: Path, *, title: str) -> bool:
    """Whether *path* is the Datasette metadata a previous export wrote (a JSON object of that *title*)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(found, dict) and found.get("title") == title and isinstance(found.get("databases"), dict)
    )


def is_export(path: Path, *, title: str) -> bool:
    """Whether *path* is a database a previous export wrote (its ``about`` table names this package)."""
    try:
        with path.open("rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                return False
        # A URI that names the file itself: '%', '?' and '#' in its name are not read as URI syntax.
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            found = db.execute(
                "SELECT value FROM about WHERE key IN ('name', 'title') ORDER BY key"
            ).fetchall()
        finally:
            db.close()
    except (OSError, sqlite3.Error):
        return False
    return bool(found == [("asean-digital",), (title,)])


def write_sqlite(registry: Registry, target: Path, about: dict[str, str]) -> list[Path]:
    """
    Write the database to *target* by way of a temporary file beside it, and its Datasette metadata.

    Returns:
        The database's path and the metadata's.
    """
    temporary = new_file(target.parent, "db")
    meta = target.with_name(f"{target.stem}.metadata.json")
    meta_temporary = new_file(target.parent, "metadata")
    try:
        try:
            _fill(temporary, registry, about)
        except sqlite3.Error as e:  # a full disk, say: an error writing, as for any other file
            raise OSError(f"the database could not be written ({e})") from None
        meta_temporary.write_text(
            json.dumps(metadata(target.stem, about), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        for path in (temporary, meta_temporary):
            flush(path)
        os.replace(temporary, target)
        os.replace(meta_temporary, meta)
    except BaseException:
        # SQLite's rollback journal beside the temporary database stays where a write failed mid-way
        for path in (temporary, temporary.with_name(temporary.name + "-journal"), meta_temporary):
            path.unlink(missing_ok=True)
        raise
    return [target, meta]


def _fill(path: Path, registry: Registry, about: dict[str, str]) -> None:
    db = sqlite3.connect(path)  # the new, empty file: SQLite makes a database of it
    try:
        with db:
            db.execute("CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany("INSERT INTO about VALUES (?, ?)", about.items())
            for table in tables():
                db.execute(_create(table))
                names = [c.name for c in table.columns]
                marks = ", ".join("?" for _ in names)
                db.executemany(
                    f"INSERT INTO {_quote(table.name)} VALUES ({marks})",
                    ([flat_cell(row[n]) for n in names] for row in rows(table, registry.stored)),
                )
                for key in table.foreign_keys:
                    index = _quote(f"{table.name}_{key.column}")
                    db.execute(f"CREATE INDEX {index} ON {_quote(table.name)} ({_quote(key.column)})")
            for view, (_, sql) in VIEWS.items():
                db.execute(f"CREATE VIEW {_quote(view)} AS {sql.strip()}")
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:  # the data is validated before it gets here: this would be a bug of the export
            msg = f"the database's foreign keys do not hold: {broken[:5]}"
            raise RuntimeError(msg)
    finally:
        db.close()


def metadata(database: str, about: dict[str, str]) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for the database named *database*: titles, descriptions, sources."""
    described: dict[str, Any] = {
        t.name: {"description": t.description, "columns": {c.name: c.description for c in t.columns}}
        for t in tables()
    }
    for t in tables():  # a table of dated records lists them by date, as the library does, not by id
        dated = next((c.name for c in t.columns if c.type == "date"), None)
        if dated is not None:
            described[t.name]["sort"] = dated
    described["about"] = {"description": "The name, version and license of the data."}
    for view, (description, _) in VIEWS.items():
        described[view] = {"description": description}
    return {
        "title": about["title"],
        "description": about["description"],
        "license": about["license"],
        "license_url": about["license_url"],
        "source": "The ASEAN Secretariat and the public record (see the sources table)",
        "source_url": about["source_url"],
        "databases": {database: {"tables": described}},
    }
