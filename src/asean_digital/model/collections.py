"""
The table of collections: every kind of record the data holds, declared once.

Loading, validation, key indexing, the registry's generic queries, search,
exports, the JSON Schemas, the strategies, the command line and the docs
catalogue all read this table. Adding a kind of record is its class, its row
here (with its filters), its data file and its one-line typed query method.

>>> import asean_digital as ad
>>> [c.name for c in COLLECTIONS][:4]
['sources', 'sectors', 'bodies', 'documents']
>>> collection("bodies").kind, collection_of(ad.Declaration).within
('body', 'documents')
"""

from __future__ import annotations

from typing import Any, Final

from .enums import BodyKind, DocumentKind, MeetingMode, Predicate, ProcessKind
from .filters import Filter
from .table import Collection, Reference

__all__ = [
    "COLLECTIONS",
    "Collection",
    "Reference",
    "collection",
    "collection_of",
    "kind_of",
]


COLLECTIONS: Final[tuple[Collection, ...]] = (
    Collection(
        "sources",
        "parts.SourceDocument",
        "source",
        keys=(),
        keyed=False,
        command="sources",
        columns=("id", "title"),
        summary="the documents the data's facts come from",
    ),
    Collection(
        "sectors",
        "sector.Sector",
        "sector",
        keys=("name", "names", "aliases"),
        summary="the ASEAN Digital sector itself",
    ),
    Collection(
        "bodies",
        "records.Body",
        "body",
        keys=("name", "names", "acronym", "aliases"),
        references=(
            Reference("parent", "bodies"),
            Reference("meetings[].joint_with[]", "bodies"),
            Reference("meetings[].back_to_back_with[]", "bodies"),
            Reference("meetings[].consultation_partners[]", "partners"),
            Reference("meetings[].series", "series"),
            Reference("set_up_at", "meetings"),
            Reference("host", "member_states"),
            Reference("coordinators[].member_state", "member_states"),
        ),
        date="established",
        filters=(
            Filter("kind", "enum", "of this kind", ("kind",), BodyKind),
            Filter("parent", "key", "directly under this body", ("parent",), "body"),
            Filter(
                "partner",
                "key",
                "with ASEAN+1 consultations with this partner",
                ("meetings[].consultation_partners[]",),
                "partner",
            ),
            Filter("established_before", "before", "established wholly before this year or date"),
            Filter("established_after", "after", "established wholly after this year or date"),
        ),
        command="bodies",
        columns=("id", "acronym", "name", "kind", "parent", "established", "former names"),
        summary="sectoral bodies and committees",
    ),
    Collection(
        "documents",
        "documents.Document",
        "document",
        keys=("title", "aliases"),
        shared_keys=("title",),
        references=(Reference("meeting", "meetings"), Reference("led_by", "member_states")),
        date="published or period.start",
        filters=(
            Filter("kind", "enum", "listed under this kind", ("kinds[]",), DocumentKind),
            Filter(
                "meeting", "key", "adopted, endorsed or launched at this meeting", ("meeting",), "meeting"
            ),
            Filter("year", "year", "published in this year", ("published",)),
            Filter("published_before", "before", "published wholly before this year or date"),
            Filter("published_after", "after", "published wholly after this year or date"),
        ),
        command="documents",
        columns=("id", "title", "kinds", "published"),
        summary="key documents (frameworks, guidelines, declarations, publications, links)",
    ),
    Collection(
        "declarations",
        "documents.Declaration",
        "document",
        keys=("title", "aliases", "title published.year"),
        shared_keys=("title",),
        search_fields=("meeting_name", "city"),
        references=(
            Reference("meeting", "meetings"),
            Reference("body", "bodies"),
            Reference("host", "member_states"),
            Reference("led_by", "member_states"),
        ),
        date="published or period.start",
        within="documents",
        filters=(
            Filter("body", "key", "of the meetings of this body", ("body",), "body"),
            Filter("host", "key", "of meetings this member state hosted", ("host",), "member state"),
            Filter("year", "year", "of this year", ("published",)),
            Filter(
                "meeting_number",
                "count",
                "of the Nth meeting under the name the body then bore",
                ("meeting_number",),
            ),
            Filter("city", "place", "of meetings in this city", ("city",)),
            Filter("published_before", "before", "adopted wholly before this year or date"),
            Filter("published_after", "after", "adopted wholly after this year or date"),
        ),
        command="declarations",
        columns=("id", "title", "meeting", "city", "host", "year"),
        summary="ministerial declarations and statements",
    ),
    Collection(
        "master_plans",
        "documents.MasterPlan",
        "master plan",
        keys=("name", "acronym", "aliases"),
        references=(Reference("meeting", "meetings"),),
        date="adopted or period.start",
        command="plans",
        columns=("id", "acronym", "name", "period", "adopted", "thrusts"),
        summary="master plans (AIM2015, AIM2020, ADM2025, ADM2030)",
    ),
    Collection(
        "series",
        "meeting.Series",
        "series",
        keys=("name", "names", "aliases"),
        shares_body_keys=True,
        references=(
            Reference("body", "bodies"),
            Reference("partner", "partners"),
            Reference("joint_with[]", "bodies"),
        ),
        filters=(
            Filter("body", "key", "in which this body meets", ("body",), "body"),
            Filter("partner", "key", "with this partner", ("partner",), "partner"),
        ),
        command="series",
        columns=("id", "name", "body", "partner", "former names"),
        summary="series of meetings, with their naming histories (TELSOM, then ADGSOM)",
    ),
    Collection(
        "meetings",
        "meeting.Meeting",
        "meeting",
        shared_keys=("name",),
        search_fields=("city", "theme"),
        references=(
            Reference("body", "bodies"),
            Reference("series", "series"),
            Reference("host", "member_states"),
            Reference("partner", "partners"),
            Reference("alongside", "meetings"),
            Reference("joint_with[]", "bodies"),
            Reference("participants[].person", "people"),
            Reference("participants[].member_state", "member_states"),
            Reference("participants[].partner", "partners"),
            Reference("outcomes[]", "*"),
            Reference("partners[]", "partners"),
        ),
        date="dates.start",
        order="number",
        filters=(
            Filter(
                "body",
                "key",
                "of this body, without its +1 sessions (TELMIN and ADGMIN are one body)",
                ("own_body",),
                "body",
            ),
            Filter("series", "key", "of this series", ("series",), "series"),
            Filter("host", "key", "hosted by this member state", ("host",), "member state"),
            Filter("year", "year", "begun in this year", ("dates.start",)),
            Filter("mode", "enum", "held this way (in person, online only, hybrid)", ("mode",), MeetingMode),
            Filter(
                "partner",
                "key",
                "with this partner: its +1 sessions and the meetings that held one",
                ("partner", "partners[]"),
                "partner",
            ),
            Filter(
                "person",
                "key",
                "that this person took part in, in any role",
                ("participants[].person",),
                "person",
            ),
            Filter("held_before", "before", "begun wholly before this year or date"),
            Filter("held_after", "after", "begun wholly after this year or date"),
        ),
        command="meetings",
        columns=("id", "name", "dates", "city", "host", "partner", "chair"),
        summary="meetings of every body: ministers, senior officials, regulators, +1 sessions",
    ),
    Collection(
        "people",
        "meeting.Person",
        "person",
        command="people",
        columns=("id", "name", "aliases"),
        summary="the people the sources name as taking part in meetings",
    ),
    Collection(
        "events",
        "competition.Event",
        "event",
        keys=("name", "names", "aliases"),
        references=(Reference("partners[]", "partners"),),
        date="started",
        filters=(
            Filter("partner", "key", "held with this partner", ("partners[]",), "partner"),
            Filter("started_before", "before", "first held wholly before this year or date"),
            Filter("started_after", "after", "first held wholly after this year or date"),
        ),
        command="events",
        columns=("id", "name", "started", "partners"),
        summary="talent competitions",
    ),
    Collection(
        "editions",
        "competition.Edition",
        "edition",
        references=(
            Reference("event", "events"),
            Reference("host", "member_states"),
            Reference("meeting", "meetings"),
            Reference("winners[].member_state", "member_states"),
            Reference("winners[].partner", "partners"),
        ),
        date="dates.start",
        filters=(
            Filter("event", "key", "of this competition", ("event",), "event"),
            Filter("year", "year", "held in this year", ("dates.start",)),
        ),
        command="editions",
        columns=("id", "name", "dates", "city", "host"),
        summary="editions of the talent competitions and awards, with their winners",
    ),
    Collection(
        "processes",
        "process.Process",
        "process",
        keys=("name", "acronym", "aliases"),
        shares_body_keys=True,
        references=(
            Reference("led_by", "member_states"),
            Reference("partner", "partners"),
            Reference("body", "bodies"),
            Reference("milestones[].meeting", "meetings"),
            Reference("milestones[].host", "member_states"),
        ),
        date="started",
        filters=(
            Filter("kind", "enum", "of this kind", ("kind",), ProcessKind),
            Filter("year", "year", "with a milestone in this year", ("milestones[].date",)),
            Filter("partner", "key", "held with this partner", ("partner",), "partner"),
        ),
        command="processes",
        columns=("id", "acronym", "name", "started", "led_by"),
        summary="negotiations, programmes and years of cooperation, with dated milestones (DEFA)",
    ),
    Collection(
        "partners",
        "records.Partner",
        "partner",
        id_form="code",
        command="partners",
        columns=("id", "name", "kind"),
        summary="dialogue partners",
    ),
    Collection(
        "member_states",
        "records.MemberState",
        "member state",
        id_form="code",
        keys=("name", "alpha3", "aliases"),
        date="joined",
        command="states",
        columns=("id", "alpha3", "name", "joined"),
        summary="ASEAN Member States",
    ),
    Collection(
        "policy_areas",
        "activities.PolicyArea",
        "policy area",
        command="policy-areas",
        summary="policy areas studied and discussed",
    ),
    Collection(
        "dialogues",
        "activities.Dialogue",
        "dialogue",
        references=(Reference("partners[]", "partners"), Reference("convener", "bodies")),
        command="dialogues",
        columns=("id", "name", "convener", "partners"),
        summary="stakeholders' consultative dialogues",
    ),
    Collection(
        "initiatives",
        "activities.Initiative",
        "initiative",
        keys=("name", "acronym", "aliases"),
        date="adopted",
        undated_in_views=True,
        command="initiatives",
        filters=(
            Filter(
                "emerging_issue",
                "flag",
                "that are (True) or are not (False) emerging strategic issues",
                ("emerging_issue",),
            ),
        ),
        columns=("id", "name", "acronym", "adopted"),
        summary="initiatives and emerging strategic issues",
    ),
    Collection(
        "relations",
        "records.Relation",
        "relation",
        id_form=None,
        keys=(),
        keyed=False,
        references=(Reference("subject", "*"), Reference("object", "*")),
        filters=(
            Filter("subject", "key", "of this subject", ("subject",), "*"),
            Filter("predicate", "enum", "with this predicate", ("predicate",), Predicate),
            Filter("object", "key", "to this object", ("object",), "*"),
        ),
        command="relations",
        columns=("subject", "predicate", "object"),
        summary="stated relations between records",
    ),
)
"""Every collection, in loading order (the order the registry lists kinds in)."""

_BY_NAME: Final = {c.name: c for c in COLLECTIONS}
_BY_CLASS_NAME: Final = {c.model.rpartition(".")[2]: c for c in COLLECTIONS}
_BY_CLASS: dict[type, Collection] = {}


def collection(name: str) -> Collection:
    """
    The collection called *name*.

    Raises:
        KeyError: No collection has that name.
    """
    return _BY_NAME[name]


def collection_of(cls: type) -> Collection:
    """
    The collection whose records are of *cls* (or of the nearest class it derives from).

    Raises:
        KeyError: *cls* is not a record class of any collection.
    """
    found = _BY_CLASS.get(cls)
    if found is None:
        for base in cls.__mro__:
            row = _BY_CLASS_NAME.get(base.__name__)
            if row is not None and row.cls is base:  # only the rows of its own class names are imported
                found = _BY_CLASS[cls] = row
                break
        else:
            raise KeyError(cls)
    return found


def kind_of(record: Any) -> str:
    """
    The kind name of *record* (``"body"``, ``"document"``, ...).

    >>> import asean_digital as ad
    >>> kind_of(ad.registry.body("ATRC")), kind_of(ad.registry.document("Cebu Declaration"))
    ('body', 'document')
    """
    return collection_of(type(record)).kind
