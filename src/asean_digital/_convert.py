"""
The one cattrs converter: how every public class maps to and from JSON.

The JSON shape of the data is decided here and nowhere else: partial dates
are ISO text (``"2001-07"``), enums their values, sequences arrays, and
unknown keys are refused.

Structuring is specialised, once per type, for the shapes the data has:
each record class gets a hook compiled from its fields, with the checks of
strings, integers, booleans, enums, ``X | None`` and ``tuple[X, ...]``
written inline instead of dispatched per value; ``X | None`` and
``tuple[X, ...]`` elsewhere get hooks of their own. The fast hooks take
only well-formed JSON (objects, arrays and the expected scalars); anything
else, and any value a check refuses, goes to cattrs' own detailed hook,
which decides the result and words the error exactly as before. Equal
partial dates and equal sources share one immutable instance.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from ._dates import PartialDate

__all__ = ["configure_converter", "make_converter"]


_parse_date = functools.lru_cache(maxsize=4096)(PartialDate.parse)
_MEMO_LIMIT = 4096  # distinct sources shared; beyond, records get their own


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if not isinstance(value, str):
        msg = f"expected a date string like '2001', '2001-07' or '2001-07-15', got {value!r}"
        raise TypeError(msg)
    return _parse_date(value)


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


_Hook = Callable[[Any, Any], Any]
_NONE = type(None)
_TYPE_CHECKS: dict[Any, str] = {_structure_str: "str", _structure_int: "int", _structure_bool: "bool"}


def _is_optional(t: Any) -> bool:
    """``X | None`` for one type X."""
    args = typing.get_args(t)
    return typing.get_origin(t) in (typing.Union, types.UnionType) and len(args) == 2 and _NONE in args


def _is_homogeneous_tuple(t: Any) -> bool:
    """``tuple[X, ...]``."""
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_record_class(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t)


def _hook_of(converter: cattrs.Converter, t: Any) -> _Hook:
    try:
        return converter.get_structure_hook(t)
    except RecursionError:  # a type that contains itself: bind late
        return converter.structure


def _refuse() -> Any:
    msg = "not of the expected JSON type"
    raise TypeError(msg)


def _date(value: Any) -> PartialDate:
    if type(value) is not str:
        _refuse()
    return _parse_date(value)


class _Compiler:
    """Python source for structuring the JSON value of one expression as a type, without dispatch."""

    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.namespace: dict[str, Any] = {"_refuse": _refuse, "_date": _date}

    def name(self, value: Any) -> str:
        """A global name in the compiled code for *value*."""
        name = f"_g{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def check(self, t: Any) -> str | None:
        """The builtin type a JSON value must exactly be for *t*, where *t*'s hook only checks that."""
        return _TYPE_CHECKS.get(_hook_of(self.converter, t))

    def expression(self, src: str, t: Any, depth: int = 0) -> str:
        """An expression structuring the value of *src* (evaluated once) as *t*; it raises if refused."""
        v = f"_v{depth}"
        hook = _hook_of(self.converter, t)
        if hook in _TYPE_CHECKS:
            return f"({v} if type({v} := {src}) is {_TYPE_CHECKS[hook]} else _refuse())"
        if hook is _structure_partial_date:
            return f"_date({src})"
        if hook is _structure_enum:
            return f"{self.name({m.value: m for m in t})}[{src}]"  # KeyError if not a value
        if _is_optional(t):
            inner = next(a for a in typing.get_args(t) if a is not _NONE)
            return f"(None if ({v} := {src}) is None else {self.expression(v, inner, depth + 1)})"
        if _is_homogeneous_tuple(t):
            item = typing.get_args(t)[0]
            e = f"_e{depth}"
            exact = self.check(item)
            if exact is not None:
                test = f"type({v} := {src}) is list and all(type({e}) is {exact} for {e} in {v})"
                return f"(tuple({v}) if {test} else _refuse())"
            each = self.expression(e, item, depth + 1)
            return f"(tuple([{each} for {e} in {v}]) if type({v} := {src}) is list else _refuse())"
        return f"{self.name(hook)}({src}, {self.name(t)})"

    def function(self, name: str, source: str) -> _Hook:
        exec(compile(source, f"<asean_digital._convert {name}>", "exec"), self.namespace)  # noqa: S102
        hook: _Hook = self.namespace[name]
        return hook


def _optional_hook(t: Any, converter: cattrs.Converter) -> _Hook:
    inner_type = next(a for a in typing.get_args(t) if a is not _NONE)
    inner = _hook_of(converter, inner_type)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure_optional


def _tuple_hook(t: Any, converter: cattrs.Converter) -> _Hook:
    from cattrs.cols import homogenous_tuple_structure_factory  # noqa: PLC0415

    item_type = typing.get_args(t)[0]
    item = _hook_of(converter, item_type)
    detailed: list[_Hook] = []

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:  # cattrs would take a string's characters, an object's keys
            msg = f"expected an array, got {type(value).__name__}"
            raise TypeError(msg)
        if type(value) is list:
            try:
                return tuple([item(v, item_type) for v in value])
            except Exception:  # noqa: BLE001, S110 - the detailed hook below reports it
                pass
        if not detailed:
            detailed.append(homogenous_tuple_structure_factory(t, converter))
        return detailed[0](value, t)  # type: ignore[no-any-return]

    return structure_tuple


def _record_hook(cls: type, converter: cattrs.Converter) -> _Hook:
    """A hook for the attrs class *cls* (a JSON object of its fields, by name), compiled once."""
    if any(isinstance(a.type, str) for a in attrs.fields(cls)):
        attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    if converter.type_overrides or any(not a.init or a.converter is not None for a in fields):
        return converter.gen_structure_attrs_fromdict(cls)  # shapes the fast hook does not take
    by_alias = getattr(converter, "use_alias", False)
    detailed: list[_Hook] = []

    def slow(value: Any) -> Any:
        if type(value) is not dict:
            msg = f"expected an object, got {type(value).__name__}"
            raise TypeError(msg)
        if not detailed:
            detailed.append(converter.gen_structure_attrs_fromdict(cls))
        return detailed[0](value, cls)

    compiler = _Compiler(converter)
    keys = [a.alias if by_alias else a.name for a in fields]
    required: list[str] = []  # keyword arguments
    optional: list[str] = []  # statements adding to **kw
    for key, a in zip(keys, fields, strict=True):
        value = compiler.expression(f"value[{key!r}]", a.type)
        if a.default is attrs.NOTHING:
            required.append(f"{a.alias}={value}")
        else:
            optional.append(f"        if {key!r} in value:\n            kw[{a.alias!r}] = {value}\n")
    count = f"len(value) == {len(required)} + len(kw)" if converter.forbid_extra_keys else "True"
    build = f"{compiler.name(cls)}({', '.join([*required, '**kw'])})"
    shared = not optional and all(compiler.check(a.type) == "str" for a in fields)
    if shared and cls.__hash__ is not None:
        # A small value of strings only (a source): equal ones are one instance.
        memo = compiler.name({})
        key = f"({', '.join(f'value[{k!r}]' for k in keys)},)"
        build = (
            f"_m if (_m := {memo}.get(_key := {key})) is not None "
            f"else {build} if len({memo}) >= {_MEMO_LIMIT} else {memo}.setdefault(_key, {build})"
        )
    name = f"structure_{cls.__name__}"
    source = (
        f"def {name}(value, _):\n"
        "    if type(value) is not dict:\n"
        "        return slow(value)\n"
        "    try:\n"
        "        kw = {}\n"
        f"{''.join(optional)}"
        f"        if {count}:\n"
        f"            return {build}\n"
        "    except Exception:\n"
        "        pass\n"
        "    return slow(value)\n"
    )
    compiler.namespace["slow"] = slow
    return compiler.function(name, source)


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
    converter.register_structure_hook_factory(_is_optional, _optional_hook)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    converter.register_structure_hook_factory(_is_record_class, _record_hook)
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
