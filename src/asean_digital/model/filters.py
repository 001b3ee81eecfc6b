"""
Query filters, declared once per collection and read by the registry and the command line.

A :class:`Filter` names a keyword argument of a collection's query, the
fields of a record it matches and how a value given for it is understood: a
key of a kind of record, a member of an enumeration, a year, a count, a
place name, a yes/no, or a point in time the record's principal date falls
before or after. The registry's typed query methods pass their arguments to
the generic query, which reads these declarations; the command line makes an
option of each (``established_before`` is ``--established-before``), with
the declaration's help, and names the option in its errors.

>>> from asean_digital.model.collections import collection
>>> [f.flag for f in collection("bodies").filters]
['--kind', '--parent', '--partner', '--established-before', '--established-after']
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterator
from typing import Any, Final, TypeVar

import attrs

from .dates import to_partial_date
from .errors import shown
from .fields import values_at

__all__ = ["HOWS", "Filter", "enum_arg", "values_of", "year_arg"]

E = TypeVar("E", bound=enum.Enum)

HOWS: Final = ("key", "enum", "year", "count", "place", "flag", "before", "after")
"""How a filter's value is understood (see :attr:`Filter.how`)."""

_METAVARS: Final = {
    "key": "KEY",
    "year": "YEAR",
    "count": "N",
    "place": "CITY",
    "before": "WHEN",
    "after": "WHEN",
}


@attrs.frozen
class Filter:
    """
    One keyword filter of a collection's query.

    Attributes:
        name: The keyword argument (``"established_before"``).
        how: How its value is understood: ``"key"`` (a key of a record of
            the kind *target* names, resolved to its id), ``"enum"`` (a
            member of the enumeration *target*, or its value or name),
            ``"year"`` (an int year, matched against the year of the dates
            in *fields*), ``"count"`` (an int of at least 1), ``"place"`` (a
            name matched regardless of case, spacing and accents), ``"flag"``
            (``True`` or ``False``), ``"before"`` / ``"after"`` (a point in
            time the record's principal date falls wholly before / after).
        help: What it keeps, in a few words, completing "records ...":
            the command line's option help.
        fields: The paths of the record's fields it matches (as
            :attr:`~asean_digital.model.table.Reference.field`
            writes them); none for ``"before"`` and ``"after"``.
        target: For ``"key"``, the kind of record the key finds (``"*"``
            for any); for ``"enum"``, the enumeration.
    """

    name: str
    how: str = attrs.field(validator=attrs.validators.in_(HOWS))
    help: str
    fields: tuple[str, ...] = ()
    target: Any = None

    @property
    def flag(self) -> str:
        """The command line's option: ``--`` and the name, words joined by hyphens."""
        return "--" + self.name.replace("_", "-")

    @property
    def metavar(self) -> str | None:
        """What the option's help shows for its value (``KEY``, ``WHEN``); ``None`` for a choice."""
        return _METAVARS.get(self.how)

    @property
    def choices(self) -> tuple[str, ...]:
        """The values an ``"enum"`` filter accepts on the command line; empty for the others."""
        return tuple(str(m.value) for m in self.target) if self.how == "enum" else ()

    def value(self, given: object) -> Hashable:
        """
        *given* as the filter matches it, checked; keys are left to the registry to resolve.

        Raises:
            TypeError: *given* is of the wrong type.
            ValueError: *given* is of the right type but no valid value.

        >>> from asean_digital.model.collections import collection
        >>> [f.value(v) for f, v in zip(collection("bodies").filters, ["working-group", "ATRC"])]
        [<BodyKind.WORKING_GROUP: 'working_group'>, 'ATRC']
        """
        if self.how == "enum":
            member: enum.Enum = enum_arg(self.target, given, self.name)
            return member
        if self.how == "year":
            return year_arg(given, self.name)
        if self.how == "count":
            return _count_arg(given, self.name)
        if self.how == "flag":
            if not isinstance(given, bool):
                msg = f"{self.name} must be True, False or None, got {given!r}"
                raise TypeError(msg)
            return given
        if self.how == "place":
            return _text_key(given, self.name)
        if self.how in {"before", "after"}:
            return to_partial_date(given, argument=self.name)
        return given  # a key: the registry resolves it, and says what is wrong with it


def values_of(f: Filter, record: Any) -> Iterator[Hashable]:
    """
    What *record* holds for the filter *f* to match: the values at its fields, as it compares them.

    >>> import asean_digital as ad
    >>> from asean_digital.model.collections import collection
    >>> partner = collection("bodies").filters[2]
    >>> sorted(values_of(partner, ad.registry.body("ADGSOM")))
    ['CN', 'EU', 'IN', 'ITU', 'JP', 'KR', 'US']
    """
    from .keys import normalise  # noqa: PLC0415 - and the keys import the table

    for field in f.fields:
        for _, value in values_at(record, field):
            if f.how == "year":
                yield value.year
            elif f.how == "place":
                yield normalise(value)
            else:
                yield value


def enum_arg(cls: type[E], value: object, argument: str) -> E:
    """
    The member of *cls* a filter argument names: a member, or its value or name in any case.

    >>> from asean_digital.model.parts import BodyKind
    >>> enum_arg(BodyKind, "Working Group", "kind")
    <BodyKind.WORKING_GROUP: 'working_group'>
    """
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        wanted = value.strip().casefold().replace("-", "_").replace(" ", "_")
        for member in cls:
            if wanted in {member.value.casefold(), member.name.casefold()}:
                return member
        allowed = ", ".join(repr(m.value) for m in cls)
        msg = f"{argument} must be one of {allowed} (or a {cls.__name__}), got {value!r}"
        raise ValueError(msg)
    msg = f"{argument} must be a {cls.__name__} or its name as a string, got {type(value).__name__} {value!r}"
    raise TypeError(msg)


def year_arg(value: object, argument: str) -> int:
    """A year filter argument, checked: an int from 1 to 9999."""
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{argument} must be a year (int), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not 1 <= value <= 9999:
        msg = f"{argument} must be a year between 1 and 9999, got {shown(value)}"
        raise ValueError(msg)
    return value


def _count_arg(value: object, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{argument} must be a positive int, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if value < 1:
        msg = f"{argument} must be at least 1, got {shown(value)}"
        raise ValueError(msg)
    return value


def _text_key(value: object, argument: str) -> str:
    if not isinstance(value, str):
        msg = f"{argument} must be a string, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    from .keys import normalise  # noqa: PLC0415 - the keys import the table, which imports this module

    key = normalise(value)
    if not key:
        msg = f"{argument} must name something, got {value!r}"
        raise ValueError(msg)
    return key
