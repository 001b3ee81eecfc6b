"""
Data that would break or spoof other programs is refused at load, and output is safe for them.

Each test is one failure of the adversarial run of issue 15, now refused or neutralised.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import asean_digital as ad
from asean_digital import DataError
from asean_digital.cli.main import main


def write(tmp_path: Path, text: str, name: str = "overlay.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def partner(pid: str, name: str) -> dict[str, object]:
    return {"id": pid, "name": name, "kind": "country", "sources": []}


class TestStrictInput:
    def test_a_key_given_twice_in_one_object_is_refused(self, tmp_path: Path) -> None:
        """{"id": "AU", "id": "NZ"} used to keep the last silently."""
        path = write(
            tmp_path,
            '{"partners": [{"id": "AU", "id": "NZ", "name": "X", "kind": "country", "sources": []}]}',
        )
        with pytest.raises(DataError, match=r"\$\.partners\[0\]: the key 'id' is given twice"):
            ad.load(path)

    def test_a_lone_surrogate_is_refused(self, tmp_path: Path) -> None:
        """ "Aus\\ud800tralia" validated, then broke every output of the record."""
        path = write(
            tmp_path,
            '{"partners": [{"id": "AU", "name": "Aus\\ud800tralia", "kind": "country", "sources": []}]}',
        )
        with pytest.raises(DataError, match=r"\$\.partners\[0\]\.name: text with a lone surrogate"):
            ad.load(path)

    def test_the_packaged_files_hold_no_repeated_keys(self) -> None:
        """The packaged files are read without the per-object hook: this test is their check."""
        import importlib.resources

        def no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
            keys = [k for k, _ in pairs]
            assert len(keys) == len(set(keys)), keys
            return dict(pairs)

        files = importlib.resources.files("asean_digital") / "data"
        checked = 0
        for entry in files.iterdir():
            if entry.name.endswith(".json"):
                json.loads(entry.read_text(encoding="utf-8"), object_pairs_hook=no_repeats)
                checked += 1
        assert checked >= 15


class TestKeysCannotBeSpoofed:
    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("ADGMIN", "is the id or acronym of body 'adgmin'"),
            ("adgmin", "is the id or acronym of body 'adgmin'"),
            ("TELMIN", "is the id or acronym of body 'adgmin'"),  # its former acronym
            ("\u0410TRC", "mixes letters of the CYRILLIC and LATIN scripts"),
            ("\u0391SEAN Look", "mixes letters of the GREEK and LATIN scripts"),
            ("Evil\u202eName", "invisible or control character U+202E"),
            ("Tab\tName", "invisible or control character U+0009"),
        ],
    )
    def test_an_impostor_key_is_refused(self, tmp_path: Path, name: str, message: str) -> None:
        """A partner named ADGMIN, or a look-alike acronym, made lookups ambiguous or found the fake."""
        path = write(tmp_path, json.dumps({"partners": [partner("ZZ", name)]}))
        with pytest.raises(DataError, match=re.escape(message)):
            ad.load(path)

    def test_names_in_one_script_with_accents_pass(self, tmp_path: Path) -> None:
        """Vietnamese (Latin with accents) and other single-script names are fine."""
        path = write(tmp_path, json.dumps({"partners": [partner("ZZ", "Đà Nẵng Partner")]}))
        assert ad.load(path).partner("Da Nang Partner").id == "ZZ"

    def test_an_id_always_finds_its_own_record(self) -> None:
        assert ad.registry.lookup("adgmin").id == "adgmin"
        assert ad.registry.search("adgmin")[0].entity.id == "adgmin"


class TestSafeOutput:
    def test_csv_cells_are_not_formulas(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A cell starting = + - @ gets a ' first on the command line; --raw writes it as it is."""
        path = write(tmp_path, json.dumps({"partners": [partner("ZZ", '=HYPERLINK("http://x")')]}))
        assert main(["--overlay", str(path), "partners", "--format", "csv"]) == 0
        out = capsys.readouterr().out
        assert "'=HYPERLINK" in out
        assert main(["--overlay", str(path), "partners", "--format", "csv", "--raw"]) == 0
        out = capsys.readouterr().out
        assert '"=HYPERLINK' in out
        assert "'=HYPERLINK" not in out

    def test_terminal_control_characters_are_shown_not_obeyed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An ESC or OSC sequence in a text reaches the terminal as an escape, not as a command."""
        dialogue: dict[str, object] = {
            "id": "zq-dialogue", "name": "Zq dialogue", "per_year": None, "partners": [], "convener": None,
            "topic": "a \u001b]0;pwned\u0007 topic", "aliases": [], "sources": [],
        }  # fmt: skip
        path = write(tmp_path, json.dumps({"dialogues": [dialogue]}))
        assert main(["--overlay", str(path), "show", "zq-dialogue"]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out
        assert "\x07" not in out
        assert "\\x1b]0;pwned\\x07" in out
        assert main(["--overlay", str(path), "dialogues"]) == 0
        assert "\x1b" not in capsys.readouterr().out

    def test_graph_labels_cannot_inject(self, tmp_path: Path) -> None:
        """An acronym with quotes, brackets and a newline stays inside its label in Mermaid and DOT."""
        evil = 'ZQ"] --> X["click\nclick n0 href "javascript:alert(1)"'
        body = {
            "id": "zq-wg", "acronym": evil, "name": "Zq WG", "kind": "working_group", "parent": "adgsom",
            "established": "2020",
            "names": [{"name": "Zq WG", "acronym": evil, "valid": {"start": "2020", "end": None}}],
            "representation": "x", "role": None, "description": "x", "meetings": [], "sources": [],
        }  # fmt: skip
        path = write(tmp_path, json.dumps({"bodies": [body]}))
        with pytest.raises(DataError, match="control character U\\+000A"):
            ad.load(path)  # a newline in a key is refused at load already
        body["acronym"] = body["names"][0]["acronym"] = evil.replace("\n", " ")  # type: ignore[index]
        registry = ad.load(write(tmp_path, json.dumps({"bodies": [body]}), "ok.json"))
        mermaid = ad.graph(registry, format="mermaid").splitlines()
        mine = [line for line in mermaid if "ZQ" in line]
        assert len(mine) == 1
        assert mine[0].count('"') == 2  # one label, opened and closed
        assert not any(line.lstrip().startswith("click") for line in mermaid)
        dot = ad.graph(registry, format="dot")
        (line,) = [x for x in dot.splitlines() if "ZQ" in x]
        assert line.count('\\"') == evil.count('"')  # every quote of the text escaped
