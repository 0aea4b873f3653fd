"""The category model: a linear classifier over character n-grams and the lexicon evidence (pure inference).

Why both: the lexicons carry the specification (what counts as women_safety, what a bribe is called in three
languages) and give officers their reasons; character n-grams catch the wording the lexicons were never
taught (spelling, inflection, code-mixing). Measured on the held-out split, the combination beats either
alone (README, "Triage quality"). Trained by `streams/triage/train.py`; inference needs only numpy.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from operator import add
from pathlib import Path
from typing import NamedTuple

import numpy as np

from seva.errors import ConfigError
from seva.events import Category
from streams.triage.classify import Evidence

MODEL_PATH = Path(__file__).resolve().parent / "category_model.npz"
NGRAM_SIZES = (3, 4, 5)
EVIDENCE_CAP = 8.0  # lexicon scores above this add nothing more
EVIDENCE_SCALE = 4.0
TOKEN_CACHE_SIZE = 200_000
PRODUCT_CACHE_SIZE = 10_000  # (evidence tag, score) pairs whose weighted row is kept


def analyze(tokens: tuple[str, ...]) -> list[str]:
    """Character n-grams of each folded token, padded with spaces (word boundaries matter)."""
    grams: list[str] = []
    for token in tokens:
        word = f" {token} "
        for n in NGRAM_SIZES:
            grams.extend(word[i:i + n] for i in range(max(1, len(word) - n + 1)))
    return grams


def evidence_vector(ev: Evidence, tags: tuple[str, ...]) -> np.ndarray:
    return np.array([min(ev.scores.get(t, 0.0), EVIDENCE_CAP) / EVIDENCE_SCALE for t in tags], dtype=np.float64)


class Prediction(NamedTuple):  # immutable like a frozen dataclass, and about twice as cheap to build
    category: Category
    confidence: float  # softmax probability of the chosen class
    runner_up: Category


MODEL_FORMAT = 2  # 2: token-additive n-gram features (see CategoryModel); 1 was tf-idf over the whole tweet


def token_grams(token: str, vocabulary: dict[str, int]) -> list[int]:
    """The distinct vocabulary ids of one token's character n-grams."""
    return sorted({j for g in analyze((token,)) if (j := vocabulary.get(g)) is not None})


class CategoryModel:
    """Multinomial logistic regression over token-additive character n-grams plus the lexicon evidence.

    The n-gram part of a tweet is the sum, over its distinct tokens, of each token's idf-weighted n-gram
    indicator vector u_t, divided by sqrt(sum ||u_t||^2). Because it is a sum over tokens, the model's
    contribution of a token (W u_t and ||u_t||^2) is computed once per distinct word and cached: a tweet
    costs a few dictionary lookups and one small numpy sum instead of an n-gram count over its whole text.
    Training (`streams/triage/train.py`) builds exactly these features, so inference is the trained model.
    """

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, ngram_weights: np.ndarray,
                 evidence_tags: tuple[str, ...], evidence_weights: np.ndarray, intercept: np.ndarray,
                 classes: tuple[Category, ...]) -> None:
        self.vocabulary = vocabulary
        self.idf = idf
        self.ngram_weights = ngram_weights  # (n_grams, n_classes)
        self.evidence_tags = evidence_tags
        self.evidence_weights = evidence_weights  # (n_tags, n_classes)
        self.intercept = intercept
        self.classes = classes
        n = len(classes)
        self._n = n
        # Each distinct token's row (W u_t, ||u_t||^2) lives in one growing matrix, found by index: summing a
        # tweet's rows is then one take() and one reduce, cheaper than stacking separate arrays. The name says
        # "cache" so that the benchmark's cold pass empties it (streams.bench.clear_triage_caches).
        self._row_cache: dict[str, int] = {}
        self._rows = np.zeros((1024, n + 1))
        # The rest of a prediction is ten numbers per step: Python floats beat numpy calls on arrays that small,
        # and each step is the same IEEE operation, in the same order, as the array version (see predict).
        self._intercept = [float(x) for x in intercept]
        self._tag_rows = {tag: [float(x) for x in evidence_weights[i]] for i, tag in enumerate(evidence_tags)}
        self._product_cache: dict[tuple[str, float], list[float]] = {}

    def token_row(self, token: str) -> int:
        """The index of the token's row, W u_t followed by ||u_t||^2, computed on first sight (bounded)."""
        index = self._row_cache.get(token)
        if index is None:
            index = len(self._row_cache)
            if index == len(self._rows):
                self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
            ids = token_grams(token, self.vocabulary)
            if ids:
                weights = self.idf[ids]
                self._rows[index, :-1] = weights @ self.ngram_weights[ids]
                self._rows[index, -1] = float(weights @ weights)
            else:
                self._rows[index] = 0.0
            self._row_cache[token] = index
        return index

    def predict(self, tokens: tuple[str, ...], ev: Evidence) -> Prediction:
        row_cache = self._row_cache
        distinct = dict.fromkeys(tokens)
        try:
            indices = list(map(row_cache.__getitem__, distinct))
        except KeyError:
            if len(row_cache) + len(distinct) > TOKEN_CACHE_SIZE:
                row_cache.clear()  # before, not during: the rows of this tweet must stay valid until summed
            indices = [row_cache[t] if t in row_cache else self.token_row(t) for t in distinct]
        # Rows summed in order (a reduce over axis 0 adds row after row), then, per class:
        # logit = intercept + ngrams / sqrt(norm), plus each evidence tag's weight * its capped, scaled score.
        total: list[float] = np.add.reduce(self._rows.take(indices, 0)).tolist() if indices else [0.0] * (self._n + 1)
        norm = total[-1]
        if norm > 0:
            root = math.sqrt(norm)
            logits = [b + x / root for b, x in zip(self._intercept, total, strict=False)]
        else:
            logits = self._intercept.copy()
        tag_rows, products = self._tag_rows, self._product_cache
        for tag, value in ev.scores.items():
            row = tag_rows.get(tag)
            if row is not None:
                # A tag's score takes few values (sums of lexicon weights): its row times the scaled score is
                # kept per (tag, score), bounded, and added with one C-level map.
                product = products.get((tag, value))
                if product is None:
                    if len(products) >= PRODUCT_CACHE_SIZE:
                        products.clear()
                    scale = min(value, EVIDENCE_CAP) / EVIDENCE_SCALE
                    product = products[tag, value] = [w * scale for w in row]
                logits = list(map(add, logits, product))
        # The highest logit, and the next one (ties: the earlier class, as a stable sort would put it).
        top = max(logits)
        best = logits.index(top)
        others = logits.copy()
        others[best] = -math.inf
        runner_up = others.index(max(others))
        exp = math.exp
        denominator = sum([exp(x - top) for x in logits])
        return Prediction(self.classes[best], 1.0 / denominator, self.classes[runner_up])

    def save(self, path: Path = MODEL_PATH) -> None:
        grams = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(
            path, format=np.array(MODEL_FORMAT),
            grams=np.array(json.dumps(grams, ensure_ascii=False)), idf=self.idf.astype(np.float32),
            ngram_weights=self.ngram_weights.astype(np.float32),
            evidence_tags=np.array(json.dumps(list(self.evidence_tags))),
            evidence_weights=self.evidence_weights.astype(np.float32), intercept=self.intercept.astype(np.float32),
            classes=np.array(json.dumps([c.value for c in self.classes])),
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CategoryModel:
        with np.load(path) as data:
            found = int(data["format"]) if "format" in data.files else 1
            if found != MODEL_FORMAT:
                raise ConfigError(f"{path} holds a format-{found} category model; this code reads format "
                                  f"{MODEL_FORMAT}: retrain with `seva train`")
            grams = json.loads(str(data["grams"]))
            return cls(
                vocabulary={g: i for i, g in enumerate(grams)},
                idf=data["idf"].astype(np.float64),
                ngram_weights=data["ngram_weights"].astype(np.float64),
                evidence_tags=tuple(json.loads(str(data["evidence_tags"]))),
                evidence_weights=data["evidence_weights"].astype(np.float64),
                intercept=data["intercept"].astype(np.float64),
                classes=tuple(Category(c) for c in json.loads(str(data["classes"]))),
            )


@lru_cache(maxsize=1)
def default_model() -> CategoryModel | None:
    """The shipped model, or None when it has not been trained (triage then decides by rules alone)."""
    return CategoryModel.load() if MODEL_PATH.exists() else None
