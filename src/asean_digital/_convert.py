"""
The one cattrs converter: how every public class maps to and from JSON.

The JSON shape of the data is decided here and nowhere else: partial dates
are ISO text (``"2001-07"``), enums their values, sequences arrays, and
unknown keys are refused.
"""

from __future__ import annotations

import enum
from typing import Any

import cattrs

from ._dates import PartialDate

__all__ = ["configure_converter", "make_converter"]


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if not isinstance(value, str):
        msg = f"expected a date string like '2001', '2001-07' or '2001-07-15', got {value!r}"
        raise TypeError(msg)
    return PartialDate.parse(value)


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        msg = f"expected one of {allowed} for {cls.__name__}, got {value!r}"
        raise ValueError(msg) from None


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        msg = f"expected a string, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        msg = f"expected an integer, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        msg = f"expected true or false, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def configure_converter(converter: cattrs.Converter) -> cattrs.Converter:
    """
    Teach *converter* the JSON shape of every public class.

    Strict on the way in: a string field takes only a string, an integer only
    an integer (not ``true``), a date only ISO text of a real day, month or
    year; unknown keys are refused.

    Args:
        converter: A converter made with ``forbid_extra_keys=True`` and
            ``detailed_validation=True`` (see :func:`make_converter`).

    Returns:
        The same converter, for chaining.
    """
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    return converter


def make_converter() -> cattrs.Converter:
    """
    Make a new converter configured for this library's classes.

    >>> import asean_digital as ad
    >>> c = make_converter()
    >>> c.unstructure(ad.PartialDate(2001, 7))
    '2001-07'
    >>> c.structure("2019-10", ad.PartialDate)
    PartialDate(year=2019, month=10, day=None)
    """
    return configure_converter(cattrs.Converter(forbid_extra_keys=True, detailed_validation=True))
