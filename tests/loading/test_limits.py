"""
Loading names the real reason a path cannot be read, reports every stage's problems at once,
keeps within its byte limits, and keeps nothing of an overlay once its registry is gone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import asean_digital as ad
from asean_digital import DataError

SOURCE = [{"document": "seed-page", "section": "Overview"}]


def partner(pid: str, name: str) -> dict[str, object]:
    return {"id": pid, "name": name, "kind": "country", "sources": SOURCE}


def write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def problems_of(*overlays: str | os.PathLike[str], **kw: int) -> list[str]:
    with pytest.raises(DataError) as caught:
        ad.load(*overlays, **kw)
    return list(caught.value.problems)


class TestTheRealReason:
    def test_a_named_pipe_is_named_and_not_read(self, tmp_path: Path) -> None:
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        # Reading it would wait for a writer for ever: the load must not open it.
        reason = "a named pipe (FIFO), not a file: it is not read, as reading it could wait for ever"
        assert problems_of(fifo) == [f"{fifo}: $: {reason}"]
        assert problems_of(tmp_path)[0].startswith(f"{fifo}: $: a named pipe (FIFO)")

    def test_a_device_is_named(self) -> None:
        assert problems_of("/dev/null") == ["/dev/null: $: a device, not a file: it is not read"]

    def test_a_dangling_link_in_a_folder_is_not_skipped(self, tmp_path: Path) -> None:
        write(tmp_path / "a.json", {"partners": [partner("AU", "Australia")]})
        (tmp_path / "b.json").symlink_to(tmp_path / "gone.json")
        gone = str(tmp_path / "gone.json")
        assert problems_of(tmp_path) == [
            f"{tmp_path / 'b.json'}: $: a symbolic link to {gone!r}, which does not exist"
        ]

    def test_a_link_loop_is_named(self, tmp_path: Path) -> None:
        loop = tmp_path / "loop.json"
        loop.symlink_to(loop)
        assert problems_of(loop) == [f"{loop}: $: a symbolic link in a loop (it leads back to itself)"]

    def test_a_link_to_a_device_in_a_folder_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "zero.json").symlink_to("/dev/zero")
        assert problems_of(tmp_path) == [f"{tmp_path / 'zero.json'}: $: a device, not a file: it is not read"]

    def test_a_folder_named_json_in_a_folder_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "more.json").mkdir()
        assert problems_of(tmp_path) == [f"{tmp_path / 'more.json'}: $: a folder, not a file"]

    def test_a_missing_path_and_an_empty_one(self, tmp_path: Path) -> None:
        assert problems_of(tmp_path / "nope") == [f"{tmp_path / 'nope'}: $: no such file or folder"]
        assert problems_of("") == ["'': $: an empty path names no file or folder; give the overlay's path"]

    def test_a_link_to_a_file_is_read(self, tmp_path: Path) -> None:
        real = write(tmp_path / "real.txt", {"partners": [partner("AU", "Australia")]})
        (tmp_path / "d").mkdir()
        (tmp_path / "d" / "mine.json").symlink_to(real)
        assert ad.load(tmp_path / "d").partner("AU").name == "Australia"


class TestEveryStageAtOnce:
    def test_an_unknown_field_and_a_bad_id_are_both_reported(self, tmp_path: Path) -> None:
        bad_field = {**partner("AU", "Australia"), "colour": "green"}
        bad_id = partner("new zealand", "New Zealand")
        path = write(tmp_path / "o.json", {"partners": [bad_field, bad_id]})
        found = problems_of(path)
        assert any(p.startswith(f"{path}: $.partners[0]: unknown field(s) colour") for p in found), found
        assert any(p.startswith(f"{path}: $.partners[1].id: 'new zealand' is not") for p in found), found

    def test_a_reference_to_an_unreadable_record_is_not_reported_twice(self, tmp_path: Path) -> None:
        body = {"id": "wg-new", "acronym": "WGN", "name": "A New Working Group", "kind": "no-such-kind"}
        child = {"id": "wg-child", "acronym": "WGC", "name": "A Child Group", "kind": "working_group",
                 "parent": "wg-new", "sources": SOURCE}  # fmt: skip
        path = write(tmp_path / "o.json", {"bodies": [body, child]})
        found = problems_of(path)
        assert all("$.bodies[0]" in p for p in found if "wg-new" in p and "$.bodies[1]" in p) or found
        assert not any("'wg-new' is not the id of any body" in p for p in found), found

    def test_problems_of_several_files_come_together(self, tmp_path: Path) -> None:
        one = write(tmp_path / "1.json", {"partners": [{**partner("AU", "Australia"), "x": 1}]})
        two = write(tmp_path / "2.json", {"partners": [partner("NZ", "ADGMIN")]})
        found = problems_of(one, two)
        assert any(p.startswith(f"{one}: $.partners[0]") for p in found)
        assert any(p.startswith(f"{two}: $.partners[0]") for p in found)


class TestByteLimits:
    def test_the_total_limit_stops_at_the_file_that_passes_it(self, tmp_path: Path) -> None:
        a = write(tmp_path / "a.json", {"partners": [partner("AU", "Australia")]})
        b = write(tmp_path / "b.json", {"partners": [partner("NZ", "New Zealand")]})
        c = write(tmp_path / "c.json", {"partners": [partner("IN", "India")]})
        size = a.stat().st_size
        limit = size + b.stat().st_size - 1
        said = (
            f"{b}: $: with this file ({b.stat().st_size:,} bytes) the overlays total more than the {limit:,} "
            "bytes accepted (load(..., max_bytes=...) sets the limit); the files after it are not read"
        )
        assert problems_of(a, b, c, max_bytes=limit) == [said]
        assert ad.load(a, b, c, max_bytes=limit + 1 + c.stat().st_size).partner("IN").name == "India"

    @pytest.mark.parametrize("bad", [0, -5])
    def test_the_limit_must_be_positive(self, bad: int) -> None:
        with pytest.raises(ValueError, match="max_bytes must be a positive number of bytes"):
            ad.load(max_bytes=bad)

    def test_the_limit_must_be_a_number(self) -> None:
        with pytest.raises(TypeError, match="max_bytes must be a positive number of bytes, got '1'"):
            ad.load(max_bytes="1")  # type: ignore[arg-type]


CHILD = r"""
import gc, json, sys, tempfile, tracemalloc, pathlib
import asean_digital as ad
folder = pathlib.Path(tempfile.mkdtemp())
big = [{"id": f"mine-{i}", "title": f"Source {i} " + "x" * 400, "description": "d" * 200}
       for i in range(20_000)]
good = folder / "good.json"
good.write_text(json.dumps({"sources": big}))
bad = folder / "bad.json"
bad.write_text(json.dumps({"sources": big, "partners": [{"id": "??"}]}))
ad.registry.search("cyber")
ad.load(good).search("Source 5 xxxx")  # warm every code path once: modules imported, hooks made
try:
    ad.load(bad)
except ad.DataError:
    pass
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
for _ in range(3):
    try:
        ad.load(bad)
    except ad.DataError:
        pass
    reg = ad.load(good)
    reg.search(f"Source {_} " + "y" * 300)
    del reg
gc.collect()
print(tracemalloc.get_traced_memory()[0] - before)
"""


def test_nothing_of_an_overlay_outlives_its_registry() -> None:
    """Failed loads and dropped registries of a 13 MB overlay leave the process's memory where it was."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300, check=True
    )
    kept = int(done.stdout.strip())
    assert kept < 1_000_000, f"{kept:,} bytes kept after the overlays' registries are gone"
