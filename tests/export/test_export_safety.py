"""
Exports cannot lose data: the target is the old export or the new one, never a mix, nor anyone else's files.

Faults are real, not monkeypatched: a child process under ``RLIMIT_FSIZE``
for a full disk, a symbolic link planted as the target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import asean_digital as ad
from asean_digital.cli.main import main

reg = ad.registry


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_an_empty_path_is_refused(tmp_path: Path) -> None:
    """--out '' used to write into the current folder and overwrite a user's bodies.json."""
    (tmp_path / "bodies.json").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="out must name a folder"):
        ad.export(reg, "")
    done = subprocess.run(
        [sys.executable, "-m", "asean_digital", "export", "--out", ""],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "out must name a folder" in done.stderr
    assert files(tmp_path) == {"bodies.json": b"mine"}


def test_a_folder_of_other_files_is_not_replaced_without_force(tmp_path: Path) -> None:
    """A folder holding files that are not an export is left alone, unless force=True."""
    target = tmp_path / "data"
    target.mkdir()
    (target / "bodies.json").write_text("mine", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"holds what is not part of an asean-digital export \(bodies.json\)"
    ):
        ad.export(reg, target)
    assert files(target) == {"bodies.json": b"mine"}
    ad.export(reg, target, force=True)
    assert (target / "datapackage.json").is_file()
    assert json.loads((target / "bodies.json").read_text(encoding="utf-8"))["bodies"]


def test_a_previous_export_is_replaced_whole(tmp_path: Path) -> None:
    """Re-exporting swaps the folder: no file of the old export survives that the new one lacks."""
    target = tmp_path / "out"
    ad.export(reg, target, format="csv")
    assert (target / "citations.csv").exists()
    ad.export(reg, target, format="json")
    assert not (target / "citations.csv").exists()
    assert sorted(p.suffix for p in target.iterdir()) == [".json"] * len(list(target.iterdir()))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # nothing left beside it


def test_a_symbolic_link_is_never_followed(tmp_path: Path) -> None:
    """A link planted as the target is refused; the file it points to is untouched."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "partners.json").write_text("precious", encoding="utf-8")
    link = tmp_path / "out"
    link.symlink_to(victim)
    with pytest.raises(ValueError, match="symbolic link"):
        ad.export(reg, link, force=True)
    assert files(victim) == {"partners.json": b"precious"}


def test_a_link_inside_a_previous_export_is_not_written_through(tmp_path: Path) -> None:
    """Links planted in an export (one dangling): a re-export replaces them, never writes their targets."""
    target = tmp_path / "out"
    ad.export(reg, target)
    victim = tmp_path / "victim.json"
    victim.write_text("precious", encoding="utf-8")
    (target / "partners.json").unlink()
    (target / "partners.json").symlink_to(victim)
    (target / "people.json").unlink()
    (target / "people.json").symlink_to(tmp_path / "created-by-a-dangling-link.json")
    with pytest.raises(
        ValueError, match=r"not part of an asean-digital export \(partners.json, people.json\)"
    ):
        ad.export(reg, target)  # a link is not a file the export wrote
    ad.export(reg, target, force=True)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "created-by-a-dangling-link.json").exists()
    assert not (target / "partners.json").is_symlink()
    assert json.loads((target / "partners.json").read_text(encoding="utf-8"))["partners"]


def test_a_full_disk_leaves_the_previous_export_intact(tmp_path: Path) -> None:
    """A re-export that runs out of space fails with one clear error; the old export still loads."""
    target = tmp_path / "out"
    ad.export(reg, target)
    before = files(target)
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
        from asean_digital.cli.main import main
        sys.exit(main(["export", "--out", {str(target)!r}]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "cannot write" in done.stderr
    assert files(target) == before
    assert ad.load(target).data_version.startswith(reg.data_version)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_the_command_line_says_what_was_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI refuses the same things with exit status 1 and a message, no traceback."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["export", "--out", str(mine)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["export", "--out", str(mine), "--force"]) == 0
    assert main(["export", "--out", ""]) == 1
    assert "out must name a folder" in capsys.readouterr().err


def fault_script(argv: list[str], limit: int | None = 20_000) -> str:
    cap = f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))" if limit else ""
    return textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        {cap}
        from asean_digital.cli.main import main
        sys.exit(main({argv!r}))
        """
    )


def test_a_full_disk_leaves_the_previous_database_intact(tmp_path: Path) -> None:
    """The SQLite export is written to a temporary file and renamed: a full disk leaves the old one."""
    target = tmp_path / "asean.sqlite"
    ad.export(reg, target, format="sqlite")
    before = target.read_bytes()
    script = fault_script(["export", "--format", "sqlite", "--out", str(target)])
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("asean-digital: error: cannot write to ")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["asean.metadata.json", "asean.sqlite"]


@pytest.mark.parametrize("fmt", ["json", "csv", "sqlite"])
def test_an_export_killed_midway_leaves_the_previous_one(tmp_path: Path, fmt: str) -> None:
    """SIGKILL at moments spread over an export's run: the target is always the whole previous export."""
    import random
    import signal
    import time

    target = tmp_path / ("asean.sqlite" if fmt == "sqlite" else "out")
    ad.export(reg, target, format=fmt)  # type: ignore[arg-type]  # one of the three, parametrised
    before = target.read_bytes() if fmt == "sqlite" else files(target)
    rng = random.Random(fmt)  # noqa: S311 - a reproducible spread of moments
    script = fault_script(["export", "--format", fmt, "--out", str(target)], limit=None)
    for _ in range(4):
        with subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ) as p:
            time.sleep(rng.uniform(0.2, 1.5))
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=60)
        after = target.read_bytes() if fmt == "sqlite" else files(target)
        assert after == before  # the same data: the old export, or the new one, never a mix
    if fmt == "json":
        assert ad.load(target).bodies() == reg.bodies()


def test_files_added_to_a_previous_export_are_not_lost(tmp_path: Path) -> None:
    """A previous export holding a user's own file is not replaced without force."""
    target = tmp_path / "out"
    ad.export(reg, target, format="csv")
    (target / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match=r"not part of an asean-digital export \(notes.md\)"):
        ad.export(reg, target, format="csv")
    assert (target / "notes.md").read_text(encoding="utf-8") == "mine"
    ad.export(reg, target, format="csv", force=True)
    assert not (target / "notes.md").exists()


@pytest.mark.parametrize("out", [".", "..", "./"])
def test_the_current_folder_or_one_holding_it_is_refused(
    out: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--out . would replace the folder the user works in, and all that is in it."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(work)  # the process's working folder, not the library: the case under test
    for force in (False, True):
        with pytest.raises(ValueError, match="is the current folder or holds it"):
            ad.export(ad.registry, out, format="csv", force=force)
    assert (work / "notes.txt").read_text(encoding="utf-8") == "mine"


def umask_mode(tmp_path: Path, *, folder: bool) -> int:
    """What the user's umask leaves of 0o777 (a folder) or 0o666 (a file), as the system applies it."""
    probe = tmp_path / "probe"
    if folder:
        probe.mkdir()
    else:
        probe.touch()
    mode = probe.stat().st_mode & 0o777
    probe.rmdir() if folder else probe.unlink()
    return mode


def test_exports_are_made_with_the_users_umask(tmp_path: Path) -> None:
    """An export folder and a database are readable as the user's other files are (not 0700 / 0600)."""
    folder_mode, file_mode = umask_mode(tmp_path, folder=True), umask_mode(tmp_path, folder=False)
    out = tmp_path / "out"
    ad.export(reg, out, format="csv")
    assert out.stat().st_mode & 0o777 == folder_mode
    assert (out / "bodies.csv").stat().st_mode & 0o777 == file_mode
    database, meta = ad.export(reg, tmp_path / "db.sqlite", format="sqlite")
    assert database.stat().st_mode & 0o777 == file_mode
    assert meta.stat().st_mode & 0o777 == file_mode


def test_a_name_with_uri_characters_is_a_file_name(tmp_path: Path) -> None:
    """goo%64.sqlite is not good.sqlite: a user's own database there is kept without --force."""
    ad.export(reg, tmp_path / "good.sqlite", format="sqlite")
    mine = tmp_path / "goo%64.sqlite"
    mine.write_bytes((tmp_path / "good.sqlite").read_bytes()[:100] + b"not an export")
    with pytest.raises(ValueError, match="is not a database an asean-digital export wrote"):
        ad.export(reg, mine, format="sqlite")
    for name in ("odd?name#1.sqlite", "goo%64.sqlite-new"):
        written = ad.export(reg, tmp_path / name, format="sqlite")
        assert written[0].name == name
        assert ad.export(reg, tmp_path / name, format="sqlite")[0].name == name  # its own export: replaced
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".json")) == [
        "goo%64.sqlite", "goo%64.sqlite-new", "good.sqlite", "odd?name#1.sqlite",
    ]  # fmt: skip


def test_a_link_planted_at_a_temporary_name_is_not_written_through(tmp_path: Path) -> None:
    """The old fixed name for the metadata's temporary file, planted as a link, leads nowhere now."""
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "db"
    folder.mkdir()
    (folder / ".asean.metadata.json.tmp").symlink_to(outside)
    ad.export(reg, folder / "asean.sqlite", format="sqlite")
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in folder.iterdir() if p.name.startswith(".asean-digital-")] == []


def test_concurrent_exports_to_one_path_all_succeed(tmp_path: Path) -> None:
    """Eight exports of one database at once: each writes under a name of its own, the last one wins whole."""
    import concurrent.futures

    target = tmp_path / "shared.sqlite"
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        done = list(pool.map(lambda _: ad.export(reg, target, format="sqlite", force=True), range(8)))
    assert all(paths[0] == target for paths in done)
    assert ad.export(reg, target, format="sqlite")[0] == target  # a whole export, recognised as one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.metadata.json", "shared.sqlite"]


def test_a_long_folder_name_has_room_for_the_staging_name(tmp_path: Path) -> None:
    """A legal 250-character name is exported to; the temporary names do not grow with it."""
    out = tmp_path / ("x" * 250)
    assert ad.export(reg, out, format="json")[-1] == out / "datapackage.json"
    assert ad.export(reg, out, format="json")[-1] == out / "datapackage.json"  # and replaced


def test_a_file_a_user_listed_in_the_manifest_is_still_theirs(tmp_path: Path) -> None:
    """Listing your notes in datapackage.json does not make them the export's to delete."""
    out = tmp_path / "out"
    ad.export(reg, out, format="csv")
    manifest = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    manifest["resources"].append({"name": "notes", "path": "notes.csv"})
    (out / "datapackage.json").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"holds what is not part of an asean-digital export \(notes.csv\)"):
        ad.export(reg, out, format="csv")
    assert (out / "notes.csv").read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_a_json_export_read_back_cites_its_own_files(tmp_path: Path) -> None:
    """The export's overlay-1 (the file it was made with) keeps its id; its own files are cited after."""
    mine = tmp_path / "mine.json"
    itu = {**ad.to_records([reg.partner("ITU")])[0], "name": "International Telecommunication Union (ITU)"}
    mine.write_text(json.dumps({"partners": [itu]}), encoding="utf-8")
    out = tmp_path / "out"
    ad.export(ad.load(mine), out, format="json")
    back = ad.load(out)
    assert back.source("overlay-1").title == "mine.json"
    cited = [s.document for s in back.partner("ITU").sources if s.document.startswith("overlay-")]
    assert cited[0] == "overlay-1"
    assert [back.source(c).title for c in cited[1:]] == ["partners.json"]


@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_a_failed_export_leaves_no_new_folders(tmp_path: Path, fmt: str) -> None:
    """A name too long for the file system is an error, and the parent folders made for it are gone."""
    name = "n" * 300 + (".sqlite" if fmt == "sqlite" else "")
    with pytest.raises(OSError, match="File name too long"):
        ad.export(reg, tmp_path / "new" / "sub" / name, format=fmt)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_an_export_killed_between_its_renames_is_put_right_by_the_next(tmp_path: Path) -> None:
    """SIGKILL just after the previous export is moved aside: the next export restores, then replaces it."""
    target = tmp_path / "out"
    ad.export(reg, target, format="json")
    before = files(target)
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        real = os.rename
        def rename(src, dst):  # the deterministic stand-in for a kill that lands between the renames
            real(src, dst)
            if ".asean-digital-old-" in os.fspath(dst):
                os.kill(os.getpid(), signal.SIGKILL)
        os.rename = rename
        from asean_digital.cli.main import main
        sys.exit(main(["export", "--format", "json", "--out", {str(target)!r}]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, check=False)
    assert done.returncode == -9
    assert not target.exists()  # the moment the kill left: the previous export only aside
    assert [p.name[:19] for p in tmp_path.iterdir() if p.name.startswith(".asean-digital-old-")] == [
        ".asean-digital-old-"
    ]
    ad.export(reg, target, format="json")  # the next export finds it and puts things right
    assert files(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing left aside
    assert not (target / ".asean-digital-swapping").exists()
    assert ad.load(target).bodies() == reg.bodies()


class TestLeftoversOfAKilledExport:
    """What the next export does with folders an export killed midway left, planted ones included."""

    @staticmethod
    def aside(tmp_path: Path, name: str, note: bytes | None) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "bodies.json").write_text("{}", encoding="utf-8")
        if note is not None:
            (folder / ".asean-digital-swapping").write_bytes(note)
        return folder

    @pytest.mark.parametrize(
        "note",
        [b"out\n" + b"9" * 30, "out\n\u00b2".encode(), b"out\n0", b"out\n-5", b"\xff\xfe", b"out"],
    )
    def test_a_note_that_names_no_ended_process_is_left_alone(self, tmp_path: Path, note: bytes) -> None:
        """A huge, odd or missing process id: no traceback, the folder untouched, the export done."""
        staging = self.aside(tmp_path, ".asean-digital-export-planted", note)
        old = self.aside(tmp_path, ".asean-digital-old-planted", note)
        ad.export(reg, tmp_path / "out", format="json")
        assert staging.exists()
        assert old.exists()
        assert ad.load(tmp_path / "out").bodies() == reg.bodies()

    def test_a_note_that_is_a_pipe_or_huge_is_not_read(self, tmp_path: Path) -> None:
        """A named pipe would block a reader; a sparse 2 GB file would fill memory: neither is read."""
        old = self.aside(tmp_path, ".asean-digital-old-fifo", None)
        os.mkfifo(old / ".asean-digital-swapping")
        big = self.aside(tmp_path, ".asean-digital-old-big", None)
        with (big / ".asean-digital-swapping").open("wb") as f:
            f.truncate(2 * 1024**3)
        argv = ["export", "--format", "json", "--out", str(tmp_path / "out")]
        done = subprocess.run(
            [sys.executable, "-m", "asean_digital", *argv],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert old.exists()
        assert big.exists()

    def test_a_refused_export_touches_no_leftover(self, tmp_path: Path) -> None:
        """The target is checked first: refused (it is a file), the previous export moved aside stays."""
        old = self.aside(tmp_path, ".asean-digital-old-dead", b"out\n999999999")
        (tmp_path / "out").write_text("a user's file", encoding="utf-8")
        with pytest.raises(ValueError, match="exists and is not a folder"):
            ad.export(reg, tmp_path / "out", format="json")
        assert (old / "bodies.json").exists()

    def test_a_note_planted_as_a_link_is_not_written_through(self, tmp_path: Path) -> None:
        """With force, a link named like the note inside the target is replaced, never followed."""
        outside = tmp_path / "outside.txt"
        outside.write_text("keep me", encoding="utf-8")
        target = tmp_path / "out"
        ad.export(reg, target, format="json")
        (target / ".asean-digital-swapping").symlink_to(outside)
        ad.export(reg, target, format="json", force=True)
        assert outside.read_text(encoding="utf-8") == "keep me"
        assert not (target / ".asean-digital-swapping").exists()
