"""
asean_digital: the institutional landscape of the ASEAN Digital sector as data.

The sectoral bodies (ADGMIN, formerly TELMIN; ADGSOM; ATRC; their working
groups), the master plans, key documents and declarations, the talent
competitions, the member states and partners, and how they relate: typed,
immutable, sourced records with a query API.

>>> import asean_digital as ad
>>> [b.acronym for b in ad.registry.bodies(established_before=2012)]
['ATRC', 'ADGSOM', 'ADGMIN', 'SSM']
>>> ad.registry.body("TELMIN").name_at(2015).acronym
'TELMIN'
"""

from __future__ import annotations

import _thread
import os

# Importing the package costs next to nothing: every public name below is
# looked up in its module on first use (PEP 562), so attrs, the model, cattrs,
# JSON decoding and the data itself load only when something needs them.
# ``TYPE_CHECKING`` is spelt out rather than imported so that ``typing`` is
# not imported either; type checkers treat the name alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    import cattrs

    from ._dates import PartialDate, Period, When, to_partial_date
    from ._errors import AmbiguousKeyError, AseanDigitalError, DataError, NotFoundError
    from ._interop import export, graph, to_dataframe, to_networkx, to_records
    from ._model import (
        Body,
        BodyKind,
        Declaration,
        Dialogue,
        Document,
        DocumentKind,
        Entity,
        Erratum,
        Event,
        Initiative,
        MasterPlan,
        MeetingSeries,
        MemberState,
        Name,
        Partner,
        PartnerKind,
        PolicyArea,
        Predicate,
        Relation,
        Sector,
        Source,
        SourceDocument,
        Thrust,
    )
    from ._registry import Registry
    from ._results import Results
    from ._search import Match

__all__ = [
    "AmbiguousKeyError",
    "AseanDigitalError",
    "Body",
    "BodyKind",
    "DataError",
    "Declaration",
    "Dialogue",
    "Document",
    "DocumentKind",
    "Entity",
    "Erratum",
    "Event",
    "Initiative",
    "MasterPlan",
    "Match",
    "MeetingSeries",
    "MemberState",
    "Name",
    "NotFoundError",
    "PartialDate",
    "Partner",
    "PartnerKind",
    "Period",
    "PolicyArea",
    "Predicate",
    "Registry",
    "Relation",
    "Results",
    "Sector",
    "Source",
    "SourceDocument",
    "Thrust",
    "When",
    "__version__",
    "converter",
    "export",
    "graph",
    "load",
    "registry",
    "to_dataframe",
    "to_networkx",
    "to_partial_date",
    "to_records",
]

# The public names each private module provides, looked up on first use.
_PROVIDERS: dict[str, tuple[str, ...]] = {
    "_dates": ("PartialDate", "Period", "When", "to_partial_date"),
    "_errors": ("AmbiguousKeyError", "AseanDigitalError", "DataError", "NotFoundError"),
    "_model": (
        "Body",
        "BodyKind",
        "Declaration",
        "Dialogue",
        "Document",
        "DocumentKind",
        "Entity",
        "Erratum",
        "Event",
        "Initiative",
        "MasterPlan",
        "MeetingSeries",
        "MemberState",
        "Name",
        "Partner",
        "PartnerKind",
        "PolicyArea",
        "Predicate",
        "Relation",
        "Sector",
        "Source",
        "SourceDocument",
        "Thrust",
    ),
    "_interop": ("export", "graph", "to_dataframe", "to_networkx", "to_records"),
    "_registry": ("Registry",),
    "_results": ("Results",),
    "_search": ("Match",),
}
_MODULE_OF: dict[str, str] = {name: module for module, names in _PROVIDERS.items() for name in names}

# _thread, not threading: the C module is built in and costs nothing to import.
_lock = _thread.RLock()
_state: dict[str, Any] = {}


def _once(name: str, make: Callable[[], Any]) -> Any:
    """The process-wide value *name*, made by *make* exactly once, whatever the threads."""
    value = _state.get(name)
    if value is None:
        with _lock:  # re-entrant: making the registry makes the converter
            value = _state.get(name)
            if value is None:
                value = _state[name] = make()
    return value


def _make_converter() -> cattrs.Converter:
    from ._convert import make_converter  # noqa: PLC0415 - cattrs loads on first use

    return make_converter()


def _converter_instance() -> cattrs.Converter:
    """The shared converter, made on first use (cattrs is not imported before)."""
    conv: cattrs.Converter = _once("converter", _make_converter)
    return conv


def _default_registry() -> Registry:
    reg: Registry = _once("registry", _build)
    return reg


def _build(*overlays: str | os.PathLike[str]) -> Registry:
    from ._gc import gc_paused  # noqa: PLC0415

    with gc_paused():  # making the classes, loading and indexing the data only allocate
        from ._load import load_dataset  # noqa: PLC0415
        from ._registry import Registry  # noqa: PLC0415

        return Registry(load_dataset(overlays))


def load(*overlays: str | os.PathLike[str]) -> Registry:
    """
    A new registry: the packaged data plus your overlay files or folders.

    An overlay is JSON in the packaged format (an object whose keys are
    collections such as ``"bodies"`` or ``"documents"``, each an array of
    records); a folder is read as all its ``*.json`` files in name order.
    A record whose id is already present replaces it; others are added.
    Nothing is mutated: :data:`registry` is unchanged, and a bad overlay
    raises :class:`DataError` without anything applied.

    Args:
        overlays: Paths of JSON files or folders, applied in order.

    Raises:
        DataError: An overlay is malformed or makes the data inconsistent;
            the message lists every problem with file and JSON path.
        TypeError: An overlay is not a path.

    >>> import asean_digital as ad, json, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mine.json").write_text(json.dumps({"partners": [{
    ...     "id": "AU", "name": "Australia", "kind": "country",
    ...     "sources": [{"document": "seed-page", "section": "Overview"}]}]}))
    >>> mine = ad.load(folder)
    >>> mine.partner("Australia").id, len(mine.partners()) - len(ad.registry.partners())
    ('AU', 1)
    """
    for overlay in overlays:
        if not isinstance(overlay, str | os.PathLike):
            msg = (
                f"each overlay must be a path (str or os.PathLike), got {type(overlay).__name__} {overlay!r}"
            )
            raise TypeError(msg)
    return _build(*overlays)


def __getattr__(name: str) -> Any:
    if name == "registry":
        return _default_registry()
    if name == "converter":
        return _converter_instance()
    module = _MODULE_OF.get(name)
    if module is not None:
        from importlib import import_module  # noqa: PLC0415 - already loaded by the import system

        value = getattr(import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # looked up once; later uses are plain attribute reads
        return value
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("asean-digital")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    registry: Registry
    converter: cattrs.Converter
    __version__: str
