"""
The checks of keys and references.

Ids and keys are unambiguous and safe to show; every reference resolves to a
record of its kind.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Final

from asean_digital.model.collections import COLLECTIONS, collection
from asean_digital.model.fields import values_at
from asean_digital.model.keys import (
    KIND_OF,
    closest,
    index_keys,
    keys_and_forms,
    normalise,
    record_keys,
    title_keys,
)

from .base import Checks
from .confusables import skeleton

_LOOKALIKE: Final = frozenset({"LATIN", "CYRILLIC", "GREEK"})


_FILLERS: Final = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
"""Letters that show as nothing (Hangul fillers, the braille blank, Khmer inherent vowels)."""


def _unsafe(key: str) -> str:
    """Why *key* cannot be a key (control, invisible or bidi characters; mixed look-alike scripts)."""
    scripts: set[str] = set()
    for ch in key:
        category = unicodedata.category(ch)
        if category in {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"} or ch in _FILLERS:
            return f"holds the invisible or control character U+{ord(ch):04X}; remove it"
        if category.startswith("L"):
            script = unicodedata.name(ch, "").split(" ")[0]
            if script in _LOOKALIKE:
                scripts.add(script)
    if len(scripts) > 1:
        return f"mixes letters of the {' and '.join(sorted(scripts))} scripts (a look-alike); write it in one"
    return ""


SUGGESTED: Final = 50
"""How many references that find nothing get suggestions (the message shows 50 problems)."""


class KeyChecks(Checks):
    """The checks of keys and references."""

    def check_keys(self) -> None:
        """Keys that find several records, and keys a record shares with another kind."""
        keys = self.data.keys if self.data.keys is not None else index_keys(self.data)
        own = self.own_keys()
        self.check_key_text()
        for norm, shared_by in keys.shared():
            owner = own.get(norm)
            owner_kind = KIND_OF[self.ids[owner]] if owner is not None else None
            impostors = [
                r
                for r in shared_by
                if r != owner
                and KIND_OF[self.ids[r]] != owner_kind
                and not self._bears_body_keys(r, owner)
                and not (owner is not None and self._bears_body_keys(owner, r))
            ]  # a body's own series (or the process that set it up) bears its names: lookup() gives the body
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
                everyone = sorted(ids)
                for rid in sorted(blamed):
                    if self.problems.full:  # only counted now: no words needed
                        self.problems.more += 1
                        continue
                    others = [o for o in everyone[:4] if o != rid][:3]  # a few, not every one of thousands
                    more = len(everyone) - 1 - len(others)
                    listed = ", ".join(map(repr, others)) + (f" and {more} more" if more else "")
                    name, record = self.ids[rid], self.first[rid]
                    key = next((k for k in record_keys(record) if normalise(k) == norm), norm)
                    self.problem(
                        name,
                        record,
                        "",
                        f"the key {key!r} is ambiguous: it also finds {kind} {listed}; "
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

    def _own_skeletons(self) -> dict[str, str]:
        """Each record's id and acronyms (former ones too) by their UTS #39 skeleton, in normal form."""
        out: dict[str, str] = {}
        for rid in self.ids:
            out.setdefault(normalise(skeleton(rid)), rid)
        for rid, record in self.first.items():
            for acronym in [
                getattr(record, "acronym", None),
                *(n.acronym for n in getattr(record, "names", ())),
            ]:
                if isinstance(acronym, str):
                    out.setdefault(normalise(skeleton(acronym)), rid)
        return out

    def check_key_text(self) -> None:
        """
        Keys are safe to type and to read.

        They hold no control or invisible characters, no letters of look-alike scripts mixed, and
        do not look like another record's id or acronym written in other letters ("КН" for "KH"):
        the same skeleton by Unicode's confusables data (UTS #39, :mod:`.confusables`).
        """
        skeletons: dict[str, str] | None = None
        for c in COLLECTIONS:
            if not c.keyed:
                continue
            for record in self.data.collection(c.name):
                for key in record_keys(record):
                    if key.isascii() and key.isprintable():
                        continue
                    reason = _unsafe(key)
                    if skeletons is None:  # only once a key is not plain ASCII
                        skeletons = self._own_skeletons()
                    twin = skeletons.get(normalise(skeleton(key)))
                    if not reason and twin is not None and twin != record.id:
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
        if not isinstance(value, str) or self.problems.full:  # not kept: no need to find its words
            return said
        keys = self.data.keys if self.data.keys is not None else index_keys(self.data)
        found = [i for i in keys.ids(normalise(value)) if kind is None or KIND_OF[self.ids[i]] == kind]
        if len(found) == 1:
            return f"{said}; it is a key of {label} {found[0]!r}: write {found[0]!r}"
        if found:
            listed = ", ".join(repr(i) for i in sorted(found))
            return f"{said}; as a key it finds several ({listed}): write the id of the one meant"
        self.suggested += 1
        if self.suggested > SUGGESTED:  # suggestions for the first misses only: each is a search of every key
            return f"{said}, nor a key of one"
        display = self.display_keys(kind)
        hints = [f"{display[n][1]!r} ({display[n][0]})" for n in closest(normalise(value), display)]
        if hints:
            return f"{said}, nor a key of one; did you mean {' or '.join(hints)}?"
        return f"{said}, nor a key of one"

    def display_keys(self, kind: str | None) -> dict[str, tuple[str, str]]:
        """Each normal form of a key of the records of *kind* (``None``: any), with the key and its record."""
        made = self.displayed.get(kind)
        if made is not None:
            return made
        out: dict[str, tuple[str, str]] = self.displayed.setdefault(kind, {})
        for rid, record in self.first.items():
            if kind is not None and KIND_OF[self.ids[rid]] != kind:
                continue
            for key, norm in keys_and_forms(record):
                out.setdefault(norm, (key, rid))
        return out

    def _bears_body_keys(self, rid: str, body: str | None) -> bool:
        """Whether record *rid* may share body *body*'s keys: its own series, the process that set it up."""
        return collection(self.ids[rid]).shares_body_keys and getattr(self.first[rid], "body", None) == body

    def _within(self, value: str, target: str) -> bool:
        """Whether *value* is the id of a record of a collection within *target*."""
        return any(c.within == target and value in self.ids_of[c.name] for c in COLLECTIONS)
