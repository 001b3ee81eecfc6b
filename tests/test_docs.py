"""The documentation: the API reference covers every public name; the catalogue covers the data."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import asean_digital as ad

DOCS = Path(__file__).resolve().parent.parent / "docs"
API_REFERENCE = DOCS / "api.md"

# ``.. autoclass:: Registry``, ``.. py:data:: registry``, ``.. autofunction:: asean_digital.load``
_DIRECTIVE = re.compile(r"^\s*\.\. (?:auto\w+|py:\w+)::\s+([\w.]+)", re.MULTILINE)


def documented_names() -> list[str]:
    """The targets of the autodoc and ``py:`` directives of the API reference, unqualified."""
    targets = _DIRECTIVE.findall(API_REFERENCE.read_text(encoding="utf-8"))
    return [t.removeprefix("asean_digital.") for t in targets]


def load_extension(name: str) -> ModuleType:
    """Import one of the documentation's Sphinx extensions from ``docs/_ext``."""
    pytest.importorskip("sphinx")
    folder = DOCS / "_ext"
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestApiReference:
    def test_every_public_name_is_documented(self) -> None:
        """Every name of ``asean_digital.__all__`` is the target of a directive in the API reference."""
        missing = sorted(set(ad.__all__) - set(documented_names()))
        assert missing == []

    def test_every_documented_name_is_public(self) -> None:
        """Every top-level name the API reference documents is in ``__all__`` or is a public submodule."""
        public_modules = {"strategies"}  # imported on their own: `import asean_digital.strategies`
        top_level = {
            name
            for name in documented_names()
            if "." not in name and name != "asean_digital" and name not in public_modules
        }
        assert sorted(top_level - set(ad.__all__)) == []

    def test_each_name_is_documented_once(self) -> None:
        """No name has two entries (Sphinx would warn of a duplicate description)."""
        names = documented_names()
        assert sorted({n for n in names if names.count(n) > 1}) == []

    def test_lazy_module_attributes_are_py_data_entries(self) -> None:
        """``registry``, ``converter`` and ``__version__`` are documented as ``py:data``."""
        text = API_REFERENCE.read_text(encoding="utf-8")
        for name in ("registry", "converter", "__version__"):
            assert re.search(rf"^\.\. py:data:: {re.escape(name)}$", text, re.MULTILINE), name


class TestCatalogue:
    def test_a_page_per_collection(self) -> None:
        """The catalogue renders its index and a page for every collection."""
        pages = load_extension("catalogue").render(ad.registry)
        expected = {
            "index.md",
            "bodies.md",
            "documents.md",
            "declarations.md",
            "master-plans.md",
            "meetings.md",
            "people.md",
            "competitions.md",
            "member-states.md",
            "partners.md",
            "relations.md",
            "errata.md",
            "sources.md",
            "sector.md",
            "organisation-chart.md",
            "timeline.md",
        }
        assert set(pages) == expected

    def test_every_record_is_in_the_catalogue(self) -> None:
        """Every body, plan, document, event, partner and state appears on its page."""
        pages = load_extension("catalogue").render(ad.registry)
        expectations = [
            ("bodies.md", [f"(catalogue-body-{b.id})=" for b in ad.registry.bodies()]),
            ("master-plans.md", [f"(catalogue-plan-{p.id})=" for p in ad.registry.master_plans()]),
            ("meetings.md", [f"`{m.id}`" for m in ad.registry.meetings()]),
            ("people.md", [f"`{p.id}`" for p in ad.registry.people()]),
            ("documents.md", [f"`{d.id}`" for d in ad.registry.documents()]),
            ("declarations.md", [f"`{d.id}`" for d in ad.registry.declarations()]),
            ("competitions.md", [f"`{e.id}`" for e in ad.registry.events()]),
            ("partners.md", [f"`{p.id}`" for p in ad.registry.partners()]),
            ("member-states.md", [f"`{s.id}`" for s in ad.registry.member_states()]),
            ("sources.md", [f"`{s.id}`" for s in ad.registry.sources()]),
        ]
        for page, needles in expectations:
            missing = [n for n in needles if n not in pages[page]]
            assert missing == [], page

    def test_every_thrust_is_listed(self) -> None:
        """The master-plan page has a row for every strategic thrust."""
        page = load_extension("catalogue").render(ad.registry)["master-plans.md"]
        thrusts = [t for p in ad.registry.master_plans() for t in p.thrusts]
        rows = re.findall(r"^\* - \d+$", page, re.MULTILINE)
        assert len(rows) == len(thrusts)

    def test_markdown_is_escaped(self) -> None:
        """Text from the data is escaped so MyST shows it literally."""
        esc = load_extension("catalogue").esc
        assert esc("*ATRC* [x](y) `z`") == r"\*ATRC\* \[x\]\(y\) \`z\`"
        assert esc("two\nlines") == "two lines"

    @pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
    def test_pictures_are_valid_dot(self) -> None:
        """Graphviz lays out the organisation chart, its legend, the timeline and the plan periods."""
        diagrams = load_extension("catalogue_diagrams")
        for picture in (
            diagrams.organisation_chart(ad.registry, body_url="bodies.html#"),
            diagrams.organisation_legend(ad.registry),
            diagrams.timeline(ad.registry),
            diagrams.plan_periods(ad.registry),
        ):
            done = subprocess.run(
                ["dot", "-Tsvg"],
                input=picture,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, done.stderr
            assert done.stderr == "", done.stderr

    def test_timeline_covers_the_history(self) -> None:
        """The timeline has every establishment, renaming, declaration and accession."""
        moments = load_extension("catalogue_diagrams").timeline_moments(ad.registry)
        counts: dict[str, int] = {}
        for moment in moments:
            counts[moment.category] = counts.get(moment.category, 0) + 1
        bodies = ad.registry.bodies()
        assert counts["establishment"] == sum(b.established is not None for b in bodies)
        renamings = sum(len(b.names) - 1 for b in bodies) + len(ad.registry.sector.names) - 1
        assert counts["renaming"] == renamings
        assert counts["declaration"] == len(ad.registry.declarations())
        assert counts["accession"] == len({s.joined for s in ad.registry.member_states()})
