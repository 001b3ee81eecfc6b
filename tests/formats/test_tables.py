"""
The data as tables: a data package that describes itself, and a SQLite database with the same keys.

Every reference field of the table of collections is checked against what the exports declare:
each is a foreign key whose column holds exactly the ids the Python API gives for that field.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import asean_digital as ad
from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.fields import values_at

reg = ad.registry


def reference_values() -> dict[tuple[str, str], tuple[str, set[str]]]:
    """(collection, field) -> (target collection, every id the field holds), from the Python API."""
    out = {}
    for c in COLLECTIONS:
        for reference in c.references:
            found = {v for record in reg.stored(c.name) for _, v in values_at(record, reference.field)}
            out[(c.name, reference.field)] = (reference.target, found)
    return out


REFERENCES = reference_values()
# One documents table holds every document: its columns of a document's own fields (meeting,
# led_by) hold the declarations' values too.
for _field in ("meeting", "led_by"):
    _target, _held = REFERENCES[("documents", _field)]
    _both = (_target, _held | REFERENCES[("declarations", _field)][1])
    REFERENCES[("documents", _field)] = REFERENCES[("declarations", _field)] = _both


@pytest.fixture(scope="module")
def csv_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv") / "export"
    ad.export(reg, folder, format="csv")
    return folder


@pytest.fixture(scope="module")
def package(csv_export: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((csv_export / "datapackage.json").read_text(encoding="utf-8"))
    return data


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def last_step(field: str) -> str:
    return field.rsplit(".", maxsplit=1)[-1].removesuffix("[]")


class TestDataPackage:
    def test_frictionless_validates_every_resource(self, csv_export: Path, package: dict[str, Any]) -> None:
        import frictionless

        report = frictionless.validate(str(csv_export / "datapackage.json"))
        assert report.valid, report.flatten(["title", "message"])
        assert report.stats["tasks"] == len(package["resources"]) == 38

    @pytest.mark.parametrize(("collection", "field"), list(REFERENCES))
    def test_every_reference_is_a_foreign_key(
        self, csv_export: Path, package: dict[str, Any], collection: str, field: str
    ) -> None:
        """Some declared foreign key to the field's target holds exactly the ids the field holds."""
        target, values = REFERENCES[(collection, field)]
        wanted = {"*": "records", "documents": "documents"}.get(target, target)
        step = last_step(field)
        candidates = []
        for resource in package["resources"]:
            for key in resource["schema"].get("foreignKeys", []):
                table = key["reference"]["resource"] or resource["name"]
                column = key["fields"]
                if table != wanted or not (column == step or column.endswith(step.rstrip("s"))):
                    continue
                if collection not in resource["name"] and resource["name"] not in {"documents"}:
                    continue
                held = {row[column] for row in read(csv_export, resource["name"]) if row[column]}
                candidates.append((resource["name"], column, held))
        assert any(held == values for _, _, held in candidates), (field, candidates)

    def test_a_broken_reference_is_a_foreign_key_error(self, csv_export: Path, tmp_path: Path) -> None:
        import shutil

        import frictionless

        broken = tmp_path / "broken"
        shutil.copytree(csv_export, broken)
        meetings = (broken / "meetings.csv").read_text(encoding="utf-8")
        (broken / "meetings.csv").write_text(meetings.replace(",Kuala Lumpur,MY,", ",Kuala Lumpur,ZZ,", 1))
        report = frictionless.validate(str(broken / "datapackage.json"))
        assert not report.valid
        errors = report.flatten(["type", "fieldName", "cells"])
        assert ["foreign-key", None, errors[0][2]] in [[t, None, c] for t, _, c in errors]
        assert any(t == "foreign-key" and "ZZ" in c for t, _, c in errors), errors

    def test_one_documents_resource_holds_every_document(
        self, csv_export: Path, package: dict[str, Any]
    ) -> None:
        documents = read(csv_export, "documents")
        assert [d["id"] for d in documents] == [d.id for d in reg.documents()] or {
            d["id"] for d in documents
        } == {d.id for d in reg.documents()}
        assert len(documents) == len(reg.documents()) == 92
        declarations = read(csv_export, "declarations")
        assert {d["id"] for d in declarations} == {d.id for d in reg.declarations()}
        kinds = {d["id"]: json.loads(d["kinds"]) for d in documents}
        assert kinds["cebu-declaration-2012"] == ["declaration"]
        schema = next(r for r in package["resources"] if r["name"] == "declarations")["schema"]
        assert {"fields": "id", "reference": {"resource": "documents", "fields": "id"}} in schema[
            "foreignKeys"
        ]

    def test_sql_friendly_names(self, package: dict[str, Any]) -> None:
        for resource in package["resources"]:
            assert resource["name"].isidentifier(), resource["name"]
            assert resource["name"].islower(), resource["name"]
            for field in resource["schema"]["fields"]:
                assert field["name"].isidentifier(), field["name"]

    def test_dates_are_typed_with_their_bounds(self, csv_export: Path, package: dict[str, Any]) -> None:
        fields = {
            f["name"]: f
            for f in next(r for r in package["resources"] if r["name"] == "bodies")["schema"]["fields"]
        }
        assert fields["established"]["type"] == "string"
        assert fields["established"]["constraints"]["pattern"].startswith("^[0-9]{4}")
        assert fields["established_earliest"]["type"] == fields["established_latest"]["type"] == "date"
        atrc = next(b for b in read(csv_export, "bodies") if b["id"] == "atrc")
        assert (atrc["established"], atrc["established_earliest"], atrc["established_latest"]) == (
            "1995", "1995-01-01", "1995-12-31",
        )  # fmt: skip
        meeting = next(m for m in read(csv_export, "meetings") if m["id"] == "adgmin-3")
        assert (meeting["dates"], meeting["dates_start"], meeting["dates_end"]) == (
            "2023-02-09/2023-02-10", "2023-02-09", "2023-02-10",
        )  # fmt: skip

    def test_types_descriptions_and_keys(self, package: dict[str, Any]) -> None:
        resources = {r["name"]: r for r in package["resources"]}
        meetings = {f["name"]: f for f in resources["meetings"]["schema"]["fields"]}
        assert meetings["number"]["type"] == "integer"
        assert meetings["mode"]["type"] == "string"
        assert meetings["mode"]["constraints"]["enum"] == ["in_person", "virtual", "hybrid"]
        assert meetings["outcomes"]["type"] == "array"
        assert meetings["host"]["description"] == "The id of the member state that hosted (chaired) it."
        assert all(f["description"] for r in resources.values() for f in r["schema"]["fields"])
        assert resources["relations"]["schema"]["primaryKey"] == ["subject", "predicate", "object"]
        assert resources["meetings_partners"]["schema"]["primaryKey"] == ["meeting", "position"]

    def test_version_license_and_sources(self, package: dict[str, Any]) -> None:
        assert package["version"] == reg.data_version
        assert package["licenses"][0]["name"] == "MIT"
        assert len(package["sources"]) == len(reg.sources())
        seed = reg.source("seed-page")
        assert {"title": seed.title, "path": seed.url} in package["sources"]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "asean.sqlite"
    assert ad.export(reg, path, format="sqlite") == [path, path.with_name("asean.metadata.json")]
    return path


class TestSQLite:
    def test_foreign_keys_hold(self, database: Path) -> None:
        db = sqlite3.connect(database)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    @pytest.mark.parametrize(("collection", "field"), list(REFERENCES))
    def test_every_reference_is_a_foreign_key(self, database: Path, collection: str, field: str) -> None:
        target, values = REFERENCES[(collection, field)]
        wanted = "records" if target == "*" else target
        step = last_step(field)
        db = sqlite3.connect(database)
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = []
        for table in tables:
            for key in db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                referred, column = key[2], key[3]
                if referred == wanted and (column == step or column.endswith(step.rstrip("s"))):
                    query = f'SELECT "{column}" FROM "{table}"'  # noqa: S608 - names the database gave
                    held = {v for (v,) in db.execute(query) if v is not None}
                    found.append((table, column, held))
        assert any(held == values for _, _, held in found), (field, found)

    def test_declared_types_and_indices(self, database: Path) -> None:
        db = sqlite3.connect(database)
        columns = {row[1]: row[2] for row in db.execute('PRAGMA table_info("meetings")')}
        assert (columns["number"], columns["dates_start"], columns["mode"], columns["name"]) == (
            "INTEGER", "DATE", "TEXT", "TEXT",
        )  # fmt: skip
        indices = {row[1] for row in db.execute('PRAGMA index_list("meetings")')}
        assert {"meetings_host", "meetings_series", "meetings_partner"} <= indices

    def test_views(self, database: Path) -> None:
        db = sqlite3.connect(database)
        row = db.execute(
            "SELECT title, meeting_name, city, host_name, body_acronym FROM declarations_full WHERE id = ?",
            ("cebu-declaration-2012",),
        ).fetchone()
        assert row[1:] == ("12th TELMIN", "Cebu", "Philippines", "TELMIN")
        assert db.execute("SELECT COUNT(*) FROM declarations_full").fetchone() == (19,)
        chair = db.execute("SELECT host_name, chair FROM meetings_full WHERE id = 'telmin-12'").fetchone()
        assert chair == ("Philippines", "Mario G. Montejo")

    def test_views_name_the_body_as_it_was_named_then(self, database: Path) -> None:
        """The seed page names each meeting ("12th TELMIN", "4th ADGMIN"): the views' acronym is that one."""
        db = sqlite3.connect(database)
        declarations = db.execute(
            "SELECT meeting_name, body_acronym, body_acronym_today FROM declarations_full"
        )
        for meeting_name, then, today in declarations:
            assert meeting_name.endswith(f" {then}"), (meeting_name, then)
            assert today == "ADGMIN"
        assert db.execute("SELECT count(*) FROM meetings_full").fetchone()[0] == len(reg.meetings())
        meetings = db.execute(
            "SELECT name, body, body_acronym FROM meetings_full WHERE number IS NOT NULL AND series IN "
            "('adgmin-meetings', 'adgsom-meetings', 'atrc-meetings')"
        ).fetchall()
        assert len(meetings) >= 37
        bodies = {
            "TELMIN": "adgmin", "ADGMIN": "adgmin", "TELSOM": "adgsom", "ADGSOM": "adgsom", "ATRC": "atrc",
        }  # fmt: skip
        for name, body, then in meetings:
            assert name.endswith(f" {then}"), (name, then)
            assert body == bodies[then]

    def test_meeting_participants_view(self, database: Path) -> None:
        """One row per participant and role, as the records have them; names from the person where unsaid."""
        db = sqlite3.connect(database)
        rows = db.execute(
            "SELECT meeting, position, role, person, name, member_state, partner, organisation "
            "FROM meeting_participants"
        ).fetchall()
        assert len(rows) == sum(len(m.participants) for m in reg.meetings())
        for meeting, position, role, person, name, state, partner, organisation in rows:
            p = reg.meeting(meeting).participants[position]
            assert (role, person, state, partner, organisation) == (
                p.role.value, p.person, p.member_state, p.partner, p.organisation,
            )  # fmt: skip
            assert name == (p.name or (reg.person(person).name if person else None))
        # the 1st China-ASEAN telecom ministers' meeting (19 September 2006): co-chaired by China's Xi Guohua
        assert ("china-telmin-1", "co-chair", "Xi Guohua", "CN") in {(r[0], r[2], r[4], r[6]) for r in rows}

    def test_datasette_metadata(self, database: Path) -> None:
        meta = json.loads(database.with_name("asean.metadata.json").read_text(encoding="utf-8"))
        tables = meta["databases"]["asean"]["tables"]
        assert tables["meetings"]["columns"]["host"] == "The id of the member state that hosted (chaired) it."
        assert meta["license"] == "MIT License"
        assert meta["source_url"] == reg.source("seed-page").url
        assert tables["meetings"]["sort"] == "dates_start"
        assert tables["bodies"]["sort"] == "established_earliest"
        assert "sort" not in tables["partners"]  # undated: by id

    def test_metadata_that_is_not_the_exports_is_not_replaced(self, tmp_path: Path) -> None:
        """FILE.metadata.json beside the database: a user's file there is kept, a link refused."""
        notes = tmp_path / "db.metadata.json"
        notes.write_text('{"title": "my own notes"}', encoding="utf-8")
        with pytest.raises(ValueError, match="is not the Datasette metadata an asean-digital export wrote"):
            ad.export(reg, tmp_path / "db.sqlite", format="sqlite")
        assert notes.read_text(encoding="utf-8") == '{"title": "my own notes"}'
        assert not (tmp_path / "db.sqlite").exists()
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_text("keep", encoding="utf-8")
        notes.unlink()
        notes.symlink_to(elsewhere)
        with pytest.raises(ValueError, match="symbolic link"):
            ad.export(reg, tmp_path / "db.sqlite", format="sqlite", force=True)
        assert elsewhere.read_text(encoding="utf-8") == "keep"
        notes.unlink()
        ad.export(reg, tmp_path / "db.sqlite", format="sqlite")
        ad.export(reg, tmp_path / "db.sqlite", format="sqlite")  # its own metadata is replaced
        assert json.loads(notes.read_text(encoding="utf-8"))["license"] == "MIT License"

    def test_a_snapshot_says_it_is_one(self, tmp_path: Path) -> None:
        """An export of the registry as of a moment is marked as that snapshot (about table, package)."""
        then = reg.as_of(2015)
        ad.export(then, tmp_path / "then.sqlite", format="sqlite")
        about = dict(sqlite3.connect(tmp_path / "then.sqlite").execute("SELECT key, value FROM about"))
        assert about["as_of"] == "2015"
        assert "as it stood in 2015" in about["description"]
        ad.export(then, tmp_path / "csv", format="csv")
        package = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))
        assert package["as_of"] == "2015"
        assert "A snapshot" in package["description"]
        ad.export(reg, tmp_path / "now", format="json")
        package = json.loads((tmp_path / "now" / "datapackage.json").read_text(encoding="utf-8"))
        assert "as_of" not in package
        assert "citations table" not in package["description"]  # the JSON export has none

    def test_a_file_that_is_not_an_export_is_not_replaced(self, tmp_path: Path) -> None:
        mine = tmp_path / "mine.sqlite"
        mine.write_text("my notes", encoding="utf-8")
        with pytest.raises(ValueError, match="is not a database an asean-digital export wrote"):
            ad.export(reg, mine, format="sqlite")
        assert mine.read_text(encoding="utf-8") == "my notes"
        link = tmp_path / "link.sqlite"
        link.symlink_to(mine)
        with pytest.raises(ValueError, match="symbolic link"):
            ad.export(reg, link, format="sqlite", force=True)
        assert mine.read_text(encoding="utf-8") == "my notes"
        ad.export(reg, mine, format="sqlite", force=True)
        assert sqlite3.connect(mine).execute("SELECT value FROM about WHERE key='name'").fetchone() == (
            "asean-digital",
        )

    def test_a_previous_export_is_replaced(self, database: Path, tmp_path: Path) -> None:
        path = tmp_path / "again.sqlite"
        ad.export(reg, path, format="sqlite")
        ad.export(reg, path, format="sqlite")
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left
        count = sqlite3.connect(path).execute("SELECT COUNT(*) FROM meetings").fetchone()
        assert count == (len(reg.meetings()),)


def test_datasette_serves_the_database(database: Path) -> None:
    """Datasette (pinned below 1.0) serves the export on a loopback port; a table reads back over HTTP."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    metadata = database.with_name("asean.metadata.json")
    command = [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(metadata),
               "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as server:
        try:
            url = f"http://127.0.0.1:{port}/asean/meetings_full.json?_shape=array&host=PH"
            for _ in range(150):
                try:
                    with urllib.request.urlopen(url, timeout=5) as response:
                        rows = json.loads(response.read())
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                said = server.stderr.read().decode(errors="replace") if server.stderr else ""
                pytest.fail(f"datasette did not answer: {said}")
            assert [r["name"] for r in rows] == [m.name for m in reg.meetings(host="PH")]
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/asean.json", timeout=5) as response:
                described = json.loads(response.read())
            assert "meetings" in {t["name"] for t in described["tables"]}
            # Without a sort of the user's, dated tables list their records by date, as the library does.
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/asean/meetings.json?_shape=array&_size=max", timeout=5
            ) as response:
                meetings = json.loads(response.read())
            starts = [m["dates_start"] for m in meetings]
            assert starts == sorted(starts)
            assert meetings[0]["id"] == reg.meetings()[0].id == "atrc-1"  # Jakarta, 1995
        finally:
            server.terminate()
            server.wait(timeout=30)
