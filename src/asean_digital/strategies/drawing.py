"""
Drawing records of any kind for :mod:`asean_digital.strategies`, from the table of collections.

A record is drawn field by field from its class and its row of the table:
the id in the collection's id form; key fields (names, titles, acronyms,
aliases, a naming history) tagged so that no two records share a key;
reference fields from the ids a pool holds; the principal date within the
pool's years; every other field from its type. A few kinds then get the
invariants their validation checks (:data:`SHAPES`): a body's current name
is the last of its names, a declaration is listed as one, thrusts are
numbered. A new kind of record made of the usual field types needs nothing
here.
"""

from __future__ import annotations

import enum
import functools
import itertools
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs
from hypothesis import strategies as st

from asean_digital.model.collections import COLLECTIONS, collection
from asean_digital.model.dates import PartialDate, Period
from asean_digital.model.documents import Thrust
from asean_digital.model.fields import without_none
from asean_digital.model.keys import normalise, record_keys
from asean_digital.model.parts import DocumentKind, Name, Source
from asean_digital.model.rules import ordinal
from asean_digital.query.api import default_registry

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy
from .values import (
    _LOWER_DIGITS,
    _UPPER,
    TAG_PREFIX,
    acronym,
    check_years,
    free_text,
    key,
    maybe,
    partial_dates,
    periods,
    pick,
    picks,
)

__all__ = [
    "SHAPES",
    "TAG_PREFIX",
    "Known",
    "Pool",
    "acronym",
    "check_years",
    "draw_record",
    "history",
    "key",
    "known",
    "nested",
    "partial_dates",
    "periods",
    "register",
    "sources",
    "thrusts",
]


_CITIES: Final = (
    "Bandar Seri Begawan", "Phnom Penh", "Jakarta", "Vientiane", "Kuala Lumpur", "Putrajaya",
    "Nay Pyi Taw", "Manila", "Cebu", "Singapore", "Bangkok", "Hanoi", "Da Nang", "Dili",
)  # fmt: skip
_free_text: Final = free_text(max_size=20)
_small: Final = st.integers(1, 12)
_NONE = type(None)


# -- what the packaged data holds, and what a draw may refer to --------------------


@attrs.frozen
class Known:
    """The ids and keys of the packaged data, which generated records must respect."""

    ids: Mapping[str, tuple[str, ...]]
    replaceable: Mapping[str, tuple[str, ...]]
    relation_ids: frozenset[str]
    keys: frozenset[str]
    records: Mapping[str, Any]


@functools.cache
def known() -> Known:
    """What the packaged data holds, read once from the default registry."""
    registry = default_registry()
    ids = {c.name: tuple(r.id for r in registry.stored(c.name)) for c in COLLECTIONS if c.id_form is not None}
    entities = [r for c in COLLECTIONS if c.keyed for r in registry.stored(c.name)]
    keys = frozenset(normalise(key) for record in entities for key in record_keys(record))
    if any(key.startswith(TAG_PREFIX.lower()) for key in keys):  # pragma: no cover - a data guard
        msg = f"a packaged key starts with {TAG_PREFIX!r}: generated keys would not be unique"
        raise RuntimeError(msg)
    # Validation checks the packaged meetings and declarations again against a replaced record
    # they name: their bodies, hosts, meetings and series stay as they are.
    held = [*registry.stored("meetings"), *registry.stored("declarations")]
    named = ("body", "host", "meeting", "series")
    depended = {i for r in held for i in (getattr(r, n, None) for n in named) if i is not None}
    depended |= {b.set_up_at for b in registry.stored("bodies") if b.set_up_at}  # and a body's set-up meeting
    return Known(
        ids=ids,
        replaceable={
            c.name: tuple(r.id for r in registry.records(c.name) if r.id not in depended)
            for c in COLLECTIONS
            if c.keyed and c.within is None and c.name != "sectors"
        },
        relation_ids=frozenset(r.id for r in registry.relations()),
        keys=keys,
        records={e.id: e for e in entities},
    )


@attrs.define
class Pool:
    """
    What generated records may refer to, and what they may not reuse.

    Records drawn one at a time use a fresh pool over the packaged data and a
    drawn tag; a dataset shares one pool, so later records can refer to
    earlier ones, and numbers its tags so that no two records share one.
    """

    ids: dict[str, list[str]]
    relation_ids: set[str]
    keys: set[str]
    min_year: int
    max_year: int
    counter: int | None = None
    records: dict[str, Any] = attrs.field(factory=dict)
    """The records drawn so far, by id: what a meeting's facts must agree with."""
    pinned: set[str] = attrs.field(factory=set)
    """The ids of packaged records a drawn meeting or declaration agrees with: not to be replaced."""

    @classmethod
    def packaged(cls, min_year: int, max_year: int, *, numbered: bool = False) -> Pool:
        """A pool over the packaged data's ids and keys."""
        data = known()
        return cls(
            ids={name: list(ids) for name, ids in data.ids.items()},
            relation_ids=set(data.relation_ids),
            keys=set(data.keys),
            min_year=min_year,
            max_year=max_year,
            counter=0 if numbered else None,
        )

    def tag(self, draw: DrawFn) -> str:
        """A tag no other record of this pool's draws holds (when numbered)."""
        if self.counter is None:
            number = draw(st.integers(0, 9999))
        else:
            number, self.counter = self.counter, self.counter + 1
        return f"{TAG_PREFIX}{number:04d}"

    def targets(self, target: str) -> list[str]:
        """The ids a reference to *target* may hold (``"*"``: any keyed record's)."""
        if target == "*":
            return [i for c in COLLECTIONS if c.keyed for i in self.ids.get(c.name, [])]
        return [i for c in COLLECTIONS if target in (c.space, c.name) for i in self.ids.get(c.name, [])]

    def dates(self) -> SearchStrategy[PartialDate]:
        """Partial dates within the pool's years."""
        return partial_dates(self.min_year, self.max_year)


def register(pool: Pool, name: str, record: Any) -> None:
    """Make *record* of collection *name* one that later draws may refer to."""
    if collection(name).id_form is not None:
        pool.ids.setdefault(name, []).append(record.id)
        pool.records[record.id] = record


def _record(pool: Pool, rid: str | None) -> Any:
    """The record *rid* as the data will hold it: drawn, or packaged."""
    if rid is None:
        return None
    return pool.records.get(rid) or known().records.get(rid)


def _within_life(when: PartialDate | None, body: Any) -> bool:
    """Whether *when* falls within the life of *body* (as the validator checks it)."""
    if when is None or body is None:
        return True
    end = body.names[-1].valid.end if body.names else None
    return not (
        (body.established is not None and when.latest < body.established.earliest)
        or (end is not None and when.earliest > end.latest)
    )


def _member_by(pool: Pool, host: str | None, when: PartialDate | None) -> str | None:
    """*host*, where it was a member state by *when* (or *when* is unknown), else ``None``."""
    state = _record(pool, host)
    if state is None or when is None or state.joined.earliest <= when.latest:
        return host
    return None


# -- keys ---------------------------------------------------------------------------


def _id(draw: DrawFn, pool: Pool, form: str, tag: str) -> str:
    if form == "code":
        return tag.upper() + draw(st.text(_UPPER + "0123456789", max_size=4))
    suffix = draw(st.text(_LOWER_DIGITS, max_size=6))
    return f"{tag.lower()}-{suffix}" if suffix else tag.lower()


def free_code(draw: DrawFn, pool: Pool, length: int) -> str:
    """*length* upper-case letters that no key of the pool uses yet (and now does)."""
    code = draw(
        st.text(_UPPER, min_size=length, max_size=length).filter(lambda c: c.lower() not in pool.keys)
    )
    pool.keys.add(code.lower())
    return code


def history(draw: DrawFn, pool: Pool, tag: str, start: PartialDate | None) -> tuple[Name, ...]:
    """
    A contiguous naming history from *start*: each name ends where the next starts.

    Renaming dates are in order, but one may be coarser than the date before
    it (established "2019-10", renamed "2019"): every period is still valid,
    and the loader accepts it.
    """
    bounds: list[PartialDate | None] = [start]
    for _ in range(draw(st.integers(0, 2))):
        previous = bounds[-1]
        if previous is not None and draw(st.booleans()):
            # On the same date, or at a coarser precision around it: the edge cases.
            coarser = [previous, PartialDate(previous.year)]
            if previous.month is not None:
                coarser.append(PartialDate(previous.year, previous.month))
            when = pick(draw, coarser)
        else:
            floor = pool.min_year if previous is None else previous.year
            if floor > pool.max_year:
                continue
            when = draw(partial_dates(floor, pool.max_year))
            if previous is not None and when.latest < previous.earliest:
                continue
        bounds.append(when)
    bounds.append(None)
    return tuple(
        Name(
            name=key(draw, tag),
            acronym=acronym(draw, tag) if draw(st.booleans()) else None,
            valid=Period(a, b),
        )
        for a, b in itertools.pairwise(bounds)
    )


def sources(draw: DrawFn, pool: Pool, min_size: int = 1) -> tuple[Source, ...]:
    """One or two citations of the pool's source documents."""
    return tuple(
        Source(pick(draw, pool.ids["sources"]), draw(free_text(min_size=1, max_size=30)))
        for _ in range(draw(st.integers(min_size, 2)))
    )


def thrusts(draw: DrawFn) -> tuple[Thrust, ...]:
    """Thrusts numbered 1, 2, ... in order."""
    titles = draw(st.lists(free_text(min_size=1, max_size=30), max_size=5))
    return tuple(
        Thrust(number=i, title=t, description=maybe(draw, _free_text)) for i, t in enumerate(titles, 1)
    )


# -- records of any kind --------------------------------------------------------------


def _optional(t: Any) -> Any | None:
    """X for ``X | None``, else ``None``."""
    inner = without_none(t)
    return None if inner is t else inner


def _of_type(draw: DrawFn, pool: Pool, t: Any, refs: Mapping[str, str]) -> Any:
    """A value of the field type *t* (refs: the reference fields of a nested record)."""
    inner = _optional(t)
    if inner is not None:
        return _of_type(draw, pool, inner, refs) if draw(st.booleans()) else None
    if t is str:
        return draw(_free_text)
    if t is bool:
        return draw(st.booleans())
    if t is int:
        return draw(_small)
    if t is PartialDate:
        return draw(pool.dates())
    if t is Period:
        return draw(periods(pool.min_year, pool.max_year, open_start=True, open_end=True))
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return draw(st.sampled_from(t))
    if isinstance(t, type) and attrs.has(t):  # a part of a record, such as a meeting's chair
        return nested(draw, pool, t, refs)
    if typing.get_origin(t) is tuple:
        item = typing.get_args(t)[0]
        if item is Thrust:
            return thrusts(draw)
        if item is Source:
            return sources(draw, pool, 0)
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return tuple(draw(st.lists(st.sampled_from(item), min_size=1, max_size=3, unique=True)))
        if isinstance(item, type) and attrs.has(item):
            return tuple(nested(draw, pool, item, refs) for _ in range(draw(st.integers(0, 2))))
        return tuple(draw(st.lists(_free_text, max_size=2)))
    msg = f"no way to draw a field of type {t!r}"
    raise TypeError(msg)


def nested(draw: DrawFn, pool: Pool, cls: type, refs: Mapping[str, str]) -> Any:
    """A part of a record (a meeting series, an erratum): references from *refs*, the rest by type."""
    values = {}
    for a in attrs.fields(attrs.resolve_types(cls)):
        target = refs.get(a.name) or refs.get(f"{a.name}[]")
        values[a.name] = (
            _reference(draw, pool, a.type, target) if target else _of_type(draw, pool, a.type, {})
        )
    return cls(**values)


def _reference(draw: DrawFn, pool: Pool, t: Any, target: str) -> Any:
    ids = pool.targets(target)
    if typing.get_origin(t) is tuple:
        return picks(draw, ids, 3)
    if _optional(t) is not None and (not ids or not draw(st.booleans())):
        return None
    return pick(draw, ids)


def draw_record(draw: DrawFn, pool: Pool, name: str) -> Any:
    """A record of the collection *name*, valid next to what *pool* holds."""
    c = collection(name)
    tag = pool.tag(draw)
    refs = {r.field: r.target for r in c.references}
    values: dict[str, Any] = {}
    for a in attrs.fields(attrs.resolve_types(c.cls)):
        field, t = a.name, a.type
        inner = {k.split(".", 1)[1]: v for k, v in refs.items() if k.startswith((f"{field}[].", f"{field}."))}
        if field == "id" and c.id_form is not None:
            values[field] = _id(draw, pool, c.id_form, tag)
        elif field == "sources":
            values[field] = sources(draw, pool)
        elif field in refs or f"{field}[]" in refs:
            values[field] = _reference(draw, pool, t, refs.get(field) or refs[f"{field}[]"])
        elif field == "names":
            values[field] = history(draw, pool, tag, values.get(c.date or ""))
        elif field == "alpha3":
            values[field] = free_code(draw, pool, 3)
        elif field in {"name", "title"} or (field in c.keys and t is str):
            values[field] = key(draw, tag)
        elif field == "acronym":
            values[field] = acronym(draw, tag) if t is str or draw(st.booleans()) else None
        elif field == "aliases":
            values[field] = tuple(key(draw, tag) for _ in range(draw(st.integers(0, 2))))
        elif field == c.date and _optional(t) is not None:
            values[field] = maybe(draw, pool.dates())
        elif field == "errata":
            values[field] = tuple(
                nested(draw, pool, typing.get_args(t)[0], {}) for _ in range(draw(st.integers(0, 1)))
            )
        else:
            values[field] = _of_type(draw, pool, t, inner)
    shape = SHAPES.get(name)
    return c.cls(**(shape(draw, pool, values) if shape else values))


# -- the invariants validation checks, per kind ---------------------------------------


def _current_name(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    v["name"] = v["names"][-1].name
    if "acronym" in v:
        v["acronym"] = v["names"][-1].acronym
    return v


def _sector(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    # The data holds one sector, "digital"; its first name has no known start (every
    # view holds the sector, and a view before its first name would have none to give).
    v["id"] = "digital"
    v["names"] = history(draw, pool, v["names"][0].name.split()[0], None)
    return _current_name(draw, pool, v)


def _document(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    listings = [k for k in DocumentKind if k is not DocumentKind.DECLARATION]
    v["kinds"] = tuple(draw(st.lists(st.sampled_from(listings), min_size=1, max_size=3, unique=True)))
    return v


def _declaration(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    others = [k for k in v["kinds"] if k is not DocumentKind.DECLARATION][: draw(st.integers(0, 1))]
    kinds = [DocumentKind.DECLARATION, *others]
    if draw(st.booleans()):
        kinds.reverse()
    v["kinds"] = tuple(kinds)
    # A meeting's facts agree wherever they are stated: the name is the number's ordinal
    # and no acronym of the body's (so no packaged meeting), the date within the body's
    # life, the host a member by then, the city one no other record places elsewhere.
    v["meeting_number"] = number = draw(st.integers(1, 60))
    v["meeting_name"] = f"{ordinal(number)} Ministers Meeting"
    v["meeting"] = None
    v["city"] = f"{draw(st.sampled_from(_CITIES))} {v['id']}"
    body = _record(pool, v["body"])
    if not _within_life(v["published"], body):
        v["published"] = None
    if _member_by(pool, v["host"], v["published"]) is None:
        v["published"] = None
    pool.pinned.update({v["body"], v["host"]})
    return v


def _meeting(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    # As for a declaration: its name the ordinal of its number, its facts agreeing; in no
    # series (a series' meetings have its body and partner, which a drawn series need not).
    if v["number"] is not None:
        v["name"] = f"{ordinal(v['number'])} {v['name']}"
    v["series"] = None
    body = _record(pool, v["body"]) if v["body"] is not None else None
    if not _within_life(v["dates"].start, body):
        v["dates"] = Period(None, None)
    v["host"] = _member_by(pool, v["host"], v["dates"].end or v["dates"].start)
    if v["city"] is not None:
        v["city"] = f"City {v['id']}"
    pool.pinned.update(i for i in (v["body"], v["host"]) if i is not None)
    return v


def _member_state(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    v["id"] = free_code(draw, pool, 2)
    return v


def _relation(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    ids = st.sampled_from(pool.targets("*"))
    v["subject"], v["predicate"], v["object"] = draw(
        st.tuples(ids, st.sampled_from(type(v["predicate"])), ids).filter(
            lambda t: t[0] != t[2] and f"{t[0]} {t[1].value} {t[2]}" not in pool.relation_ids
        )
    )
    pool.relation_ids.add(f"{v['subject']} {v['predicate'].value} {v['object']}")
    return v


Shape = Callable[["DrawFn", Pool, dict[str, Any]], dict[str, Any]]


def _body(draw: DrawFn, pool: Pool, v: dict[str, Any]) -> dict[str, Any]:
    # Set up at a meeting no later than its establishment, or at none.
    held_at = _record(pool, v.get("set_up_at"))
    start = held_at.dates.start if held_at is not None else None
    if v.get("established") is not None and start is not None and start.earliest > v["established"].latest:
        v["set_up_at"] = None
    if v.get("set_up_at") is not None:
        pool.pinned.add(v["set_up_at"])  # a replacement of that meeting would move its date
    return _current_name(draw, pool, v)


SHAPES: Final[dict[str, Shape]] = {
    "sectors": _sector,
    "bodies": _body,
    "documents": _document,
    "declarations": _declaration,
    "meetings": _meeting,
    "member_states": _member_state,
    "relations": _relation,
}
"""What each kind's validation requires beyond its field types, applied after drawing."""
