"""Query semantics of the registry over the packaged data."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from pathlib import Path

import pytest

import asean_digital as ad
from asean_digital import (
    AmbiguousKeyError,
    BodyKind,
    DataError,
    DocumentKind,
    NotFoundError,
    PartialDate,
    Predicate,
)
from asean_digital.model.collections import COLLECTIONS, Collection, collection

reg = ad.registry


def ids(records: tuple[object, ...]) -> list[str]:
    return [r.id for r in records]  # type: ignore[attr-defined]


class TestBodies:
    def test_card_query(self) -> None:
        """The card's first query: bodies established before 2012, oldest first."""
        assert [b.acronym for b in reg.bodies(established_before=2012)] == ["ATRC", "ADGSOM", "ADGMIN", "SSM"]

    def test_all_bodies_sorted_unknown_last(self) -> None:
        """Every collection is sorted by date, then id, with unknown dates last."""
        assert ids(reg.bodies()) == [
            "atrc", "adgsom", "adgmin", "ssm", "ansac", "wg-ddg", "ajccbc", "ascce", "cyber-cc",
            "wg-ai", "wg-as", "wg-submarine-cables", "regional-cert", "ai-safe", "adgsom-wg", "atrc-wg",
        ]  # fmt: skip

    def test_partial_date_interval_semantics(self) -> None:
        """ADGMIN (July 2001) is neither before nor after 2001, and matches neither filter."""
        assert "adgmin" not in ids(reg.bodies(established_before=2001))
        assert "adgmin" not in ids(reg.bodies(established_after=2001))
        assert "adgmin" in ids(reg.bodies(established_before=PartialDate(2001, 8)))
        assert "adgmin" in ids(reg.bodies(established_after=dt.date(2001, 6, 30)))

    def test_unknown_dates_match_no_date_filter(self) -> None:
        """The working groups with no establishment date match neither before nor after."""
        for filt in ({"established_before": 3000}, {"established_after": 1}):
            assert not {"adgsom-wg", "atrc-wg"} & set(ids(reg.bodies(**filt)))  # type: ignore[arg-type]

    def test_kind_accepts_member_value_and_name(self) -> None:
        """Enum filters take the member, its value or its name, in any case."""
        expected = ids(reg.bodies(kind=BodyKind.WORKING_GROUP))
        assert expected == [
            "ssm", "ansac", "wg-ddg", "wg-ai", "wg-as", "wg-submarine-cables", "adgsom-wg", "atrc-wg",
        ]  # fmt: skip
        for spelling in ("working_group", "WORKING_GROUP", "Working Group", "working-group"):
            assert ids(reg.bodies(kind=spelling)) == expected

    def test_parent_by_former_name(self) -> None:
        """A parent given by its former acronym finds the same sub-bodies."""
        assert (
            ids(reg.bodies(parent="TELSOM"))
            == ids(reg.bodies(parent="adgsom"))
            == ["ansac", "wg-ddg", "wg-ai", "adgsom-wg"]
        )

    def test_partner(self) -> None:
        """Bodies whose meetings hold ASEAN+1 consultations with the EU: not ADGMIN, not ATRC."""
        assert ids(reg.bodies(partner="EU")) == ["adgsom", "adgsom-wg", "atrc-wg"]
        assert ids(reg.bodies(partner="Japan")) == ["atrc", "adgsom", "adgmin", "adgsom-wg", "atrc-wg"]
        assert ids(reg.bodies(partner="ROK")) == ids(reg.bodies(partner="KR"))

    def test_filters_combine_with_and(self) -> None:
        """Combined filters return the intersection of single filters."""
        both = reg.bodies(kind="working_group", established_after=2011)
        assert ids(both) == ["ansac", "wg-ddg", "wg-ai", "wg-as", "wg-submarine-cables"]

    def test_body_by_every_name(self) -> None:
        """TELMIN, ADGMIN, the old full name and the id all find the ministers' body."""
        keys = [
            "TELMIN",
            "adgmin",
            "ADGMIN",
            "ASEAN Telecommunications and Information Technology Ministers Meeting",
        ]
        assert {reg.body(k).id for k in keys} == {"adgmin"}

    def test_name_at(self) -> None:
        """name_at follows the renamings the page dates."""
        adgmin = reg.body("ADGMIN")
        assert adgmin.name_at(2015).acronym == "TELMIN"  # type: ignore[union-attr]
        assert adgmin.name_at(PartialDate(2019, 9)).acronym == "TELMIN"  # type: ignore[union-attr]
        assert adgmin.name_at(PartialDate(2019, 10)).acronym == "ADGMIN"  # type: ignore[union-attr]
        assert adgmin.name_at(2000) is None
        atrc = reg.body("ATRC")
        assert atrc.name_at(dt.date(2011, 6, 30)).name == "ASEAN Telecommunication Regulators’ Committee"  # type: ignore[union-attr]
        assert [n.acronym for n in reg.body("ADGSOM").former_names] == ["TELSOM"]

    def test_children_and_ancestors(self) -> None:
        """The hierarchy the page's representation column states."""
        assert ids(reg.children("ADGMIN")) == ["atrc", "adgsom"]
        assert ids(reg.children("ATRC")) == ["ssm", "atrc-wg"]
        assert reg.children("SSM") == ()
        assert ids(reg.ancestors("WG-DDG")) == ["adgsom", "adgmin"]
        assert reg.ancestors("ADGMIN") == ()


class TestDocuments:
    def test_counts_by_listing(self) -> None:
        """The page's Key Documents listings, with the two double listings; then the public record's."""
        counts = {k: len(reg.documents(kind=k, source="seed-page")) for k in DocumentKind}
        assert counts == {
            DocumentKind.FRAMEWORK: 5,
            DocumentKind.GUIDELINE: 14,
            DocumentKind.DECLARATION: 13,
            DocumentKind.PUBLICATION: 12,
            DocumentKind.LINK: 5,
            DocumentKind.STATEMENT: 0,
            DocumentKind.ACTION_PLAN: 0,
            DocumentKind.OUTCOME: 0,
        }
        assert len(reg.documents(source="seed-page")) == 47
        # 73; 17 outcomes of +1 sessions and other series' meetings; the Regional CERT's 2 papers
        assert len(reg.documents()) == 92
        assert (
            len(reg.documents(kind="declaration")) == 19
        )  # the 2nd, 3rd, 7th, 8th TELMIN's; 3rd, 6th ADGMIN's
        statements = reg.documents(kind="statement")
        assert [d.id for d in statements][:2] == [
            "atrc-statement-of-intent-1997",
            "ministerial-understanding-2001",
        ]
        # the others are the statements of +1 sessions, dialogues and conferences (research/staging)
        for d in statements[2:]:
            assert d.meeting is not None
            assert reg.meeting(d.meeting).series not in {"adgmin-meetings", "adgsom-meetings"}, d.id

    def test_year_and_date_filters(self) -> None:
        """Documents of 2019 and the frameworks published after 2017."""
        assert ids(reg.documents(year=2019, kind="guideline")) == [
            "submarine-cables-guidelines",
            "uso-2-framework",
        ]
        assert ids(reg.documents(kind="framework", published_after=2017)) == [
            "ddg-framework",
            "data-management-framework",
        ]

    def test_aliases(self) -> None:
        """The names people use find the documents."""
        assert reg.document("PDP Framework").id == "pdp-framework"
        assert reg.document("DDG Framework").id == "ddg-framework"
        assert reg.document("USO 2.0").id == "uso-2-framework"
        assert reg.document("MCCs").id == "model-contractual-clauses"

    def test_double_listed_document_once(self) -> None:
        """The Joint Guide is one record, found by both of its listed titles."""
        a = reg.document("Joint Guide to ASEAN Model Contractual Clauses and EU Standard Contractual Clauses")
        b = reg.document(
            "The Joint Guide to ASEAN Model Contractual Clauses and EU Standard Contractual Clauses"
        )
        assert a is b
        assert a.kinds == (DocumentKind.GUIDELINE, DocumentKind.PUBLICATION)

    def test_putrajaya_both_spellings(self) -> None:
        """Putra Jaya and Putrajaya find the same declaration."""
        assert reg.document("Putra Jaya Declaration") is reg.document("Putrajaya Declaration")
        assert reg.search("Putrajaya")[0].entity.id == "putrajaya-declaration-2021"

    def test_shared_title_is_ambiguous(self) -> None:
        """Three Singapore Declarations (2003, 2013, 2024): the title alone names none, and says so."""
        with pytest.raises(AmbiguousKeyError, match="singapore-declaration-2013") as info:
            reg.document("Singapore Declaration")
        assert set(info.value.candidates) == {
            "singapore-declaration-2003",
            "singapore-declaration-2013",
            "singapore-declaration-2024",
        }
        assert reg.document("Singapore Declaration 2003").meeting_name == "3rd TELMIN"  # type: ignore[attr-defined]
        assert isinstance(info.value, LookupError)
        assert reg.document("Singapore Declaration 2024").meeting_name == "4th ADGMIN"  # type: ignore[attr-defined]


class TestDeclarations:
    def test_by_body_former_name(self) -> None:
        """TELMIN and ADGMIN are one body: all 19 declarations, the page's 13 among them."""
        assert len(reg.declarations(body="TELMIN")) == len(reg.declarations(body="ADGMIN")) == 19
        assert len(reg.declarations(body="TELMIN", source="seed-page")) == 13

    def test_by_host_and_year(self) -> None:
        """Myanmar hosted two meetings; 2015 had two."""
        assert ids(reg.declarations(host="Myanmar")) == [
            "nay-pyi-taw-statement-2011",
            "nay-pyi-taw-declaration-2022",
        ]
        assert ids(reg.declarations(year=2015)) == ["bangkok-statement-2015", "da-nang-declaration-2015"]
        assert ids(reg.declarations(host="MMR", year=2022)) == ["nay-pyi-taw-declaration-2022"]


class TestOtherCollections:
    def test_master_plans_succession(self) -> None:
        """Four plans, in order; the page's three each succeed the one before."""
        assert ids(reg.master_plans()) == ["aim2015", "aim2020", "adm2025", "adm2030"]
        succ = {(r.subject, r.object) for r in reg.relations(predicate=Predicate.SUCCEEDS)}
        assert succ == {("aim2020", "aim2015"), ("adm2025", "aim2020"), ("adm2030", "adm2025")}

    def test_events(self) -> None:
        """Competitions by start year and partner."""
        assert ids(reg.events(started_before=2012)) == ["cyber-kids-camp", "ict-innovation-award"]
        assert ids(reg.events(partner="JP")) == ["cyber-sea-game"]

    def test_member_states(self) -> None:
        """Eleven members today, ten before Timor-Leste joined, five founders."""
        assert len(reg.member_states()) == 11
        assert len(reg.member_states(as_of=dt.date(2025, 10, 25))) == 10
        assert len(reg.member_states(as_of=PartialDate(2025, 10))) == 11
        assert len(reg.member_states(as_of=1967)) == 5
        assert {reg.member_state(k).id for k in ("TH", "THA", "Thailand", "tha")} == {"TH"}

    def test_partners(self) -> None:
        """The page's 'ROK' and 'U.S.' find the partners."""
        assert reg.partner("ROK").id == "KR"
        assert reg.partner("U.S.").id == "US"

    def test_relations_by_key(self) -> None:
        """Relation filters take keys of any kind, including former names."""
        assert [(r.predicate, r.object) for r in reg.relations(subject="ATRC")] == [
            (Predicate.ADVISES, "adgmin"),
            (Predicate.PART_OF, "adgmin"),
            (Predicate.PARTNERS_WITH, "adgsom"),
        ]
        assert ids(reg.relations(object="TELSOM", predicate="part_of")) == [
            "adgsom-wg part_of adgsom", "ansac part_of adgsom", "wg-ai part_of adgsom",
            "wg-ddg part_of adgsom",
        ]  # fmt: skip

    def test_lookup_across_kinds(self) -> None:
        """lookup finds a record of any kind."""
        assert type(reg.lookup("AIM2020")).__name__ == "MasterPlan"
        assert type(reg.lookup("Vietnam")).__name__ == "MemberState"
        assert type(reg.lookup("ASEAN Makers Hackathon")).__name__ == "Event"
        assert reg.lookup("ICT").id == "digital"
        assert reg.get("no such thing") is None


class TestNotFound:
    def test_suggestions(self) -> None:
        """A near miss names the key and suggests the closest keys."""
        with pytest.raises(NotFoundError, match=r"no body matches 'ADGMN'; did you mean 'ADGMIN'") as info:
            reg.body("ADGMN")
        assert info.value.key == "ADGMN"
        assert info.value.suggestions[0] == "ADGMIN"

    def test_fallback_suggestions_follow_the_registry_order(self) -> None:
        """
        With nothing close, the suggestions are the first keys containing the query, records in order.

        Partners have no date, so they are listed by id (CN EU IN ITU JP KR US); the first
        whose keys hold a "t" is the ITU (its name, then its acronym), then South Korea.
        """
        with pytest.raises(NotFoundError) as info:
            reg.partner("T")
        assert info.value.suggestions == ("International Telecommunication Union", "ITU", "South Korea")

    def test_ambiguous_candidates_list_kinds_in_the_registry_order(self, tmp_path: Path) -> None:
        """A name shared by a body and a document lists the body first (bodies come before documents).

        A body's acronym or id may not be another kind's key (an impostor): that is refused at load.
        """
        overlay = tmp_path / "charter.json"
        source = [{"document": "seed-page", "section": "Overview"}]
        name = "ASEAN Telecommunications Regulators’ Council"
        charter = {"id": "atrc-charter", "title": name, "kinds": ["publication"], "published": "1990"}
        overlay.write_text(json.dumps({"documents": [{**charter, "sources": source}]}))
        mine = ad.load(overlay)
        with pytest.raises(AmbiguousKeyError) as info:
            mine.lookup(name)  # the document is dated before the body, but bodies come first
        assert info.value.candidates == ("atrc", "atrc-charter")
        assert mine.document(name).id == "atrc-charter"
        assert mine.body(name).id == "atrc"
        assert mine.lookup("ATRC").id == "atrc"
        overlay.write_text(json.dumps({"documents": [{**charter, "title": "ATRC", "sources": source}]}))
        with pytest.raises(DataError, match="is the id or acronym of body 'atrc'"):
            ad.load(overlay)

    def test_wrong_kind_is_not_found(self) -> None:
        """A key of another kind is not a body."""
        with pytest.raises(NotFoundError):
            reg.body("Thailand")

    @pytest.mark.parametrize("key", [None, 5, b"ATRC", ("ATRC",)])
    def test_non_string_key(self, key: object) -> None:
        """Keys must be strings."""
        with pytest.raises(TypeError, match="must be a string"):
            reg.body(key)  # type: ignore[arg-type]

    def test_empty_key(self) -> None:
        """An empty or punctuation-only key is a ValueError."""
        with pytest.raises(ValueError, match="empty key"):
            reg.lookup(" - ")


class TestBadArguments:
    def test_unknown_enum_value(self) -> None:
        """An unknown kind lists the allowed values."""
        with pytest.raises(ValueError, match="'ministerial', 'senior_officials'"):
            reg.bodies(kind="council")

    def test_bool_is_not_a_year(self) -> None:
        """True is not a year."""
        with pytest.raises(TypeError):
            reg.documents(year=True)

    def test_unknown_filter_keyword(self) -> None:
        """A filter the query does not know is refused, not ignored."""
        with pytest.raises(TypeError):
            reg.bodies(established=2001)  # type: ignore[call-arg]

    def test_unknown_partner_key(self) -> None:
        """A partner filter that names no partner raises instead of matching nothing."""
        with pytest.raises(NotFoundError, match="no partner matches 'Mars'"):
            reg.bodies(partner="Mars")

    def test_search_limit(self) -> None:
        """The limit must be a positive int."""
        with pytest.raises(ValueError, match="at least 1"):
            reg.search("ATRC", limit=0)
        with pytest.raises(TypeError):
            reg.search(None)  # type: ignore[arg-type]


class TestSearch:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("atrc", "atrc"),
            ("regulators council telecommunications", "atrc"),
            ("A.T.R.C.", "atrc"),
            ("Telecomunications Regulators Council", "atrc"),
            ("personal data protection", "pdp-framework"),
            ("cyber kids camp", "cyber-kids-camp"),
            ("Vietnam", "VN"),
            ("ADGMIM", "adgmin"),
            ("spectrum managment", "spectrum-management"),
            ("sub-working group on spectrum managment", "ssm"),
        ],
    )
    def test_forgiving(self, text: str, expected: str) -> None:
        """Case, punctuation, word order and small typos do not matter."""
        assert reg.search(text)[0].entity.id == expected

    def test_exact_name_first_with_full_score(self) -> None:
        """An exact name scores 1 and ranks first."""
        best = reg.search("ASEAN Network Security Action Council")[0]
        assert (best.entity.id, best.score) == ("ansac", 1.0)

    def test_limit_and_order(self) -> None:
        """Results are best first, at most `limit`."""
        results = reg.search("framework", limit=3)
        assert len(results) == 3
        assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)

    def test_nothing(self) -> None:
        """Nonsense finds nothing."""
        assert reg.search("zzzzqqqq") == ()


class TestAsOf:
    def test_card_example(self) -> None:
        """The registry of 2015: ten members, TELMIN, the body found by its later name."""
        then = reg.as_of(2015)
        assert len(then.member_states()) == 10
        assert then.body("ADGMIN").acronym == "TELMIN"
        assert (
            then.body("ADGMIN").name
            == "ASEAN Telecommunications and Information Technology Ministers Meeting"
        )

    def test_only_what_existed(self) -> None:
        """In 2010, no ANSAC, WG-DDG or SSM; no later documents, nothing undated; no ADM2025."""
        then = reg.as_of(2010)
        assert ids(then.bodies()) == ["atrc", "adgsom", "adgmin"]
        assert ids(reg.as_of(2010, undated=True).bodies()) == [
            "atrc",
            "adgsom",
            "adgmin",
            "adgsom-wg",
            "atrc-wg",
        ]
        assert then.documents()
        assert all(d.published is not None and d.published.year <= 2010 for d in then.documents())
        assert {d.id for d in reg.as_of(2010, undated=True).documents()} > {d.id for d in then.documents()}
        assert ids(then.master_plans()) == []
        with pytest.raises(NotFoundError):
            then.body("ANSAC")

    def test_before_everything(self) -> None:
        """Before 1995 no body existed, so their working groups did not either."""
        assert reg.as_of(1990).bodies() == ()

    def test_views_truncate_naming_history(self) -> None:
        """A view knows only the names borne so far, the current one open-ended."""
        atrc = reg.as_of(2005).body("ATRC")
        assert atrc.name == "ASEAN Telecommunication Regulators’ Committee"
        assert atrc.acronym == "ATRC"  # as pages of 1997 and 2002 write it (an erratum says so)
        assert len(atrc.names) == 1
        assert atrc.names[0].valid.end is None

    def test_sector_name(self) -> None:
        """The sector was the ICT sector until October 2019."""
        assert reg.as_of(2018).sector.name == "ASEAN Information and Communications Technology sector"
        assert reg.as_of(2020).sector.name == "ASEAN Digital sector"

    def test_idempotent(self) -> None:
        """A view of a view at the same time is the same view."""
        assert reg.as_of(2015).as_of(2015) == reg.as_of(2015)
        assert reg.as_of(2015) != reg

    def test_relations_need_both_ends(self) -> None:
        """Relations to records that did not exist yet are dropped."""
        then = reg.as_of(2015)
        assert not [r for r in then.relations() if r.subject == "adm2025" or r.object == "wg-ddg"]

    def test_when(self) -> None:
        """A view records its time; the full registry has none."""
        assert reg.when is None
        assert reg.as_of("2019-10").when == PartialDate(2019, 10)


class TestErrata:
    def test_every_page_contradiction_recorded(self) -> None:
        """IMR 2017 vs 2018, AMD2025 and 2021-2020, Putra Jaya, the double listings, the gaps."""
        fields = {(r.id, e.field) for r, e in reg.errata()}
        assert {
            ("imr-framework", "published"),
            ("adm2025", "acronym"),
            ("adm2025", "period"),
            ("putrajaya-declaration-2021", "city"),
            ("joint-guide-mccs-eu-sccs", "kinds"),
            ("adgmin", ""),  # the gap in the declarations list: no field of its own
        } <= fields
        imr = reg.document("IMR Framework")
        assert imr.published == PartialDate(2017)
        assert "2018" in imr.errata[0].stated


class TestRepr:
    def test_repr_is_short(self) -> None:
        """The registry's repr names its version and counts."""
        text = repr(reg)
        assert text.startswith(
            "<Registry data_version='2026.12.07': 16 bodies, 92 documents, 4 master plans, 19 series, "
            "129 meetings"
        )
        assert "as_of='2015'" in repr(reg.as_of(2015))


def test_get_misses_with_its_default() -> None:
    """get() answers a miss (or an ambiguous key) with its default; lookup() raises with advice.

    That a miss costs no "did you mean" is a speed figure: ``benchmarks/`` measures get() on a miss.
    """
    mine = ad.load()
    assert mine.get("nothing like this") is None
    assert mine.get("Singapore Declaration", "ambiguous") == "ambiguous"
    assert mine.get("TELMIN") is mine.body("ADGMIN")
    with pytest.raises(NotFoundError, match="did you mean"):
        ad.registry.lookup("ADGMN")


class TestDeclarationFilters:
    """The filters users reached for: meeting number, city and adoption dates."""

    def test_meeting_number_is_under_the_name_then(self) -> None:
        """3 is both the 3rd TELMIN (Singapore, 2003) and the 3rd ADGMIN (Boracay, 2023)."""
        assert [d.meeting_name for d in reg.declarations(meeting_number=19)] == ["19th TELMIN"]
        assert [d.meeting_name for d in reg.declarations(meeting_number=3)] == ["3rd TELMIN", "3rd ADGMIN"]
        assert [d.meeting_name for d in reg.declarations(meeting_number=5)] == ["5th ADGMIN"]
        assert reg.declarations(meeting_number=9) == ()

    def test_city_matches_any_spelling(self) -> None:
        """A city is matched regardless of case, spacing and accents."""
        assert [d.id for d in reg.declarations(city="Putra Jaya")] == ["putrajaya-declaration-2021"]
        assert [d.id for d in reg.declarations(city="da nang")] == ["da-nang-declaration-2015"]
        assert len(reg.declarations(city="Singapore")) == 3

    def test_date_ranges(self) -> None:
        """Before and after split the declarations by their year of adoption."""
        before = reg.declarations(published_before=2016)
        after = reg.declarations(published_after=2015)
        assert {d.published.year for d in before if d.published} <= set(range(2002, 2016))
        assert {d.published.year for d in after if d.published} <= set(range(2016, 2027))
        assert len(before) + len(after) == len(reg.declarations())

    def test_bad_values(self) -> None:
        """A meeting number must be a positive int; a city a non-empty string."""
        with pytest.raises(TypeError, match="meeting_number must be a positive int"):
            reg.declarations(meeting_number="5")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="meeting_number must be at least 1"):
            reg.declarations(meeting_number=0)
        with pytest.raises(ValueError, match="city must name something"):
            reg.declarations(city=" - ")


class TestFilterDeclarations:
    """Each typed query takes exactly the filters its collection declares, once, and ``source``."""

    @pytest.mark.parametrize(
        "collection", [c for c in COLLECTIONS if c.filters and c.name != "relations"], ids=lambda c: c.name
    )
    def test_typed_method_takes_the_declared_filters(self, collection: Collection) -> None:
        """The method named for the collection has the declared filters as its keyword arguments."""
        method = getattr(ad.Registry, collection.name)
        keywords = [p.name for p in inspect.signature(method).parameters.values() if p.kind is p.KEYWORD_ONLY]
        assert keywords == [f.name for f in collection.filters] + ["source"]

    def test_relations_take_their_declared_filters(self) -> None:
        """The relations' query also reads its declaration."""
        keywords = [
            p.name
            for p in inspect.signature(ad.Registry.relations).parameters.values()
            if p.kind is p.KEYWORD_ONLY
        ]
        assert keywords == [f.name for f in collection("relations").filters] + ["source"]

    def test_an_undeclared_filter_is_refused_by_name(self) -> None:
        """The generic query names the filters it takes when given another."""
        with pytest.raises(
            TypeError, match="'colour' is not a filter of bodies; the filters are kind, parent"
        ):
            ad.registry.records("bodies", colour="red")
