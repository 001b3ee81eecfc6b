"""
Partial dates, periods, and the coercion of a user's point in time.

A fact on the source page is often known only to the year ("established in
1995") or the month ("in July 2001"). :class:`PartialDate` keeps exactly that
precision and treats the date as the interval of days it may denote.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TypeAlias

import attrs

from .errors import shown
from .fields import publish

__all__ = ["PartialDate", "Period", "When", "to_partial_date"]

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The number of days of *month* in *year* (Gregorian; ``calendar`` costs more to import)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


_PARTIAL_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _check_year(_: object, __: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        msg = f"year must be an int, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not 1 <= value <= 9999:
        msg = f"year must be between 1 and 9999, got {shown(value)}"
        raise ValueError(msg)


def _check_optional_int(_: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and type(value) is not int:
        msg = f"{attribute.name} must be an int or None, got {type(value).__name__} {value!r}"
        raise TypeError(msg)


@attrs.frozen
class PartialDate:
    """
    A calendar date known to year, month or day precision.

    A partial date stands for the interval of days it may denote:
    ``PartialDate(2001, 7)`` is any day of July 2001. Comparisons between
    partial dates use that interval (see :meth:`is_before` and
    :meth:`is_after`); sorting uses :attr:`sort_key` (earliest day, then
    precision).

    Attributes:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or ``None`` when only the year is known.
        day: The day of the month, or ``None`` when not known. A day needs a
            month.

    >>> d = PartialDate(2001, 7)
    >>> str(d), d.earliest, d.latest
    ('2001-07', datetime.date(2001, 7, 1), datetime.date(2001, 7, 31))
    >>> PartialDate.parse("1995") < PartialDate.parse("2001-07")
    True
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_optional_int)
    day: int | None = attrs.field(default=None, validator=_check_optional_int)

    def __attrs_post_init__(self) -> None:
        if self.month is None:
            if self.day is not None:
                msg = f"a day needs a month: got year={self.year}, day={self.day}"
                raise ValueError(msg)
            return
        if not 1 <= self.month <= 12:
            msg = f"month must be between 1 and 12, got {self.month}"
            raise ValueError(msg)
        if self.day is not None:
            last = _days_in(self.year, self.month)
            if not 1 <= self.day <= last:
                msg = f"day must be between 1 and {last} for {self.year}-{self.month:02d}, got {self.day}"
                raise ValueError(msg)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """
        Parse ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``.

        Args:
            text: The ISO 8601 text of the date, at any of the three
                precisions.

        Returns:
            The partial date.

        Raises:
            TypeError: *text* is not a string.
            ValueError: *text* is not of one of the three forms, or names a
                day that does not exist.

        >>> PartialDate.parse("2019-10")
        PartialDate(year=2019, month=10, day=None)
        >>> PartialDate.parse("2019-02-30")
        Traceback (most recent call last):
        ...
        ValueError: day must be between 1 and 28 for 2019-02, got 30
        """
        if not isinstance(text, str):
            msg = f"expected a date string like '2001', '2001-07' or '2001-07-15', got {text!r}"
            raise TypeError(msg)
        m = _PARTIAL_RE.fullmatch(text.strip())
        if m is None:
            msg = f"expected a date like '2001', '2001-07' or '2001-07-15', got {shown(text)}"
            raise ValueError(msg)
        year, month, day = m.groups()
        return cls(int(year), None if month is None else int(month), None if day is None else int(day))

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """
        Make a day-precision partial date from a :class:`datetime.date`.

        >>> import datetime
        >>> PartialDate.from_date(datetime.date(2019, 10, 4))
        PartialDate(year=2019, month=10, day=4)
        """
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """
        ``"year"``, ``"month"`` or ``"day"``.

        >>> PartialDate(1995).precision
        'year'
        """
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def earliest(self) -> _dt.date:
        """The first day this partial date may denote."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> _dt.date:
        """The last day this partial date may denote."""
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        if self.day is None:
            return _dt.date(self.year, self.month, _days_in(self.year, self.month))
        return _dt.date(self.year, self.month, self.day)

    @property
    def sort_key(self) -> tuple[_dt.date, _dt.date]:
        """The key collections are sorted by (earliest day, then latest day)."""
        return (self.earliest, self.latest)

    def is_before(self, other: When) -> bool:
        """
        Whether every day of this date falls before every day of *other*.

        >>> PartialDate(2011).is_before(2012)
        True
        >>> PartialDate(2011, 7).is_before(PartialDate(2011))
        False
        """
        return self.latest < to_partial_date(other).earliest

    def is_after(self, other: When) -> bool:
        """
        Whether every day of this date falls after every day of *other*.

        >>> PartialDate(2012).is_after(2011)
        True
        """
        return self.earliest > to_partial_date(other).latest

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key >= other.sort_key

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


When: TypeAlias = "int | _dt.date | PartialDate | str"
"""A point in time as the API accepts it: a year, a date, a partial date or its ISO text."""


def to_partial_date(value: object, *, argument: str = "when") -> PartialDate:
    """
    Coerce a point in time given by a user to a :class:`PartialDate`.

    Accepts an ``int`` year, a :class:`datetime.date` (a
    :class:`datetime.datetime` counts as its date), a :class:`PartialDate`,
    or its ISO text (``"2015"``, ``"2019-10"``).

    Args:
        value: The point in time.
        argument: The argument's name, used in error messages.

    Raises:
        TypeError: *value* is of another type (``bool`` included).
        ValueError: *value* is an impossible date.

    >>> to_partial_date(2015)
    PartialDate(year=2015, month=None, day=None)
    >>> to_partial_date(True)
    Traceback (most recent call last):
    ...
    TypeError: when must be a year (int), a datetime.date, ... got bool True
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool):
        pass  # bool is an int subclass, but True is not a year
    elif isinstance(value, int):
        try:
            return PartialDate(value)
        except ValueError as e:
            msg = f"{argument}: {e}"
            raise ValueError(msg) from None
    elif isinstance(value, _dt.datetime):
        return PartialDate.from_date(value.date())
    elif isinstance(value, _dt.date):
        return PartialDate.from_date(value)
    elif isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ValueError as e:
            msg = f"{argument}: {e}"
            raise ValueError(msg) from None
    msg = (
        f"{argument} must be a year (int), a datetime.date, a PartialDate or a date string "
        f"like '2019-10', got {type(value).__name__} {value!r}"
    )
    raise TypeError(msg)


def _check_end(_: object, attribute: attrs.Attribute[PartialDate | None], value: object) -> None:
    if value is not None and not isinstance(value, PartialDate):
        msg = f"Period.{attribute.name} must be a PartialDate or None, got {type(value).__name__}"
        raise TypeError(msg)


@attrs.frozen
class Period:
    """
    A span of time between two partial dates, both ends inclusive.

    Either end may be open (``None``): unknown or not yet come. Both ends
    are inclusive at their precision, so ``Period(2011, 2015)`` covers all of
    2011 to all of 2015. A renaming on a date ``d`` ends the old name's
    period and starts the new one's on the same partial date ``d``.

    Attributes:
        start: The first partial date of the span, or ``None``.
        end: The last partial date of the span, or ``None``.

    >>> aim2015 = Period(PartialDate(2011), PartialDate(2015))
    >>> aim2015.contains(2013), aim2015.contains(2016)
    (True, False)
    >>> str(aim2015)
    '2011/2015'
    """

    start: PartialDate | None = attrs.field(default=None, validator=_check_end)
    end: PartialDate | None = attrs.field(default=None, validator=_check_end)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end.latest < self.start.earliest:
            msg = f"a period cannot end ({self.end}) before it starts ({self.start})"
            raise ValueError(msg)

    def contains(self, when: When) -> bool:
        """
        Whether the moment *when* falls within the period.

        A partial *when* is taken at its latest day ("as things stood by the
        end of 2019"), the same reference point :meth:`Registry.as_of
        <asean_digital.Registry.as_of>` uses.

        >>> Period(PartialDate(2019, 10)).contains(2019)
        True
        >>> Period(PartialDate(2019, 10)).contains(PartialDate(2019, 9))
        False
        """
        moment = to_partial_date(when).latest
        if self.start is not None and moment < self.start.earliest:
            return False
        return self.end is None or moment <= self.end.latest

    def __str__(self) -> str:
        start = ".." if self.start is None else str(self.start)
        end = ".." if self.end is None else str(self.end)
        return f"{start}/{end}"


publish(globals(), PartialDate, Period)
