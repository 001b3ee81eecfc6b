"""
Sphinx extension: Graphviz pictures at their own size, with a link to open each on its own.

``sphinx.ext.graphviz`` puts an SVG picture in an ``<object>`` that its
stylesheet shrinks to the page's column (``max-width: 100%``), so the text of
a picture wider than the column comes out too small to read. Here a picture
keeps the size Graphviz gave it (its ``pt`` width: 1 pt is 4/3 CSS px, so
9-point text is 12 px at any window width), scrolls sideways inside its own
box when it is wider than the column (``_static/diagrams.css``), and is
followed by a link that opens the SVG alone, full size. The pictures are
drawn to fit the column of a desktop window (``catalogue_diagrams.py``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.ext.graphviz import GraphvizError, graphviz, html_visit_graphviz, render_dot
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

#: The words of the link under each picture.
OPEN_TEXT = "Open the picture on its own, full size (SVG)"


def visit_graphviz(self: HTML5Translator, node: graphviz) -> None:
    """Write the picture as ``sphinx.ext.graphviz`` does, unshrunk, then the link to its SVG."""
    if self.builder.config.graphviz_output_format != "svg":
        html_visit_graphviz(self, node)
        return
    try:
        fname, _ = render_dot(self, node["code"], node["options"], "svg", "graphviz", node.get("filename"))
    except GraphvizError as exc:
        logger.warning("dot code %r: %s", node["code"], exc, location=node)
        raise nodes.SkipNode from exc
    if fname is None:  # no Graphviz: sphinx.ext.graphviz has warned
        raise nodes.SkipNode
    src = html.escape(fname.as_posix(), quote=True)
    alt = html.escape(node.get("alt", node["code"].strip()))
    classes = html.escape(" ".join(["graphviz", *node.get("classes", [])]), quote=True)
    self.body.append(
        f'<div class="graphviz"><object data="{src}" type="image/svg+xml" class="{classes}">\n'
        f'<p class="warning">{alt}</p></object></div>\n'
        f'<p class="graphviz-open"><a class="reference external" href="{src}">{OPEN_TEXT}</a></p>\n'
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz, override=True, html=(visit_graphviz, None))
    app.add_css_file("diagrams.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
