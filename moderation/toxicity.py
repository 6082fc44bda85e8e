"""Toxicity scoring: backend choice (Detoxify or embedded offline) and the embedded scorer."""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from moderation.learned import load as load_learned
from moderation.learned import model_input
from moderation.normalize import MappedText, normalize_mapped, normalize_words
from moderation.tox_lexicon import MILD_PROFANITY, STRONG_PROFANITY, alt
from moderation.toxic_patterns import (
    NEGATED,
    PROFILES,
    REPORTED,
    REPORTED_AFTER,
    REPORTED_EVENT,
    RULES,
    SPAN_LABEL,
    Rule,
)
from moderation.types import TOXICITY_LABELS, Span, ToxicityScorer

log = logging.getLogger("safeguard.moderation")

BACKENDS = ("auto", "embedded", "detoxify")
# The default policy holds at this score; the embedded scorer is tuned around it.
HOLD_THRESHOLD = 0.5
# Recognisers read the whole of a long text (abuse can hide at the end); the linear model
# only needs a sample of it to judge the overall tone.
MAX_SCAN_CHARS = 100_000
MAX_MODEL_CHARS = 20_000
# The learned model is asked about texts whose every label is below this (the default hold level).
LEARNED_ASK_BELOW = 0.5
MAX_MODEL_WORDS = 4000
# Scores saturate long before this: a text pasting the same abuse 2,000 times costs no more
# than one that says it a few times.
MAX_HITS_PER_RULE = 8
# Highlighting wants every occurrence, within reason.
MAX_SPAN_HITS_PER_RULE = 200

_WORD = re.compile(r"[a-z]+")
_STRONG = frozenset(STRONG_PROFANITY)
_MILD = frozenset(MILD_PROFANITY) - _STRONG
_PROFANE_RX = re.compile(rf"\b{alt(STRONG_PROFANITY)}\b")


@dataclass(frozen=True, slots=True)
class Hit:
    """One recogniser match on normalised text, with the strength left after context."""

    rule: Rule
    start: int
    end: int
    strength: float


_QUOTES = "'\"‘’“”"
# Talking about a word rather than using it: "'gyppo' is a slur", "the word 'retard'".
_MENTION_AFTER = re.compile(r"\s*(?:is|was|are|as|remains)\s+(?:still\s+)?(?:a|an|the)\s+"
                            r"(?:\w+\s+){0,2}?(?:slur|insult|word|term|name|epithet)")


# Words without which the reported-speech and reported-event cues cannot match: texts
# lacking them (most) skip those regexes.
_REPORT_WORDS = frozenset(
    "call called calling calls branded labelled labeled described name told said accused word "
    "words term terms such slur slurs shouted shouting screamed screaming scream chanted "
    "chanting abuse insult insults phrase phrases".split())
_EVENT_WORDS = frozenset(
    "threaten threatened threatening threatens said told wrote texted shouted screamed court "
    "jury inquiry tribunal panel hearing convicted jailed charged".split())


_QUOTE_MARK = re.compile(r"['‘“\"]")
# Literals of which every REPORTED match holds one (its alternatives, and the quote marks).
_REPORTED_CUE = re.compile(r"call|branded|label|described|name|told|said|accused|word|term|such|"
                           r"slur|shout|scream|chant|abuse|insult|phrase|[\"“‘]")
_OPEN_QUOTE = re.compile(r"(?:^|[\s(:])['‘“\"][^'’”\".!?]*$")
_CLOSE_QUOTE = re.compile(r"[^'’”\"]{0,80}?['’”\"](?:\s|[.,!?;:)]|$)")


# Teasing one's own: "my son is a total plank sometimes", "our lad is a right little monkey".
_AFFECTION = re.compile(
    r"\b(?:my|our)\s+(?:own\s+|little\s+|eldest\s+|youngest\s+)?(?:son|daughter|lad|boy|girl|"
    r"husband|wife|partner|kids?|children|dad|mum|brother|sister|grandson|granddaughter|"
    r"foster\s+(?:son|daughter))\s+(?:is|was|'s|can\s+be|calls\s+\w+)\b[^.!?]{0,30}$")


# The grammatical target is an institution or a policy, not a person: "Ofsted can go to hell",
# "the government are a bunch of clowns", "this policy deserves to be put down".
_INSTITUTIONS = (
    "ofsted dfe council councils government govt department ministry home_office treasury nhs cafcass "
    "police tories labour whitehall parliament policy bill plan idea scheme proposal law report "
    "reform guidance consultation system app website form quango limit cap rule rules cuts tax act "
    "legislation regime target targets strategy budget sanctions freeze dogs animals livestock horses "
    "cattle pets badgers foxes").split()
_INSTITUTION_SUBJECT = re.compile(
    r"(?<!from\sthe\s)(?<!at\sthe\s)(?<!of\sthe\s)(?<!for\sthe\s)(?<!in\sthe\s)"
    r"(?<!from\s)(?<!at\s)(?<!of\s)(?<!for\s)(?<!in\s)"
    r"\b(?:" + "|".join(w.replace("_", r"\s+") for w in _INSTITUTIONS) + r")"
    r"\s+(?:(?:can|could|should|may|might)\s+(?:\w+\s+){0,5}?|(?:are|is|'re|'s)\s+"
    r"(?:\w+\s+){0,2}?|)$")
# A text without any of these words (the last word of each) cannot have an institution subject.
_INSTITUTION_WORDS = frozenset(w.rsplit("_", 1)[-1] for w in _INSTITUTIONS)


def _quoted(norm: str, start: int, end: int) -> bool:
    # Abuse inside quotation marks is being reported ("staff told them to 'go and kill
    # yourself'", "she was called 'a useless cow'"), not said to anyone.
    lo = max(0, start - 80)
    # An opening quote needs a quote mark in range: a cheap test spares most regex scans.
    if not _QUOTE_MARK.search(norm, lo, start):
        return False
    return bool(_OPEN_QUOTE.search(norm, lo, start) and _CLOSE_QUOTE.match(norm, end))


def _context_factor(norm: str, start: int, end: int = -1, reported: bool = True,
                    institution: bool = True) -> float:
    prefix = norm[max(0, start - 60):start]
    factor = 1.0
    if end > start:
        quoted = _quoted(norm, start, end)
        if quoted or _MENTION_AFTER.match(norm, end + (1 if norm[end:end + 1] in _QUOTES else 0)):
            factor *= 0.35
    # Each cue regex runs only when a literal every one of its matches contains is there.
    if reported and _REPORTED_CUE.search(prefix) and REPORTED.search(prefix):
        factor *= 0.4
    near = prefix[-24:]
    if ("no" in near or "n't" in near or "n’t" in near or "never" in near) and NEGATED.search(near):
        factor *= 0.3
    if ("my" in prefix or "our" in prefix) and _AFFECTION.search(prefix):
        factor *= 0.4
    if institution and _INSTITUTION_SUBJECT.search(prefix[-50:]):
        factor *= 0.4
    return factor


def _spots(norm: str, word: str) -> list[tuple[int, int]]:
    """Start and end of every whole-word occurrence of `word` (str.find beats a regex here)."""
    out = []
    n = len(norm)
    k = len(word)
    i = norm.find(word)
    while i >= 0:
        if (i == 0 or not norm[i - 1].isalpha()) and (i + k == n or not norm[i + k].isalpha()):
            out.append((i, i + k))
        i = norm.find(word, i + 1)
    return out


def _trigger_index() -> dict[str, tuple[int, ...]]:
    # word -> the rules it triggers: one dict look-up per distinct word of a text instead of
    # intersecting the text's words with every rule's trigger set.
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(RULES):
        for w in rule.triggers:
            index.setdefault(w, []).append(i)
    return {w: tuple(ids) for w, ids in index.items()}


_TRIGGER_INDEX = _trigger_index()
_TRIGGER_WORDS = frozenset(_TRIGGER_INDEX)


def _window_keys() -> tuple[int, ...]:
    # Rules with the same trigger words and reach search the same windows of a text (the
    # insult-noun rules mostly do): number them so each text works the windows out once.
    keys: dict[tuple[frozenset[str], int, int], int] = {}
    return tuple(keys.setdefault((r.triggers, r.before, r.after), len(keys)) for r in RULES)


_WINDOW_KEY = _window_keys()


def _windows(norm: str, present: list[str], spots_of: dict[str, list[tuple[int, int]]],
             before: int, after: int) -> list[list[int]]:
    """Merged [start, end) stretches within `before`/`after` of the present trigger words."""
    spots: list[tuple[int, int]] = []
    for w in present:
        found = spots_of.get(w)
        if found is None:
            found = spots_of[w] = _spots(norm, w)
        spots.extend(found)
    if len(present) > 1:
        spots.sort()
    n = len(norm)
    windows: list[list[int]] = []
    for a, b in spots:
        a = a - before if a > before else 0
        b = b + after if b + after < n else n
        if windows and a <= windows[-1][1]:
            if b > windows[-1][1]:
                windows[-1][1] = b
        else:
            windows.append([a, b])
    return windows


def find_hits(norm: str, words: set[str] | None = None,
              max_per_rule: int = MAX_HITS_PER_RULE) -> list[Hit]:
    """Recogniser matches in normalised text, searched only in windows round trigger words."""
    if words is None:
        words = set(_WORD.findall(norm))
    present_by_rule: dict[int, list[str]] = {}
    # Intersect in C first: most of a text's words trigger nothing.
    for w in _TRIGGER_WORDS.intersection(words):
        for i in _TRIGGER_INDEX[w]:
            present_by_rule.setdefault(i, []).append(w)
    if not present_by_rule:
        return []
    hits: list[Hit] = []
    reported = not _REPORT_WORDS.isdisjoint(words) or any(q in norm for q in "\"“‘")
    event = not _EVENT_WORDS.isdisjoint(words)
    institution = not _INSTITUTION_WORDS.isdisjoint(words)
    # Many rules share trigger words (a dozen fire on any insult noun): locate each word and
    # work out each set of windows once per text, not once per rule.
    spots_of: dict[str, list[tuple[int, int]]] = {}
    windows_of: dict[int, list[list[int]]] = {}
    for i in sorted(present_by_rule):
        rule = RULES[i]
        present = present_by_rule[i]
        if rule.also and rule.also.isdisjoint(words):
            continue
        windows = windows_of.get(_WINDOW_KEY[i])
        if windows is None:
            windows = windows_of[_WINDOW_KEY[i]] = _windows(norm, present, spots_of,
                                                            rule.before, rule.after)
        found = 0
        for a, b in windows:
            if found >= max_per_rule:
                break
            for m in rule.rx.finditer(norm, a, b):
                found += 1
                if found > max_per_rule:
                    break
                strength = rule.strength
                if rule.reportable:
                    strength *= _context_factor(norm, m.start(), m.end(), reported, institution)
                elif _quoted(norm, m.start(), m.end()):
                    strength *= 0.35
                if event and (REPORTED_EVENT.search(norm, max(0, m.start() - 100), m.start())
                              or REPORTED_AFTER.match(norm, m.end())):
                    strength *= 0.35
                hits.append(Hit(rule, m.start(), m.end(), strength))
    return hits


def _distinct(hits: Sequence[Hit]) -> list[Hit]:
    """The strongest hit of each group of overlapping hits with the same profile.

    Several rules often match the same words ("useless cow" is an adjective-noun insult and
    an intensified noun): that is one piece of evidence, not two.
    """
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: -h.strength):
        if not any(k.rule.profile == hit.rule.profile and k.start < hit.end and hit.start < k.end
                   for k in out):
            out.append(hit)
    return out


def combine(hits: Sequence[Hit], tokens: list[str], words: set[str],
            profanity_prob: float) -> dict[str, float]:
    """Turn recogniser hits and the profanity model's view into per-label probabilities."""
    keep = {label: 1.0 for label in TOXICITY_LABELS}
    for hit in _distinct(hits):
        for label, weight in PROFILES[hit.rule.profile].items():
            keep[label] *= 1.0 - min(0.97, hit.strength * weight)
    scores = {label: 1.0 - keep[label] for label in TOXICITY_LABELS}

    strong = sum(tokens.count(w) for w in _STRONG.intersection(words))
    mild = sum(tokens.count(w) for w in _MILD.intersection(words))
    # Swearing that is not aimed at anyone ("this policy is a fucking disgrace") is obscene
    # but stays under the hold threshold: the site's readers tolerate it, the policy says so.
    if strong:
        obscene = 0.3 + 0.04 * min(strong - 1, 3) + 0.06 * profanity_prob
    elif mild:
        obscene = 0.06 + 0.02 * min(mild, 3)
    else:
        obscene = 0.02 * profanity_prob
    scores["obscene"] = max(scores["obscene"], obscene)
    # The linear model flags any rude word; on its own it is a weak hint, never a hold.
    base = 0.34 * profanity_prob + (0.06 if strong else 0.0)
    scores["toxicity"] = max(scores["toxicity"], base)
    scores["toxicity"] = max(scores["toxicity"], scores["obscene"] * 0.95)
    return {label: round(min(0.999, max(0.0, scores[label])), 4) for label in TOXICITY_LABELS}


class _ProfanityModel:
    """alt-profanity-check's shipped TF-IDF + linear SVM, loaded once per process on first use.

    `predict` computes exactly what the sklearn pipeline's predict_proba does (TF-IDF with l2
    norm, five calibrated linear SVMs, mean of their sigmoids) in one sparse product per batch:
    sklearn's per-call overhead cost more than the arithmetic on batches of comments.
    """

    _lock = threading.Lock()
    _loaded: tuple[Any, Any] | None = None
    _fast: tuple[dict[str, int], Any, Any, Any, Any, Any] | None = None
    # sklearn's token pattern is r"(?u)\b\w\w+\b"; without the \b the same runs are found (a
    # greedy run of word characters ends at a boundary anyway) and the search skips faster.
    _TOKEN = re.compile(r"(?u)\w\w+")

    @classmethod
    def get(cls) -> tuple[Any, Any]:
        with cls._lock:
            if cls._loaded is None:
                import joblib

                # Read the data files directly: importing profanity_check would load them at
                # import time and costs the same again.
                spec = importlib.util.find_spec("profanity_check")
                if spec is None or not spec.submodule_search_locations:
                    raise RuntimeError(
                        "alt-profanity-check is not installed: pip install alt-profanity-check"
                    )
                data = os.path.join(list(spec.submodule_search_locations)[0], "data")
                vectorizer = joblib.load(os.path.join(data, "vectorizer.joblib"))
                model = joblib.load(os.path.join(data, "model.joblib"))
                cls._loaded = (vectorizer, model)
                cls._fast = cls._unpack(vectorizer, model)
            return cls._loaded

    @staticmethod
    def _unpack(vectorizer: Any, model: Any) -> tuple[dict[str, int], Any, Any, Any, Any, Any]:
        import numpy as np

        folds = model.calibrated_classifiers_
        weights = np.column_stack([f.estimator.coef_[0] for f in folds])
        intercepts = np.array([f.estimator.intercept_[0] for f in folds])
        a = np.array([f.calibrators[0].a_ for f in folds])
        b = np.array([f.calibrators[0].b_ for f in folds])
        return dict(vectorizer.vocabulary_), vectorizer.idf_, weights, intercepts, a, b

    @classmethod
    def predict(cls, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        import numpy as np
        from scipy.sparse import csr_matrix

        cls.get()
        assert cls._fast is not None
        vocab, idf, weights, intercepts, a, b = cls._fast
        indptr = [0]
        indices: list[int] = []
        counts: list[float] = []
        for text in texts:
            doc: dict[int, int] = {}
            for tok in cls._TOKEN.findall(text.lower()):
                j = vocab.get(tok)
                if j is not None:
                    doc[j] = doc.get(j, 0) + 1
            indices.extend(doc)
            counts.extend(doc.values())
            indptr.append(len(indices))
        idx = np.asarray(indices, dtype=np.int64)
        data = np.asarray(counts, dtype=np.float64) * idf[idx]
        x = csr_matrix((data, idx, np.asarray(indptr)), shape=(len(texts), len(idf)))
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0.0] = 1.0
        decision = (x @ weights) / norms[:, None] + intercepts
        probs = 1.0 / (1.0 + np.exp(a * decision + b))
        return [float(p) for p in probs.mean(axis=1)]

    @classmethod
    def predict_reference(cls, texts: Sequence[str]) -> list[float]:
        """The same through sklearn's own pipeline (slower; kept to check `predict`)."""
        vectorizer, model = cls.get()
        return [float(p) for p in model.predict_proba(vectorizer.transform(texts))[:, 1]]


class EmbeddedScorer:
    """Offline scorer: normalisation + abuse recognisers + alt-profanity-check's linear model."""

    name = "embedded"

    def __init__(self, why: str = "embedded backend requested", *, learned: bool = True) -> None:
        self.why = why
        _ProfanityModel.get()
        # The learned text model (moderation.learned) catches phrasings no recogniser covers;
        # it only ever raises the "toxicity" label, so it cannot hide what a recogniser found.
        self._learned = load_learned("toxic") if learned else None

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        normed = [normalize_words(t[:MAX_SCAN_CHARS]) if t else ("", []) for t in texts]
        probs = _ProfanityModel.predict([n[:MAX_MODEL_CHARS] for n, _ in normed])
        out = []
        for (norm, tokens), prob in zip(normed, probs, strict=True):
            words = set(tokens)
            hits = find_hits(norm, words) if words else []
            out.append(combine(hits, tokens, words, prob))
        if self._learned is not None:
            self._second_opinion(texts, normed, out)
        return out

    def _second_opinion(self, texts: Sequence[str], normed: Sequence[tuple[str, list[str]]],
                        out: list[dict[str, float]]) -> None:
        model = self._learned
        assert model is not None
        for text, (_norm, tokens), scores in zip(texts, normed, out, strict=True):
            # Asked only where no label already reached the default hold level. The model reads
            # the normalised words (see moderation.train_learned), which are already here unless
            # the text has markup, which the model must not read as words.
            if tokens and max(scores.values(), default=0.0) < LEARNED_ASK_BELOW:
                words = model_input(text[:MAX_SCAN_CHARS], model.reads) if "<" in text else tokens
                lifted = round(model.calibrated(model.probability_of_words(words[:MAX_MODEL_WORDS])), 4)
                if lifted > scores["toxicity"]:
                    scores["toxicity"] = lifted


def toxic_spans(text: str) -> list[Span]:
    """Runs of the original text that made it look toxic, for the moderator's highlighter."""
    if not text:
        return []
    mapped: MappedText = normalize_mapped(text[:MAX_SCAN_CHARS])
    spans: list[Span] = []
    for hit in find_hits(mapped.text, max_per_rule=MAX_SPAN_HITS_PER_RULE):
        if hit.strength < 0.35:
            continue
        a, b = mapped.original_span(hit.start, hit.end)
        spans.append(Span(a, b, SPAN_LABEL[hit.rule.profile], text[a:b]))
    for m in _PROFANE_RX.finditer(mapped.text):
        a, b = mapped.original_span(m.start(), m.end())
        if not any(s.start <= a and b <= s.end for s in spans):
            spans.append(Span(a, b, "obscene", text[a:b]))
    spans.sort(key=lambda s: (s.start, -s.end))
    # Nested matches add nothing on screen: keep the outermost span of each kind.
    kept: list[Span] = []
    for s in spans:
        if any(k.kind == s.kind and k.start <= s.start and s.end <= k.end for k in kept):
            continue
        kept.append(s)
    return kept


# --- backend choice ------------------------------------------------------------------------

_cache: dict[tuple[Any, ...], ToxicityScorer] = {}
_cache_lock = threading.Lock()


def _detoxify_available(model: str, checkpoint: str | None) -> tuple[bool, str]:
    missing = [p for p in ("torch", "transformers", "detoxify") if importlib.util.find_spec(p) is None]
    if missing:
        return False, (f"{', '.join(missing)} not installed (pip install 'safeguard[detoxify]'), "
                       "so the embedded offline scorer is used")
    from moderation.tox_detoxify import cached_checkpoint

    if checkpoint:
        if os.path.isfile(checkpoint):
            return True, f"detoxify is installed and the local checkpoint {checkpoint} exists"
        return False, (f"detoxify is installed but the checkpoint {checkpoint} does not exist, "
                       "so the embedded offline scorer is used")
    cached = cached_checkpoint(model)
    if cached:
        return True, f"detoxify is installed and its '{model}' weights are cached at {cached}"
    return False, (f"detoxify is installed but no '{model}' weights are on this machine (no "
                   "checkpoint given, none in the torch hub cache), so the embedded offline "
                   "scorer is used")


def load_scorer(
    backend: str = "auto",
    *,
    model: str = "original",
    checkpoint: str | None = None,
    config_dir: str | None = None,
    threads: int | None = None,
    batch_size: int = 32,
    learned: bool = True,
) -> ToxicityScorer:
    """Build (once per process and arguments) the toxicity scorer; logs which one and why.

    backend: "embedded" (offline, default when Detoxify is absent), "detoxify" (fails loudly
    if it cannot load) or "auto" (Detoxify when the package and its weights are here).
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown toxicity backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    key = (backend, model, checkpoint, config_dir, threads, batch_size, learned)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
        scorer = _build(backend, model, checkpoint, config_dir, threads, batch_size, learned)
        _cache[key] = scorer
    log.info("toxicity backend: %s (%s)", scorer.name, scorer.why)
    return scorer


def _build(backend: str, model: str, checkpoint: str | None, config_dir: str | None,
           threads: int | None, batch_size: int, learned: bool = True) -> ToxicityScorer:
    if backend == "embedded":
        return EmbeddedScorer("embedded backend requested: offline recognisers plus "
                              "alt-profanity-check's linear model" +
                              (" and a learned text model" if learned else "") + ", no download",
                              learned=learned)
    if backend == "detoxify":
        from moderation.tox_detoxify import load_detoxify

        return load_detoxify(model, checkpoint=checkpoint, config_dir=config_dir,
                             threads=threads, batch_size=batch_size,
                             why="detoxify backend requested")
    ok, why = _detoxify_available(model, checkpoint)
    if not ok:
        return EmbeddedScorer(f"auto: {why}", learned=learned)
    from moderation.tox_detoxify import load_detoxify

    try:
        return load_detoxify(model, checkpoint=checkpoint, config_dir=config_dir,
                             threads=threads, batch_size=batch_size, why=f"auto: {why}")
    except Exception as exc:  # noqa: BLE001 - any load failure means "not available here"
        log.warning("detoxify could not load (%s); falling back to the embedded scorer", exc)
        return EmbeddedScorer(f"auto: {why}, but loading it failed ({exc}), so the embedded "
                              "offline scorer is used", learned=learned)
