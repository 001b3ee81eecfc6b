"""
Adding a kind of record: its class, its row (with its filters), its data file and a one-line typed query.

A copy of the package gets a toy kind exactly as a maintainer would add one;
a child process then uses it through loading, lookup, search, its filter (in
the API and as a command-line option), export, the command line, the
strategies and the docs catalogue, with no other edit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import asean_digital as ad

PACKAGE = Path(ad.__file__).parent
DOCS_EXT = Path(__file__).parents[2] / "docs" / "_ext"

TOY_CLASS = '''

@attrs.frozen(kw_only=True, repr=False)
class Toy(Record):
    """
    A toy kind of record, added the way a new kind is.

    Attributes:
        id: Stable lower-case slug.
        name: Its name.
        started: When it began, where known.
        body: The id of the body that runs it.
        aliases: Other names.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.
    """

    id: str
    name: str
    started: PartialDate | None = None
    body: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()
'''

TOY_ROW = """    Collection(
        "toys",
        "records.Toy",
        "toy",
        references=(Reference("body", "bodies"),),
        filters=(Filter("body", "key", "run by this body", ("body",), "body"),),
        date="started",
        command="toys",
        columns=("id", "name", "started", "body"),
        summary="toy records",
    ),
"""

TOY_QUERY = '''
    def toys(self, *, body: str | None = None, source: str | None = None) -> Results[Any]:
        """The toys, filtered: *body* keeps those run by that body (a key)."""
        return self._query("toys", locals())
'''

TOY_DATA = {
    "toys": [
        {
            "id": "toy-one",
            "name": "Toy Quokka Programme",
            "started": "2012-05",
            "body": "atrc",
            "aliases": ["TQP"],
            "sources": [{"document": "seed-page", "section": "Overview"}],
        }
    ]
}

SCRIPT = r"""
import json, sys, tempfile, pathlib
import asean_digital as ad
from asean_digital.cli.main import main

reg = ad.registry
toy = reg.lookup("TQP")
assert type(toy).__name__ == "Toy" and toy.id == "toy-one", toy
assert reg.record("toys", "Toy Quokka Programme") is toy
assert [t.id for t in reg.records("toys")] == ["toy-one"]
assert reg.search("quokka")[0].entity is toy
assert [t.id for t in reg.toys(body="ATRC")] == ["toy-one"]
assert [t.id for t in reg.records("toys", body="atrc")] == ["toy-one"]
assert reg.toys(body="ADGSOM") == ()
try:
    reg.toys(body="Nobody at all")
except ad.NotFoundError as e:
    assert "no body matches 'Nobody at all'" in str(e), str(e)
else:
    raise AssertionError("an unknown body was accepted")
print("filter: ok")
assert [t.id for t in reg.as_of(2011).records("toys")] == []
assert [t.id for t in reg.as_of(2013).records("toys")] == ["toy-one"]
print("loading, lookup, search, as_of: ok")

out = pathlib.Path(tempfile.mkdtemp())
written = ad.export(reg, out / "json")
assert (out / "json" / "toys.json").exists()
assert ad.load(out / "json").record("toys", "toy-one") == toy
ad.export(reg, out / "csv", format="csv")
assert "toy-one" in (out / "csv" / "toys.csv").read_text()
package = json.loads((out / "csv" / "datapackage.json").read_text())
assert "toys" in {r["name"] for r in package["resources"]}
print("export: ok")

assert main(["toys"]) == 0
assert main(["toys", "--body", "ATRC"]) == 0
assert main(["toys", "--body", "Nobody at all"]) == 1
assert main(["show", "TQP"]) == 0
print("cli: ok")

bad = out / "bad.json"
bad.write_text(json.dumps({"toys": [{"id": "toy-two", "name": "Toy Wombat", "body": "nobody",
    "sources": [{"document": "seed-page", "section": "Overview"}]}]}))
try:
    ad.load(bad)
except ad.DataError as e:
    assert "$.toys[0].body: 'nobody' is not the id of any body" in str(e), str(e)
else:
    raise AssertionError("a dangling reference loaded")
print("validation: ok")

from hypothesis import given, settings
from asean_digital import strategies

@settings(max_examples=25, deadline=None, database=None)
@given(strategies.records("toys"))
def drawn_alone(record):
    path = out / "drawn.json"
    path.write_text(json.dumps({"toys": [ad.converter.unstructure(record)]}))
    loaded = ad.load(path).record("toys", record.id)
    assert loaded.sources[:-1] == record.sources and loaded.sources[-1].document == "overlay-1"

@settings(max_examples=25, deadline=None, database=None)
@given(strategies.datasets(max_records=2, replacements=False))
def in_datasets(files):
    strategies.load_files(files)

drawn_alone()
in_datasets()
print("strategies: ok")

sys.path.insert(0, sys.argv[1])
import catalogue
pages = catalogue.render(reg)
assert "toys.md" in pages, sorted(pages)
assert "Toy Quokka Programme" in pages["toys.md"] and "(catalogue-toys)=" in pages["toys.md"]
assert "catalogue-toys" in pages["index.md"]
print("catalogue: ok")
"""


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package with the toy kind added: a class, a table row and a data file."""
    root = tmp_path_factory.mktemp("extended")
    copy = root / "asean_digital"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    entities = copy / "model" / "records.py"
    entities.write_text(entities.read_text(encoding="utf-8") + TOY_CLASS, encoding="utf-8")
    table = copy / "model" / "collections.py"
    text = table.read_text(encoding="utf-8")
    anchor = '    Collection(\n        "relations",'
    assert text.count(anchor) == 1
    text = text.replace(anchor, TOY_ROW + anchor)  # the row names the class's place: no import to add
    table.write_text(text, encoding="utf-8")
    kinds = copy / "query" / "kinds.py"
    kinds.write_text(kinds.read_text(encoding="utf-8") + TOY_QUERY, encoding="utf-8")
    version = json.loads((copy / "data" / "bodies.json").read_text(encoding="utf-8"))["data_version"]
    data = {"data_version": version, **TOY_DATA}
    (copy / "data" / "toys.json").write_text(json.dumps(data), encoding="utf-8")
    return root


def test_a_new_kind_needs_only_its_class_row_and_data(extended: Path) -> None:
    """The toy kind loads, is found, searched, exported, listed, drawn and catalogued."""
    env = {**os.environ, "PYTHONPATH": str(extended)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(DOCS_EXT)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=extended,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for part in (
        "loading, lookup, search, as_of",
        "filter",
        "export",
        "cli",
        "validation",
        "strategies",
        "catalogue",
    ):
        assert f"{part}: ok" in result.stdout
    assert "toy-one" in result.stdout  # the CLI's table and card
    assert "--body: no body matches 'Nobody at all'" in result.stderr  # the option named, from the filter


def test_the_copy_differs_from_the_package_in_three_files_and_one_new_one(extended: Path) -> None:
    """What the toy kind took: its class, its row with its filter, its typed query, and its data file."""
    changed = []
    for path in sorted((extended / "asean_digital").rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        original = PACKAGE / path.relative_to(extended / "asean_digital")
        if not original.exists() or original.read_bytes() != path.read_bytes():
            changed.append(str(path.relative_to(extended / "asean_digital")))
    assert changed == ["data/toys.json", "model/collections.py", "model/records.py", "query/kinds.py"]
    by_package = {path.split("/")[0] for path in changed}
    assert by_package == {"data", "model", "query"}
