"""The category model: a linear classifier over character n-grams and the lexicon evidence (pure inference).

Why both: the lexicons carry the specification (what counts as women_safety, what a bribe is called in three
languages) and give officers their reasons; character n-grams catch the wording the lexicons were never
taught (spelling, inflection, code-mixing). Measured on the held-out split, the combination beats either
alone (README, "Triage quality"). Trained by `streams/triage/train.py`; inference needs only numpy.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from seva.events import Category
from streams.triage.classify import Evidence

MODEL_PATH = Path(__file__).resolve().parent / "category_model.npz"
NGRAM_SIZES = (3, 4, 5)
EVIDENCE_CAP = 8.0  # lexicon scores above this add nothing more
EVIDENCE_SCALE = 4.0
TOKEN_CACHE_SIZE = 200_000


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


@dataclass(frozen=True)
class Prediction:
    category: Category
    confidence: float  # softmax probability of the chosen class
    runner_up: Category


class CategoryModel:
    """Multinomial logistic regression: sublinear tf-idf n-grams (l2-normalised) + lexicon evidence."""

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
        self._token_cache: dict[str, np.ndarray] = {}
        self._tag_index = {tag: i for i, tag in enumerate(evidence_tags)}

    def _token_ids(self, token: str) -> np.ndarray:
        # Tweets share most of their words, so a word's n-gram ids are looked up once (bounded cache).
        ids = self._token_cache.get(token)
        if ids is None:
            vocab = self.vocabulary
            ids = np.fromiter((j for g in analyze((token,)) if (j := vocab.get(g)) is not None), dtype=np.intp)
            if len(self._token_cache) >= TOKEN_CACHE_SIZE:
                self._token_cache.clear()
            self._token_cache[token] = ids
        return ids

    def predict(self, tokens: tuple[str, ...], ev: Evidence) -> Prediction:
        # numpy costs microseconds per call on arrays this small, more than the arithmetic: the pipeline is kept
        # to a few calls (the evidence rows in one product, the ranking and softmax in plain Python on 10 floats).
        logits = self.intercept.copy()
        index = self._tag_index
        present = [(i, min(value, EVIDENCE_CAP) / EVIDENCE_SCALE) for tag, value in ev.scores.items()
                   if (i := index.get(tag)) is not None]
        if present:
            logits += np.array([s for _, s in present]) @ self.evidence_weights[[i for i, _ in present]]
        if tokens:
            cache = self._token_cache
            ids = np.concatenate([cache.get(t) if t in cache else self._token_ids(t) for t in tokens])
            if ids.size:
                # np.unique(ids, return_counts=True) without its argument handling: sort, find where runs change.
                ids.sort()
                bounds = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1], [True])))
                if bounds.size > ids.size:  # every n-gram once: tf = 1
                    vals = self.idf[ids]
                    rows = ids
                else:
                    rows = ids[bounds[:-1]]
                    vals = (1.0 + np.log(bounds[1:] - bounds[:-1])) * self.idf[rows]
                vals /= math.sqrt(float(vals @ vals))
                logits += vals @ self.ngram_weights[rows]
        values: list[float] = logits.tolist()
        order = sorted(range(len(values)), key=values.__getitem__, reverse=True)
        top = values[order[0]]
        total = sum(math.exp(x - top) for x in values)
        return Prediction(self.classes[order[0]], 1.0 / total, self.classes[order[1]])

    def save(self, path: Path = MODEL_PATH) -> None:
        grams = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(
            path, grams=np.array(json.dumps(grams, ensure_ascii=False)), idf=self.idf.astype(np.float32),
            ngram_weights=self.ngram_weights.astype(np.float32),
            evidence_tags=np.array(json.dumps(list(self.evidence_tags))),
            evidence_weights=self.evidence_weights.astype(np.float32), intercept=self.intercept.astype(np.float32),
            classes=np.array(json.dumps([c.value for c in self.classes])),
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CategoryModel:
        with np.load(path) as data:
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
