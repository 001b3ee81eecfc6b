"""
Forgiving full-text search over every record's keys.

Matching ignores case, punctuation and word order and tolerates small typos.
An inverted index from words to records is built once, on the first search.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from ._keys import normalise

__all__ = ["Match", "SearchIndex"]

_WORD: Final = re.compile(r"[0-9a-z]+")
_STOP: Final = frozenset({"the", "of", "on", "and", "for", "to", "in", "a", "an", "with", "by"})


def _words(text: str) -> list[str]:
    import unicodedata  # noqa: PLC0415 - only on the search path

    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORD.findall(stripped)


@attrs.frozen
class Match:
    """
    One result of :meth:`Registry.search <asean_digital.Registry.search>`.

    Attributes:
        entity: The record found.
        score: How well it matches, from 0 (barely) to 1 (a whole key, exactly).
        key: The key of the record that matched best.
    """

    entity: Any
    score: float
    key: str


class SearchIndex:
    """An inverted index over the keys of records, with typo-tolerant lookup."""

    def __init__(self, records: Iterable[tuple[Any, Sequence[str]]]) -> None:
        self._records: list[Any] = []
        self._keys: list[list[tuple[str, str, frozenset[str]]]] = []
        self._postings: dict[str, set[int]] = defaultdict(set)
        self._compact: dict[str, set[int]] = defaultdict(set)
        for i, (record, keys) in enumerate(records):
            self._records.append(record)
            entries = []
            for key in keys:
                words = frozenset(w for w in _words(key) if w not in _STOP) or frozenset(_words(key))
                entries.append((key, normalise(key), words))
                for word in words:
                    self._postings[word].add(i)
                self._compact[normalise(key)].add(i)
            self._keys.append(entries)
        self._vocabulary = sorted(self._postings)
        self._compact_vocabulary = sorted(self._compact)

    def _expand(self, word: str) -> dict[str, float]:
        """Vocabulary words *word* may stand for, with a weight each."""
        out: dict[str, float] = {}
        if word in self._postings:
            out[word] = 1.0
        if len(word) >= 3:
            from bisect import bisect_left  # noqa: PLC0415

            i = bisect_left(self._vocabulary, word)
            while i < len(self._vocabulary) and self._vocabulary[i].startswith(word):
                out.setdefault(self._vocabulary[i], 0.85)
                i += 1
        if len(word) >= 4:
            cutoff = 0.8 if len(word) < 8 else 0.75
            for close in difflib.get_close_matches(word, self._vocabulary, n=5, cutoff=cutoff):
                out.setdefault(close, 0.7)
        return out

    def search(self, text: str, limit: int) -> list[Match]:
        """The best *limit* matches for *text*, best first, ties by id."""
        query_words = [w for w in _words(text) if w not in _STOP] or _words(text)
        compact = normalise(text)
        if not compact:
            return []
        scores: dict[int, tuple[float, str]] = {}
        expansions = [self._expand(w) for w in query_words]
        candidates: set[int] = set()
        for exp in expansions:
            for word in exp:
                candidates |= self._postings[word]
        candidates |= self._compact.get(compact, set())
        if len(compact) >= 3:
            for close in difflib.get_close_matches(compact, self._compact_vocabulary, n=5, cutoff=0.8):
                candidates |= self._compact[close]
        for i in candidates:
            best = (0.0, "")
            for key, norm, words in self._keys[i]:
                score = self._score(compact, norm, expansions, words)
                if score > best[0]:
                    best = (score, key)
            if best[0] > 0:
                scores[i] = best
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], str(self._records[kv[0]].id)))
        return [Match(self._records[i], round(score, 4), key) for i, (score, key) in ranked[:limit]]

    @staticmethod
    def _score(compact: str, norm: str, expansions: list[dict[str, float]], words: frozenset[str]) -> float:
        if compact == norm:
            return 1.0
        ratio = difflib.SequenceMatcher(None, compact, norm).ratio() if len(norm) < 80 else 0.0
        whole = 0.9 * ratio if ratio >= 0.85 else 0.0
        if not expansions or not words:
            return whole
        matched = 0.0
        used: set[str] = set()
        for exp in expansions:
            best = 0.0
            best_word = ""
            for word, weight in exp.items():
                if word in words and word not in used and weight > best:
                    best, best_word = weight, word
            if best_word:
                used.add(best_word)
            matched += best
        if matched == 0:
            return whole
        coverage = matched / len(expansions)  # how much of the query is found
        precision = len(used) / len(words)  # how much of the key the query covers
        return max(whole, 0.85 * coverage * (0.6 + 0.4 * precision))
