"""
The domain's rules that validation and the strategies share: id forms and meeting ordinals.

Validation refuses what breaks them; the strategies draw only what keeps them.
The forms are checked with ``str`` methods rather than regular expressions
(compiling those would cost more than the checks); the tests hold each to its
pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

__all__ = ["ID_FORMS", "ORDINAL_NAME", "is_code", "is_slug", "is_upper_letters", "ordinal"]


def is_slug(text: str) -> bool:
    """
    ``[a-z0-9]+(?:-[a-z0-9]+)*``: lower-case letters and digits, in words joined by single hyphens.

    >>> is_slug("wg-ddg"), is_slug("WG-DDG"), is_slug("wg--ddg")
    (True, False, False)
    """
    return text.isascii() and all(part.isalnum() and part == part.lower() for part in text.split("-"))


def is_code(text: str) -> bool:
    """
    ``[A-Z][A-Z0-9]{1,9}``: an upper-case code of 2 to 10 letters and digits, starting with a letter.

    >>> is_code("ITU"), is_code("T"), is_code("1T")
    (True, False, False)
    """
    return (
        2 <= len(text) <= 10
        and text.isascii()
        and text.isalnum()
        and text == text.upper()
        and text[0].isalpha()
    )


def is_upper_letters(text: str, length: int) -> bool:
    """``[A-Z]{length}``: exactly *length* upper-case ASCII letters (an ISO alpha-2 or alpha-3 code)."""
    return len(text) == length and text.isascii() and text.isalpha() and text.isupper()


ID_FORMS: Final[dict[str, tuple[Callable[[str], bool], str]]] = {
    "code": (is_code, "an upper-case code like 'TH' or 'ITU'"),
    "slug": (is_slug, "a lower-case slug like 'wg-ddg'"),
}
"""Each id form of the table of collections: its check, and what it expects in words."""


def ordinal(number: int) -> str:
    """
    *number* as an English ordinal, as meeting names write it.

    >>> ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(22), ordinal(113)
    ('1st', '2nd', '3rd', '11th', '22nd', '113th')
    """
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


ORDINAL_NAME: Final = re.compile(r"^([0-9]+(?:st|nd|rd|th)) (\S.*)$")
"""A meeting's name: its ordinal, a space, and the body's name or acronym (``"19th TELMIN"``)."""
