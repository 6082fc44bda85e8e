"""Train the learned text models from the labelled comments: `python -m moderation.train_learned`.

Writes moderation/data/learned_child_data.json.gz and learned_toxic.json.gz. Each model's
decision threshold is chosen by 5-fold cross-validation: the lowest at which the model alone
flags at most 1.5-2% of the clean comments its fold never saw (MAX_FALSE_POSITIVE_RATE).
Needs scikit-learn (installed with alt-profanity-check); the service itself does not.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from moderation.learned import MODELS, LinearTextModel, features, model_input

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# The labelled sets models may learn from. tests/data/sealed.jsonl is deliberately absent: it
# is only ever measured, so there is always one set no detector work has seen.
SOURCES = (
    DATA / "comments.jsonl",
    DATA / "holdout.jsonl",
    DATA / "fresh.jsonl",
    DATA / "generalise.jsonl",
    DATA / "generalise_toxic.jsonl",
    DATA / "unseen_tune.jsonl",
    DATA / "blind_train.jsonl",
    DATA / "blind_short.jsonl",
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
)
# Phrase-level cases of one label only (the unit tests' lists of abuse and look-alikes): the
# hard negatives a model most needs, such as "You're a legend for writing this."
CASES = {"child_data": DATA / "cases_child.jsonl", "toxic": DATA / "cases_toxic.jsonl"}
# Regularisation (inverse strength), and the share of clean comments the model alone may flag
# out of fold. Leave-one-writer-out runs on the unseen_tune sets, before the rules were tuned on
# them (train on two writers, measure rules OR model on the third), put toxicity recall at
# 0.87 / 0.89 for 2 % / 4 % (precision 0.95 / 0.91; target recall 0.90 at precision 0.80). The
# final values keep a margin under every look-alike the unit tests say must publish
# ("My lad has settled in well at his new school.", "Are you a foster carer yourself?"), which
# the model alone held at 2-3 % once trained on 1,340 more comments.
C = {"child_data": 10.0, "toxic": 10.0}
MAX_FALSE_POSITIVE_RATE = {"child_data": 0.015, "toxic": 0.02}
# The toxicity model reads normalised words, so masked and spaced-out abuse looks like abuse.
READS = {"child_data": "text", "toxic": "normalized"}
FOLDS = 5


def load_rows(paths: Sequence[Path] = SOURCES) -> tuple[list[dict[str, object]], list[str]]:
    rows: list[dict[str, object]] = []
    used: list[str] = []
    for path in paths:
        if path.is_file():
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            used.append(path.name)
    return rows, used


def fit(docs: Sequence[list[str]], labels: Sequence[bool], c: float = 10.0
        ) -> tuple[dict[str, tuple[float, float]], float]:
    """(feature -> (idf, idf x coefficient), intercept) of a tf-idf + logistic regression fit."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    x = vec.fit_transform(docs)
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, list(labels))
    coef = clf.coef_[0]
    idf = vec.idf_
    weights = {f: (float(idf[i]), float(idf[i] * coef[i])) for f, i in sorted(vec.vocabulary_.items())}
    return weights, float(clf.intercept_[0])


def choose_threshold(docs: Sequence[list[str]], labels: Sequence[bool], c: float,
                     max_fpr: float) -> tuple[float, str]:
    """The lowest threshold at which the model alone flags at most ``max_fpr`` of the
    negatives, out of fold; and a line of what that costs and buys.

    Out of fold, and the model alone rather than "rules OR model": the rules were written
    against these same comments and look better on them than on new ones.
    """
    oof = [0.0] * len(docs)
    for fold in range(FOLDS):
        train = [i for i in range(len(docs)) if i % FOLDS != fold]
        weights, intercept = fit([docs[i] for i in train], [labels[i] for i in train], c)
        model = LinearTextModel("cv", weights, intercept, 0.5)
        for i in range(fold, len(docs), FOLDS):
            oof[i] = model.probability_of_words(docs[i])
    negatives = sorted(p for p, y in zip(oof, labels, strict=True) if not y)
    allowed = int(max_fpr * len(negatives))
    # Just above the (allowed+1)-th highest negative score, on a 0.01 grid.
    cut = negatives[-(allowed + 1)] if len(negatives) > allowed else 0.0
    threshold = min(0.99, max(0.3, math.floor(cut * 100 + 1) / 100))
    tp = sum(1 for p, y in zip(oof, labels, strict=True) if y and p >= threshold)
    fp = sum(1 for p in negatives if p >= threshold)
    report = (f"out of fold at p >= {threshold:.2f}: the model alone finds {tp} of {sum(labels)} "
              f"positives with {fp} false positives among {len(negatives)} negatives")
    return threshold, report


def train(label: str, rows: Sequence[dict[str, object]], used: Sequence[str]) -> tuple[LinearTextModel, str]:
    docs = [model_input(str(r["text"]), READS[label]) for r in rows]
    labels = [bool(r[label]) for r in rows]
    threshold, report = choose_threshold(docs, labels, C[label], MAX_FALSE_POSITIVE_RATE[label])
    weights, intercept = fit(docs, labels, C[label])
    return LinearTextModel(label, weights, intercept, threshold, reads=READS[label], trained_on=used), report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m moderation.train_learned", description=__doc__)
    parser.add_argument("--out", type=Path, default=None, help="directory to write to (default: moderation/data)")
    parser.add_argument("--only", choices=tuple(MODELS), help="train one model only")
    args = parser.parse_args(argv)
    for label, path in MODELS.items():
        if args.only and label != args.only:
            continue
        rows, used = load_rows((*SOURCES, CASES[label]))
        print(f"{label}: training on {len(rows)} labelled comments from {', '.join(used)}")
        model, report = train(label, rows, used)
        dest = (args.out / path.name) if args.out else path
        model.save(dest)
        print(f"{label}: {len(model.weights)} features; {report} -> {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
