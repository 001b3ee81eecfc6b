"""Properties of the query API over the shipped registry, for any argument."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import asean_digital as ad
from asean_digital import AmbiguousKeyError, PartialDate
from asean_digital.model.keys import record_keys

reg = ad.registry
years = st.integers(min_value=1900, max_value=2100)
points = st.one_of(
    years,
    st.builds(PartialDate, years, st.none() | st.integers(1, 12)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
)


def all_entities() -> list[Any]:
    return [
        reg.sector, *reg.bodies(), *reg.documents(), *reg.master_plans(), *reg.events(),
        *reg.partners(), *reg.member_states(), *reg.policy_areas(), *reg.dialogues(), *reg.initiatives(),
    ]  # fmt: skip


class TestDateFilters:
    @given(years)
    def test_before_and_after_partition(self, y: int) -> None:
        """established_before=y and established_after=y-1 never overlap and cover every dated body."""
        before = set(reg.bodies(established_before=y))
        after = set(reg.bodies(established_after=y - 1))
        dated = {b for b in reg.bodies() if b.established is not None}
        assert not before & after
        assert before | after == dated

    @given(years)
    def test_documents_partition(self, y: int) -> None:
        """The same partition holds for documents by their date: publication, else the period's start."""
        before = set(reg.documents(published_before=y))
        after = set(reg.documents(published_after=y - 1))
        assert not before & after
        dated = {d for d in reg.documents() if d.published is not None or (d.period and d.period.start)}
        assert before | after == dated

    @given(points, points)
    def test_monotonic(self, a: Any, b: Any) -> None:
        """A later bound never finds fewer records before it."""
        pa, pb = ad.to_partial_date(a), ad.to_partial_date(b)
        if pa.latest <= pb.earliest:
            assert set(reg.bodies(established_before=pa)) <= set(reg.bodies(established_before=pb))
            assert set(reg.events(started_after=pb)) <= set(reg.events(started_after=pa))

    @given(
        st.sampled_from([None, "ministerial", "working_group", "regulators"]),
        st.sampled_from([None, "adgmin", "adgsom", "atrc"]),
        st.sampled_from([None, "EU", "CN", "JP"]),
        st.none() | points,
        st.none() | points,
    )
    def test_combined_filters_intersect(
        self, kind: Any, parent: Any, partner: Any, before: Any, after: Any
    ) -> None:
        """A combined query equals the intersection of its single-filter queries, in order."""
        combined = reg.bodies(
            kind=kind, parent=parent, partner=partner, established_before=before, established_after=after
        )
        expected = set(reg.bodies())
        for name, value in (("kind", kind), ("parent", parent), ("partner", partner),
                            ("established_before", before), ("established_after", after)):  # fmt: skip
            if value is not None:
                expected &= set(reg.bodies(**{name: value}))
        assert set(combined) == expected
        assert list(combined) == [b for b in reg.bodies() if b in expected]


class TestTime:
    @given(points)
    def test_as_of_is_a_subset_and_idempotent(self, when: Any) -> None:
        """A view holds only records of the registry, begins nothing after t, and is stable."""
        view = reg.as_of(when)
        day = ad.to_partial_date(when).latest
        assert {b.id for b in view.bodies()} <= {b.id for b in reg.bodies()}
        assert {d.id for d in view.documents()} <= {d.id for d in reg.documents()}
        for body in view.bodies():
            assert body.established is None or body.established.earliest <= day
            assert body.name_at(when) == body.names[-1]
        for doc in view.documents():
            assert doc.published is None or doc.published.earliest <= day
        assert view.as_of(when) == view

    @given(points)
    def test_name_at_agrees_with_history(self, when: Any) -> None:
        """name_at(t) is a name of the history whose period contains t, or None before the first."""
        for body in reg.bodies():
            name = body.name_at(when)
            if name is None:
                first = body.names[0].valid.start
                assert first is not None
                assert ad.to_partial_date(when).latest < first.earliest
            else:
                assert name in body.names
                assert name.valid.contains(when)


class TestHierarchy:
    def test_parent_and_children_inverse(self) -> None:
        """b is among children(p) exactly when b.parent is p."""
        for parent in reg.bodies():
            for child in reg.bodies():
                assert (child in reg.children(parent.id)) == (child.parent == parent.id)

    def test_ancestors_terminate_without_repeats(self) -> None:
        """Ancestors never repeat and end at a body without parent."""
        for body in reg.bodies():
            chain = reg.ancestors(body.id)
            assert len({b.id for b in chain}) == len(chain)
            if chain:
                assert chain[-1].parent is None


class TestLookup:
    def test_every_key_finds_its_record(self) -> None:
        """Every key of every record finds that record, in its kind and across kinds."""
        for entity in all_entities():
            for key in record_keys(entity):
                try:
                    found = reg.lookup(key)
                except AmbiguousKeyError as e:
                    assert entity.id in e.candidates
                    continue
                assert found is entity, key

    def test_every_key_in_any_case(self) -> None:
        """Keys match regardless of case and spacing."""
        for entity in all_entities():
            key = record_keys(entity)[0]
            for variant in (key.upper(), key.lower(), f"  {key} "):
                with contextlib.suppress(AmbiguousKeyError):
                    assert reg.lookup(variant) is entity

    @given(st.sampled_from(all_entities()))
    def test_search_exact_name_ranks_first(self, entity: Any) -> None:
        """Searching an exact name ranks its record first, with score 1 (shared titles tie)."""
        key = record_keys(entity)[0]
        results = reg.search(key, limit=3)
        top = [m for m in results if m.score == results[0].score]
        assert results[0].score == 1.0
        assert entity in [m.entity for m in top]


class TestAnyArgument:
    @given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(), st.binary(),
                     st.lists(st.integers()), st.dictionaries(st.text(), st.integers())))  # fmt: skip
    def test_queries_fail_cleanly(self, value: Any) -> None:
        """Any value as any filter gives a result or a clear TypeError, ValueError or NotFoundError."""
        calls: list[Callable[[], object]] = [
            lambda: reg.bodies(kind=value), lambda: reg.bodies(parent=value),
            lambda: reg.bodies(partner=value), lambda: reg.bodies(established_before=value),
            lambda: reg.documents(year=value), lambda: reg.documents(kind=value),
            lambda: reg.declarations(host=value), lambda: reg.lookup(value),
            lambda: reg.search(value), lambda: reg.as_of(value), lambda: reg.member_states(as_of=value),
            lambda: reg.relations(predicate=value), lambda: reg.events(started_after=value),
        ]  # fmt: skip
        for call in calls:
            try:
                call()
            except (TypeError, ValueError, LookupError) as e:
                assert str(e)
