"""Small learned text models (tf-idf over words and in-word character 4-grams, logistic regression).

The rule-based detectors are precise but miss phrasings nobody wrote a rule for. A linear model
over words and their character 4-grams, trained on the labelled comments under tests/data
(`python -m moderation.train_learned`), catches much of that long tail: character n-grams
generalise across names, spellings and inflections that word lists do not. It only ever adds
to the rules (the higher of the two scores wins), so it cannot hide what a rule found.

Inference is numpy over a shipped JSON weight file: no scikit-learn at run time, the same
numbers scikit-learn's TfidfVectorizer(sublinear_tf=True) + LogisticRegression give (the tests
check this), and a per-model cache of each word's known features so common words are split once.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
import unicodedata
from collections.abc import Sequence
from itertools import chain
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"
MODELS = {"child_data": DATA / "learned_child_data.json.gz", "toxic": DATA / "learned_toxic.json.gz"}
FEATURES = "word1+char_wb4"
# What a model reads: "text" (the text's own words, lower-cased) or "normalized" (the words of
# moderation.normalize, with masking, leet and spacing tricks undone: the toxicity model).
INPUTS = ("text", "normalized")

# Invisible characters used to split words (zero-width, joiners, bidi controls, soft hyphen).
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_GRAM = 4
# HTML tags are not words a reader sees (the sanitiser drops them): the models skip them.
_TAG = re.compile(r"</?[a-zA-Z!][^>]*>?")
_CACHE_MAX = 200_000


def words_of(text: str) -> list[str]:
    """Lower-case words, with compatibility forms (fullwidth, ligatures) and invisibles folded."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    return _WORD.findall(text.lower())


def word_features(word: str) -> tuple[str, ...]:
    """The word itself ("=word") and the 4-grams of " word " (the word with its edges)."""
    padded = f" {word} "
    if len(padded) <= _GRAM:
        return ("=" + word, padded)
    return ("=" + word, *(padded[i:i + _GRAM] for i in range(len(padded) - _GRAM + 1)))


def features(words: Sequence[str]) -> list[str]:
    """Feature strings of a list of words, repeated as often as they occur (the training analyzer)."""
    return [f for w in words for f in word_features(w)]


def model_input(text: str, kind: str) -> list[str]:
    """The words a model of input ``kind`` reads from a text (markup tags left out)."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if kind == "normalized":
        from moderation.normalize import normalize_words

        return normalize_words(text)[1]
    return words_of(text)


class _KnownFeatures(dict[str, tuple[int, ...]]):
    """word -> indices of its features the model knows, computed on first sight."""

    def __init__(self, index: dict[str, int]) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, word: str) -> tuple[int, ...]:
        if len(self) >= _CACHE_MAX:
            self.clear()
        get = self.index.get
        known = tuple(i for i in map(get, word_features(word)) if i is not None)
        self[word] = known
        return known


# The model only gives an opinion on text that reads like the comments it learned from: at least
# this many different words, and this share of all its words, must be whole words it has seen. Markup, code and
# other gibberish ("<base href=//0>") is not what it was trained on, and it would guess.
MIN_KNOWN_WORDS = 3
MIN_KNOWN_SHARE = 0.5


class LinearTextModel:
    """A trained model: per-feature (idf, idf x coefficient), intercept and decision threshold.

    ``threshold`` is the probability at which the model alone flags a text; ``calibrated``
    maps it onto the 0.5 the default policy holds at, so the model's score reads on the same
    scale as the rules' score.
    """

    def __init__(self, name: str, weights: dict[str, tuple[float, float]], intercept: float,
                 threshold: float, *, reads: str = "text", trained_on: Sequence[str] = (),
                 min_known_words: int = MIN_KNOWN_WORDS, min_known_share: float = MIN_KNOWN_SHARE) -> None:
        if reads not in INPUTS:
            raise ValueError(f"reads must be one of {INPUTS}, not {reads!r}")
        self.name = name
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold
        self.reads = reads
        self.trained_on = tuple(trained_on)
        self.min_known_words = min_known_words
        self.min_known_share = min_known_share
        self._idf2 = np.array([iw[0] for iw in weights.values()], dtype=np.float64) ** 2
        self._weighted = np.array([iw[1] for iw in weights.values()], dtype=np.float64)
        self._known = _KnownFeatures({f: i for i, f in enumerate(weights)})
        # Whole words seen in training: their feature "=word" is in the vocabulary.
        self._words = frozenset(f[1:] for f in weights if f.startswith("="))

    def probability(self, text: str) -> float:
        return self.probability_of_words(model_input(text, self.reads))

    def reads_like_training(self, words: Sequence[str]) -> bool:
        """Enough of the words are ones the model has seen for its opinion to mean something."""
        seen = self._words
        known = sum(1 for w in words if w in seen)
        return known >= self.min_known_share * len(words) and len(seen.intersection(words)) >= self.min_known_words

    def probability_of_words(self, words: Sequence[str]) -> float:
        """For callers that already have the words ``model_input`` would give (saves a pass).

        0.0 (no opinion) for text unlike any comment it learned from; see MIN_KNOWN_WORDS.
        """
        if not self.reads_like_training(words):
            return 0.0
        found = list(chain.from_iterable(map(self._known.__getitem__, words)))
        if not found:
            return _sigmoid(self.intercept)
        # scikit-learn's sublinear tf-idf, l2-normalised, then the logistic regression.
        ids, counts = np.unique(np.array(found), return_counts=True)
        tf = 1.0 + np.log(counts)
        square = float(np.dot(tf * tf, self._idf2[ids]))
        return _sigmoid(self.intercept + float(np.dot(tf, self._weighted[ids])) / math.sqrt(square))

    def calibrated(self, p: float) -> float:
        """p on a scale where the model's threshold reads 0.5 (piecewise linear, monotone)."""
        t = self.threshold
        return p * 0.5 / t if p < t else 0.5 + (p - t) * 0.5 / (1.0 - t)

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "features": FEATURES, "reads": self.reads,
                "intercept": self.intercept, "threshold": self.threshold,
                "trained_on": list(self.trained_on),
                "weights": {f: [round(i, 7), round(w, 7)] for f, (i, w) in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearTextModel:
        if data.get("features") != FEATURES:
            raise ValueError(f"model {data.get('name')!r} uses features {data.get('features')!r}; this "
                             f"version reads {FEATURES!r}: retrain with python -m moderation.train_learned")
        raw = data["weights"]
        if not isinstance(raw, dict):
            raise ValueError(f"model {data.get('name')!r}: 'weights' must map feature -> [idf, weight]")
        return cls(str(data["name"]), {f: (float(i), float(w)) for f, (i, w) in raw.items()},
                   float(data["intercept"]), float(data["threshold"]),  # type: ignore[arg-type]
                   reads=str(data.get("reads", "text")),
                   trained_on=[str(x) for x in data.get("trained_on") or ()])  # type: ignore[attr-defined]

    def save(self, path: Path) -> None:
        path.write_bytes(gzip.compress(json.dumps(self.to_json(), separators=(",", ":")).encode(), mtime=0))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


_loaded: dict[str, LinearTextModel | None] = {}
_lock = threading.Lock()


def read(path: Path) -> LinearTextModel:
    return LinearTextModel.from_json(json.loads(gzip.decompress(path.read_bytes())))


def load(kind: str) -> LinearTextModel | None:
    """The shipped model for "child_data" or "toxic", loaded once per process; None if absent."""
    with _lock:
        if kind not in _loaded:
            path = MODELS[kind]
            _loaded[kind] = read(path) if path.is_file() else None
        return _loaded[kind]
