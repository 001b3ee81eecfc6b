"""Processes with dated milestones: DEFA, as research/processes-2026-12-07.md records its sources."""

from __future__ import annotations

import asean_digital as ad
from asean_digital import MilestoneStatus, ProcessKind

reg = ad.registry


def test_defa_is_found_by_name_acronym_and_search() -> None:
    defa = reg.process("DEFA")
    assert reg.process("ASEAN Digital Economy Framework Agreement") is defa
    assert reg.search("DEFA")[0].entity is defa
    assert (defa.kind, defa.led_by) == (ProcessKind.NEGOTIATION, "TH")  # Thailand chairs the NC


def test_defa_milestones_as_the_sources_give_them() -> None:
    """Study endorsed (19 Aug 2023), launched at the 23rd AECC, first round, substantially concluded, ..."""
    got = [(str(m.date), m.status.value, m.city) for m in reg.process("DEFA").milestones]
    assert got == [
        ("2023-08-19", "happened", "Semarang"),
        ("2023-09-03", "happened", "Jakarta"),
        ("2023-12-01", "happened", None),
        ("2025-10-24", "happened", "Kuala Lumpur"),
        ("2026-05-30", "happened", "Manila"),
        ("2026", "planned", None),  # the signing: a plan, not a signing
    ]
    defa = reg.process("DEFA")
    assert defa.milestones[1].forum == "23rd ASEAN Economic Community Council Meeting"
    # Every milestone is cited by a web page, and the disputed dates keep the official one.
    for i in range(len(defa.milestones)):
        assert any(s.document.startswith("web-") for s in defa.sources_for(f"milestones[{i}]")), i
    assert [(e.field, e.kept) for e in defa.errata] == [
        ("milestones[0].date", "2023-08-19"),
        ("milestones[2].date", "2023-12-01"),
    ]


def test_a_view_knows_only_the_milestones_of_its_time() -> None:
    """As of 2024 DEFA was launched and in negotiation; its conclusion and signing were not known."""
    then = reg.as_of(2024).process("DEFA")
    assert [m.what for m in then.milestones] == [m.what for m in reg.process("DEFA").milestones[:3]]
    assert [p.id for p in reg.as_of(2021).processes()] == ["china-asean-digital-economy-year-2020"]
    assert reg.as_of(2018).processes() == ()
    assert [p.id for p in reg.as_of(2022).processes()] == [
        "china-asean-digital-economy-year-2020",
        "regional-cert-programme",
    ]
    assert all(m.status is MilestoneStatus.HAPPENED for m in then.milestones)


def test_filters_by_kind_and_milestone_year() -> None:
    assert [p.id for p in reg.processes(year=2025)] == ["defa"]
    assert [p.id for p in reg.processes(year=2023)] == ["regional-cert-programme", "defa"]
    assert [p.id for p in reg.processes(year=2020)] == ["china-asean-digital-economy-year-2020"]
    assert reg.processes(year=2021) == ()
    assert [p.id for p in reg.processes(kind="cooperation_year", partner="China")] == [
        "china-asean-digital-economy-year-2020"
    ]
    assert [p.id for p in reg.processes(kind="programme")] == ["regional-cert-programme"]


def test_the_regional_cert_from_paper_to_facility() -> None:
    """Its papers at the 2nd, 3rd and 4th ADGMIN (linked to those meetings), its facility launched in 2024."""
    cert = reg.process("ASEAN Regional CERT")
    assert (cert.kind, cert.led_by) == (ProcessKind.PROGRAMME, "SG")  # it tabled the paper, hosts and funds
    assert [m.meeting for m in cert.milestones] == ["adgmin-2", "adgmin-3", "adgmin-4", None]
    assert [str(m.date) for m in cert.milestones] == ["2022-01", "2023-02", "2024-02", "2024-10-16"]
    for m in cert.milestones[:3]:  # each paper's meeting is a meeting of the data, in the milestone's month
        meeting = reg.meeting(m.meeting or "")
        assert meeting.dates.start is not None
        assert m.date is not None
        assert (meeting.dates.end or meeting.dates.start).latest >= m.date.earliest
        assert meeting.dates.start.earliest <= m.date.latest


def test_the_china_asean_year_of_digital_economy_cooperation() -> None:
    """Agreed by the foreign ministers in Bangkok on 31 July 2019, opened online on 12 June 2020."""
    year = reg.process("ASEAN-China Year of Digital Economy Cooperation")
    assert (year.kind, year.partner) == (ProcessKind.COOPERATION_YEAR, "CN")
    agreed, opened = year.milestones
    assert (str(agreed.date), agreed.city, agreed.host) == ("2019-07-31", "Bangkok", "TH")
    assert str(opened.date) == "2020-06-12"
    assert "web-fmprc-china-asean-fmm-2019" in {s.document for s in year.sources_for("milestones[0]")}


def test_the_process_and_the_body_it_set_up() -> None:
    """The CERT's path is a process, the CERT a body: lookup() of a name gives the body, of an id its own."""
    process = reg.process("ASEAN Regional CERT")
    assert process.body == "regional-cert"
    assert reg.lookup("ASEAN Regional CERT") is reg.body("ASEAN Regional CERT")
    assert reg.lookup(process.id) is process  # an id given exactly finds its own record
