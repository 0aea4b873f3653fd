"""Phrase matching over folded tokens: exact words, multi-word phrases and word prefixes (`harass*`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from streams.triage.normalize import tokenize_phrase


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a phrase as written (for the reasons shown to officers) and its folded form."""

    tag: str
    written: str
    tokens: tuple[str, ...]
    prefix: bool  # the last token matches any word starting with it
    weight: float


class Hit(NamedTuple):
    """A term found in a tweet (a NamedTuple: built for every hit, several times cheaper than a dataclass)."""

    term: Term
    position: int  # index of the first token


CANDIDATE_CACHE_SIZE = 100_000  # distinct tokens whose candidate terms are kept

# A candidate term, precomputed: (term, middle tokens, last token, prefix, length in tokens).
_Phrase = tuple[Term, tuple[str, ...], str, bool, int]


def parse_entries(tag: str, spec: str) -> list[Term]:
    """`spec` is a `;`- or newline-separated list of phrases; `phrase*` is a prefix, `phrase=2.5` a weight."""
    terms = []
    for raw in spec.replace("\n", ";").split(";"):
        entry = raw.strip()
        if not entry:
            continue
        weight = 1.0
        if "=" in entry:
            entry, _, w = entry.rpartition("=")
            weight = float(w)
            entry = entry.strip()
        prefix = entry.endswith("*")
        tokens = tokenize_phrase(entry.rstrip("*"))
        if not tokens:
            raise ValueError(f"empty lexicon entry in {tag!r}: {raw!r}")
        terms.append(Term(tag, entry.rstrip("*"), tokens, prefix, weight))
    return terms


class Matcher:
    """Finds every term in a token sequence; the per-token candidate lookup is cached."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._exact: dict[str, list[Term]] = defaultdict(list)
        self._by_prefix: dict[str, list[Term]] = defaultdict(list)
        for term in terms:
            if len(term.tokens) == 1 and term.prefix:
                self._by_prefix[term.tokens[0]].append(term)
            else:
                self._exact[term.tokens[0]].append(term)
        self._prefix_lengths = sorted({len(p) for p in self._by_prefix})
        # A plain dict, not lru_cache: find() looks every token up, and a dict hit costs a fraction of a call.
        self._candidate_cache: dict[str, tuple[_Phrase, ...]] = {}

    def _compute_candidates(self, token: str) -> tuple[_Phrase, ...]:
        found = list(self._exact.get(token, ()))
        for length in self._prefix_lengths:
            if length > len(token):
                break
            found.extend(self._by_prefix.get(token[:length], ()))
        # In lexicon order (places rely on it), each with what find() compares, computed once per token.
        return tuple((t, t.tokens[1:-1], t.tokens[-1], t.prefix, len(t.tokens)) for t in found)

    def find(self, tokens: tuple[str, ...]) -> list[Hit]:
        cache = self._candidate_cache
        if len(cache) + len(tokens) > CANDIDATE_CACHE_SIZE:
            cache.clear()
        get = cache.get
        # Most tokens have no candidate: look them all up in one comprehension, then visit only those that have.
        candidates = [get(token) for token in tokens]
        if None in candidates:
            for i, found in enumerate(candidates):
                if found is None:
                    candidates[i] = cache[tokens[i]] = self._compute_candidates(tokens[i])
        hits: list[Hit] = []
        n = len(tokens)
        for i, found in enumerate(candidates):
            if not found:
                continue
            for term, middle, last, prefix, length in found:
                if length == 1:
                    hits.append(Hit(term, i))
                    continue
                end = i + length
                if end > n or (middle and tokens[i + 1:end - 1] != middle):
                    continue
                actual = tokens[end - 1]
                if actual == last or (prefix and actual.startswith(last)):
                    hits.append(Hit(term, i))
        return hits
