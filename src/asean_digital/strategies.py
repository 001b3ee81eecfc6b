"""
Hypothesis strategies for every record of :mod:`asean_digital`, and for whole registries.

Test your own code against data it has never seen: records of every kind,
overlays and whole registries that are internally consistent and load
cleanly over the packaged data. Hypothesis is an optional extra::

    pip install 'asean-digital[strategies]'

The record strategies (:func:`bodies`, :func:`documents`, ...) each draw one
record that is valid on its own next to the packaged data: its references
resolve to packaged ids (``"adgmin"``, ``"CN"``, ``"TH"``, ``"seed-page"``),
its naming history is contiguous, and every key it can be found by (id,
name, acronym, alias) starts with a tag like ``"Zq0042"`` that no packaged
key starts with. Two records drawn separately may share a tag; to draw many
records that hold together, use :func:`overlays`, :func:`datasets` or
:func:`registries`, which give every record its own tag and let records
refer to each other. The first draw of any of them loads the packaged data
(:data:`asean_digital.registry`), to learn which ids and keys are taken.

>>> from hypothesis import given, settings
>>> import asean_digital as ad
>>> from asean_digital.strategies import registries
>>> @settings(max_examples=3, deadline=None, database=None)
... @given(registries())
... def test_every_body_is_found_by_id(registry: ad.Registry) -> None:
...     for body in registry.bodies():
...         assert registry.body(body.id) is body
>>> test_every_body_is_found_by_id()
"""

from __future__ import annotations

import calendar
import functools
import itertools
import json
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

try:
    from hypothesis import note
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    msg = (
        "asean_digital.strategies needs Hypothesis, an optional extra: "
        "pip install 'asean-digital[strategies]'"
    )
    raise ImportError(msg) from error


from ._api import default_registry, load
from ._convert import converter
from ._dates import PartialDate, Period
from ._entities import (
    Body,
    Declaration,
    Dialogue,
    Document,
    Event,
    Initiative,
    MasterPlan,
    MemberState,
    Partner,
    PolicyArea,
    Relation,
    Sector,
)
from ._keys import normalise, record_keys
from ._model import (
    BodyKind,
    DocumentKind,
    Erratum,
    MeetingSeries,
    Name,
    PartnerKind,
    Predicate,
    Source,
    SourceDocument,
    Thrust,
)

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from ._registry import Registry

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "TAG_PREFIX",
    "bodies",
    "datasets",
    "declarations",
    "dialogues",
    "documents",
    "errata",
    "events",
    "initiatives",
    "load_files",
    "master_plans",
    "meeting_series",
    "member_states",
    "names",
    "naming_histories",
    "overlays",
    "partial_dates",
    "partners",
    "periods",
    "policy_areas",
    "registries",
    "relations",
    "sectors",
    "source_documents",
    "sources",
    "thrusts",
]

T = TypeVar("T")

MIN_YEAR: Final = 1950
"""The earliest year the record strategies draw by default."""
MAX_YEAR: Final = 2050
"""The latest year the record strategies draw by default."""

TAG_PREFIX: Final = "Zq"
"""Every generated key starts with this and four digits; no packaged key does."""

_UPPER: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER_DIGITS: Final = "abcdefghijklmnopqrstuvwxyz0123456789"
_CITIES: Final = (
    "Bandar Seri Begawan", "Phnom Penh", "Jakarta", "Vientiane", "Kuala Lumpur", "Putrajaya",
    "Nay Pyi Taw", "Manila", "Cebu", "Singapore", "Bangkok", "Hanoi", "Da Nang", "Dili",
)  # fmt: skip

# Free text: any Unicode but surrogates. Key text: letters, digits, punctuation and
# spaces, with a few characters that case-fold, decompose or fold specially.
_KEY_CHARACTERS: Final = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-'()&/"
    "ÉéÅåÑñÜüßẞĐđØøŁłİıŒœﬁⅫ’–·ÀẠẶ二东٣७"
)
_free_text: Final = st.text(max_size=20)
_per_year: Final = st.integers(1, 12)
_month: Final = st.integers(1, 12)
_key_text: Final = st.text(_KEY_CHARACTERS, max_size=16)


# -- what the packaged data already holds ----------------------------------------


@attrs.frozen
class _Known:
    """The ids and keys of the packaged data, which generated records must respect."""

    body_ids: tuple[str, ...]
    partner_ids: tuple[str, ...]
    member_state_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    entity_ids: tuple[str, ...]
    replaceable: Mapping[str, tuple[str, ...]]
    relation_ids: frozenset[str]
    keys: frozenset[str]
    records: Mapping[str, Any]


@functools.cache
def _known() -> _Known:
    registry = default_registry()
    entities: list[Any] = [
        registry.sector, *registry.bodies(), *registry.documents(), *registry.master_plans(),
        *registry.events(), *registry.partners(), *registry.member_states(as_of=9999),
        *registry.policy_areas(),
        *registry.dialogues(), *registry.initiatives(),
    ]  # fmt: skip
    keys = frozenset(normalise(key) for record in entities for key in record_keys(record))
    if any(key.startswith(TAG_PREFIX.lower()) for key in keys):  # pragma: no cover - a data guard
        msg = f"a packaged key starts with {TAG_PREFIX!r}: generated keys would not be unique"
        raise RuntimeError(msg)
    documents = registry.documents()
    return _Known(
        body_ids=tuple(b.id for b in registry.bodies()),
        partner_ids=tuple(p.id for p in registry.partners()),
        member_state_ids=tuple(s.id for s in registry.member_states(as_of=9999)),
        source_ids=tuple(s.id for s in registry.sources()),
        entity_ids=tuple(e.id for e in entities),
        replaceable={
            "bodies": tuple(b.id for b in registry.bodies()),
            "documents": tuple(d.id for d in documents),
            "master_plans": tuple(p.id for p in registry.master_plans()),
            "events": tuple(e.id for e in registry.events()),
            "partners": tuple(p.id for p in registry.partners()),
            "member_states": tuple(s.id for s in registry.member_states(as_of=9999)),
            "policy_areas": tuple(a.id for a in registry.policy_areas()),
            "dialogues": tuple(d.id for d in registry.dialogues()),
            "initiatives": tuple(i.id for i in registry.initiatives()),
        },
        relation_ids=frozenset(r.id for r in registry.relations()),
        keys=keys,
        records={e.id: e for e in entities},
    )


@attrs.define
class _Pool:
    """
    What generated records may refer to, and what they may not reuse.

    Records drawn one at a time use a fresh pool over the packaged data and a
    drawn tag; a dataset shares one pool, so later records can refer to
    earlier ones, and numbers its tags so that no two records share one.
    """

    body_ids: list[str]
    partner_ids: list[str]
    member_state_ids: list[str]
    source_ids: list[str]
    entity_ids: list[str]
    relation_ids: set[str]
    keys: set[str]
    min_year: int
    max_year: int
    counter: int | None = None

    @classmethod
    def packaged(cls, min_year: int, max_year: int, *, numbered: bool = False) -> _Pool:
        known = _known()
        return cls(
            body_ids=list(known.body_ids),
            partner_ids=list(known.partner_ids),
            member_state_ids=list(known.member_state_ids),
            source_ids=list(known.source_ids),
            entity_ids=list(known.entity_ids),
            relation_ids=set(known.relation_ids),
            keys=set(known.keys),
            min_year=min_year,
            max_year=max_year,
            counter=0 if numbered else None,
        )

    def tag(self, draw: DrawFn) -> str:
        if self.counter is None:
            number = draw(st.integers(0, 9999))
        else:
            number, self.counter = self.counter, self.counter + 1
        return f"{TAG_PREFIX}{number:04d}"

    def dates(self) -> SearchStrategy[PartialDate]:
        return partial_dates(min_year=self.min_year, max_year=self.max_year)


def _maybe(draw: DrawFn, strategy: SearchStrategy[T]) -> T | None:
    """``None`` or a value of *strategy* (drawn without building a new strategy each time)."""
    return draw(strategy) if draw(st.booleans()) else None


def _pick(draw: DrawFn, choices: Sequence[T]) -> T:
    return choices[draw(st.integers(0, len(choices) - 1))]


def _picks(draw: DrawFn, choices: Sequence[T], max_size: int) -> tuple[T, ...]:
    """Up to *max_size* distinct items of *choices*, in drawn order."""
    if not choices:
        return ()
    indices = draw(st.lists(st.integers(0, len(choices) - 1), max_size=max_size, unique=True))
    return tuple(choices[i] for i in indices)


def _check_years(min_year: int, max_year: int) -> None:
    for value in (min_year, max_year):
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"years must be ints, got {type(value).__name__} {value!r}"
            raise InvalidArgument(msg)
    if not 1 <= min_year <= max_year <= 9999:
        msg = f"need 1 <= min_year <= max_year <= 9999, got min_year={min_year}, max_year={max_year}"
        raise InvalidArgument(msg)


def _check_count(name: str, value: int, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        msg = f"{name} must be an int of at least {minimum}, got {value!r}"
        raise InvalidArgument(msg)


def _one(build: Callable[[DrawFn, _Pool], T], min_year: int, max_year: int) -> SearchStrategy[T]:
    """A strategy for one record of a kind, built over a fresh pool of the packaged data."""
    _check_years(min_year, max_year)

    @st.composite
    def strategy(draw: DrawFn) -> T:
        return build(draw, _Pool.packaged(min_year, max_year))

    return strategy()


# -- value types -------------------------------------------------------------------


def partial_dates(*, min_year: int = 1, max_year: int = 9999) -> SearchStrategy[PartialDate]:
    """
    Partial dates at year, month or day precision.

    Args:
        min_year: The earliest year drawn.
        max_year: The latest year drawn.

    Returns:
        A strategy for :class:`~asean_digital.PartialDate`; every day drawn
        exists (29 February only in leap years).

    >>> from hypothesis import given, settings
    >>> from asean_digital import PartialDate
    >>> from asean_digital.strategies import partial_dates
    >>> @settings(max_examples=20, deadline=None, database=None)
    ... @given(partial_dates(min_year=2000, max_year=2030))
    ... def test(d: PartialDate) -> None:
    ...     assert PartialDate.parse(str(d)) == d and d.earliest <= d.latest
    >>> test()
    """
    _check_years(min_year, max_year)
    return _partial_dates(min_year, max_year)


@functools.cache
def _partial_dates(min_year: int, max_year: int) -> SearchStrategy[PartialDate]:
    # Cached: strategies are immutable, and making a composite is not cheap.
    @st.composite
    def strategy(draw: DrawFn) -> PartialDate:
        year = draw(st.integers(min_year, max_year))
        month = _maybe(draw, _month)
        if month is None:
            return PartialDate(year)
        day = _maybe(draw, st.integers(1, calendar.monthrange(year, month)[1]))
        return PartialDate(year, month, day)

    return strategy()


def periods(
    *, min_year: int = 1, max_year: int = 9999, open_start: bool = True, open_end: bool = True
) -> SearchStrategy[Period]:
    """
    Periods whose end does not precede their start.

    Args:
        min_year: The earliest year drawn.
        max_year: The latest year drawn.
        open_start: Whether the start may be ``None``.
        open_end: Whether the end may be ``None``.

    Returns:
        A strategy for :class:`~asean_digital.Period`.
    """
    _check_years(min_year, max_year)
    return _periods(min_year, max_year, open_start=open_start, open_end=open_end)


@functools.cache
def _periods(min_year: int, max_year: int, *, open_start: bool, open_end: bool) -> SearchStrategy[Period]:
    dates = _partial_dates(min_year, max_year)

    @st.composite
    def strategy(draw: DrawFn) -> Period:
        start = _maybe(draw, dates) if open_start else draw(dates)
        end = _maybe(draw, dates) if open_end else draw(dates)
        if start is not None and end is not None and end.latest < start.earliest:
            start, end = end, start
        return Period(start, end)

    return strategy()


def _source(draw: DrawFn, pool: _Pool) -> Source:
    return Source(_pick(draw, pool.source_ids), draw(st.text(min_size=1, max_size=30)))


def _sources(draw: DrawFn, pool: _Pool) -> tuple[Source, ...]:
    return tuple(_source(draw, pool) for _ in range(draw(st.integers(1, 2))))


def sources() -> SearchStrategy[Source]:
    """
    Citations of the packaged source documents (``"seed-page"``, ``"reference-facts"``).

    Returns:
        A strategy for :class:`~asean_digital.Source` with a non-empty section.
    """
    return _one(_source, MIN_YEAR, MAX_YEAR)


def _erratum(draw: DrawFn, pool: _Pool) -> Erratum:
    return Erratum(
        field=draw(st.sampled_from(["name", "published", "kinds", "established", "period"])),
        stated=draw(_free_text),
        kept=draw(_free_text),
        note=draw(_free_text),
        sources=tuple(_source(draw, pool) for _ in range(draw(st.integers(0, 2)))),
    )


def _errata(draw: DrawFn, pool: _Pool) -> tuple[Erratum, ...]:
    return tuple(_erratum(draw, pool) for _ in range(draw(st.integers(0, 1))))


def errata() -> SearchStrategy[Erratum]:
    """
    Errata citing the packaged source documents.

    Returns:
        A strategy for :class:`~asean_digital.Erratum`.
    """
    return _one(_erratum, MIN_YEAR, MAX_YEAR)


# -- keys -------------------------------------------------------------------------


def _key(draw: DrawFn, tag: str) -> str:
    """A name that starts with *tag*, so that it normalises unlike any other record's key."""
    rest = draw(_key_text)
    return f"{tag} {rest}" if rest else tag


def _acronym(draw: DrawFn, tag: str) -> str:
    return tag.upper() + draw(st.text(_UPPER, max_size=3))


def _slug(draw: DrawFn, tag: str) -> str:
    suffix = draw(st.text(_LOWER_DIGITS, max_size=6))
    return f"{tag.lower()}-{suffix}" if suffix else tag.lower()


def _code(draw: DrawFn, tag: str) -> str:
    return tag.upper() + draw(st.text(_UPPER + "0123456789", max_size=4))


def _aliases(draw: DrawFn, tag: str) -> tuple[str, ...]:
    return tuple(_key(draw, tag) for _ in range(draw(st.integers(0, 2))))


def _history(draw: DrawFn, pool: _Pool, tag: str, start: PartialDate | None) -> tuple[Name, ...]:
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
            when = _pick(draw, coarser)
        else:
            floor = pool.min_year if previous is None else previous.year
            if floor > pool.max_year:
                continue
            when = draw(partial_dates(min_year=floor, max_year=pool.max_year))
            if previous is not None and when.latest < previous.earliest:
                continue
        bounds.append(when)
    bounds.append(None)
    return tuple(
        Name(
            name=_key(draw, tag),
            acronym=_acronym(draw, tag) if draw(st.booleans()) else None,
            valid=Period(begin, end),
        )
        for begin, end in itertools.pairwise(bounds)
    )


def names(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Name]:
    """
    Single names, as one entry of a naming history.

    Args:
        min_year: The earliest year of the name's period.
        max_year: The latest year of the name's period.

    Returns:
        A strategy for :class:`~asean_digital.Name` whose name (and acronym,
        where it has one) starts with a tag such as ``"Zq0042"``.
    """

    def build(draw: DrawFn, pool: _Pool) -> Name:
        tag = pool.tag(draw)
        acronym = _acronym(draw, tag) if draw(st.booleans()) else None
        valid = draw(periods(min_year=min_year, max_year=max_year))
        return Name(name=_key(draw, tag), acronym=acronym, valid=valid)

    return _one(build, min_year, max_year)


def naming_histories(
    *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR, start: PartialDate | None = None
) -> SearchStrategy[tuple[Name, ...]]:
    """
    Contiguous naming histories, as a body's or the sector's ``names``.

    The first name starts at *start*, each name ends on the partial date the
    next one starts, and the last one is open. Renamings are in order, but a
    renaming may be dated more coarsely than the date before it ("2019" after
    "2019-10"), as the loader accepts.

    Args:
        min_year: The earliest year of a renaming.
        max_year: The latest year of a renaming.
        start: When the first name starts (a body's establishment), or
            ``None`` for unknown.

    Returns:
        A strategy for tuples of one to three :class:`~asean_digital.Name`,
        all tagged alike.
    """

    def build(draw: DrawFn, pool: _Pool) -> tuple[Name, ...]:
        return _history(draw, pool, pool.tag(draw), start)

    return _one(build, min_year, max_year)


# -- records ------------------------------------------------------------------------


def _meeting_series(draw: DrawFn, pool: _Pool) -> MeetingSeries:
    return MeetingSeries(
        description=draw(_free_text),
        per_year=_maybe(draw, _per_year),
        as_needed=draw(st.booleans()),
        joint_with=_picks(draw, pool.body_ids, 2),
        back_to_back_with=_picks(draw, pool.body_ids, 2),
        consultation_partners=_picks(draw, pool.partner_ids, 3),
    )


def meeting_series() -> SearchStrategy[MeetingSeries]:
    """
    Meeting series held jointly or back-to-back with packaged bodies and partners.

    Returns:
        A strategy for :class:`~asean_digital.MeetingSeries`.
    """
    return _one(_meeting_series, MIN_YEAR, MAX_YEAR)


def _body(draw: DrawFn, pool: _Pool) -> Body:
    tag = pool.tag(draw)
    established = _maybe(draw, pool.dates())
    history = _history(draw, pool, tag, established)
    return Body(
        id=_slug(draw, tag),
        acronym=history[-1].acronym,
        name=history[-1].name,
        kind=draw(st.sampled_from(BodyKind)),
        parent=_pick(draw, pool.body_ids) if draw(st.booleans()) else None,
        established=established,
        names=history,
        representation=draw(_free_text),
        role=_maybe(draw, _free_text),
        description=draw(_free_text),
        meetings=tuple(_meeting_series(draw, pool) for _ in range(draw(st.integers(0, 2)))),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def bodies(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Body]:
    """
    Sectoral bodies under a packaged parent (or none), with contiguous naming histories.

    Args:
        min_year: The earliest year of establishment and renamings.
        max_year: The latest year of establishment and renamings.

    Returns:
        A strategy for :class:`~asean_digital.Body` whose current name and
        acronym are those of the last of its names.

    >>> import json, pathlib, tempfile
    >>> from hypothesis import given, settings
    >>> import asean_digital as ad
    >>> from asean_digital.strategies import bodies
    >>> @settings(max_examples=3, deadline=None, database=None)
    ... @given(bodies())
    ... def test_loads_as_an_overlay(body: ad.Body) -> None:
    ...     path = pathlib.Path(tempfile.mkdtemp()) / "body.json"
    ...     _ = path.write_text(json.dumps({"bodies": [ad.converter.unstructure(body)]}))
    ...     assert ad.load(path).body(body.id) == body
    >>> test_loads_as_an_overlay()
    """
    return _one(_body, min_year, max_year)


def _document(draw: DrawFn, pool: _Pool) -> Document:
    tag = pool.tag(draw)
    listings = [k for k in DocumentKind if k is not DocumentKind.DECLARATION]
    return Document(
        id=_slug(draw, tag),
        title=_key(draw, tag),
        kinds=tuple(draw(st.lists(st.sampled_from(listings), min_size=1, max_size=3, unique=True))),
        published=_maybe(draw, pool.dates()),
        period=_maybe(draw, _periods(pool.min_year, pool.max_year, open_start=True, open_end=True)),
        publisher=_maybe(draw, _free_text),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def documents(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Document]:
    """
    Key documents (not declarations), listed under one or more headings.

    Args:
        min_year: The earliest year of publication.
        max_year: The latest year of publication.

    Returns:
        A strategy for :class:`~asean_digital.Document`.
    """
    return _one(_document, min_year, max_year)


def _declaration(draw: DrawFn, pool: _Pool) -> Declaration:
    doc = _document(draw, pool)
    others = [k for k in doc.kinds if k is not DocumentKind.DECLARATION][: draw(st.integers(0, 1))]
    kinds = [DocumentKind.DECLARATION, *others]
    if draw(st.booleans()):
        kinds.reverse()
    number = draw(st.integers(1, 60))
    return Declaration(
        id=doc.id,
        title=doc.title,
        kinds=tuple(kinds),
        published=doc.published,
        period=doc.period,
        publisher=doc.publisher,
        aliases=doc.aliases,
        sources=doc.sources,
        errata=doc.errata,
        body=_pick(draw, pool.body_ids),
        meeting_number=number,
        meeting_name=f"{number}th {draw(st.sampled_from(['TELMIN', 'ADGMIN', 'Ministers Meeting']))}",
        city=draw(st.sampled_from(_CITIES)),
        host=_pick(draw, pool.member_state_ids),
    )


def declarations(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Declaration]:
    """
    Ministerial declarations of packaged bodies' meetings, hosted by packaged member states.

    Args:
        min_year: The earliest year of adoption.
        max_year: The latest year of adoption.

    Returns:
        A strategy for :class:`~asean_digital.Declaration`, listed as
        ``declaration`` and perhaps under one other heading.
    """
    return _one(_declaration, min_year, max_year)


def _thrusts(draw: DrawFn) -> tuple[Thrust, ...]:
    titles = draw(st.lists(st.text(min_size=1, max_size=30), max_size=5))
    return tuple(
        Thrust(number=i, title=title, description=_maybe(draw, _free_text))
        for i, title in enumerate(titles, start=1)
    )


def thrusts() -> SearchStrategy[tuple[Thrust, ...]]:
    """
    The strategic thrusts of a master plan, numbered 1, 2, ... in order.

    Returns:
        A strategy for tuples of zero to five :class:`~asean_digital.Thrust`.
    """
    return _one(lambda draw, _: _thrusts(draw), MIN_YEAR, MAX_YEAR)


def _master_plan(draw: DrawFn, pool: _Pool) -> MasterPlan:
    tag = pool.tag(draw)
    return MasterPlan(
        id=_slug(draw, tag),
        acronym=_acronym(draw, tag),
        name=_key(draw, tag),
        period=draw(periods(min_year=pool.min_year, max_year=pool.max_year)),
        thrusts=_thrusts(draw),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def master_plans(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[MasterPlan]:
    """
    Master plans over a period, with numbered thrusts.

    Args:
        min_year: The earliest year of the plan's period.
        max_year: The latest year of the plan's period.

    Returns:
        A strategy for :class:`~asean_digital.MasterPlan`.
    """
    return _one(_master_plan, min_year, max_year)


def _event(draw: DrawFn, pool: _Pool) -> Event:
    tag = pool.tag(draw)
    return Event(
        id=_slug(draw, tag),
        name=_key(draw, tag),
        started=draw(pool.dates()),
        per_year=_maybe(draw, _per_year),
        partners=_picks(draw, pool.partner_ids, 2),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def events(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Event]:
    """
    Talent competitions, held with packaged partners or none.

    Args:
        min_year: The earliest year of the first edition.
        max_year: The latest year of the first edition.

    Returns:
        A strategy for :class:`~asean_digital.Event`.
    """
    return _one(_event, min_year, max_year)


def _partner(draw: DrawFn, pool: _Pool) -> Partner:
    tag = pool.tag(draw)
    return Partner(
        id=_code(draw, tag),
        name=_key(draw, tag),
        kind=draw(st.sampled_from(PartnerKind)),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def partners() -> SearchStrategy[Partner]:
    """
    Dialogue partners, with upper-case code ids such as ``"ZQ0042AB"``.

    Returns:
        A strategy for :class:`~asean_digital.Partner`.
    """
    return _one(_partner, MIN_YEAR, MAX_YEAR)


def _free_code(draw: DrawFn, pool: _Pool, length: int) -> str:
    code = draw(
        st.text(_UPPER, min_size=length, max_size=length).filter(lambda c: c.lower() not in pool.keys)
    )
    pool.keys.add(code.lower())
    return code


def _member_state(draw: DrawFn, pool: _Pool) -> MemberState:
    tag = pool.tag(draw)
    return MemberState(
        id=_free_code(draw, pool, 2),
        name=_key(draw, tag),
        alpha3=_free_code(draw, pool, 3),
        joined=draw(pool.dates()),
        founding=draw(st.booleans()),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def member_states(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[MemberState]:
    """
    Member states with ISO-like alpha-2 and alpha-3 codes that no packaged key uses.

    Args:
        min_year: The earliest year of accession.
        max_year: The latest year of accession.

    Returns:
        A strategy for :class:`~asean_digital.MemberState`.
    """
    return _one(_member_state, min_year, max_year)


def _policy_area(draw: DrawFn, pool: _Pool) -> PolicyArea:
    tag = pool.tag(draw)
    return PolicyArea(
        id=_slug(draw, tag),
        name=_key(draw, tag),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def policy_areas() -> SearchStrategy[PolicyArea]:
    """
    Policy areas.

    Returns:
        A strategy for :class:`~asean_digital.PolicyArea`.
    """
    return _one(_policy_area, MIN_YEAR, MAX_YEAR)


def _dialogue(draw: DrawFn, pool: _Pool) -> Dialogue:
    tag = pool.tag(draw)
    return Dialogue(
        id=_slug(draw, tag),
        name=_key(draw, tag),
        per_year=_maybe(draw, _per_year),
        partners=_picks(draw, pool.partner_ids, 2),
        convener=_pick(draw, pool.body_ids) if draw(st.booleans()) else None,
        topic=_maybe(draw, _free_text),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def dialogues() -> SearchStrategy[Dialogue]:
    """
    Stakeholders' consultative dialogues with packaged partners, convened by packaged bodies or none.

    Returns:
        A strategy for :class:`~asean_digital.Dialogue`.
    """
    return _one(_dialogue, MIN_YEAR, MAX_YEAR)


def _initiative(draw: DrawFn, pool: _Pool) -> Initiative:
    tag = pool.tag(draw)
    return Initiative(
        id=_slug(draw, tag),
        name=_key(draw, tag),
        acronym=_acronym(draw, tag) if draw(st.booleans()) else None,
        description=_maybe(draw, _free_text),
        themes=tuple(draw(st.lists(_free_text, max_size=3))),
        emerging_issue=draw(st.booleans()),
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )


def initiatives() -> SearchStrategy[Initiative]:
    """
    Initiatives and emerging strategic issues.

    Returns:
        A strategy for :class:`~asean_digital.Initiative`.
    """
    return _one(_initiative, MIN_YEAR, MAX_YEAR)


def _relation(draw: DrawFn, pool: _Pool) -> Relation:
    ids = st.sampled_from(pool.entity_ids)
    subject, predicate, object_ = draw(
        st.tuples(ids, st.sampled_from(Predicate), ids).filter(
            lambda t: t[0] != t[2] and f"{t[0]} {t[1].value} {t[2]}" not in pool.relation_ids
        )
    )
    relation = Relation(
        subject=subject,
        predicate=predicate,
        object=object_,
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
    )
    pool.relation_ids.add(relation.id)
    return relation


def relations() -> SearchStrategy[Relation]:
    """
    Relations between two different packaged records that the packaged data does not state.

    Returns:
        A strategy for :class:`~asean_digital.Relation`.
    """
    return _one(_relation, MIN_YEAR, MAX_YEAR)


def _sector(draw: DrawFn, pool: _Pool) -> Sector:
    tag = pool.tag(draw)
    # The sector's first name has no known start, as in the packaged data: every
    # view of the data holds the sector, and a view of a time before its first
    # name would have none to give it.
    history = _history(draw, pool, tag, None)
    # The sector's many lists of statements (scope, aims, ...), whatever they are.
    statements = {
        field.name: tuple(draw(st.lists(_free_text, max_size=2)))
        for field in attrs.fields(attrs.resolve_types(Sector))
        if field.type == tuple[str, ...] and field.name != "aliases"
    }
    return Sector(
        id="digital",
        name=history[-1].name,
        names=history,
        aliases=_aliases(draw, tag),
        sources=_sources(draw, pool),
        errata=_errata(draw, pool),
        **statements,
    )


def sectors(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Sector]:
    """
    Replacements for the sector record, under the packaged id ``"digital"``.

    The data holds exactly one sector, so a generated one replaces the
    packaged one rather than adding to it.

    Args:
        min_year: The earliest year of the sector's names.
        max_year: The latest year of the sector's names.

    Returns:
        A strategy for :class:`~asean_digital.Sector`.
    """
    return _one(_sector, min_year, max_year)


def _source_document(draw: DrawFn, pool: _Pool) -> SourceDocument:
    tag = pool.tag(draw)
    return SourceDocument(
        id=_slug(draw, tag),
        title=_key(draw, tag),
        description=draw(_free_text),
        location=_maybe(draw, _free_text),
    )


def source_documents() -> SearchStrategy[SourceDocument]:
    """
    Source documents that records may cite.

    Returns:
        A strategy for :class:`~asean_digital.SourceDocument` with a slug id.
    """
    return _one(_source_document, MIN_YEAR, MAX_YEAR)


# -- whole datasets -------------------------------------------------------------------

_BUILDERS: Final[Mapping[str, Callable[[DrawFn, _Pool], Any]]] = {
    "sources": _source_document,
    "partners": _partner,
    "member_states": _member_state,
    "bodies": _body,
    "documents": _document,
    "declarations": _declaration,
    "master_plans": _master_plan,
    "events": _event,
    "policy_areas": _policy_area,
    "dialogues": _dialogue,
    "initiatives": _initiative,
    "relations": _relation,
}


def _register(pool: _Pool, collection: str, record: Any) -> None:
    if collection == "sources":
        pool.source_ids.append(record.id)
        return
    if collection == "relations":
        return
    pool.entity_ids.append(record.id)
    if collection == "bodies":
        pool.body_ids.append(record.id)
    elif collection == "partners":
        pool.partner_ids.append(record.id)
    elif collection == "member_states":
        pool.member_state_ids.append(record.id)


def _replacement(draw: DrawFn, pool: _Pool, collection: str, rid: str) -> tuple[str, Any]:
    """A new record of *collection* that replaces the packaged record *rid*."""
    old = _known().records[rid]
    if collection == "documents":
        collection = draw(st.sampled_from(["documents", "declarations"]))
    new = _BUILDERS[collection](draw, pool)
    changes: dict[str, Any] = {"id": rid}
    if collection == "bodies":
        changes["parent"] = old.parent  # the packaged hierarchy stays acyclic
    if collection == "member_states":
        changes["alpha3"] = old.alpha3
    return collection, attrs.evolve(new, **changes)


def _jsonable(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = converter().unstructure(record)
    return data


def datasets(
    *,
    max_records: int = 3,
    max_files: int = 3,
    replacements: bool = True,
    min_year: int = MIN_YEAR,
    max_year: int = MAX_YEAR,
) -> SearchStrategy[list[dict[str, Any]]]:
    """
    Internally consistent data, as overlay files to apply in order over the packaged data.

    Each item is one overlay file's JSON (``{"bodies": [...], ...}``), ready
    for ``json.dumps``; loading them all with :func:`asean_digital.load`
    succeeds. New records of every kind refer to each other and to packaged
    records; parent chains have no cycles; naming histories are contiguous;
    every id, name, acronym and alias is unique, regardless of case and
    punctuation, across the packaged and the generated records. Some records
    may replace packaged ones (a document by a declaration and back, the
    sector itself) under the same id.

    Args:
        max_records: The most new records drawn of each kind.
        max_files: The most files the records are spread over (records in
            one file may refer to records in another).
        replacements: Whether packaged records may be replaced.
        min_year: The earliest year of any date.
        max_year: The latest year of any date.

    Returns:
        A strategy for lists of one to *max_files* overlay documents.
    """
    _check_years(min_year, max_year)
    _check_count("max_records", max_records, 0)
    _check_count("max_files", max_files, 1)

    @st.composite
    def strategy(draw: DrawFn) -> list[dict[str, Any]]:
        pool = _Pool.packaged(min_year, max_year, numbered=True)
        drawn: list[tuple[str, Any]] = []
        for collection, build in _BUILDERS.items():
            for _ in range(
                draw(st.integers(0, max_records if collection != "sources" else min(1, max_records)))
            ):
                record = build(draw, pool)
                _register(pool, collection, record)
                drawn.append((collection, record))
        if replacements:
            targets = draw(
                st.lists(
                    st.sampled_from([(c, rid) for c, ids in _known().replaceable.items() for rid in ids]),
                    max_size=2,
                    unique_by=lambda target: target[1],
                )
            )
            drawn.extend(_replacement(draw, pool, c, rid) for c, rid in targets)
            if draw(st.integers(0, 4)) == 0:
                drawn.append(("sectors", _sector(draw, pool)))
        files: list[dict[str, Any]] = [{} for _ in range(draw(st.integers(1, max_files)))]
        for collection, record in drawn:
            target = files[draw(st.integers(0, len(files) - 1))]
            target.setdefault(collection, []).append(_jsonable(record))
        return files

    return strategy()


def overlays(
    *,
    max_records: int = 3,
    replacements: bool = True,
    min_year: int = MIN_YEAR,
    max_year: int = MAX_YEAR,
) -> SearchStrategy[dict[str, Any]]:
    """
    One internally consistent overlay file's JSON, as :func:`datasets` draws them.

    Args:
        max_records: The most new records drawn of each kind.
        replacements: Whether packaged records may be replaced.
        min_year: The earliest year of any date.
        max_year: The latest year of any date.

    Returns:
        A strategy for overlay documents (``{"bodies": [...], ...}``).

    >>> import json, pathlib, tempfile
    >>> from hypothesis import given, settings
    >>> import asean_digital as ad
    >>> from asean_digital.strategies import overlays
    >>> @settings(max_examples=3, deadline=None, database=None)
    ... @given(overlays())
    ... def test_loads(overlay: dict) -> None:
    ...     path = pathlib.Path(tempfile.mkdtemp()) / "overlay.json"
    ...     _ = path.write_text(json.dumps(overlay))
    ...     added = [b["id"] for b in overlay.get("bodies", [])]
    ...     assert {b.id for b in ad.load(path).bodies()} >= set(added)
    >>> test_loads()
    """
    return datasets(
        max_records=max_records,
        max_files=1,
        replacements=replacements,
        min_year=min_year,
        max_year=max_year,
    ).map(lambda files: files[0])


def load_files(files: Sequence[Mapping[str, Any]]) -> Registry:
    """
    Write overlay documents to a temporary folder and load them in order.

    Args:
        files: Overlay documents, as :func:`datasets` draws them.

    Returns:
        The registry of the packaged data with *files* applied.

    Raises:
        DataError: The documents do not load.
    """
    with tempfile.TemporaryDirectory(prefix="asean-digital-") as folder:
        paths = []
        for i, doc in enumerate(files):
            path = Path(folder) / f"overlay-{i}.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
        return load(*paths)


def registries(
    *,
    max_records: int = 3,
    max_files: int = 3,
    replacements: bool = True,
    min_year: int = MIN_YEAR,
    max_year: int = MAX_YEAR,
) -> SearchStrategy[Registry]:
    """
    Registries of the packaged data with a generated dataset loaded over it.

    The overlays (see :func:`datasets`) are written to a temporary folder and
    loaded with :func:`asean_digital.load`; when a test fails, Hypothesis
    shows their JSON.

    Args:
        max_records: The most new records drawn of each kind.
        max_files: The most overlay files the records are spread over.
        replacements: Whether packaged records may be replaced.
        min_year: The earliest year of any date.
        max_year: The latest year of any date.

    Returns:
        A strategy for :class:`~asean_digital.Registry`.
    """

    def build(files: list[dict[str, Any]]) -> Registry:
        note(f"overlays: {json.dumps(files, ensure_ascii=False)}")
        return load_files(files)

    return datasets(
        max_records=max_records,
        max_files=max_files,
        replacements=replacements,
        min_year=min_year,
        max_year=max_year,
    ).map(build)
