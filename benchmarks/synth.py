"""
Synthetic overlays for the scale benchmark: valid bodies and documents, as many as asked.

Deterministic for a given size and seed. Every record is valid against the
packaged data: unique slug ids; keys unique within their kind (each record
carries a code word derived from its index, so names, acronyms and titles
never collide after normalisation); contiguous naming histories; parents
that exist (a packaged body or an earlier synthetic one, so there are no
cycles); sources citing the packaged ``seed-page``.

Names read like the real ones ("Working Group on Spectrum Data Kabedo") so
that search sees a realistic vocabulary: a few hundred shared topic words
plus one proper word per record.

Run it to write an overlay::

    python benchmarks/synth.py 10000 /tmp/overlay.json
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

SOURCE = [{"document": "seed-page", "section": "Overview"}]
PACKAGED_PARENTS = ("adgmin", "adgsom", "atrc")
PARTNERS = ("CN", "JP", "KR", "IN", "EU", "US", "ITU")

_CONSONANTS = "bdfgklmnprstvz"  # 14
_VOWELS = "aeiou"  # 5
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]  # 70; 70**3 = 343,000 code words
_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ"  # 20; 20**5 = 3.2 million acronym codes

_BODY_FORMS = (
    ("Working Group", "WG"),
    ("Task Force", "TF"),
    ("Sub-Working Group", "SWG"),
    ("Committee", "COM"),
    ("Expert Group", "EG"),
)
_DOC_FORMS = (
    ("ASEAN Framework on", "framework"),
    ("ASEAN Guidelines on", "guideline"),
    ("Report on", "publication"),
    ("Study on", "publication"),
    ("Toolkit on", "link"),
)
_TOPICS = """
    Spectrum Management Data Governance Cybersecurity Digital Trade Innovation Broadband Roaming
    Connectivity Privacy Protection Talent Standards Interoperability Payments Identity Cloud
    Computing Emerging Technologies Artificial Intelligence Platforms Startups Inclusion Literacy
    Infrastructure Regulation Competition Consumer Security Resilience Satellite Submarine Cables
    Telecommunications Services Markets Investment Skills Education Health Agriculture Logistics
    Tourism Transport Energy Finance Statistics Measurement Indicators Research Development
""".split()  # noqa: SIM905 - a word list reads best as text


def _scramble(i: int, space: int) -> int:
    """A bijection of range(space) that spreads neighbours apart, as real names are spread."""
    step = 1_000_003  # a prime, so coprime with every space used here
    return (i * step + space // 3) % space


def code_word(i: int) -> str:
    """A pronounceable word unique to *i* (three syllables, six letters)."""
    n = len(_SYLLABLES)
    a, rest = divmod(_scramble(i, n**3), n * n)
    b, c = divmod(rest, n)
    return (_SYLLABLES[a % n] + _SYLLABLES[b] + _SYLLABLES[c]).capitalize()


def code_letters(i: int) -> str:
    """Five capitals unique to *i*, with no vowel so no code reads as a code word."""
    n = len(_CODE_LETTERS)
    i = _scramble(i, n**5)
    out = []
    for _ in range(5):
        i, r = divmod(i, n)
        out.append(_CODE_LETTERS[r])
    return "".join(reversed(out))


def _date(rng: random.Random, year: int) -> str:
    precision = rng.random()
    if precision < 0.25:
        return f"{year:04d}"
    month = rng.randint(1, 12)
    if precision < 0.6:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}"


def _topics(rng: random.Random) -> str:
    return " ".join(rng.sample(_TOPICS, 2))


def make_body(i: int, rng: random.Random, earlier: list[str]) -> dict[str, Any]:
    """Body number *i*; its parent is a packaged body or one of *earlier*."""
    form, short = _BODY_FORMS[i % len(_BODY_FORMS)]
    word = code_word(i)
    code = code_letters(i)
    topics = _topics(rng)
    established = None if rng.random() < 0.1 else _date(rng, rng.randint(1960, 2024))
    name = f"{form} on {topics} {word}"
    acronym = f"{short}-{code}"
    if rng.random() < 0.3:
        old_form, old_short = _BODY_FORMS[(i + 1) % len(_BODY_FORMS)]
        first_year = int(established[:4]) if established else 1990
        renamed = str(min(first_year + rng.randint(1, 15), 2025))
        names = [
            {
                "name": f"{old_form} on {topics} {word}",
                "acronym": f"{old_short}-{code}",
                "valid": {"start": established, "end": renamed},
            },
            {"name": name, "acronym": acronym, "valid": {"start": renamed, "end": None}},
        ]
    else:
        names = [{"name": name, "acronym": acronym, "valid": {"start": established, "end": None}}]
    parent = rng.choice(earlier) if earlier and rng.random() < 0.9 else rng.choice(PACKAGED_PARENTS)
    series: dict[str, Any] = {"description": "Meets annually", "per_year": rng.randint(1, 2)}
    if rng.random() < 0.2:
        series["consultation_partners"] = rng.sample(PARTNERS, rng.randint(1, 3))
    if rng.random() < 0.2:
        series["joint_with"] = [parent]
    record: dict[str, Any] = {
        "id": f"syn-body-{i}",
        "acronym": acronym,
        "name": name,
        "kind": "working_group",
        "parent": parent,
        "established": established,
        "names": names,
        "representation": "Senior officials",
        "role": None,
        "description": f"A synthetic body on {topics.lower()}.",
        "meetings": [series],
        "sources": SOURCE,
    }
    if rng.random() < 0.2:
        record["aliases"] = [f"{word} {short}"]
    return record


def make_document(i: int, rng: random.Random) -> dict[str, Any]:
    """Document number *i*."""
    form, kind = _DOC_FORMS[i % len(_DOC_FORMS)]
    word = code_word(i)
    record: dict[str, Any] = {
        "id": f"syn-doc-{i}",
        "title": f"{form} {_topics(rng)} {word}",
        "kinds": [kind],
        "published": None if rng.random() < 0.1 else _date(rng, rng.randint(1990, 2025)),
        "sources": SOURCE,
    }
    if kind == "link":
        record["publisher"] = "A partner organisation"
    if rng.random() < 0.5:
        record["aliases"] = [f"{word} {kind.capitalize()} {code_letters(i)}"]
    return record


def overlay(size: int, seed: int = 6) -> dict[str, Any]:
    """An overlay of *size* records: half bodies, half documents."""
    rng = random.Random(seed)
    n_bodies = size // 2
    bodies: list[dict[str, Any]] = []
    ids: list[str] = []
    for i in range(n_bodies):
        body = make_body(i, rng, ids)
        bodies.append(body)
        ids.append(body["id"])
    documents = [make_document(n_bodies + i, rng) for i in range(size - n_bodies)]
    return {"bodies": bodies, "documents": documents}


def write_overlay(size: int, path: Path, seed: int = 6) -> int:
    """Write the overlay of *size* records to *path*; return its size in bytes."""
    data = json.dumps(overlay(size, seed), separators=(",", ":"), ensure_ascii=False).encode()
    path.write_bytes(data)
    return len(data)


if __name__ == "__main__":
    n = int(sys.argv[1])
    out = Path(sys.argv[2])
    print(f"{write_overlay(n, out):,} bytes, {n:,} records -> {out}")
