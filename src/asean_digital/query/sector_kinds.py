"""
The queries of the sector's own kinds and its processes, typed: each a one-line call of the generic query.

The base of :class:`~asean_digital.query.kinds.KindQueries` (institutions, documents, meetings and
people are there); the filters are declared in the table of collections, as for every kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

if TYPE_CHECKING:
    from asean_digital.model.activities import Dialogue, Initiative, PolicyArea
    from asean_digital.model.competition import Edition
    from asean_digital.model.dates import PartialDate, When
    from asean_digital.model.meeting import Series
    from asean_digital.model.parts import ProcessKind
    from asean_digital.model.process import Process

    from .core import Store
    from .results import Results
    from .timeline import Moment

__all__ = ["SectorQueries"]

R = TypeVar("R")


class SectorQueries:
    """The sector's policy areas, dialogues, initiatives and processes (the :class:`Registry` has them)."""

    __slots__ = ()

    _store: Store
    _as_of: PartialDate | None

    def _query(self, name: str, arguments: dict[str, Any]) -> Results[Any]:
        return self._store.query(name, arguments)

    def _get(self, key: str, kind: str) -> object:
        # The typed methods cast what this returns: a kind's records are of its
        # class by construction, and naming the class here would import it.
        return self._store.get(key, kind)

    def policy_areas(self, *, source: str | None = None) -> Results[PolicyArea]:
        """
        The policy areas the sector has studied and discussed, by id.

        >>> import asean_digital as ad
        >>> len(ad.registry.policy_areas())
        8
        """
        return self._query("policy_areas", locals())

    def policy_area(self, key: str) -> PolicyArea:
        """
        The policy area *key* finds.

        >>> import asean_digital as ad
        >>> ad.registry.policy_area("digital divide").name
        'bridging the gaps of access to ICT among the population'
        """
        return cast("PolicyArea", self._get(key, "policy area"))

    def dialogues(self, *, source: str | None = None) -> Results[Dialogue]:
        """
        The regular stakeholders' consultative dialogues, by id.

        >>> import asean_digital as ad
        >>> [d.convener for d in ad.registry.dialogues()]
        ['atrc', None, None]
        """
        return self._query("dialogues", locals())

    def dialogue(self, key: str) -> Dialogue:
        """The dialogue *key* finds."""
        return cast("Dialogue", self._get(key, "dialogue"))

    def initiatives(
        self, *, emerging_issue: bool | None = None, source: str | None = None
    ) -> Results[Initiative]:
        """
        The sector's initiatives: those a source dates first, by adoption, then the others by id.

        Args:
            emerging_issue: ``True`` for only the emerging strategic issues,
                ``False`` for only the others.
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        >>> import asean_digital as ad
        >>> [i.id for i in ad.registry.initiatives(emerging_issue=True)]
        ['5g-ecosystem-development', 'ddg-framework-development']
        """
        return self._query("initiatives", locals())

    def initiative(self, key: str) -> Initiative:
        """
        The initiative *key* finds.

        >>> import asean_digital as ad
        >>> ad.registry.initiative("MPAC 2025").id
        'mpac2025-digital-innovation'
        """
        return cast("Initiative", self._get(key, "initiative"))

    def editions(
        self, *, event: str | None = None, year: int | None = None, source: str | None = None
    ) -> Results[Edition]:
        """
        The editions of the talent competitions and awards, oldest first, with their winners.

        Args:
            event: Only the editions of this competition (a key: any name it bore).
            year: Only those held in this year.
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        >>> import asean_digital as ad
        >>> [e.name for e in ad.registry.editions(event="ASEAN ICT Awards")][:2]
        ['1st AICTA', '2nd ASEAN ICT Awards']
        """
        return self._query("editions", locals())

    def edition(self, key: str) -> Edition:
        """
        The edition *key* finds: its id, name or an alias.

        >>> import asean_digital as ad
        >>> ad.registry.edition("ASEAN Cyberkids Camp 2021").virtual
        True
        """
        return cast("Edition", self._get(key, "edition"))

    @overload
    def series(self, key: str, /) -> Series: ...

    @overload
    def series(
        self,
        key: None = None,
        /,
        *,
        body: str | None = None,
        partner: str | None = None,
        source: str | None = None,
    ) -> Results[Series]: ...

    def series(
        self,
        key: str | None = None,
        /,
        *,
        body: str | None = None,
        partner: str | None = None,
        source: str | None = None,
    ) -> Series | Results[Series]:
        """
        The series of meetings, by id; or, given a *key*, the one series it finds.

        A series is a run of numbered meetings with its naming history: a
        body's own (TELSOM, then ADGSOM), a joint one, or the +1 sessions
        with a partner. :meth:`meetings(series=...) <asean_digital.Registry.meetings>` lists its meetings.

        Args:
            key: An id, name, former name or alias: the one series it finds
                (a :class:`~asean_digital.NotFoundError` where none).
            body: Only the series in which this body meets (a key).
            partner: Only the +1 series with this partner (a key).
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        >>> import asean_digital as ad
        >>> ad.registry.series("TELSOM").id
        'adgsom-meetings'
        >>> [s.id for s in ad.registry.series(body="ATRC")]
        ['atrc-china', 'atrc-meetings']
        >>> [s.id for s in ad.registry.series(partner="Japan")]
        ['japan-ministers']
        """
        if key is not None:
            if body is not None or partner is not None or source is not None:
                msg = "series(key) finds one series; filter with series(body=..., partner=..., source=...)"
                raise TypeError(msg)
            return cast("Series", self._get(key, "series"))
        return self._query("series", {"body": body, "partner": partner, "source": source})

    def timeline(
        self, *, start: When | None = None, end: When | None = None, kind: str | None = None
    ) -> Results[Moment]:
        """
        Everything the data dates, oldest first: what happened between *start* and *end*.

        Bodies established and renamed, meetings held, documents adopted or
        published, plans adopted, begun and ended, accessions, competitions
        first held and processes' milestones; a moment is in the range when
        its date may fall in it (``2019`` counts for ``start="2019-10"``).

        Args:
            start: Only moments that may fall on or after this year or date.
            end: Only moments that may fall on or before this year or date.
            kind: Only moments of this kind (``"joined"``, ``"established"``,
                ``"renamed"``, ``"meeting"``, ``"adopted"``, ``"plan"``,
                ``"milestone"``, ``"first held"``) or of records of this
                kind (``"document"``, ``"body"``, ``"process"``).

        >>> import asean_digital as ad
        >>> [m.what for m in ad.registry.timeline(start=2001, end=2001)][:2]
        ['TELMIN established', '1st TELMIN (Kuala Lumpur, MY)']
        >>> [m.record for m in ad.registry.timeline(start="2024-10-16", end="2024-10-16")]
        ['wg-submarine-cables', 'wg-ai', 'wg-as', 'regional-cert', 'amcc-9', 'regional-cert-programme']
        >>> [m.record for m in ad.registry.timeline(start="2024-10-16", end="2024-10-16", kind="meeting")]
        ['amcc-9']
        >>> [m.record for m in ad.registry.timeline(kind="renamed", start=2019)]
        ['adgsom', 'digital', 'adgmin', 'asean-digital-awards']
        """
        from .results import Results  # noqa: PLC0415
        from .timeline import Moment, moments  # noqa: PLC0415 - the chronology loads when asked for

        found = moments(lambda name: self._store.table(name).records, start, end, kind)
        return Results(found, self, kind=Moment)

    def processes(
        self,
        *,
        kind: ProcessKind | str | None = None,
        year: int | None = None,
        partner: str | None = None,
        source: str | None = None,
    ) -> Results[Process]:
        """
        The negotiations, programmes and years of cooperation the data follows through their milestones.

        They come by first milestone.

        Args:
            kind: Only processes of this :class:`ProcessKind` (or its value).
            year: Only those with a milestone in this year.
            partner: Only those held with this dialogue partner (a key: ``"China"``).
            source: Only records with a statement from this source document
                (an id of :meth:`~asean_digital.Registry.sources`).

        >>> import asean_digital as ad
        >>> [p.acronym for p in ad.registry.processes(kind="negotiation", year=2025)]
        ['DEFA']
        >>> [p.name for p in ad.registry.processes(partner="China")]
        ['China-ASEAN Year of Digital Economy Cooperation']
        """
        return self._query("processes", locals())

    def process(self, key: str) -> Process:
        """
        The process *key* finds (``"DEFA"``).

        >>> import asean_digital as ad
        >>> [str(m) for m in ad.registry.process("DEFA").milestones][-1]
        '2026: signing (planned)'
        """
        return cast("Process", self._get(key, "process"))
