"""
The domain model's enumerations: kinds of body, document, partner, process and meeting, acts, predicates.

Each is published as ``asean_digital.<Name>``; :mod:`.parts` re-exports them.
"""

import enum

from .fields import publish

__all__ = [
    "BodyKind",
    "DocumentAct",
    "DocumentKind",
    "MeetingMode",
    "PartnerKind",
    "Predicate",
    "ProcessKind",
]


class BodyKind(enum.Enum):
    """
    The kind of a sectoral body.

    >>> BodyKind("regulators")
    <BodyKind.REGULATORS: 'regulators'>
    """

    MINISTERIAL = "ministerial"
    """A meeting of ministers (ADGMIN, formerly TELMIN)."""
    SENIOR_OFFICIALS = "senior_officials"
    """A meeting of senior officials (ADGSOM, formerly TELSOM)."""
    REGULATORS = "regulators"
    """A council of telecommunications regulators (ATRC)."""
    WORKING_GROUP = "working_group"
    """A working group, ad-hoc working group or sub-working group."""
    COMMITTEE = "committee"
    """A coordinating committee across sectoral bodies (the ASEAN Cyber-CC)."""
    CENTRE = "centre"
    """A standing institution with a facility of its own (the ASEAN Regional CERT, a training centre)."""
    NETWORK = "network"
    """A network of the member states' institutions (the ASEAN AI Safety Network)."""


class DocumentAct(enum.Enum):
    """
    What was done with a document on its date: adopted, endorsed, launched and so on, as a source says.

    >>> DocumentAct.ENDORSED.value
    'endorsed'
    """

    ADOPTED = "adopted"
    """Adopted (or signed) by the meeting or body."""
    ENDORSED = "endorsed"
    """Endorsed or approved by the meeting or body, often after adoption below it."""
    NOTED = "noted"
    """Noted or welcomed by the meeting, not adopted by it."""
    LAUNCHED = "launched"
    """Launched: an initiative, platform or programme begun on the date."""
    PUBLISHED = "published"
    """Published or made public on the date."""


class DocumentKind(enum.Enum):
    """
    The listing of the source page's *Key Documents* a document appears in.

    >>> DocumentKind.FRAMEWORK.value
    'framework'
    """

    FRAMEWORK = "framework"
    """*Framework Agreements*."""
    GUIDELINE = "guideline"
    """*Policy Frameworks and Guidelines*."""
    DECLARATION = "declaration"
    """*Ministerial Declarations*."""
    PUBLICATION = "publication"
    """ASEAN's own publications under *Publications and Related Links*."""
    LINK = "link"
    """Links to other organisations' resources under *Publications and Related Links*."""
    STATEMENT = "statement"
    """A ministerial statement or understanding adopted at a meeting, not on the page's listings."""
    ACTION_PLAN = "action_plan"
    """An action plan, agenda or work plan adopted at a meeting, not on the page's listings."""
    OUTCOME = "outcome"
    """Another document a meeting adopted or endorsed (a model, a study), not on the page's listings."""


class PartnerKind(enum.Enum):
    """
    What kind of party a dialogue partner is.

    >>> import asean_digital as ad
    >>> ad.registry.partner("Japan").kind
    <PartnerKind.COUNTRY: 'country'>
    """

    COUNTRY = "country"
    """A sovereign state."""
    REGIONAL_ORGANISATION = "regional_organisation"
    """A regional organisation such as the European Union."""
    INTERNATIONAL_ORGANISATION = "international_organisation"
    """An international organisation such as the ITU."""


class ProcessKind(enum.Enum):
    """
    What kind of process it is.

    >>> import asean_digital as ad
    >>> ad.registry.process("DEFA").kind
    <ProcessKind.NEGOTIATION: 'negotiation'>
    """

    NEGOTIATION = "negotiation"
    """The negotiation of an agreement among the member states."""
    PROGRAMME = "programme"
    """A programme run over years (an institution's path from proposal to launch)."""
    COOPERATION_YEAR = "cooperation_year"
    """A year ASEAN and a partner give to cooperation in a field (China-ASEAN digital economy, 2020)."""


class MeetingMode(enum.Enum):
    """
    How a meeting (or a competition's edition) was held.

    >>> import asean_digital as ad
    >>> ad.registry.meeting("ADGMIN 1").mode
    <MeetingMode.VIRTUAL: 'virtual'>
    """

    IN_PERSON = "in_person"
    """Its participants met in one place."""
    VIRTUAL = "virtual"
    """Online only."""
    HYBRID = "hybrid"
    """In one place, with some taking part online."""


class Predicate(enum.Enum):
    """
    The verb of a :class:`Relation`: *subject* PREDICATE *object*.

    >>> Predicate("advises").name
    'ADVISES'
    """

    PART_OF = "part_of"
    """The subject is a part of the object (a sub-body, a component initiative)."""
    BUILDS_ON = "builds_on"
    """The subject was built upon the object."""
    SUCCEEDS = "succeeds"
    """The subject follows the object (master plans)."""
    ADVISES = "advises"
    """The subject plays an advisory role to the object."""
    PARTNERS_WITH = "partners_with"
    """The subject works in partnership with the object."""
    DEVELOPS = "develops"
    """The subject develops the object."""
    SUPPORTS = "supports"
    """The subject assists or is supportive of the object."""
    MANDATED_BY = "mandated_by"
    """The subject was established as mandated by the object."""
    IMPLEMENTS = "implements"
    """The subject implements the object."""


publish(globals(), BodyKind, DocumentAct, DocumentKind, MeetingMode, PartnerKind, ProcessKind, Predicate)
