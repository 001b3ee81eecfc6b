"""
The exceptions the library raises.

Every error derives from :class:`AseanDigitalError` and also from the builtin
a caller would naturally catch.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["AmbiguousKeyError", "AseanDigitalError", "DataError", "NotFoundError"]


class AseanDigitalError(Exception):
    """
    The root of every error this library raises on purpose.

    >>> issubclass(NotFoundError, AseanDigitalError)
    True
    """

    __module__ = "asean_digital"  # where users import it from, and tracebacks say so


class NotFoundError(AseanDigitalError, LookupError):
    """
    A key matches no record.

    The message names the key and the kind of record looked for, and
    suggests the closest existing keys.

    Attributes:
        key: The key that was looked up.
        kind: The kind of record looked for (``"body"``, ``"document"``, ...).
        suggestions: The closest existing keys, best first.
    """

    __module__ = "asean_digital"

    def __init__(self, key: object, kind: str, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.kind = kind
        self.suggestions = tuple(suggestions)
        msg = f"no {kind} matches {key!r}"
        if self.suggestions:
            quoted = ", ".join(repr(s) for s in self.suggestions)
            msg += f"; did you mean {quoted}?"
        super().__init__(msg)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # The message is made from the attributes: rebuild from them, so the
        # error survives pickling (multiprocessing, pytest-xdist).
        return type(self), (self.key, self.kind, self.suggestions)


class AmbiguousKeyError(NotFoundError):
    """
    A key matches more than one record, so no single record can be returned.

    The page lists two different *Singapore Declarations* (2013 and 2024):
    their shared title finds neither; their ids, or a search, tell them apart.

    Attributes:
        candidates: The ids of every record the key matches.
    """

    __module__ = "asean_digital"

    def __init__(self, key: object, kind: str, candidates: Sequence[str]) -> None:
        self.candidates = tuple(candidates)
        super().__init__(key, kind, self.candidates)
        listed = ", ".join(repr(c) for c in self.candidates)
        self.args = (f"{key!r} matches {len(self.candidates)} records of kind {kind}: {listed}; use an id",)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.key, self.kind, self.candidates)


class DataError(AseanDigitalError, ValueError):
    """
    Data, packaged or from an overlay, is malformed or inconsistent.

    The message lists every problem found, each with its file and JSON path
    (``bodies.json: $.bodies[3].parent: ...``). Nothing from data that raises
    this error is ever applied.

    Attributes:
        problems: One line per problem, ``"<file>: <JSON path>: <what is wrong>"``.
    """

    __module__ = "asean_digital"

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n  ".join([head, *self.problems]))

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.problems,)
