"""
Properties over generated registries as well as the shipped one, and of the public strategies.

The generated registries come from :mod:`asean_digital.strategies`: the packaged
data with internally consistent overlays of every kind of record loaded over it.
Properties the shipped registry alone already checks (``tests/query/test_properties.py``) are
checked here over generated registries; the others over both.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import asean_digital as ad
from asean_digital import (
    AmbiguousKeyError,
    Body,
    BodyKind,
    Declaration,
    Dialogue,
    Document,
    DocumentKind,
    Erratum,
    Event,
    Initiative,
    MasterPlan,
    Meeting,
    MeetingSeries,
    MemberState,
    Name,
    PartialDate,
    Partner,
    PolicyArea,
    Predicate,
    Registry,
    Sector,
    Source,
    Thrust,
)
from asean_digital import strategies as gen
from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.keys import normalise, record_keys

SHIPPED = ad.registry
TAG = gen.TAG_PREFIX.lower()

# Dates over the years of the packaged data, crowded into three years, or spread over all.
generated = st.one_of(
    gen.registries(max_records=2),
    gen.registries(max_records=2, min_year=2018, max_year=2020),
    gen.registries(max_records=2, min_year=1, max_year=9999),
)
any_registry = st.one_of(st.just(SHIPPED), generated)

# Each example that loads generated data writes and loads a whole dataset (about 0.1 s
# on two busy cores), so those tests run a quarter of the profile's examples.
per_load = settings(max_examples=max(10, settings().max_examples // 4))

RECORD_STRATEGIES: list[tuple[str, st.SearchStrategy[Any], str]] = [
    ("bodies", gen.bodies(), "bodies"),
    ("documents", gen.documents(), "documents"),
    ("declarations", gen.declarations(), "declarations"),
    ("master_plans", gen.master_plans(), "master_plans"),
    ("events", gen.events(), "events"),
    ("partners", gen.partners(), "partners"),
    ("member_states", gen.member_states(), "member_states"),
    ("policy_areas", gen.policy_areas(), "policy_areas"),
    ("dialogues", gen.dialogues(), "dialogues"),
    ("initiatives", gen.initiatives(), "initiatives"),
    ("relations", gen.relations(), "relations"),
    ("sectors", gen.sectors(), "sectors"),
    ("source_documents", gen.source_documents(), "sources"),
]
VALUE_STRATEGIES: list[tuple[str, st.SearchStrategy[Any], type]] = [
    ("partial_dates", gen.partial_dates(), PartialDate),
    ("periods", gen.periods(), ad.Period),
    ("sources", gen.sources(), Source),
    ("errata", gen.errata(), Erratum),
    ("names", gen.names(), Name),
    ("meeting_series", gen.meeting_series(), MeetingSeries),
    ("thrusts", gen.thrusts().filter(bool).map(lambda t: t[-1]), Thrust),
]
CLASSES: dict[str, type] = {c.name: c.cls for c in COLLECTIONS}


# -- helpers ---------------------------------------------------------------------------


def entities(registry: Registry) -> list[Any]:
    """Every entity of *registry* that keys find, members yet to join included."""
    return [
        registry.sector, *registry.bodies(), *registry.documents(), *registry.master_plans(),
        *registry.events(), *registry.partners(), *registry.member_states(as_of=9999),
        *registry.policy_areas(), *registry.dialogues(), *registry.initiatives(),
        *registry.meetings(), *registry.people(), *registry.processes(),
    ]  # fmt: skip


def as_written(record: Any) -> Any:
    """*record* without the citations of the overlay files it was loaded from, as its overlay wrote it."""
    return attrs.evolve(
        record, sources=tuple(s for s in record.sources if not s.document.startswith("overlay-"))
    )


def trimmed(mine: Any, theirs: Any) -> bool:
    """Whether *mine* is *theirs*, or the part *theirs* with some of its fields (references) emptied."""
    if mine == theirs:
        return True
    if not attrs.has(type(mine)) or type(mine) is not type(theirs):
        return False
    return all(getattr(mine, f.name) in (getattr(theirs, f.name), None) for f in attrs.fields(type(mine)))


def is_generated(record: Any) -> bool:
    """Whether *record* was drawn by the strategies (its name keys carry a tag)."""
    return any(normalise(key).startswith(TAG) for key in record_keys(record))


def known_dates(registry: Registry) -> list[PartialDate]:
    """Every date of the registry's records: the boundaries where queries change their answer."""
    out: list[PartialDate] = []
    for body in registry.bodies():
        out.extend(d for n in body.names for d in (n.valid.start, n.valid.end) if d is not None)
    out.extend(d.published for d in registry.documents() if d.published is not None)
    out.extend(e.started for e in registry.events())
    out.extend(s.joined for s in registry.member_states(as_of=9999))
    out.extend(d for p in registry.master_plans() for d in (p.period.start, p.period.end) if d is not None)
    return out


def year(value: int) -> int:
    return min(max(value, 1), 9999)


def near(d: PartialDate) -> list[Any]:
    """Points in time at and around *d*, in every form the API accepts."""
    out: list[Any] = [d, d.year, d.earliest, d.latest, str(d), year(d.year - 1), year(d.year + 1)]
    if d.month is not None:
        out.append(PartialDate(d.year, d.month))
    return out


any_moment = st.one_of(
    st.integers(1, 9999),
    gen.partial_dates(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)


def moments(registry: Registry) -> st.SearchStrategy[Any]:
    """Points in time, mostly on and around the dates the registry holds."""
    dates = known_dates(registry)
    if not dates:
        return any_moment
    return st.one_of(st.sampled_from(dates).flatmap(lambda d: st.sampled_from(near(d))), any_moment)


def key_for(data: st.DataObject, registry: Registry, record: Any, kind: Callable[[str], object]) -> str:
    """Any key of *record* that finds it through *kind* (a getter), else its id."""
    key = data.draw(st.sampled_from(record_keys(record)))
    try:
        found = kind(key)
    except AmbiguousKeyError:
        return str(record.id)
    return key if getattr(found, "id", None) == record.id else str(record.id)


def maybe(data: st.DataObject, choices: Iterable[Any]) -> Any:
    """``None`` or one of *choices*."""
    return data.draw(st.none() | st.sampled_from([None, *choices]))


def check_intersection(query: Callable[..., tuple[Any, ...]], filters: dict[str, Any]) -> None:
    """A query with all *filters* is the intersection of the queries with one each, in order."""
    everything = query()
    expected = set(everything)
    for name, value in filters.items():
        if value is not None:
            expected &= set(query(**{name: value}))
    combined = query(**filters)
    assert set(combined) == expected
    assert combined == tuple(r for r in everything if r in expected)


def principal(record: Any) -> PartialDate | None:
    """The date a record exists from: establishment, publication (else its period's start), first event,
    accession, an initiative's adoption, a plan's or meeting's start; None for timeless kinds and unknown
    dates."""
    if isinstance(record, Document):
        return record.published or (record.period.start if record.period else None)
    if isinstance(record, MasterPlan):
        return record.adopted or record.period.start
    for field in ("established", "started", "joined", "adopted"):
        if hasattr(record, field):
            value: PartialDate | None = getattr(record, field)
            return value
    if isinstance(record, Meeting):
        return record.dates.start
    return None


def sort_key(record: Any) -> tuple[int, dt.date, dt.date, int, str]:
    date = principal(record)
    if date is None:
        return (1, dt.date.max, dt.date.max, 0, str(record.id))
    # By the interval's first day, then its last; meetings of the same dates by their numbers.
    rank = (record.number or 0) if isinstance(record, Meeting) else 0
    return (0, date.earliest, date.latest, rank, str(record.id))


def point(value: Any) -> PartialDate:
    return ad.to_partial_date(value)


# -- the strategies themselves --------------------------------------------------------------


class TestStrategies:
    @per_load
    @given(st.data())
    def test_each_record_loads_alone(self, data: st.DataObject) -> None:
        """Every record strategy draws a record that loads as an overlay on its own, unchanged."""
        _, strategy, collection = data.draw(st.sampled_from(RECORD_STRATEGIES))
        record = data.draw(strategy)
        registry = gen.load_files([{collection: [ad.converter.unstructure(record)]}])
        if collection == "relations":
            assert record in [as_written(r) for r in registry.relations()]
        elif collection == "sectors":
            assert as_written(registry.sector) == record
        elif collection == "sources":
            assert registry.source(record.id) == record
        else:
            found = registry.lookup(record.id)
            assert as_written(found) == record
            assert found.sources[-1].document == "overlay-1"  # the overlay file cites what it states

    @per_load
    @given(gen.datasets(max_records=2))
    def test_datasets_load_as_written(self, files: list[dict[str, Any]]) -> None:
        """Generated overlays are JSON-ready, load, and every record reads back exactly as written."""
        assert json.loads(json.dumps(files)) == files
        registry = gen.load_files(files)
        relations = [ad.converter.unstructure(as_written(r)) for r in registry.relations()]
        for doc in files:
            for collection, items in doc.items():
                for item in items:
                    if collection == "relations":
                        assert item in relations
                    elif collection == "sectors":
                        assert ad.converter.unstructure(as_written(registry.sector)) == item
                    elif collection == "sources":
                        assert ad.converter.unstructure(registry.source(item["id"])) == item
                    else:
                        found = registry.lookup(item["id"])
                        assert isinstance(found, CLASSES[collection])
                        assert ad.converter.unstructure(as_written(found)) == item

    @per_load
    @given(generated)
    def test_generated_keys_are_globally_unique(self, registry: Registry) -> None:
        """No key of a generated record finds any other record, of any kind."""
        holders: dict[str, set[str]] = {}
        for record in entities(registry):
            for key in record_keys(record):
                holders.setdefault(normalise(key), set()).add(record.id)
        for record in filter(is_generated, entities(registry)):
            for key in record_keys(record):
                assert holders[normalise(key)] == {record.id}, key

    @pytest.mark.parametrize(
        "make",
        [
            lambda: gen.partial_dates(min_year=0),
            lambda: gen.periods(min_year=2000, max_year=1999),
            lambda: gen.bodies(max_year=10_000),
            lambda: gen.datasets(max_files=0),
            lambda: gen.datasets(max_records=-1),
            lambda: gen.registries(min_year=True),
        ],
    )
    def test_invalid_arguments(self, make: Callable[[], object]) -> None:
        """Impossible bounds are refused when the strategy is made."""
        with pytest.raises(InvalidArgument):
            make()

    def test_import_needs_the_extra(self) -> None:
        """Without Hypothesis, importing the module names the extra to install."""
        code = (
            "import sys\n"
            "sys.modules['hypothesis'] = None\n"
            "try:\n"
            "    import asean_digital.strategies\n"
            "except ImportError as e:\n"
            "    print(e)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert "asean-digital[strategies]" in result.stdout, result.stderr


# -- round trips ---------------------------------------------------------------------------


class TestRoundTrip:
    @given(st.data())
    def test_every_type_through_json_text(self, data: st.DataObject) -> None:
        """structure(loads(dumps(unstructure(x))), type(x)) == x for every record and value type."""
        _, strategy, collection = data.draw(st.sampled_from(RECORD_STRATEGIES))
        record = data.draw(strategy)
        cls = CLASSES[collection]
        text = json.dumps(ad.converter.unstructure(record), ensure_ascii=False)
        back: Any = ad.converter.structure(json.loads(text), cls)
        assert back == record
        assert type(back) is type(record)

    @given(st.data())
    def test_value_types_through_json_text(self, data: st.DataObject) -> None:
        """Dates, periods, names, sources, errata, meetings and thrusts survive JSON text."""
        _, strategy, cls = data.draw(st.sampled_from(VALUE_STRATEGIES))
        value = data.draw(strategy)
        text = json.dumps(ad.converter.unstructure(value), ensure_ascii=False)
        assert ad.converter.structure(json.loads(text), cls) == value


# -- query algebra ------------------------------------------------------------------------------


class TestQueryAlgebra:
    @per_load
    @given(any_registry, st.data())
    def test_combined_filters_are_the_intersection(self, registry: Registry, data: st.DataObject) -> None:
        """Every query with several filters equals the intersection of its single-filter queries."""
        when = moments(registry)
        query = data.draw(st.sampled_from(["bodies", "documents", "declarations", "events", "relations"]))
        bodies = registry.bodies()
        partners = registry.partners()
        filters: dict[str, Any]
        if query == "bodies":
            filters = {
                "kind": maybe(data, [*BodyKind, "working_group", "MINISTERIAL", "Senior Officials"]),
                "parent": maybe(data, [key_for(data, registry, b, registry.body) for b in bodies[:1]]
                                + [b.parent for b in bodies if b.parent]),
                "partner": maybe(data, [key_for(data, registry, p, registry.partner) for p in partners[:1]]
                                 + [p.id for p in partners]),
                "established_before": data.draw(st.none() | when),
                "established_after": data.draw(st.none() | when),
            }  # fmt: skip
        elif query == "documents":
            years = sorted({d.year for d in known_dates(registry)} or {2000})
            filters = {
                "kind": maybe(data, [*DocumentKind, "framework", "LINK"]),
                "year": maybe(data, years),
                "published_before": data.draw(st.none() | when),
                "published_after": data.draw(st.none() | when),
            }
        elif query == "declarations":
            decls = registry.declarations()
            states = registry.member_states(as_of=9999)
            filters = {
                "body": maybe(data, [d.body for d in decls]
                              + [key_for(data, registry, b, registry.body) for b in bodies[:1]]),
                "host": maybe(data, [d.host for d in decls]
                              + [key_for(data, registry, s, registry.member_state) for s in states[:1]]),
                "year": maybe(data, [d.published.year for d in decls if d.published is not None] or [2000]),
            }  # fmt: skip
        elif query == "events":
            filters = {
                "partner": maybe(data, [p for e in registry.events() for p in e.partners]
                                 + [p.id for p in partners]),
                "started_before": data.draw(st.none() | when),
                "started_after": data.draw(st.none() | when),
            }  # fmt: skip
        else:
            rels = registry.relations()
            filters = {
                "subject": maybe(data, [r.subject for r in rels]),
                "predicate": maybe(data, [*Predicate, "part_of", "ADVISES"]),
                "object": maybe(data, [r.object for r in rels]),
            }
        check_intersection(getattr(registry, query), filters)

    @per_load
    @given(any_registry, st.data())
    def test_keys_filter_like_ids(self, registry: Registry, data: st.DataObject) -> None:
        """A filter given any key of a record (acronym, alias, former name) equals the filter by id."""
        bodies = [b for b in registry.bodies() if registry.children(b.id)]
        partners = registry.partners()
        if bodies:
            body = data.draw(st.sampled_from(bodies))
            key = key_for(data, registry, body, registry.body)
            assert registry.bodies(parent=key) == registry.bodies(parent=body.id)
            assert registry.children(key) == registry.children(body.id)
            assert registry.declarations(body=key) == registry.declarations(body=body.id)
        partner = data.draw(st.sampled_from(partners))
        key = key_for(data, registry, partner, registry.partner)
        assert registry.bodies(partner=key) == registry.bodies(partner=partner.id)
        assert registry.events(partner=key) == registry.events(partner=partner.id)

    @per_load
    @given(generated, st.data())
    def test_before_and_after_partition(self, registry: Registry, data: st.DataObject) -> None:
        """*_before=y and *_after=y-1 split the records with a known date, for every dated query."""
        y = data.draw(st.one_of(st.sampled_from([year(d.year) for d in known_dates(registry)] or [2000]),
                                st.integers(2, 9999)).filter(lambda v: v >= 2))  # fmt: skip
        for query, field in (("bodies", "established"), ("documents", "published"), ("events", "started")):
            everything = getattr(registry, query)()
            before = set(getattr(registry, query)(**{f"{field}_before": y}))
            after = set(getattr(registry, query)(**{f"{field}_after": y - 1}))
            assert not before & after
            assert before | after == {r for r in everything if principal(r) is not None}
            assert before == {r for r in everything if (d := principal(r)) is not None and d.year < y}

    @per_load
    @given(any_registry, st.data())
    def test_monotonic_in_date(self, registry: Registry, data: st.DataObject) -> None:
        """A later bound finds no fewer records before it and no more after it."""
        a, b = data.draw(moments(registry)), data.draw(moments(registry))
        pa, pb = point(a), point(b)
        for query, field in (("bodies", "established"), ("documents", "published"), ("events", "started")):
            q = getattr(registry, query)
            if pa.earliest <= pb.earliest:
                assert set(q(**{f"{field}_before": a})) <= set(q(**{f"{field}_before": b}))
            if pa.latest <= pb.latest:
                assert set(q(**{f"{field}_after": b})) <= set(q(**{f"{field}_after": a}))
        if pa.latest <= pb.latest:
            assert set(registry.member_states(as_of=a)) <= set(registry.member_states(as_of=b))

    @per_load
    @given(any_registry)
    def test_sorted_and_deterministic(self, registry: Registry) -> None:
        """Every collection comes sorted by principal date (unknown last), then id, the same each time."""
        for query in ("bodies", "documents", "declarations", "master_plans", "meetings", "events", "partners",
                      "policy_areas", "dialogues", "initiatives", "people"):  # fmt: skip
            records = getattr(registry, query)()
            assert list(records) == sorted(records, key=sort_key), query
            assert len({r.id for r in records}) == len(records)
            assert getattr(registry, query)() == records
        states = registry.member_states(as_of=9999)
        assert list(states) == sorted(states, key=sort_key)
        relations = registry.relations()
        assert list(relations) == sorted(relations, key=lambda r: (r.subject, r.predicate.value, r.object))

    @per_load
    @given(gen.datasets(max_records=2))
    def test_load_order_does_not_matter(self, files: list[dict[str, Any]]) -> None:
        """The same records in another order, in other files, answer every query the same."""
        shuffled = [{c: items[::-1] for c, items in reversed(doc.items())} for doc in reversed(files)]
        one, other = gen.load_files(files), gen.load_files(shuffled)
        for query in ("bodies", "documents", "declarations", "master_plans", "events", "partners",
                      "policy_areas", "dialogues", "initiatives", "relations"):  # fmt: skip
            mine = [as_written(r) for r in getattr(one, query)()]
            assert mine == [as_written(r) for r in getattr(other, query)()], query
        assert as_written(one.sector) == as_written(other.sector)


# -- time -------------------------------------------------------------------------------------------


def ids(registry: Registry) -> dict[str, set[str]]:
    """The ids of every collection of *registry*."""
    return {
        "bodies": {b.id for b in registry.bodies()},
        "documents": {d.id for d in registry.documents()},
        "declarations": {d.id for d in registry.declarations()},
        "master_plans": {p.id for p in registry.master_plans()},
        "events": {e.id for e in registry.events()},
        "partners": {p.id for p in registry.partners()},
        "member_states": {s.id for s in registry.member_states(as_of=9999)},
        "policy_areas": {a.id for a in registry.policy_areas()},
        "dialogues": {d.id for d in registry.dialogues()},
        "initiatives": {i.id for i in registry.initiatives()},
        "meetings": {m.id for m in registry.meetings()},
        "people": {p.id for p in registry.people()},
        "relations": {r.id for r in registry.relations()},
    }


class TestTime:
    @per_load
    @given(generated, st.data())
    def test_as_of_is_a_stable_subset(self, registry: Registry, data: st.DataObject) -> None:
        """as_of(t) holds only records of the registry, unchanged but for names and references to what
        the view does not hold; twice is once."""
        when = data.draw(moments(registry))
        view = registry.as_of(when)
        full, then = ids(registry), ids(view)
        held = set().union(*then.values())
        for collection, present in then.items():
            assert present <= full[collection], collection
        for record in entities(view):
            original: Any = registry.lookup(record.id)
            if isinstance(record, Body | Sector):
                *earlier, last = record.names
                assert tuple(earlier) == original.names[: len(earlier)]
                assert last in (original.names[len(earlier)], opened(original.names[len(earlier)]))
                if isinstance(record, Body):
                    assert record.parent == (original.parent if original.parent in held else None)
            elif record != original:  # only references to records not in the view are gone
                for a in attrs.fields(type(record)):
                    mine, theirs = getattr(record, a.name), getattr(original, a.name)
                    if mine != theirs:
                        assert mine is None or isinstance(mine, tuple) or attrs.has(type(mine)), a.name
                        assert theirs is not None
                        if isinstance(mine, tuple):  # items left out, or parts with a reference gone
                            assert all(any(trimmed(m, t) for t in theirs) for m in mine), (record.id, a.name)
        assert view.as_of(when) == view
        assert view.when == point(when)

    @per_load
    @given(any_registry, st.data())
    def test_as_of_composes_and_grows(self, registry: Registry, data: st.DataObject) -> None:
        """as_of(t).as_of(u) is as_of(u) for u no later than t; what exists at u still exists at t."""
        t, u = data.draw(moments(registry)), data.draw(moments(registry))
        if point(u).latest > point(t).latest:
            t, u = u, t
        at_t, at_u = registry.as_of(t), registry.as_of(u)
        then, later = ids(at_u), ids(at_t)
        for collection, present in then.items():
            assert present <= later[collection], collection
        again = at_t.as_of(u)
        assert ids(again) == then
        for query in ("bodies", "documents", "master_plans", "events", "relations"):
            assert getattr(again, query)() == getattr(at_u, query)(), query
        assert again.sector == at_u.sector

    @per_load
    @given(any_registry, st.data())
    def test_nothing_begins_after_t(self, registry: Registry, data: st.DataObject) -> None:
        """No record of as_of(t) starts after t, and bodies bear the names they bore at t."""
        when = data.draw(moments(registry))
        day = point(when).latest
        view = registry.as_of(when)
        for record in entities(view):
            date = principal(record)
            assert date is None or date.earliest <= day, record.id
        named: list[Body | Sector] = [*view.bodies(), view.sector]
        for record in named:
            for name in record.names:
                assert name.valid.start is None or name.valid.start.earliest <= day
            then = (registry.body(record.id) if isinstance(record, Body) else registry.sector).name_at(when)
            if then is not None:
                assert record.name == then.name
                assert record.names[-1].name == then.name
        for decl in view.declarations():
            assert decl.body in {b.id for b in view.bodies()}

    @per_load
    @given(generated, st.data())
    def test_name_at_agrees_with_history(self, registry: Registry, data: st.DataObject) -> None:
        """name_at(t) is the last name begun by t, whose period holds t; None exactly before the first.

        The first name begins on its earliest day; a renaming only on the latest day its date allows.
        """
        when = data.draw(moments(registry))
        day = point(when).latest
        named: list[Body | Sector] = [*registry.bodies(), registry.sector]
        for record in named:
            name = record.name_at(when)
            begun = [
                n
                for i, n in enumerate(record.names)
                if n.valid.start is None or (n.valid.start.latest if i else n.valid.start.earliest) <= day
            ]
            if name is None:
                assert not begun
            else:
                assert name == begun[-1]
                assert name.valid.contains(when)
            if isinstance(record, Body) and record.established is not None:
                assert (name is None) == (day < record.established.earliest)

    def test_no_name_before_establishment(self) -> None:
        """A body renamed on a coarser date than its establishment has no name before it existed."""
        body = ad.converter.unstructure(SHIPPED.body("ssm"))
        body.update(id="zq-coarse", acronym="ZQ NEW", name="Zq new", established="2019-10", aliases=[])
        body["names"] = [
            {"name": "Zq old", "acronym": "ZQ OLD", "valid": {"start": "2019-10", "end": "2019"}},
            {"name": "Zq new", "acronym": "ZQ NEW", "valid": {"start": "2019", "end": None}},
        ]
        registry = gen.load_files([{"bodies": [body]}])
        assert registry.body("zq-coarse").name_at("2019-05") is None
        assert "zq-coarse" not in {b.id for b in registry.as_of("2019-05").bodies()}

    def test_sector_in_a_view_before_its_first_name(self) -> None:
        """A view of a time before the sector's first name does not show a name begun later."""
        sector = ad.converter.unstructure(SHIPPED.sector)
        sector["names"][0]["valid"]["start"] = "2010"
        try:
            registry = gen.load_files([{"sectors": [sector]}])
        except ad.DataError:
            return  # refusing a sector whose first name has a start is a fix as good
        names = registry.as_of(2000).sector.names
        assert all(n.valid.start is None or n.valid.start.year <= 2000 for n in names)


def opened(name: Name) -> Name:
    """*name* with its period left open, as a view shows the name a body still bears."""
    return Name(name=name.name, acronym=name.acronym, valid=ad.Period(name.valid.start, None))


# -- hierarchy ------------------------------------------------------------------------------------------


class TestHierarchy:
    @per_load
    @given(generated, st.data())
    def test_parent_and_children_are_inverse(self, registry: Registry, data: st.DataObject) -> None:
        """b is a child of p exactly when p is b's parent, in the registry and in any view of it."""
        for reg in (registry, registry.as_of(data.draw(moments(registry)))):
            bodies = reg.bodies()
            for body in bodies:
                for child in reg.children(body.id):
                    assert child.parent == body.id
                if body.parent is not None:
                    assert body in reg.children(body.parent)
            assert sum(len(reg.children(b.id)) for b in bodies) == sum(b.parent is not None for b in bodies)

    @per_load
    @given(generated)
    def test_ancestors_terminate_without_repeats(self, registry: Registry) -> None:
        """Ancestors climb parent by parent, never repeat, and end at a body without a parent."""
        for body in registry.bodies():
            chain = registry.ancestors(body.id)
            assert len({b.id for b in chain}) == len(chain)
            assert body.id not in {b.id for b in chain}
            below = body
            for above in chain:
                assert below.parent == above.id
                below = above
            assert below.parent is None


# -- lookup ---------------------------------------------------------------------------------------------


GETTERS: dict[type, str] = {
    Body: "body", Document: "document", Declaration: "document", MasterPlan: "master_plan",
    Event: "event", Partner: "partner", MemberState: "member_state", PolicyArea: "policy_area",
    Dialogue: "dialogue", Initiative: "initiative",
}  # fmt: skip


class TestLookup:
    @per_load
    @given(generated, st.data())
    def test_every_key_finds_its_entity(self, registry: Registry, data: st.DataObject) -> None:
        """Every key of every entity finds it, by lookup and by its kind's getter, also in a view."""
        view = registry.as_of(data.draw(moments(registry)))
        in_view = {e.id: e for e in entities(view)}
        for entity in entities(registry):
            getter = getattr(registry, GETTERS[type(entity)]) if type(entity) in GETTERS else None
            for key in record_keys(entity):
                try:
                    found = registry.lookup(key)
                except AmbiguousKeyError as e:
                    assert not is_generated(entity), key
                    assert entity.id in e.candidates
                    continue
                if isinstance(entity, ad.Process) and entity.body == found.id:
                    # the process that set a body up bears the body's names: lookup() gives the body
                    assert registry.process(key) is entity
                    continue
                assert found is entity, key
                if getter is not None:
                    assert getter(key) is entity
                if entity.id in in_view:
                    assert view.lookup(key) == in_view[entity.id], key

    @per_load
    @given(generated, st.data())
    def test_search_exact_name_ranks_first(self, registry: Registry, data: st.DataObject) -> None:
        """Searching a key of a generated record exactly ranks it first, alone at score 1."""
        candidates = [e for e in entities(registry) if is_generated(e)]
        if not candidates:
            return
        entity = data.draw(st.sampled_from(candidates))
        key = data.draw(st.sampled_from([k for k in record_keys(entity) if normalise(k).startswith(TAG)]))
        results = registry.search(key, limit=3)
        assert results[0].entity is entity
        assert results[0].score == 1.0
        assert all(m.score < 1.0 for m in results[1:])
