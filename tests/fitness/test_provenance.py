"""Who says so: every field of every record is backed by a source that names it, or is empty."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import attrs
import pytest

import asean_digital as ad
from asean_digital import Source
from asean_digital.model.collections import COLLECTIONS

reg = ad.registry
_NOT_FACTS = {"id", "sources", "errata"}  # identifiers and provenance itself
_PATH = re.compile(r"^[a-z_0-9]+(\[[0-9]+\])?(\.[a-z_0-9]+(\[[0-9]+\])?)*$")


def every_record() -> list[Any]:
    """Every record of every collection but the source documents themselves."""
    return [r for c in COLLECTIONS if c.name != "sources" for r in reg.stored(c.name)]


def stated_fields(record: Any) -> list[str]:
    """Every field path of *record* that holds a value: top-level fields and each item of a tuple."""
    paths = []
    for a in attrs.fields(type(record)):
        if a.name in _NOT_FACTS:
            continue
        value = getattr(record, a.name)
        if value is None or value in ((), ""):
            continue
        paths.append(a.name)
        if isinstance(value, tuple):
            paths.extend(f"{a.name}[{i}]" for i in range(len(value)))
    return paths


class TestCoverage:
    """Each statement of the data says who makes it."""

    @pytest.mark.parametrize("record", every_record(), ids=lambda r: str(r.id))
    def test_every_stated_field_has_a_source(self, record: Any) -> None:
        """Every non-empty field, and every item of a tuple field, has at least one source."""
        missing = [path for path in stated_fields(record) if not record.sources_for(path)]
        assert missing == []

    def test_fields_name_real_paths(self) -> None:
        """A source's field paths are well-formed and start at a field of its record."""
        for record in every_record():
            names = {a.name for a in attrs.fields(type(record))}
            for source in record.sources:
                for path in source.fields:
                    assert _PATH.match(path), (record.id, path)
                    assert path.split(".")[0].split("[")[0] in names - _NOT_FACTS, (record.id, path)

    def test_whole_record_sources_only_for_relations(self) -> None:
        """``fields=()`` (the whole record) is kept for relations, which are one statement each."""
        for record in every_record():
            for source in record.sources:
                assert bool(source.fields) != isinstance(record, ad.Relation), (record.id, source)

    def test_derived_values_say_from_what(self) -> None:
        """A derivation names the field it derives and says what from; it cites a real section."""
        derived = [(r, s) for r in every_record() for s in r.sources if s.derived is not None]
        assert derived
        for record, source in derived:
            field = source.derived.split(":", 1)[0]
            assert any(f.split("[")[0] == field for f in source.fields), (record.id, source)
            assert len(source.derived.split(":", 1)[1].strip()) > 10

    def test_support_by_kind(self) -> None:
        """Stated fields by kind of support: page, reference facts, other public sources, derived."""
        counts: Counter[str] = Counter()
        for record in every_record():
            for path in stated_fields(record):
                kinds = set()
                for source in record.sources_for(path):
                    if source.derived is not None:
                        kinds.add("derived")
                    elif source.document == "seed-page":
                        kinds.add("page")
                    elif source.document == "reference-facts":
                        kinds.add("reference facts")
                    else:
                        kinds.add("public source")
                for kind in kinds:
                    counts[kind] += 1
        # The public record states more fields than the page; worked-out values are the fewest of all
        # but the reference facts' (which fill in only what the page names without spelling out).
        assert counts["public source"] > counts["page"] > counts["derived"] > 0
        assert counts["page"] > counts["reference facts"] > 0
        print(f"\ntest_support_by_kind: {dict(sorted(counts.items()))}")


class TestSourcesFor:
    """``record.sources_for(field)`` answers "who says so?" for any field path."""

    def test_a_declarations_title_and_city_come_from_different_sources(self) -> None:
        """The page lists the declaration; the reference facts place its meeting."""
        decl = reg.document("Cebu Declaration")
        assert {s.document for s in decl.sources_for("title")} == {"seed-page"}
        assert {s.document for s in decl.sources_for("city")} == {"reference-facts"}
        assert {s.document for s in decl.sources_for("host")} == {"reference-facts"}

    def test_a_master_plans_thrusts_and_period(self) -> None:
        """Thrusts come from the page; the period from the reference facts."""
        plan = reg.master_plan("AIM2020")
        assert {s.document for s in plan.sources_for("thrusts[7].title")} == {"seed-page"}
        assert {s.document for s in plan.sources_for("period")} == {"reference-facts"}

    def test_inferences_are_labelled(self) -> None:
        """A partner's kind and SSM's year are worked out, and say so."""
        (kind,) = reg.partner("KR").sources_for("kind")
        assert kind.derived is not None
        assert kind.derived.startswith("kind:")
        (year,) = reg.body("SSM").sources_for("established")
        assert year.derived is not None
        assert "since 2011" in year.derived

    def test_aliases_cite_who_uses_them(self) -> None:
        """Each alias has its own source: the page, or a public page with its address."""
        korea = reg.partner("KR")
        south = korea.aliases.index("South Korea")
        (source,) = korea.sources_for(f"aliases[{south}]")
        document = reg.source(source)
        assert document.url is not None
        assert document.url.startswith("https://www.thesundaily.my/")
        assert reg.member_state("Burma").id == "MM"

    def test_unknown_field_is_refused(self) -> None:
        """A field the record does not have is a ValueError naming the fields it has."""
        with pytest.raises(ValueError, match="not a field of a Body; expected one of id, acronym"):
            reg.body("ATRC").sources_for("colour")
        with pytest.raises(TypeError, match="field path string"):
            reg.body("ATRC").sources_for(3)  # type: ignore[arg-type]


class TestSourceDocuments:
    """Source documents carry their address, publisher and date where a source states them."""

    def test_the_page_keeps_its_id_and_has_its_address(self) -> None:
        page = reg.source("seed-page")
        assert page.url == "https://asean.org/our-communities/economic-community/asean-digital-sector"
        assert page.publisher == "ASEAN Secretariat"

    def test_every_web_source_is_cited_and_well_formed(self) -> None:
        """Each web page has an http(s) address, a title and a publisher, and some record cites it."""
        cited = {
            s.document
            for r in every_record()
            for s in (*r.sources, *(x for e in r.errata for x in e.sources))
        }
        for document in reg.sources():
            assert document.id in cited
            if document.id not in {"seed-page", "reference-facts"}:
                assert document.url is not None
                assert document.url.startswith(("https://", "http://"))
                assert document.title
                assert document.publisher

    def test_source_matching_is_by_path_prefix(self) -> None:
        """A source of ``names`` supports ``names[1].name``; one of ``names[1]``, ``names`` in part."""
        assert Source("seed-page", "Overview", ("names",)).supports("names[1].name")
        assert Source("seed-page", "Overview", ("names[1]",)).supports("names")
        assert not Source("seed-page", "Overview", ("name",)).supports("names")
        assert Source("seed-page", "Overview").supports("anything")


class TestSourceFilter:
    """``source=`` on every collection query and on search: records with a statement from that source."""

    def test_the_pages_own_declarations(self) -> None:
        """The page's list of 13 declarations, whatever else the data holds."""
        assert len(reg.documents(kind="declaration", source="seed-page")) == 13
        assert len(reg.declarations(source="seed-page")) == 13

    def test_each_query_filters_by_source(self) -> None:
        """Every collection query keeps exactly the records citing the source, in its order."""
        queries: dict[str, Any] = {
            "bodies": reg.bodies,
            "documents": reg.documents,
            "declarations": reg.declarations,
            "master_plans": reg.master_plans,
            "events": reg.events,
            "partners": reg.partners,
            "member_states": reg.member_states,
            "policy_areas": reg.policy_areas,
            "dialogues": reg.dialogues,
            "initiatives": reg.initiatives,
            "relations": reg.relations,
        }
        for name, query in queries.items():
            for document in reg.sources():
                expected = [r for r in query() if any(s.document == document.id for s in r.sources)]
                assert list(query(source=document.id)) == expected, (name, document.id)
                if name != "relations":
                    assert list(reg.records(name, source=document.id)) == [
                        r for r in reg.records(name) if any(s.document == document.id for s in r.sources)
                    ]

    def test_reference_facts_and_public_sources(self) -> None:
        """Member states rest on the reference facts; one accession date also on a public page."""
        assert len(reg.member_states(source="reference-facts")) == 11
        assert [s.id for s in reg.member_states(source="web-vietnamnet-vn-in-asean")] == ["VN"]
        assert [r.id for r in reg.relations(source="reference-facts")] == [
            "adm2025 succeeds aim2020",
            "aim2020 succeeds aim2015",
        ]

    def test_search_by_source(self) -> None:
        """Search keeps its order and keeps only records citing the source."""
        everything = reg.search("korea")
        cited = reg.search("korea", source="web-sundaily-adgsom1-2021")
        assert [m.entity.id for m in cited] == [
            m.entity.id
            for m in everything
            if any(s.document == "web-sundaily-adgsom1-2021" for s in m.entity.sources)
        ]
        # the report of the 1st ADGSOM names Korea among its partners, and the session with Korea
        assert [m.entity.id for m in cited] == ["KR", "korea-som-2021", "korea-senior-officials"]

    def test_a_bad_source_is_refused(self) -> None:
        """An unknown source id is a NotFoundError with suggestions; a non-string, a TypeError."""
        with pytest.raises(ad.NotFoundError, match="did you mean 'seed-page'"):
            reg.bodies(source="seed")
        with pytest.raises(TypeError, match="source must be the id of a source document"):
            reg.partners(source=3)  # type: ignore[arg-type]


class TestErrata:
    """Errata name real fields and cite the sections the contradicting statements come from."""

    def test_errata_fields_are_fields(self) -> None:
        """An erratum's field is a field of its record, or "" for a gap that touches none."""
        for record, erratum in reg.errata():
            names = {a.name for a in attrs.fields(type(record))}
            head = erratum.field.split("[")[0].split(".")[0]  # "chair.title" is a part of "chair"
            assert erratum.field == "" or head in names, (record.id, erratum.field)

    def test_errata_add_nothing_the_sources_do_not_say(self) -> None:
        """The gap in the declarations list names no year the page or the reference facts do not give."""
        (gap,) = [e for r, e in reg.errata() if r.id == "adgmin"]
        assert gap.field == ""
        assert "2023" not in f"{gap.stated} {gap.kept} {gap.note}"


class TestReferenceFactsGetPublicSources:
    """The reference facts rest on public facts: where a public source states one, it is cited."""

    def test_every_accession_date_has_a_public_source(self) -> None:
        """Each member state's accession date is stated by a public page beside the reference facts."""
        for state in reg.member_states():
            public = [
                s for s in state.sources_for("joined") if s.document not in {"seed-page", "reference-facts"}
            ]
            assert public, state.id
            assert all(reg.source(s).url for s in public)

    def test_a_disagreement_is_an_erratum(self) -> None:
        """Brunei's date: the ASEAN Secretariat's 7 January is kept; a news item's 8 January is an erratum."""
        brunei = reg.member_state("BN")
        assert str(brunei.joined) == "1984-01-07"
        (erratum,) = brunei.errata
        assert erratum.field == "joined"
        assert "8 January 1984" in erratum.stated
        assert {s.document for s in erratum.sources} == {
            "web-asean-about-asean-2024",
            "web-cnv-timor-leste-support",
        }


def test_a_recorded_typo_finds_its_record() -> None:
    """The page's "AMD2025" (a typo for ADM2025, an erratum) is an alias it states: lookup finds the plan."""
    assert reg.lookup("AMD2025").id == "adm2025"
    plan = reg.master_plan("AMD2025")
    index = plan.aliases.index("AMD2025")
    assert {s.document for s in plan.sources_for(f"aliases[{index}]")} == {"seed-page"}
    assert any(e.stated == "AMD2025" for e in plan.errata)
