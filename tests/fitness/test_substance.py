"""
The master plans' substance, the documents' own details and the institutions since 2018, held to the pages.

Each value here was read on the page the test names (issues 26 and 27); a
change to the data that loses one of them fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import asean_digital as ad

reg = ad.registry


def cited(record: object, field: str) -> set[str]:
    return {s.document for s in record.sources_for(field)}  # type: ignore[attr-defined]


class TestMasterPlans:
    def test_adm2025_keeps_the_pages_five_thrusts_beside_its_eight_desired_outcomes(self) -> None:
        """The sector's page (before adoption) gives five thrusts; the adopted plan eight desired outcomes."""
        adm = reg.master_plan("ADM2025")
        assert len(adm.thrusts) == 5
        assert [o.number for o in adm.desired_outcomes] == list(range(1, 9))
        assert adm.desired_outcomes[0].title == "speeding up ASEAN recovery from COVID-19"
        assert adm.desired_outcomes[-1].title == "a digitally inclusive society in ASEAN"
        (erratum,) = [e for e in adm.errata if e.field == "thrusts"]
        assert {s.document for s in erratum.sources} >= {"seed-page", "web-asean-priority-areas"}
        assert "web-vietnamplus-adm2025-adopted" in cited(adm, "desired_outcomes")

    def test_adm2025_projects_drafting_and_end(self) -> None:
        adm = reg.master_plan("ADM2025")
        assert (adm.projects, adm.meeting) == (82, "adgmin-1")
        assert adm.drafted_by is not None
        assert "PLUM Consulting" in adm.drafted_by
        assert "web-vdocuments-adm2025" in cited(adm, "drafted_by")
        assert "web-vjst-adgmin6-2026" in cited(adm, "projects")
        assert adm.completion is not None
        assert "6th ADGMIN" in adm.completion

    def test_the_earlier_plans(self) -> None:
        """AIM2015: its vision, four key outcomes and 87 projects; AIM2020: 51 projects."""
        aim2015, aim2020 = reg.master_plan("AIM2015"), reg.master_plan("AIM2020")
        assert aim2015.vision == (
            "Towards an Empowering and Transformational ICT: "
            "Creating an Inclusive, Vibrant and Integrated ASEAN"
        )
        assert aim2015.desired_outcomes[0].title == "ICT as an engine of growth for ASEAN countries"
        assert (aim2015.projects, aim2015.meeting) == (87, "telmin-10")
        assert (aim2020.projects, aim2020.meeting) == (51, "telmin-15")

    def test_aim2020_keeps_the_pages_thrust_titles_and_records_the_plans(self) -> None:
        """The page's 'Economic Integration and Transformation'; the published plan's in an erratum."""
        aim2020 = reg.master_plan("AIM2020")
        assert aim2020.thrusts[0].title == "Economic Integration and Transformation"
        (erratum,) = [e for e in aim2020.errata if e.field == "thrusts"]
        assert "Economic Development and Transformation" in erratum.stated

    def test_adm2030_adopted_at_the_6th_adgmin_drafted_with_bcg(self) -> None:
        adm2030 = reg.master_plan("ADM2030")
        assert (str(adm2030.adopted), adm2030.meeting) == ("2026-01-16", "adgmin-6")
        assert adm2030.drafted_by is not None
        assert "Boston Consulting Group" in adm2030.drafted_by
        assert [e.field for e in adm2030.errata] == ["vision"]  # two wordings, no official English text

    def test_succession_is_a_relation_not_a_field(self) -> None:
        """Which plan succeeded which is stated once, as relations."""
        chain = {r.subject: r.object for r in reg.relations(predicate="succeeds")}
        assert chain == {"aim2020": "aim2015", "adm2025": "aim2020", "adm2030": "adm2025"}


class TestDocuments:
    def test_exact_dates_and_acts(self) -> None:
        hanoi = reg.document("Ha Noi Agenda")
        assert (str(hanoi.published), hanoi.act) == ("2005-09-26", ad.DocumentAct.ADOPTED)
        assert "web-asean-telmin5-jms" in cited(hanoi, "published")

    def test_own_pages_are_official_pages(self) -> None:
        """A url is the document's own page (asean.org, the U.S. Mission, the WEF), never a repost."""
        with_url = {d.id: d.url for d in reg.documents() if d.url}
        assert set(with_url) == {
            "siem-reap-declaration-2007",
            "bali-declaration-2008",
            "ministerial-understanding-2001",
            "brunei-action-plan-2006",
            "us-cpd-1-cochairs-statement",
            "wef-digital-asean",
        }
        for doc_id, url in with_url.items():
            assert url.startswith(
                ("https://asean.org/", "https://asean.usmission.gov/", "https://www.weforum.org/")
            )
            assert cited(reg.document(doc_id), "url")


class TestInstitutions:
    def test_the_regional_cert(self) -> None:
        """Launched 16 October 2024 at the 9th AMCC; Singapore hosts it; Malaysia its first coordinator."""
        cert = reg.body("ASEAN Regional CERT")
        assert (str(cert.established), cert.set_up_at, cert.host) == ("2024-10-16", "amcc-9", "SG")
        assert [(c.member_state, c.role) for c in cert.coordinators] == [("MY", "overall coordinator")]
        assert [e.field for e in cert.errata] == ["coordinators"]  # the rotation, worded three ways

    def test_the_working_groups_of_2024(self) -> None:
        wg_ai, wg_as = reg.body("WG-AI"), reg.body("WG-AS")
        assert (wg_ai.parent, wg_ai.set_up_at, str(wg_ai.established)) == ("adgsom", "adgmin-4", "2024")
        assert [(c.member_state, c.role) for c in wg_as.coordinators] == [("TH", "chair")]
        assert wg_as.parent is None  # the ministers formed it; no page names the body it reports to

    def test_time_views_see_them_only_once_set_up(self) -> None:
        assert "regional-cert" not in {b.id for b in reg.as_of(2023).bodies()}
        assert "regional-cert" in {b.id for b in reg.as_of("2024-10-16").bodies()}
        assert "ai-safe" not in {b.id for b in reg.as_of("2025-10-25").bodies()}

    def test_every_new_body_is_linked_to_the_rest(self) -> None:
        """Each has a parent, a meeting that set it up, a host or a coordinator: none stands alone."""
        for body in reg.bodies(established_after=2017):
            assert body.parent or body.set_up_at or body.host or body.coordinators, body.id


def test_a_body_set_up_after_its_establishment_is_refused(tmp_path: Path) -> None:
    """set_up_at names a meeting no later than the body's establishment: 2026 for a body of 2020 is wrong."""
    late = {
        "id": "wg-late", "name": "Late Working Group", "kind": "working_group", "parent": "adgsom",
        "established": "2020", "set_up_at": "adgmin-6",
        "sources": [{"document": "seed-page", "section": "x"}],
    }  # fmt: skip
    path = tmp_path / "late.json"
    path.write_text(json.dumps({"bodies": [late]}), encoding="utf-8")
    with pytest.raises(ad.DataError) as caught:
        ad.load(path)
    assert [p.path for p in caught.value.problems] == ["$.bodies[0].set_up_at"]
    assert "after the body was established (2020)" in caught.value.problems[0].message
