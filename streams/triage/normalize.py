"""Text normalisation for triage: Devanagari, English and Hinglish spelling variation folded to one form.

Lexicon terms pass through the same functions as tweets, so a fold only has to be consistent, not pretty:
"choree", "chory" and "chori" all become "chori"; "पुलीस" and "पुलिस" become one; "#PaperLeak" becomes the
tokens "paper", "leak". Everything is cached per distinct token, because tweets share most of their words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

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


@dataclass(frozen=True)
class NormalizedText:
    """A tweet's text as triage sees it: folded tokens in order, the handles and hashtags it names."""

    tokens: tuple[str, ...]
    handles: tuple[str, ...]
    hashtags: tuple[str, ...]


def _split_hashtag(tag: str) -> list[str]:
    parts = _CAMEL.findall(tag)
    return parts if len(parts) > 1 else [tag]


def _tokens_of(text: str) -> tuple[str, ...]:
    """The folded tokens of NFC text: URLs and @mentions dropped, hashtags read as their words and the tag."""
    # Each pattern needs its marker character: a substring test skips a regex pass most texts don't need.
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _MENTION.sub(" ", text)
    if "#" in text:
        # A hashtag is read as its words (#PaperLeak -> paper leak), followed by the whole tag (paperleak).
        text = _HASHTAG.sub(lambda m: " " + " ".join(_split_hashtag(m.group(1))) + " " + m.group(1) + " ", text)
    fold = fold_token
    return tuple([folded for word in _WORD.findall(text) if (folded := fold(word))])


CHUNK_CACHE_SIZE = 200_000  # distinct whitespace-separated chunks whose tokens are kept


class ChunkTokens:
    """`_tokens_of` per whitespace-separated chunk of a text, memoised (bounded).

    No pattern of `_tokens_of` matches whitespace (URLs end at it, words and tags never contain it), so the
    tokens of a text are the tokens of its chunks in order. Tweets share most of their chunks, and one dict
    lookup per chunk replaces the regex passes and a fold call per word.
    """

    def __init__(self, size: int = CHUNK_CACHE_SIZE) -> None:
        self.size = size
        self._cache: dict[str, tuple[str, ...]] = {}

    def tokens(self, text: str) -> tuple[str, ...]:
        chunks = text.split()
        cache = self._cache
        try:
            return tuple(chain.from_iterable(map(cache.__getitem__, chunks)))
        except KeyError:
            if len(cache) + len(chunks) > self.size:
                cache.clear()
            for chunk in chunks:
                if chunk not in cache:
                    cache[chunk] = _tokens_of(chunk)
            return tuple(chain.from_iterable(map(cache.__getitem__, chunks)))


_CHUNKS = ChunkTokens()


def normalize(text: str) -> NormalizedText:
    text = unicodedata.normalize("NFC", text)
    handles: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    if "@" in text or "#" in text:
        # Handles and tags are read as _tokens_of reads the text: after URLs, and tags after the mentions, go.
        rest = _URL.sub(" ", text) if "http" in text or "www." in text else text
        if "@" in rest:
            handles = tuple(h.lower() for h in _MENTION.findall(rest))
            if "#" in rest:
                rest = _MENTION.sub(" ", rest)
        if "#" in rest:
            hashtags = tuple(_HASHTAG.findall(rest))
    return NormalizedText(tokens=_CHUNKS.tokens(text), handles=handles, hashtags=hashtags)


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase folded into tokens exactly as tweet text is."""
    return tuple(folded for word in _WORD.findall(unicodedata.normalize("NFC", phrase)) if (folded := fold_token(word)))
