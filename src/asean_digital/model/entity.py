"""
:data:`Entity`: any record the registry holds.

Importing it builds every record class; the query path names it only in
annotations.
"""

from typing import TypeAlias

from .activities import Dialogue, Initiative, PolicyArea
from .competition import Edition, Event
from .documents import Declaration, Document, MasterPlan
from .meeting import Meeting, Person, Series
from .process import Process
from .records import Body, MemberState, Partner, Relation
from .sector import Sector

__all__ = ["Entity"]

Entity: TypeAlias = (
    Body
    | Document
    | Declaration
    | MasterPlan
    | Meeting
    | Person
    | Series
    | Edition
    | Event
    | Partner
    | MemberState
    | Relation
    | Sector
    | PolicyArea
    | Dialogue
    | Initiative
    | Process
)
"""Any record the registry holds."""
