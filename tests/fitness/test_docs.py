"""The documentation: the API reference covers every public name; the catalogue covers the data."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import pytest

import asean_digital as ad

DOCS = Path(__file__).resolve().parents[2] / "docs"
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


# The width of the page's column in CSS px, as measured in headless Chromium (the
# <object>'s container, furo's default theme): in a window 1280 px wide, and in one
# 400 px wide with a classic 15-px scroll bar (368 px without one).
COLUMN_AT_1280_PX = 736
COLUMN_AT_400_PX = 353
PX_PER_PT = 4 / 3  # CSS: 1pt = 4/3 px; the docs show a picture at its Graphviz size in pt


class Text(NamedTuple):
    """One line of text Graphviz laid out, with its box in points."""

    text: str
    size: float
    left: float
    bottom: float
    right: float
    top: float


def pictures() -> dict[str, str]:
    """Every picture of the catalogue, in DOT, by a name for the failure message."""
    diagrams = load_extension("catalogue_diagrams")
    return {
        "organisation chart": diagrams.organisation_chart(ad.registry, body_url="bodies.html#"),
        "legend": diagrams.organisation_legend(ad.registry),
        "timeline": diagrams.timeline(ad.registry),
        "plan periods": diagrams.plan_periods(ad.registry),
        "meetings by host": diagrams.meetings_by_host(ad.registry),
    }


def dot(picture: str, fmt: str) -> str:
    done = subprocess.run(["dot", f"-T{fmt}"], input=picture, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    return done.stdout


def width_pt(picture: str) -> float:
    """The width Graphviz gives the picture's SVG, in points."""
    found = re.search(r'<svg width="([\d.]+)pt"', dot(picture, "svg"))
    assert found is not None
    return float(found.group(1))


def texts(picture: str) -> list[Text]:
    """Every line of text of the laid-out picture, from Graphviz's own drawing operations."""
    layout: dict[str, Any] = json.loads(dot(picture, "json"))
    out = []
    for item in [layout, *layout.get("objects", []), *layout.get("edges", [])]:
        for key, ops in item.items():
            if not (key.startswith("_") and key.endswith("draw_")):
                continue
            size = 14.0
            for op in ops:
                if op["op"] == "F":
                    size = op["size"]
                elif op["op"] == "T" and op["text"].strip():
                    x, y = op["pt"]
                    left = {"l": x, "c": x - op["width"] / 2, "r": x - op["width"]}[op["align"]]
                    # y is the baseline: the letters reach about 0.8 of the size above it, 0.2 below.
                    right = left + op["width"]
                    out.append(Text(op["text"], size, left, y - 0.2 * size, right, y + 0.8 * size))
    return out


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
class TestPictures:
    def test_text_is_at_least_12_px(self) -> None:
        """No text of any picture is under 9 pt, which the docs show as 12 px (they never shrink one)."""
        minimum = load_extension("catalogue_diagrams").MIN_POINT_SIZE
        assert minimum * PX_PER_PT >= 12
        for name, picture in pictures().items():
            small = [(t.text, t.size) for t in texts(picture) if t.size < minimum]
            assert small == [], name
            sizes = {float(s) for s in re.findall(r'font-size="([\d.]+)"', dot(picture, "svg"))}
            assert sizes, name
            assert min(sizes) >= minimum, name

    def test_pictures_fit_a_desktop_column(self) -> None:
        """At its own size every picture fits the column of a 1280-px window, without scrolling."""
        for name, picture in pictures().items():
            assert width_pt(picture) * PX_PER_PT <= COLUMN_AT_1280_PX, name

    def test_timeline_and_legend_fit_a_phone(self) -> None:
        """The timeline and the chart's legend fit the column of a 400-px window at their own size."""
        for name in ("timeline", "legend"):
            assert width_pt(pictures()[name]) * PX_PER_PT <= COLUMN_AT_400_PX, name

    def test_no_two_texts_overlap(self) -> None:
        """No two lines of text of a picture are laid over each other (edge labels included)."""
        for name, picture in pictures().items():
            lines = texts(picture)
            assert len(lines) > 5, name
            overlapping = [
                (a.text, b.text)
                for a, b in itertools.combinations(lines, 2)
                if min(a.right, b.right) - max(a.left, b.left) > 0.5
                and min(a.top, b.top) - max(a.bottom, b.bottom) > 0.5
            ]
            assert overlapping == [], name

    def test_one_legend(self) -> None:
        """The organisation chart's page shows "Legend" once: as the legend's caption, not in it too."""
        page = load_extension("catalogue").render(ad.registry)["organisation-chart.md"]
        shown = [line for line in page.splitlines() if not line.startswith(":alt:")]  # alt: not shown
        assert sum(line.count("Legend") for line in shown) == 1
        assert ":caption: Legend" in shown
        assert page.count("```{graphviz}") == 2  # the chart and its legend

    def test_every_link_is_labelled(self) -> None:
        """Each pair of bodies joined by labelled links gets one label, listing every link's words."""
        chart = pictures()["organisation chart"]
        labels = [t.text for t in texts(chart)]
        for words in ("partners with", "advises", "supports", "2 a year", "1 a year"):
            assert labels.count(words) == 1, words


ROOT = DOCS.parent


class TestPackageIndexPage:
    def test_readme_links_are_absolute(self) -> None:
        """The README, the package index's page, links only to absolute addresses (a relative one breaks)."""
        text = (ROOT / "README.md").read_text(encoding="utf-8")
        targets = re.findall(r"\]\(([^)\s]*)", text) + re.findall(r"^\[[^\]]+\]:\s*(\S+)", text, re.MULTILINE)
        assert [t for t in targets if not re.match(r"https?://", t)] == []

    def test_changelog_has_a_section_for_this_version(self) -> None:
        """The changelog opens with [Unreleased], and has a dated section for the package's version."""
        text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        sections = re.findall(r"^## (.+)$", text, re.MULTILINE)
        assert sections[0] == "[Unreleased]"
        version = ad.__version__
        assert any(re.fullmatch(rf"\[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}", s) for s in sections)
