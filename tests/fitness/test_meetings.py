"""
The ministerial meetings and the people who chaired them, checked against the public record.

The table below was written from the research notes in ``research/`` (each
fact with the page that states it), not from the JSON: the data must match it.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

import asean_digital as ad
from asean_digital import Declaration, Meeting, NotFoundError, Person

reg = ad.registry

# key, start (at the precision the sources settle), end or None, city, host,
# chair (a spelling a source uses) or None, vice-chair or None.
_Row = tuple[str, str, str | None, str | None, str | None, str | None, str | None]
EXPECTED: list[_Row] = [
    ("1st TELMIN", "2001-07-13", "2001-07-14", "Kuala Lumpur", "MY", "Leo Moggie", None),
    ("2nd TELMIN", "2002-08", None, "Manila", "PH", "Leandro R. Mendoza", None),
    ("3rd TELMIN", "2003-09", None, "Singapore", "SG", "Lee Boon Yang", None),
    ("4th TELMIN", "2004-08-04", "2004-08-05", "Bangkok", "TH", None, None),
    ("5th TELMIN", "2005-09", None, "Ha Noi", "VN", "Do Trung Ta", "Abu Bakar Apong"),
    ("6th TELMIN", "2006-09-18", "2006-09-19", None, "BN", "Abu Bakar Apong", None),
    ("7th TELMIN", "2007-08", None, "Siem Reap", "KH", None, None),
    ("8th TELMIN", "2008-08-28", "2008-08-29", "Bali", "ID", None, None),
    ("9th TELMIN", "2009-10-15", None, "Vientiane", "LA", "Khamlouad Sidlakone", None),
    ("10th TELMIN", "2011-01", None, "Kuala Lumpur", "MY", None, None),
    ("11th TELMIN", "2011-12-08", None, "Nay Pyi Taw", "MM", None, None),
    ("12th TELMIN", "2012-11-15", "2012-11-16", "Cebu", "PH", "Mario G. Montejo", "Yaacob Ibrahim"),
    ("13th TELMIN", "2013-11-14", "2013-11-15", "Singapore", "SG", "Yaacob Ibrahim", "Anudith Nakornthap"),
    ("14th TELMIN", "2015-01-22", "2015-01-23", "Bangkok", "TH", None, None),
    ("15th TELMIN", "2015-11-26", "2015-11-27", "Da Nang", "VN", None, None),
    ("16th TELMIN", "2016", None, "Bandar Seri Begawan", "BN", "Mustappa bin Haji Sirat", None),
    ("17th TELMIN", "2017-11-30", "2017-12-01", "Siem Reap", "KH", "Tram Iv Tek", "Rudiantara"),
    ("18th TELMIN", "2018-12", None, "Ubud", "ID", None, None),
    ("19th TELMIN", "2019-10-24", "2019-10-25", "Vientiane", "LA", "Thansamay Kommasith", None),
    ("1st ADGMIN", "2021-01-21", "2021-01-22", None, "MY", "Saifuddin Abdullah", "Thant Sin Maung"),
    ("2nd ADGMIN", "2022-01", None, None, "MM", None, None),
    ("3rd ADGMIN", "2023-02-09", "2023-02-10", "Boracay Island", "PH", "Ivan John E. Uy",
     "Janil Puthucheary"),
    ("4th ADGMIN", "2024-02", None, "Singapore", "SG", "Josephine Teo", "Prasert Jantararuangtong"),
    ("5th ADGMIN", "2025-01-16", "2025-01-17", "Bangkok", "TH", "Prasert Jantararuangtong",
     "Nguyen Manh Hung"),
    ("6th ADGMIN", "2026-01-15", "2026-01-16", "Ha Noi", "VN", "Nguyen Manh Hung", None),
]  # fmt: skip

THEMES = {
    "3rd TELMIN": "ICT: Building a connected and vibrant ASEAN Economic Community",
    "4th TELMIN": "Building e-Learning Culture towards Knowledge-based ASEAN",
    "6th TELMIN": "Enhancing ICT Competitiveness: Capacity Building",
    "13th TELMIN": "Connecting Communities, Co-creating Possibilities",
    "14th TELMIN": "Transforming ASEAN: Moving Towards Smart Communities",
    "16th TELMIN": "Connected and Innovative Community",
    "19th TELMIN": "Smart Connectivity for ASEAN Digital Transformation",
    "1st ADGMIN": "ASEAN: A Digitally Connected Community",
    "3rd ADGMIN": "Synergy Towards a Sustainable Digital Future",
    "4th ADGMIN": "Building an Inclusive and Trusted Digital Ecosystem",
}

VIRTUAL = {"1st ADGMIN": True, "2nd ADGMIN": True, "3rd ADGMIN": False, "12th TELMIN": False}


def _same_person(key: str, participant: Any) -> bool:
    return participant is not None and participant.person == reg.person(key).id


@pytest.mark.parametrize(("key", "start", "end", "city", "host", "chair", "vice"), EXPECTED)
def test_each_meeting_matches_the_record(
    key: str,
    start: str,
    end: str | None,
    city: str | None,
    host: str | None,
    chair: str | None,
    vice: str | None,
) -> None:
    """When, where, who hosted and who chaired, as the sources state."""
    m = reg.meeting(key)
    assert isinstance(m, Meeting)
    assert m.name == key
    assert str(m.dates.start).startswith(start)
    if end is not None:
        assert str(m.dates.end) == end
    if city is not None:
        assert m.city is not None
        assert re.sub(r"\W", "", city.casefold()) in re.sub(r"\W", "", m.city.casefold())
    assert m.host == host
    if chair is not None:
        assert _same_person(chair, m.chair), (key, m.chair)
    if vice is not None:
        assert _same_person(vice, m.vice_chair), (key, m.vice_chair)


@pytest.mark.parametrize(("key", "theme"), sorted(THEMES.items()))
def test_themes(key: str, theme: str) -> None:
    """Themes are kept exactly as the stronger source words them."""
    assert reg.meeting(key).theme == theme


@pytest.mark.parametrize(("key", "virtual"), sorted(VIRTUAL.items()))
def test_virtual_meetings(key: str, virtual: bool) -> None:
    """The first two ADGMINs were held online; the 3rd was the first in person."""
    m = reg.meeting(key)
    assert m.virtual is virtual
    assert m.mode is (ad.MeetingMode.VIRTUAL if virtual else ad.MeetingMode.IN_PERSON)


def test_meetings_by_mode() -> None:
    """The mode filter: the online meetings the sources report are of 2021 to 2023; none is hybrid."""
    online = reg.meetings(mode="virtual")
    assert {m.dates.start.year for m in online if m.dates.start is not None} == {2021, 2022, 2023}
    names = {m.name for m in online}
    assert "1st ADGMIN" in names
    assert "3rd ADGMIN" not in names
    assert reg.meetings(mode=ad.MeetingMode.HYBRID) == ()
    with pytest.raises(ValueError, match="mode"):
        reg.meetings(mode="online")


def test_the_numbers_run_unbroken_under_each_name() -> None:
    """TELMIN 1-19 from 2001, then ADGMIN 1-6 from 2021: the ministers' 25 meetings, in order."""
    meetings = reg.meetings(body="ADGMIN")
    assert len(meetings) == 25
    telmin = [m.number for m in meetings if m.name.endswith("TELMIN")]
    adgmin = [m.number for m in meetings if m.name.endswith("ADGMIN")]
    assert telmin == list(range(1, 20))
    assert adgmin == list(range(1, 7))
    assert [m.id for m in meetings][:2] == ["telmin-1", "telmin-2"]
    starts = [m.dates.start for m in meetings if m.dates.start is not None]
    for earlier, later in itertools.pairwise(starts):
        assert not later.latest < earlier.earliest, (earlier, later)  # never certainly out of order


def test_a_key_names_the_body_as_it_was_then() -> None:
    """'ADGMIN 3' is the 3rd ADGMIN, never the 3rd TELMIN; every spelling of the API contract works."""
    for key in ("ADGMIN 3", "ADGMIN-3", "3rd ADGMIN", "adgmin-3", "ADGMIN3"):
        assert reg.meeting(key).id == "adgmin-3"
    for key in ("TELMIN 12", "12th TELMIN", "TELMIN-12", "telmin-12"):
        assert reg.meeting(key).id == "telmin-12"
    assert str(reg.meeting("TELMIN 3").dates.start).startswith("2003")
    assert str(reg.meeting("ADGMIN 3").dates.start).startswith("2023")
    with pytest.raises(NotFoundError, match="ADGMIN 7"):
        reg.meeting("ADGMIN 7")
    with pytest.raises(NotFoundError):
        reg.meeting("TELMIN 20")


def test_each_meeting_lies_within_its_body_and_bears_its_name_then() -> None:
    """A numbered meeting of a body's own series falls in the body's life and bears its acronym then."""
    own = [m for m in reg.meetings() if m.series in {"adgmin-meetings", "adgsom-meetings", "atrc-meetings"}]
    assert len(own) >= 37
    for m in own:
        assert m.body is not None
        assert reg.series(m.series or "").body == m.body
        if m.number is None:  # a meeting no source numbers (the Special TELSOM of 2011)
            continue
        body = reg.body(m.body)
        assert body.established is not None
        assert m.dates.start is not None, m.id
        assert body.established.earliest <= m.dates.start.earliest, m.id
        then = body.name_at(m.dates.start.latest)
        assert then is not None
        assert then.acronym is not None
        assert m.name.endswith(f" {then.acronym}"), (m.id, then.acronym)
        assert m.id == f"{then.acronym.lower()}-{m.number}"


def test_every_declaration_agrees_with_its_meeting() -> None:
    """Number, name, year, city and host of each declaration agree with the meeting that adopted it."""
    declarations = reg.declarations()
    assert len(declarations) >= 13
    for d in declarations:
        assert isinstance(d, Declaration)
        assert d.meeting is not None, d.id
        m = reg.meeting(d.meeting)
        assert (m.number, m.name, m.body) == (d.meeting_number, d.meeting_name, d.body), d.id
        assert d.published is not None
        assert m.dates.start is not None
        assert d.published.year == m.dates.start.year, d.id
        assert m.host == d.host, d.id
        if m.city is not None and not m.virtual:  # an online meeting's declaration may bear another city
            assert re.sub(r"\W", "", d.city.casefold()) in re.sub(r"\W", "", m.city.casefold()) or (
                re.sub(r"\W", "", m.city.casefold()) in re.sub(r"\W", "", d.city.casefold())
            ), (d.id, d.city, m.city)
        assert d.id in m.outcomes, d.id


def test_the_pages_declarations_each_link_to_their_meeting() -> None:
    """Each of the page's 13 declarations names its meeting, which lists it among its outcomes."""
    page = reg.documents(kind="declaration", source="seed-page")
    assert len(page) == 13
    for d in page:
        assert d.meeting is not None
        assert d.id in reg.meeting(d.meeting).outcomes


def test_outcomes_and_partners_are_records() -> None:
    """Every outcome is a document, declaration or master plan; every partner a partner."""
    for m in reg.meetings():
        for outcome in m.outcomes:
            assert isinstance(reg.lookup(outcome), (ad.Document, ad.MasterPlan, ad.Initiative, ad.Event)), (
                outcome
            )
        for partner in m.partners:
            assert reg.partner(partner).id == partner


def test_the_masterplans_were_adopted_at_their_meetings() -> None:
    """AIM2015 at the 10th TELMIN, ADM2025 at the 1st ADGMIN, ADM2030 at the 6th."""
    assert "aim2015" in reg.meeting("10th TELMIN").outcomes
    assert "adm2025" in reg.meeting("1st ADGMIN").outcomes
    assert "adm2030" in reg.meeting("6th ADGMIN").outcomes
    adm2030 = reg.master_plan("ADM2030")
    assert adm2030.name == "ASEAN Digital Masterplan 2030"
    assert str(adm2030.period) == "2026/2030"


def test_every_source_of_a_meeting_is_a_dated_web_page() -> None:
    """Every source a meeting cites has a well-formed address, a title and a publisher; never fields=()."""
    url = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
    for m in reg.meetings():
        assert m.sources, m.id
        for source in m.sources:
            assert source.fields, (m.id, source)
            document = reg.source(source)
            if document.id in {"seed-page", "reference-facts"}:
                continue
            assert document.url is not None, document.id
            assert url.match(document.url), document.id
            assert document.title, document.id
            assert document.publisher, document.id


def test_people_are_one_record_across_meetings() -> None:
    """Each spelling a source uses finds the one person; the person filter finds every role."""
    yaacob = reg.person("Yaacob Ibrahim")
    assert isinstance(yaacob, Person)
    assert {"12th TELMIN", "13th TELMIN"} <= {m.name for m in reg.meetings(person="Yaacob Ibrahim")}
    prasert = [m.name for m in reg.meetings(person="Prasert Jantararuangtong")]
    assert prasert == ["4th ADGMIN", "5th ADGMIN"]
    hung = [m.name for m in reg.meetings(person="Nguyen Manh Hung")]
    assert hung == [
        "5th ADGMIN",
        "第5回日ASEANデジタル大臣会合",
        "6th ADGMIN",
    ]  # and Japan's 5th, as co-chair
    people = reg.people()
    cited = {p.person for m in reg.meetings() for p in m.participants if p.person}
    assert {p.id for p in people} == cited
    # Kao Kim Hourn, ASEAN's Secretary-General, at the 5th and 6th ADGMIN (research/staging notes)
    kao = {m.id: [p.role.value for p in m.participants if p.person == "kao-kim-hourn"]
           for m in reg.meetings(person="Kao Kim Hourn")}  # fmt: skip
    assert kao["adgmin-5"] == ["secretary-general"]
    assert "secretary-general" in kao["adgmin-6"]


def test_meeting_filters() -> None:
    """Filters by host, year, body, partner and dates agree with the records."""
    ph = reg.meetings(host="Philippines", body="ADGMIN")
    assert [m.name for m in ph] == ["2nd TELMIN", "12th TELMIN", "3rd ADGMIN"]
    in_2015 = [m.name for m in reg.meetings(year=2015, series="TELSOM")] + [
        m.name for m in reg.meetings(year=2015, series="TELMIN")
    ]
    assert in_2015 == ["15th TELSOM", "14th TELMIN", "15th TELMIN"]
    assert len(reg.meetings(body="TELMIN")) == 25
    assert [m.name for m in reg.meetings(series="TELSOM", held_before=2012) if m.number] == [
        "1st TELSOM", "7th TELSOM", "9th TELSOM", "11th TELSOM",
    ]  # fmt: skip
    # the body's own meetings take in its unnumbered ones and its joint retreats, not its +1 sessions
    own = reg.meetings(body="ADGSOM", held_before=2012)
    assert {m.id for m in own} >= {"telsom-2002", "telsom-2003", "telsom-special-2011"}
    assert all(m.partner is None for m in reg.meetings(body="ADGSOM"))
    assert {m.partner for m in reg.meetings(series="adgsom-meetings")} == {None}
    atrc = [m.name for m in reg.meetings(body="ATRC")]
    assert atrc == ["1st ATRC", "3rd ATRC", "ATRC meeting", "18th ATRC", "24th ATRC", "29th ATRC"]
    assert all(str(m.dates.start) < "2010" for m in reg.meetings(held_before=2010))
    assert [m.name for m in reg.meetings(held_after=2025, series="ADGSOM")] == ["6th ADGSOM"]
    for m in reg.meetings(partner="Japan"):
        assert m.partner == "JP" or "JP" in m.partners
    with pytest.raises(NotFoundError):
        reg.meetings(person="Nobody In Particular")


def test_as_of_shows_the_meetings_held_by_then() -> None:
    """The registry as of 2015 holds the meetings that had begun by the end of 2015."""
    then = reg.as_of(2015).meetings(body="ADGMIN")
    assert [m.name for m in then][-1] == "15th TELMIN"
    assert len(then) == 15
    assert [m.name for m in reg.as_of(2015).meetings(series="TELSOM")][-1] == "15th TELSOM"


def test_the_data_is_as_current_as_its_newest_source() -> None:
    """data_as_of is the newest source's date: the 6th ADGMIN of January 2026 is in."""
    assert reg.data_as_of is not None
    assert reg.data_as_of.year == 2026
    newest = max(s.published.latest for s in reg.sources() if s.published is not None)
    assert reg.data_as_of == newest


def test_one_spelling_per_city() -> None:
    """Cities that match alike (case, spaces and accents aside) are written one way across the data."""
    from collections import defaultdict

    from asean_digital.model.keys import normalise

    spellings: dict[str, set[str]] = defaultdict(set)
    for m in reg.meetings():
        if m.city is not None:
            spellings[normalise(m.city)].add(m.city)
    for d in reg.declarations():
        spellings[normalise(d.city)].add(d.city)
    assert {key: found for key, found in spellings.items() if len(found) > 1} == {}
    own = [
        m.name
        for m in reg.meetings(host="VN", year=2026)
        if m.series in {"adgsom-meetings", "adgmin-meetings"}
    ]
    assert own == ["6th ADGSOM", "6th ADGMIN"]
    hanoi = reg.declarations(city="Hanoi")
    assert [d.title for d in hanoi] == ["Hanoi Declaration on Digital Cooperation"]
    assert hanoi == reg.declarations(city="Hà Nội") == reg.declarations(city="Ha Noi")
