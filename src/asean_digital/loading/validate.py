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

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from asean_digital.model.collections import COLLECTIONS, collection, values_at
from asean_digital.model.keys import KIND_OF, closest, index_keys, keyed, normalise, record_keys, title_keys
from asean_digital.model.parts import DocumentKind, Name
from asean_digital.model.records import Body, Declaration, Meeting, Sector

if TYPE_CHECKING:
    from asean_digital.model.dates import PartialDate

    from .dataset import Dataset

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


_ID_FORMS: Final = {
    "code": (is_code, "an upper-case code like 'TH' or 'ITU'"),
    "slug": (is_slug, "a lower-case slug like 'wg-ddg'"),
}


class _Checker:
    def __init__(self, data: Dataset, unreadable: frozenset[str] = frozenset()) -> None:
        self.data = data
        self.unreadable = unreadable
        self.problems: list[str] = []
        self.ids: dict[str, str] = {}  # id -> collection
        self.first: dict[str, Any] = {}  # id -> the record that first holds it
        self.ids_of: dict[str, set[str]] = defaultdict(set)
        self.because = ""  # why a packaged record is checked again: the overlay's record it depends on

    def where(self, collection: str, record: Any) -> str:
        origin = self.data.origins.get((collection, str(record.id)))
        return str(origin) if origin is not None else f"{collection}: $"

    def problem(self, collection: str, record: Any, field: str, message: str) -> None:
        self.problems.append(f"{self.where(collection, record)}{field}: {message}{self.because}")

    def records(self) -> Iterator[tuple[str, Any]]:
        for c in COLLECTIONS:
            for record in self.data.collection(c.name):
                yield c.name, record

    def run(self) -> list[str]:
        self.check_ids()
        self.check_sources()
        self.check_keys()
        self.check_references()
        self.check_bodies()
        self.check_other_records()
        self.check_meetings()
        return self.problems

    def check_ids(self) -> None:
        for c in COLLECTIONS:
            if c.id_form is None:
                continue
            name = c.name
            well_formed, expected = _ID_FORMS[c.id_form]
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
        own = self.own_keys()
        self.check_key_text(own)
        for norm, shared_by in keys.shared():
            owner = own.get(norm)
            owner_kind = KIND_OF[self.ids[owner]] if owner is not None else None
            impostors = [r for r in shared_by if r != owner and KIND_OF[self.ids[r]] != owner_kind]
            if owner is not None and impostors:  # a record's id or acronym: no other kind may be found by it
                for rid in sorted(impostors):
                    name, record = self.ids[rid], self.first[rid]
                    self.problem(
                        name,
                        record,
                        "",
                        f"the key {norm!r} is the id or acronym of {KIND_OF[self.ids[owner]]} {owner!r}; "
                        "another record may not be found by it (rename the key or drop the alias)",
                    )
            by_kind: dict[str, list[str]] = defaultdict(list)
            for rid in shared_by:  # check_ids has seen every id, with its collection and record
                by_kind[KIND_OF[self.ids[rid]]].append(rid)
            for kind, ids in by_kind.items():
                if len(ids) < 2:
                    continue  # records of different kinds may share a key
                if all(any(normalise(t) == norm for t in title_keys(self.first[rid])) for rid in ids):
                    continue  # a title shared by several documents: ambiguous, allowed
                touched = {o.id for o in self.data.overlaid}
                # Packaged records were checked with the package: the overlay's record is the one to fix.
                blamed = [rid for rid in ids if rid in touched] or ids
                for rid in sorted(blamed):
                    others = sorted(set(ids) - {rid})
                    name, record = self.ids[rid], self.first[rid]
                    key = next((k for k in record_keys(record) if normalise(k) == norm), norm)
                    self.problem(
                        name,
                        record,
                        "",
                        f"the key {key!r} is ambiguous: it also finds {kind} {', '.join(map(repr, others))}; "
                        f"two records of a kind may not share an id, acronym, name or alias: change or "
                        f"drop this record's {key!r}",
                    )

    def own_keys(self) -> dict[str, str]:
        """Each record's id and acronyms (former ones too) in normal form: keys no other kind may hold."""
        out: dict[str, str] = {}
        for rid in self.ids:
            out.setdefault(normalise(rid), rid)
        for rid, record in self.first.items():
            acronyms = [getattr(record, "acronym", None), *(n.acronym for n in getattr(record, "names", ()))]
            for acronym in acronyms:
                if isinstance(acronym, str):
                    out.setdefault(normalise(acronym), rid)
        return out

    def check_key_text(self, own: dict[str, str]) -> None:
        """
        Keys are safe to type and to read.

        They hold no control or invisible characters, no letters of look-alike scripts mixed, and
        do not look like another record's id or acronym (*own*, in normal form) written in other
        letters ("КН" for "KH").
        """
        for c in COLLECTIONS:
            if not c.keyed:
                continue
            for record in self.data.collection(c.name):
                for key in record_keys(record):
                    if key.isascii() and key.isprintable():
                        continue
                    reason = _unsafe(key)
                    twin = own.get(normalise(key.translate(_AS_LATIN)))
                    if not reason and twin is not None and twin != record.id and normalise(key) not in own:
                        reason = (
                            f"looks like the id or acronym {twin!r} written in other letters; "
                            "write it in Latin letters, or drop it"
                        )
                    if reason:
                        self.problem(c.name, record, "", f"the key {key!r} {reason}")

    def check_references(self) -> None:
        """Every reference field of the table holds the id of a record of its target collection."""
        for c in COLLECTIONS:
            if not c.references:
                continue
            for record in self.data.collection(c.name):
                for reference in c.references:
                    target = reference.target
                    for path, value in values_at(record, reference.field):
                        if value in self.unreadable:
                            continue
                        if target == "*":
                            if value not in self.ids:
                                self.problem(c.name, record, path, self.not_an_id(value, None))
                        elif value not in self.ids_of[target] and not self._within(value, target):
                            kind = collection(target).kind
                            self.problem(c.name, record, path, self.not_an_id(value, kind))
        for relation in self.data.collection("relations"):
            if relation.subject == relation.object:
                self.problem("relations", relation, "", "a record cannot relate to itself")

    def not_an_id(self, value: object, kind: str | None) -> str:
        """Why *value* is not a reference to a record of *kind* (``None``: any), and what to write."""
        label = kind or "record"
        said = f"{value!r} is not the id of any {label}"
        if not isinstance(value, str):
            return said
        keys = self.data.keys if self.data.keys is not None else index_keys(self.data)
        found = [i for i in keys.ids(normalise(value)) if kind is None or KIND_OF[self.ids[i]] == kind]
        if len(found) == 1:
            return f"{said}; it is a key of {label} {found[0]!r}: write {found[0]!r}"
        if found:
            listed = ", ".join(repr(i) for i in sorted(found))
            return f"{said}; as a key it finds several ({listed}): write the id of the one meant"
        display = self.display_keys(kind)
        hints = [f"{display[n][1]!r} ({display[n][0]})" for n in closest(normalise(value), display)]
        if hints:
            return f"{said}, nor a key of one; did you mean {' or '.join(hints)}?"
        return f"{said}, nor a key of one"

    def display_keys(self, kind: str | None) -> dict[str, tuple[str, str]]:
        """Each normal form of a key of the records of *kind* (``None``: any), with the key and its record."""
        out: dict[str, tuple[str, str]] = {}
        for rid, record in self.first.items():
            if kind is not None and KIND_OF[self.ids[rid]] != kind:
                continue
            for key, norm in keyed(record):
                out.setdefault(norm, (key, rid))
        return out

    def _within(self, value: str, target: str) -> bool:
        """Whether *value* is the id of a record of a collection within *target*."""
        return any(c.within == target and value in self.ids_of[c.name] for c in COLLECTIONS)

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
            for i, series in enumerate(body.meetings):
                if series.per_year is not None and series.per_year < 1:
                    self.problem("bodies", body, f".meetings[{i}].per_year", "must be at least 1 or null")
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
                if is_decl and doc.meeting_number < 1:
                    self.problem(name, doc, ".meeting_number", "must be at least 1")
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

    def check_meetings(self) -> None:
        """
        A meeting's facts agree wherever they are stated: in the meeting, its declarations, its body.

        With overlays, the records they add or replace are checked against
        everything else; the packaged records were checked when the data
        was (an overlay that moves a date they depend on has that change
        reported by ``Registry.changes()``).
        """
        touched = {(o.collection, o.id) for o in self.data.overlaid}
        bodies: dict[str, Body] = {b.id: b for b in self.data.collection("bodies")}
        meetings: tuple[Meeting, ...] = self.data.collection("meetings")
        declarations: tuple[Declaration, ...] = self.data.collection("declarations")
        states = {s.id: s for s in self.data.collection("member_states")}
        by_name = {(m.body, normalise(m.name)): m for m in meetings}
        hosts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        held: Any
        for held in (*meetings, *declarations):
            if held.city is not None and held.host is not None:
                hosts[normalise(held.city)][held.host] += 1

        def again(name: str, record: Any, depends: list[tuple[str, str | None]]) -> bool:
            """Whether to check *record*: an overlay's, or a packaged one depending on an overlay's record."""
            if not touched or (name, record.id) in touched:
                self.because = ""
                return True
            changed = [f"{collection(c).kind} {rid!r}" for c, rid in depends if (c, rid) in touched]
            self.because = f" (a packaged record, which the overlay's {', '.join(changed)} contradicts)"
            return bool(changed)

        for m in meetings:
            if not again("meetings", m, [("bodies", m.body), ("member_states", m.host)]):
                continue
            body = bodies.get(m.body)
            self.check_ordinal(
                "meetings",
                record=m,
                number=m.number,
                text=m.name,
                field=".name",
                body=body,
                when=m.dates.start,
            )
            self.check_life("meetings", m, ".dates", m.dates.start, bodies.get(m.body))
            when = m.dates.end or m.dates.start
            self.check_host(
                "meetings", record=m, host=m.host, city=m.city, when=when, states=states, hosts=hosts
            )
        for d in declarations:
            depends = [("bodies", d.body), ("member_states", d.host), ("meetings", d.meeting)]
            if not again("declarations", d, depends):
                continue
            meeting = self.meeting_of(d, by_name)
            when = meeting.dates.start if meeting is not None and d.published is None else d.published
            self.check_ordinal(
                "declarations",
                record=d,
                number=d.meeting_number,
                text=d.meeting_name,
                field=".meeting_name",
                body=bodies.get(d.body),
                when=when,
            )
            self.check_life("declarations", d, ".published", d.published, bodies.get(d.body))
            self.check_host(
                "declarations",
                record=d,
                host=d.host,
                city=d.city,
                when=d.published,
                states=states,
                hosts=hosts,
            )
            if meeting is not None:
                self.check_against_meeting(d, meeting, by_name.get((d.body, normalise(d.meeting_name))))
        self.because = ""

    def meeting_of(self, d: Declaration, by_name: dict[tuple[str, str], Meeting]) -> Meeting | None:
        """The meeting of *d*: the one it names, else the one of its body its meeting name names."""
        if d.meeting is not None:
            found = self.first.get(d.meeting)
            return found if isinstance(found, Meeting) else None
        return by_name.get((d.body, normalise(d.meeting_name)))

    def check_ordinal(
        self,
        name: str,
        *,
        record: Any,
        number: int,
        text: str,
        field: str,
        body: Body | None,
        when: PartialDate | None,
    ) -> None:
        """The meeting's name *text* is "<number as an ordinal> <an acronym the body bore then>"."""
        meeting_name = text
        found = _ORDINAL.match(meeting_name)
        if found is None:
            self.problem(
                name,
                record,
                field,
                f"{meeting_name!r} is not a meeting's name like '{ordinal(number)} ADGMIN'",
            )
            return
        if found.group(1) != ordinal(number):
            numbered = "meeting_number" if isinstance(record, Declaration) else "number"
            self.problem(
                name,
                record,
                field,
                f"{meeting_name!r} does not agree with {numbered} {number}: for the "
                f"{meeting_name}, write {numbered} {found.group(1)[:-2]}; for the {ordinal(number)} "
                f"meeting, write {ordinal(number) + ' ' + found.group(2)!r}",
            )
        if body is None:
            return
        # A name that uses one of the body's acronyms uses one it bore then.
        borne = [n.acronym for n in body.names if n.acronym and _overlaps(n.valid, when)]
        acronyms = [n.acronym for n in body.names if n.acronym]
        # A packaged meeting's name once agreed with its body: an overlay's body may not drop the acronym.
        if self.because and acronyms and found.group(2) not in acronyms:
            self.problem(
                name,
                record,
                field,
                f"{meeting_name!r} names {found.group(2)!r}, not an acronym of the body {body.id!r} "
                f"(its acronyms: {', '.join(map(repr, acronyms))})",
            )
        elif found.group(2) in acronyms and found.group(2) not in borne:
            then = f" in {when}" if when is not None else ""
            bore = " or ".join(repr(a) for a in borne) or "no acronym"
            self.problem(
                name,
                record,
                field,
                f"{meeting_name!r}: the body {body.id!r} was named {bore}{then}, not {found.group(2)!r}"
                + (f": write {found.group(1) + ' ' + borne[-1]!r}" if borne else ""),
            )

    def check_life(
        self, name: str, record: Any, field: str, when: PartialDate | None, body: Body | None
    ) -> None:
        """*when* falls within the life of *body*: not before it was established, nor after its last name."""
        if when is None or body is None:
            return
        if body.established is not None and when.latest < body.established.earliest:
            self.problem(
                name,
                record,
                field,
                f"{when} is before its body {body.id!r} was established ({body.established})",
            )
        end = body.names[-1].valid.end if body.names else None
        if end is not None and when.earliest > end.latest:
            self.problem(name, record, field, f"{when} is after its body {body.id!r} ceased ({end})")

    def check_host(
        self,
        name: str,
        *,
        record: Any,
        host: str | None,
        city: str | None,
        when: PartialDate | None,
        states: dict[str, Any],
        hosts: dict[str, dict[str, int]],
    ) -> None:
        """The host was a member state by then, and the city is in the host (as other records place it)."""
        if host is None or host not in states:  # an unknown host is reported once, as a reference
            return
        state = states.get(host)
        if state is not None and when is not None and state.joined.earliest > when.latest:
            self.problem(
                name, record, ".host", f"{host!r} joined ASEAN in {state.joined}, after hosting it ({when})"
            )
        if city is None:
            return
        counts = hosts.get(normalise(city), {})
        elsewhere = sorted(h for h, n in counts.items() if h != host and n > 0)
        if elsewhere and counts.get(host, 0) <= 1:
            self.problem(
                name,
                record,
                ".city",
                f"{city!r} is in {' or '.join(map(repr, elsewhere))} as the other meetings and declarations "
                f"place it, not in the host {host!r}: correct city or host",
            )

    def check_against_meeting(self, d: Declaration, m: Meeting, by_name: Meeting | None = None) -> None:
        """
        A declaration agrees with its meeting: body, number, name, host, city, year.

        *by_name* is the meeting its meeting name names, if any: where that is another one, with
        the declaration's number, the one problem is the meeting given.
        """
        named = d.meeting is not None
        hint = "" if named else f" (its meeting_name {d.meeting_name!r} names the meeting {m.id!r})"
        if named and by_name is not None and by_name.id != m.id and by_name.number == d.meeting_number:
            # One mistake, one problem: the meeting given is not the one its name and number name.
            self.problem(
                "declarations",
                d,
                ".meeting",
                f"{m.id!r} (the {m.name}) is not the meeting its meeting_name {d.meeting_name!r} and "
                f"meeting_number {d.meeting_number} name: give meeting {by_name.id!r}",
            )
            return
        pairs: list[tuple[str, object, object]] = [("body", d.body, m.body)]
        if named:  # else the meeting is found by its name, whose number check_ordinal compares
            pairs += [
                ("meeting_number", d.meeting_number, m.number),
                ("meeting_name", d.meeting_name, m.name),
            ]
        if d.host in self.ids_of["member_states"]:  # an unknown host is reported once, as a reference
            pairs.append(("host", d.host, m.host))
        if m.city is not None and not m.virtual:
            pairs.append(("city", normalise(d.city), normalise(m.city)))
        for field, mine, theirs in pairs:
            if theirs is not None and mine != theirs:
                shown = getattr(m, {"meeting_number": "number", "meeting_name": "name"}.get(field, field))
                self.problem(
                    "declarations",
                    d,
                    f".{field}",
                    f"{getattr(d, field)!r} does not agree with its meeting "
                    f"{m.id!r}, whose {field.removeprefix('meeting_')} is {shown!r}{hint}",
                )
                hint = ""  # said once
        if d.published is not None and m.dates.start is not None:
            first, last = m.dates.start.year, (m.dates.end or m.dates.start).year
            if not first <= d.published.year <= last:
                self.problem(
                    "declarations",
                    d,
                    ".published",
                    f"{d.published} is not the year of its meeting {m.id!r} ({m.dates}){hint}",
                )


_ORDINAL: Final = re.compile(r"^([0-9]+(?:st|nd|rd|th)) (\S.*)$")


def ordinal(number: int) -> str:
    """
    *number* as an English ordinal.

    >>> ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(22), ordinal(113)
    ('1st', '2nd', '3rd', '11th', '22nd', '113th')
    """
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _overlaps(valid: Any, when: PartialDate | None) -> bool:
    """Whether the period *valid* shares a day with the partial date *when* (any period, for ``None``)."""
    if when is None:
        return True
    start, end = valid.start, valid.end
    return (start is None or start.earliest <= when.latest) and (end is None or end.latest >= when.earliest)


def validate(data: Dataset, *, unreadable: frozenset[str] = frozenset()) -> list[str]:
    """
    Every consistency problem of *data*, one line each, with file and JSON path.

    A reference to one of the *unreadable* ids (records whose own problems
    kept them out of *data*) is not reported again.
    """
    return _Checker(data, unreadable).run()


_LOOKALIKE: Final = frozenset({"LATIN", "CYRILLIC", "GREEK"})
_AS_LATIN: Final = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеѕіјорсхуΑΒΕΖΗΙΚΜΝΟΡΤΥΧοϲ",
    "ABESIJKMHOPCTXYaesijopcxyABEZHIKMNOPTYXoc",
)
"""Cyrillic and Greek letters that look like Latin ones, as those Latin letters."""


def _unsafe(key: str) -> str:
    """Why *key* cannot be a key (control, invisible or bidi characters; mixed look-alike scripts)."""
    scripts: set[str] = set()
    for ch in key:
        category = unicodedata.category(ch)
        if category in {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}:
            return f"holds the invisible or control character U+{ord(ch):04X}; remove it"
        if category.startswith("L"):
            script = unicodedata.name(ch, "").split(" ")[0]
            if script in _LOOKALIKE:
                scripts.add(script)
    if len(scripts) > 1:
        return f"mixes letters of the {' and '.join(sorted(scripts))} scripts (a look-alike); write it in one"
    return ""
