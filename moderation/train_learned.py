"""Train the learned text models from the labelled comments: `python -m moderation.train_learned`.

Writes moderation/data/learned_child_data.json.gz and learned_toxic.json.gz. Each model's
decision threshold is chosen by 5-fold cross-validation (best F1 of the model alone on comments
the fold's model never saw), so it is not fitted to the training comments themselves.
Needs scikit-learn (installed with alt-profanity-check); the service itself does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from moderation.learned import MODELS, LinearTextModel, features, model_input

ROOT = Path(__file__).resolve().parents[1]
# The labelled sets models may learn from. tests/data/sealed.jsonl is deliberately absent: it
# is only ever measured, so there is always one set no detector work has seen.
SOURCES = (
    ROOT / "tests" / "data" / "comments.jsonl",
    ROOT / "tests" / "data" / "holdout.jsonl",
    ROOT / "tests" / "data" / "fresh.jsonl",
    ROOT / "tests" / "data" / "generalise.jsonl",
    ROOT / "tests" / "data" / "generalise_toxic.jsonl",
    ROOT / "tests" / "data" / "unseen_tune.jsonl",
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
)
C = 10.0
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


def fit(docs: Sequence[list[str]], labels: Sequence[bool]) -> tuple[dict[str, tuple[float, float]], float]:
    """(feature -> (idf, idf x coefficient), intercept) of a tf-idf + logistic regression fit."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    x = vec.fit_transform(docs)
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(x, list(labels))
    coef = clf.coef_[0]
    idf = vec.idf_
    weights = {f: (float(idf[i]), float(idf[i] * coef[i])) for f, i in sorted(vec.vocabulary_.items())}
    return weights, float(clf.intercept_[0])


def choose_threshold(docs: Sequence[list[str]], labels: Sequence[bool]) -> float:
    """The threshold maximising F1 of the model alone on out-of-fold predictions.

    The model alone, not "rules OR model": the rules were written against these same comments
    and look better on them than on new ones, which would push the threshold too high.
    """
    oof = [0.0] * len(docs)
    for fold in range(FOLDS):
        train = [i for i in range(len(docs)) if i % FOLDS != fold]
        weights, intercept = fit([docs[i] for i in train], [labels[i] for i in train])
        model = LinearTextModel("cv", weights, intercept, 0.5)
        for i in range(fold, len(docs), FOLDS):
            oof[i] = model.probability_of_words(docs[i])
    best, best_t = -1.0, 0.5
    positives = sum(labels)
    for step in range(30, 91):
        t = step / 100
        tp = sum(1 for p, y in zip(oof, labels, strict=True) if y and p >= t)
        fp = sum(1 for p, y in zip(oof, labels, strict=True) if not y and p >= t)
        f1 = 2 * tp / max(2 * tp + (positives - tp) + fp, 1)
        if f1 > best + 1e-9:
            best, best_t = f1, t
    return best_t


def train(label: str, rows: Sequence[dict[str, object]], used: Sequence[str]) -> LinearTextModel:
    docs = [model_input(str(r["text"]), READS[label]) for r in rows]
    labels = [bool(r[label]) for r in rows]
    threshold = choose_threshold(docs, labels)
    weights, intercept = fit(docs, labels)
    return LinearTextModel(label, weights, intercept, threshold, reads=READS[label], trained_on=used)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m moderation.train_learned", description=__doc__)
    parser.add_argument("--out", type=Path, default=None, help="directory to write to (default: moderation/data)")
    parser.add_argument("--only", choices=tuple(MODELS), help="train one model only")
    args = parser.parse_args(argv)
    rows, used = load_rows()
    print(f"training on {len(rows)} labelled comments from {', '.join(used)}")
    for label, path in MODELS.items():
        if args.only and label != args.only:
            continue
        model = train(label, rows, used)
        dest = (args.out / path.name) if args.out else path
        model.save(dest)
        print(f"{label}: {len(model.weights)} features, threshold {model.threshold:.2f} -> {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
