"""The id forms the validator checks with str methods, held to the patterns they stand for."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from asean_digital.model.rules import is_code, is_slug, is_upper_letters

# Characters near every edge of the patterns: both cases, digits, hyphens and other
# punctuation, whitespace, and non-ASCII letters and digits that str methods accept.
_EDGY = st.text(st.sampled_from("abzAZ09-_ .\n\té²İıßK"), max_size=12)
texts = _EDGY | st.text(max_size=12)


@given(texts)
@example("wg-ddg")
@example("wg--ddg")
@example("-wg")
@example("WG-ddg")
def test_slug(text: str) -> None:
    assert is_slug(text) == bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text))


@given(texts)
@example("ITU")
@example("TH")
@example("T")
@example("1TU")
@example("ABCDEFGHIJK")
def test_code(text: str) -> None:
    assert is_code(text) == bool(re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", text))


@given(texts, st.sampled_from([2, 3]))
@example("TH", 2)
@example("THA", 3)
@example("Th", 2)
def test_upper_letters(text: str, length: int) -> None:
    assert is_upper_letters(text, length) == bool(re.fullmatch(f"[A-Z]{{{length}}}", text))
