"""
The worked-example notebook of the docs: it runs, on this interpreter, and shows what it says.

The notebook is executed once for the module with nbclient on an ipykernel
kernel started with ``sys.executable``; the tests read its outputs.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import struct
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import matplotlib.font_manager
import nbformat
import pytest
from nbclient import NotebookClient

import asean_digital as ad

NOTEBOOK = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "worked-example.ipynb"
KERNEL = "asean-digital-tests"
PROBE = "import sys\nprint(sys.executable)"


def stored() -> nbformat.NotebookNode:
    """The notebook as it is in the tree."""
    notebook: nbformat.NotebookNode = nbformat.read(NOTEBOOK, as_version=4)
    return notebook


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    """The notebook, executed, with a last cell (not stored) that prints the kernel's interpreter."""
    # A kernelspec of its own that runs this interpreter, whatever ``python3``
    # kernelspecs the Jupyter path holds (a user's own may run another Python).
    jupyter = tmp_path_factory.mktemp("jupyter")
    spec = jupyter / "kernels" / KERNEL / "kernel.json"
    spec.parent.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.write_text(json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}))
    # Build matplotlib's font cache here, so a first run's "building the font
    # cache" notice is not one of the notebook's outputs.
    matplotlib.font_manager.findfont("DejaVu Sans")
    notebook = stored()
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE, id="probe"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(jupyter))
        client = NotebookClient(
            notebook,
            kernel_name=KERNEL,
            timeout=120,
            allow_errors=True,  # errors are reported by a test, cell by cell
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
    return notebook


def tagged(notebook: nbformat.NotebookNode, tag: str) -> list[Any]:
    """The outputs of the code cells tagged *tag*, in order."""
    cells = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert cells, f"no cell is tagged {tag!r}"
    return [output for cell in cells for output in cell.outputs]


def probe_outputs(notebook: nbformat.NotebookNode) -> list[Any]:
    """The outputs of the probe cell the fixture added."""
    (probe,) = [c for c in notebook.cells if c.get("id") == "probe"]
    return list(probe.outputs)


def texts(outputs: list[Any]) -> str:
    """Everything the outputs print or show as text."""
    parts = [o.get("text", "") for o in outputs]
    parts += [str(o.get("data", {}).get("text/plain", "")) for o in outputs]
    return "\n".join(parts)


class _Table(HTMLParser):
    """The header cells and the body rows of the first HTML table."""

    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self._part = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"thead", "tbody"}:
            self._part = tag
        elif tag == "tr" and self._part == "tbody":
            self.rows.append([])
        elif tag in {"th", "td"}:
            self._cell = []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"th", "td"} and self._cell is not None:
            text = "".join(self._cell).strip()
            if self._part == "thead":
                self.header.append(text)
            elif self._part == "tbody":
                self.rows[-1].append(text)
            self._cell = None
        elif tag in {"thead", "tbody"}:
            self._part = ""


def html_table(outputs: list[Any]) -> _Table:
    """The table of the one HTML output among *outputs*."""
    htmls = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert len(htmls) == 1
    table = _Table()
    table.feed(htmls[0])
    return table


def png_size(data: str) -> tuple[int, int]:
    """Width and height of a base64 PNG, from its header (which it must have)."""
    raw = base64.b64decode(data)
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    assert raw[12:16] == b"IHDR"
    width, height = struct.unpack(">II", raw[16:24])
    return width, height


class TestStoredNotebook:
    def test_is_stored_without_outputs(self) -> None:
        """The notebook in the tree has no outputs: they are made by running it."""
        notebook = stored()
        nbformat.validate(notebook)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert code
        assert [c.id for c in code if c.outputs or c.execution_count is not None] == []

    def test_starts_from_the_import(self) -> None:
        """The first code cell imports the library as the docs name it."""
        notebook = stored()
        first = next(c for c in notebook.cells if c.cell_type == "code")
        assert first.source.startswith("import asean_digital as ad\n")

    def test_asks_for_the_python3_kernel(self) -> None:
        """The docs build runs it on the ``python3`` kernel (see ``docs/conf.py``)."""
        notebook = stored()
        assert notebook.metadata.kernelspec.name == "python3"


class TestExecutedNotebook:
    def test_runs_on_this_interpreter(self, executed: nbformat.NotebookNode) -> None:
        """The kernel is the interpreter running the tests (the virtual environment's)."""
        printed = texts(probe_outputs(executed)).strip()
        assert Path(printed).resolve() == Path(sys.executable).resolve()

    def test_no_cell_fails(self, executed: nbformat.NotebookNode) -> None:
        """Every code cell ran and none raised."""
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert [c.id for c in code if c.execution_count is None] == []
        errors = [
            (c.id, o.get("ename"), o.get("evalue"))
            for c in code
            for o in c.outputs
            if o.output_type == "error"
        ]
        assert errors == []

    def test_nothing_on_stderr(self, executed: nbformat.NotebookNode) -> None:
        """No cell writes to stderr: no warning would show on the docs page."""
        stderr = [
            (c.id, o.text)
            for c in executed.cells
            if c.cell_type == "code"
            for o in c.outputs
            if o.output_type == "stream" and o.name == "stderr"
        ]
        assert stderr == []

    def test_dataframe_has_a_row_per_body(self, executed: nbformat.NotebookNode) -> None:
        """The DataFrame shown has every body, in order, with the columns chosen."""
        table = html_table(tagged(executed, "dataframe"))
        # pandas' header: an empty cell over the index, then the columns.
        assert table.header == ["", "acronym", "name", "kind", "parent", "established"]
        bodies = ad.registry.bodies()
        assert len(table.rows) == len(bodies)
        # Each row: the index, then the columns.
        assert [row[1] for row in table.rows] == [b.acronym or "<NA>" for b in bodies]  # pandas: <NA>
        assert [row[2] for row in table.rows] == [b.name for b in bodies]
        assert [row[3] for row in table.rows] == [b.kind.value for b in bodies]

    def test_first_question_shows_a_table_of_records(self, executed: nbformat.NotebookNode) -> None:
        """``bodies(established_before=2012)`` shows as the library's HTML table."""
        table = html_table(tagged(executed, "first-question"))
        early = ad.registry.bodies(established_before=2012)
        assert table.header[:2] == ["id", "acronym"]
        assert [row[0] for row in table.rows] == [b.id for b in early]

    def test_timeline_bars_cover_every_name_and_plan(self, executed: nbformat.NotebookNode) -> None:
        """The frame the plot draws has a bar per name of each body and per master plan."""
        table = html_table(tagged(executed, "timeline-bars"))
        assert table.header == ["", "row", "begin", "end", "text", "group"]
        names = sum(len(b.names) for b in ad.registry.bodies())
        assert len(table.rows) == names + len(ad.registry.master_plans())
        texts_shown = {row[4] for row in table.rows}
        for body in ad.registry.bodies():
            for name in body.names:
                assert (name.acronym or name.name) in texts_shown

    def test_timeline_is_plotted(self, executed: nbformat.NotebookNode) -> None:
        """The plot cell shows one PNG picture, wide and tall enough to read."""
        outputs = tagged(executed, "timeline-plot")
        pictures = [o.data["image/png"] for o in outputs if "image/png" in o.get("data", {})]
        assert len(pictures) == 1
        width, height = png_size(pictures[0])
        assert width >= 800
        assert height >= 600

    def test_org_chart_names_every_body(self, executed: nbformat.NotebookNode) -> None:
        """The Mermaid text names every body; drawn by Graphviz, so does the picture."""
        outputs = tagged(executed, "org-chart")
        shown = texts(outputs)
        for body in ad.registry.bodies():
            assert f'["{body.acronym or body.id}"]' in shown, body.id  # a Mermaid node
        svgs = [o.data["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]
        if shutil.which("dot") is None:
            # Without Graphviz the notebook shows the DOT text instead of a picture.
            assert svgs == []
            assert "digraph bodies {" in shown
            return
        assert len(svgs) == 1
        labels = {unescape(t) for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svgs[0])}
        bodies = [b.acronym or b.id for b in ad.registry.bodies()]
        assert [b for b in bodies if b not in labels] == []
