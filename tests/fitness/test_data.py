"""
Data-integrity tests: the packaged data held against the text of its sources.

The source page (``tests/fixtures/seed_page.txt``, a verbatim copy of
``shared/seed/000_5bbc683b246d909b.txt``) and ``tests/fixtures/reference-facts.md``
(a copy of ``shared/reference-facts.md``) are parsed here at test time. Every
expectation is derived from their text, never copied from the JSON, so a fact
that is missing from the data or wrong in it makes a test fail.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import pytest

import asean_digital as ad
from asean_digital import (
    BodyKind,
    Declaration,
    DocumentKind,
    PartialDate,
    PartnerKind,
    Period,
    Predicate,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from asean_digital import Body, Document, Entity, Source

# -- the source texts ---------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
PAGE_FILE = FIXTURES / "seed_page.txt"
REFERENCE_FILE = FIXTURES / "reference-facts.md"
SHARED = Path(__file__).parents[3] / "shared"
SHARED_PAGE = SHARED / "seed" / "000_5bbc683b246d909b.txt"
SHARED_REFERENCE = SHARED / "reference-facts.md"

PAGE = PAGE_FILE.read_text(encoding="utf-8")
REFERENCE = REFERENCE_FILE.read_text(encoding="utf-8")

DASH = "\u2013"  # the en dash the page puts between a name and its gloss
APOS = "\u2019"  # the page's apostrophe (ADGSOM\u2019s, Regulators\u2019)
MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
MONTH = "|".join(MONTHS)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
LIST_SPLIT = re.compile(r", and |, | and ")  # "China, Japan, ROK, India, U.S. and ITU"
COMMA_SPLIT = re.compile(r", and |, ")  # "information and network security, ICT skills, and ..."


def flow(text: str) -> str:
    """The text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def ordinal(number: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def partial(month: str | None, year: str) -> PartialDate:
    """The partial date a page's "July 2001" or "2001" denotes."""
    return PartialDate(int(year), None if month is None else MONTHS[month])


def search(pattern: str, text: str) -> re.Match[str]:
    """The first match of *pattern* in *text*; the page must contain it."""
    match = re.search(pattern, text)
    if match is None:
        msg = f"the source text no longer matches {pattern!r}"
        raise AssertionError(msg)
    return match


# -- the page's structure -----------------------------------------------------


def is_heading(line: str) -> bool:
    """Whether a line of the page is a heading: short, no entry, row or sentence."""
    return (
        bool(line)
        and not line.startswith("- ")
        and "|" not in line
        and len(line) <= 60
        and line[-1] not in ".:;,?!"
    )


PAGE_LINES = [line.strip() for line in PAGE.splitlines()]
PAGE_HEADINGS = [line for line in PAGE_LINES if is_heading(line)]


def page_sections() -> dict[str, list[str]]:
    """The page's lines under each heading, up to the next heading."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in PAGE_LINES:
        if is_heading(line):
            current = sections.setdefault(line, [])
        elif current is not None and line:
            current.append(line)
    return sections


SECTIONS = page_sections()


def section_text(heading: str) -> str:
    """The running text of one section of the page."""
    return flow(" ".join(SECTIONS[heading]))


def reference_sections() -> dict[str, str]:
    """The text under each ``##`` heading of reference-facts.md."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in REFERENCE.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return {heading: "\n".join(lines) for heading, lines in sections.items()}


REF_SECTIONS = reference_sections()


def ref_section(prefix: str) -> str:
    """The text of the reference-facts section whose heading starts with *prefix*."""
    found = [text for heading, text in REF_SECTIONS.items() if heading.startswith(prefix)]
    assert len(found) == 1, f"reference-facts.md has {len(found)} sections {prefix!r}"
    return found[0]


# -- Key Documents ------------------------------------------------------------

LISTING_KINDS: dict[str, DocumentKind] = {
    "Framework Agreements": DocumentKind.FRAMEWORK,
    "Policy Frameworks and Guidelines": DocumentKind.GUIDELINE,
    "Ministerial Declarations": DocumentKind.DECLARATION,
    "Publications and Related Links": DocumentKind.PUBLICATION,
}
LISTINGS = tuple(LISTING_KINDS)
# The related links to other organisations' resources, by their publisher.
LINK_PUBLISHERS = ("ITU", "We Are Social", "The Diplomat", "WEF", "OECD")
TRAILING_YEAR = re.compile(r"^(?P<title>.+?) \((?P<year>\d{4})\)$")
DECLARATION_LINE = re.compile(
    r"^(?P<title>.+?) \((?:the )?(?P<meeting>(?P<number>\d+)(?:st|nd|rd|th) "
    r"(?P<body>[A-Z]+)), (?P<year>\d{4})\)$"
)


class Entry(NamedTuple):
    """One "- ..." line of a Key Documents listing."""

    listing: str
    text: str
    title: str
    year: int | None
    kind: DocumentKind
    publisher: str | None = None
    meeting_name: str | None = None
    meeting_number: int | None = None
    meeting_body: str | None = None


def parse_entry(listing: str, text: str) -> Entry:
    """Parse one listing line into its title, year and the kind it is listed as."""
    kind = LISTING_KINDS[listing]
    if kind is DocumentKind.DECLARATION:
        m = DECLARATION_LINE.match(text)
        if m is None:
            msg = f"unparsable declaration line {text!r}"
            raise ValueError(msg)
        return Entry(
            listing,
            text,
            m["title"],
            int(m["year"]),
            kind,
            meeting_name=m["meeting"],
            meeting_number=int(m["number"]),
            meeting_body=m["body"],
        )
    m = TRAILING_YEAR.match(text)
    title, year = (text, None) if m is None else (m["title"], int(m["year"]))
    publisher = None
    if kind is DocumentKind.PUBLICATION:
        publisher = next((p for p in LINK_PUBLISHERS if title == p or title.startswith(p + " ")), None)
        if publisher is not None:
            kind = DocumentKind.LINK
    return Entry(listing, text, title, year, kind, publisher=publisher)


ENTRIES = [
    parse_entry(listing, line[2:].strip())
    for listing in LISTINGS
    for line in SECTIONS[listing]
    if line.startswith("- ")
]
DECLARATION_ENTRIES = [e for e in ENTRIES if e.kind is DocumentKind.DECLARATION]


def entry_id(entry: Entry) -> str:
    """A readable test id for an entry."""
    return f"{entry.listing}: {entry.text}"


def document_for(entry: Entry) -> Document:
    """The one document whose title or alias is the entry's title."""
    found = [
        d
        for d in ad.registry.documents()
        if entry.title in (d.title, *d.aliases)
        and (
            entry.meeting_number is None
            or (isinstance(d, Declaration) and d.meeting_number == entry.meeting_number)
        )
    ]
    assert len(found) == 1, (
        f"{entry.listing} lists {entry.text!r}: expected one document titled or aliased "
        f"{entry.title!r}, found {[d.id for d in found]}"
    )
    return found[0]


# -- the body table -----------------------------------------------------------


class BodyRow(NamedTuple):
    """One row of the page's table of sectoral bodies."""

    name: str
    acronym: str
    representation: str
    role: str | None
    establishment: str
    meetings: str


def body_rows() -> list[BodyRow]:
    """The rows of the table under "Major Sectoral Bodies/Committees", header excluded."""
    rows = []
    for line in SECTIONS["Major Sectoral Bodies/Committees"]:
        if "|" not in line:
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if cells[-1] == "":
            cells.pop()
        if cells[0] == "Body":
            continue
        if len(cells) != 4:
            msg = f"a body row has {len(cells)} cells, not 4: {line!r}"
            raise ValueError(msg)
        head = re.fullmatch(r"(?P<name>.+) \((?P<acronym>[^()]+)\)", cells[0])
        if head is None:
            msg = f"no 'Name (ACRONYM)' in {cells[0]!r}"
            raise ValueError(msg)
        representation, _, role = cells[1].partition(DASH)
        rows.append(
            BodyRow(
                head["name"],
                head["acronym"],
                representation.strip(),
                role.strip() or None,
                cells[2],
                cells[3],
            )
        )
    return rows


BODY_ROWS = body_rows()
TABLE_HEADER = next(
    [c.strip() for c in line.split("|") if c.strip()]
    for line in SECTIONS["Major Sectoral Bodies/Committees"]
    if line.startswith("Body |")
)

ESTABLISHED = re.compile(rf"\b(?:in|since) (?:(?P<month>{MONTH}) )?(?P<year>\d{{4}})\b")
FORMER_NAME = (
    re.compile(r"Formerly known as (?:the )?(?P<name>.+?) \((?P<acronym>[A-Z]+)\)"),
    re.compile(r"Established in \d{4} as (?P<name>.+?) and subsequently changed"),
)
RENAMED = (
    re.compile(rf"In (?:(?P<month>{MONTH}) )?(?P<year>\d{{4}}), \w+ agreed to rename"),
    re.compile(rf"name was changed in (?:(?P<month>{MONTH}) )?(?P<year>\d{{4}})"),
    re.compile(rf"changed to the current name in (?:(?P<month>{MONTH}) )?(?P<year>\d{{4}})"),
)


def shared_run(ours: str, theirs: str, length: int) -> str | None:
    """The first run of *length* words *ours* shares with *theirs* (case and punctuation aside), if any."""

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))

    mine, page = words(ours), " ".join(words(theirs))
    for i in range(len(mine) - length + 1):
        run = " ".join(mine[i : i + length])
        if f" {run} " in f" {page} ":
            return run
    return None


class Renaming(NamedTuple):
    """A body's former name and when it changed, as the establishment cell says."""

    name: str
    acronym: str | None
    when: PartialDate


def established(row: BodyRow) -> PartialDate | None:
    """When the establishment cell says the body was established, if it says."""
    m = ESTABLISHED.search(row.establishment)
    return None if m is None else partial(m["month"], m["year"])


def renaming(row: BodyRow) -> Renaming | None:
    """The former name and renaming date in the establishment cell, if any."""
    former = next((m for rx in FORMER_NAME if (m := rx.search(row.establishment))), None)
    if former is None:
        return None
    renamed = next((m for rx in RENAMED if (m := rx.search(row.establishment))), None)
    assert renamed is not None, f"{row.acronym}: a former name but no renaming date"
    return Renaming(
        former["name"], former.groupdict().get("acronym"), partial(renamed["month"], renamed["year"])
    )


class Series(NamedTuple):
    """One meeting series parsed from a row's meeting cell."""

    description: str
    per_year: int | None
    as_needed: bool
    joint_with: tuple[str, ...]
    partners: tuple[str, ...]
    back_to_back_with: str | None


def meeting_series(cell: str) -> list[Series]:
    """The meeting series of a meeting cell: "2 joint meetings ... and 1 annual meeting ..."."""
    out = []
    for part in re.split(r" and (?=\d+ )", cell):
        count = re.match(r"(\d+) ", part)
        per_year: int | None
        if count is not None:
            per_year = int(count[1])
        elif part.startswith("Once a year"):
            per_year = 1
        elif part.startswith("As necessary"):
            per_year = None
        else:
            msg = f"no meeting count in {part!r}"
            raise ValueError(msg)
        joint = re.search(
            r"\bjoint (?:meetings?|working group \(JWG\) meeting) with "
            r"(?P<who>.+?)(?:,| which | per year|$)",
            part,
        )
        partners = re.search(r"consultative meetings with (?P<who>.+)$", part)
        b2b = re.search(r"back-to-back with the (?P<who>.+?) meeting", part)
        out.append(
            Series(
                description=part,
                per_year=per_year,
                as_needed="as and when needed" in part or part.startswith("As necessary"),
                joint_with=() if joint is None else (joint["who"],),
                partners=() if partners is None else tuple(LIST_SPLIT.split(partners["who"])),
                back_to_back_with=None if b2b is None else b2b["who"],
            )
        )
    return out


def page_body_acronym(named: str) -> str:
    """The table acronym of a body as the page names it in running text."""
    m = re.search(r"\((?P<acronym>[A-Z][A-Z -]*)\)$", named)
    if m is not None:
        return m["acronym"]
    for row in BODY_ROWS:
        former = renaming(row)
        if named in (row.name, row.acronym) or (
            former is not None and named in (former.name, former.acronym)
        ):
            return row.acronym
    msg = f"the page names no body {named!r} in its table"
    raise AssertionError(msg)


def body_id(named: str) -> str:
    """The id of the body the page names *named*."""
    return ad.registry.body(page_body_acronym(named)).id


def body_of(row: BodyRow) -> Body:
    """The body a table row describes, found by the row's acronym."""
    return ad.registry.body(row.acronym)


def expected_kind(row: BodyRow) -> BodyKind:
    """The kind of body the row's name and role make it."""
    if row.role is not None and "working group" in row.role:
        return BodyKind.WORKING_GROUP
    if "Ministers" in row.name:
        return BodyKind.MINISTERIAL
    if "Senior Officials" in row.name:
        return BodyKind.SENIOR_OFFICIALS
    if "Regulators" in row.name:
        return BodyKind.REGULATORS
    msg = f"no kind for {row.name!r}"
    raise AssertionError(msg)


def expected_parent(row: BodyRow) -> str | None:
    """The parent the row's role names: "ADGSOM's working group", "... under ATRC"."""
    if row.role is None:
        return None
    m = re.search(rf"(?P<owner>[A-Z][A-Z-]+){APOS}s|under (?P<under>[A-Z][A-Z-]+)", row.role)
    assert m is not None, f"{row.acronym}: no parent in the role {row.role!r}"
    return body_id(m["owner"] or m["under"])


def jwg_members() -> set[str]:
    """The bodies whose meeting cell is a joint working group (JWG) meeting."""
    return {body_of(row).id for row in BODY_ROWS if "(JWG) meeting" in row.meetings}


# -- reference facts ----------------------------------------------------------


class RefPartner(NamedTuple):
    """A partner as reference-facts.md names it."""

    id: str
    name: str
    page_spelling: str | None


REF_PARTNERS = [
    RefPartner(m["id"], m["name"], m["page"])
    for m in re.finditer(
        r'(?P<name>[A-Z][A-Za-z ]+?) \((?P<id>[A-Z]+)(?:, "(?P<page>[^"]+)" on the page)?\)',
        flow(ref_section("Partners named in the meeting schedules")),
    )
]
PARTNER_SPELLINGS = {
    spelling: p.id
    for p in REF_PARTNERS
    for spelling in (p.id, p.name, p.page_spelling)
    if spelling is not None
}


class RefState(NamedTuple):
    """A member state row of reference-facts.md."""

    id: str
    alpha3: str
    name: str
    joined: str
    note: str | None


REF_STATES = [
    RefState(m["id"], m["alpha3"], m["name"], m["joined"], m["note"])
    for m in re.finditer(
        r"^\| (?P<id>[A-Z]{2}) \| (?P<alpha3>[A-Z]{3}) \| (?P<name>[^|]+?) \| "
        r"(?P<joined>\d{4}-\d{2}-\d{2})(?: \((?P<note>[^)]*)\))? \|$",
        ref_section("ASEAN Member States"),
        re.MULTILINE,
    )
]
STATE_BY_NAME = {s.name: s.id for s in REF_STATES}


class Host(NamedTuple):
    """A declaration's city and host state as reference-facts.md gives them."""

    city: str
    spelling: str | None
    state: str


HOSTS = {
    m["city"]: Host(
        m["city"],
        m["gloss"].removeprefix("usually written ")
        if (m["gloss"] or "").startswith("usually written ")
        else None,
        STATE_BY_NAME[m["country"]],
    )
    for m in re.finditer(
        r'"?(?P<city>[A-Z][\w ]*?)(?: Declaration")?(?: \((?P<gloss>[^)]*)\))?: '
        r"(?P<country>[A-Z][\w ]*?)\.",
        flow(ref_section("Host cities of the declarations")),
    )
}


class RefPlan(NamedTuple):
    """A master plan as reference-facts.md names and dates it."""

    acronym: str
    name: str
    start: int
    end: int


REF_PLANS = [
    RefPlan(m["acronym"], m["name"], int(m["start"]), int(m["end"]))
    for m in re.finditer(
        r"(?P<acronym>[A-Z]{3}\d{4}) (?:is )?the (?P<name>.+?) \((?P<start>\d{4})-(?P<end>\d{4})\)",
        flow(ref_section("Master plans")),
    )
]


def errata_bullets() -> list[str]:
    """The bullets of reference-facts.md's last section, each as one line."""
    bullets: list[str] = []
    for line in ref_section("Where the page contradicts itself").splitlines():
        if line.startswith("- "):
            bullets.append(line[2:].strip())
        elif line.startswith("  ") and bullets:
            bullets[-1] += " " + line.strip()
    return [flow(b) for b in bullets]


ERRATA_BULLETS = errata_bullets()


# -- master plans -------------------------------------------------------------

PLAN_HEADINGS = ("AIM2015", "AIM2020", "ADM2025")


class PageThrust(NamedTuple):
    """A strategic thrust as the page lists it: "(i) Title: description"."""

    number: int
    title: str
    description: str | None


def page_thrusts(heading: str) -> tuple[int, list[PageThrust]]:
    """The number of thrusts a plan's section announces, and the thrusts it lists."""
    text = section_text(heading)
    announced = int(search(r"(?:has|have) (\d+) Strategic Thrusts", text)[1])
    listed = search(r"\(i\) .*?(?=\.(?:\s|$))", text)[0]
    pieces = re.split(r"\(([ivx]+)\) ", listed)[1:]
    thrusts = []
    for numeral, piece in zip(pieces[::2], pieces[1::2], strict=True):
        cleaned = piece.strip().removesuffix("; and").removesuffix(";").strip()
        title, sep, description = cleaned.partition(": ")
        thrusts.append(PageThrust(ROMAN[numeral], title, description if sep else None))
    return announced, thrusts


# -- every record --------------------------------------------------------------


def all_records() -> list[Entity]:
    """Every record the registry holds, of every kind."""
    r = ad.registry
    return [
        r.sector,
        *r.bodies(),
        *r.documents(),
        *r.master_plans(),
        *r.events(),
        *r.partners(),
        *r.member_states(as_of=dt.date.max),
        *r.policy_areas(),
        *r.dialogues(),
        *r.initiatives(),
        *r.relations(),
    ]


def source_problem(source: Source) -> str | None:
    """What is wrong with a source citation, or None: its section must be a heading."""
    try:
        document = ad.registry.source(source)
    except LookupError:
        return f"unknown source document {source.document!r}"
    location = document.location or ""
    if location.endswith(SHARED_PAGE.name):
        headings = PAGE_HEADINGS
    elif location.endswith(SHARED_REFERENCE.name):
        headings = list(REF_SECTIONS)
    elif document.url is not None:  # a public web page: its address, title and publisher are what cite it
        if not (document.url.startswith(("https://", "http://")) and document.title and document.publisher):
            return f"web source {source.document!r} lacks an http(s) address, a title or a publisher"
        return None if source.section else f"{source.document}: no section"
    else:
        return f"source document {source.document!r} is neither the page, reference-facts nor a web page"
    parts = source.section.split(" / ")
    missing = [part for part in parts if part not in headings]
    if missing:
        return f"{source.document}: {source.section!r}: no heading {missing}"
    positions = [headings.index(part) for part in parts]
    if positions != sorted(positions):
        return f"{source.document}: {source.section!r}: headings out of page order"
    return None


# == tests ====================================================================


class TestSourceTexts:
    """The fixtures are the sources, and the parsers read them as intended."""

    @pytest.mark.parametrize(
        ("fixture", "original"),
        [(PAGE_FILE, SHARED_PAGE), (REFERENCE_FILE, SHARED_REFERENCE)],
        ids=["seed-page", "reference-facts"],
    )
    def test_fixture_is_a_verbatim_copy(self, fixture: Path, original: Path) -> None:
        """The fixture is byte-identical to the shared original, where that exists."""
        if not original.exists():
            pytest.skip(f"{original} is not present (a fresh clone)")
        assert fixture.read_bytes() == original.read_bytes()

    def test_page_headings(self) -> None:
        """The heading parser finds the page's seventeen headings in page order."""
        headings = PAGE_HEADINGS
        assert headings == [
            "Overview",
            "Cooperation Activities",
            "Stakeholders Consultative Dialogues",
            "Establishment of Framework Agreements",
            "Digital Talent Development",
            "Priority Areas of Cooperation",
            "AIM2015",
            "AIM2020",
            "Emerging Strategic Issues",
            "ADM2025",
            "Major Sectoral Bodies/Committees",
            "Key Documents",
            "Strategic Action Plans",
            *LISTINGS,
        ]

    def test_listings_hold_only_entries(self) -> None:
        """Every line under a Key Documents listing is a "- " entry."""
        for listing in LISTINGS:
            assert SECTIONS[listing], listing
            assert all(line.startswith("- ") for line in SECTIONS[listing]), listing

    def test_body_table_shape(self) -> None:
        """The body table has its four columns and eight rows."""
        assert TABLE_HEADER == ["Body", "Representation", "Establishment", "Meetings"]
        assert len(BODY_ROWS) == 8

    def test_reference_tables_parse(self) -> None:
        """reference-facts.md yields 11 states, 7 partners, 10 host cities, 3 plans, 5 errata."""
        assert len(REF_STATES) == 11
        assert len(REF_PARTNERS) == 7
        assert len(HOSTS) == 10
        assert [p.acronym for p in REF_PLANS] == list(PLAN_HEADINGS)
        assert len(ERRATA_BULLETS) == 5


class TestDocuments:
    """The Key Documents listings are the document records."""

    @pytest.mark.parametrize("entry", ENTRIES, ids=[entry_id(e) for e in ENTRIES])
    def test_entry_is_a_document_of_its_listing(self, entry: Entry) -> None:
        """Each listed entry is one document, titled or aliased so, of the listing's kind."""
        doc = document_for(entry)
        assert entry.kind in doc.kinds

    @pytest.mark.parametrize("entry", ENTRIES, ids=[entry_id(e) for e in ENTRIES])
    def test_listed_year_is_published(self, entry: Entry) -> None:
        """A year the listing gives is the document's, or a day in it that a public source states."""
        doc = document_for(entry)
        if entry.year is None:
            return
        assert_within_the_pages_date(doc, "published", doc.published, PartialDate(entry.year))

    def test_undated_entries_carry_no_invented_date(self) -> None:
        """A document the page never dates has no date but one a public source states, cited."""
        narrative = section_text("Establishment of Framework Agreements")
        for entry in ENTRIES:
            doc = document_for(entry)
            dated_on_page = any(e.year is not None for e in ENTRIES if document_for(e).id == doc.id) or any(
                name in narrative for name in (doc.title, *doc.aliases)
            )
            if not dated_on_page and doc.published is not None:
                cited = {s.document for s in doc.sources_for("published")}
                assert "seed-page" not in cited, doc.id
                assert any(d.startswith("web-") for d in cited), (doc.id, str(doc.published))

    @pytest.mark.parametrize("listing", LISTINGS)
    def test_count_per_listing(self, listing: str) -> None:
        """Each listing's number of entries of each kind is the number of documents of it."""
        kinds = {e.kind for e in ENTRIES if e.listing == listing}
        for kind in kinds:
            listed = [e for e in ENTRIES if e.listing == listing and e.kind is kind]
            assert len(ad.registry.documents(kind=kind, source="seed-page")) == len(listed), kind

    def test_listing_counts(self) -> None:
        """The page lists 5 frameworks, 14 guidelines, 13 declarations, 12 publications, 5 links."""
        counts = {kind: n for kind in DocumentKind if (n := sum(e.kind is kind for e in ENTRIES))}
        assert counts == {
            DocumentKind.FRAMEWORK: 5,
            DocumentKind.GUIDELINE: 14,
            DocumentKind.DECLARATION: 13,
            DocumentKind.PUBLICATION: 12,
            DocumentKind.LINK: 5,
        }

    def test_kinds_are_the_listings_in_page_order(self) -> None:
        """A document's kinds are exactly the listings it appears in, first listing first."""
        listed: dict[str, list[DocumentKind]] = {}
        for entry in ENTRIES:
            kinds = listed.setdefault(document_for(entry).id, [])
            if entry.kind not in kinds:
                kinds.append(entry.kind)
        for doc in ad.registry.documents(source="seed-page"):
            assert list(doc.kinds) == listed.get(doc.id), doc.id

    def test_every_document_is_listed(self) -> None:
        """The page's documents are exactly the listed ones: none missing, none invented."""
        listed = {document_for(e).id for e in ENTRIES}
        assert {d.id for d in ad.registry.documents(source="seed-page")} == listed

    def test_two_documents_are_listed_twice(self) -> None:
        """49 entries name 47 documents: the EU SCC joint guide and the startups framework twice."""
        by_doc: dict[str, list[Entry]] = {}
        for entry in ENTRIES:
            by_doc.setdefault(document_for(entry).id, []).append(entry)
        twice = {
            doc_id: [e.listing for e in entries] for doc_id, entries in by_doc.items() if len(entries) > 1
        }
        assert len(ENTRIES) == 49
        assert len(ad.registry.documents(source="seed-page")) == len(ENTRIES) - 2 == len(by_doc)
        assert sorted(twice.values()) == [
            ["Framework Agreements", "Policy Frameworks and Guidelines"],
            ["Policy Frameworks and Guidelines", "Publications and Related Links"],
        ]
        titles = {ad.registry.document(doc_id).title for doc_id in twice}
        assert titles == {
            "Joint Guide to ASEAN Model Contractual Clauses and EU Standard Contractual Clauses",
            "Framework for Promoting The Growth of Digital Startups in ASEAN",
        }

    @pytest.mark.parametrize(
        "entry",
        [e for e in ENTRIES if e.kind is DocumentKind.LINK],
        ids=lambda e: e.text,
    )
    def test_link_publisher(self, entry: Entry) -> None:
        """A related link names the organisation it links to as its publisher."""
        assert document_for(entry).publisher == entry.publisher

    def test_narrative_framework_dates(self) -> None:
        """The frameworks the narrative dates carry that year, or an erratum stating it."""
        text = section_text("Establishment of Framework Agreements")
        found = list(
            re.finditer(
                rf"(?P<name>ASEAN [^,]*?\([A-Z]+\)[^,{DASH}]*?) {DASH} (?:adopted )?in (?P<year>\d{{4}})",
                text,
            )
        )
        assert len(found) == 3
        for m in found:
            name, year = m["name"].strip(), int(m["year"])
            docs = [d for d in ad.registry.documents() if name in (d.title, *d.aliases)]
            assert len(docs) == 1, name
            doc = docs[0]
            assert doc.published is not None, name
            if doc.published.year != year:
                assert any(e.field == "published" and str(year) in e.stated for e in doc.errata), (
                    f"{doc.id}: the page dates {name!r} {year}, data {doc.published}, no erratum"
                )

    def test_imr_keeps_the_list_year_and_records_the_narrative_year(self) -> None:
        """The IMR framework keeps the list's 2017 and carries an erratum stating 2018."""
        entry = next(e for e in ENTRIES if "International Mobile Roaming" in e.title)
        narrative = search(
            rf"International Mobile Roaming \(IMR\) Framework {DASH} in (\d{{4}})",
            section_text("Establishment of Framework Agreements"),
        )
        doc = document_for(entry)
        assert entry.year is not None
        assert doc.published == PartialDate(entry.year)
        assert int(narrative[1]) != entry.year
        assert any(e.field == "published" and narrative[1] in e.stated for e in doc.errata)


class TestDeclarations:
    """The Ministerial Declarations listing is the declaration records."""

    @pytest.mark.parametrize("entry", DECLARATION_ENTRIES, ids=[e.text for e in DECLARATION_ENTRIES])
    def test_meeting(self, entry: Entry) -> None:
        """Number, meeting name, year and body are those of the page's parenthesis."""
        decl = document_for(entry)
        assert isinstance(decl, Declaration)
        assert decl.title == entry.title
        assert decl.kinds == (DocumentKind.DECLARATION,)
        assert decl.meeting_number == entry.meeting_number
        assert decl.meeting_name == entry.meeting_name
        assert entry.year is not None
        assert_within_the_pages_date(decl, "published", decl.published, PartialDate(entry.year))
        assert entry.meeting_body is not None
        assert decl.body == body_id(entry.meeting_body) == ad.registry.body("ADGMIN").id

    @pytest.mark.parametrize("entry", DECLARATION_ENTRIES, ids=[e.text for e in DECLARATION_ENTRIES])
    def test_host(self, entry: Entry) -> None:
        """City and host state are those reference-facts.md gives for the title's city."""
        decl = document_for(entry)
        assert isinstance(decl, Declaration)
        city = re.sub(r" (?:Declaration|Statement)$", "", entry.title)
        host = HOSTS[city]
        assert decl.host == host.state
        if decl.city not in {host.city, host.spelling}:  # a public source names the meeting's city
            assert any(e.field == "city" and e.stated == host.city for e in decl.errata), decl.id
        assert decl in ad.registry.declarations(host=host.state)
        if host.spelling is not None:
            other = entry.title.replace(host.city, host.spelling)
            assert ad.registry.document(other).id == decl.id
            assert ad.registry.document(entry.title).id == decl.id

    def test_meeting_names_follow_the_renaming(self) -> None:
        """Meetings before the October 2019 renaming are TELMIN's, later ones ADGMIN's."""
        renamed = renaming(next(r for r in BODY_ROWS if r.acronym == "ADGMIN"))
        assert renamed is not None
        for entry in DECLARATION_ENTRIES:
            assert entry.year is not None
            expected = (renamed.acronym or "") if entry.year <= renamed.when.year else "ADGMIN"
            assert entry.meeting_body == expected, entry.text
            decl = document_for(entry)
            assert isinstance(decl, Declaration)
            assert decl.meeting_name.endswith(expected)

    def test_count(self) -> None:
        """There are as many declarations as the listing has lines, all of one body."""
        assert len(ad.registry.declarations(source="seed-page")) == len(DECLARATION_ENTRIES) == 13
        assert len(ad.registry.declarations(body="TELMIN", source="seed-page")) == len(DECLARATION_ENTRIES)


def assert_within_the_pages_date(
    record: Any, field: str, kept: PartialDate | None, page: PartialDate | None
) -> None:
    """
    *kept* is the page's date, a more precise one inside it that a public source states, or an
    earlier dated first meeting or edition, kept with an erratum that records the page's date.
    """
    if kept == page:
        return
    assert kept is not None
    assert page is not None, (record.id, field)
    if kept.latest < page.earliest:  # a first meeting or edition dated before the page's year
        assert_page_date_kept_in_an_erratum(record, kept, page)
        return
    assert page.earliest <= kept.earliest <= kept.latest <= page.latest, (
        record.id,
        field,
        str(kept),
        str(page),
    )
    cited = {s.document for s in record.sources_for(field)}
    assert "seed-page" in cited, (record.id, field)
    assert any(d.startswith("web-") for d in cited), (record.id, field)


DATE_FIELDS: Final = ("established", "started")


def assert_page_date_kept_in_an_erratum(record: Any, kept: PartialDate, page: PartialDate) -> None:
    """An erratum on the record's date states the page's date, keeps the earlier one, and cites both."""
    errata = [e for e in record.errata if e.field in DATE_FIELDS and e.kept == str(kept)]
    assert len(errata) == 1, (record.id, str(kept), str(page))
    (erratum,) = errata
    assert str(page.year) in erratum.stated, erratum
    cited = {s.document for s in erratum.sources}
    assert "seed-page" in cited, erratum
    assert any(d.startswith("web-") for d in cited), erratum


class TestBodies:
    """The page's body table is the body records."""

    @pytest.mark.parametrize("row", BODY_ROWS, ids=[r.acronym for r in BODY_ROWS])
    def test_name_and_acronym(self, row: BodyRow) -> None:
        """The first cell's name and acronym are the body's current ones."""
        body = body_of(row)
        assert body.acronym == row.acronym
        assert body.name == row.name
        assert body.names[-1].name == row.name
        assert body.names[-1].acronym == row.acronym
        assert ad.registry.body(row.name).id == body.id

    @pytest.mark.parametrize("row", BODY_ROWS, ids=[r.acronym for r in BODY_ROWS])
    def test_representation_role_and_parent(self, row: BodyRow) -> None:
        """The representation cell gives who sits on the body, its role and its parent."""
        body = body_of(row)
        assert body.representation == row.representation
        assert body.role == row.role
        assert body.parent == expected_parent(row)
        assert body.kind is expected_kind(row)

    @pytest.mark.parametrize("row", BODY_ROWS, ids=[r.acronym for r in BODY_ROWS])
    def test_establishment(self, row: BodyRow) -> None:
        """The establishment date is the one in the establishment cell, at its precision, or a day
        within it that a public source gives (the 1st TELMIN's 13 July 2001 in the page's July 2001)."""
        body = body_of(row)
        assert_within_the_pages_date(body, "established", body.established, established(row))
        assert body.description is not None
        # Facts carry over (the dates above, the names' history, titles); the page's sentences do not.
        names = [d.title for d in ad.registry.documents()] + [
            n.name for b in ad.registry.bodies() for n in b.names
        ]
        ours, theirs = body.description, row.establishment
        for name in sorted(names, key=len, reverse=True):
            ours, theirs = ours.replace(name, "NAME"), theirs.replace(name, "NAME")
        assert not shared_run(ours, theirs, 6), body.description
        assert len(body.description) <= 1.2 * len(row.establishment)

    def test_establishment_years_of_the_page(self) -> None:
        """The table dates six bodies: July 2001, 2001, 2012, 2018, 1995 and 2011."""
        assert [str(established(row)) for row in BODY_ROWS if established(row)] == [
            "2001-07",
            "2001",
            "2012",
            "2018",
            "1995",
            "2011",
        ]

    @pytest.mark.parametrize("row", BODY_ROWS, ids=[r.acronym for r in BODY_ROWS])
    def test_naming_history(self, row: BodyRow) -> None:
        """Former name, acronym and renaming date are those of the establishment cell."""
        body = body_of(row)
        renamed = renaming(row)
        first = body.names[0]
        assert_within_the_pages_date(body, "names[0].valid.start", first.valid.start, established(row))
        if renamed is None:
            assert len(body.names) == 1
            assert body.former_names == ()
            return
        assert len(body.names) == 2
        assert first.name == renamed.name
        if renamed.acronym is None and first.acronym is not None:
            # The page gives no former acronym; one that other pages use comes with an erratum.
            (erratum,) = [e for e in body.errata if e.field == "names"]
            assert first.acronym in erratum.stated
            assert any(s.document.startswith("web-") for s in erratum.sources)
        else:
            assert first.acronym == renamed.acronym
        assert first.valid.end == renamed.when == body.names[1].valid.start
        assert body.names[1].valid.end is None
        assert ad.registry.body(renamed.name).id == body.id
        if renamed.acronym is not None:
            assert ad.registry.body(renamed.acronym).id == body.id

    def test_renamings(self) -> None:
        """TELMIN, TELSOM and the Regulators' Committee were renamed 2019-10, 2019 and 2011-07."""
        found = {row.acronym: renaming(row) for row in BODY_ROWS if renaming(row)}
        assert {k: (v.acronym, str(v.when)) for k, v in found.items() if v} == {
            "ADGMIN": ("TELMIN", "2019-10"),
            "ADGSOM": ("TELSOM", "2019"),
            "ATRC": (None, "2011-07"),
        }

    @pytest.mark.parametrize("row", BODY_ROWS, ids=[r.acronym for r in BODY_ROWS])
    def test_meetings(self, row: BodyRow) -> None:
        """Each meeting series of the meeting cell is one of the body's, in order."""
        body = body_of(row)
        expected = meeting_series(row.meetings)
        assert len(body.meetings) == len(expected)
        for series, page in zip(body.meetings, expected, strict=True):
            assert not shared_run(series.description, page.description, 6), series.description
            assert series.per_year == page.per_year
            assert series.as_needed == page.as_needed
            assert set(series.joint_with) == {body_id(who) for who in page.joint_with}
            assert set(series.consultation_partners) == {PARTNER_SPELLINGS[who] for who in page.partners}
            assert len(series.consultation_partners) == len(page.partners)
            if page.back_to_back_with is None:
                assert series.back_to_back_with == ()
            else:
                assert page.back_to_back_with.endswith("JWG")
                assert set(series.back_to_back_with) == jwg_members()

    def test_consultation_partner_sets(self) -> None:
        """The meeting cells name four partner sets: the full seven, six without EU, CN+JP."""
        everyone = {p.id for p in REF_PARTNERS}
        sets = {
            row.acronym: [{PARTNER_SPELLINGS[w] for w in s.partners} for s in meeting_series(row.meetings)]
            for row in BODY_ROWS
        }
        assert sets["ADGMIN"] == [everyone - {"EU"}]
        assert sets["ADGSOM"] == [set(), everyone]
        assert sets["ADGSOM WG"] == [everyone]
        assert sets["ATRC"] == [set(), {"CN", "JP"}]
        assert sets["ATRC WG"] == [everyone]

    @pytest.mark.parametrize("partner", [p.id for p in REF_PARTNERS])
    def test_bodies_by_partner(self, partner: str) -> None:
        """bodies(partner=...) finds exactly the rows whose meeting cell names the partner."""
        expected = {
            body_of(row).id
            for row in BODY_ROWS
            for s in meeting_series(row.meetings)
            if partner in {PARTNER_SPELLINGS[w] for w in s.partners}
        }
        assert {b.id for b in ad.registry.bodies(partner=partner)} == expected

    def test_count(self) -> None:
        """There is one body per table row among those citing the page; the rest came later (since 2018)."""
        from_the_page = ad.registry.bodies(source="seed-page")
        assert len(from_the_page) == len(BODY_ROWS)
        assert {b.id for b in from_the_page} == {body_of(row).id for row in BODY_ROWS}
        for body in ad.registry.bodies():
            if body not in from_the_page:
                assert body.established is not None
                assert body.established.earliest.year >= 2018, body.id

    def test_every_body_cites_the_table(self) -> None:
        """Each body of the page cites the page's body table."""
        for body in ad.registry.bodies(source="seed-page"):
            assert any(s.section == "Major Sectoral Bodies/Committees" for s in body.sources)


class TestRelations:
    """Relations the page states between records are recorded."""

    def relation(self, subject: str, predicate: Predicate, obj: str) -> None:
        """Assert the relation subject-predicate-object is recorded."""
        found = ad.registry.relations(subject=subject, predicate=predicate, object=obj)
        assert found, f"no relation {subject} {predicate.value} {obj}"

    def test_body_relations(self) -> None:
        """ATRC advises TELMIN and partners TELSOM; TELSOM assists TELMIN; ANSAC is mandated."""
        cells = {row.acronym: row.establishment for row in BODY_ROWS}
        advises = search(r"(\w+) plays an advisory role to (\w+)", cells["ATRC"])
        self.relation(body_id(advises[1]), Predicate.ADVISES, ad.registry.body(advises[2]).id)
        partners = search(r"works in partnership with (\w+)", cells["ATRC"])
        self.relation("atrc", Predicate.PARTNERS_WITH, ad.registry.body(partners[1]).id)
        assists = search(r"to assist (\w+)", cells["ADGSOM"])
        self.relation("adgsom", Predicate.SUPPORTS, ad.registry.body(assists[1]).id)
        mandated = search(r"as mandated by (\w+)", cells["ANSAC"])
        self.relation("ansac", Predicate.MANDATED_BY, ad.registry.master_plan(mandated[1]).id)
        develops = search(r"to develop the (.+?) and implement", cells["WG-DDG"])
        self.relation("wg-ddg", Predicate.DEVELOPS, ad.registry.document(develops[1]).id)

    def test_framework_relations(self) -> None:
        """DDG builds on PDP; the CBDF mechanism and DMF are part of DDG, DCF part of DMF."""
        text = section_text("Establishment of Framework Agreements")
        ddg = ad.registry.document("ASEAN Digital Data Governance (DDG) Framework").id
        base = search(r"which was built upon the (.+?)\.", text)
        self.relation(ddg, Predicate.BUILDS_ON, ad.registry.document(base[1]).id)
        parts = search(
            r"key initiatives in the DDG Framework are the development of the (?P<a>.+?) "
            r"and the (?P<b>.+?) which includes an (?P<c>.+?)\.",
            text,
        )
        self.relation(ad.registry.lookup(parts["a"]).id, Predicate.PART_OF, ddg)
        dmf = ad.registry.lookup(parts["b"]).id
        self.relation(dmf, Predicate.PART_OF, ddg)
        self.relation(ad.registry.lookup(parts["c"]).id, Predicate.PART_OF, dmf)

    def test_master_plans_succeed(self) -> None:
        """Each master plan succeeds the one before it."""
        assert "Each succeeds the one before it" in flow(ref_section("Master plans"))
        for before, after in itertools.pairwise(REF_PLANS):
            self.relation(
                ad.registry.master_plan(after.acronym).id,
                Predicate.SUCCEEDS,
                ad.registry.master_plan(before.acronym).id,
            )

    @pytest.mark.parametrize("row", BODY_ROWS, ids=[r.acronym for r in BODY_ROWS])
    def test_hierarchy(self, row: BodyRow) -> None:
        """A body with a parent is part of it."""
        parent = expected_parent(row)
        if parent is not None:
            self.relation(body_of(row).id, Predicate.PART_OF, parent)


class TestMasterPlans:
    """The Priority Areas of Cooperation sections are the master plan records."""

    @pytest.mark.parametrize("heading", PLAN_HEADINGS)
    def test_thrusts(self, heading: str) -> None:
        """Thrust numbers, titles and descriptions are those the page lists."""
        announced, thrusts = page_thrusts(heading)
        plan = ad.registry.master_plan(heading)
        assert plan.acronym == heading
        assert len(thrusts) == announced == len(plan.thrusts)
        assert [t.number for t in thrusts] == list(range(1, announced + 1))
        for thrust, page in zip(plan.thrusts, thrusts, strict=True):
            assert (thrust.number, thrust.title, thrust.description) == tuple(page)

    def test_thrust_counts(self) -> None:
        """The plans have 6, 8 and 5 strategic thrusts."""
        assert [page_thrusts(h)[0] for h in PLAN_HEADINGS] == [6, 8, 5]

    @pytest.mark.parametrize("plan", REF_PLANS, ids=[p.acronym for p in REF_PLANS])
    def test_name_and_period(self, plan: RefPlan) -> None:
        """Name and period are those reference-facts.md gives."""
        record = ad.registry.master_plan(plan.acronym)
        assert record.name == plan.name
        assert record.period == Period(PartialDate(plan.start), PartialDate(plan.end))
        assert any(s.document == "reference-facts" for s in record.sources)

    def test_order(self) -> None:
        """The plans are in order of their periods."""
        assert [p.acronym for p in ad.registry.master_plans(source="seed-page")] == list(PLAN_HEADINGS)

    def test_adm2025_errata(self) -> None:
        """ADM2025 records the page's AMD2025 typo and its 2021 - 2020 period."""
        m = search(
            rf"The (?P<acronym>\w+) will be finalized for the implementation period of "
            rf"(?P<period>(?P<start>\d{{4}}) {DASH} (?P<end>\d{{4}}))",
            section_text("ADM2025"),
        )
        assert m["acronym"] != "ADM2025"
        assert int(m["end"]) < int(m["start"])
        plan = ad.registry.master_plan("ADM2025")
        assert any(e.field == "acronym" and m["acronym"] in e.stated for e in plan.errata)
        assert any(e.field == "period" and m["period"] in e.stated for e in plan.errata)
        assert plan.period.start == PartialDate(int(m["start"]))


PAGE_EVENTS = [
    (m["name"], int(m["year"]))
    for m in re.finditer(
        rf"(?P<name>ASEAN[\w -]*?) {DASH} since (?P<year>\d{{4}})",
        section_text("Digital Talent Development"),
    )
]


class TestEvents:
    """The Digital Talent Development competitions are the event records."""

    def test_count(self) -> None:
        """The page names four competitions; the data has those, and the awards the public record adds."""
        assert len(PAGE_EVENTS) == 4
        page = ad.registry.events(source="seed-page")
        assert len(page) == len(PAGE_EVENTS)
        others = [e.id for e in ad.registry.events() if e not in page]
        assert others == ["asean-digital-awards"]  # the ASEAN ICT Awards, renamed in 2021 (The Hanoi Times)

    @pytest.mark.parametrize(("name", "year"), PAGE_EVENTS, ids=[n for n, _ in PAGE_EVENTS])
    def test_event(self, name: str, year: int) -> None:
        """Each competition is an annual event started in the year given, with its partners."""
        event = ad.registry.event(name)
        assert event.name == name
        assert_within_the_pages_date(event, "started", event.started, PartialDate(year))
        assert "annual competition-based events" in section_text("Digital Talent Development")
        assert event.per_year == 1
        partners = {p.id for p in REF_PARTNERS if re.search(rf"\b{p.name}\b", name)}
        assert set(event.partners) == partners


class TestPartners:
    """reference-facts.md's partners are the partner records."""

    @pytest.mark.parametrize("partner", REF_PARTNERS, ids=[p.id for p in REF_PARTNERS])
    def test_partner(self, partner: RefPartner) -> None:
        """Id, name and the page's spelling are those reference-facts.md gives."""
        record = ad.registry.partner(partner.id)
        assert record.id == partner.id
        assert record.name == partner.name
        assert ad.registry.partner(partner.name).id == partner.id
        if partner.page_spelling is not None:
            assert partner.page_spelling in record.aliases
            assert ad.registry.partner(partner.page_spelling).id == partner.id
        if "International" in partner.name:
            kind = PartnerKind.INTERNATIONAL_ORGANISATION
        elif "Union" in partner.name:
            kind = PartnerKind.REGIONAL_ORGANISATION
        else:
            kind = PartnerKind.COUNTRY
        assert record.kind is kind

    def test_partners_are_those_of_the_meeting_cells(self) -> None:
        """The seven partners are exactly those the page's meeting cells name."""
        named = {
            PARTNER_SPELLINGS[w]
            for row in BODY_ROWS
            for s in meeting_series(row.meetings)
            for w in s.partners
        }
        assert {p.id for p in ad.registry.partners()} == named == {p.id for p in REF_PARTNERS}
        assert len(named) == 7


class TestMemberStates:
    """reference-facts.md's member-state table is the member-state records."""

    @pytest.mark.parametrize("state", REF_STATES, ids=[s.id for s in REF_STATES])
    def test_state(self, state: RefState) -> None:
        """Id, alpha-3, name, accession date and founding status are those of the table."""
        record = ad.registry.member_state(state.id)
        assert (record.id, record.alpha3, record.name) == (state.id, state.alpha3, state.name)
        assert record.joined == PartialDate.parse(state.joined)
        assert record.founding == ("founding member" in (state.note or ""))
        assert ad.registry.member_state(state.alpha3).id == state.id
        assert ad.registry.member_state(state.name).id == state.id
        assert any(s.document == "reference-facts" for s in record.sources)

    def test_count_and_eleventh_member(self) -> None:
        """Eleven states in all; before the 11th member's admission there were ten."""
        last = max(REF_STATES, key=lambda s: s.joined)
        assert "11th member" in (last.note or "")
        joined = dt.date.fromisoformat(last.joined)
        assert len(ad.registry.member_states(as_of=joined)) == len(REF_STATES) == 11
        before = joined - dt.timedelta(days=1)
        assert len(ad.registry.member_states(as_of=before)) == 10


class TestCooperation:
    """Cooperation activities, dialogues and the sector itself, as the page states them."""

    def test_policy_areas(self) -> None:
        """The eight policy areas studied are the policy-area records, glosses as aliases."""
        listed = search(
            r"The policy areas studied and discussed are, among others, (.+?)\.(?:\s|$)",
            section_text("Cooperation Activities"),
        )[1]
        items = COMMA_SPLIT.split(listed)
        assert len(items) == 8
        for item in items:
            m = re.fullmatch(r"(?P<name>.+?)(?: \((?P<gloss>[^)]+)\))?", item)
            assert m is not None
            area = ad.registry.policy_area(m["name"])
            assert area.name == m["name"]
            if m["gloss"]:
                assert m["gloss"] in area.aliases
        assert len(ad.registry.policy_areas()) == len(items)

    def test_dialogues(self) -> None:
        """The annual regulator consultations and the ATRC dialogue are the dialogue records."""
        m = search(
            r"annual consultative meetings with the ICT regulatory authorities of (?P<who>.+?), "
            r"and the (?P<named>.+?)\.(?:\s|$)",
            section_text("Stakeholders Consultative Dialogues"),
        )
        named = m["named"]
        convener = search(r"\((?P<acronym>[A-Z]+)\)", named)["acronym"]
        topic = search(r" on (?P<topic>.+)$", named)["topic"]
        dialogue = ad.registry.dialogue(named)
        assert named in (dialogue.name, *dialogue.aliases)
        assert dialogue.convener == ad.registry.body(convener).id
        assert (dialogue.topic or "").casefold() == topic.casefold()
        annual = [d for d in ad.registry.dialogues() if d.id != dialogue.id]
        expected = {PARTNER_SPELLINGS[w] for w in LIST_SPLIT.split(m["who"])}
        assert {p for d in annual for p in d.partners} == expected == {"CN", "JP"}
        assert all(d.per_year == 1 for d in annual)

    def test_sector_names(self) -> None:
        """The sector was the ICT sector and became the Digital sector in October 2019."""
        overview = section_text("Overview")
        m = search(
            r"The (?P<current>ASEAN \w+ sector) was formerly known as the (?P<former>.+? sector)", overview
        )
        former = search(r"^(?P<name>.+?) \((?P<acronym>[A-Z]+)\) (?P<rest>sector)$", m["former"])
        renamed = search(
            rf"In (?P<month>{MONTH}) (?P<year>\d{{4}}), the sectoral name was officially changed "
            r"from (?P<old>\w+) to (?P<new>\w+)\.",
            overview,
        )
        when = partial(renamed["month"], renamed["year"])
        sector = ad.registry.sector
        assert sector.name == m["current"]
        assert [n.acronym for n in sector.names] == [renamed["old"], renamed["new"]]
        assert sector.names[0].name == f"{former['name']} {former['rest']}"
        assert sector.names[0].acronym == former["acronym"]
        assert sector.names[0].valid.end == when == sector.names[1].valid.start
        assert sector.names[1].name == m["current"]
        assert when.month is not None
        assert sector.name_at(PartialDate(when.year, when.month - 1)) == sector.names[0]

    def test_sector_scope_and_mandate(self) -> None:
        """Scope, expanded mandate, roles and aims are the Overview's lists."""
        overview = section_text("Overview")
        sector = ad.registry.sector
        scope = search(r"covers cooperation of (.+?)\.(?:\s|$)", overview)[1]
        assert sector.scope == tuple(COMMA_SPLIT.split(scope))
        mandate = search(r"in charge of (?P<list>.+?) to create and maintain (?P<aim>.+?)\.", overview)
        assert sector.expanded_mandate == tuple(COMMA_SPLIT.split(mandate["list"]))
        assert mandate["aim"] in sector.aims
        role = search(r"have expanded into (.+?)\.", overview)[1]
        assert role in sector.roles

    def test_sector_dialogues_frameworks_and_talent(self) -> None:
        """Dialogue participants and objectives, framework aims and talent audience are the page's."""
        sector = ad.registry.sector
        dialogues = section_text("Stakeholders Consultative Dialogues")
        m = search(
            r"consultative dialogues among (?P<first>.+?) as well as with stakeholders such as "
            r"(?P<rest>.+?) to ensure",
            dialogues,
        )
        assert sector.dialogue_participants == (m["first"], *LIST_SPLIT.split(m["rest"]))
        objectives = search(r"policy objectives such as (.+?)\.", dialogues)[1]
        assert sector.dialogue_objectives == tuple(COMMA_SPLIT.split(objectives))
        frameworks = section_text("Establishment of Framework Agreements")
        aims = (
            search(r"that serve as (.+?)\.", frameworks)[1],
            search(r"are aimed at (.+?) to facilitate", frameworks)[1],
            search(r"towards (an environment .+?)\.", frameworks)[1],
        )
        assert set(aims) <= set(sector.framework_aims)
        assert all(aim in frameworks for aim in sector.framework_aims)
        audience = search(r"especially amongst (.+?)\.", section_text("Digital Talent Development"))[1]
        assert sector.talent_audience == tuple(LIST_SPLIT.split(audience))

    def test_emerging_strategic_issues(self) -> None:
        """The DDG framework development and the 5G ecosystem are the two emerging issues."""
        text = section_text("Emerging Strategic Issues")
        themes = search(
            r"development of ASEAN Digital Data Governance Framework which deals with (.+?)\.", text
        )[1]
        issues = {i.id: i for i in ad.registry.initiatives(emerging_issue=True)}
        assert len(issues) == 2
        ddg = [i for i in issues.values() if i.themes == tuple(LIST_SPLIT.split(themes))]
        assert len(ddg) == 1
        acronym = search(r"The development of the .+? \((?P<acronym>\w+)\) ecosystem", text)
        assert [i.acronym for i in issues.values() if i.id != ddg[0].id] == [acronym["acronym"]]
        mpac = search(r"the initiative of the (?P<name>.+?) \((?P<acronym>[^)]+)\) on", text)
        initiative = ad.registry.initiative(mpac["acronym"])
        assert initiative.acronym == mpac["acronym"]
        assert mpac["name"] in (initiative.name, *initiative.aliases)
        assert ad.registry.relations(subject=ddg[0].id, predicate=Predicate.SUPPORTS, object=initiative.id)


class TestSourcesAndErrata:
    """Every record is sourced from a real heading and every known erratum is recorded."""

    def test_every_record_cites_a_source(self) -> None:
        """Each record has at least one source."""
        assert [r.id for r in all_records() if not r.sources] == []

    def test_every_source_names_a_heading(self) -> None:
        """Each source's section (and each erratum's) is a heading of the document it cites."""
        problems = {
            f"{record.id}: {problem}"
            for record in all_records()
            for source in (*record.sources, *(s for e in record.errata for s in e.sources))
            if (problem := source_problem(source)) is not None
        }
        assert sorted(problems) == []

    @pytest.mark.parametrize("bullet", ERRATA_BULLETS, ids=[b[:40] for b in ERRATA_BULLETS])
    def test_reference_erratum_is_recorded(self, bullet: str) -> None:
        """Each contradiction reference-facts.md lists is an erratum attached to its record."""
        checks = [(rx, check) for rx, check in ERRATA_CHECKS if re.search(rx, bullet)]
        assert len(checks) == 1, f"no single check for erratum {bullet!r}"
        rx, check = checks[0]
        check(search(rx, bullet))


CONTRADICTIONS = next(h for h in REF_SECTIONS if h.startswith("Where the page contradicts"))


def assert_erratum(record: Entity, field: str | None, *, stated: str = "", kept: str = "") -> None:
    """Assert *record* has an erratum on *field* stating *stated*, keeping *kept*, citing
    reference-facts.md's contradictions section."""
    found = [
        e
        for e in record.errata
        if (field is None or e.field == field)
        and stated in f"{e.stated} {e.note}"
        and kept in f"{e.kept} {e.note}"
    ]
    assert found, f"{record.id}: no erratum on {field!r} stating {stated!r}, keeping {kept!r}"
    assert any(
        s.document == "reference-facts" and s.section == CONTRADICTIONS for e in found for s in e.sources
    ), f"{record.id}: the erratum does not cite reference-facts.md {CONTRADICTIONS!r}"


def check_imr(m: re.Match[str]) -> None:
    """The IMR framework keeps the list's year and states the narrative's."""
    doc = ad.registry.document(m["title"])
    assert doc.published == PartialDate(int(m["kept"]))
    assert_erratum(doc, "published", stated=m["stated"], kept=m["kept"])


def check_adm2025(m: re.Match[str]) -> None:
    """ADM2025 records the AMD2025 typo and the impossible period."""
    plan = ad.registry.master_plan(m["right"])
    assert section_text("ADM2025").count(m["typo"]) == 1
    assert_erratum(plan, "acronym", stated=m["typo"], kept=m["right"])
    assert_erratum(plan, "period", stated=m["period"], kept=m["end"])
    assert plan.period == Period(PartialDate(int(m["start"])), PartialDate(int(m["end"])))


def check_putrajaya(m: re.Match[str]) -> None:
    """The Putra Jaya Declaration records the spelling and both spellings find it."""
    city = m["title"].removesuffix(" Declaration")
    decl = ad.registry.document(m["title"])
    assert decl.title == m["title"]
    assert ad.registry.document(f"{m['spelling']} Declaration").id == decl.id
    assert_erratum(decl, None, stated=city, kept=m["spelling"])


def check_listed_twice(m: re.Match[str]) -> None:
    """The joint guide is one document of both listings, with an erratum saying so."""
    docs = [d for d in ad.registry.documents() if d.title == m["title"]]
    assert len(docs) == 1
    doc = docs[0]
    assert set(doc.kinds) >= {DocumentKind.GUIDELINE, DocumentKind.PUBLICATION}
    assert_erratum(doc, "kinds")


def check_declaration_gaps(m: re.Match[str]) -> None:
    """The page lists no 3rd ADGMIN declaration nor TELMIN ones before the 11th; ADGMIN says so."""
    numbers = {(e.meeting_body, e.meeting_number) for e in DECLARATION_ENTRIES}
    missing_number = int(m["missing_number"])
    assert (m["body"], missing_number) not in numbers
    first = int(m["first_number"])
    assert min(n or 0 for b, n in numbers if b == m["older"]) == first
    body = ad.registry.body(m["body"])
    assert_erratum(body, None, stated=m["missing"])
    assert_erratum(body, None, stated=ordinal(first))
    assert not [
        d
        for d in ad.registry.declarations(source="seed-page")
        if (d.meeting_name.endswith(m["body"]) and d.meeting_number == missing_number)
        or (d.meeting_name.endswith(m["older"]) and d.meeting_number < first)
    ]


ERRATA_CHECKS: list[tuple[str, Callable[[re.Match[str]], None]]] = [
    (
        (
            r"The (?P<title>.+?) is dated (?P<stated>\d{4}) in the .+? and (?P<kept>\d{4}) "
            r"in the Key Documents list"
        ),
        check_imr,
    ),
    (
        (
            rf"The (?P<typo>\w+) will be finalized for the implementation period of "
            rf"(?P<period>\d{{4}} {DASH} \d{{4}})\": (?P=typo) is a typo for (?P<right>\w+), "
            r"and the period is (?P<start>\d{4})-(?P<end>\d{4})"
        ),
        check_adm2025,
    ),
    (r'"(?P<title>[^"]+)": the city is usually written (?P<spelling>\w+)', check_putrajaya),
    (r"The (?P<title>.+?) is listed twice", check_listed_twice),
    (
        (
            r"No declaration is listed for the "
            r"(?P<missing>(?P<missing_number>\d+)\w\w (?P<body>\w+)); "
            r"none for (?P<older>\w+) meetings before the (?P<first_number>\d+)\w\w"
        ),
        check_declaration_gaps,
    ),
]
