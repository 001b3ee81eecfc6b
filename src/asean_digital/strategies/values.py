"""
The values records are drawn from: partial dates, periods, keys and acronyms tagged to be unique.

Every key drawn starts with :data:`TAG_PREFIX`, which no packaged key does, so
drawn records never collide with the packaged ones or with each other.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from asean_digital.formats.input import PLACEHOLDER
from asean_digital.model.dates import PartialDate, Period

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


T = TypeVar("T")


TAG_PREFIX: Final = "Zq"
"""Every generated key starts with this and four digits; no packaged key does."""


_UPPER: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


_LOWER_DIGITS: Final = "abcdefghijklmnopqrstuvwxyz0123456789"


# Free text: any Unicode but surrogates. Key text: letters, digits, punctuation and
# spaces, with a few characters that case-fold, decompose or fold specially.
_KEY_CHARACTERS: Final = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-'()&/"
    "ÉéÅåÑñÜüßẞĐđØøŁłİıŒœﬁⅫ’–·ÀẠẶ二东٣७"
)


_key_text: Final = st.text(_KEY_CHARACTERS, max_size=16)


def free_text(alphabet: str | None = None, *, min_size: int = 0, max_size: int) -> SearchStrategy[str]:
    """
    Text of any Unicode but surrogates and NUL (or of *alphabet*), never a skeleton's placeholder.

    NUL is refused in data (SQLite and C programs would cut a value short there).
    """
    characters = st.characters(codec="utf-8", exclude_characters="\x00")  # utf-8: no surrogates
    text = st.text(characters if alphabet is None else alphabet, min_size=min_size, max_size=max_size)
    return text.filter(lambda t: not t.startswith(PLACEHOLDER))


def check_years(min_year: int, max_year: int) -> None:
    """Refuse years a strategy cannot draw between."""
    for value in (min_year, max_year):
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"years must be ints, got {type(value).__name__} {value!r}"
            raise InvalidArgument(msg)
    if not 1 <= min_year <= max_year <= 9999:
        msg = f"need 1 <= min_year <= max_year <= 9999, got min_year={min_year}, max_year={max_year}"
        raise InvalidArgument(msg)


def maybe(draw: DrawFn, strategy: SearchStrategy[T]) -> T | None:
    """``None`` or a value of *strategy*."""
    return draw(strategy) if draw(st.booleans()) else None


def pick(draw: DrawFn, choices: Sequence[T]) -> T:
    """One of *choices*."""
    return choices[draw(st.integers(0, len(choices) - 1))]


def picks(draw: DrawFn, choices: Sequence[T], max_size: int) -> tuple[T, ...]:
    """Up to *max_size* distinct items of *choices*, in drawn order."""
    if not choices:
        return ()
    indices = draw(st.lists(st.integers(0, len(choices) - 1), max_size=max_size, unique=True))
    return tuple(choices[i] for i in indices)


@functools.cache
def partial_dates(min_year: int, max_year: int) -> SearchStrategy[PartialDate]:
    """Partial dates at every precision between the years (cached: strategies are immutable)."""

    @st.composite
    def strategy(draw: DrawFn) -> PartialDate:
        year = draw(st.integers(min_year, max_year))
        month = maybe(draw, st.integers(1, 12))
        if month is None:
            return PartialDate(year)
        day = maybe(draw, st.integers(1, calendar.monthrange(year, month)[1]))
        return PartialDate(year, month, day)

    return strategy()


@functools.cache
def periods(min_year: int, max_year: int, *, open_start: bool, open_end: bool) -> SearchStrategy[Period]:
    """Periods between the years whose end does not precede their start."""
    dates = partial_dates(min_year, max_year)

    @st.composite
    def strategy(draw: DrawFn) -> Period:
        start = maybe(draw, dates) if open_start else draw(dates)
        end = maybe(draw, dates) if open_end else draw(dates)
        if start is not None and end is not None and end.latest < start.earliest:
            start, end = end, start
        return Period(start, end)

    return strategy()


def key(draw: DrawFn, tag: str) -> str:
    """A name that starts with *tag*, so that it normalises unlike any other record's key."""
    rest = draw(_key_text)
    return f"{tag} {rest}" if rest else tag


def acronym(draw: DrawFn, tag: str) -> str:
    """An acronym that starts with *tag*."""
    return tag.upper() + draw(st.text(_UPPER, max_size=3))
