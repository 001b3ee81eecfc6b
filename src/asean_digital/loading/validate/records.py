"""
The checks of single kinds of record.

Ids and their forms, cited sources, naming histories, the hierarchy of
bodies, and the other kinds' own rules.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Final

from asean_digital.model.collections import COLLECTIONS
from asean_digital.model.documents import Declaration
from asean_digital.model.fields import values_at
from asean_digital.model.parts import DocumentKind, Name
from asean_digital.model.rules import ID_FORMS, is_upper_letters

from .base import Checks

if TYPE_CHECKING:
    from asean_digital.model.records import Body
    from asean_digital.model.sector import Sector

_COUNTS: Final = (
    ("events", "per_year"),
    ("dialogues", "per_year"),
    ("bodies", "meetings[].per_year"),
    ("meetings", "number"),
    ("declarations", "meeting_number"),
    ("master_plans", "projects"),
)
"""The fields that count (a number of meetings a year) or order (an ordinal) something."""


class RecordChecks(Checks):
    """The checks of single kinds of record."""

    def check_ids(self) -> None:
        """Ids of the right form, unique within their id space."""
        for c in COLLECTIONS:
            if c.id_form is None:
                continue
            name = c.name
            well_formed, expected = ID_FORMS[c.id_form]
            ids_of = self.ids_of[name]
            ids, first = self.ids, self.first
            keyed = c.keyed  # source documents have an id space of their own
            for record in self.data.collection(name):
                rid = record.id
                if not well_formed(rid):
                    self.problem(name, record, ".id", f"{rid!r} is not {expected}")
                ids_of.add(rid)
                if not keyed:
                    continue
                if rid in ids:
                    other, other_record = ids[rid], first[rid]
                    self.problem(name, record, ".id", f"duplicate id {rid!r}, also a record of {other}")
                    self.problem(other, other_record, ".id", f"duplicate id {rid!r}, also a record of {name}")
                else:
                    ids[rid] = name
                    first[rid] = record
        seen: set[str] = set()
        for relation in self.data.collection("relations"):
            if relation.id in seen:
                self.problem("relations", relation, "", f"duplicate relation {relation.id!r}")
            seen.add(relation.id)
        sectors = self.data.collection("sectors")
        if not sectors:
            self.problems.append("sectors.json: $.sectors: expected exactly one sector record, got none")
        for sector in sectors[1:]:
            self.problem("sectors", sector, ".id", f"expected exactly one sector record, got {len(sectors)}")

    def check_sources(self) -> None:
        """Every citation names a source document of the data."""
        known = self.ids_of["sources"]
        for name, record in self.records():
            if name == "sources":
                continue
            if not record.sources:
                self.problem(name, record, ".sources", "every record must cite at least one source")
            for i, source in enumerate(record.sources):
                if source.document not in known:
                    self.unknown_source(name, record, f".sources[{i}]", source)
            for i, erratum in enumerate(record.errata):
                for j, source in enumerate(erratum.sources):
                    if source.document not in known:
                        self.unknown_source(name, record, f".errata[{i}].sources[{j}]", source)

    def unknown_source(self, name: str, record: Any, path: str, source: Any) -> None:
        """Report a citation of *source*, which names no source document."""
        self.problem(
            name, record, f"{path}.document", f"{source.document!r} is not the id of a source document"
        )

    def check_names(self, collection: str, record: Body | Sector, start: object) -> None:
        """A naming history that starts with the record and runs without gaps or overlaps."""
        names: tuple[Name, ...] = record.names
        if not names:
            self.problem(collection, record, ".names", "the naming history is empty")
            return
        if names[0].valid.start != start:
            self.problem(
                collection,
                record,
                ".names[0].valid.start",
                (
                    f"the first name starts {names[0].valid.start or 'at no date given'}, not at "
                    f"establishment ({start or 'no date given'}): the first name is borne from the "
                    f"start, so give both the same date"
                ),
            )
        for i, (old, new) in enumerate(itertools.pairwise(names)):
            if old.valid.end is None or old.valid.end != new.valid.start:
                self.problem(
                    collection,
                    record,
                    f".names[{i + 1}].valid.start",
                    f"names must be contiguous: name {i} ends {old.valid.end}, "
                    f"name {i + 1} starts {new.valid.start}",
                )
        if record.name != names[-1].name:
            self.problem(
                collection,
                record,
                ".name",
                f"{record.name!r} is not the current name {names[-1].name!r} (the last of names)",
            )

    def check_bodies(self) -> None:
        """Bodies: names, parents that exist, and no cycle in the hierarchy."""
        bodies: tuple[Body, ...] = self.data.collection("bodies")
        for body in bodies:
            self.check_names("bodies", body, body.established)
            if body.names and body.acronym != body.names[-1].acronym:
                self.problem(
                    "bodies",
                    body,
                    ".acronym",
                    f"{body.acronym!r} is not the current acronym {body.names[-1].acronym!r}",
                )
        for sector in self.data.collection("sectors"):
            # The sector is in every view of the data: its first name has no start.
            self.check_names("sectors", sector, None)
        parents = {b.id: b.parent for b in bodies}
        position = {b.id: i for i, b in enumerate(bodies)}
        by_id = {b.id: b for b in bodies}
        reported: set[str] = set()
        # Each body's walk up its parents stops at a body an earlier walk has
        # been through: what lies above it is known (the top, or a cycle found
        # and reported then), so every body is walked through once.
        walked: set[str] = set()
        for body in bodies:
            if body.id in walked:
                continue
            chain = [body.id]
            on_chain = {body.id: 0}
            current = parents.get(body.id)
            while current is not None and current in parents and current not in walked:
                if current in on_chain:
                    cycle = chain[on_chain[current] :]
                    if not reported & set(cycle):
                        # Named at the body of the cycle merged last: an overlay's, if any.
                        last = max(cycle, key=position.__getitem__)
                        turn = cycle.index(last)
                        shown = [*cycle[turn:], *cycle[:turn], last]
                        self.problem("bodies", by_id[last], ".parent", f"parent cycle: {' -> '.join(shown)}")
                        reported.update(cycle)
                    break
                on_chain[current] = len(chain)
                chain.append(current)
                current = parents[current]
            walked.update(chain)

    def check_other_records(self) -> None:
        """The other kinds' own rules: thrust numbers, meeting numbers, ISO codes."""
        for plan in self.data.collection("master_plans"):
            numbers = [t.number for t in plan.thrusts]
            if numbers != list(range(1, len(numbers) + 1)):
                self.problem(
                    "master_plans",
                    plan,
                    ".thrusts",
                    f"thrusts must be numbered 1, 2, ... in order, got {numbers}",
                )
        for name in ("documents", "declarations"):
            for doc in self.data.collection(name):
                if not doc.kinds:
                    self.problem(name, doc, ".kinds", "a document must appear in at least one listing")
                if len(set(doc.kinds)) != len(doc.kinds):
                    self.problem(name, doc, ".kinds", "a listing is named twice")
                is_decl = isinstance(doc, Declaration)
                if is_decl != (DocumentKind.DECLARATION in doc.kinds):
                    self.problem(
                        name,
                        doc,
                        ".kinds",
                        "declarations, and only they, are listed as 'declaration'",
                    )
        self.check_counts()
        for state in self.data.collection("member_states"):
            if not is_upper_letters(state.id, 2):
                self.problem("member_states", state, ".id", f"{state.id!r} is not an ISO alpha-2 code")
            if not is_upper_letters(state.alpha3, 3):
                self.problem(
                    "member_states",
                    state,
                    ".alpha3",
                    f"{state.alpha3!r} is not an ISO alpha-3 code",
                )

    def check_counts(self) -> None:
        """A count or an ordinal is at least 1: meetings a year, a meeting's number, a thrust's."""
        for name, path in _COUNTS:
            for record in self.data.collection(name):
                for where, value in values_at(record, path):
                    if isinstance(value, int) and value < 1:
                        self.problem(name, record, where, f"must be at least 1, got {value}")
