"""
Words for search: cutting a text into words, their normal forms, the glossary, letter pairs, snippets.

The search policy's language rules live here: word forms (``cyber-security``,
``anonymization``), stop words, acronyms glossed in the data's own texts
("Digital Data Governance (DDG)"), and the snippet that shows where a text
matched.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from asean_digital.model.keys import fold

_WORD: Final = re.compile(r"[0-9a-z]+")


_STOP: Final = frozenset({"the", "of", "on", "and", "for", "to", "in", "a", "an", "with", "by"})


_GLOSSED: Final = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,8}?)\(([A-Z][A-Za-z]{1,9})\)")


class _Forms(dict[str, str]):
    """Each word's :func:`_form`, worked out once per index build or query: no cache outlives its use."""

    def __missing__(self, word: str) -> str:
        form = self[word] = _form(word)
        return form


def _words(text: str, forms: _Forms) -> list[str]:
    # ASCII text has no accents to fold away: its folded form is its lower case.
    return [forms[w] for w in _WORD.findall(text.lower() if text.isascii() else fold(text))]


def _form(word: str) -> str:
    """
    One form for a word's spellings and close relatives.

    British -ise/-isation as -ize/-ization (not the -vise words: advise,
    revise, supervise), plurals as singulars, and an adjective in -ory as its
    verb in -e (advisory, advise; regulatory, regulate).

    >>> [_form(w) for w in ("anonymisation", "anonymization", "cities", "guidelines", "access")]
    ['anonymization', 'anonymization', 'city', 'guideline', 'access']
    >>> [_form(w) for w in ("advisory", "advises", "advise", "regulatory", "regulates")]
    ['advise', 'advise', 'advise', 'regulate', 'regulate']
    """
    for british, american in (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize")):
        if word.endswith(british) and len(word) > len(british) + 2 and not word.endswith("v" + british):
            word = word[: -len(british)] + american
            break
    if len(word) > 6 and word.endswith("ory"):
        return word[:-3] + "e"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and word[:-1].endswith(("ise", "ize", "ate", "vise")):
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def glossary(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """
    The acronyms the texts spell out, with their expansions' words: ``"Personal Data Protection (PDP)"``.

    >>> {a: sorted(words) for a, words in glossary(["the Guide on Artificial Intelligence (AI)"]).items()}
    {'ai': ['artificial', 'intelligence']}
    """
    found: dict[str, frozenset[str]] = {}
    forms = _Forms()
    for text in texts:
        if "(" not in text:
            continue
        for m in _GLOSSED.finditer(text):
            acronym = m.group(2).lower()
            words = [w for w in _WORD.findall(m.group(1).lower()) if w not in _STOP]
            for n in range(1, len(words) + 1):
                if "".join(w[0] for w in words[-n:]) == acronym:
                    found.setdefault(acronym, frozenset(forms[w] for w in words[-n:]))
                    break
    return found


def _pairs(word: str) -> set[str]:
    """The letter pairs of *word*, with its first and last letters marked as such."""
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


def _pair_index(vocabulary: list[str]) -> dict[str, array[int]]:
    """For each letter pair, the positions in *vocabulary* of the entries holding it."""
    index: dict[str, array[int]] = defaultdict(lambda: array("I"))
    for n, entry in enumerate(vocabulary):
        for pair in _pairs(entry):
            index[pair].append(n)
    return dict(index)


@functools.cache
def _pairs_needed(length: int, distinct_pairs: int, cutoff: float) -> int:
    """
    How many of a word's letter pairs any word within *cutoff* of it shares, at least.

    ``difflib``'s ratio is ``2 * M / (la + lb)`` with ``M`` at most the
    longest common subsequence, so a ratio of at least *cutoff* needs a
    common subsequence of ``cutoff * (la + lb) / 2`` letters and lengths
    within ``cutoff / (2 - cutoff)`` of each other. Against that common
    subsequence, each letter of the word left out breaks at most two of its
    (marked) pairs and each letter put in breaks at most one.
    """
    broken = 0
    for other in range(1, 2 * length + 2):
        if 2.0 * min(length, other) / (length + other) < cutoff:
            continue
        common = max(0, math.ceil(cutoff * (length + other) / 2 - 1e-9))
        if common > min(length, other):
            continue
        broken = max(broken, 2 * (length - common) + (other - common))
    return distinct_pairs - broken


def _word_set(
    text: str, terms: dict[str, frozenset[str]], expanded: dict[frozenset[str], str], forms: _Forms
) -> frozenset[str]:
    """
    The words a text is found by: its own (stop words aside), each two neighbours joined, and glossed terms.

    ``"cyber security"`` is found by ``cybersecurity`` too; a text that has an
    acronym of the glossary is found by its expansion's words, and one that
    has an expansion's words by the acronym.
    """
    every = _words(text, forms)
    words = {w for w in every if w not in _STOP} or set(every)
    words.update(a + b for a, b in itertools.pairwise(every) if a not in _STOP and b not in _STOP)
    for acronym in words & terms.keys():
        words.update(terms[acronym])
    for expansion, acronym in expanded.items():
        if expansion <= words:
            words.add(acronym)
    return frozenset(words)


def _snippet(text: str, expansions: list[dict[str, float]], width: int = 80) -> str:
    """A window of about *width* characters of *text* around the first word the query matched."""
    if len(text) <= width:
        return text
    lowered = text.lower()
    starts = [lowered.find(word[: max(3, len(word) - 2)]) for exp in expansions for word in exp]
    found = min((s for s in starts if s >= 0), default=0)
    start = max(0, found - width // 3)
    start = lowered.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + width // 2)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
