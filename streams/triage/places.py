"""District resolution: a place in the text, else a district police handle, else the author's location (pure)."""

from __future__ import annotations

import re
from typing import NamedTuple

from seva.districts import DISTRICTS, HQ_HANDLES, UNKNOWN
from streams.triage.lexicon import CUE_TERMS
from streams.triage.matcher import Hit, Matcher, Term, parse_entries
from streams.triage.normalize import normalize, tokenize_phrase

# Latin place names that are also everyday words ("banda" = a guy, "basti" = a settlement, "mau" rarely):
# they count only when written with a capital letter, as a name.
AMBIGUOUS_LATIN = frozenset({"banda", "basti", "mau", "etah", "amethi"})
_AMBIGUOUS_FOLDED = frozenset(tokenize_phrase(" ".join(AMBIGUOUS_LATIN)))
# How far after "resident of" / "निवासी" a place is taken as the complainant's home, not the incident's.
RESIDENCE_WINDOW = 4


def _place_terms() -> list[Term]:
    terms = []
    for d in DISTRICTS:
        names = {d.name, d.name_hi, d.slug.replace("_", " "), *d.aliases, *d.aliases_hi}
        for name in sorted(n for n in names if n):
            tokens = tokenize_phrase(name)
            if tokens:
                terms.append(Term(d.slug, name, tokens, False, 1.0))
    return terms


# One pass finds UP places, places outside UP and residence phrases ("resident of", "निवासी").
OUTSIDE, RESIDENCE = "~outside_up", "~residence"
GEO_LEXICON: tuple[Term, ...] = (*_place_terms(), *parse_entries(OUTSIDE, CUE_TERMS["outside_up"]),
                                  *parse_entries(RESIDENCE, CUE_TERMS["residence"]))
_GEO_TAGS = frozenset(t.tag for t in GEO_LEXICON)
_GEO = Matcher(GEO_LEXICON)


def _handle_map() -> dict[str, str]:
    handles: dict[str, str] = {}
    for d in DISTRICTS:
        compact = d.slug.replace("_", "")
        for pattern in (f"{compact}police", f"{compact}pol", f"ssp{compact}", f"sp{compact}",
                        f"{compact}_police", f"police{compact}", f"dm{compact}"):
            handles.setdefault(pattern, d.slug)
        for handle in d.handles:
            handles[handle.lower().lstrip("@")] = d.slug
    return handles


HANDLE_TO_DISTRICT = _handle_map()


class Place(NamedTuple):  # immutable like a frozen dataclass, and about twice as cheap to build
    district: str
    reason: str


def _capitalised(text: str, word: str) -> bool:
    return re.search(rf"\b{word.capitalize()}\b|\b{word.upper()}\b", text) is not None


def places_in(text: str, tokens: tuple[str, ...], hits: list[Hit] | None = None,
              ) -> tuple[list[tuple[str, str, int]], bool, list[int]]:
    """UP places named in the text as (slug, written, position), whether a non-UP place is named, and where
    residence phrases stand. `hits` may come from a matcher holding GEO_LEXICON among other terms."""
    found = []
    outside = False
    residence_at = []
    for term, position in _GEO.find(tokens) if hits is None else hits:
        tag = term.tag
        if tag not in _GEO_TAGS:
            continue
        if tag == OUTSIDE:
            outside = True
            continue
        if tag == RESIDENCE:
            residence_at.append(position)
            continue
        written = term.written
        if term.tokens[0] in _AMBIGUOUS_FOLDED and len(term.tokens) == 1 and written.isascii():
            if not _capitalised(text, written):
                continue
        found.append((tag, written, position))
    return found, outside, residence_at


LOCATION_CACHE_SIZE = 50_000  # distinct author profile locations whose places are kept


class LocationCache:
    """`places_in` of an author's profile location, memoised per distinct location (bounded): authors keep
    theirs, and a few hundred places cover most profiles."""

    def __init__(self, size: int = LOCATION_CACHE_SIZE) -> None:
        self.size = size
        self._cache: dict[str, tuple[list[tuple[str, str, int]], bool, list[int]]] = {}

    def places(self, location: str) -> tuple[list[tuple[str, str, int]], bool, list[int]]:
        found = self._cache.get(location)
        if found is None:
            if len(self._cache) >= self.size:
                self._cache.clear()
            found = self._cache[location] = places_in(location, normalize(location).tokens)
        return found


_LOCATIONS = LocationCache()


def resolve_district(
    text: str, tokens: tuple[str, ...], handles: tuple[str, ...], author_location: str | None,
    hits: list[Hit] | None = None,
) -> Place:
    found, outside, residence_at = places_in(text, tokens, hits)
    if found:
        incident = [
            f for f in found if not any(0 < f[2] - r <= RESIDENCE_WINDOW + 1 for r in residence_at)
        ] or found if residence_at else found
        # The most named district, the first named on a tie (counts keep the order of first mention).
        counts: dict[str, int] = {}
        first_at: dict[str, int] = {}
        for slug, _, pos in incident:
            counts[slug] = counts.get(slug, 0) + 1
            first_at.setdefault(slug, pos)
        slug = next(iter(counts)) if len(counts) == 1 else max(counts, key=lambda s: (counts[s], -first_at[s]))
        written = next(w for s, w, _ in incident if s == slug)
        note = " (not the complainant's residence)" if len(incident) < len(found) else ""
        return Place(slug, f"place {written!r} named in the text{note}")
    if outside:
        return Place(UNKNOWN, "the place named is outside Uttar Pradesh")
    for handle in handles:
        by_handle = HANDLE_TO_DISTRICT.get(handle.lower())
        if by_handle:
            return Place(by_handle, f"district police handle @{handle}")
    if author_location:
        loc_found, loc_outside, _ = _LOCATIONS.places(author_location)
        if loc_found:
            slug, written, _ = loc_found[0]
            return Place(slug, f"author's profile location {author_location!r}")
        if loc_outside:
            return Place(UNKNOWN, f"author's profile location {author_location!r} is outside Uttar Pradesh")
    hq = [h for h in handles if h.lower() in HQ_HANDLES]
    return Place(UNKNOWN, "no place in Uttar Pradesh found" + (" (addressed to HQ only)" if hq else ""))
