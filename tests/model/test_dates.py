"""Tests for partial dates, periods and the coercion of points in time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asean_digital import PartialDate, Period, to_partial_date

partial_dates = st.builds(
    lambda d, precision: PartialDate(d.year, *((d.month, d.day)[:precision])),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.integers(0, 2),
)


class TestPartialDate:
    def test_precisions(self) -> None:
        """Each precision prints as ISO text of that precision."""
        assert str(PartialDate(2001)) == "2001"
        assert str(PartialDate(2001, 7)) == "2001-07"
        assert str(PartialDate(2001, 7, 15)) == "2001-07-15"

    def test_interval(self) -> None:
        """A partial date spans every day it may denote."""
        assert PartialDate(2001).earliest == dt.date(2001, 1, 1)
        assert PartialDate(2001).latest == dt.date(2001, 12, 31)
        assert PartialDate(2024, 2).latest == dt.date(2024, 2, 29)
        assert PartialDate(2023, 2).latest == dt.date(2023, 2, 28)

    @pytest.mark.parametrize(
        ("args", "error"),
        [
            ((2019, 13), ValueError),
            ((2019, 2, 30), ValueError),
            ((2019, None, 3), ValueError),
            ((0,), ValueError),
            ((10000,), ValueError),
            (("2019",), TypeError),
            ((True,), TypeError),
            ((2019, 1.0), TypeError),
        ],
    )
    def test_impossible_dates_refused(self, args: tuple[object, ...], error: type[Exception]) -> None:
        """Impossible or mistyped dates raise with a message, not a broken object."""
        with pytest.raises(error):
            PartialDate(*args)  # type: ignore[arg-type]

    @pytest.mark.parametrize("text", ["", "19", "2019-1", "2019/10", "2019-10-01T00:00", "July 2001"])
    def test_parse_refuses_other_forms(self, text: str) -> None:
        """Only YYYY, YYYY-MM and YYYY-MM-DD parse."""
        with pytest.raises(ValueError, match="expected a date like"):
            PartialDate.parse(text)

    @given(partial_dates)
    def test_parse_str_round_trip(self, date: PartialDate) -> None:
        """Parsing the text of a partial date gives it back."""
        assert PartialDate.parse(str(date)) == date

    @given(partial_dates, partial_dates)
    def test_before_and_after_are_exclusive(self, a: PartialDate, b: PartialDate) -> None:
        """No date is both before and after another, and 'before' is antisymmetric."""
        assert not (a.is_before(b) and a.is_after(b))
        assert a.is_before(b) == b.is_after(a)

    @given(partial_dates, partial_dates)
    def test_order_follows_intervals(self, a: PartialDate, b: PartialDate) -> None:
        """Sorting agrees with 'before': a date wholly before another sorts first."""
        if a.is_before(b):
            assert a < b

    def test_interval_semantics_of_before(self) -> None:
        """July 2001 is not before 2001, since 2001 includes July; it is before 2002."""
        assert not PartialDate(2001, 7).is_before(2001)
        assert not PartialDate(2001, 7).is_after(2001)
        assert PartialDate(2001, 7).is_before(2002)
        assert PartialDate(2011).is_before(2012)


class TestPeriod:
    def test_inclusive_ends(self) -> None:
        """Both ends are inclusive at their precision."""
        aim2015 = Period(PartialDate(2011), PartialDate(2015))
        assert aim2015.contains(dt.date(2011, 1, 1))
        assert aim2015.contains(dt.date(2015, 12, 31))
        assert not aim2015.contains(dt.date(2016, 1, 1))
        assert not aim2015.contains(2010)

    def test_open_ends(self) -> None:
        """An open end does not bound the period."""
        assert Period(None, None).contains(1)
        assert Period(PartialDate(2019, 10)).contains(9999)

    def test_reversed_period_refused(self) -> None:
        """The page's '2021 – 2020' cannot be a period."""
        with pytest.raises(ValueError, match="cannot end"):
            Period(PartialDate(2021), PartialDate(2020))

    def test_wrong_types_refused(self) -> None:
        """Ends must be partial dates."""
        with pytest.raises(TypeError):
            Period(2011, 2015)  # type: ignore[arg-type]


class TestToPartialDate:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (2015, PartialDate(2015)),
            (dt.date(2019, 10, 4), PartialDate(2019, 10, 4)),
            (dt.datetime(2019, 10, 4, 12, 0), PartialDate(2019, 10, 4)),
            (PartialDate(2019, 10), PartialDate(2019, 10)),
            ("2019-10", PartialDate(2019, 10)),
        ],
    )
    def test_accepted(self, value: object, expected: PartialDate) -> None:
        """A year, a date, a datetime, a partial date and ISO text are points in time."""
        assert to_partial_date(value) == expected

    @pytest.mark.parametrize("value", [True, None, 2015.0, [2015], b"2015"])
    def test_wrong_types(self, value: object) -> None:
        """Anything else is a TypeError naming what was expected."""
        with pytest.raises(TypeError, match="must be a year"):
            to_partial_date(value, argument="established_before")

    @pytest.mark.parametrize("value", [0, -5, 10000, "2019-13", "soon"])
    def test_impossible_values(self, value: object) -> None:
        """Impossible dates are a ValueError naming the argument."""
        with pytest.raises(ValueError, match=r"^when"):
            to_partial_date(value)


def test_month_ends_agree_with_the_calendar_module() -> None:
    """A month's latest day is the calendar's last day of it, in every year, leap years included."""
    import calendar
    import datetime

    for year in range(1, 10_000):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert PartialDate(year, month).latest == datetime.date(year, month, last), (year, month)
