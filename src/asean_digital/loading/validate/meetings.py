"""
The checks of meetings and declarations.

A meeting's number, name, dates, place and host agree wherever they are
stated: in the meeting, in its declaration, and with its body's life.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from asean_digital.model.collections import collection
from asean_digital.model.documents import Declaration
from asean_digital.model.keys import normalise
from asean_digital.model.meeting import Meeting, Series
from asean_digital.model.parts import MeetingMode
from asean_digital.model.rules import ORDINAL_NAME, ordinal

from .base import Checks

if TYPE_CHECKING:
    from asean_digital.model.dates import PartialDate
    from asean_digital.model.records import Body


def _overlaps(valid: Any, when: PartialDate | None) -> bool:
    """Whether the period *valid* shares a day with the partial date *when* (any period, for ``None``)."""
    if when is None:
        return True
    start, end = valid.start, valid.end
    return (start is None or start.earliest <= when.latest) and (end is None or end.latest >= when.earliest)


class MeetingChecks(Checks):
    """The checks of meetings and declarations."""

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
        by_name = {(m.body, normalise(m.name)): m for m in meetings if m.body is not None}
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

        series = {s.id: s for s in self.data.collection("series")}
        for m in meetings:
            if not again(
                "meetings", m, [("bodies", m.body), ("member_states", m.host), ("series", m.series)]
            ):
                continue
            body = bodies.get(m.body) if m.body is not None else None
            of = series.get(m.series) if m.series is not None else None
            self.check_series(m, of)
            if m.number is not None and (of is None or self.bears_body_names(of, body)):
                self.check_ordinal(
                    "meetings",
                    record=m,
                    number=m.number,
                    text=m.name,
                    field=".name",
                    body=body,
                    when=m.dates.start,
                )
            elif m.number is not None:
                self.check_number(m)
            self.check_life("meetings", m, ".dates", m.dates.start, body)
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
        by_id = {m.id: m for m in meetings}
        for (
            b
        ) in bodies.values():  # a body is set up at (or agreed at) a meeting no later than its establishment
            held_at = by_id.get(b.set_up_at) if b.set_up_at is not None else None
            if held_at is None or b.established is None or held_at.dates.start is None:
                continue
            if again("bodies", b, [("meetings", b.set_up_at)]) and (
                held_at.dates.start.earliest > b.established.latest
            ):
                self.problem(
                    "bodies",
                    b,
                    ".set_up_at",
                    f"the meeting {held_at.id!r} began {held_at.dates.start}, after the body was established "
                    f"({b.established}); a body is set up at, or agreed at, a meeting no later than that",
                )
        self.because = ""

    @staticmethod
    def bears_body_names(of: Series, body: Body | None) -> bool:
        """Whether the series *of* is its body's own, named as the body is (TELSOM, then ADGSOM)."""
        acronyms = {n.acronym for n in body.names if n.acronym} if body is not None else set()
        return of.partner is None and not of.joint_with and any(n.acronym in acronyms for n in of.names)

    def check_series(self, m: Meeting, of: Series | None) -> None:
        """A meeting has its series' body and partner: a +1 session is of a series with that partner."""
        if of is None:
            return
        if of.body is not None and m.body != of.body:
            self.problem(
                "meetings", m, ".body", f"{m.body!r} is not the body of its series {of.id!r} ({of.body!r})"
            )
        if m.partner != of.partner:
            self.problem(
                "meetings",
                m,
                ".partner",
                f"{m.partner!r} is not the partner of its series {of.id!r} ({of.partner!r})",
            )

    def check_number(self, m: Meeting) -> None:
        """A numbered meeting whose name gives an ordinal gives its number (``"14th ..."`` for 14)."""
        found = ORDINAL_NAME.match(m.name)
        if found is not None and found.group(1) != ordinal(m.number or 0):
            self.problem(
                "meetings",
                m,
                ".name",
                f"{m.name!r} does not agree with number {m.number}: the name says {found.group(1)}",
            )

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
        found = ORDINAL_NAME.match(meeting_name)
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
        if m.city is not None and m.mode is not MeetingMode.VIRTUAL:
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
