"""The triage core's per-token and per-chunk caches give exactly what the uncached computation gives."""

from __future__ import annotations

import json
import math
import random
import sys
import unicodedata
from datetime import UTC, datetime

import numpy as np
import pytest

from producers.generator import GeneratorConfig, generate
from streams.bench import clear_triage_caches
from streams.triage.classify import Evidence, gather
from streams.triage.matcher import Matcher, Term, parse_entries
from streams.triage.model import CategoryModel, Prediction, default_model, token_grams
from streams.triage.normalize import ChunkCache, _normalize_text, normalize
from streams.triage.places import LocationCache, places_in

# streams.triage re-exports the function normalize, which hides the module of that name as an attribute.
normalize_module = sys.modules["streams.triage.normalize"]
places_module = sys.modules["streams.triage.places"]

# Texts that stress the chunk split: URLs, mentions (one longer than 30 characters), hashtags glued to other
# words, Devanagari digits and joiners, apostrophes, tabs, newlines and Unicode spaces.
TRICKY = [
    "@UPPolice chori ho gayi https://t.co/abc@def #PaperLeak2024 helppp!!",
    "RT @lucknowpolice: www.example.com/x?y=1 नमस्ते\u00a0जी हिन्दी हिंदी बचाओओओ",
    "abc@def#ghi @a_very_long_handle_that_goes_past_thirty_chars_x don't DON'T",
    "१२३ 12३ चोरी\u200dहुई\u200c  \t\nनई\u2003दिल्ली #चोरी@x #UP112Help",
    "x#tag@user@other #a#b http://a.b/c#frag www.", "", "   ", "#", "@",
    "ज़मीन पर क़ब्ज़ा, e\u0301te\u0301 cafe\u0301 ﬁre",
]


@pytest.mark.unit
@pytest.mark.parametrize("text", TRICKY)
def test_chunked_normalize_equals_whole_text_normalize(text: str) -> None:
    assert normalize(text) == _normalize_text(text)
    assert ChunkCache(size=3).normalize(text) == _normalize_text(text)  # a cache cleared while filling it


@pytest.mark.unit
def test_nfc_does_not_reach_across_whitespace() -> None:
    # A decomposed accent after a space stays apart; one after a letter composes within its chunk.
    text = "cafe\u0301 \u0301x e\u0301\u0323 \u2000@ab\u0301"
    assert unicodedata.normalize("NFC", text).split() == [unicodedata.normalize("NFC", c) for c in text.split()]
    assert normalize(text) == _normalize_text(text)


@pytest.mark.unit
def test_chunk_cache_is_bounded_and_cleared_by_the_bench() -> None:
    cache = ChunkCache(size=4)
    for i in range(10):
        text = f"a{i} @b{i} #c{i} chori"
        assert cache.normalize(text) == _normalize_text(text)
        assert len(cache._cache) <= 4 and len(cache._marked_cache) <= 4
    normalize("kuch naye shabd yahan @kahin #kuch")
    assert normalize_module._CHUNKS._cache and normalize_module._CHUNKS._marked_cache
    clear_triage_caches()
    assert not normalize_module._CHUNKS._cache and not normalize_module._CHUNKS._marked_cache


def _reference_predict(model: CategoryModel, tokens: tuple[str, ...], ev: Evidence) -> Prediction:
    """The category model's arithmetic in numpy arrays, uncached (how predict computed it before)."""
    n = len(model.classes)
    rows = []
    for token in dict.fromkeys(tokens):
        ids = token_grams(token, model.vocabulary)
        row = np.zeros(n + 1)
        if ids:
            weights = model.idf[ids]
            row[:-1] = weights @ model.ngram_weights[ids]
            row[-1] = float(weights @ weights)
        rows.append(row)
    total = np.add.reduce(np.array(rows)) if rows else np.zeros(n + 1)
    norm = float(total[n])
    logits = model.intercept + total[:n] / math.sqrt(norm) if norm > 0 else model.intercept.copy()
    for tag, value in ev.scores.items():
        if tag in model.evidence_tags:
            logits += model.evidence_weights[model.evidence_tags.index(tag)] * (min(value, 8.0) / 4.0)
    values = logits.tolist()
    order = sorted(range(n), key=values.__getitem__, reverse=True)
    denominator = sum(math.exp(x - values[order[0]]) for x in values)
    return Prediction(model.classes[order[0]], 1.0 / denominator, model.classes[order[1]])


@pytest.mark.unit
def test_model_predict_is_the_array_arithmetic_bit_for_bit() -> None:
    model = default_model()
    if model is None:
        pytest.skip("no trained category model")
    texts = [*TRICKY, "mere ghar me chori ho gayi, police kuch nahi kar rahi", "firing going on right now help",
             "मेरी बेटी को दहेज के लिए ससुराल वाले मार रहे हैं", "good morning sir jai hind", "paper leak ho gaya"]
    for text in texts:
        tokens = normalize(text).tokens
        ev = gather(tokens)
        assert model.predict(tokens, ev) == _reference_predict(model, tokens, ev)
        assert model.predict(tokens, ev) == _reference_predict(model, tokens, ev)  # cached rows, same answer
    assert model._row_cache
    clear_triage_caches()
    assert not model._row_cache


def _reference_find(terms: list[Term], tokens: tuple[str, ...]) -> list[tuple[Term, int]]:
    """Every term at every position, uncached and unindexed: at each token its exact terms, then its prefix terms
    shortest prefix first, each in lexicon order (how Matcher.find ordered its hits before it was indexed)."""
    hits = []
    for i, token in enumerate(tokens):
        exact = [t for t in terms if not (len(t.tokens) == 1 and t.prefix) and t.tokens[0] == token]
        by_prefix = sorted((t for t in terms if len(t.tokens) == 1 and t.prefix and token.startswith(t.tokens[0])),
                           key=lambda t: len(t.tokens[0]))  # stable: lexicon order within one length
        for term in [*exact, *by_prefix]:
            end = i + len(term.tokens)
            if len(term.tokens) > 1 and (end > len(tokens) or tokens[i + 1:end - 1] != term.tokens[1:-1]):
                continue
            last = tokens[end - 1]
            if len(term.tokens) == 1 or last == term.tokens[-1] or (term.prefix and last.startswith(term.tokens[-1])):
                hits.append((term, i))
    return hits


@pytest.mark.unit
def test_matcher_finds_what_a_scan_of_every_term_finds() -> None:
    terms = [*parse_entries("a", "mar; mar denge=3; mar pit*; jaan se mar*; police; police ne; police ne nahi; pit*"),
             *parse_entries("b", "mar; maar*; police ne=2; ne nahi suni; jaan se; jaan; pi*")]
    matcher = Matcher(terms)
    words = ["mar", "denge", "pitai", "jaan", "se", "marne", "police", "ne", "nahi", "suni", "pi", "x"]
    rng = random.Random(7)
    texts = [tuple(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(2000)]
    texts += [("police", "ne", "nahi", "suni"), ("jaan", "se", "mar"), ("mar",), ("police",)]
    for tokens in texts:
        assert matcher.find(tokens) == _reference_find(terms, tokens)
    assert matcher._candidate_cache
    # Two entries of one tag that fold alike share a key (evidence counts the word once); other tags do not.
    choree, chori = parse_entries("a", "choree; chori")
    assert choree.key == chori.key != parse_entries("b", "chori")[0].key


@pytest.mark.unit
def test_triage_lexicon_matches_as_the_scan_does() -> None:
    from streams.triage import _LEXICON
    from streams.triage.classify import EVIDENCE_LEXICON
    from streams.triage.places import GEO_LEXICON

    terms = [*EVIDENCE_LEXICON, *GEO_LEXICON]
    docs = [json.loads(r.raw) for r in generate(150, GeneratorConfig(seed=5)) if r.kind == "tweet"]
    generated = [doc["data"]["text"] for doc in docs if "data" in doc]
    texts = [*TRICKY, *generated]
    for text in texts:
        tokens = normalize(text).tokens
        assert _LEXICON.find(tokens) == _reference_find(terms, tokens)


@pytest.mark.unit
def test_location_cache_gives_the_uncached_places() -> None:
    locations = ["Agra, Uttar Pradesh", "Lucknow", "Mumbai, India", "BANDA", "banda bhai", "", "Varanasi 🇮🇳", "Agra"]
    cache = LocationCache(size=3)
    for location in [*locations, *locations]:
        assert cache.places(location) == places_in(location, normalize(location).tokens)
        assert len(cache._cache) <= 3
    places_module._LOCATIONS.places("Kanpur Nagar")
    assert places_module._LOCATIONS._cache
    clear_triage_caches()
    assert not places_module._LOCATIONS._cache


@pytest.mark.unit
def test_triage_tweet_is_triage_of_its_input() -> None:
    from producers.base import Source
    from seva.events import parse_created_at
    from seva.xpayload import parse_tweet
    from streams.triage import TriageInput, triage, triage_tweet

    now = datetime.now(UTC)
    raws = [r.raw for r in generate(200, GeneratorConfig(seed=9)) if r.kind == "tweet"]
    for tweet in (parse_tweet(raw, Source.SYNTHETIC, now, 1 << 20) for raw in raws):
        item = TriageInput(tweet.text, parse_created_at(tweet.created_at), tuple(tweet.mentions),
                           tweet.author_location)
        assert triage_tweet(tweet) == triage(item)
