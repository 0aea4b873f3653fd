"""Choosing the category model's training mix by cross-validation over the hand-labelled training sets.

`python -m streams.triage.tune` fits one model per fold and setting on synthetic traffic plus four fifths of
dev + train, scores the whole triage (rules and model) on the fifth left out, and prints macro-F1 and P1 recall
per setting. The held-out sets (test, independent) are never read. The chosen setting goes into
streams/triage/train.py (SYNTHETIC_TWEETS, LABELLED_WEIGHT).
"""

from __future__ import annotations

import itertools
import sys
from collections import defaultdict
from unittest import mock

import streams.triage as triage_module
from streams.evaluate import EVAL_DATA, TRAINING_SPLITS, load, report, score
from streams.triage.normalize import normalize
from streams.triage.train import fit, synthetic_examples

FOLDS = 5


def main(synthetic_counts: list[int], weights: list[float]) -> None:
    items = load(EVAL_DATA / f"{s}.jsonl" for s in TRAINING_SPLITS)
    # Deterministic folds, stratified by category: deal each category's items round-robin.
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, (gold, _) in enumerate(items):
        by_category[gold.category.value].append(i)
    fold_of = {i: k % FOLDS for members in by_category.values() for k, i in enumerate(members)}
    tokens = [normalize(gold.text).tokens for gold, _ in items]
    labels = [gold.category.value for gold, _ in items]
    synthetic = synthetic_examples(max(synthetic_counts))
    for count, weight in itertools.product(synthetic_counts, weights):
        syn_tokens, syn_labels = synthetic[0][:count], synthetic[1][:count]
        scored = []
        for fold in range(FOLDS):
            train_ix = [i for i in range(len(items)) if fold_of[i] != fold]
            model = fit(syn_tokens + [tokens[i] for i in train_ix], syn_labels + [labels[i] for i in train_ix],
                        [1.0] * len(syn_tokens) + [weight] * len(train_ix))
            with mock.patch.object(triage_module, "default_model", lambda m=model: m):
                scored += score([items[i] for i in range(len(items)) if fold_of[i] == fold])
        rep = report(scored)
        print(f"synthetic {count:6d}  labelled weight {weight:5.1f}  macro-F1 {rep.macro_f1:.3f}  "
              f"P1 recall {rep.p1_recall:.3f}  urgency {rep.urgency_accuracy:.3f}", flush=True)


if __name__ == "__main__":
    counts = [int(x) for x in sys.argv[1].split(",")] if len(sys.argv) > 1 else [4000, 16000]
    weights = [float(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else [1.0, 3.0, 10.0]
    main(counts, weights)
