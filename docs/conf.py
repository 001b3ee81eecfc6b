"""
Sphinx configuration for the asean_digital documentation.

Built with ``-n -W --keep-going`` (nitpicky, warnings are errors) and with
no network: no intersphinx inventories are fetched. The data catalogue and
its pictures are generated from the packaged data by ``_ext/catalogue.py``.
Pages are MyST Markdown or Jupyter notebooks, read by myst-nb; notebooks are
executed at every build, and a cell that fails fails the build.
"""

from __future__ import annotations

import doctest
import json
import logging
import os
import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "asean_digital"
author = "asean_digital contributors"
copyright = "asean_digital contributors"
release = _version("asean-digital")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",  # MyST Markdown (it includes myst-parser) and executed notebooks
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx_copybutton",  # a copy button on every code block
    "notfound.extension",  # 404.html, for any address that has no page
    "apiref",
    "catalogue",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

nitpicky = True
nitpick_ignore = [
    # A private TypeVar of Registry.get's signature; TypeVars have no entry to link to.
    ("py:class", "asean_digital.query.registry.R"),
    ("py:class", "R"),  # the same, where the annotation stays a string (Entity is imported on first use)
    # Hypothesis' strategy type, named as the strategies module's annotations name it;
    # Hypothesis' own inventory is not fetched (no network at build time).
    ("py:class", "SearchStrategy"),
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:exc", "InvalidArgument"),  # hypothesis.errors.InvalidArgument, from the same inventory
    ("py:class", "polars.DataFrame"),  # polars' inventory is not fetched either
]

# -- autodoc and napoleon -----------------------------------------------------
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Show resolved types as "BodyKind", not "asean_digital.model.parts.BodyKind".
python_use_unqualified_type_names = True

# -- doctest: the examples of the pages and of the docstrings -----------------
# Sphinx ignores an exception's message by default; ours are part of what the
# pages show, so they are compared too.
doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
doctest_global_setup = """
import datetime
import os
import subprocess
import sys

import asean_digital as ad
from asean_digital import *

try:
    import pandas
except ImportError:  # the pandas examples are skipped without it
    pandas = None


def cli(*args):
    '''Run the asean-digital command line and print what it prints.'''
    env = dict(os.environ, COLUMNS="100")
    done = subprocess.run(
        [sys.executable, "-m", "asean_digital", *args],
        capture_output=True, text=True, env=env, check=False,
    )
    print(done.stdout + done.stderr, end="")
    if done.returncode:
        print(f"[exit status {done.returncode}]")
"""

# -- notebooks (myst-nb) --------------------------------------------------------
# Executed afresh at every build, so their outputs are those of the current code
# and data. An exception in a cell stops the build; the cell's traceback is in the
# log file Sphinx names (tests/test_notebook.py also names the failing cell).
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120  # seconds per cell
nb_merge_streams = True


def _kernel_of_this_interpreter() -> None:
    """
    Run the notebooks' ``python3`` kernel on the interpreter that runs Sphinx.

    Otherwise the ``python3`` kernelspec first on the Jupyter path is used:
    a user's own (``~/.local/share/jupyter``) wins over the virtual
    environment's when ``JUPYTER_PREFER_ENV_PATH`` is off, and it may run
    another Python, one without this package.
    """
    root = Path(__file__).parent / "_build" / "jupyter"
    spec = root / "kernels" / "python3" / "kernel.json"
    spec.parent.mkdir(parents=True, exist_ok=True)
    # Quiet: the kernel's start-up notes (it talks to the build over local TCP) are not the build's.
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    argv.append("--IPKernelApp.log_level=ERROR")
    spec.write_text(
        json.dumps({"argv": argv, "display_name": "Python 3 (ipykernel)", "language": "python"}),
        encoding="utf-8",
    )
    others = os.environ.get("JUPYTER_PATH", "")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(root), others) if p)


_kernel_of_this_interpreter()
# nbclient says at INFO level that it runs the notebook: the build's output is for problems.
logging.getLogger("traitlets").setLevel(logging.WARNING)

# -- copy buttons (sphinx-copybutton) -----------------------------------------
# A doctest or a shell session copies as the code alone: without its prompts
# (">>> ", "... ", "$ ") and without the lines of output that follow them.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"

# -- the 404 page (sphinx-notfound-page) --------------------------------------
# 404.html is what a web server shows for any missing page, at any depth, so its
# links and resources are absolute: from the root of the site. A site published
# under a path (example.org/asean-digital/) sets that path here. The extension
# makes the theme's links absolute, not those of a page's text, so the text is
# written here with its links built on the same prefix.
notfound_urls_prefix = "/"
_site = notfound_urls_prefix


def _link(page: str, text: str) -> str:
    return f'<a class="reference internal" href="{_site}{page}">{text}</a>'


notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>Page not found</h1>\n"
        "<p>There is no page at this address. It may have moved when the documentation was "
        "reorganised, or the address may be mistyped.</p>\n<ul>\n"
        f"<li>{_link('search.html', 'Search these pages')}.</li>\n"
        f"<li>Start from the {_link('index.html', 'home page')}, "
        f"{_link('getting-started.html', 'Getting started')} "
        f"or the {_link('catalogue/index.html', 'data catalogue')}.</li>\n"
        f"<li>Look a name up in the {_link('api.html', 'API reference')}.</li>\n</ul>\n"
    ),
}

# -- HTML ---------------------------------------------------------------------
html_theme = "furo"
html_title = f"asean_digital {release}"
html_static_path = ["_static"]
html_css_files = ["notebook.css", "diagrams.css"]
