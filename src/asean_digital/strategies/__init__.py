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

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeVar

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as e:  # pragma: no cover - exercised in a subprocess by the tests
    msg = (
        "asean_digital.strategies needs Hypothesis, an optional extra: "
        "pip install 'asean-digital[strategies]'"
    )
    raise ImportError(msg) from e

from asean_digital.model.collections import COLLECTIONS, collection
from asean_digital.model.parts import Erratum, MeetingSeries, Name, Source, SourceDocument

from . import drawing as d
from .datasets import datasets, load_files, overlays, registries

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from asean_digital.model.activities import Dialogue, Initiative, PolicyArea
    from asean_digital.model.competition import Event
    from asean_digital.model.dates import PartialDate, Period
    from asean_digital.model.documents import Declaration, Document, MasterPlan, Thrust
    from asean_digital.model.records import Body, MemberState, Partner, Relation
    from asean_digital.model.sector import Sector


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
    "records",
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
TAG_PREFIX: Final = d.TAG_PREFIX
"""Every generated key starts with this and four digits; no packaged key does."""


def _one(build: Callable[[DrawFn, d.Pool], T], min_year: int, max_year: int) -> SearchStrategy[T]:
    """A strategy for one value, built over a fresh pool of the packaged data."""
    d.check_years(min_year, max_year)

    @st.composite
    def strategy(draw: DrawFn) -> T:
        return build(draw, d.Pool.packaged(min_year, max_year))

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
    d.check_years(min_year, max_year)
    return d.partial_dates(min_year, max_year)


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
    d.check_years(min_year, max_year)
    return d.periods(min_year, max_year, open_start=open_start, open_end=open_end)


def sources() -> SearchStrategy[Source]:
    """
    Citations of the packaged source documents (``"seed-page"``, ``"reference-facts"``).

    Returns:
        A strategy for :class:`~asean_digital.Source` with a non-empty section.
    """
    return _one(lambda draw, pool: d.sources(draw, pool)[0], MIN_YEAR, MAX_YEAR)


def errata() -> SearchStrategy[Erratum]:
    """
    Errata citing the packaged source documents.

    Returns:
        A strategy for :class:`~asean_digital.Erratum`.
    """
    return _one(lambda draw, pool: d.nested(draw, pool, Erratum, {}), MIN_YEAR, MAX_YEAR)


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

    def build(draw: DrawFn, pool: d.Pool) -> Name:
        tag = pool.tag(draw)
        acronym = d.acronym(draw, tag) if draw(st.booleans()) else None
        valid = draw(periods(min_year=min_year, max_year=max_year))
        return Name(name=d.key(draw, tag), acronym=acronym, valid=valid)

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
    return _one(lambda draw, pool: d.history(draw, pool, pool.tag(draw), start), min_year, max_year)


def meeting_series() -> SearchStrategy[MeetingSeries]:
    """
    Meeting series held jointly or back-to-back with packaged bodies and partners.

    Returns:
        A strategy for :class:`~asean_digital.MeetingSeries`.
    """
    refs = {
        r.field.split(".", 1)[1]: r.target
        for r in collection("bodies").references
        if r.field.startswith("meetings[].")
    }
    return _one(lambda draw, pool: d.nested(draw, pool, MeetingSeries, refs), MIN_YEAR, MAX_YEAR)


def thrusts() -> SearchStrategy[tuple[Thrust, ...]]:
    """
    The strategic thrusts of a master plan, numbered 1, 2, ... in order.

    Returns:
        A strategy for tuples of zero to five :class:`~asean_digital.Thrust`.
    """
    return _one(lambda draw, _: d.thrusts(draw), MIN_YEAR, MAX_YEAR)


# -- records of each kind -----------------------------------------------------------


def records(name: str, *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Any]:
    """
    Records of the collection *name* (``"policy_areas"``), each valid next to the packaged data.

    Every kind of the table of collections has this generic strategy; the
    functions below are it for each kind, typed.

    Args:
        name: The collection's name.
        min_year: The earliest year of any date.
        max_year: The latest year of any date.

    Raises:
        InvalidArgument: *name* is not a collection with ids (relations have
            :func:`relations`), or the years are not in order.
    """
    if not any(c.name == name for c in COLLECTIONS):
        allowed = ", ".join(c.name for c in COLLECTIONS)
        msg = f"name must be one of {allowed}, got {name!r}"
        raise InvalidArgument(msg)
    return _one(lambda draw, pool: d.draw_record(draw, pool, name), min_year, max_year)


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
    ...     loaded = ad.load(path).body(body.id)  # citing the overlay file last
    ...     assert loaded.sources[:-1] == body.sources and loaded.sources[-1].document == "overlay-1"
    ...     assert ad.converter.unstructure(loaded)["names"] == ad.converter.unstructure(body)["names"]
    >>> test_loads_as_an_overlay()
    """
    return records("bodies", min_year=min_year, max_year=max_year)


def documents(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Document]:
    """
    Key documents (not declarations), listed under one or more headings.

    Args:
        min_year: The earliest year of publication.
        max_year: The latest year of publication.

    Returns:
        A strategy for :class:`~asean_digital.Document`.
    """
    return records("documents", min_year=min_year, max_year=max_year)


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
    return records("declarations", min_year=min_year, max_year=max_year)


def master_plans(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[MasterPlan]:
    """
    Master plans over a period, with numbered thrusts.

    Args:
        min_year: The earliest year of the plan's period.
        max_year: The latest year of the plan's period.

    Returns:
        A strategy for :class:`~asean_digital.MasterPlan`.
    """
    return records("master_plans", min_year=min_year, max_year=max_year)


def events(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[Event]:
    """
    Talent competitions, held with packaged partners or none.

    Args:
        min_year: The earliest year of the first edition.
        max_year: The latest year of the first edition.

    Returns:
        A strategy for :class:`~asean_digital.Event`.
    """
    return records("events", min_year=min_year, max_year=max_year)


def partners() -> SearchStrategy[Partner]:
    """
    Dialogue partners, with upper-case code ids such as ``"ZQ0042AB"``.

    Returns:
        A strategy for :class:`~asean_digital.Partner`.
    """
    return records("partners")


def member_states(*, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR) -> SearchStrategy[MemberState]:
    """
    Member states with ISO-like alpha-2 and alpha-3 codes that no packaged key uses.

    Args:
        min_year: The earliest year of accession.
        max_year: The latest year of accession.

    Returns:
        A strategy for :class:`~asean_digital.MemberState`.
    """
    return records("member_states", min_year=min_year, max_year=max_year)


def policy_areas() -> SearchStrategy[PolicyArea]:
    """
    Policy areas.

    Returns:
        A strategy for :class:`~asean_digital.PolicyArea`.
    """
    return records("policy_areas")


def dialogues() -> SearchStrategy[Dialogue]:
    """
    Stakeholders' consultative dialogues with packaged partners, convened by packaged bodies or none.

    Returns:
        A strategy for :class:`~asean_digital.Dialogue`.
    """
    return records("dialogues")


def initiatives() -> SearchStrategy[Initiative]:
    """
    Initiatives and emerging strategic issues.

    Returns:
        A strategy for :class:`~asean_digital.Initiative`.
    """
    return records("initiatives")


def relations() -> SearchStrategy[Relation]:
    """
    Relations between two different packaged records that the packaged data does not state.

    Returns:
        A strategy for :class:`~asean_digital.Relation`.
    """
    return records("relations")


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
    return records("sectors", min_year=min_year, max_year=max_year)


def source_documents() -> SearchStrategy[SourceDocument]:
    """
    Source documents that records may cite.

    Returns:
        A strategy for :class:`~asean_digital.SourceDocument` with a slug id.
    """
    return records("sources")
