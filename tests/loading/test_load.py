"""Loading, validation, overlays and the lazy default registry."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import asean_digital as ad
from asean_digital import DataError

SRC = [{"document": "seed-page", "section": "Overview"}]


def body(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "test-wg",
        "acronym": "TWG",
        "name": "Test Working Group",
        "kind": "working_group",
        "parent": "adgsom",
        "established": "2020",
        "names": [{"name": "Test Working Group", "acronym": "TWG", "valid": {"start": "2020", "end": None}}],
        "representation": "Director",
        "role": None,
        "description": "A body made up for tests.",
        "meetings": [],
        "sources": SRC,
    }
    record.update(overrides)
    return record


def write(tmp_path: Path, doc: Any, name: str = "overlay.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def problems_of(*overlays: Path) -> str:
    with pytest.raises(DataError) as info:
        ad.load(*overlays)
    return str(info.value)


class TestOverlays:
    def test_add_a_body(self, tmp_path: Path) -> None:
        """An overlay adds a record that every query then sees."""
        reg = ad.load(write(tmp_path, {"bodies": [body()]}))
        assert reg.body("TWG").parent == "adgsom"
        assert "test-wg" in [b.id for b in reg.children("ADGSOM")]
        assert reg.data_version == "2026.12.07+overlay"

    def test_replace_a_record(self, tmp_path: Path) -> None:
        """A record with an existing id replaces it; the packaged registry is untouched."""
        japan = {"id": "JP", "name": "Nippon", "kind": "country", "sources": SRC}
        reg = ad.load(write(tmp_path, {"partners": [japan]}))
        assert reg.partner("JP").name == "Nippon"
        assert ad.registry.partner("JP").name == "Japan"
        assert len(reg.partners()) == len(ad.registry.partners())

    def test_later_overlay_wins(self, tmp_path: Path) -> None:
        """Overlays apply in order: a later one replaces what an earlier one added."""
        au = {"id": "AU", "name": "Australia", "kind": "country", "sources": SRC}
        first = write(tmp_path, {"partners": [au]}, "a.json")
        second = write(tmp_path, {"partners": [{**au, "name": "Commonwealth of Australia"}]}, "b.json")
        assert ad.load(first, second).partner("AU").name == "Commonwealth of Australia"
        assert ad.load(second, first).partner("AU").name == "Australia"

    def test_folder_reads_every_file(self, tmp_path: Path) -> None:
        """A folder is one overlay of all its .json files; an id twice in it is a conflict."""
        au = {"id": "AU", "name": "Australia", "kind": "country", "sources": SRC}
        write(tmp_path, {"partners": [au]}, "a.json")
        write(tmp_path, {"bodies": [body()]}, "b.json")
        (tmp_path / "notes.txt").write_text("ignored")
        reg = ad.load(tmp_path)
        assert reg.partner("Australia").id == "AU"
        assert reg.body("TWG").id == "test-wg"
        write(tmp_path, {"partners": [au]}, "c.json")
        assert "duplicate id 'AU' in one overlay" in problems_of(tmp_path)

    def test_declaration_replaces_document_id(self, tmp_path: Path) -> None:
        """Documents and declarations share one id space."""
        decl = {
            "id": "itu-statistics", "title": "ITU Declaration", "kinds": ["declaration"], "published": "2030",
            "body": "adgmin", "meeting_number": 10, "meeting_name": "10th ADGMIN", "city": "Bangkok",
            "host": "TH", "sources": SRC,
        }  # fmt: skip
        reg = ad.load(write(tmp_path, {"declarations": [decl]}))
        assert reg.document("itu-statistics").title == "ITU Declaration"
        assert len(reg.documents()) == len(ad.registry.documents())

    def test_not_a_path(self) -> None:
        """Overlays must be paths."""
        with pytest.raises(TypeError, match="must be a path"):
            ad.load(42)  # type: ignore[arg-type]


class TestDataErrors:
    def test_every_problem_with_file_and_path(self, tmp_path: Path) -> None:
        """All problems are reported together, each with file and JSON path."""
        bad = body(parent="nowhere", established="2020-13", kind="council")
        path = write(tmp_path, {"bodies": [body(id="ok-wg", acronym="OK WG", name="OK WG", names=[]), bad]})
        text = problems_of(path)
        assert f"{path}: $.bodies[1].established" in text
        assert f"{path}: $.bodies[1].kind" in text
        assert "'ministerial', 'senior_officials'" in text

    def test_dangling_reference(self, tmp_path: Path) -> None:
        """A parent that is no body is named with its path."""
        path = write(tmp_path, {"bodies": [body(parent="nowhere")]})
        assert f"{path}: $.bodies[0].parent: 'nowhere' is not the id of any body" in problems_of(path)

    def test_parent_cycle(self, tmp_path: Path) -> None:
        """Making ADGMIN a child of its own working group is a cycle."""
        adgmin = ad.converter.unstructure(ad.registry.body("adgmin"))
        adgmin["parent"] = "ansac"
        assert "parent cycle" in problems_of(write(tmp_path, {"bodies": [adgmin]}))

    def test_ambiguous_key(self, tmp_path: Path) -> None:
        """A new body may not take a key another body has, even a former name."""
        path = write(
            tmp_path,
            {
                "bodies": [
                    body(
                        acronym="TELMIN",
                        names=[
                            {
                                "name": "Test Working Group",
                                "acronym": "TELMIN",
                                "valid": {"start": "2020", "end": None},
                            }
                        ],
                    )
                ]
            },
        )
        found = problems_of(path)
        assert (
            "overlay.json: $.bodies[0]: the key 'TELMIN' is ambiguous: it also finds body 'adgmin'" in found
        )
        assert "change or drop this record's 'TELMIN'" in found
        assert "bodies.json" not in found  # the packaged body is not the one to fix

    def test_naming_gap(self, tmp_path: Path) -> None:
        """A body's names must meet: one ends where the next starts."""
        names = [
            {"name": "Old", "acronym": "OLD", "valid": {"start": "2020", "end": "2021"}},
            {"name": "Test Working Group", "acronym": "TWG", "valid": {"start": "2022", "end": None}},
        ]
        assert "names must be contiguous" in problems_of(write(tmp_path, {"bodies": [body(names=names)]}))

    def test_reversed_period(self, tmp_path: Path) -> None:
        """The page's 2021-2020 would be refused."""
        plan = ad.converter.unstructure(ad.registry.master_plan("adm2025"))
        plan["period"] = {"start": "2021", "end": "2020"}
        text = problems_of(write(tmp_path, {"master_plans": [plan]}))
        assert "$.master_plans[0].period" in text
        assert "cannot end" in text

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            (b"{not json", "invalid JSON at line 1"),
            (b"\xff\xfe\x00", "not UTF-8"),
            (b"[]", "expected a JSON object"),
            (b'{"bodys": []}', "$.bodys: unknown collection"),
            (b'{"bodies": {}}', "$.bodies: expected an array"),
            (b'{"bodies": [1]}', "$.bodies[0]: expected an object"),
            (
                (
                    b'{"partners": [{"id": "AU", "name": "Australia", "kind": "country", "sources": [], '
                    b'"x": 1}]}'
                ),
                "unknown field(s) x",
            ),
            (
                b'{"sources": [{"id": "seed-page", "title": "Mine", "description": "x"}]}',
                "'seed-page' is a packaged source document; an overlay cannot replace it",
            ),
            (b'{"partners": [{"id": "AU", "kind": "country", "sources": []}]}', "$.partners[0].name"),
            (b'{"partners": [{"id": 5, "name": "X", "kind": "country", "sources": []}]}', "$.partners[0].id"),
        ],
    )
    def test_malformed_files(self, tmp_path: Path, content: bytes, expected: str) -> None:
        """Malformed overlays raise DataError naming the file and what is wrong."""
        path = tmp_path / "bad.json"
        path.write_bytes(content)
        text = problems_of(path)
        assert str(path) in text
        assert expected in text

    def test_an_overlay_cites_itself(self, tmp_path: Path) -> None:
        """Each record an overlay adds or replaces cites the overlay file, last; one given unchanged, not."""
        path = tmp_path / "mine.json"
        atrc = ad.converter.unstructure(ad.registry.body("ATRC"))
        adgsom = ad.converter.unstructure(ad.registry.body("ADGSOM")) | {"description": "Mine."}
        au = {"id": "AU", "name": "Australia", "kind": "country", "sources": []}
        path.write_text(json.dumps({"partners": [au], "bodies": [atrc, adgsom]}), encoding="utf-8")
        mine = ad.load(path)
        (cited,) = mine.partner("AU").sources
        assert (cited.document, cited.section, cited.fields) == ("overlay-1", "$.partners[0]", ())
        document = mine.source("overlay-1")
        assert document.title == "mine.json"
        assert document.location == str(path)
        assert mine.body("ADGSOM").sources_for("description")[-1].document == "overlay-1"
        assert mine.body("ATRC") == ad.registry.body("ATRC")  # unchanged: nothing to cite

    def test_missing_path(self, tmp_path: Path) -> None:
        """A path that does not exist is a DataError, not an OSError."""
        assert "no such file or folder" in problems_of(tmp_path / "nope.json")

    def test_all_or_nothing(self, tmp_path: Path) -> None:
        """A good overlay next to a bad one applies nothing, and the default registry is unchanged."""
        before = ad.registry
        good = write(tmp_path, {"bodies": [body()]}, "good.json")
        bad = write(
            tmp_path, {"bodies": [body(id="bad-wg", acronym="BWG", name="B", parent="x")]}, "bad.json"
        )
        with pytest.raises(DataError):
            ad.load(good, bad)
        assert ad.registry is before
        assert ad.registry.get("test-wg") is None

    def test_is_a_value_error(self) -> None:
        """DataError is catchable as ValueError."""
        assert issubclass(DataError, ValueError)


class TestLazyRegistry:
    def test_import_reads_no_data(self) -> None:
        """Importing the package loads no dependency, no model and no data file."""
        code = (
            "import sys, asean_digital as ad\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'attr', 'attrs', 'cattrs', 'json'}"
            " or m.startswith('asean_digital.'))\n"
            "assert not loaded, loaded\n"
            "ad.Body\n"
            "assert 'attrs' in sys.modules and 'asean_digital.loading.load' not in sys.modules\n"
            "print('ok')\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert result.stdout.strip() == "ok", result.stderr

    def test_first_query_needs_no_cattrs(self) -> None:
        """Loading the packaged data and answering from it never imports cattrs; the converter does."""
        code = (
            "import sys, asean_digital as ad\n"
            "assert [b.acronym for b in ad.registry.bodies(established_before=2012)] == "
            "['ATRC', 'ADGSOM', 'ADGMIN', 'SSM']\n"
            "assert 'cattrs' not in sys.modules, 'cattrs imported by the first query'\n"
            "ad.converter\n"
            "assert 'cattrs' in sys.modules\n"
            "print('ok')\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert result.stdout.strip() == "ok", result.stderr

    def test_first_query_builds_only_the_classes_it_reads(self) -> None:
        """A query of bodies imports the bodies' module, no other kind's; one of meetings imports theirs."""
        code = (
            "import sys, asean_digital as ad\n"
            "KINDS = {'records', 'documents', 'meeting', 'competition', 'process',\n"
            "         'sector', 'activities', 'entity'}\n"
            "def kinds():\n"
            "    return sorted(m[len('asean_digital.model.'):] for m in sys.modules\n"
            "                  if m.startswith('asean_digital.model.') and m.split('.')[-1] in KINDS)\n"
            "ad.registry.bodies(established_before=2012)\n"
            "print(kinds())\n"
            "print(ad.registry.meeting('12th TELMIN').name, kinds())\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert result.stdout.splitlines() == [
            "['records']",
            "12th TELMIN ['meeting', 'records']",
        ], result.stderr

    def test_a_refused_record_is_worded_by_cattrs(self, tmp_path: Path) -> None:
        """The fast path refuses; cattrs' detailed structuring, loaded then, words the problem."""
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps({"partners": [{"id": "AU", "name": 5, "kind": "country", "sources": []}]}))
        code = (
            "import sys, asean_digital as ad\n"
            "try:\n"
            f"    ad.load({str(bad)!r})\n"
            "except ad.DataError as e:\n"
            "    print(e)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert "$.partners[0].name: expected a string, got int 5" in result.stdout, result

    def test_threads_load_once(self) -> None:
        """Many threads touching the registry at first use all get one and the same registry."""
        code = (
            "import threading, asean_digital as ad\n"
            "seen = []\n"
            "barrier = threading.Barrier(16)\n"
            "def work():\n"
            "    barrier.wait()\n"
            "    seen.append(id(ad.registry))\n"
            "ts = [threading.Thread(target=work) for _ in range(16)]\n"
            "[t.start() for t in ts]; [t.join() for t in ts]\n"
            "print(len(set(seen)), len(seen))\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert result.stdout.split() == ["1", "16"], result.stderr

    def test_same_object(self) -> None:
        """The default registry is created once per process."""
        assert ad.registry is ad.registry

    def test_version(self) -> None:
        """The package version comes from installed metadata."""
        assert ad.__version__ == "0.1.0"

    def test_unknown_attribute(self) -> None:
        """A misspelt attribute is an AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="registri"):
            ad.registri  # noqa: B018


def test_threads_share_registry() -> None:
    """Concurrent readers of an already loaded registry see the same object."""
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(id(ad.registry))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 1


def test_every_public_name_resolves_and_names_the_package() -> None:
    """Each public name resolves lazily; each public class says it is ``asean_digital``'s, and pickles so."""
    import pickle

    assert ad.__all__ == sorted(ad.__all__)
    for name in ad.__all__:
        value = getattr(ad, name)
        if isinstance(value, type):
            assert value.__module__ == "asean_digital", name
            assert pickle.loads(pickle.dumps(value)) is value  # noqa: S301 - our own bytes
    assert isinstance(ad.registry, ad.Registry)
    assert ad.registry is ad.registry


def test_concurrent_first_loads() -> None:
    """Threads that all load at first use (hooks not made yet) each get the packaged data, no error."""
    code = (
        "import sys, threading\n"
        "sys.setswitchinterval(1e-6)\n"
        "import asean_digital as ad\n"
        "errors, sizes = [], []\n"
        "gate = threading.Barrier(8)\n"
        "def work():\n"
        "    gate.wait()\n"
        "    try:\n"
        "        sizes.append(len(ad.load().bodies()))\n"
        "    except Exception as e:\n"
        "        errors.append(repr(e))\n"
        "ts = [threading.Thread(target=work) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "print(len(errors), sorted(set(sizes)), errors[:1])\n"
    )
    for _ in range(4):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert result.stdout.split(maxsplit=2)[:2] == ["0", "[16]"], (result.stdout, result.stderr)


def test_problems_are_listed_record_by_record(tmp_path: Path) -> None:
    """A record's problems come before the next record's: a duplicate at [0] before a bad id at [1]."""
    source = [{"document": "seed-page", "section": "Overview"}]

    def doc(rid: str) -> dict[str, Any]:
        return {"id": rid, "title": f"T {rid}", "kinds": ["publication"], "sources": source}

    overlay = tmp_path / "o.json"
    overlay.write_text(json.dumps({"documents": [doc("atrc"), doc("Bad_Id")]}))  # 'atrc' is a body's id
    with pytest.raises(DataError) as info:
        ad.load(overlay)
    problems = info.value.problems
    assert len(problems) == 3
    assert problems[0].endswith("$.documents[0].id: duplicate id 'atrc', also a record of bodies")
    assert problems[1].startswith("bodies.json: $.bodies[")
    assert problems[1].endswith("also a record of documents")
    assert problems[2].endswith("$.documents[1].id: 'Bad_Id' is not a lower-case slug like 'wg-ddg'")


def test_a_query_reads_only_the_files_it_needs() -> None:
    """The first ``bodies()`` opens the bodies' file (and the smallest, for the version) and no other."""
    code = (
        "import sys, os\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == 'open' else None)\n"
        "import asean_digital as ad\n"
        "ad.registry.bodies(established_before=2012)\n"
        "print(sorted({os.path.basename(p) for p in opened if p.endswith('.json')}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['bodies.json', 'sectors.json']"


def test_every_collection_is_in_the_file_named_after_it() -> None:
    """Each packaged file holds one collection, its own: what reading one collection at a time relies on."""
    from importlib import resources

    from asean_digital.model.collections import COLLECTIONS

    folder = resources.files("asean_digital") / "data"
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    assert names == sorted(f"{c.name}.json" for c in COLLECTIONS)
    for c in COLLECTIONS:
        doc = json.loads((folder / f"{c.name}.json").read_text(encoding="utf-8"))
        assert set(doc) == {"data_version", c.name}
