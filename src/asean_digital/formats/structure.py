"""
Structuring JSON into the record classes without importing cattrs: the loader's one plain path.

Each record class gets a hook that walks its fields with the hooks of their
types: strict checks of strings, integers, booleans, enums, partial dates,
``X | None`` and ``tuple[X, ...]``. A hook takes only well-formed JSON
(objects, arrays and the expected scalars); anything else, and any value a
check refuses, goes to a slow path: cattrs' own detailed structuring, which
decides the result and words the error. The loader's hooks come from a
:class:`Hooks`, so that reading the packaged data never imports cattrs; the
library's cattrs converter uses the same record hooks with its own hooks for
field types (see :mod:`asean_digital.formats.convert`).
"""

from __future__ import annotations

import _thread
import enum
import functools
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from asean_digital.model.dates import PartialDate
from asean_digital.model.fields import NONE, is_optional, is_record_class, item_type

__all__ = [
    "Hook",
    "Hooks",
    "fast_record_class",
    "is_homogeneous_tuple",
    "is_optional",
    "is_record_class",
    "optional_hook",
    "record_hook",
    "structure_bool",
    "structure_enum",
    "structure_int",
    "structure_partial_date",
    "structure_str",
    "tuple_hook",
]

Hook = Callable[[Any, Any], Any]
"""A structure hook: ``hook(json_value, type) -> value``."""


def structure_partial_date(value: Any, _: type) -> PartialDate:
    """A :class:`PartialDate` from its ISO text, or a year as an integer (as the API takes one)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if not isinstance(value, str):
        msg = f"expected a date string like '2001', '2001-07' or '2001-07-15', or a year like 2001, got {value!r}"  # noqa: E501
        raise TypeError(msg)
    return PartialDate.parse(value)


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
    if "\x00" in value:
        msg = "a NUL character (\\x00) is not text: SQLite and C programs would cut the value short there"
        raise ValueError(msg)
    return value


_INT64: Final = 2**63
"""Integers are kept within 64 bits, what SQLite and every other output can hold."""


def structure_int(value: Any, _: type) -> int:
    """*value*, which must be an integer (``true`` is not one)."""
    if type(value) is not int:
        msg = f"expected an integer, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not -_INT64 <= value < _INT64:
        msg = f"expected an integer within 64 bits (what SQLite holds), got one of {value.bit_length()} bits"
        raise ValueError(msg)
    return value


def structure_bool(value: Any, _: type) -> bool:
    """*value*, which must be ``true`` or ``false``."""
    if type(value) is not bool:
        msg = f"expected true or false, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


_SCALARS: dict[Any, Hook] = {
    str: structure_str,
    int: structure_int,
    bool: structure_bool,
    PartialDate: structure_partial_date,
}


def is_homogeneous_tuple(t: Any) -> bool:
    """``tuple[X, ...]``."""
    return item_type(t) is not None


def record_hook(
    cls: type,
    resolve: Callable[[Any], Hook],
    slow: Callable[[Any], Any],
    *,
    forbid_extra_keys: bool = True,
) -> Hook:
    """
    A hook for the attrs class *cls* that walks its fields with *resolve*'s hooks.

    A value it cannot take (not an object, a field missing or refused, a key
    of no field) goes to *slow*, which decides the result and words the error.
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
    """Whether each field of the attrs class *cls* takes JSON as :func:`record_hook` reads it."""
    if any(isinstance(a.type, str) for a in attrs.fields(cls)):
        attrs.resolve_types(cls)
    return all(a.init and a.converter is None for a in attrs.fields(cls))


def optional_hook(t: Any, resolve: Callable[[Any], Hook]) -> Hook:
    """A hook for ``X | None``, with *resolve*'s hook for X."""
    inner_type = next(a for a in typing.get_args(t) if a is not NONE)
    inner = resolve(inner_type)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure_optional


DETAILED_AT_MOST: Final = 100
"""How many refused items of one array are reported one by one; more are one problem, counted."""


def _worded(exc: BaseException) -> str:
    """A refused item's problem in a line: each field's problem (the first three) for a group of them."""
    if not getattr(exc, "exceptions", None):
        return str(exc)
    from cattrs import transform_error  # noqa: PLC0415 - cattrs words a group, loaded only for it

    lines = []
    for line in transform_error(exc, path="$"):
        message, sep, where = line.rpartition(" @ ")
        lines.append(f"{where.removeprefix('$.')}: {message}" if sep else line)
    more = f"; and {len(lines) - 3} more" if len(lines) > 3 else ""
    return "; ".join(lines[:3]) + more


def tuple_hook(t: Any, resolve: Callable[[Any], Hook], detailed: Callable[[Any], Any]) -> Hook:
    """A hook for ``tuple[X, ...]`` from a JSON array, with *resolve*'s hook for X; *detailed* on failure."""
    items = typing.get_args(t)[0]
    item = resolve(items)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:  # cattrs would take a string's characters, an object's keys
            msg = f"expected an array, got {type(value).__name__}"
            raise TypeError(msg)
        try:
            return tuple([item(v, items) for v in value])
        except Exception:  # noqa: BLE001, S110 - the detailed path below reports it
            pass
        refused, first = 0, ""
        for i, v in enumerate(value):
            try:
                item(v, items)
            except Exception as e:  # noqa: BLE001 - counted, the first one worded
                refused += 1
                first = first or f"[{i}]: {_worded(e)}"
        if refused > DETAILED_AT_MOST:  # one problem, not one each: the error stays small
            msg = f"{refused} of its {len(value)} items are refused; the first, at {first}"
            raise ValueError(msg)
        return detailed(value)  # type: ignore[no-any-return]

    return structure_tuple


class Hooks:
    """
    The hooks the loader structures records with, made without cattrs and kept once made.

    Anything a hook refuses goes to *detailed*'s slow path (the loader passes
    one that asks the library's cattrs converter, imported only then). Safe
    from any thread: a hook is made once, under a lock, and only finished
    hooks are ever handed out to other threads.

    >>> from asean_digital import Source
    >>> hooks = Hooks(lambda t: lambda value: None)
    >>> hooks.hook(Source)({"document": "seed-page", "section": "Overview"}, Source).section
    'Overview'
    """

    def __init__(self, detailed: Callable[[Any], Callable[[Any], Any]]) -> None:
        """*detailed(t)* is the slow path for values of type *t* a hook refuses."""
        self._detailed = detailed
        self._hooks: dict[Any, Hook] = {}  # finished hooks: read without the lock
        self._making: dict[Any, Hook] = {}  # stand-ins for classes being made
        self._lock = _thread.RLock()  # re-entrant: making a hook makes the hooks of its fields

    def _late(self, t: Any, value: Any, type_: Any) -> Any:
        return self._hooks[t](value, type_)

    def hook(self, t: Any) -> Hook:
        """The hook for the type *t* (a record class, or a field type of one)."""
        hook = self._hooks.get(t)
        if hook is not None:
            return hook
        with self._lock:
            hook = self._hooks.get(t) or self._making.get(t)
            if hook is not None:
                return hook
            if t in _SCALARS:
                hook = _SCALARS[t]
            elif isinstance(t, type) and issubclass(t, enum.Enum):
                hook = structure_enum
            elif is_optional(t):
                hook = optional_hook(t, self.hook)
            elif is_homogeneous_tuple(t):
                hook = tuple_hook(t, self.hook, self._detailed(t))
            elif is_record_class(t) and fast_record_class(t):
                # A class that contains itself gets a stand-in that calls its
                # finished hook late; the stand-in is seen only while it is made.
                self._making[t] = functools.partial(self._late, t)
                try:
                    hook = record_hook(t, self.hook, self._detailed(t))
                finally:
                    del self._making[t]
            else:
                msg = f"no structure hook for {t!r}"
                raise TypeError(msg)
            self._hooks[t] = hook
            return hook
