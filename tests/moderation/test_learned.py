"""The learned text models: same numbers as scikit-learn, reproducible, and only ever adding."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from moderation import learned, train_learned
from moderation.child_data import ChildDataDetector
from moderation.learned import LinearTextModel, features, model_input, words_of
from moderation.toxicity import EmbeddedScorer

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
DATA = ROOT / "tests" / "data"

TRAIN = [
    ("my son jake is 9 and in foster care in hull", True),
    ("our daughter poppy attends millbrook primary and has an ehcp", True),
    ("the girl at number 4 is being kept off school, her name is darcey", True),
    ("riley, 7, was placed with carers in leeds after the court hearing", True),
    ("my grandson is 6 and has autism, he goes to st mary's in wigan", True),
    ("school funding has fallen in real terms for a decade", False),
    ("the council should publish its waiting times for assessments", False),
    ("foster carers need better pay and proper respite", False),
    ("ofsted inspections say nothing about children in care", False),
    ("kinship carers get less support than foster carers", False),
]


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_inference_gives_scikit_learns_probabilities():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = [words_of(t) for t, _ in TRAIN]
    labels = [y for _, y in TRAIN]
    weights, intercept = train_learned.fit(docs, labels)
    # No abstention here: this compares the arithmetic on every probe, even near-empty ones.
    ours = LinearTextModel("t", weights, intercept, 0.5, min_known_words=0, min_known_share=0.0)

    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    clf = LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced")
    clf.fit(vec.fit_transform(docs), labels)
    probes = ["my son tommy is 8 and in care in hull hull hull", "funding for schools", "", "zzz qqq",
              "Our DAUGHTER（Poppy）attends\u200b Millbrook"]
    expected = clf.predict_proba(vec.transform([words_of(p) for p in probes]))[:, 1]
    got = [ours.probability(p) for p in probes]
    assert got == pytest.approx(list(expected), abs=1e-9)
    # The child-like probe scores above the neutral one: the model learned something.
    assert got[0] > 0.5 > got[1]


def test_fullwidth_and_zero_width_tricks_read_as_plain_words():
    assert words_of("Ｐｏｐｐｙ is 7") == words_of("Poppy is 7") == ["poppy", "is", "7"]
    assert words_of("id\u200biot") == ["idiot"]
    # The toxicity model reads normalised words: masking is undone before it looks.
    assert "fucking" in model_input("you f***ing muppet", "normalized")


def test_save_and_read_round_trip(tmp_path):
    docs = [words_of(t) for t, _ in TRAIN]
    weights, intercept = train_learned.fit(docs, [y for _, y in TRAIN])
    model = LinearTextModel("child_data", weights, intercept, 0.42, trained_on=["x.jsonl"])
    path = tmp_path / "m.json.gz"
    model.save(path)
    again = learned.read(path)
    assert again.threshold == 0.42 and again.trained_on == ("x.jsonl",)
    for text, _ in TRAIN:
        assert again.probability(text) == pytest.approx(model.probability(text), abs=1e-6)


def test_a_model_file_of_another_feature_version_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "old.json.gz"
    path.write_bytes(gzip.compress(json.dumps(
        {"name": "child_data", "features": "word2", "intercept": 0, "threshold": 0.5, "weights": {}}).encode()))
    with pytest.raises(ValueError, match="retrain with python -m moderation.train_learned"):
        learned.read(path)


def test_calibration_puts_the_threshold_at_the_policy_hold_level():
    model = LinearTextModel("m", {"=a": (1.0, 1.0)}, 0.0, 0.4)
    assert model.calibrated(0.4) == pytest.approx(0.5)
    assert model.calibrated(0.0) == 0.0 and model.calibrated(1.0) == pytest.approx(1.0)
    values = [model.calibrated(p / 100) for p in range(101)]
    assert values == sorted(values)


def test_shipped_models_are_what_the_repo_data_trains(tmp_path):
    if not DEV.exists():  # the shipped models were trained with it; CI always has it
        if os.environ.get("CI"):
            pytest.fail(f"{DEV} is missing: the shipped models cannot be checked")
        pytest.skip(f"needs {DEV}, as the shipped models do")
    assert train_learned.main(["--out", str(tmp_path)]) == 0
    for kind, shipped_path in learned.MODELS.items():
        shipped = learned.read(shipped_path)
        fresh = learned.read(tmp_path / shipped_path.name)
        assert fresh.threshold == shipped.threshold
        assert fresh.reads == shipped.reads
        assert set(fresh.weights) == set(shipped.weights), kind
        assert fresh.intercept == pytest.approx(shipped.intercept, abs=1e-4)
        worst = max(abs(fresh.weights[f][1] - w) for f, (_i, w) in shipped.weights.items())
        assert worst < 1e-3, kind
    # The sealed set is never learned from.
    assert "sealed.jsonl" not in shipped.trained_on


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out = [str(r["text"]) for r in _rows(DATA / "holdout.jsonl")]
    if DEV.exists():
        out += [str(r["text"]) for r in _rows(DEV)]
    return out


def test_the_learned_layer_never_lowers_a_child_data_score_or_drops_a_span(texts):
    rules = ChildDataDetector(learned=False).detect_batch(texts)
    both = ChildDataDetector().detect_batch(texts)
    lifted = 0
    for r, b in zip(rules, both, strict=True):
        assert b.score >= r.score
        assert b.spans == r.spans
        lifted += b.score > r.score
    assert lifted > 0


def test_the_learned_layer_never_lowers_a_toxicity_score(texts):
    rules = EmbeddedScorer("rules", learned=False).score_batch(texts)
    both = EmbeddedScorer("both").score_batch(texts)
    for r, b in zip(rules, both, strict=True):
        for label in r:
            assert b[label] >= r[label]


def test_a_hold_only_the_model_saw_tells_the_moderator_what_to_check():
    # A model that has learned an invented word marks children's data, so no rule can match it.
    docs = [words_of(t) for t, _ in TRAIN] + [words_of("the zorblax thing again")] * 2
    labels = [False] * len(TRAIN) + [True, True]
    weights, intercept = train_learned.fit(docs, labels)
    model = LinearTextModel("child_data", weights, intercept, 0.5)
    text = "Honestly the zorblax thing again."
    assert ChildDataDetector(learned=False).detect(text).score < 0.5
    result = ChildDataDetector(model=model).detect(text)
    assert result.score >= 0.5
    assert "text model" in result.explanation and "check" in result.explanation
    assert result.explanation[0].isupper()
    # Below its threshold the model changes nothing a moderator sees.
    plain = ChildDataDetector(model=model).detect("Funding for schools has fallen.")
    assert plain.score < 0.5 and "text model" not in plain.explanation


def test_markup_and_code_get_no_opinion_from_the_models():
    xss = [x.strip() for x in (ROOT.parent / "shared" / "corpora" / "xss-payload-list.txt").read_text(
        "utf-8", errors="replace").splitlines() if x.strip()]
    assert len(xss) > 6000
    for kind in learned.MODELS:
        model = learned.load(kind)
        assert model is not None
        flagged = [t for t in xss if model.probability(t) >= model.threshold]
        # A comment is judged on the words a reader sees: tags are dropped, and text that is
        # mostly words the model never met (attributes, script) gets no opinion at all.
        assert len(flagged) <= len(xss) // 1000, (kind, flagged[:5])
    assert model_input("<b>you absolute muppet</b>", "normalized") == ["you", "absolute", "muppet"]
    assert learned.load("toxic").probability("<a onclick=alert(1)>test</a>") == 0.0
