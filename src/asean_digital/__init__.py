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

# The one list of public names is the ``TYPE_CHECKING`` block below: type
# checkers and editors read it as imports, and at run time ``__getattr__``
# reads the same block from this file (the layout of Scientific Python's SPEC 1
# lazy loading) and imports a name's module on its first use (PEP 562). So
# importing the package costs next to nothing: attrs, the model, cattrs, JSON
# decoding and the data load only when something needs them.
# ``TYPE_CHECKING`` is spelt out rather than imported so that ``typing`` is
# not imported either; type checkers treat the name alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import cattrs

    from .export.folder import export as export
    from .export.graph import graph as graph
    from .export.graph import to_networkx as to_networkx
    from .formats.rows import to_dataframe as to_dataframe
    from .formats.rows import to_polars as to_polars
    from .formats.rows import to_records as to_records
    from .model.activities import Dialogue as Dialogue
    from .model.activities import Initiative as Initiative
    from .model.activities import PolicyArea as PolicyArea
    from .model.competition import Edition as Edition
    from .model.competition import Event as Event
    from .model.competition import Winner as Winner
    from .model.dates import PartialDate as PartialDate
    from .model.dates import Period as Period
    from .model.dates import When as When
    from .model.dates import to_partial_date as to_partial_date
    from .model.documents import Declaration as Declaration
    from .model.documents import Document as Document
    from .model.documents import MasterPlan as MasterPlan
    from .model.documents import Thrust as Thrust
    from .model.entity import Entity as Entity
    from .model.errors import AmbiguousKeyError as AmbiguousKeyError
    from .model.errors import AseanDigitalError as AseanDigitalError
    from .model.errors import DataError as DataError
    from .model.errors import NotFoundError as NotFoundError
    from .model.errors import Problem as Problem
    from .model.meeting import Meeting as Meeting
    from .model.meeting import Participant as Participant
    from .model.meeting import ParticipantRole as ParticipantRole
    from .model.meeting import Person as Person
    from .model.meeting import Series as Series
    from .model.overlay import Change as Change
    from .model.overlay import Resolution as Resolution
    from .model.parts import BodyKind as BodyKind
    from .model.parts import Coordinator as Coordinator
    from .model.parts import DocumentAct as DocumentAct
    from .model.parts import DocumentKind as DocumentKind
    from .model.parts import Erratum as Erratum
    from .model.parts import MeetingMode as MeetingMode
    from .model.parts import MeetingSeries as MeetingSeries
    from .model.parts import Name as Name
    from .model.parts import PartnerKind as PartnerKind
    from .model.parts import Predicate as Predicate
    from .model.parts import ProcessKind as ProcessKind
    from .model.parts import Source as Source
    from .model.parts import SourceDocument as SourceDocument
    from .model.process import Milestone as Milestone
    from .model.process import MilestoneStatus as MilestoneStatus
    from .model.process import Process as Process
    from .model.records import Body as Body
    from .model.records import MemberState as MemberState
    from .model.records import Partner as Partner
    from .model.records import Relation as Relation
    from .model.sector import Sector as Sector
    from .query.api import load as load
    from .query.registry import Registry as Registry
    from .query.results import Results as Results
    from .query.search import Match as Match
    from .query.timeline import Moment as Moment

    registry: Registry  # the packaged data, made on first use
    converter: cattrs.Converter  # the JSON converter, made on first use
    __version__: str
    __all__: list[str]  # these names, sorted


def _public() -> dict[str, str]:
    """Each public name and its module (``""`` for the three made here), read from the block above."""
    import ast  # noqa: PLC0415 - on first use only; the first query has imported it already
    from pathlib import Path  # noqa: PLC0415

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    names: dict[str, str] = {}
    for node in block.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            names.update({alias.asname or alias.name: node.module for alias in node.names})
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id != "__all__"
        ):
            names[node.target.id] = ""
    return names


def _names() -> dict[str, str]:
    """:func:`_public`, read once."""
    names: dict[str, str] = globals().get("_PUBLIC") or globals().setdefault("_PUBLIC", _public())
    return names


def __getattr__(name: str) -> object:
    from importlib import import_module  # noqa: PLC0415 - already loaded by the import system

    # The three made here first: the first query (``ad.registry``) need not read the block.
    if name == "registry":
        value: object = import_module(f"{__name__}.query.api").default_registry()
    elif name == "converter":
        value = import_module(f"{__name__}.formats.convert").converter()
    elif name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - read on first use, as attrs does

        return version("asean-digital")
    elif name == "__all__":
        value = sorted(_names())
    elif _names().get(name):
        value = getattr(import_module(f"{__name__}.{_names()[name]}"), name)
    else:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value  # looked up once; later uses are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_names()))
