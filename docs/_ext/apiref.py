"""
Sphinx extension: what the API reference needs beyond autodoc, without network.

- Links for the few outside names our signatures mention (the standard
  library's and cattrs'), resolved from a table here: the build fetches no
  intersphinx inventory.
- :class:`~asean_digital.Registry` is documented without its constructor
  signature: its one argument is the private loaded dataset, and users get a
  registry from ``asean_digital.registry`` or ``asean_digital.load()``.
- The type aliases ``When`` and ``Entity`` get the docstrings written under
  their definitions, and the union they stand for.
- Record (attrs) classes are documented without a "Parameters" list: their
  ``Attributes:`` sections already give every field with its type.
"""

from __future__ import annotations

import importlib
import pkgutil
import typing
from typing import TYPE_CHECKING, Any

import attrs
from docutils import nodes
from sphinx.pycode import ModuleAnalyzer

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

PYTHON = "https://docs.python.org/3/library/"

#: Outside names our annotations and docstrings refer to, and their documentation
#: (the standard library's, pandas' and cattrs'; attrs is never named in signatures).
EXTERNAL: dict[str, str] = {
    "collections.abc.Iterable": PYTHON + "collections.abc.html#collections.abc.Iterable",
    "collections.abc.Sequence": PYTHON + "collections.abc.html#collections.abc.Sequence",
    "datetime.date": PYTHON + "datetime.html#datetime.date",
    "datetime.datetime": PYTHON + "datetime.html#datetime.datetime",
    "enum.Enum": PYTHON + "enum.html#enum.Enum",
    "os.PathLike": PYTHON + "os.html#os.PathLike",
    "Path": PYTHON + "pathlib.html#pathlib.Path",  # as _interop.export's string annotation names it
    "pathlib.Path": PYTHON + "pathlib.html#pathlib.Path",
    "pandas.DataFrame": "https://pandas.pydata.org/docs/reference/api/pandas.DataFrame.html",
    "networkx.MultiDiGraph": "https://networkx.org/documentation/stable/reference/classes/multidigraph.html",
    "csv": PYTHON + "csv.html",
    "cattrs.Converter": "https://catt.rs/en/stable/cattrs.html#cattrs.Converter",
}

#: Classes documented without a constructor signature.
NO_SIGNATURE = frozenset({"asean_digital.Registry"})


def resolve_external(
    _app: Sphinx, _env: BuildEnvironment, node: nodes.Element, contnode: nodes.Element
) -> nodes.reference | None:
    if node.get("refdomain") != "py":
        return None
    url = EXTERNAL.get(node.get("reftarget", ""))
    if url is None:
        return None
    reference = nodes.reference("", "", internal=False, refuri=url, reftitle=node["reftarget"])
    reference += contnode
    return reference


def _recorded_annotations(app: Sphinx) -> dict[str, Any]:
    current = getattr(app.env, "current_document", None)
    annotations = getattr(current, "autodoc_annotations", None)
    if annotations is None:  # Sphinx before 8.2
        annotations = app.env.temp_data.setdefault("annotations", {})
    return annotations  # type: ignore[no-any-return]


def class_signature(
    app: Sphinx, what: str, name: str, obj: Any, _options: Any, _args: str | None, _retann: str | None
) -> tuple[str, str] | None:
    """
    Keep constructor parameters out of the descriptions of record classes.

    An attrs class's parameters are its attributes, which its ``Attributes:``
    section documents with their types already; listing them again as
    "Parameters" would say everything twice.
    """
    if what not in {"class", "exception"}:
        return None
    annotations = _recorded_annotations(app)
    annotations.get(name, {}).pop("return", None)  # a constructor returns None
    if name in NO_SIGNATURE:
        annotations.pop(name, None)
        return "", ""
    if attrs.has(obj):
        annotations.pop(name, None)
    return None


def _alias_doc(name: str) -> list[str] | None:
    """The docstring written under *name*'s assignment in the private module defining it."""
    package, _, short = name.rpartition(".")
    if package != "asean_digital":
        return None
    module = importlib.import_module(package)
    for info in pkgutil.iter_modules(module.__path__, prefix=f"{package}."):
        docs = ModuleAnalyzer.for_module(info.name).find_attr_docs()
        if ("", short) in docs:
            return list(docs["", short])
    return None


def _alias_target(value: Any) -> str:
    """The union a type alias stands for, as cross-referenced reST."""
    if isinstance(value, str):  # a string annotation, such as When's
        parts = [p.strip().replace("_dt.", "datetime.") for p in value.split("|")]
    else:
        parts = [getattr(arg, "__name__", str(arg)) for arg in typing.get_args(value)]
    return " | ".join(f":class:`{p}`" for p in parts)


def alias_docstring(_app: Sphinx, what: str, name: str, obj: Any, _options: Any, lines: list[str]) -> None:
    """
    Document the package's type aliases with their own docstrings.

    ``When`` and ``Entity`` are re-exported values (a string and a union), so
    autodoc, looking in ``__init__.py``, would show the docstring of ``str``
    or of ``types.UnionType`` instead of the one under their definition.
    """
    if what != "data":
        return
    doc = _alias_doc(name)
    if doc is None:
        return
    lines[:] = [*doc, "", f"Alias of {_alias_target(obj)}.", ""]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("missing-reference", resolve_external)
    app.connect("autodoc-process-signature", class_signature)
    app.connect("autodoc-process-docstring", alias_docstring)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
