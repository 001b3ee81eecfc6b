"""
Field introspection, in one place: what a field's type is, and what its docstring says of it.

Every later stage that walks the model (structuring, the forgiving input of
overlays, the JSON Schemas, the skeletons, the relational tables, the time
views, the strategies) asks these questions of a field type; the answers
are written here once.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

__all__ = [
    "field_docs",
    "fields_of",
    "is_optional",
    "is_record_class",
    "is_tuple",
    "item_type",
    "publish",
    "record_class_in",
    "types_of",
    "unmarked",
    "values_at",
    "without_none",
]

NONE: Final = type(None)


def is_optional(t: Any) -> bool:
    """
    Whether *t* is ``X | None`` (or ``Optional[X]``).

    >>> is_optional(int | None), is_optional(int)
    (True, False)
    """
    return typing.get_origin(t) in (typing.Union, types.UnionType) and NONE in typing.get_args(t)


def without_none(t: Any) -> Any:
    """
    *t* without ``None``: ``X`` for ``X | None`` (one type X), else *t* itself.

    >>> without_none(str | None), without_none(str)
    (<class 'str'>, <class 'str'>)
    """
    if is_optional(t):
        rest = [a for a in typing.get_args(t) if a is not NONE]
        if len(rest) == 1:
            return rest[0]
    return t


def is_tuple(t: Any) -> bool:
    """
    Whether *t* is a tuple type (the model's sequences are ``tuple[X, ...]``).

    >>> is_tuple(tuple[str, ...]), is_tuple(list[str])
    (True, False)
    """
    return typing.get_origin(t) is tuple


def item_type(t: Any) -> Any:
    """The item type of ``tuple[X, ...]``, or ``None`` for any other type."""
    args = typing.get_args(t)
    return args[0] if is_tuple(t) and len(args) == 2 and args[1] is Ellipsis else None


def is_record_class(t: Any) -> bool:
    """Whether *t* is an attrs class (a record, or a part of one)."""
    return isinstance(t, type) and attrs.has(t)


def record_class_in(t: Any) -> type | None:
    """
    The attrs class inside ``X``, ``X | None`` or ``tuple[X, ...]``, or ``None``.

    >>> from asean_digital.model.parts import Name
    >>> record_class_in(tuple[Name, ...]).__name__, record_class_in(str)
    ('Name', None)
    """
    t = without_none(t)
    if is_tuple(t):
        t = typing.get_args(t)[0]
    return t if is_record_class(t) else None


def fields_of(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of *cls*, with their types resolved (string annotations made types)."""
    if any(isinstance(a.type, str) for a in attrs.fields(cls)):
        attrs.resolve_types(cls)
    found: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return found


def types_of(cls: type) -> dict[str, Any]:
    """The type of each field of *cls*, resolved (:func:`typing.get_type_hints` for an attrs class)."""
    return {a.name: a.type for a in fields_of(cls)}


def publish(namespace: Mapping[str, Any], *classes: type) -> None:
    """
    Name *classes* as the package's own (``asean_digital.Body``), their annotations resolved first.

    Their ``__module__`` becomes ``asean_digital``, where users import them
    from: pickles and the docs name them so, wherever the code lives. The
    string annotations are resolved here, in *namespace* (the defining
    module's globals), since after this they cannot be found from the
    module's name.
    """
    for cls in classes:
        if attrs.has(cls):
            attrs.resolve_types(cls, globalns=dict(namespace))
        cls.__module__ = "asean_digital"


_HEADING: Final = re.compile(r"^\s*Attributes:\s*$")
_ENTRY: Final = re.compile(r"^(\s+)(\w+):\s*(.*)$")


@functools.cache
def field_docs(cls: type) -> dict[str, str]:
    """
    Each field of *cls* with its description, from the ``Attributes:`` sections of its docstrings.

    Read once per class (a problem message per record of a large file asks again).

    >>> from asean_digital import Declaration
    >>> field_docs(Declaration)["host"], field_docs(Declaration)["title"]
    ('The id of the member state hosting it.', 'The title as the source gives it.')
    """
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        docs.update(_attributes(klass.__dict__.get("__doc__") or ""))
    return {a.name: unmarked(docs.get(a.name, "")) for a in fields_of(cls)}


def unmarked(text: str) -> str:
    """
    A docstring's words without reStructuredText marks.

    >>> unmarked(':class:`Meeting` ``"adgmin"`` :func:`~asean_digital.load`')
    'Meeting "adgmin" asean_digital.load'
    """
    return re.sub(r":\w+:`~?([^`]+)`", r"\1", text).replace("``", "")


def _attributes(doc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    inside, indent, current = False, None, None
    for line in doc.splitlines():
        if _HEADING.match(line):
            inside, indent, current = True, None, None
            continue
        if not inside:
            continue
        if not line.strip():
            if current is not None:
                current = None
            continue
        entry = _ENTRY.match(line)
        width = len(line) - len(line.lstrip())
        if entry and (indent is None or width == indent):
            indent = width
            current = entry.group(2)
            out[current] = entry.group(3).strip()
        elif current is not None and indent is not None and width > indent:
            out[current] += " " + line.strip()
        else:
            inside = False
    return {k: v.replace("``", "") for k, v in out.items()}


def values_at(record: Any, path: str) -> Iterator[tuple[str, Any]]:
    """
    Each value at the field *path* of *record*, with its JSON path (``.meetings[0].joint_with[1]``).

    ``None`` values are skipped.

    >>> import asean_digital as ad
    >>> list(values_at(ad.registry.body("ATRC"), "parent"))
    [('.parent', 'adgmin')]
    """
    values: list[tuple[str, Any]] = [("", record)]
    for step in path.split("."):
        each = step.endswith("[]")
        name = step[:-2] if each else step
        stepped: list[tuple[str, Any]] = []
        for where, value in values:
            inner = getattr(value, name)
            if inner is None:
                continue
            if each:
                stepped.extend((f"{where}.{name}[{i}]", v) for i, v in enumerate(inner))
            else:
                stepped.append((f"{where}.{name}", inner))
        values = stepped
    return iter(values)
