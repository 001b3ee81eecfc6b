"""
Search over every text a record carries, and one key space shared with lookup.

Recall and precision both: the questions analysts asked find what they mean,
and words that do not occur in a record do not drag it in.
"""

from __future__ import annotations

from typing import Any

import pytest

import asean_digital as ad
from asean_digital import AmbiguousKeyError, NotFoundError

reg = ad.registry


def every_record() -> list[Any]:
    return [reg.sector, *reg.bodies(), *reg.documents(), *reg.master_plans(), *reg.meetings(), *reg.people(),
            *reg.events(), *reg.partners(), *reg.member_states(as_of=9999), *reg.policy_areas(),
            *reg.dialogues(), *reg.initiatives()]  # fmt: skip


def ids(text: str, **kwargs: object) -> list[str]:
    return [m.entity.id for m in reg.search(text, **kwargs)]  # type: ignore[arg-type]


class TestOneKeySpace:
    def test_every_whole_match_is_a_key_lookup_accepts(self) -> None:
        """Only a key scores 1.0, and lookup of it gives the same record (or says the key is shared)."""
        for record in every_record():
            for text in {record.id, getattr(record, "name", None) or getattr(record, "title", "")}:
                for match in reg.search(text, limit=3):
                    if match.score < 1.0:
                        continue
                    try:
                        found = reg.lookup(match.key)
                    except AmbiguousKeyError as e:  # a title two documents share finds neither
                        assert match.entity.id in e.candidates
                        continue
                    if isinstance(match.entity, ad.Series | ad.Process) and found.id == match.entity.body:
                        # a body's own series (or the process that set it up) bears its names:
                        # lookup() gives the body, series() or process() the record itself
                        own = "series" if isinstance(match.entity, ad.Series) else "processes"
                        assert reg.record(own, match.key) is match.entity
                        continue
                    assert found is match.entity, (text, match)

    def test_every_key_lookup_accepts_is_searchable(self) -> None:
        """Each record's id, names and aliases find it first in search, scoring 1.0, unless shared."""
        for record in every_record():
            keys = [record.id, *getattr(record, "aliases", ())]
            for key in keys:
                try:
                    found = reg.lookup(key)
                except AmbiguousKeyError:
                    continue
                assert found is record, key
                top = [m for m in reg.search(key, limit=5) if m.score == 1.0]
                assert any(m.entity is record for m in top), (record.id, key)

    def test_recorded_typos_and_spellings_resolve(self) -> None:
        """The page's AMD2025, Putra Jaya and Putrajaya, Burma for Myanmar; meetings by their names."""
        assert reg.lookup("AMD2025").id == "adm2025"
        assert reg.lookup("Putra Jaya Declaration") is reg.lookup("Putrajaya Declaration")
        assert reg.lookup("Burma").id == "MM"
        assert reg.lookup("3rd ADGMIN").id == "adgmin-3"
        assert reg.search("3rd ADGMIN")[0].score == 1.0

    def test_a_text_match_never_scores_as_a_key(self) -> None:
        """A city or a theme is a text, not a key: it finds the meeting but scores below any key."""
        best = reg.search("Boracay Island", kind="meeting")[0]
        assert best.entity.id == "adgmin-3"
        assert best.field == "city"
        assert best.score < 1.0
        with pytest.raises(NotFoundError):
            reg.lookup("Boracay Island")


class TestEveryText:
    @pytest.mark.parametrize(
        ("query", "expected", "field"),
        [
            ("privacy", "ddg-framework-development", "themes"),
            ("smart cities applications", "5g-ecosystem-development", "themes"),
            ("4IR", "5g-ecosystem-development", "themes"),
            ("advises the ministers", "atrc", "description"),
            ("Information Security and Assurance", "aim2020", "thrusts"),
            ("Connecting Communities, Co-creating Possibilities", "telmin-13", "theme"),
        ],
    )
    def test_descriptions_themes_and_thrusts_are_searched(
        self, query: str, expected: str, field: str
    ) -> None:
        """What analysts asked for and got nothing: now the record, with the field that matched."""
        best = reg.search(query)[0]
        assert best.entity.id == expected, [m.entity.id for m in reg.search(query)]
        assert best.field.startswith(field)
        assert best.snippet
        assert len(best.snippet) <= 90

    def test_acronyms_meet_their_expansions_through_the_data(self) -> None:
        """'Artificial Intelligence (AI)', 'Personal Data Protection (PDP)': spelt out in sourced texts."""
        # the guide, the 2026 ASEAN-Japan statement on AI (its title: "...AIの推進に関する..."), the
        # working group on AI governance and the AI safety network (their names say only "AI")
        top = {"ai-governance-guide", "japan-asean-ai-joint-statement-2026", "wg-ai", "ai-safe"}
        assert set(ids("artificial intelligence")[:4]) == set(ids("AI")[:4]) == top
        assert ids("artificial intelligence")[0] == "ai-governance-guide"  # the words themselves
        assert "pdp-framework" in ids("PDP")[:1]
        assert "pdp-framework" in ids("personal data protection")[:1]

    def test_word_forms_meet(self) -> None:
        """cyber, cyber-security and cybersecurity; anonymisation and anonymization; plurals."""
        assert ids("anonymization")[0] == ids("anonymisation")[0] == "data-anonymisation-guide"
        # the ministerial conference and the coordinating committee (their names), then the strategy
        top = ["amcc", "cyber-cc", "cybersecurity-cooperation-strategy-2021-2025"]
        assert ids("cyber-security")[:3] == ids("cybersecurity")[:3] == top
        assert "cybersecurity-cooperation-strategy-2021-2025" in ids("cyber", limit=20)
        cyber = ids("cybersecurity", limit=50)  # many records speak of it: the conferences, the CERT, ...
        assert "aim2020" in cyber  # its Information Security and Assurance thrust
        assert "responsible-state-behaviour-checklist" in cyber  # "... in Cyberspace"
        assert ids("guideline")[:3] == ids("guidelines")[:3]

    def test_a_name_outranks_a_description(self) -> None:
        """ANSAC's name holds 'network security'; a description that mentions it ranks lower."""
        matches = reg.search("network security")
        assert matches[0].field in {"name", "names", "aliases", "title", "acronym"}
        assert all(m.score <= matches[0].score for m in matches)

    def test_precision(self) -> None:
        """Words a record does not hold do not bring it in."""
        assert "cybersecurity-cooperation-strategy-2021-2025" not in ids("roaming")
        assert ids("roaming")[0] == "imr-framework"
        assert "imr-framework" not in ids("cybersecurity")
        assert "pdp-framework" not in ids("submarine cables")
        assert reg.search("zzzqqxv") == ()

    def test_kind_and_source_filters(self) -> None:
        """kind= keeps one kind of record; source= the records a source document states."""
        assert {type(m.entity).__name__ for m in reg.search("Yaacob Ibrahim", kind="meeting")} == {"Meeting"}
        assert [m.entity.id for m in reg.search("Yaacob Ibrahim", kind="person")] == ["yaacob-ibrahim"]
        assert all(type(m.entity).__name__ == "MasterPlan" for m in reg.search("ICT", kind="master_plans"))
        assert all(
            any(s.document == "seed-page" for s in m.entity.sources)
            for m in reg.search("declaration", source="seed-page")
        )
        with pytest.raises(ValueError, match="kind must be one of"):
            reg.search("x", kind="nonsense")

    def test_a_long_query_is_refused(self) -> None:
        """A query over 1,000 characters is a ValueError that says so."""
        with pytest.raises(ValueError, match="at most 1000 characters"):
            reg.search("a" * 1001)
        assert isinstance(reg.search("a" * 1000), ad.Results)


def test_an_adjective_finds_its_verb() -> None:
    """'advisory' finds the ATRC, which the data says advises the ministers."""
    assert ad.registry.search("advisory")[0].entity.id == "atrc"
    assert ad.registry.search("advisory")[0].field == "description"
