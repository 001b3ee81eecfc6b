"""The chronology of everything the data dates, and between two dates."""

from __future__ import annotations

import pytest

import asean_digital as ad
from asean_digital.query.timeline import MOMENT_KINDS

reg = ad.registry


def test_every_kind_of_moment_is_there_and_in_order() -> None:
    moments = reg.timeline()
    assert {m.kind for m in moments} == set(MOMENT_KINDS)
    keys = [m.date.sort_key for m in moments]
    assert keys == sorted(keys)


def test_between_two_dates_across_kinds() -> None:
    """October 2019: the sector and TELMIN renamed, the 19th TELMIN held (and moments dated only 2019)."""
    found = {(m.kind, m.record) for m in reg.timeline(start="2019-10", end="2019-10")}
    assert {("renamed", "digital"), ("renamed", "adgmin"), ("meeting", "telmin-19")} <= found
    assert ("meeting", "telmin-18") not in found


def test_each_record_says_its_own_moments() -> None:
    """A meeting once, a declaration once (under declarations), a plan's adoption, start and end."""
    moments = reg.timeline()
    assert sum(m.record == "telmin-12" for m in moments) == 1
    assert [m.collection for m in moments if m.record == "vientiane-declaration-2019"] == ["declarations"]
    assert sorted(m.what for m in moments if m.record == "adm2030") == [
        "ADM2030 adopted", "ADM2030 begins", "ADM2030 ends",
    ]  # fmt: skip
    defa = [m for m in moments if m.record == "defa"]
    assert len(defa) == len(reg.process("DEFA").milestones)
    assert "DEFA: signing (planned)" in [m.what for m in defa]


def test_a_view_has_the_chronology_of_what_it_holds() -> None:
    then = reg.as_of(2015).timeline()
    assert max(m.date.earliest for m in then if m.kind == "meeting").year == 2015
    assert "adgmin-1" not in {m.record for m in then}
    # A plan adopted by then says when it is to end: AIM2020's period, adopted in November 2015.
    assert [(str(m.date), m.what) for m in then if m.record == "aim2020"][-1] == ("2020", "AIM2020 ends")


def test_bad_dates_say_what_was_expected() -> None:
    with pytest.raises(TypeError, match="start"):
        reg.timeline(start=True)
    with pytest.raises(ValueError, match=r"one of .*'milestone'.*got 'meetings'"):
        reg.timeline(kind="meetings")


def test_kind_keeps_moments_of_that_kind_or_of_records_of_that_kind() -> None:
    renamings = reg.timeline(kind="renamed")
    assert renamings
    assert {m.kind for m in renamings} == {"renamed"}
    documents = reg.timeline(kind="document")
    assert {m.collection for m in documents} == {"documents", "declarations"}
    assert "vientiane-declaration-2019" in {m.record for m in documents}
    bodies = {m.kind for m in reg.timeline(kind="body")}
    assert bodies == {"established", "renamed"}
