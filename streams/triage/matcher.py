"""Phrase matching over folded tokens: exact words, multi-word phrases and word prefixes (`harass*`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress

from streams.triage.normalize import tokenize_phrase


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a phrase as written (for the reasons shown to officers) and its folded form."""

    tag: str
    written: str
    tokens: tuple[str, ...]
    prefix: bool  # the last token matches any word starting with it
    weight: float
    # One number per (tag, tokens): two entries of a tag that fold alike ("choree", "chori") share it, so a
    # reader can count the word once. An int, because a tuple's hash is recomputed at every set lookup.
    key: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", _TERM_KEYS.setdefault((self.tag, self.tokens), len(_TERM_KEYS)))


_TERM_KEYS: dict[tuple[str, tuple[str, ...]], int] = {}

# A term found in a tweet and the index of its first token. A plain tuple: one is built for every hit, and a
# NamedTuple's constructor is a Python call.
Hit = tuple[Term, int]


CANDIDATE_CACHE_SIZE = 100_000  # distinct tokens whose candidate terms are kept

# A candidate term, precomputed: (term, middle tokens, last token, prefix, length in tokens).
_Phrase = tuple[Term, tuple[str, ...], str, bool, int]
# A token's candidates: those worth checking whatever the next token is, and, by next token, those worth
# checking when that word follows (both in lexicon order); () when the token starts no term at all.
_Candidates = tuple[tuple[_Phrase, ...], dict[str, tuple[_Phrase, ...]]] | tuple[()]


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
        self._candidate_cache: dict[str, _Candidates] = {}

    def _compute_candidates(self, token: str) -> _Candidates:
        found = list(self._exact.get(token, ()))
        for length in self._prefix_lengths:
            if length > len(token):
                break
            found.extend(self._by_prefix.get(token[:length], ()))
        if not found:
            return ()
        # In lexicon order (places rely on it), each with what find() compares, computed once per token.
        phrases = [(t, t.tokens[1:-1], t.tokens[-1], t.prefix, len(t.tokens)) for t in found]
        # A phrase whose second word is matched exactly can only match before that word: a common first word
        # ("police", "mar") starts a dozen phrases, of which the next word leaves one or two to check.
        second = [t.tokens[1] if len(t.tokens) > 2 or (len(t.tokens) == 2 and not t.prefix) else None
                  for t in found]
        always = tuple(p for p, w in zip(phrases, second, strict=True) if w is None)
        by_next = {
            word: tuple(p for p, w in zip(phrases, second, strict=True) if w is None or w == word)
            for word in dict.fromkeys(w for w in second if w is not None)
        }
        return always, by_next

    def find(self, tokens: tuple[str, ...]) -> list[Hit]:
        cache = self._candidate_cache
        try:
            candidates = list(map(cache.__getitem__, tokens))
        except KeyError:
            if len(cache) + len(tokens) > CANDIDATE_CACHE_SIZE:
                cache.clear()
            for token in tokens:
                if token not in cache:
                    cache[token] = self._compute_candidates(token)
            candidates = list(map(cache.__getitem__, tokens))
        hits: list[Hit] = []
        append = hits.append
        n = len(tokens)
        # Most tokens have no candidate: visit only those that have.
        for i in compress(range(n), candidates):
            always, by_next = candidates[i]  # type: ignore[misc]  # compress() keeps only the non-empty
            found = by_next.get(tokens[i + 1], always) if by_next and i + 1 < n else always
            for term, middle, last, prefix, length in found:
                if length == 1:
                    append((term, i))
                    continue
                end = i + length
                if end > n or (middle and tokens[i + 1:end - 1] != middle):
                    continue
                actual = tokens[end - 1]
                if actual == last or (prefix and actual.startswith(last)):
                    append((term, i))
        return hits
