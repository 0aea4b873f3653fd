"""The triage core's per-token and per-chunk caches give exactly what the uncached computation gives."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from streams.bench import clear_triage_caches
from streams.triage.normalize import ChunkTokens, _tokens_of, normalize

# streams.triage re-exports the function normalize, which hides the module of that name as an attribute.
normalize_module = sys.modules["streams.triage.normalize"]

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
def test_chunk_tokens_equal_whole_text_tokens(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert normalize(text).tokens == _tokens_of(nfc)
    assert ChunkTokens(size=3).tokens(nfc) == _tokens_of(nfc)  # a cache cleared while filling it


@pytest.mark.unit
def test_chunk_cache_is_bounded_and_cleared_by_the_bench() -> None:
    cache = ChunkTokens(size=4)
    for i in range(10):
        assert cache.tokens(f"a{i} b{i} chori") == _tokens_of(f"a{i} b{i} chori")
        assert len(cache._cache) <= 4
    normalize("kuch naye shabd yahan")
    assert normalize_module._CHUNKS._cache
    clear_triage_caches()
    assert not normalize_module._CHUNKS._cache
