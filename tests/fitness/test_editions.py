"""Competitions and awards with their editions, names over time and winners, as the pages give them."""

from __future__ import annotations

import asean_digital as ad

reg = ad.registry


def test_the_ict_awards_became_the_digital_awards_in_2021() -> None:
    """aseanictaward.com: first AICTA in Cebu, November 2012; The Hanoi Times: renamed in 2021."""
    ada = reg.event("AICTA")  # its former acronym finds it
    assert ada.name == "ASEAN Digital Awards"
    assert [(n.acronym, str(n.valid.start)) for n in ada.names] == [("AICTA", "2012-11"), ("ADA", "2021")]
    assert reg.event("ASEAN ICT Awards") is ada
    renamed = [m.what for m in reg.timeline(kind="renamed") if m.record == ada.id]
    assert renamed == ["ASEAN ICT Awards renamed ASEAN Digital Awards"]


def test_editions_of_the_awards_in_order_with_their_meetings() -> None:
    editions = reg.editions(event="ASEAN Digital Awards")
    assert [e.id for e in editions] == ["aicta-2012", "aicta-2013", "ada-2025", "ada-2026"]
    assert [(e.city, e.host, e.meeting) for e in editions][::3] == [
        ("Cebu", "PH", "telmin-12"),
        ("Ha Noi", "VN", "adgmin-6"),
    ]
    # the 2nd awards were presented at the 13th TELMIN's gala dinner, 14 November 2013 (IMDA)
    assert str(reg.edition("2nd ASEAN ICT Awards").dates.start) == "2013-11-14"
    assert reg.edition("ADA 2026").sources_for("meeting")[0].document == "web-taichinhnhadat-ada2026"


def test_winners_name_their_country_member_state_or_partner() -> None:
    """The 2017 Makerthon: a Chinese team won (MCMC clipping); the 2018 camp: Viet Nam gold (AITI)."""
    makerthon = reg.edition("ASEAN Makerthon 2017")
    assert [(w.prize, w.member_state or w.partner) for w in makerthon.winners] == [
        ("1st prize", "CN"), ("2nd prize", "MM"), ("3rd prize", "MY"),
    ]  # fmt: skip
    camp = reg.edition("ASEAN Cyberkids Camp 2018")
    assert (camp.host, camp.theme, camp.winners[0].member_state) == ("BN", "Smart City", "VN")
    online = reg.edition("ASEAN Cyberkids Camp 2021")
    assert (online.virtual, online.host, online.winners[0].prize) == (True, "KH", "Silver")


def test_editions_are_in_the_timeline_and_in_views() -> None:
    moments = reg.timeline(kind="edition")
    assert len(moments) == len(reg.editions()) == 8
    assert [e.id for e in reg.as_of(2013).editions()] == ["acc-2008", "aicta-2012", "aicta-2013"]
    assert reg.editions(year=2026)[0].name == "ASEAN Digital Awards 2026"
