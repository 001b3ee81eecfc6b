"""
Time semantics: what ``as_of(t)`` holds, over the packaged data and generated registries.

The rules (docs/time.md): a record of a dated kind exists once its date has
certainly come; undated records of dated kinds are left out unless asked for;
timeless kinds are always there; references to what a view does not hold
are dropped; a renaming shows from the last day its date allows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import asean_digital as ad
from asean_digital import Document, MasterPlan, Meeting, PartialDate, Registry
from asean_digital import strategies as gen
from asean_digital.model.collections import COLLECTIONS

reg = ad.registry

GRID: list[Any] = [*range(1990, dt.date.today().year + 1)]
GRID += [f"{y}-{m:02d}" for y in (1995, 2001, 2011, 2019, 2021, 2025) for m in range(1, 13)]
GRID += ["2001-07-12", "2001-07-14", "2019-10-24", "2019-10-31", "2021-01-22", "2026-01-16"]


def dated(registry: Registry, *, undated: bool = True) -> list[tuple[str, Any, PartialDate | None]]:
    """``(kind, record, principal date)`` for every record of a dated kind."""
    out: list[tuple[str, Any, PartialDate | None]] = []
    out += [("body", b, b.established) for b in registry.bodies()]
    out += [
        ("document", d, d.published or (d.period.start if d.period else None)) for d in registry.documents()
    ]
    out += [("meeting", m, m.dates.start) for m in registry.meetings()]
    out += [("plan", p, p.adopted or p.period.start) for p in registry.master_plans()]
    out += [("event", e, e.started) for e in registry.events()]
    out += [("state", s, s.joined) for s in registry.member_states(as_of=9999)]
    out += [("process", p, p.started) for p in registry.processes()]
    return out if undated else [row for row in out if row[2] is not None]


def check_view(registry: Registry, when: Any) -> None:
    """The two halves of the rule, and the timeless kinds, at *when*."""
    moment = ad.to_partial_date(when)
    view = registry.as_of(when)
    present = {(kind, r.id) for kind, r, _ in dated(view)}
    for kind, record, date in dated(view):
        assert date is not None, (when, kind, record.id)  # nothing undated
        assert date.latest <= moment.latest, (when, kind, record.id, str(date))  # certainly come
    held = {r.id for _, r, _ in dated(view)}
    for kind, record, date in dated(registry):
        # Certainly before t: there, unless a record it cannot be without is not yet certainly there
        # (a meeting's body; a declaration's body and host state).
        needs = [record.body] if isinstance(record, Meeting) and record.body is not None else []
        if isinstance(record, ad.Declaration):
            needs = [record.body, record.host]
        if date is not None and date.latest < moment.earliest and all(n in held for n in needs):
            assert (kind, record.id) in present, (when, kind, record.id, str(date))
    assert len(view.partners()) == len(registry.partners())
    assert len(view.policy_areas()) == len(registry.policy_areas())
    named = {p.person for m in view.meetings() for p in m.participants}  # in any role
    assert {p.id for p in view.people()} == {p.id for p in registry.people() if p.id in named}
    ids = {r.id for _, r, _ in dated(view)}
    for body in view.bodies():
        assert body.parent is None or body.parent in ids
    for relation in view.relations():
        assert relation.subject in ids | {r.id for r in _timeless(view)}
        assert relation.object in ids | {r.id for r in _timeless(view)}


def acronym_at(body: Any, when: Any) -> str | None:
    name = body.name_at(when)
    assert name is not None
    acronym: str | None = name.acronym
    return acronym


def _timeless(view: Registry) -> list[Any]:
    """The records of the kinds without a date of their own (partners, people, series, ...), initiatives."""
    undated = [c.name for c in COLLECTIONS if c.keyed and (c.date is None or c.undated_in_views)]
    return [view.sector, *(r for name in undated if name != "sources" for r in view.stored(name))]


def test_the_rule_holds_on_a_grid_over_the_packaged_data() -> None:
    """For every t from 1990 to today (years, months, the renaming's days)."""
    for when in GRID:
        check_view(reg, when)


@settings(max_examples=max(10, settings().max_examples // 4))
@given(gen.registries(max_records=2), st.sampled_from(GRID))
def test_the_rule_holds_over_generated_registries(registry: Registry, when: Any) -> None:
    """The same over generated data, at points of the grid."""
    check_view(registry, when)


class TestTheDocumentedExamples:
    """The examples of docs/time.md, asserted here too."""

    def test_atrc_in_1998_is_the_committee_without_a_parent(self) -> None:
        atrc = reg.as_of(1998).body("ATRC")
        assert atrc.name == "ASEAN Telecommunication Regulators’ Committee"
        assert atrc.parent is None  # TELMIN began in July 2001
        assert reg.as_of(2001).body("ATRC").parent == "adgmin"
        # TELSOM first met in October 2000, before the first TELMIN of July 2001.
        assert [b.id for b in reg.as_of("2001-06").bodies()] == ["atrc", "adgsom"]
        assert [b.id for b in reg.as_of("2000-09").bodies()] == ["atrc"]

    def test_2010_documents_are_all_dated_by_then(self) -> None:
        docs = reg.as_of(2010).documents()
        assert docs
        assert all(isinstance(d, Document) and d.published and d.published.year <= 2010 for d in docs)
        ids = {d.id for d in docs}
        assert "cybersecurity-cooperation-strategy-2021-2025" not in ids
        assert "ai-governance-guide-generative-ai" not in ids
        assert "responsible-ai-roadmap" not in {d.id for d in reg.as_of(2024).documents()}
        assert "responsible-ai-roadmap" in {d.id for d in reg.as_of(2025).documents()}
        assert reg.as_of(2025).document("ASEAN Responsible AI Roadmap (2025-2030)").period is not None

    def test_undated_records_on_request(self) -> None:
        plain, everything = reg.as_of(2010), reg.as_of(2010, undated=True)
        extra = {b.id for b in everything.bodies()} - {b.id for b in plain.bodies()}
        assert extra == {"adgsom-wg", "atrc-wg"}
        assert all(b.established is None for b in everything.bodies() if b.id in extra)

    def test_a_renaming_shows_from_the_last_day_its_date_allows(self) -> None:
        adgmin = reg.body("ADGMIN")
        assert acronym_at(adgmin, "2019-10-24") == "TELMIN"  # the 19th TELMIN met then
        assert acronym_at(adgmin, "2019-10-31") == "ADGMIN"
        assert reg.as_of("2019-10-30").body("ADGMIN").acronym == "TELMIN"
        assert reg.as_of("2019-10").body("ADGMIN").acronym == "ADGMIN"
        assert reg.as_of("2019-06").body("ADGSOM").acronym == "TELSOM"
        assert acronym_at(reg.body("ADGSOM"), "2019-01") == "TELSOM"
        assert acronym_at(reg.body("ADGSOM"), 2019) == "ADGSOM"

    def test_meetings_by_then(self) -> None:
        then = reg.as_of("2011-01-14")
        assert [m.name for m in then.meetings(body="ADGMIN")][-1] == "10th TELMIN"
        assert all(isinstance(m, Meeting) for m in then.meetings())
        assert [p.acronym for p in reg.as_of(2011).master_plans()] == ["AIM2015"]
        assert all(isinstance(p, MasterPlan) for p in reg.as_of(2030).master_plans())

    def test_a_view_of_a_view_is_the_earlier_view(self) -> None:
        assert reg.as_of(2015).as_of(2005) == reg.as_of(2005)
        assert [b.id for b in reg.as_of(2015).as_of(2005).bodies()] == [
            b.id for b in reg.as_of(2005).bodies()
        ]


def test_a_view_holds_the_people_its_meetings_name() -> None:
    """In 2015 those named only by later meetings (Josephine Teo, 4th ADGMIN 2024) are not yet there."""
    view = ad.registry.as_of(2015)
    named = {p.person for m in view.meetings() for p in m.participants if p.person}
    assert {p.id for p in view.people()} == named
    assert "josephine-teo" not in named
    assert "mario-montejo" in named  # chaired the 12th TELMIN, 2012


def test_a_plan_is_there_from_its_adoption_and_its_meeting_keeps_it() -> None:
    """AIM2020 was adopted at the 15th TELMIN (November 2015): the view of 2015 holds both, linked."""
    then = reg.as_of(2015)
    assert [p.acronym for p in then.master_plans()] == ["AIM2015", "AIM2020"]
    assert "aim2020" in then.meeting("15th TELMIN").outcomes
    assert "AIM2020" not in [p.acronym for p in reg.as_of("2015-10").master_plans()]
