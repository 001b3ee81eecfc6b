"""
The one cattrs converter: how every public class maps to and from JSON.

The JSON shape of the data is decided here and nowhere else: partial dates
are ISO text (``"2001-07"``), enums their values, sequences arrays, and
unknown keys are refused.

Records are structured by the hooks of :mod:`asean_digital.formats.structure`
(which the loader also uses without this converter), with this converter's
hooks for their fields' types; anything such a hook refuses goes to cattrs'
own detailed hook, which decides the result and words the error.
"""

from __future__ import annotations

import _thread
import enum
from typing import Any

import cattrs

from asean_digital.model.dates import PartialDate

from .structure import (
    Hook,
    fast_record_class,
    is_homogeneous_tuple,
    is_optional,
    is_record_class,
    optional_hook,
    record_hook,
    structure_bool,
    structure_enum,
    structure_int,
    structure_partial_date,
    structure_str,
    tuple_hook,
)

__all__ = ["configure_converter", "converter", "make_converter"]


def _hook_of(converter: cattrs.Converter, t: Any) -> Hook:
    try:
        return converter.get_structure_hook(t)
    except RecursionError:  # a type that contains itself: bind late
        return converter.structure


def _optional_hook(t: Any, converter: cattrs.Converter) -> Hook:
    return optional_hook(t, lambda x: _hook_of(converter, x))


def _tuple_hook(t: Any, converter: cattrs.Converter) -> Hook:
    from cattrs.cols import homogenous_tuple_structure_factory  # noqa: PLC0415

    detailed: list[Hook] = []

    def in_detail(value: Any) -> Any:
        if not detailed:
            detailed.append(homogenous_tuple_structure_factory(t, converter))
        return detailed[0](value, t)

    return tuple_hook(t, lambda x: _hook_of(converter, x), in_detail)


def _record_hook(cls: type, converter: cattrs.Converter) -> Hook:
    """A hook for the attrs class *cls*, made once, with this converter's hooks for its fields."""
    if converter.type_overrides or not fast_record_class(cls):
        return converter.gen_structure_attrs_fromdict(cls)  # shapes the fast hook does not take
    detailed: list[Hook] = []

    def slow(value: Any) -> Any:
        if type(value) is not dict:
            msg = f"expected an object, got {type(value).__name__}"
            raise TypeError(msg)
        if not detailed:
            detailed.append(converter.gen_structure_attrs_fromdict(cls))
        return detailed[0](value, cls)

    return record_hook(
        cls,
        lambda t: _hook_of(converter, t),
        slow,
        forbid_extra_keys=converter.forbid_extra_keys,
    )


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
    converter.register_structure_hook(PartialDate, structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), structure_enum
    )
    converter.register_structure_hook_factory(is_optional, _optional_hook)
    converter.register_structure_hook_factory(is_homogeneous_tuple, _tuple_hook)
    converter.register_structure_hook_factory(is_record_class, _record_hook)
    converter.register_unstructure_hook_func(  # Results, a tuple of records: a list of their dicts
        _is_tuple_subclass, lambda value: [converter.unstructure(item) for item in value]
    )
    return converter


def _is_tuple_subclass(t: Any) -> bool:
    """Whether *t* is a tuple class of its own (:class:`~asean_digital.Results`), not a named tuple."""
    return isinstance(t, type) and issubclass(t, tuple) and t is not tuple and not hasattr(t, "_fields")


def make_converter() -> cattrs.Converter:
    """
    Make a new converter configured for this library's classes.

    >>> import asean_digital as ad
    >>> c = make_converter()
    >>> c.unstructure(ad.PartialDate(2001, 7))
    '2001-07'
    >>> c.structure("2019-10", ad.PartialDate)
    PartialDate(year=2019, month=10, day=None)
    >>> [d["acronym"] for d in c.unstructure(ad.registry.bodies(established_before=2000))]
    ['ATRC']
    """
    return configure_converter(cattrs.Converter(forbid_extra_keys=True, detailed_validation=True))


_lock = _thread.allocate_lock()
_shared: list[cattrs.Converter] = []


def converter() -> cattrs.Converter:
    """
    The library's one converter (``asean_digital.converter``), made on first use.

    >>> converter() is converter()
    True
    """
    if not _shared:
        with _lock:
            if not _shared:
                _shared.append(make_converter())
    return _shared[0]
