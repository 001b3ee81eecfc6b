"""The evidence ledger: research/evidence.csv has one checked search per packaged web source."""

from __future__ import annotations

import csv
import datetime
from collections import Counter
from pathlib import Path

import pytest

import asean_digital as ad

HEADER = ["source", "url", "query", "excerpt", "checked", "confirm_query", "status"]
MAX_EXCERPT_WORDS = 15


def repo_root() -> Path:
    """The nearest folder above this file that holds pyproject.toml."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    raise AssertionError(f"no pyproject.toml above {here}")


def evidence_path() -> Path:
    """The ledger's path, or a skip where research/ is not shipped (an sdist, for one)."""
    research = repo_root() / "research"
    if not research.is_dir():
        pytest.skip("research/ is not part of this tree")
    return research / "evidence.csv"


def read_ledger() -> tuple[list[str], list[dict[str, str]]]:
    """The ledger's header and its rows."""
    with evidence_path().open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def web_sources() -> dict[str, str]:
    """Each packaged source that has an address, by id."""
    return {s.id: s.url for s in ad.registry.sources() if s.url}


def test_header_is_exact() -> None:
    """The ledger's columns are exactly the agreed seven, in order."""
    header, _ = read_ledger()
    assert header == HEADER


def test_every_web_source_has_exactly_one_row() -> None:
    """Each source with an address appears in exactly one row."""
    _, rows = read_ledger()
    counts = Counter(row["source"] for row in rows)
    assert {sid: counts[sid] for sid in web_sources() if counts[sid] != 1} == {}


def test_no_row_for_an_unknown_source() -> None:
    """Every row names a source that the package holds."""
    _, rows = read_ledger()
    known = {s.id for s in ad.registry.sources()}
    assert [row["source"] for row in rows if row["source"] not in known] == []


def test_row_url_is_the_sources_url() -> None:
    """Each row's address is, character for character, its source's address."""
    _, rows = read_ledger()
    urls = web_sources()
    wrong = [(row["source"], row["url"]) for row in rows if urls.get(row["source"]) != row["url"]]
    assert wrong == []


def test_rows_are_filled_in() -> None:
    """Each row has a query, a short excerpt, an ISO check date and a confirming query."""
    _, rows = read_ledger()
    for row in rows:
        sid = row["source"]
        assert row["query"].strip(), sid
        assert row["confirm_query"].strip(), sid
        assert row["excerpt"].strip(), sid
        assert len(row["excerpt"].split()) <= MAX_EXCERPT_WORDS, sid
        checked = row["checked"]
        assert datetime.date.fromisoformat(checked).isoformat() == checked, sid


def test_a_sources_access_date_is_its_ledger_check() -> None:
    """Each web source's ``accessed`` (what a citation gives as its access date) is the ledger's check."""
    _, rows = read_ledger()
    checked = {row["source"]: datetime.date.fromisoformat(row["checked"]) for row in rows}
    for source in ad.registry.sources():
        if source.url:
            assert source.accessed is not None, source.id
            assert source.accessed.earliest == checked[source.id], source.id
            assert source.accessed.precision == "day", source.id
