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

# Importing the package costs next to nothing: every public name below is
# looked up in its module on first use (PEP 562), so attrs, the model, cattrs,
# JSON decoding and the data itself load only when something needs them.
# ``TYPE_CHECKING`` is spelt out rather than imported so that ``typing`` is
# not imported either; type checkers treat the name alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    import cattrs

    from .export.folder import export
    from .export.graph import graph, to_networkx
    from .formats.rows import to_dataframe, to_polars, to_records
    from .model.dates import PartialDate, Period, When, to_partial_date
    from .model.errors import AmbiguousKeyError, AseanDigitalError, DataError, NotFoundError, Problem
    from .model.overlay import Change, Resolution
    from .model.parts import (
        BodyKind,
        DocumentKind,
        Erratum,
        MeetingSeries,
        Name,
        Participant,
        PartnerKind,
        Predicate,
        Source,
        SourceDocument,
        Thrust,
    )
    from .model.records import (
        Body,
        Declaration,
        Dialogue,
        Document,
        Entity,
        Event,
        Initiative,
        MasterPlan,
        Meeting,
        MemberState,
        Partner,
        Person,
        PolicyArea,
        Relation,
        Sector,
    )
    from .query.api import load
    from .query.registry import Registry
    from .query.results import Results
    from .query.search import Match

__all__ = [
    "AmbiguousKeyError",
    "AseanDigitalError",
    "Body",
    "BodyKind",
    "Change",
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
    "Meeting",
    "MeetingSeries",
    "MemberState",
    "Name",
    "NotFoundError",
    "PartialDate",
    "Participant",
    "Partner",
    "PartnerKind",
    "Period",
    "Person",
    "PolicyArea",
    "Predicate",
    "Problem",
    "Registry",
    "Relation",
    "Resolution",
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
    "to_polars",
    "to_records",
]

# The public names each private module provides, looked up on first use.
_PROVIDERS: dict[str, tuple[str, ...]] = {
    "query.api": ("load",),
    "model.dates": ("PartialDate", "Period", "When", "to_partial_date"),
    "model.records": (
        "Body",
        "Declaration",
        "Dialogue",
        "Document",
        "Entity",
        "Event",
        "Initiative",
        "MasterPlan",
        "Meeting",
        "MemberState",
        "Partner",
        "Person",
        "PolicyArea",
        "Relation",
        "Sector",
    ),
    "model.errors": ("AmbiguousKeyError", "AseanDigitalError", "DataError", "NotFoundError", "Problem"),
    "export.folder": ("export",),
    "export.graph": ("graph", "to_networkx"),
    "model.parts": (
        "BodyKind",
        "DocumentKind",
        "Erratum",
        "MeetingSeries",
        "Name",
        "Participant",
        "PartnerKind",
        "Predicate",
        "Source",
        "SourceDocument",
        "Thrust",
    ),
    "model.overlay": ("Change", "Resolution"),
    "query.registry": ("Registry",),
    "query.results": ("Results",),
    "formats.rows": ("to_dataframe", "to_polars", "to_records"),
    "query.search": ("Match",),
}
_MODULE_OF: dict[str, str] = {name: module for module, names in _PROVIDERS.items() for name in names}


def __getattr__(name: str) -> Any:
    from importlib import import_module  # noqa: PLC0415 - already loaded by the import system

    if name in {"registry", "converter"}:
        # Made once, on first use, by their modules; kept here for plain attribute reads after.
        made = (
            import_module(f"{__name__}.query.api").default_registry()
            if name == "registry"
            else import_module(f"{__name__}.formats.convert").converter()
        )
        globals()[name] = made
        return made
    module = _MODULE_OF.get(name)
    if module is not None:
        value = getattr(import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # looked up once; later uses are plain attribute reads
        return value
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - read on first use, as attrs does

        return version("asean-digital")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    registry: Registry
    converter: cattrs.Converter
    __version__: str
