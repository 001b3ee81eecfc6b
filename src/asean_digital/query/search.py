"""
Forgiving full-text search over every text a record carries.

Keys (ids, names, acronyms, aliases, titles, former names) and the other
texts (descriptions, roles, themes, thrusts, errata, ...) are both searched,
a key match outranking a text match: only a key can score 1.0. Matching
ignores case, punctuation and word order and tolerates small typos; word
forms meet (``cyber``, ``cyber-security``, ``cybersecurity``;
``anonymisation``, ``anonymization``; plurals), and so do an acronym and its
expansion where a text of the data spells it out (``Artificial Intelligence
(AI)``): the glossary is the data's own, never a list in code.
The index is built once, on the first search: words to records, whole
(normalised) keys to records, and letter pairs to words and to keys. A
search reads what it needs, not every record:

- a typo is found as :func:`difflib.get_close_matches` finds it, but only
  among the words (or keys) sharing enough letter pairs with the query to be
  within its cutoff, rarest pairs first;
- records are scored best bound first (the most query words held, in the
  shortest keys, then by id), and scoring stops once no record left could
  enter the results.

The results are those of scoring every record that holds a query word. Only
in a registry of many thousands of records do the budgets below bound one
search's work, and then the weakest of many equally weak matches may be
passed over.
"""

from __future__ import annotations

import difflib
import heapq
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from asean_digital.model.entity import Entity  # noqa: TC001 - publish() resolves the field types here
from asean_digital.model.fields import publish
from asean_digital.model.keys import normalise

from .words import _STOP, _Forms, _pair_index, _pairs, _pairs_needed, _snippet, _word_set, _words, glossary

if TYPE_CHECKING:
    from .results import Results

__all__ = ["Match", "SearchIndex", "search_in"]

# Budgets that bound the work of one search however large the registry; a
# registry of a few thousand records does not reach them.
_BUDGET: Final = 2_000
"""Records scored per search by the words they hold (those nearly matching as a whole come on top)."""
_PAIRS_READ: Final = 20_000
"""Letter-pair postings read per typo lookup (the rarest pairs first)."""
_JUDGED: Final = 500
"""Entries sharing the most letter pairs with a word, judged by ``difflib`` per typo lookup."""


TEXT_WEIGHT: Final = 0.6
"""What a match in a text that is not a key (a description, a theme) counts for, against a key."""
_TEXT_BEST: Final = TEXT_WEIGHT * 0.85
"""The best a text that is not a key can score."""
MAX_QUERY: Final = 1_000
"""The longest query, in characters."""


@attrs.frozen
class Match:
    """
    One result of :meth:`Registry.search <asean_digital.Registry.search>`.

    Attributes:
        entity: The record found.
        score: How well it matches, from 0 (barely) to 1 (a whole key,
            exactly); a text that is not a key scores at most 0.51.
        key: The key or text of the record that matched best.
        field: The field that text is in (``"name"``, ``"aliases"``,
            ``"description"``, ``"thrusts[7].title"``).
        snippet: A short window of that text around what matched.

    >>> import asean_digital as ad
    >>> best = ad.registry.search("ATRC")[0]
    >>> best.entity.id, best.score, best.field
    ('atrc', 1.0, 'names')
    """

    entity: Entity
    score: float
    key: str
    field: str = ""
    snippet: str = ""


_Entry = tuple[str, str, frozenset[str], str, bool]
"""One text of a record as indexed: the text, its normal form, its words, its field, whether a key."""


class SearchIndex:
    """
    An inverted index over the texts of records, with typo-tolerant lookup.

    Each record comes with its texts as ``(text, field, is_key)``
    (:func:`asean_digital.model.keys.search_entries`).
    """

    def __init__(self, records: Iterable[tuple[Any, Sequence[tuple[str, str, bool]]]]) -> None:
        self._records: list[Any] = []
        self._ids: list[str] = []
        self._keys: list[tuple[_Entry, ...]] = []
        self._fewest = array("H")  # the fewest words of any of a record's texts
        postings: dict[str, list[int]] = defaultdict(list)
        compact: dict[str, list[int]] = defaultdict(list)
        given = [(record, list(texts)) for record, texts in records]
        forms = _Forms()
        plain: set[str] = set()  # the words as written: what typos and prefixes are matched against
        terms = glossary(text for _, texts in given for text, _, _ in texts)
        expanded = {words: acronym for acronym, words in terms.items()}
        for i, (record, texts) in enumerate(given):
            self._records.append(record)
            self._ids.append(str(record.id))
            entries = []
            for text, field, is_key in texts:
                # An id is found whole (its words are its name's, already indexed).
                words = frozenset() if field == "id" else _word_set(text, terms, expanded, forms)
                if not is_key or field != "id":
                    plain.update(_words(text, forms))
                norm = normalise(text)
                entries.append((text, norm, words, field, is_key))
                for word in words:
                    if not postings[word] or postings[word][-1] != i:
                        postings[word].append(i)
                if is_key and (not compact[norm] or compact[norm][-1] != i):
                    compact[norm].append(i)
            self._keys.append(tuple(entries))
            # The fewest words of any key: a bound on what the record can score by a key; any other
            # text scores at most TEXT_WEIGHT of a whole match.
            self._fewest.append(min((len(e[2]) for e in entries if e[2] and e[4]), default=0))
        self._postings: dict[str, tuple[int, ...]] = {w: tuple(p) for w, p in postings.items()}
        self._compact: dict[str, tuple[int, ...]] = {k: tuple(p) for k, p in compact.items()}
        self._rank = array("I", bytes(4 * len(self._ids)))  # each record's place in id order
        for rank, i in enumerate(sorted(range(len(self._ids)), key=self._ids.__getitem__)):
            self._rank[i] = rank
        # Typos and prefixes are matched against the words as written, not the joined neighbours
        # and glossed terms the postings hold too (those only meet a query word exactly).
        self._vocabulary = sorted(plain & self._postings.keys())
        self._by_pair = _pair_index(self._vocabulary)
        self._compact_vocabulary = sorted(self._compact)
        self._compact_by_pair = _pair_index(self._compact_vocabulary)

    @staticmethod
    def _close(
        text: str, vocabulary: list[str], by_pair: dict[str, array[int]], cutoff: float
    ) -> tuple[list[str], list[str]]:
        """
        The five entries of *vocabulary* closest to *text* by ``difflib``'s ratio, at least *cutoff*.

        The same as :func:`difflib.get_close_matches` over the whole
        vocabulary, but only the entries sharing enough letter pairs with
        *text* (by *by_pair*) are judged, for no other can reach the cutoff
        (see :func:`_pairs_needed`). In a large vocabulary, the pairs found in
        too many entries are not read (the rarer ones still find the close
        entries) and the entries sharing the most pairs are judged first, up
        to a budget.

        Returns:
            The five closest entries, closest first; and every entry judged
            that ``difflib``'s bounds leave within ``0.85`` of *text*, whichever
            way round the ratio is taken (the whole-key score's threshold).
        """
        pairs = sorted(_pairs(text), key=lambda pair: len(by_pair.get(pair, ())))
        shared = Counter[int]()
        read = counted = 0
        for pair in pairs:
            postings = by_pair.get(pair, ())
            if counted and read + len(postings) > _PAIRS_READ:
                break
            shared.update(postings)
            read += len(postings)
            counted += 1
        # An entry within the cutoff shares `needed` pairs, at most all the unread ones among them.
        needed = _pairs_needed(len(text), len(pairs), cutoff) - (len(pairs) - counted)
        if needed <= 0 and len(vocabulary) <= _JUDGED:  # too short or repetitive to filter
            candidates = list(range(len(vocabulary)))
        else:
            candidates = [entry for entry, count in shared.items() if count >= needed]
        if len(candidates) > _JUDGED:
            candidates = heapq.nlargest(_JUDGED, candidates, key=shared.__getitem__)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(text)
        found = []
        near = []
        for entry in candidates:
            candidate = vocabulary[entry]
            matcher.set_seq1(candidate)
            # Both bounds are the same either way round; the ratio itself is not.
            quick = matcher.real_quick_ratio()
            if quick >= cutoff:
                quick = matcher.quick_ratio()
                if quick >= cutoff and matcher.ratio() >= cutoff:
                    found.append((matcher.ratio(), candidate))
                if quick >= 0.85:
                    near.append(candidate)
        return [candidate for _, candidate in heapq.nlargest(5, found)], near

    def _joined(self, words: list[str]) -> list[str]:
        """
        *words* with two neighbours joined where the texts hold them joined (``cyber security``).

        The index holds each two neighbouring words of a text joined too, so
        the joined word meets both ``cybersecurity`` and ``cyber security``.
        """
        out: list[str] = []
        for word in words:
            if out and len(out[-1]) >= 3 and f"{out[-1]}{word}" in self._postings:
                out[-1] += word
            else:
                out.append(word)
        return out

    def _expand(self, word: str) -> dict[str, float]:
        """Vocabulary words *word* may stand for, with a weight each."""
        out: dict[str, float] = {}
        if word in self._postings:
            out[word] = 1.0
        if len(word) >= 3:
            i = bisect_left(self._vocabulary, word)
            while i < len(self._vocabulary) and self._vocabulary[i].startswith(word):
                out.setdefault(self._vocabulary[i], 0.85)
                i += 1
        if len(word) >= 8:  # a compound meets its parts: cybersecurity, cyber and security
            for cut in range(4, len(word) - 3):
                head, tail = word[:cut], word[cut:]
                if head in self._postings and tail in self._postings:
                    out.setdefault(head, 0.6)
                    out.setdefault(tail, 0.6)
                    i = bisect_left(self._vocabulary, head)  # and the head's own compounds: cyberspace
                    while i < len(self._vocabulary) and self._vocabulary[i].startswith(head):
                        out.setdefault(self._vocabulary[i], 0.5)
                        i += 1
        if len(word) >= 4:
            cutoff = 0.8 if len(word) < 8 else 0.75
            for close in self._close(word, self._vocabulary, self._by_pair, cutoff)[0]:
                out.setdefault(close, 0.7)
        return out

    def search(self, text: str, limit: int) -> list[Match]:
        """The best *limit* matches for *text*, best first, ties by id."""
        if len(text) > MAX_QUERY:
            msg = f"a search is at most {MAX_QUERY} characters, got {len(text)}"
            raise ValueError(msg)
        forms = _Forms()  # a query's own: what users search for is not kept
        query_words = list(dict.fromkeys(w for w in _words(text, forms) if w not in _STOP)) or _words(
            text, forms
        )
        query_words = self._joined(query_words)
        compact = normalise(text)
        if not compact:
            return []
        expansions = [self._expand(w) for w in query_words]
        run = _Run(self, _Query(compact, expansions), limit)
        # How many query words each record's keys hold, in any spelling.
        holds = Counter[int]()
        for exp in expansions:
            holders: set[int] = set()
            for word in exp:
                holders.update(self._postings[word])
            holds.update(holders)
        # Records with a key that is the query, or among the five nearest to
        # it, are always scored; and those holding query words with a key
        # near enough to score as a whole, for no other can.
        for i in self._compact.get(compact, ()):
            run.score(i)
        if len(compact) >= 3:
            closest, near = self._close(compact, self._compact_vocabulary, self._compact_by_pair, 0.8)
            for key in closest:
                for i in self._compact[key]:
                    run.score(i)
            for key in near:
                for i in self._compact[key]:
                    if i in holds:
                        run.score(i)
        run.by_words(holds)
        return run.results()


class _Run:
    """One search: the records scored so far, and the best scores among them."""

    def __init__(self, index: SearchIndex, query: _Query, limit: int) -> None:
        self.index = index
        self.query = query
        self.limit = limit
        self.scored: set[int] = set()
        self.scores: dict[int, tuple[float, str, str]] = {}
        self.best: list[tuple[float, int]] = []  # the `limit` best (score, -rank by id), a heap

    def score(self, i: int) -> None:
        if i in self.scored:
            return
        self.scored.add(i)
        found = (0.0, "", "")
        wanted = self.query.vocabulary
        for key, norm, words, field, is_key in self.index._keys[i]:
            # Only a key can match whole; any other text by its words, at a lower weight, and only
            # where it holds a query word and could still beat what was found.
            if is_key:
                s = self.query.score(norm, words, found[0])
            elif found[0] < _TEXT_BEST and not words.isdisjoint(wanted):
                s = TEXT_WEIGHT * self.query.partial(words)
            else:
                continue
            if s > found[0]:
                found = (s, key, field)
        if found[0] > 0:
            self.scores[i] = found
            heapq.heappush(self.best, (found[0], -self.index._rank[i]))
            if len(self.best) > self.limit:
                heapq.heappop(self.best)

    def by_words(self, holds: Counter[int]) -> None:
        """
        Score the records holding query words, those that could score best first.

        A record holding ``m`` of the query's ``n`` words, in keys of at
        least ``f`` words, scores at most ``0.85 * w / n * (0.6 + 0.4 * m / f)``
        by its words (``w`` the ``m`` best weights' sum); any that could score
        by a whole key has been scored already. Records are taken by that
        bound (best first), then id; once it cannot reach the results, no
        record after is scored.
        """
        expansions = self.query.expansions
        weights = sorted((max(exp.values(), default=0.0) for exp in expansions), reverse=True)
        budget = _BUDGET
        rank = self.index._rank
        fewest = self.index._fewest

        def bound(held: int, words: int) -> float:
            share = 0.85 * sum(weights[:held]) / len(expansions)
            by_text = TEXT_WEIGHT * share
            if not words:  # no key with words: only its other texts can match
                return by_text
            return max(by_text, share * (0.6 + 0.4 * min(1.0, held / words)))

        def hopeless(upper: float, place: int = -1) -> bool:
            """Whether a record scoring at most *upper*, *place* in id order, cannot enter the results."""
            if len(self.best) < self.limit:
                return False
            worst, minus_place = self.best[0]
            # A tie enters only ahead of the worst result by id (scores are compared with a margin
            # for rounding: the bound and the score are computed in different orders).
            return upper + 1e-9 < worst or (abs(upper - worst) <= 1e-9 and place > -minus_place)

        for count in sorted(set(holds.values()), reverse=True):
            if hopeless(bound(count, 1)):
                return
            by_words = {f: bound(count, f) for f in {fewest[i] for i in holds}}
            group = [i for i, held in holds.items() if held == count and i not in self.scored]
            # Best bound first, then by id: once one is hopeless, so is every one after.
            group.sort(key=lambda i: (-by_words[fewest[i]], rank[i]))
            for i in group:
                if hopeless(by_words[fewest[i]], rank[i]):
                    break
                self.score(i)
                budget -= 1
                if budget <= 0:
                    return

    def results(self) -> list[Match]:
        ids = self.index._ids
        records = self.index._records
        ranked = sorted(self.scores.items(), key=lambda kv: (-kv[1][0], ids[kv[0]]))
        return [
            Match(records[i], round(s, 4), key, field, _snippet(key, self.query.expansions))
            for i, (s, key, field) in ranked[: self.limit]
        ]


class _Query:
    """One search's query: its compact form and what each of its words may stand for."""

    def __init__(self, compact: str, expansions: list[dict[str, float]]) -> None:
        self.compact = compact
        self.expansions = expansions
        self.vocabulary = frozenset(word for exp in expansions for word in exp)
        # Where several key words could stand for a query word, the first expansion wins.
        self.ranks = [{word: n for n, word in enumerate(exp)} for exp in expansions]
        # quick_ratio() counts common letters, the same either way round: with
        # the query as the second sequence its letter counts are made once.
        self.letters = difflib.SequenceMatcher(None, "", compact)

    def score(self, norm: str, words: frozenset[str], floor: float = 0.0) -> float:
        """
        How well a key (*norm*, *words*) matches: exact where above *floor*, else at most *floor*.

        The whole-key similarity (``difflib``'s ratio of the compact forms) is
        only computed where its cheaper bounds leave it a chance to count.
        """
        compact = self.compact
        if compact == norm:
            return 1.0
        partial = self.partial(words)
        if len(norm) < 80:
            bound = 2.0 * min(len(compact), len(norm)) / (len(compact) + len(norm))
            if bound >= 0.85 and 0.9 * bound > max(partial, floor):
                self.letters.set_seq1(norm)
                bound = self.letters.quick_ratio()
                if bound >= 0.85 and 0.9 * bound > max(partial, floor):
                    ratio = difflib.SequenceMatcher(None, compact, norm).ratio()
                    if ratio >= 0.85:
                        return max(0.9 * ratio, partial)
        return partial

    def partial(self, words: frozenset[str]) -> float:
        """How much of the query a text's *words* hold, and how much of the text the query covers."""
        if not self.expansions or not words:
            return 0.0
        matched = 0.0
        used: set[str] = set()
        for exp, ranks in zip(self.expansions, self.ranks, strict=True):
            best = 0.0
            best_word = ""
            if len(exp) <= len(words):
                for word, weight in exp.items():
                    if word in words and word not in used and weight > best:
                        best, best_word = weight, word
            else:  # the same choice, from the key's side
                for word in words:
                    weight = exp.get(word, 0.0)
                    if word not in used and (
                        weight > best or (weight == best > 0 and ranks[word] < ranks[best_word])
                    ):
                        best, best_word = weight, word
            if best_word:
                used.add(best_word)
            matched += best
        if matched == 0:
            return 0.0
        coverage = matched / len(self.expansions)  # how much of the query is found
        precision = len(used) / len(words)  # how much of the key the query covers
        return 0.85 * coverage * (0.6 + 0.4 * precision)


publish(globals(), Match)


def search_in(
    registry: Any,
    store: Any,
    index: SearchIndex | None,
    text: object,
    *,
    kind: str | None,
    source: str | None,
    limit: int,
) -> Results[Match]:
    """:meth:`Registry.search <asean_digital.Registry.search>` over *index*, the search index of *store*."""
    from asean_digital.model.collections import kind_of  # noqa: PLC0415

    from .core import kind_arg, limit_arg  # noqa: PLC0415
    from .results import Results  # noqa: PLC0415

    if not isinstance(text, str) or index is None:
        msg = f"text must be a string, got {type(text).__name__} {text!r}"
        raise TypeError(msg)
    limit = limit_arg(limit)
    wanted = None if kind is None else kind_arg(kind)
    if source is None and wanted is None:
        return Results(index.search(text, limit), registry, kind=Match)
    sid = None if source is None else store.source_id(source)
    every = index.search(text, store.count() + 1)
    kept = (
        m
        for m in every
        if (sid is None or any(s.document == sid for s in m.entity.sources))
        and (wanted is None or kind_of(m.entity) == wanted)
    )
    return Results(list(kept)[:limit], registry, kind=Match)
