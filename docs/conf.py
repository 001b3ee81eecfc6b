"""
Sphinx configuration for the asean_digital documentation.

Built with ``-n -W --keep-going`` (nitpicky, warnings are errors) and with
no network: no intersphinx inventories are fetched. The data catalogue and
its pictures are generated from the packaged data by ``_ext/catalogue.py``.
"""

from __future__ import annotations

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
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.graphviz",
    "apiref",
    "catalogue",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

nitpicky = True
nitpick_ignore = [
    # A private TypeVar of Registry.get's signature; TypeVars have no entry to link to.
    ("py:class", "asean_digital._registry.R"),
    # Hypothesis' strategy type, named as the strategies module's annotations name it;
    # Hypothesis' own inventory is not fetched (no network at build time).
    ("py:class", "SearchStrategy"),
    ("py:class", "hypothesis.strategies.SearchStrategy"),
]

# -- autodoc and napoleon -----------------------------------------------------
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Show resolved types as "BodyKind", not "asean_digital._model.BodyKind".
python_use_unqualified_type_names = True

# -- doctest: the examples of the pages and of the docstrings -----------------
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

# -- graphviz -----------------------------------------------------------------
graphviz_output_format = "svg"

# -- HTML ---------------------------------------------------------------------
html_theme = "furo"
html_title = f"asean_digital {release}"
html_static_path: list[str] = []
