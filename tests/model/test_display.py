"""Rich display and the Results tuple."""

from __future__ import annotations

import html
import json
import pathlib

import asean_digital as ad
from asean_digital import Results

reg = ad.registry


class TestRepr:
    def test_short(self) -> None:
        """An entity's repr is its class, id and name, one line."""
        assert (
            repr(reg.body("ATRC")) == "Body(id='atrc', name='ASEAN Telecommunications Regulators’ Council')"
        )
        assert repr(reg.document("PDP Framework")).startswith("Document(id='pdp-framework', title=")
        assert (
            repr(reg.relations(subject="atrc", predicate="advises")[0])
            == "Relation(id='atrc advises adgmin')"
        )

    def test_value_types_keep_full_repr(self) -> None:
        """Small value types keep their full attrs repr."""
        assert repr(ad.PartialDate(2019, 10)) == "PartialDate(year=2019, month=10, day=None)"


class TestHtml:
    def test_card(self) -> None:
        """A query's single result shows as a card: history, meetings, its registry's relations, sources."""
        found = reg.bodies(kind="ministerial")
        assert [b.id for b in found] == ["adgmin"]
        card = found._repr_html_()
        for text in ("Naming history", "TELMIN", "Meetings", "Relations", "atrc advises adgmin", "Sources"):
            assert html.escape(text) in card
        assert "<script" not in card

    def test_card_marks_each_fields_sources(self) -> None:
        """Each field is marked with its sources' numbers; the sources give title, address and derivations."""
        card = reg.bodies(kind="ministerial")._repr_html_()
        assert "<th>name</th><td>ASEAN Digital Ministers Meeting<sup>[1]</sup></td>" in card
        assert "<th>kind</th><td>ministerial<sup>[2]</sup></td>" in card
        assert '<a href="https://asean.org/our-communities/economic-community/asean-digital-sector">' in card
        assert "derived, not stated: kind: from" in card

    def test_a_record_on_its_own_shows_its_own_fields(self) -> None:
        """A record shown on its own lists what it holds, and no relations it cannot know."""
        card = reg.body("ADGMIN")._repr_html_()
        assert "Naming history" in card
        assert "Sources" in card
        assert "Relations" not in card
        assert "atrc advises adgmin" not in card

    def test_a_record_on_its_own_names_its_sources(self) -> None:
        """A packaged record's own card gives each source's title and address, not only its id."""
        card = reg.body("ATRC")._repr_html_()
        assert (
            "<li>[1] seed-page: Major Sectoral Bodies/Committees — ASEAN Digital Sector "
            '(<a href="https://asean.org/our-communities/economic-community/asean-digital-sector">'
        ) in card

    def test_an_overlay_registrys_card_lists_its_own_relations(self, tmp_path: pathlib.Path) -> None:
        """A card from ``ad.load(overlay)`` lists that registry's relations, not the packaged ones'."""
        overlay = {
            "relations": [
                {
                    "subject": "ansac",
                    "predicate": "supports",
                    "object": "adgmin",
                    "sources": [{"document": "seed-page", "section": "Overview"}],
                }
            ]
        }
        path = tmp_path / "mine.json"
        path.write_text(json.dumps(overlay), encoding="utf-8")
        mine = ad.load(path)
        ours = mine.bodies(kind="ministerial")._repr_html_()
        packaged = reg.bodies(kind="ministerial")._repr_html_()
        assert "ansac supports adgmin" in ours
        assert "ansac supports adgmin" not in packaged
        assert "atrc advises adgmin" in ours

    def test_table(self) -> None:
        """A result shows as a table with one row per record and a caption."""
        table = reg.bodies()._repr_html_()
        assert table.count("<tr>") == 1 + len(reg.bodies())
        assert "<caption>16 × Body</caption>" in table
        assert (
            reg.bodies(kind="ministerial", established_after=2100)._repr_html_()
            == "<p><em>No records.</em></p>"
        )

    def test_escaping(self) -> None:
        """Text is escaped, so data cannot inject markup."""
        assert "&amp;" in reg.documents(kind="link")._repr_html_()


class TestResults:
    def test_is_a_tuple(self) -> None:
        """Results compare, slice and unpack as tuples."""
        found = reg.bodies(established_before=2000)
        assert isinstance(found, tuple)
        assert isinstance(found, Results)
        assert found == (reg.body("ATRC"),)
        (only,) = found
        assert only.id == "atrc"
        assert reg.children("SSM") == ()

    def test_slices_keep_their_type(self) -> None:
        """A slice of results is results of the same registry, with its conversions; an item is a record."""
        found = reg.documents(kind="guideline")
        first = found[:3]
        assert isinstance(first, Results)
        assert first.registry is reg
        assert first == found[:3] == tuple(found)[:3]
        assert first.to_dataframe().shape[0] == 3
        assert found[0] is next(iter(found))
        assert found[::-1] == tuple(reversed(found))

    def test_conversions(self) -> None:
        """Results convert to records and DataFrames."""
        found = reg.member_states(as_of=1990)
        assert [r["id"] for r in found.to_records()] == ["ID", "MY", "PH", "SG", "TH", "BN"]
        assert found.to_dataframe().shape[0] == 6
