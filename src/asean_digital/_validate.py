"""
Consistency checks over a whole structured :class:`~asean_digital._load.Dataset`.

Structuring already guarantees each record's shape, types and dates; this
module checks what only the whole dataset can tell: ids are unique and
well-formed, references resolve, keys are unambiguous, naming histories are
contiguous, hierarchies have no cycles.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from ._keys import KIND_OF, index_keys, normalise, title_keys
from ._model import Body, Declaration, DocumentKind, Name, Sector

if TYPE_CHECKING:
    from ._load import Dataset

__all__ = ["validate"]

# The forms of ids, checked with str methods rather than regular expressions
# (compiling those cost more than the checks, on every start); the tests hold
# each to its pattern.


def is_slug(text: str) -> bool:
    """``[a-z0-9]+(?:-[a-z0-9]+)*``: lower-case letters and digits, in words joined by single hyphens."""
    return text.isascii() and all(part.isalnum() and part == part.lower() for part in text.split("-"))


def is_code(text: str) -> bool:
    """``[A-Z][A-Z0-9]{1,9}``: an upper-case code of 2 to 10 letters and digits, starting with a letter."""
    return (
        2 <= len(text) <= 10
        and text.isascii()
        and text.isalnum()
        and text == text.upper()
        and text[0].isalpha()
    )


def is_upper_letters(text: str, length: int) -> bool:
    """``[A-Z]{length}``: exactly *length* upper-case ASCII letters."""
    return len(text) == length and text.isascii() and text.isalpha() and text.isupper()


_UPPER_ID_COLLECTIONS: Final = frozenset({"partners", "member_states"})
_UNKEYED: Final = frozenset({"relations", "sources"})


class _Checker:
    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.problems: list[str] = []
        self.ids: dict[str, str] = {}  # id -> collection
        self.first: dict[str, Any] = {}  # id -> the record that first holds it
        self.ids_of: dict[str, set[str]] = defaultdict(set)

    def where(self, collection: str, record: Any) -> str:
        origin = self.data.origins.get((collection, str(record.id)))
        return str(origin) if origin is not None else f"{collection}: $"

    def problem(self, collection: str, record: Any, field: str, message: str) -> None:
        self.problems.append(f"{self.where(collection, record)}{field}: {message}")

    def records(self) -> Iterator[tuple[str, Any]]:
        for name in KIND_OF:
            for record in self.data.collection(name):
                yield name, record

    def run(self) -> list[str]:
        self.check_ids()
        self.check_sources()
        self.check_keys()
        self.check_references()
        self.check_bodies()
        self.check_other_records()
        return self.problems

    def check_ids(self) -> None:
        for name in KIND_OF:
            if name == "relations":
                continue
            upper = name in _UPPER_ID_COLLECTIONS
            well_formed = is_code if upper else is_slug
            expected = "an upper-case code like 'TH' or 'ITU'" if upper else "a lower-case slug like 'wg-ddg'"
            ids_of = self.ids_of[name]
            ids, first = self.ids, self.first
            keyed = name != "sources"  # source documents have an id space of their own
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
        for relation in self.data.relations:
            if relation.id in seen:
                self.problem("relations", relation, "", f"duplicate relation {relation.id!r}")
            seen.add(relation.id)
        if not self.data.sectors:
            self.problems.append("sector.json: $.sectors: expected exactly one sector record, got none")
        for sector in self.data.sectors[1:]:
            self.problem(
                "sectors", sector, ".id", f"expected exactly one sector record, got {len(self.data.sectors)}"
            )

    def check_sources(self) -> None:
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
        self.problem(
            name, record, f"{path}.document", f"{source.document!r} is not the id of a source document"
        )

    def check_keys(self) -> None:
        keys = self.data.keys if self.data.keys is not None else index_keys(self.data)
        for norm, shared_by in keys.shared():
            by_kind: dict[str, list[str]] = defaultdict(list)
            for rid in shared_by:  # check_ids has seen every id, with its collection and record
                by_kind[KIND_OF[self.ids[rid]]].append(rid)
            for kind, ids in by_kind.items():
                if len(ids) < 2:
                    continue  # records of different kinds may share a key
                if all(any(normalise(t) == norm for t in title_keys(self.first[rid])) for rid in ids):
                    continue  # a title shared by several documents: ambiguous, allowed
                for rid in sorted(ids):
                    others = sorted(set(ids) - {rid})
                    name, record = self.ids[rid], self.first[rid]
                    self.problem(
                        name,
                        record,
                        "",
                        f"the key {norm!r} is ambiguous: it also finds {kind} {', '.join(map(repr, others))}",
                    )

    def ref(self, collection: str, record: Any, field: str, value: str, target: str) -> None:
        if value not in self.ids_of[target]:
            self.problem(collection, record, field, f"{value!r} is not the id of any {KIND_OF[target]}")

    def check_references(self) -> None:
        for body in self.data.bodies:
            if body.parent is not None:
                self.ref("bodies", body, ".parent", body.parent, "bodies")
            for i, series in enumerate(body.meetings):
                for j, other in enumerate(series.joint_with):
                    self.ref("bodies", body, f".meetings[{i}].joint_with[{j}]", other, "bodies")
                for j, other in enumerate(series.back_to_back_with):
                    self.ref("bodies", body, f".meetings[{i}].back_to_back_with[{j}]", other, "bodies")
                for j, partner in enumerate(series.consultation_partners):
                    self.ref(
                        "bodies",
                        body,
                        f".meetings[{i}].consultation_partners[{j}]",
                        partner,
                        "partners",
                    )
        for decl in self.data.declarations:
            self.ref("declarations", decl, ".body", decl.body, "bodies")
            self.ref("declarations", decl, ".host", decl.host, "member_states")
        for event in self.data.events:
            for j, partner in enumerate(event.partners):
                self.ref("events", event, f".partners[{j}]", partner, "partners")
        for dialogue in self.data.dialogues:
            for j, partner in enumerate(dialogue.partners):
                self.ref("dialogues", dialogue, f".partners[{j}]", partner, "partners")
            if dialogue.convener is not None:
                self.ref("dialogues", dialogue, ".convener", dialogue.convener, "bodies")
        for relation in self.data.relations:
            for field in ("subject", "object"):
                value = getattr(relation, field)
                if value not in self.ids:
                    self.problem("relations", relation, f".{field}", f"{value!r} is not the id of any record")
            if relation.subject == relation.object:
                self.problem("relations", relation, "", "a record cannot relate to itself")

    def check_names(self, collection: str, record: Body | Sector, start: object) -> None:
        names: tuple[Name, ...] = record.names
        if not names:
            self.problem(collection, record, ".names", "the naming history is empty")
            return
        if names[0].valid.start != start:
            self.problem(
                collection,
                record,
                ".names[0].valid.start",
                f"the first name starts {names[0].valid.start}, not at establishment ({start})",
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
        for body in self.data.bodies:
            self.check_names("bodies", body, body.established)
            if body.names and body.acronym != body.names[-1].acronym:
                self.problem(
                    "bodies",
                    body,
                    ".acronym",
                    f"{body.acronym!r} is not the current acronym {body.names[-1].acronym!r}",
                )
            for i, series in enumerate(body.meetings):
                if series.per_year is not None and series.per_year < 1:
                    self.problem("bodies", body, f".meetings[{i}].per_year", "must be at least 1 or null")
        for sector in self.data.sectors:
            # The sector is in every view of the data: its first name has no start.
            self.check_names("sectors", sector, None)
        parents = {b.id: b.parent for b in self.data.bodies}
        position = {b.id: i for i, b in enumerate(self.data.bodies)}
        by_id = {b.id: b for b in self.data.bodies}
        reported: set[str] = set()
        # Each body's walk up its parents stops at a body an earlier walk has
        # been through: what lies above it is known (the top, or a cycle found
        # and reported then), so every body is walked through once.
        walked: set[str] = set()
        for body in self.data.bodies:
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
        for plan in self.data.master_plans:
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
                if is_decl and doc.meeting_number < 1:
                    self.problem(name, doc, ".meeting_number", "must be at least 1")
        for state in self.data.member_states:
            if not is_upper_letters(state.id, 2):
                self.problem("member_states", state, ".id", f"{state.id!r} is not an ISO alpha-2 code")
            if not is_upper_letters(state.alpha3, 3):
                self.problem(
                    "member_states",
                    state,
                    ".alpha3",
                    f"{state.alpha3!r} is not an ISO alpha-3 code",
                )


def validate(data: Dataset) -> list[str]:
    """Every consistency problem of *data*, one line each, with file and JSON path."""
    return _Checker(data).run()
