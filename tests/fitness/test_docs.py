"""The documentation: the API reference covers every public name; the catalogue covers the data."""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

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
            "series.md",
            "meetings.md",
            "people.md",
            "competitions.md",
            "processes.md",
            "member-states.md",
            "partners.md",
            "relations.md",
            "errata.md",
            "sources.md",
            "sector.md",
            "organisation-chart.md",
            "timeline.md",
        }
        assert {p for p in pages if not p.startswith("series/")} == expected
        # a page of its own for each series of meetings
        assert {p for p in pages if p.startswith("series/")} == {
            f"series/{x.id}.md" for x in ad.registry.series()
        }

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
        """The master-plan page has a row for every strategic thrust and every desired outcome."""
        page = load_extension("catalogue").render(ad.registry)["master-plans.md"]
        headings = [t for p in ad.registry.master_plans() for t in (*p.thrusts, *p.desired_outcomes)]
        rows = re.findall(r"^\* - \d+$", page, re.MULTILINE)
        assert len(rows) == len(headings)
        assert "Desired outcomes of ADM2025" in page
        assert "PLUM Consulting" in page  # who drafted it

    def test_markdown_is_escaped(self) -> None:
        """Text from the data is escaped so MyST shows it literally."""
        esc = load_extension("catalogue").esc
        assert esc("*ATRC* [x](y) `z`") == r"\*ATRC\* \[x\]\(y\) \`z\`"
        assert esc("two\nlines") == "two lines"

    def test_pictures_are_well_formed(self) -> None:
        """Every picture is well-formed markup (the SVG chart and the HTML tables parse as XML)."""
        for name, picture in pictures().items():
            root = ElementTree.fromstring(picture)  # noqa: S314 - our own markup
            assert root.tag.endswith(("svg", "table")), name

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


# The width of the page's column in CSS px, as measured in headless Chromium (furo's
# default theme): in a window 1280 px wide, and in one 400 px wide with a classic 15-px
# scroll bar (368 px without one).
COLUMN_AT_1280_PX = 736
COLUMN_AT_400_PX = 353


def pictures() -> dict[str, str]:
    """Every picture of the catalogue, as its HTML or SVG, by a name for the failure message."""
    diagrams = load_extension("catalogue_diagrams")
    return {
        "organisation chart": diagrams.organisation_chart(ad.registry, body_url="bodies.html#"),
        "legend": diagrams.organisation_legend(ad.registry),
        "timeline": diagrams.timeline(ad.registry),
        "plan periods": diagrams.plan_periods(ad.registry),
        "meetings by host": diagrams.meetings_by_host(ad.registry),
    }


def css_px(selector_part: str, prop: str) -> list[float]:
    """The px values of *prop* in the diagrams' stylesheet rules whose selector has *selector_part*."""
    css = (DOCS / "_static" / "diagrams.css").read_text(encoding="utf-8")
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        if selector_part in selector:
            found += [float(v) for v in re.findall(rf"(?<![-\w]){prop}:\s*([\d.]+)px", body)]
    return found


class TestPictures:
    def test_text_is_at_least_12_px(self) -> None:
        """No text of the chart or of the tables' stylesheet is under 12 px (the pictures never shrink)."""
        minimum = load_extension("catalogue_diagrams").MIN_PX
        assert minimum >= 12
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', pictures()["organisation chart"])]
        assert sizes
        assert min(sizes) >= minimum
        css = css_px("table.diagram", "font-size")
        assert css
        assert min(css) >= minimum
        for name, picture in pictures().items():
            assert "font-size:" not in picture, name  # inline sizes would escape the stylesheet

    def test_chart_fits_a_desktop_column(self) -> None:
        """At its own size the organisation chart fits the column of a 1280-px window."""
        root = ElementTree.fromstring(pictures()["organisation chart"])  # noqa: S314 - our own markup
        assert float(root.attrib["width"]) <= COLUMN_AT_1280_PX
        assert root.attrib["viewBox"] == f"0 0 {root.attrib['width']} {root.attrib['height']}"

    def test_timeline_fits_a_phone(self) -> None:
        """The timeline's table is capped at the column of a 400-px window (22rem, 352 px)."""
        assert 'class="diagram diagram-timeline"' in pictures()["timeline"]
        css = (DOCS / "_static" / "diagrams.css").read_text(encoding="utf-8")
        rule = re.search(r"table\.diagram-timeline \{([^}]*)\}", css)
        assert rule is not None
        assert "max-width: 22rem;" in rule.group(1)
        assert COLUMN_AT_400_PX >= 22 * 16

    def test_no_two_boxes_overlap_and_text_fits_its_box(self) -> None:
        """The chart's boxes are apart, each holds its lines of text, and each body has one, linked."""
        diagrams = load_extension("catalogue_diagrams")
        boxes = diagrams.chart_boxes(ad.registry)
        assert sorted(b.body.id for b in boxes) == sorted(b.id for b in ad.registry.bodies())
        for a, b in itertools.combinations(boxes, 2):
            apart = (
                a.x + a.width <= b.x or b.x + b.width <= a.x or a.y + a.height <= b.y or b.y + b.height <= a.y
            )
            assert apart, (a.body.id, b.body.id)
        for box in boxes:
            assert box.x >= 0
            assert box.y >= 0
            for text, size, bold in box.lines:
                # Helvetica's widest capitals are about 0.72 em; bold about 0.78 em.
                assert len(text) * size * (0.78 if bold else 0.62) <= box.width - 4, text
            assert sum(size + 3 for _, size, _ in box.lines) <= box.height
        chart = pictures()["organisation chart"]
        for body in ad.registry.bodies():
            assert f'href="bodies.html#{body.id}"' in chart

    def test_one_legend(self) -> None:
        """The organisation chart's page shows "Legend" once: as the legend's caption, not in it too."""
        page = load_extension("catalogue").render(ad.registry)["organisation-chart.md"]
        assert page.count("Legend") == 1
        assert "<figcaption>Legend</figcaption>" in page
        assert page.count('<figure class="diagram">') == 2  # the chart and its legend

    def test_every_link_is_listed(self) -> None:
        """Each joint or back-to-back meeting and stated relation between bodies is a row of the page."""
        page = load_extension("catalogue").render(ad.registry)["organisation-chart.md"]
        for words in ("partners with", "advises", "supports", "2 a year", "1 a year"):
            assert page.count(words) == 1, words
        assert page.count("meets back") == 2  # SSM with each working group


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
