"""Text normalisation for triage: Devanagari, English and Hinglish spelling variation folded to one form.

Lexicon terms pass through the same functions as tweets, so a fold only has to be consistent, not pretty:
"choree", "chory" and "chori" all become "chori"; "पुलीस" and "पुलिस" become one; "#PaperLeak" becomes the
tokens "paper", "leak". Tweets share most of their words, so the work is cached per whitespace-separated chunk
of text (and each fold per distinct word).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

# --- Devanagari ---
_NUKTA = "\u093c"
_VIRAMA = "\u094d"
_DEVA_FOLD = str.maketrans({
    "\u0901": "\u0902",  # chandrabindu -> anusvara (हाँ / हां)
    "\u0940": "\u093f",  # ी -> ि  (long/short i matra are used interchangeably in informal writing)
    "\u0908": "\u0907",  # ई -> इ
    "\u0911": "\u0913",  # ऑ -> ओ  (ऑफिस / ओफिस)
    "\u0949": "\u094b",  # ॉ -> ो
    "\u200c": None,      # zero-width non-joiner
    "\u200d": None,      # zero-width joiner
    "\u0964": " ",       # danda
    "\u0965": " ",       # double danda
})
_DEVA_CONSONANTS = "\u0915-\u0939"
# A nasal consonant + virama before a consonant is written as anusvara just as often (हिन्दी / हिंदी).
_HALF_NASAL = re.compile(f"[\u0919\u091e\u0923\u0928\u092e]{_VIRAMA}(?=[{_DEVA_CONSONANTS}])")


def fold_devanagari(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word).replace(_NUKTA, "")
    folded = unicodedata.normalize("NFC", decomposed).translate(_DEVA_FOLD)
    folded = _HALF_NASAL.sub("\u0902", folded)
    # Elongation (बचाओओओ): the same code point repeated is never a spelling, so keep one.
    return re.sub(r"(.)\1+", r"\1", folded)


# --- Latin (English and romanised Hindi) ---
_LATIN_RULES = (
    (re.compile(r"ee"), "i"),   # choree -> chori, jaldee -> jaldi
    (re.compile(r"oo"), "u"),   # khoon -> khun
    (re.compile(r"(.)\1+"), r"\1"),  # helppp -> help, maaro -> maro, kidnapped -> kidnaped
    (re.compile(r"y\b"), "i"),  # chory -> chori
    (re.compile(r"w"), "v"),    # hawaldar / havaldar
    (re.compile(r"z"), "j"),    # zameen / jameen
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"c(?!h)"), "k"),  # accident -> akident; ch is kept (chori)
    (re.compile(r"sh"), "s"),   # shikayat / sikayat
)


# Inflections, so one lexicon entry covers threat/threats/threatened/threatening (applied to both sides).
_SUFFIXES = ("ings", "ing", "edly", "ed", "es", "s")


def _stem(word: str) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def fold_latin(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    for pattern, repl in _LATIN_RULES:
        word = pattern.sub(repl, word)
    return _stem(word)


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """Fold one token of either script."""
    if any("\u0900" <= ch <= "\u097f" for ch in token):
        return fold_devanagari(token)
    return fold_latin(token)


# --- Tokenising a tweet ---
_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@(\w{1,30})")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[\u0900-\u097f]+")
# Words: Latin letters/digits, or Devanagari runs (letters + matras + virama + nukta).
_WORD = re.compile(r"[a-zA-Z\u00c0-\u024f]+(?:'[a-z]+)?|\d+|[\u0900-\u0963\u0966-\u097f\u200c\u200d]+")


class NormalizedText(NamedTuple):  # immutable like a frozen dataclass, and about twice as cheap to build
    """A tweet's text as triage sees it: folded tokens in order, the handles and hashtags it names."""

    tokens: tuple[str, ...]
    handles: tuple[str, ...]
    hashtags: tuple[str, ...]


def _split_hashtag(tag: str) -> list[str]:
    parts = _CAMEL.findall(tag)
    return parts if len(parts) > 1 else [tag]


def _normalize_text(text: str) -> NormalizedText:
    """Normalise a text in full: NFC, URLs dropped, handles and hashtags read, the words folded."""
    text = unicodedata.normalize("NFC", text)
    # Each pattern needs its marker character: a substring test skips a regex pass most texts don't need.
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    handles: tuple[str, ...] = ()
    if "@" in text:
        handles = tuple(h.lower() for h in _MENTION.findall(text))
        text = _MENTION.sub(" ", text)
    hashtags: tuple[str, ...] = ()
    if "#" in text:
        hashtags = tuple(_HASHTAG.findall(text))
        # A hashtag is read as its words (#PaperLeak -> paper leak), followed by the whole tag (paperleak).
        text = _HASHTAG.sub(lambda m: " " + " ".join(_split_hashtag(m.group(1))) + " " + m.group(1) + " ", text)
    fold = fold_token
    tokens = tuple([folded for word in _WORD.findall(text) if (folded := fold(word))])
    return NormalizedText(tokens=tokens, handles=handles, hashtags=hashtags)


CHUNK_CACHE_SIZE = 200_000  # distinct whitespace-separated chunks whose normal form is kept


class ChunkCache:
    """`_normalize_text` per whitespace-separated chunk of a text, memoised (bounded).

    A text's normal form is the concatenation of its chunks' normal forms: no pattern matches whitespace (URLs
    end at it; words, handles and tags never contain it) and NFC never composes across it (a whitespace
    character is a starter that composes with nothing, and none becomes or stops being whitespace). Tweets share
    most of their chunks, so one dict lookup per chunk replaces NFC, four regex passes and a fold per word.
    """

    def __init__(self, size: int = CHUNK_CACHE_SIZE) -> None:
        self.size = size
        self._cache: dict[str, tuple[str, ...]] = {}  # every chunk seen: its tokens
        # The chunks with an "@" or a "#" (few): their whole normal form, kept and emptied with the tokens.
        self._marked_cache: dict[str, NormalizedText] = {}

    def normalize(self, text: str) -> NormalizedText:
        chunks = text.split()
        cache = self._cache
        try:
            tokens = tuple(chain.from_iterable(map(cache.__getitem__, chunks)))
        except KeyError:
            self._add(chunks)
            tokens = tuple(chain.from_iterable(map(cache.__getitem__, chunks)))
        # NFC never creates or removes an "@" or a "#": without one in the raw text, no chunk has a handle or tag.
        handle, tag = "@" in text, "#" in text
        if not (handle or tag):
            return NormalizedText(tokens, (), ())
        marked = self._marked_cache
        parts = list(filter(None, map(marked.get, chunks)))
        return NormalizedText(tokens, tuple([h for p in parts for h in p.handles]) if handle else (),
                              tuple([t for p in parts for t in p.hashtags]) if tag else ())

    def _add(self, chunks: list[str]) -> None:
        cache = self._cache
        if len(cache) + len(chunks) > self.size:
            cache.clear()
            self._marked_cache.clear()
        for chunk in chunks:
            if chunk not in cache:
                norm = _normalize_text(chunk)
                cache[chunk] = norm.tokens
                if "@" in chunk or "#" in chunk:
                    self._marked_cache[chunk] = norm


_CHUNKS = ChunkCache()


def normalize(text: str) -> NormalizedText:
    return _CHUNKS.normalize(text)


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase folded into tokens exactly as tweet text is."""
    return tuple(folded for word in _WORD.findall(unicodedata.normalize("NFC", phrase)) if (folded := fold_token(word)))
