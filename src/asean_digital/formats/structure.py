"""
Structuring JSON into the record classes, fast, without importing cattrs.

Each record class gets a hook generated from its fields, with the checks of
strings, integers, booleans, enums, partial dates, ``X | None`` and
``tuple[X, ...]`` written inline instead of dispatched per value. The hooks
take only well-formed JSON (objects, arrays and the expected scalars);
anything else, and any value a check refuses, goes to a slow path: cattrs'
own detailed structuring, which decides the result and words the error.

The loader uses the hooks a :class:`Hooks` makes, which resolve field types
themselves, so loading the data never imports cattrs. The library's cattrs
converter compiles hooks from the same generator with its own hooks for
field types (see :mod:`asean_digital.formats.convert`). During a load, equal
strings and partial dates become one object (:data:`STRINGS`,
:data:`DATES`), and equal sources share one instance (:data:`MEMOS`); the
loader empties them when the load ends.

The code compiled is generated from the classes' own field types (never
from data), once per class per hook maker, and registered with
:mod:`linecache` as attrs and cattrs do, so tracebacks show it.
"""

from __future__ import annotations

import _thread
import enum
import functools
import linecache
import typing
from collections.abc import Callable
from typing import Any

import attrs

from asean_digital.model.dates import PartialDate
from asean_digital.model.fields import NONE as _NONE
from asean_digital.model.fields import is_optional, is_record_class, item_type

__all__ = [
    "DATES",
    "MEMOS",
    "STRINGS",
    "Hook",
    "Hooks",
    "compile_record_hook",
    "fast_record_class",
    "forget_shared",
    "interpreted_record_hook",
    "is_homogeneous_tuple",
    "is_optional",
    "is_record_class",
    "optional_hook",
    "structure_bool",
    "structure_enum",
    "structure_int",
    "structure_partial_date",
    "structure_str",
    "tuple_hook",
]

Hook = Callable[[Any, Any], Any]
"""A structure hook: ``hook(json_value, type) -> value``."""

_parse_date = PartialDate.parse  # shared within a load through DATES; no cache outlives a load
_MEMO_LIMIT = 4096  # distinct sources shared; beyond, records get their own

STRINGS: dict[str, str] = {}
"""
Strings seen during a load, so that equal ones become one object.

A body's name appears in its naming history too, and a parent's id in every
child; JSON decoding makes each occurrence a string of its own. The
loader's hooks share them through this table, and the loader empties it
when a load ends (:func:`forget_shared`). Concurrent loads may share it;
that only shares more.
"""

DATES: dict[str, PartialDate] = {}
"""Partial dates read during a load, by their text: each is parsed once and shared, like :data:`STRINGS`."""


MEMOS: dict[type, dict[Any, Any]] = {}
"""Small records of strings only (sources) read during a load, by their values, per class."""


def forget_shared() -> None:
    """Empty :data:`STRINGS`, :data:`DATES` and :data:`MEMOS`: a finished load's records keep them."""
    STRINGS.clear()
    DATES.clear()
    for memo in MEMOS.values():
        memo.clear()


def structure_partial_date(value: Any, _: type) -> PartialDate:
    """A :class:`PartialDate` from its ISO text."""
    if not isinstance(value, str):
        msg = f"expected a date string like '2001', '2001-07' or '2001-07-15', got {value!r}"
        raise TypeError(msg)
    return _parse_date(value)


def structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    """The member of the enum *cls* whose value is *value*."""
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        msg = f"expected one of {allowed} for {cls.__name__}, got {value!r}"
        raise ValueError(msg) from None


def structure_str(value: Any, _: type) -> str:
    """*value*, which must be a string."""
    if not isinstance(value, str):
        msg = f"expected a string, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def structure_int(value: Any, _: type) -> int:
    """*value*, which must be an integer (``true`` is not one)."""
    if type(value) is not int:
        msg = f"expected an integer, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def structure_bool(value: Any, _: type) -> bool:
    """*value*, which must be ``true`` or ``false``."""
    if type(value) is not bool:
        msg = f"expected true or false, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


_TYPE_CHECKS: dict[Any, str] = {structure_str: "str", structure_int: "int", structure_bool: "bool"}
_SCALARS: dict[Any, Hook] = {
    str: structure_str,
    int: structure_int,
    bool: structure_bool,
    PartialDate: structure_partial_date,
}


def is_homogeneous_tuple(t: Any) -> bool:
    """``tuple[X, ...]``."""
    return item_type(t) is not None


def _refuse() -> Any:
    msg = "not of the expected JSON type"
    raise TypeError(msg)


def _date(value: Any) -> PartialDate:
    if type(value) is not str:
        _refuse()
    return _parse_date(value)


def _shared_date(value: Any) -> PartialDate:
    date = DATES.get(value) if type(value) is str else _refuse()
    if date is None:
        date = DATES[value] = _parse_date(value)
    return date


def _share_str(value: Any, t: Any) -> str:
    return STRINGS.setdefault(value, value) if type(value) is str else structure_str(value, t)


def _share_date(value: Any, _: Any) -> PartialDate:
    return _shared_date(value)


_SHARED: dict[Any, Hook] = {str: _share_str, PartialDate: _share_date}
"""The hooks of the types whose equal values a load shares, for hooks that are not compiled."""


def enum_values(cls: type[enum.Enum]) -> dict[Any, enum.Enum]:
    """The members of the enum *cls* by value."""
    return {m.value: m for m in cls}


class _Compiler:
    """
    Python source for structuring the JSON value of one expression as a type, without dispatch.

    Every object the source names is a global of the compiled code.
    """

    def __init__(
        self, resolve: Callable[[Any], Hook], prefix: str = "", *, share_strings: bool = False
    ) -> None:
        self.resolve = resolve
        self.prefix = prefix
        self.share_strings = share_strings
        self.namespace: dict[str, Any] = {"_refuse": _refuse, "_share": STRINGS.setdefault}
        self.namespace["_date"] = _shared_date if share_strings else _date

    def name(self, value: Any) -> str:
        """A global name in the compiled code for *value*."""
        name = f"_{self.prefix}{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def check(self, t: Any) -> str | None:
        """The builtin type a JSON value must exactly be for *t*, where *t*'s hook only checks that."""
        return _TYPE_CHECKS.get(self.resolve(t))

    def expression(self, src: str, t: Any, depth: int = 0) -> str:
        """An expression structuring the value of *src* (evaluated once) as *t*; it raises if refused."""
        v = f"_v{depth}"
        hook = self.resolve(t)
        if hook in _TYPE_CHECKS:
            builtin = _TYPE_CHECKS[hook]
            value = f"_share({v}, {v})" if builtin == "str" and self.share_strings else v
            return f"({value} if type({v} := {src}) is {builtin} else _refuse())"
        if hook is structure_partial_date:
            return f"_date({src})"
        if hook is structure_enum:
            values = self.name(enum_values(t))
            return f"{values}[{src}]"  # KeyError if not a value
        if is_optional(t):
            inner = next(a for a in typing.get_args(t) if a is not _NONE)
            return f"(None if ({v} := {src}) is None else {self.expression(v, inner, depth + 1)})"
        if is_homogeneous_tuple(t):
            item = typing.get_args(t)[0]
            e = f"_e{depth}"
            exact = self.check(item)
            if exact is not None:
                test = f"type({v} := {src}) is list and all(type({e}) is {exact} for {e} in {v})"
                if exact == "str" and self.share_strings:
                    return f"(tuple([_share({e}, {e}) for {e} in {v}]) if {test} else _refuse())"
                return f"(tuple({v}) if {test} else _refuse())"
            each = self.expression(e, item, depth + 1)
            return f"(tuple([{each} for {e} in {v}]) if type({v} := {src}) is list else _refuse())"
        return f"{self.name(hook)}({src}, {self.name(t)})"


def _record_source(
    cls: type,
    resolve: Callable[[Any], Hook],
    slow: Callable[[Any], Any],
    *,
    forbid_extra_keys: bool = True,
    by_alias: bool = False,
    share_strings: bool = False,
) -> tuple[str, str, _Compiler]:
    """The name and source of the hook for *cls*, and the compiler holding what it names."""
    fields = attrs.fields(cls)
    compiler = _Compiler(resolve, prefix=f"{cls.__name__}_", share_strings=share_strings)
    keys = [a.alias if by_alias else a.name for a in fields]
    required: list[str] = []  # keyword arguments
    optional: list[str] = []  # statements adding to **kw
    for key, a in zip(keys, fields, strict=True):
        value = compiler.expression(f"value[{key!r}]", a.type)
        if a.default is attrs.NOTHING:
            required.append(f"{a.alias}={value}")
        else:
            optional.append(f"        if {key!r} in value:\n            kw[{a.alias!r}] = {value}\n")
    count = f"len(value) == {len(required)} + len(kw)" if forbid_extra_keys else "True"
    build = f"{compiler.name(cls)}({', '.join([*required, '**kw'])})"
    shared = not optional and all(compiler.check(a.type) == "str" for a in fields)
    if shared and share_strings and cls.__hash__ is not None:
        # A small value of strings only (a source): equal ones are one instance
        # during a load (the memo is emptied with the shared strings).
        memo = compiler.name(MEMOS.setdefault(cls, {}))
        key = f"({', '.join(f'value[{k!r}]' for k in keys)},)"
        build = (
            f"_m if (_m := {memo}.get(_key := {key})) is not None "
            f"else {build} if len({memo}) >= {_MEMO_LIMIT} else {memo}.setdefault(_key, {build})"
        )
    slow_name = compiler.name(slow)
    name = f"structure_{cls.__name__}"
    source = (
        f"def {name}(value, _):\n"
        "    if type(value) is not dict:\n"
        f"        return {slow_name}(value)\n"
        "    try:\n"
        "        kw = {}\n"
        f"{''.join(optional)}"
        f"        if {count}:\n"
        f"            return {build}\n"
        "    except Exception:\n"
        "        pass\n"
        f"    return {slow_name}(value)\n"
    )
    return name, source, compiler


def compile_record_hook(
    cls: type,
    resolve: Callable[[Any], Hook],
    slow: Callable[[Any], Any],
    *,
    forbid_extra_keys: bool = True,
    by_alias: bool = False,
    share_strings: bool = False,
) -> Hook:
    """
    A hook for the attrs class *cls* (a JSON object of its fields, by name), compiled now.

    Args:
        cls: A frozen attrs class whose fields all take their value as given.
        resolve: The hook for a field's type (only consulted, never called
            for the scalar types it names).
        slow: Called with the JSON value whenever the fast path refuses it;
            returns the record or raises the detailed error.
        forbid_extra_keys: Refuse objects with keys that are not fields.
        by_alias: Read each field under its alias rather than its name.
        share_strings: Equal strings, and equal partial dates, become one
            object (through :data:`STRINGS` and :data:`DATES`, which the
            loader empties after each load).
    """
    name, source, compiler = _record_source(
        cls,
        resolve,
        slow,
        forbid_extra_keys=forbid_extra_keys,
        by_alias=by_alias,
        share_strings=share_strings,
    )
    # As attrs and cattrs do: the generated source is registered with
    # linecache, so a traceback through a hook shows its lines.
    filename = f"<asean_digital generated {name} {id(compiler)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), compiler.namespace)  # noqa: S102 - source made from the model
    hook: Hook = compiler.namespace[name]
    return hook


def interpreted_record_hook(
    cls: type,
    resolve: Callable[[Any], Hook],
    slow: Callable[[Any], Any],
    *,
    forbid_extra_keys: bool = True,
) -> Hook:
    """
    A hook for the attrs class *cls* that walks its fields with *resolve*'s hooks: nothing is compiled.

    It takes the same JSON as :func:`compile_record_hook`'s hook and refuses
    the same values (to *slow*), at a few times its cost per record but none
    up front: the loader uses it for collections too small to repay compiling.
    """
    fields = [
        (a.name, a.alias, resolve(a.type), a.type, a.default is attrs.NOTHING) for a in attrs.fields(cls)
    ]

    def structure_record(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            return slow(value)
        try:
            kw = {}
            complete = True
            for name, alias, hook, t, required in fields:
                if name in value:
                    kw[alias] = hook(value[name], t)
                elif required:
                    complete = False
                    break
            if complete and (not forbid_extra_keys or len(kw) == len(value)):
                return cls(**kw)
        except Exception:  # noqa: BLE001, S110 - the detailed path below reports it
            pass
        return slow(value)

    return structure_record


def fast_record_class(cls: type) -> bool:
    """Whether each field of the attrs class *cls* takes JSON as :func:`compile_record_hook` reads it."""
    if any(isinstance(a.type, str) for a in attrs.fields(cls)):
        attrs.resolve_types(cls)
    return all(a.init and a.converter is None for a in attrs.fields(cls))


def optional_hook(t: Any, resolve: Callable[[Any], Hook]) -> Hook:
    """A hook for ``X | None``, with *resolve*'s hook for X."""
    inner_type = next(a for a in typing.get_args(t) if a is not _NONE)
    inner = resolve(inner_type)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure_optional


def tuple_hook(t: Any, resolve: Callable[[Any], Hook], detailed: Callable[[Any], Any]) -> Hook:
    """A hook for ``tuple[X, ...]`` from a JSON array, with *resolve*'s hook for X; *detailed* on failure."""
    item_type = typing.get_args(t)[0]
    item = resolve(item_type)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:  # cattrs would take a string's characters, an object's keys
            msg = f"expected an array, got {type(value).__name__}"
            raise TypeError(msg)
        try:
            return tuple([item(v, item_type) for v in value])
        except Exception:  # noqa: BLE001, S110 - the detailed path below reports it
            pass
        return detailed(value)  # type: ignore[no-any-return]

    return structure_tuple


class Hooks:
    """
    The hooks the loader structures records with, made without cattrs and kept once made.

    Each record class has two: one compiled from its fields, the fastest per
    record, and one that walks its fields, which costs nothing to make (the
    loader takes it for collections too small to repay compiling). Anything
    a hook refuses goes to *detailed*'s slow path (the loader passes one that
    asks the library's cattrs converter, imported only then). Safe from any
    thread: a hook is made once, under a lock, and only finished hooks are
    ever handed out to other threads.

    >>> from asean_digital import Source
    >>> hooks = Hooks(lambda t: lambda value: None)
    >>> data = {"document": "seed-page", "section": "Overview"}
    >>> hooks.hook(Source)(data, Source) == hooks.hook(Source, compiled=False)(data, Source)
    True
    """

    def __init__(self, detailed: Callable[[Any], Callable[[Any], Any]]) -> None:
        """*detailed(t)* is the slow path for values of type *t* a fast hook refuses."""
        self._detailed = detailed
        self._hooks: dict[tuple[Any, bool], Hook] = {}  # finished hooks: read without the lock
        self._making: dict[tuple[Any, bool], Hook] = {}  # stand-ins for classes being made
        self._lock = _thread.RLock()  # re-entrant: making a hook makes the hooks of its fields

    def _late(self, key: tuple[Any, bool], value: Any, type_: Any) -> Any:
        return self._hooks[key](value, type_)

    def hook(self, t: Any, *, compiled: bool = True) -> Hook:
        """The hook for the type *t* (a record class, or a field type of one), compiled or not."""
        key = (t, compiled)
        hook = self._hooks.get(key)
        if hook is not None:
            return hook
        with self._lock:
            hook = self._hooks.get(key) or self._making.get(key)
            if hook is not None:
                return hook

            def resolve(inner: Any) -> Hook:
                return self.hook(inner, compiled=compiled)

            if not compiled and t in _SHARED:
                hook = _SHARED[t]  # a compiled hook shares them inline
            elif t in _SCALARS:
                hook = _SCALARS[t]
            elif isinstance(t, type) and issubclass(t, enum.Enum):
                hook = structure_enum
            elif is_optional(t):
                hook = optional_hook(t, resolve)
            elif is_homogeneous_tuple(t):
                hook = tuple_hook(t, resolve, self._detailed(t))
            elif is_record_class(t) and fast_record_class(t):
                # A class that contains itself gets a stand-in that calls its
                # finished hook late; the stand-in is seen only while it is made.
                self._making[key] = functools.partial(self._late, key)
                try:
                    if compiled:
                        hook = compile_record_hook(t, resolve, self._detailed(t), share_strings=True)
                    else:
                        hook = interpreted_record_hook(t, resolve, self._detailed(t))
                finally:
                    del self._making[key]
            else:
                msg = f"no structure hook for {t!r}"
                raise TypeError(msg)
            self._hooks[key] = hook
            return hook
