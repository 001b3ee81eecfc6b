"""Lookup keys and their normal form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import asean_digital as ad
from asean_digital.model.keys import kind_of, normalise, record_keys

reg = ad.registry


class TestNormalise:
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("Putra Jaya", "Putrajaya"),
            ("U.S.", "US"),
            ("ADGSOM WG", "adgsom-wg"),
            ("ASEAN Telecommunications Regulators’ Council", "asean telecommunications regulators council"),
            ("Đà Nẵng", "Da Nang"),
        ],
    )
    def test_same_key(self, a: str, b: str) -> None:
        """Case, punctuation, spacing and accents do not distinguish keys."""
        assert normalise(a) == normalise(b)

    @given(st.text())
    def test_idempotent(self, text: str) -> None:
        """Normalising a normal form changes nothing, and leaves only case-folded letters and digits."""
        once = normalise(text)
        assert normalise(once) == once
        assert all(c.isalnum() for c in once)
        assert once == once.casefold()

    @given(st.text(alphabet=st.characters(codec="ascii")))
    def test_ascii_keys_keep_ascii_letters_and_digits(self, text: str) -> None:
        once = normalise(text)
        assert all(c.isascii() and (c.isdigit() or c.islower()) for c in once)
        assert once == "".join(c for c in text.lower() if c.isascii() and c.isalnum())


class TestRecordKeys:
    def test_body_keys_include_former_names(self) -> None:
        """A body's keys are every name and acronym it bore, and its id."""
        keys = record_keys(reg.body("adgmin"))
        assert "TELMIN" in keys
        assert "ASEAN Telecommunications and Information Technology Ministers Meeting" in keys
        assert "ADGMIN" in keys

    def test_member_state_keys(self) -> None:
        """A member state is found by name, alpha-2, alpha-3; 'Vietnam' is the same key as 'Viet Nam'."""
        assert set(record_keys(reg.member_state("VN"))) == {"Viet Nam", "VNM", "VN"}
        assert reg.member_state("Vietnam").id == "VN"
        assert set(record_keys(reg.member_state("LA"))) == {
            "Lao PDR",
            "LAO",
            "Laos",
            "LA",
        }

    def test_declaration_has_year_key(self) -> None:
        """A declaration's title with its year is a key, which tells the two Singapore Declarations apart."""
        assert "Singapore Declaration 2013" in record_keys(reg.document("singapore-declaration-2013"))

    def test_search_finds_every_spelling_and_a_declarations_meeting(self) -> None:
        """Search matches both spellings of a key, and a declaration by its city and its meeting."""
        for text in ("Putra Jaya Declaration", "Putrajaya Declaration", "Putrajaya"):
            assert reg.search(text, kind="document")[0].entity.id == "putrajaya-declaration-2021", text
        found = [m.entity.id for m in reg.search("1st ADGMIN", kind="document")]
        assert "putrajaya-declaration-2021" in found

    def test_kind_of(self) -> None:
        """Kinds are named as messages name them."""
        assert kind_of(reg.member_state("TH")) == "member state"
        assert kind_of(reg.document("Cebu Declaration")) == "document"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_fast_path_normalises_as_the_general_rule(text: str) -> None:
    """For ASCII text, lower case minus non-alphanumerics is the accent-folding rule's result."""
    import re

    from asean_digital.model.keys import fold

    assert normalise(text) == re.sub(r"[^0-9a-z]+", "", fold(text))
