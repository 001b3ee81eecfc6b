"""
Consistency checks over a whole structured :class:`~asean_digital.loading.load.Dataset`.

Structuring already guarantees each record's shape, types and dates; this
module checks what only the whole dataset can tell: ids are unique and
well-formed, references resolve, keys are unambiguous, naming histories are
contiguous, hierarchies have no cycles, and the facts of a meeting agree
wherever they are stated: a declaration's meeting number, name, year, city
and host with each other and with its meeting, a meeting's name with its
number and its body's name then, dates within the life of their body, a host
that was a member state by then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .keys import KeyChecks
from .meetings import MeetingChecks
from .records import RecordChecks

if TYPE_CHECKING:
    from asean_digital.loading.dataset import Dataset
    from asean_digital.model.errors import Problems

__all__ = ["validate"]


class _Checker(RecordChecks, KeyChecks, MeetingChecks):
    """Every check, in the order problems are reported."""

    def run(self) -> Problems:
        self.check_ids()
        self.check_sources()
        self.check_keys()
        self.check_references()
        self.check_bodies()
        self.check_other_records()
        self.check_meetings()
        return self.problems


def validate(data: Dataset, *, unreadable: frozenset[str] = frozenset()) -> Problems:
    """
    Every consistency problem of *data*, one line each, with file and JSON path.

    A reference to one of the *unreadable* ids (records whose own problems
    kept them out of *data*) is not reported again. The first problems are
    kept and the rest counted (:class:`~asean_digital.model.errors.Problems`).
    """
    return _Checker(data, unreadable).run()
