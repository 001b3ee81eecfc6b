"""Overlays written in one try: forgiving input, resolved keys, semantic checks, changes, skeletons."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import asean_digital as ad
import asean_digital.strategies as gen
from asean_digital.cli.main import main

SCHEMAS = resources.files("asean_digital") / "schema"
NOTES = {"id": "our-notes", "title": "Our notes", "description": "Facts we checked."}
CITE = [{"document": "our-notes", "section": "Minutes"}]


# What a person writes in each skeleton of ``new KIND`` (its FILL IN values), in the order printed.
FILLED: dict[str, dict[str, Any]] = {
    "body": {
        "id": "new-wg", "name": "New Working Group", "kind": "working_group",
    },
    "declaration": {
        "id": "new-declaration", "title": "New Declaration", "body": "ADGMIN", "meeting_number": 8,
        "meeting_name": "8th ADGMIN", "city": "Vientiane", "host": "Lao PDR",
    },
    "document": {"id": "new-study", "title": "A New Study", "kinds": ["publication"]},
    "meeting": {"id": "adgmin-8", "name": "8th ADGMIN", "dates": {"start": "2028-01", "end": "2028-01"}},
    "member-state": {"id": "XX", "name": "New State", "alpha3": "XXX", "joined": 2030},
    "master-plan": {
        "id": "adm2035", "acronym": "ADM2035", "name": "New Masterplan",
        "period": {"start": "2031", "end": "2035"},
    },
    "relation": {"subject": "adgsom-wg", "predicate": "partners_with", "object": "atrc-wg"},
    "source": {"id": "my-source", "title": "My notes", "description": "Notes of our own."},
}  # fmt: skip


def declaration(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "example-statement-2026",
        "title": "Example Statement on Digital Talent",
        "published": "2026-01",
        "body": "ADGMIN",
        "meeting": "6th ADGMIN",
        "meeting_number": 6,
        "meeting_name": "6th ADGMIN",
        "city": "Hanoi",
        "host": "Viet Nam",
        "sources": CITE,
    }
    record.update(overrides)
    return {k: v for k, v in record.items() if v is not ...}


def working_group(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "example-wg",
        "name": "Example Working Group",
        "acronym": "EX-WG",
        "kind": "working_group",
        "parent": "ADGSOM",
        "established": "2024",
        "representation": "Director",
        "description": "An example.",
    }
    record.update(overrides)
    return record


def write(tmp_path: Path, doc: dict[str, Any], name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ad.DataError) as info:
        ad.load(path)
    return list(info.value.problems)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestForgivingInput:
    def test_the_two_records_load_in_one_try(self, tmp_path: Path) -> None:
        """The issue's two records, written with keys and without derived fields, load as strict records."""
        reg = ad.load(
            write(
                tmp_path,
                {
                    "sources": [NOTES],
                    "declarations": [declaration()],
                    "bodies": [working_group(sources=CITE)],
                },
            )
        )
        d = reg.document("Example Statement on Digital Talent")
        assert isinstance(d, ad.Declaration)
        assert (d.body, d.meeting, d.host) == ("adgmin", "adgmin-6", "VN")
        assert [k.value for k in d.kinds] == ["declaration"]
        wg = reg.body("EX-WG")
        assert wg.parent == "adgsom"
        assert wg.role is None
        assert wg.meetings == ()
        assert [(n.name, n.acronym, str(n.valid.start), n.valid.end) for n in wg.names] == [
            ("Example Working Group", "EX-WG", "2024", None)
        ]

    def test_a_record_without_sources_cites_its_file(self, tmp_path: Path) -> None:
        """A record that gives no sources is stated by the overlay file itself."""
        reg = ad.load(write(tmp_path, {"bodies": [working_group()]}))
        (cited,) = reg.body("example-wg").sources
        assert reg.source(cited).title == "mine.json"

    def test_names_give_the_current_name(self, tmp_path: Path) -> None:
        """A body with a naming history gets its name, acronym and establishment from it."""
        record = working_group(
            names=[
                {"name": "Old Group", "acronym": "OG", "valid": {"start": "2010", "end": "2020"}},
                {"name": "New Group", "acronym": "NG", "valid": {"start": "2020", "end": None}},
            ]
        )
        for derived in ("name", "acronym", "established"):
            del record[derived]
        body = ad.load(write(tmp_path, {"bodies": [record]})).body("OG")
        assert (body.name, body.acronym, str(body.established)) == ("New Group", "NG", "2010")

    def test_the_packaged_data_is_unchanged(self) -> None:
        """Loading with no overlay gives exactly the default registry, with nothing changed or resolved."""
        reg = ad.load()
        assert reg == ad.registry
        assert reg.changes() == ()
        assert reg.resolved == ()

    def test_what_is_still_required_is_explained(self, tmp_path: Path) -> None:
        """A missing field that cannot be worked out says what it is; an unknown one the closest name."""
        record = working_group(descripton="typo")
        del record["kind"], record["description"]
        found = problems(write(tmp_path, {"bodies": [record]}))
        assert any(
            "$.bodies[0].kind: required field missing: give kind, one of 'ministerial', 'senior_officials', "
            "'regulators', 'working_group', 'committee', 'centre', 'network': What kind of body it is." in p
            for p in found
        )
        assert any("unknown field(s) descripton (did you mean 'description'?)" in p for p in found)

    @pytest.mark.parametrize(("field", "value"), [("established", 20.24), ("acronym", 7)])
    def test_a_wrong_value_is_reported_once_where_it_was_given(
        self, field: str, value: object, tmp_path: Path
    ) -> None:
        """A number for a date (or an acronym) is one problem, not a second one in the derived names."""
        found = problems(write(tmp_path, {"bodies": [working_group(**{field: value})]}))
        assert len(found) == 1, found
        assert found[0].split(": ")[1] == f"$.bodies[0].{field}"


class TestReferences:
    def test_resolutions_are_on_the_registry(self, tmp_path: Path) -> None:
        """Each key given for an id is listed with the id, file and JSON path."""
        path = write(tmp_path, {"bodies": [working_group()]})
        (r,) = ad.load(path).resolved
        assert (r.collection, r.id, r.field, r.key, r.resolved) == (
            "bodies",
            "example-wg",
            "parent",
            "ADGSOM",
            "adgsom",
        )
        assert (r.file, r.path) == (str(path), "$.bodies[0].parent")

    def test_an_id_is_not_a_resolution(self, tmp_path: Path) -> None:
        """A reference given as an id is not listed."""
        assert ad.load(write(tmp_path, {"bodies": [working_group(parent="adgsom")]})).resolved == ()

    def test_nested_and_former_keys(self, tmp_path: Path) -> None:
        """Keys resolve inside arrays of nested records, and a former name finds the body."""
        record = working_group(
            parent="TELSOM",
            meetings=[
                {
                    "description": "with the regulators",
                    "per_year": 1,
                    "joint_with": ["ATRC"],
                    "consultation_partners": ["ROK"],
                }
            ],
        )
        reg = ad.load(write(tmp_path, {"bodies": [record]}))
        body = reg.body("EX-WG")
        assert body.parent == "adgsom"
        assert (body.meetings[0].joint_with, body.meetings[0].consultation_partners) == (("atrc",), ("KR",))
        assert [r.field for r in reg.resolved] == [
            "parent",
            "meetings[0].joint_with[0]",
            "meetings[0].consultation_partners[0]",
        ]

    def test_a_miss_suggests_ids(self, tmp_path: Path) -> None:
        """A key that finds nothing is refused with the ids it may have meant, and nothing is applied."""
        (found,) = problems(write(tmp_path, {"bodies": [working_group(parent="ADGSMO")]}))
        assert (
            "$.bodies[0].parent: 'ADGSMO' is not the id of any body, nor a key of one; "
            "did you mean 'adgsom' (ADGSOM)" in found
        )

    def test_a_key_of_another_kind_is_not_resolved(self, tmp_path: Path) -> None:
        """A key must find a record of the field's kind: a member state is no parent."""
        (found,) = problems(write(tmp_path, {"bodies": [working_group(parent="Thailand")]}))
        assert "'Thailand' is not the id of any body" in found


class TestSemantics:
    def test_the_issue_declaration_is_refused(self, tmp_path: Path) -> None:
        """Number 5 named '7th TELMIN', 2019, Hanoi, hosted by TH: every disagreement is named."""
        record = declaration(
            meeting=None, meeting_number=5, meeting_name="7th TELMIN", published="2019", host="TH"
        )
        found = "\n".join(problems(write(tmp_path, {"sources": [NOTES], "declarations": [record]})))
        assert (
            "'7th TELMIN' does not agree with meeting_number 5: for the 7th TELMIN, write meeting_number 7; "
            "for the 5th meeting, write '5th TELMIN'"
        ) in found
        assert "meeting_number: 5 does not agree" not in found  # said once, not again against telmin-7
        assert "'Hanoi' is in 'VN'" in found
        assert "whose host is 'KH'" in found
        assert "whose city is 'Siem Reap'" in found
        assert "2019 is not the year of its meeting 'telmin-7'" in found

    def test_a_name_the_body_did_not_bear_then(self, tmp_path: Path) -> None:
        """A meeting named for TELMIN in 2023 is refused: the body was ADGMIN then."""
        record = declaration(
            id="late",
            title="Late",
            meeting=None,
            meeting_number=30,
            meeting_name="30th TELMIN",
            published="2023",
            city="Vientiane",
            host="LA",
        )
        found = "\n".join(problems(write(tmp_path, {"sources": [NOTES], "declarations": [record]})))
        assert "the body 'adgmin' was named 'ADGMIN' in 2023, not 'TELMIN': write '30th ADGMIN'" in found

    def test_dates_within_the_body_life(self, tmp_path: Path) -> None:
        """A declaration dated before its body was established is refused."""
        record = declaration(
            id="early",
            title="Early",
            meeting=None,
            meeting_number=30,
            meeting_name="30th TELMIN",
            published="1999",
            city="Vientiane",
            host="LA",
        )
        found = "\n".join(problems(write(tmp_path, {"sources": [NOTES], "declarations": [record]})))
        assert "1999 is before its body 'adgmin' was established (2001-07-13)" in found

    def test_a_host_not_yet_a_member(self, tmp_path: Path) -> None:
        """A meeting hosted by a state before it joined is refused."""
        meeting = {
            "id": "adgmin-9",
            "body": "adgmin",
            "number": 9,
            "name": "9th ADGMIN",
            "dates": {"start": "2029"},
            "host": "TL",
        }
        state = ad.converter.unstructure(ad.registry.member_state("TL"))
        state["joined"] = "2030"
        found = "\n".join(problems(write(tmp_path, {"meetings": [meeting], "member_states": [state]})))
        assert "'TL' joined ASEAN in 2030, after hosting it (2029)" in found


class TestChanges:
    def test_a_replaced_founding(self, tmp_path: Path) -> None:
        """Moving ADGMIN's founding is two dated changes, old and new, from the overlay file."""
        record = ad.converter.unstructure(ad.registry.body("ADGMIN"))
        record["established"] = record["names"][0]["valid"]["start"] = "1980"
        path = write(tmp_path, {"bodies": [record]})
        changes = ad.load(path).changes()
        assert [(c.action, c.id, c.field, c.old, c.new, c.dated) for c in changes] == [
            ("replaced", "adgmin", "established", "2001-07-13", "1980", True),
            ("replaced", "adgmin", "names[0].valid.start", "2001-07-13", "1980", True),
        ]
        assert {(c.file, c.path) for c in changes} == {(str(path), "$.bodies[0]")}

    def test_an_added_record_gives_each_field(self, tmp_path: Path) -> None:
        """An added record's changes are its fields, from nothing."""
        changes = ad.load(write(tmp_path, {"bodies": [working_group()]})).changes()
        assert {c.action for c in changes} == {"added"}
        assert {c.old for c in changes} == {None}
        assert ("parent", "adgsom") in [(c.field, c.new) for c in changes]

    def test_an_unchanged_record_is_no_change(self, tmp_path: Path) -> None:
        """A packaged record given back as it is changes nothing."""
        record = ad.converter.unstructure(ad.registry.body("ATRC"))
        assert ad.load(write(tmp_path, {"bodies": [record]})).changes() == ()

    def test_an_as_of_view_gives_the_full_changes(self, tmp_path: Path) -> None:
        """A point-in-time view reports its registry's changes."""
        reg = ad.load(write(tmp_path, {"bodies": [working_group()]}))
        assert reg.as_of(2010).changes() == reg.changes()

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(gen.datasets(max_records=2))
    def test_every_change_is_the_loaded_value(self, files: list[dict[str, Any]]) -> None:
        """For any valid overlays, each change's new value is the loaded record's, and not the old."""
        registry = gen.load_files(files)
        for change in registry.changes():
            assert change.old != change.new
            if change.collection in {"relations", "sources", "sectors"}:
                continue
            loaded = ad.converter.unstructure(registry.lookup(change.id))
            # The overlay's citation of itself is its provenance, not a change.
            loaded["sources"] = [s for s in loaded["sources"] if not s["document"].startswith("overlay-")]
            assert _at(loaded, change.field) == change.new


def _at(value: Any, path: str) -> Any:
    for name, index in re.findall(r"(\w+)|\[(\d+)\]", path):
        if name and name not in value:
            return None  # a field the new record's class does not have (a declaration made a document)
        value = value[name] if name else value[int(index)]
    return value


class TestPackagedRecordsStayConsistent:
    def test_moving_a_hosts_accession_past_its_meetings_is_refused(self, tmp_path: Path) -> None:
        """Thailand joining in 2030 contradicts the packaged meetings it hosted: each is named."""
        record = ad.converter.unstructure(ad.registry.member_state("TH"))
        record["joined"] = "2030"
        found = problems(write(tmp_path, {"member_states": [record]}))
        hosted = [*ad.registry.meetings(host="TH"), *ad.registry.declarations(host="TH")]
        assert len(found) == len(hosted)
        assert all("'TH' joined ASEAN in 2030, after hosting it" in p for p in found)
        assert all(
            p.endswith("(a packaged record, which the overlay's member state 'TH' contradicts)")
            for p in found
        )

    def test_a_body_history_cut_short_is_refused(self, tmp_path: Path) -> None:
        """An overlay ADGMIN that never took that name contradicts the packaged 'Nth ADGMIN' meetings."""
        record = ad.converter.unstructure(ad.registry.body("ADGMIN"))
        record["names"] = [{**record["names"][0], "valid": {**record["names"][0]["valid"], "end": None}}]
        record["name"], record["acronym"] = record["names"][0]["name"], "TELMIN"
        found = problems(write(tmp_path, {"bodies": [record]}))
        named = [m.name for m in ad.registry.meetings() if m.name.endswith("ADGMIN")]
        assert any("'1st ADGMIN' names 'ADGMIN', not an acronym of the body 'adgmin'" in p for p in found)
        assert sum("ADGMIN' names 'ADGMIN'" in p for p in found) >= len(named)


class TestCommandLine:
    def test_diff_table_json_csv(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """diff shows each changed field in every format, with the overlay file as source."""
        record = ad.converter.unstructure(ad.registry.member_state("TH"))
        record["joined"] = "1967-08"
        path = write(tmp_path, {"member_states": [record]})
        code, out, err = run(capsys, "--overlay", str(path), "diff")
        assert code == 0, err
        assert out.splitlines()[2].split() == [
            "replaced",
            "TH",
            "joined",
            "1967-08-08",
            "1967-08",
            "mine.json:",
            "$.member_states[0]",
        ]
        code, out, _ = run(capsys, "diff", "--overlay", str(path), "--format", "json")
        assert [(c["id"], c["field"], c["old"], c["new"], c["dated"]) for c in json.loads(out)] == [
            ("TH", "joined", "1967-08-08", "1967-08", True)
        ]
        code, out, _ = run(capsys, "diff", "--overlay", str(path), "--format", "csv")
        assert out.splitlines()[0] == "action,collection,id,field,old,new,file,path,dated"

    def test_diff_without_overlays(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With no overlay there is nothing to show, and a graph format is a usage error."""
        code, out, err = run(capsys, "diff")
        assert (code, out, err.strip()) == (0, "", "(no changes)")
        assert run(capsys, "diff", "--format", "dot")[0] == 2
        code, out, _ = run(capsys, "diff", "--format", "csv")  # no changes: still the whole header
        assert (code, out) == (0, "action,collection,id,field,old,new,file,path,dated\n")

    @pytest.mark.parametrize("kind", list(FILLED))
    def test_a_skeleton_loads_only_once_filled_in(
        self, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        new KIND describes every field; as printed it is refused, a problem per value to write;
        with those written it validates, meets the schema and adds a record.
        """
        code, out, err = run(capsys, "new", kind)
        assert code == 0, err
        doc = json.loads(out)
        (collection,) = [k for k in doc if k != "$comment"]
        (record,) = doc[collection]
        assert set(record) <= set(doc["$comment"])
        assert not any(":class:" in t or "``" in t for t in doc["$comment"].values())  # plain words
        assert all(
            doc["$comment"][f].split(";")[0] in {"required", "optional"}
            or doc["$comment"][f].startswith("derived")
            for f in record
        )
        unfilled = sorted(k for k, v in record.items() if "FILL IN" in json.dumps(v))
        assert unfilled == sorted(FILLED[kind])
        needed = [doc["$comment"][f].split(" ")[0].rstrip(";") for f in unfilled if f != "kinds"]
        assert set(needed) <= {"required", "derived"}  # a body's name is derived only from its names
        code, _, err = run(capsys, "validate", str(write(tmp_path, doc, "as-printed.json")))
        assert code == 1
        assert [line.split(": ")[1] for line in err.splitlines()[1:]] == [
            f"$.{collection}[0].{f}" + ("[0]" if f == "kinds" else "") for f in FILLED[kind]
        ]
        record.update(FILLED[kind])
        schema = json.loads((SCHEMAS / f"{collection}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(doc, schema)
        path = write(tmp_path, doc)
        assert run(capsys, "validate", str(path))[0] == 0
        changes = ad.load(path).changes()
        assert changes
        assert {c.action for c in changes} == {"added"}

    def test_the_sector_skeleton_is_the_packaged_sector(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """There is one sector: its skeleton starts from the packaged record and changes nothing as it is."""
        doc = json.loads(run(capsys, "new", "sector")[1])
        assert doc["sectors"][0]["name"] == "ASEAN Digital sector"
        assert ad.load(write(tmp_path, doc)).changes() == ()

    def test_new_unknown_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown kind is an error naming the kinds."""
        code, _, err = run(capsys, "new", "planet")
        assert code == 1
        assert "kind must be one of source, sector, body" in err

    def test_validate_notes_resolutions_and_moved_dates(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """validate says what it resolved and which dates of history an overlay moves."""
        adgmin = ad.converter.unstructure(ad.registry.body("ADGMIN"))
        adgmin["established"] = adgmin["names"][0]["valid"]["start"] = "1980"
        path = write(tmp_path, {"bodies": [adgmin, working_group()]})
        code, out, _ = run(capsys, "validate", str(path))
        assert code == 0
        assert "resolved: " in out
        assert "$.bodies[1].parent: 'ADGSOM' is 'adgsom'" in out
        assert "moves the dated history of 'adgmin': established 2001-07-13 -> 1980" in out


class TestSchemas:
    def test_minimal_records_meet_the_schema(self) -> None:
        """The schema takes what the loader takes: records without what may be left out."""
        doc = {"bodies": [working_group()]}
        jsonschema.validate(doc, json.loads((SCHEMAS / "bodies.schema.json").read_text(encoding="utf-8")))
        doc2 = {"declarations": [declaration()]}
        jsonschema.validate(
            doc2, json.loads((SCHEMAS / "declarations.schema.json").read_text(encoding="utf-8"))
        )

    def test_every_field_is_described(self) -> None:
        """Every property of every record schema carries a description."""
        for entry in SCHEMAS.iterdir():
            schema = json.loads(entry.read_text(encoding="utf-8"))
            (collection,) = [k for k in schema["properties"] if not k.startswith("$") and k != "data_version"]
            props = schema["properties"][collection]["items"]["properties"]
            assert all(p.get("description") for p in props.values()), entry.name


class TestReviewFindings:
    def test_keys_in_other_scripts_are_keys_of_their_own(self, tmp_path: Path) -> None:
        """A Chinese alias is found by itself; made-up text around a Latin key does not find that record."""
        with pytest.raises(ad.NotFoundError):
            ad.registry.lookup("中国ASEAN2015")
        with pytest.raises(ad.NotFoundError, match="no record matches 'КН'"):
            ad.registry.lookup("КН")
        path = write(tmp_path, {"bodies": [working_group(aliases=["数字工作组"])]})
        assert ad.load(path).lookup("数字工作组").id == "example-wg"

    def test_a_key_that_looks_like_another_records_is_refused(self, tmp_path: Path) -> None:
        """'КН' in Cyrillic letters looks exactly like Cambodia's code KH."""
        laos = {**ad.converter.unstructure(ad.registry.member_state("LA")), "aliases": ["КН"]}
        found = problems(write(tmp_path, {"member_states": [laos]}))
        expected = (
            f"{tmp_path / 'mine.json'}: $.member_states[0]: the key 'КН' looks like the id or acronym 'KH' "
            "written in other letters; write it in Latin letters, or drop it"
        )
        assert found == [expected]

    def test_an_unknown_host_is_one_problem(self, tmp_path: Path) -> None:
        record = declaration(host="Vietnamm")
        found = problems(write(tmp_path, {"sources": [NOTES], "declarations": [record]}))
        assert len(found) == 1, found
        assert "$.declarations[0].host: 'Vietnamm'" in found[0]

    def test_document_and_declaration_skeletons_load_together(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        for kind in ("document", "declaration"):
            code, out, _ = run(capsys, "new", kind)
            assert code == 0
            doc = json.loads(out)
            doc[next(k for k in doc if k != "$comment")][0].update(FILLED[kind])
            (tmp_path / f"{kind}.json").write_text(json.dumps(doc), encoding="utf-8")
        registry = ad.load(tmp_path)
        assert {c.id for c in registry.changes()} == {"new-study", "new-declaration"}

    def test_polars_frames_of_a_kind_stack(self) -> None:
        """The polars schema is the collection's, whatever the rows hold, so results concatenate."""
        import polars as pl

        parts = [
            ad.registry.bodies(established_before=2012).to_polars(),
            ad.registry.bodies(established_after=2012).to_polars(),
            ad.registry.bodies(established_before=1900).to_polars(),
        ]
        assert pl.concat(parts).height == len(ad.registry.bodies(established_before=2012)) + len(
            ad.registry.bodies(established_after=2012)
        )
        assert ad.to_polars([]).shape == (0, 0)
        assert ad.registry.sources().to_dataframe().shape[0] == len(ad.registry.sources())

    def test_a_declarations_meeting_follows_from_its_name(self, tmp_path: Path) -> None:
        """Without `meeting`, the meeting its name and number name is its meeting: an edge, a resolution."""
        record = declaration(meeting=None, meeting_number=6, meeting_name="6th ADGMIN", published="2026-01")
        del record["meeting"]
        registry = ad.load(write(tmp_path, {"sources": [NOTES], "declarations": [record]}))
        assert registry.document(record["id"]).meeting == "adgmin-6"
        (found,) = [r for r in registry.resolved if r.field == "meeting"]
        assert (found.key, found.resolved) == ("6th ADGMIN", "adgmin-6")
        wrong = declaration(meeting=None, meeting_number=5, meeting_name="6th ADGMIN", published="2026-01")
        with pytest.raises(ad.DataError, match="does not agree with meeting_number 5"):
            ad.load(write(tmp_path, {"sources": [NOTES], "declarations": [wrong]}, "wrong.json"))

    def test_a_wrong_meeting_is_one_problem_naming_the_right_one(self, tmp_path: Path) -> None:
        """meeting '5th ADGMIN' with meeting_name '6th ADGMIN', number 6: the meeting is the mistake."""
        record = declaration(meeting="5th ADGMIN")
        found = problems(write(tmp_path, {"sources": [NOTES], "declarations": [record]}))
        assert len(found) == 1, found
        assert found[0].endswith(
            "$.declarations[0].meeting: 'adgmin-5' (the 5th ADGMIN) is not the meeting its meeting_name "
            "'6th ADGMIN' and meeting_number 6 name: give meeting 'adgmin-6'"
        )


def test_a_year_may_be_an_integer_as_in_the_api(tmp_path: Path) -> None:
    """``"established": 2020`` is the year 2020, as the API takes a year; ``true`` is refused."""
    path = write(tmp_path, {"bodies": [working_group(established=2020)]})
    reg = ad.load(path)
    body = reg.body("EX-WG")
    assert (str(body.established), str(body.names[0].valid.start)) == ("2020", "2020")
    assert "example-wg" in [b.id for b in reg.bodies(established_after=2019, established_before=2021)]
    schema = json.loads((SCHEMAS / "bodies.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    wrong = write(tmp_path, {"bodies": [working_group(established=True)]}, "wrong.json")
    with pytest.raises(ad.DataError) as info:
        ad.load(wrong)
    assert [p.message for p in info.value.problems] == [
        "expected a date string like '2001', '2001-07' or '2001-07-15', or a year like 2001, got True"
    ]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(wrong.read_text(encoding="utf-8")), schema)


class TestPatches:
    def test_a_patch_changes_what_it_gives_and_keeps_the_rest_with_its_sources(self, tmp_path: Path) -> None:
        """``"$patch": true`` replaces the fields given; the rest stay, still cited by the packaged page."""
        atrc = ad.registry.body("ATRC")
        path = write(tmp_path, {"bodies": [{"$patch": True, "id": "atrc", "representation": "Regulators"}]})
        patched = ad.load(path).body("ATRC")
        assert patched.representation == "Regulators"
        assert (patched.description, patched.meetings, patched.names) == (
            atrc.description, atrc.meetings, atrc.names,
        )  # fmt: skip
        assert [s.document for s in patched.sources_for("representation")] == ["overlay-1"]
        assert [s.document for s in patched.sources_for("description")] == [
            s.document for s in atrc.sources_for("description")
        ]
        assert {c.field for c in ad.load(path).changes()} == {"representation", "sources[0].fields"}

    def test_a_patch_may_change_a_record_of_an_earlier_overlay(self, tmp_path: Path) -> None:
        """Files apply in order: a patch in a later file changes the record an earlier file added."""
        write(tmp_path, {"bodies": [working_group()]}, "10-add.json")
        write(
            tmp_path,
            {"bodies": [{"$patch": True, "id": "example-wg", "description": "Patched."}]},
            "20-patch.json",
        )
        body = ad.load(tmp_path).body("EX-WG")
        assert (body.description, body.representation) == ("Patched.", "Director")

    def test_a_patch_that_cannot_apply_is_a_problem(self, tmp_path: Path) -> None:
        """A patch of no record, a $patch that is not true, and a patch without an id: each said where."""
        path = write(
            tmp_path,
            {"bodies": [
                {"$patch": True, "id": "nobody", "role": "x"},
                {"$patch": 1, "id": "atrc"},
                {"$patch": True, "role": "y"},
            ]},
        )  # fmt: skip
        assert [p.split(": ", 1)[1] for p in problems(path)] == [
            (
                "$.bodies[0].id: 'nobody': no record of bodies to patch; "
                'to add one, give it whole without "$patch"'
            ),
            '$.bodies[1].$patch: 1: write "$patch": true, or leave it out',
            '$.bodies[2]: a patch names the record it changes by its id: give "id"',
        ]

    def test_validate_says_what_a_replacement_drops(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A whole record that replaces a packaged one says which of its fields it leaves empty."""
        packaged = ad.converter.unstructure(ad.registry.body("ATRC WG"))
        whole = {k: packaged[k] for k in ("id", "name", "acronym", "kind", "parent", "representation")}
        code, out, _ = run(capsys, "validate", str(write(tmp_path, {"bodies": [whole]})))
        assert code == 0
        (note,) = [line for line in out.splitlines() if "drops" in line]
        assert note.endswith(
            "$.bodies[0]: replacing 'atrc-wg' drops its role, description, meetings, sources; "
            'to change only the fields you give, write "$patch": true in the record'
        )


def test_an_overlay_stating_a_chair_is_told_to_give_a_participant(tmp_path: Path) -> None:
    """A meeting written as before roles (a chair field) is refused with the shape to write instead."""
    chair: dict[str, str] = {"name": "Someone", "member_state": "LA"}
    meeting: dict[str, Any] = {
        "id": "adgmin-9", "name": "9th ADGMIN", "dates": {"start": "2029-01", "end": "2029-01"},
        "chair": chair, "vice_chair": {"name": "Another"},
        "sources": [{"document": "reference-facts", "section": "x", "fields": ["name"]}],
    }  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"meetings": [meeting]}), encoding="utf-8")
    with pytest.raises(ad.DataError) as caught:
        ad.load(path)
    message = str(caught.value)
    assert "chair, vice_chair is now a view of participants" in message
    assert '{..., "role": "chair"}, {..., "role": "vice-chair"}' in message
    meeting.pop("vice_chair")
    meeting.pop("chair")
    meeting["participants"] = [{**chair, "role": "chair"}]
    path.write_text(json.dumps({"meetings": [meeting]}), encoding="utf-8")
    loaded = ad.load(path).meeting("adgmin-9").chair
    assert loaded is not None
    assert (loaded.name, loaded.member_state) == ("Someone", "LA")
