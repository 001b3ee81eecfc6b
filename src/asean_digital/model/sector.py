"""
The sector itself: its names over time and the version of the data that describes it.

What it studies and runs (policy areas, dialogues, initiatives) is in
:mod:`.activities`.
"""

# No ``from __future__ import annotations`` here: the field types are real
# types when the classes are made, so structuring never has to evaluate them
# from strings. ``When`` stays quoted in signatures so that the API reference
# names the alias rather than spelling out its union.

import attrs

from .fields import publish
from .parts import Erratum, Name, Record, Renamed, Source

__all__ = ["Sector"]


@attrs.frozen(kw_only=True, repr=False)
class Sector(Record, Renamed):
    """
    The ASEAN Digital sector itself, formerly the ASEAN ICT sector.

    Attributes:
        id: ``"digital"``.
        name: The current name.
        names: The naming history, oldest first, current last.
        scope: The areas of cooperation the sector covers.
        expanded_mandate: The policy areas the ministries were later tasked
            with.
        roles: The roles the ministries have taken on.
        aims: What the sector's work is to create and maintain.
        cooperation_methods: How the sector cooperates to bridge development
            gaps (studies, workshops).
        dialogue_participants: Who the sector's consultative dialogues are
            held with.
        dialogue_objectives: The policy objectives the dialogues balance with
            innovation and growth.
        framework_aims: What the regional framework agreements aim at.
        framework_basis: What the framework agreements take reference of.
        talent_aims: What the talent competitions promote.
        talent_audience: Whom the talent competitions are for.
        aliases: Other names people use.
        sources: Where its facts came from.
        errata: Contradictions and gaps in the sources about it.

    >>> import asean_digital as ad
    >>> ad.registry.sector.name_at(2018).acronym
    'ICT'
    """

    id: str
    name: str
    names: tuple[Name, ...]
    scope: tuple[str, ...]
    expanded_mandate: tuple[str, ...]
    roles: tuple[str, ...]
    aims: tuple[str, ...]
    cooperation_methods: tuple[str, ...]
    dialogue_participants: tuple[str, ...]
    dialogue_objectives: tuple[str, ...]
    framework_aims: tuple[str, ...]
    framework_basis: tuple[str, ...]
    talent_aims: tuple[str, ...]
    talent_audience: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...]
    errata: tuple[Erratum, ...] = ()


publish(globals(), Sector)
