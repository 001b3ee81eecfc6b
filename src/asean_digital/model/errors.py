"""
The exceptions the library raises.

Every error derives from :class:`AseanDigitalError` and also from the builtin
a caller would naturally catch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar, Final

__all__ = [
    "AmbiguousKeyError",
    "AseanDigitalError",
    "DataError",
    "NotFoundError",
    "Problem",
    "Problems",
    "shown",
]


def shown(value: object, limit: int = 60) -> str:
    """
    *value* as a message shows it: its repr, cut to *limit* characters; a huge int by its size.

    Python will not turn an int of more than 4,300 digits into text, and a message
    should not echo a megabyte of input back.

    >>> shown("ATRC"), shown(10**5000), shown("x" * 100)[-3:]
    ("'ATRC'", 'an integer of about 5001 digits', 'xx…')
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        if value.bit_length() < 14_000:  # within the 4,300 digits Python turns into text
            return f"an integer of {len(str(abs(value)))} digits"
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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

    >>> import asean_digital as ad
    >>> try:
    ...     ad.registry.body("ADGMN")
    ... except ad.NotFoundError as e:
    ...     e.key, e.kind, e.suggestions[0]
    ('ADGMN', 'body', 'ADGMIN')
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

    Three different *Singapore Declarations* are on record (2003, 2013 and
    2024): their shared title finds none; their ids, or a search, tell them apart.

    Attributes:
        candidates: The ids of every record the key matches.

    >>> import asean_digital as ad
    >>> try:
    ...     ad.registry.document("Singapore Declaration")
    ... except ad.AmbiguousKeyError as e:
    ...     e.candidates
    ('singapore-declaration-2003', 'singapore-declaration-2013', 'singapore-declaration-2024')
    """

    __module__ = "asean_digital"

    def __init__(self, key: object, kind: str, candidates: Sequence[str]) -> None:
        self.candidates = tuple(candidates)
        super().__init__(key, kind, self.candidates)
        listed = ", ".join(repr(c) for c in self.candidates)
        self.args = (f"{key!r} matches {len(self.candidates)} records of kind {kind}: {listed}; use an id",)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.key, self.kind, self.candidates)


_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape").decode("ascii")


class Problem(str):
    """
    One problem with the data, as one line that also knows its parts: the file, the JSON path, the message.

    It is the line the error message shows (``"<file>: <JSON path>: <what is wrong>"``),
    so it compares, prints and pickles as that text; an editor integration reads
    :attr:`file`, :attr:`path` and :attr:`message` instead of parsing it.

    >>> p = Problem("mine.json: $.bodies[3].parent: 'zz' is not the id of any body")
    >>> p.file, p.path, p.message
    ('mine.json', '$.bodies[3].parent', "'zz' is not the id of any body")
    >>> str(p)
    "mine.json: $.bodies[3].parent: 'zz' is not the id of any body"
    """

    __slots__ = ()
    __module__ = "asean_digital"

    def _parts(self) -> tuple[str, str, str]:
        file, found, rest = self.partition(": $")
        if not found:  # not of the usual form: all of it is the message
            return "", "", str(self)
        path, _, message = ("$" + rest).partition(": ")
        return file, path, message

    @property
    def file(self) -> str:
        """The file the problem is in, as it was given (``""`` where none is named)."""
        return self._parts()[0]

    @property
    def path(self) -> str:
        """The JSON path of the value the problem is about (``"$.bodies[3].parent"``)."""
        return self._parts()[1]

    @property
    def message(self) -> str:
        """What is wrong, and how to put it right where that can be said."""
        return self._parts()[2]


class Problems(list[str]):
    """
    Problems as they are found: the first *limit* kept, the rest only counted, so memory stays bounded.

    >>> found = Problems(limit=2)
    >>> found.extend(["a", "b", "c"])
    >>> list(found), found.more, found.full
    (['a', 'b'], 1, True)
    """

    def __init__(self, limit: int = 1000) -> None:
        super().__init__()
        self.limit = limit
        self.more = 0

    @property
    def full(self) -> bool:
        """Whether a further problem would only be counted: a check may skip working out its words."""
        return len(self) >= self.limit

    def append(self, problem: str) -> None:
        """Keep *problem*, or count it once the list is full."""
        if self.full:
            self.more += 1
        else:
            super().append(problem)

    def extend(self, problems: Iterable[str]) -> None:
        """Keep or count each of *problems*, and count what they had only counted."""
        for problem in problems:
            self.append(problem)
        self.more += getattr(problems, "more", 0)


class DataError(AseanDigitalError, ValueError):
    """
    Data, packaged or from an overlay, is malformed or inconsistent.

    The message lists the problems found, each with its file and JSON path
    (``bodies.json: $.bodies[3].parent: ...``): the first 50 in full, each
    cut to 500 characters, then how many more there are. :attr:`problems`
    holds the first 1,000 (``KEPT``) and :attr:`more` counts the rest,
    so a hostile file cannot make the error as large as itself. Nothing from
    data that raises this error is ever applied.

    Attributes:
        problems: One :class:`Problem` per problem kept: a line
            ``"<file>: <JSON path>: <what is wrong>"`` with its ``file``,
            ``path`` and ``message``.
        more: How many problems were found beyond those kept.

    >>> e = DataError([f"x.json: $.bodies[{i}]: bad" for i in range(60)])
    >>> len(e.problems), e.more, str(e).splitlines()[-1]
    (60, 0, '  ... and 10 more (all of them are in DataError.problems)')
    >>> e = DataError([f"x.json: $.bodies[{i}]: bad" for i in range(1200)])
    >>> len(e.problems), e.more, str(e).splitlines()[0]
    (1000, 200, '1200 problems in the data:')
    """

    __module__ = "asean_digital"

    SHOWN: ClassVar[int] = 50
    """How many problems the message shows in full."""
    WIDTH: ClassVar[int] = 500
    """The most characters of one problem the message shows."""
    KEPT: ClassVar[int] = 1000
    """How many problems :attr:`problems` holds; the rest are counted in :attr:`more`."""

    def __init__(self, problems: Sequence[str], more: int | None = None) -> None:
        # One line each, whatever the data held: a newline or escape code in a field name is shown escaped.
        self.problems = tuple(Problem(_CONTROL.sub(_escape, p)) for p in problems[: self.KEPT])
        self.more = max(0, len(problems) - self.KEPT) + (
            getattr(problems, "more", 0) if more is None else more
        )
        count = len(self.problems) + self.more
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        shown = [
            p if len(p) <= self.WIDTH else p[: self.WIDTH - 1] + "…" for p in self.problems[: self.SHOWN]
        ]
        if count > self.SHOWN:
            where = (
                "all of them are in DataError.problems"
                if not self.more
                else f"the first {len(self.problems)} are in DataError.problems"
            )
            shown.append(f"... and {count - self.SHOWN} more ({where})")
        super().__init__("\n  ".join([head, *shown]))

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.problems, self.more)
