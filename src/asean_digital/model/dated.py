"""A record's principal date: what it is sorted by and exists from, as its collection's row names it."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .collections import collection_of

if TYPE_CHECKING:
    from .dates import PartialDate

__all__ = ["principal_date"]


_DATE_GETTERS: dict[type, Callable[[Any], PartialDate | None]] = {}


def _no_date(_: Any) -> None:
    return None


def principal_date(record: Any) -> PartialDate | None:
    """
    The date *record* is sorted by and exists from, where its kind has one and it is known.

    A collection's :attr:`Collection.date` may name alternatives, ``"published
    or period.start"``: the first one known is the date.

    >>> import asean_digital as ad
    >>> str(principal_date(ad.registry.master_plan("AIM2020")))
    '2015-11'
    >>> str(principal_date(ad.registry.document("Responsible AI Roadmap")))
    '2025'
    """
    cls = type(record)
    getter = _DATE_GETTERS.get(cls)
    if getter is None:
        path = collection_of(cls).date
        getter = _DATE_GETTERS[cls] = _no_date if path is None else _date_getter(path)
    return getter(record)


def _date_getter(path: str) -> Callable[[Any], PartialDate | None]:
    """How to read the date *path* names: one attribute path, or alternatives joined by " or "."""
    paths = path.split(" or ")
    if len(paths) == 1:
        return operator.attrgetter(path)
    getters = [_safe_getter(p) for p in paths]

    def first_known(record: Any) -> PartialDate | None:
        for get in getters:
            found: PartialDate | None = get(record)
            if found is not None:
                return found
        return None

    return first_known


def _safe_getter(path: str) -> Callable[[Any], Any]:
    """An attribute path read that gives ``None`` where a step on the way is ``None``."""
    steps = path.split(".")

    def get(record: Any) -> Any:
        value = record
        for step in steps:
            value = getattr(value, step)
            if value is None:
                return None
        return value

    return get
