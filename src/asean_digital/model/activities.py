"""
What the sector studies and runs: policy areas, dialogues, initiatives.

Each is a record like the others (an id, sources, errata), in a module of its
own so that a query of bodies never builds these classes (see :mod:`.records`).
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made, so structuring never has to evaluate them
# from strings.
import attrs

from .dates import PartialDate
from .fields import publish
from .parts import Erratum, Record, Source

__all__ = ["Dialogue", "Initiative", "PolicyArea"]


@attrs.frozen(kw_only=True, repr=False)
class PolicyArea(Record):
    """
    A policy area the sector has studied and discussed.

    Attributes:
        id: Stable lower-case slug.
        name: The area as the source names it.
        aliases: Other names, such as the source's gloss ``"digital divide"``.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> ad.registry.policy_area("broadband infrastructure deployment").id
    'broadband-infrastructure-deployment'
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Dialogue(Record):
    """
    A regular stakeholders' consultative dialogue of the sector.

    Attributes:
        id: Stable lower-case slug.
        name: Its name or the source's description of it.
        per_year: How many times a year it is held, where the source says.
        partners: Ids of the partners whose authorities take part.
        convener: The id of the body that holds it, where the source says.
        topic: What it is about, where the source says.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> ad.registry.dialogue("atrc-online-platform-dialogue").convener
    'atrc'
    """

    id: str
    name: str
    per_year: int | None = None
    partners: tuple[str, ...] = ()
    convener: str | None = None
    topic: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Initiative(Record):
    """
    An initiative or emerging strategic issue of the sector.

    Attributes:
        id: Stable lower-case slug.
        name: Its name.
        acronym: Its acronym, where it has one.
        description: What it is, in the source's words.
        themes: What it deals with.
        emerging_issue: Whether the source lists it among the emerging
            strategic issues.
        adopted: When the plan it belongs to was adopted, where a source
            dates it (MPAC 2025's: 6 September 2016); an initiative without
            one is in every point-in-time view.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions in the sources about it.

    >>> import asean_digital as ad
    >>> ad.registry.initiative("MPAC 2025").id
    'mpac2025-digital-innovation'
    """

    id: str
    name: str
    acronym: str | None = None
    description: str | None = None
    themes: tuple[str, ...] = ()
    emerging_issue: bool = False
    adopted: PartialDate | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


publish(globals(), PolicyArea, Dialogue, Initiative)
