"""Records for tables, DataFrames, whole-dataset export and graphs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import asean_digital as ad
from asean_digital.model.collections import COLLECTIONS as TABLE

COLLECTIONS = {c.name: c.cls for c in TABLE}

reg = ad.registry


class TestRecords:
    def test_nested_records_are_json_safe(self) -> None:
        """to_records gives what json.dumps accepts, dates and enums as text."""
        rows = ad.to_records(reg.bodies())
        assert json.loads(json.dumps(rows)) == rows
        assert rows[0]["established"] == "1995"
        assert rows[0]["names"][0]["valid"]["end"] == "2011-07"

    def test_flat_records_are_scalars(self) -> None:
        """flat=True leaves only scalars and None; nested values are JSON text."""
        for row in ad.to_records(reg.documents(), flat=True):
            assert all(v is None or isinstance(v, str | int | float) for v in row.values())
            assert json.loads(row["kinds"])

    def test_search_matches(self) -> None:
        """Search matches become records with score, kind, id, key and the record found."""
        row = ad.to_records(reg.search("ATRC", limit=1))[0]
        assert (row["kind"], row["id"], row["entity"]["id"]) == ("Body", "atrc", "atrc")


class TestDataFrame:
    @pytest.mark.parametrize(
        ("query", "rows"),
        [
            (reg.bodies, 16),
            (reg.documents, 92),
            (reg.declarations, 19),
            (reg.master_plans, 4),
            (reg.series, 19),
            (reg.meetings, 129),
            (reg.people, 79),
            (reg.events, 5),
            (reg.editions, 8),
            (reg.partners, 7),
            (reg.member_states, 11),
            (reg.relations, 27),
        ],
    )
    def test_shape(self, query: object, rows: int, tmp_path: Path) -> None:
        """One row per record; the columns of the collection's table in the CSV export."""
        items = query()  # type: ignore[operator]
        df = ad.to_dataframe(items)
        assert df.shape[0] == rows == len(items)
        column = "id" if "id" in df else "subject"
        assert list(df[column]) == [getattr(r, column) for r in items]
        if query in (reg.documents, reg.declarations, reg.relations):
            return  # documents hold declarations; relations() holds the hierarchy the export leaves out
        ad.export(reg, tmp_path, format="csv")
        name = next(c.name for c in TABLE if c.cls is type(items[0]))
        with (tmp_path / f"{name}.csv").open(encoding="utf-8") as f:
            assert list(df.columns) == next(csv.reader(f))

    def test_real_types(self) -> None:
        """Dates are datetime64 (earliest and latest), integers Int64, enumerations strings, lists lists."""
        df = ad.to_dataframe(reg.meetings(body="ADGMIN"))
        assert str(df["dates_start"].dtype) == str(df["dates_end"].dtype) == "datetime64[s]"
        first = df.iloc[0]
        assert (first["name"], str(first["dates_start"].date()), str(first["dates_end"].date())) == (
            "1st TELMIN", "2001-07-13", "2001-07-14",
        )  # fmt: skip
        assert str(df["number"].dtype) == "Int64"
        assert str(df["mode"].dtype) == "string"
        assert df.set_index("id").loc["adgmin-1", "mode"] == "virtual"
        assert df.set_index("id").loc["telmin-12", "chair_person"] == "mario-montejo"
        bodies = ad.to_dataframe(reg.bodies()).set_index("id")
        assert str(bodies.loc["atrc", "established_earliest"].date()) == "1995-01-01"
        assert str(bodies.loc["atrc", "established_latest"].date()) == "1995-12-31"
        assert bodies.loc["adgmin", "names"][0]["acronym"] == "TELMIN"  # nested values as Python data

    def test_flat_gives_json_text(self) -> None:
        df = ad.to_dataframe(reg.bodies(), flat=True)
        assert str(df["names"].dtype) == "string"
        assert json.loads(df["names"][2])[0]["acronym"] == "TELMIN"
        assert reg.bodies().to_dataframe(flat=True)["names"].tolist() == df["names"].tolist()

    def test_polars(self) -> None:
        import polars as pl

        df = reg.meetings().to_polars()
        assert df.schema["dates_start"] == pl.Date
        assert df.schema["number"] == pl.Int64
        assert df.schema["outcomes"] == pl.List(pl.Utf8)
        assert df.filter(pl.col("host") == "PH")["name"].to_list() == [
            m.name for m in reg.meetings(host="PH")
        ]

    @pytest.mark.parametrize(
        "empty",
        [
            reg.bodies(established_before=1900),
            reg.meetings(year=1999),
            reg.declarations(host="SG", year=2001),
            reg.documents(year=1700),
            reg.people()[:0],
            reg.relations(subject="atrc", predicate="develops"),
            reg.as_of(1960).member_states(),
        ],
    )
    def test_an_empty_result_has_its_columns(self, empty: ad.Results[object]) -> None:
        """No records is still the collection's table: the same columns and types, no rows."""
        assert len(empty) == 0
        assert empty.kind is not None
        name = next(c.name for c in TABLE if c.cls is empty.kind)
        full = ad.to_dataframe(reg.relations() if name == "relations" else reg.records(name))
        df = empty.to_dataframe()
        assert df.shape == (0, full.shape[1])
        assert dict(df.dtypes.astype(str)) == dict(full.dtypes.astype(str))
        frame = empty.to_polars()
        assert (frame.height, frame.columns) == (0, list(full.columns))

    def test_search_matches_as_frames(self) -> None:
        """Matches are rows of score (a float), kind, id, key, field and snippet: the id names the record."""
        import polars as pl

        found = reg.search("cybersecurity", limit=5)
        df = found.to_dataframe()
        assert list(df.columns) == ["score", "kind", "id", "key", "field", "snippet"]
        assert str(df["score"].dtype) == "Float64"
        assert list(df["id"]) == [m.entity.id for m in found]
        frame = found.to_polars()
        assert frame.schema["score"] == pl.Float64
        assert frame["id"].to_list() == list(df["id"])
        none = reg.search("zzqqxxy")
        assert list(none.to_dataframe().columns) == list(df.columns)
        assert none.to_polars().columns == list(df.columns)

    def test_errata_as_a_table(self) -> None:
        """Errata are rows of the record's kind and id, the field, what is kept and stated, and why."""
        errata = reg.errata()
        df = ad.to_dataframe(errata)
        assert list(df.columns) == ["kind", "id", "field", "kept", "stated", "note", "sources"]
        assert len(df) == len(errata)
        brunei = df[(df["id"] == "BN") & (df["field"] == "joined")].iloc[0]
        # The ASEAN Secretariat's date is kept over a news item's (research/evidence.csv).
        assert (brunei["kind"], brunei["kept"]) == ("MemberState", "1984-01-07")
        assert "web-asean-about-asean-2024" in brunei["sources"].split(", ")
        assert ad.to_polars(errata).columns == list(df.columns)
        assert [r["id"] for r in ad.to_records(errata)] == list(df["id"])

    def test_dtypes(self) -> None:
        """Text columns are strings and booleans booleans."""
        df = ad.to_dataframe(reg.member_states())
        assert str(df["name"].dtype) == "string"
        assert str(df["founding"].dtype) == "boolean"
        assert int(df["founding"].sum()) == 5


class TestExport:
    def test_json_round_trip(self, tmp_path: Path) -> None:
        """A JSON export holds every record, and loads back to the same records."""
        ad.export(reg, tmp_path)
        again = ad.load(tmp_path)
        assert set(again.bodies()) == set(reg.bodies())
        assert set(again.documents()) == set(reg.documents())
        assert set(again.relations()) == set(reg.relations())
        assert len(again.member_states()) == len(reg.member_states())

    def test_csv_counts(self, tmp_path: Path) -> None:
        """A CSV export has one file per collection with one row per record, and the citations."""
        import pandas as pd

        paths = ad.export(reg, tmp_path, format="csv")
        assert {*COLLECTIONS, "citations", "records", "meetings_outcomes"} <= {p.stem for p in paths[:-1]}
        expected = {
            "bodies": 16, "documents": 92, "declarations": 19, "master_plans": 4, "events": 5, "partners": 7,
            "member_states": 11, "relations": 19, "sectors": 1, "sources": 367, "policy_areas": 8,
            "dialogues": 3, "initiatives": 5, "meetings": 129, "people": 79, "processes": 3, "series": 19,
            "editions": 8,
        }  # fmt: skip
        for name, count in expected.items():
            with (tmp_path / f"{name}.csv").open(encoding="utf-8") as f:
                assert len(list(csv.DictReader(f))) == count, name
            assert len(pd.read_csv(tmp_path / f"{name}.csv")) == count

    def test_datapackage(self, tmp_path: Path) -> None:
        """datapackage.json describes every file, its fields and its key."""
        ad.export(reg, tmp_path, format="csv")
        package = json.loads((tmp_path / "datapackage.json").read_text())
        resources = {r["path"]: r for r in package["resources"]}
        assert {f"{name}.csv" for name in COLLECTIONS} | {"citations.csv"} <= set(resources)
        bodies = resources["bodies.csv"]["schema"]
        assert bodies["primaryKey"] == ["id"]
        with (tmp_path / "bodies.csv").open(encoding="utf-8") as f:
            assert next(csv.reader(f)) == [field["name"] for field in bodies["fields"]]
        assert resources["relations.csv"]["schema"]["primaryKey"] == ["subject", "predicate", "object"]

    def test_frictionless_validates_the_json_export(self, tmp_path: Path) -> None:
        """The JSON export's descriptor is valid too, each resource with the JSON Schema of its file."""
        import frictionless

        ad.export(reg, tmp_path, format="json")
        report = frictionless.validate(str(tmp_path / "datapackage.json"))
        assert report.valid, report.flatten(["title", "message"])
        package = json.loads((tmp_path / "datapackage.json").read_text())
        bodies = next(r for r in package["resources"] if r["name"] == "bodies")
        assert bodies["jsonSchema"]["properties"]["bodies"]["type"] == "array"

    def test_citations_say_who_says_so(self, tmp_path: Path) -> None:
        """citations.csv has a row per field each source of each record states, as sources_for says."""
        import pandas as pd

        ad.export(reg, tmp_path, format="csv")
        rows = pd.read_csv(tmp_path / "citations.csv", keep_default_na=False)
        assert list(rows.columns) == ["collection", "record", "field", "document", "section", "derived"]
        cebu = rows[(rows.record == "cebu-declaration-2012") & (rows.field == "city")]
        assert list(cebu.document) == ["reference-facts"]
        kind = rows[(rows.record == "KR") & (rows.field == "kind")]
        assert kind.derived.iloc[0].startswith("kind: from")
        for record in (reg.body("ATRC"), reg.document("PDP Framework"), reg.member_state("VN")):
            mine = rows[rows.record == record.id]
            for field in set(mine.field):
                documents = {s.document for s in record.sources_for(field)}
                assert set(mine[mine.field == field].document) <= documents

    def test_bad_format(self, tmp_path: Path) -> None:
        """Only json and csv."""
        with pytest.raises(ValueError, match="'json', 'csv' or 'sqlite'"):
            ad.export(reg, tmp_path, format="xml")  # type: ignore[arg-type]  # refused at run time too


class TestGraph:
    def test_dot_edges_are_the_hierarchy(self) -> None:
        """Every parent link is an edge, and every plain edge is a parent link."""
        dot = ad.graph(reg)
        plain = {
            tuple(part.strip().strip('";') for part in line.split("->"))
            for line in dot.splitlines()
            if "->" in line and "[" not in line
        }
        assert plain == {(b.id, b.parent) for b in reg.bodies() if b.parent}
        assert '"atrc" -> "adgmin" [style=dotted, label="advises"];' in dot

    def test_mermaid(self) -> None:
        """Mermaid output has a node per body and an arrow per parent link."""
        text = ad.graph(reg, format="mermaid")
        assert text.count("-->") == sum(1 for b in reg.bodies() if b.parent)
        nodes = [line.strip() for line in text.splitlines() if line.strip()[:1] == "n" and '["' in line]
        assert len(nodes) == 16
        assert [n.split('"')[1] for n in nodes][:3] == ["ATRC", "ADGSOM", "ADGMIN"]

    def test_as_of_graph(self) -> None:
        """The graph of 2010 has no ANSAC."""
        assert "ansac" not in ad.graph(reg.as_of(2010))

    def test_networkx(self) -> None:
        """A node per record; an edge per relation (hierarchy included) and per reference a record makes."""
        import networkx as nx

        from asean_digital.model.fields import values_at

        g = ad.to_networkx(reg)
        references = [
            (record.id, value, r.field.replace("[]", ""))
            for c in TABLE
            if c.name != "relations"
            for r in c.references
            for record in reg.stored(c.name)
            for _, value in values_at(record, r.field)
        ]
        listed = [
            r.id
            for c in TABLE
            if c.keyed and c.name not in {"sectors", "sources"}
            for r in reg.stored(c.name)
            if any(s.document == "seed-page" for s in r.sources)
        ]
        assert g.number_of_edges() == len(reg.relations()) + len(set(references)) + len(listed)
        assert all(g.has_edge("digital", rid, key="lists") for rid in listed)
        assert g.edges["digital", "cerdas-study", "lists"]["sections"] == [
            "Key Documents / Publications and Related Links"
        ]
        assert all(g.has_edge(a, b, key=k) for a, b, k in references)
        assert g.has_edge("cebu-declaration-2012", "PH", key="host")
        assert g.has_edge("telmin-12", "cebu-declaration-2012", key="outcomes")
        assert g.has_edge("adgsom", "atrc", key="meetings.joint_with")
        assert g.number_of_nodes() == sum(len(reg.stored(c.name)) for c in TABLE if c.keyed)
        # One component holds the sector and all it lists, meets with and refers to; Timor-Leste,
        # admitted in 2025, is named by no meeting, document or section of the sector's page.
        components = sorted(nx.weakly_connected_components(g), key=len, reverse=True)
        assert {"adgmin", "telmin-1", "PH", "JP", "leo-moggie", "adm2025", "cerdas-study"} <= components[0]
        assert components[1:] == [{"TL"}]
        assert {
            (a, b) for a, b, k in g.edges(keys=True) if k == "part_of" and a in {x.id for x in reg.bodies()}
        } >= {(b.id, b.parent) for b in reg.bodies() if b.parent}
        assert g.nodes["adm2025"]["kind"] == "MasterPlan"
        assert all(g.has_node(n) for r in reg.relations() for n in (r.subject, r.object))

    def test_bad_format(self) -> None:
        """Only dot and mermaid."""
        with pytest.raises(ValueError, match="'dot' or 'mermaid'"):
            ad.graph(reg, format="svg")


def test_partial_dates_carry_their_precision() -> None:
    """A date known to the month is marked so beside its bounds, in DataFrames as in the CSV export."""
    df = ad.to_dataframe(reg.meetings(body="ADGMIN")).set_index("name")
    assert df.loc["11th TELMIN", "dates_start_precision"] == "day"
    assert df.loc["11th TELMIN", "dates_end_precision"] == "month"
    assert str(df.loc["11th TELMIN", "dates_end"].date()) == "2011-12-31"  # the last day it can be
    bodies = ad.to_dataframe(reg.bodies()).set_index("id")
    assert bodies.loc["atrc", "established_precision"] == "year"
    assert bodies.loc["adgmin", "established_precision"] == "day"
