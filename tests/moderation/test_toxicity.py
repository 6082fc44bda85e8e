"""Embedded toxicity scorer: labelled sets, masking tricks, benign anger, bad input, backend choice."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from moderation.normalize import normalize, normalize_mapped
from moderation.toxicity import HOLD_THRESHOLD, load_scorer, toxic_spans
from moderation.types import TOXICITY_LABELS

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
COMMENTS = ROOT / "tests" / "data" / "comments.jsonl"
HOLDOUT = ROOT / "tests" / "data" / "holdout.jsonl"


@pytest.fixture(scope="module")
def scorer():
    return load_scorer("embedded")


def flagged(scores: dict[str, float]) -> bool:
    return any(scores[label] >= HOLD_THRESHOLD for label in TOXICITY_LABELS)


def score(scorer, text: str) -> dict[str, float]:
    return scorer.score_batch([text])[0]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _precision_recall(scorer, rows: list[dict]) -> tuple[float, float, list[str]]:
    results = scorer.score_batch([r["text"] for r in rows])
    tp = fp = fn = 0
    wrong = []
    for row, sc in zip(rows, results, strict=True):
        got = flagged(sc)
        if got and row["toxic"]:
            tp += 1
        elif got:
            fp += 1
            wrong.append(f"FP {row['text']}")
        elif row["toxic"]:
            fn += 1
            wrong.append(f"FN {row['text']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, wrong


@pytest.mark.skipif(not DEV.exists(), reason="shared/eval/dev.jsonl not beside the repo")
def test_dev_set_toxic_items_are_held_and_clean_ones_are_not(scorer):
    precision, recall, wrong = _precision_recall(scorer, _rows(DEV))
    assert recall >= 0.9 and precision >= 0.8, wrong


@pytest.mark.skipif(not COMMENTS.exists(), reason="tests/data/comments.jsonl not written yet")
def test_labelled_uk_comments_meet_quality_targets(scorer):
    precision, recall, wrong = _precision_recall(scorer, _rows(COMMENTS))
    assert recall >= 0.9, wrong
    assert precision >= 0.8, wrong


@pytest.mark.skipif(not HOLDOUT.exists(), reason="tests/data/holdout.jsonl not written yet")
def test_held_out_comments_meet_quality_targets(scorer):
    precision, recall, wrong = _precision_recall(scorer, _rows(HOLDOUT))
    assert recall >= 0.9 and precision >= 0.8, wrong


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("You absolute c*nt, read the report", "insult"),
        ("you are a f u c k i n g idiot", "insult"),
        ("s h u t  u p  you stupid cow", "insult"),
        ("what a w-h-o-r-e", "insult"),
        ("you're a sh1t parent and a l1ar", "insult"),
        ("Ｙｏｕ ａｒｅ ａｎ ｉｄｉｏｔ", "insult"),  # fullwidth
        ("you are an іdіоt", "insult"),  # Cyrillic look-alikes
        ("you are an i\u200bd\u200bi\u200bo\u200bt", "insult"),  # zero-width spaces
        ("you are an \u202eidiot\u202c", "insult"),  # bidi override
        ("you are an &#105;diot", "insult"),  # HTML entity
        ("fuuuuuck you", "insult"),
        ("you stuuuupid cow", "insult"),
        ("kys", "severe_toxicity"),
        ("go kill yourself nobody would miss you", "severe_toxicity"),
        ("I know where you live and I'll be waiting", "threat"),
        ("Someone should torch the social services office with the staff still inside", "threat"),
        ("I hope the judge who made that order gets cancer", "threat"),
        ("Travellers are all thieves and shouldn't be allowed near children", "identity_attack"),
        ("Muslims are vermin", "identity_attack"),
        ("send me nudes sweetheart", "obscene"),
    ],
)
def test_masked_and_disguised_abuse_is_flagged(scorer, text, label):
    sc = score(scorer, text)
    assert sc[label] >= 0.6, sc
    assert flagged(sc)


@pytest.mark.parametrize(
    "text",
    [
        "They do sod all for kinship carers and everyone knows it.",
        "What the hell is the minister playing at?",
        "Damn right, the council should be ashamed.",
        "Rubbish policy, written by people who have never met a family in crisis.",
        "What a shambles. Another review and not a penny for schools.",
        "This policy is a fucking disgrace and the minister knows it.",
        "As a lesbian adopter I found the assessment fair and thorough.",
        "As a gay foster dad I'd welcome more training on identity.",
        "As a Muslim parent I want the school to explain the RSE curriculum.",
        "The report on sexual abuse in children's homes makes grim reading.",
        "We should kill this bill before it reaches the Lords.",
        "The inspectors tore the council's plan apart, and rightly so.",
        "My son was called a retard at school and the school did nothing.",
        "Black and disabled children are excluded at twice the rate of their peers.",
        "Refugee children deserve the same support as everyone else.",
        "I'll find out at the meeting whether the placement can continue.",
        "The government should be ashamed; these cuts will hurt the poorest families.",
        "",
    ],
)
def test_angry_criticism_benign_identity_and_topics_are_not_flagged(scorer, text):
    sc = score(scorer, text)
    assert not flagged(sc), sc


def test_profanity_at_policy_is_obscene_but_below_hold_while_aimed_at_you_is_toxic(scorer):
    at_policy = score(scorer, "this policy is a fucking disgrace")
    at_you = score(scorer, "Fuck this government and fuck you too.")
    assert 0.15 < at_policy["obscene"] < HOLD_THRESHOLD
    assert at_you["insult"] >= 0.7 and at_you["toxicity"] >= 0.7
    assert at_you["toxicity"] > at_policy["toxicity"] + 0.3


def test_only_the_worst_reaches_reject_levels(scorer):
    explicit = score(scorer, "I will kill you and your family")
    insult = score(scorer, "you are an idiot")
    assert explicit["threat"] >= 0.9
    assert insult["severe_toxicity"] < 0.5 and insult["threat"] < 0.5


def test_scores_have_exactly_the_contract_labels_in_range(scorer):
    texts = ["", "hello", "you idiot", "🙂🙂🙂", "Привет, как дела?", "x" * 10]
    for sc in scorer.score_batch(texts):
        assert tuple(sc) == TOXICITY_LABELS
        assert all(0.0 <= v <= 1.0 for v in sc.values())


def test_batch_results_match_single_results(scorer):
    texts = ["you absolute c*nt", "lovely article", "kys", "What a shambles."]
    batch = scorer.score_batch(texts)
    assert batch == [score(scorer, t) for t in texts]


def test_empty_emoji_and_mixed_scripts_are_clean(scorer):
    for text in ["", "   ", "👍👍 great news for kinship carers 🎉", "Спасибо for the 文章, very helpful"]:
        assert not flagged(score(scorer, text)), text


def test_abuse_inside_mixed_script_and_emoji_is_still_found(scorer):
    sc = score(scorer, "😡😡 Спасибо nothing, you are a pathetic little troll 🤡")
    assert sc["insult"] >= 0.7


def test_hundred_thousand_characters_are_scored_and_a_late_threat_is_found(scorer):
    clean = "The review says outcomes improve with stable placements. " * 1800
    long_clean = clean[:100_000]
    long_threat = clean[:99_900] + " I know where you live."
    assert len(long_clean) == 100_000
    assert not flagged(score(scorer, long_clean))
    assert score(scorer, long_threat)["threat"] >= 0.7


def test_toxic_spans_point_at_the_original_text():
    text = "Great report. You absolute c*nt, I know where you live."
    spans = toxic_spans(text)
    kinds = {s.kind for s in spans}
    assert {"insult", "threat"} <= kinds
    for s in spans:
        assert text[s.start:s.end] == s.text
    assert any("c*nt" in s.text for s in spans if s.kind == "insult")
    assert any(s.text.startswith("I know where you live") for s in spans)


def test_toxic_spans_map_through_unicode_tricks():
    text = "ok then, Ｙｏｕ ａｒｅ ａｎ і\u200bdіоt"
    spans = toxic_spans(text)
    assert spans and spans[0].text.startswith("Ｙｏｕ") and spans[0].text.endswith("t")
    assert toxic_spans("") == [] and toxic_spans("a lovely thoughtful article") == []


def test_normalize_undoes_common_tricks_and_keeps_numbers():
    assert normalize("f u c k") == "fuck"
    assert normalize("sh1t and b!tch and a$$hole") == "shit and bitch and asshole"
    assert normalize("Ｆｕｃｋ") == "fuck"
    assert normalize("f\u200bu\u200dck") == "fuck"
    assert normalize("&lt;b&gt;") == "<b>"
    assert normalize("Call 07911 123456 on 12/09/2014 about £3.5bn, 1st at 10am") == \
        "call 07911 123456 on 12/09/2014 about £3.5bn, 1st at 10am"
    assert normalize("@amber2012") == "@amber2012"
    for text in ["sh1t", "Ｆｕｃｋ you", "a &amp; b", "f u c k off", "fuuuuck"]:
        assert normalize_mapped(text).text == normalize(text)


def test_fast_profanity_model_matches_sklearns_own_pipeline():
    from moderation.toxicity import _ProfanityModel

    texts = ["", "fuck you", "what the hell is the minister playing at", "Привет 2018 😀",
             "a calm and thoughtful consultation response about year 6 transitions"]
    if COMMENTS.exists():
        texts += [r["text"] for r in _rows(COMMENTS)]
    fast = _ProfanityModel.predict(texts)
    reference = _ProfanityModel.predict_reference(texts)
    assert fast == pytest.approx(reference, abs=1e-9)
    assert max(fast) > 0.9 and min(fast) < 0.1  # it really discriminates


def test_normalize_keeps_numbers_with_units_and_codes():
    text = "Year 6, 11B, a 14-month wait, under-18s, 5yo, covid19 and the 1st of May"
    assert normalize(text) == text.lower()


@pytest.mark.skipif(not COMMENTS.exists(), reason="tests/data/comments.jsonl not written yet")
def test_highlighting_normalises_exactly_like_scoring():
    texts = [r["text"] for r in _rows(COMMENTS)]
    assert [normalize_mapped(t).text for t in texts] == [normalize(t) for t in texts]


def test_load_scorer_logs_backend_and_reason(caplog):
    with caplog.at_level(logging.INFO, logger="safeguard.moderation"):
        s = load_scorer("embedded", batch_size=7)
    assert s.name == "embedded" and s.why
    assert any("embedded" in r.getMessage() for r in caplog.records)
    assert load_scorer("embedded", batch_size=7) is s  # built once per process


def test_auto_without_weights_falls_back_to_embedded_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path))  # an empty hub cache: no Detoxify weights
    s = load_scorer("auto", model="unbiased-small", threads=1)
    assert s.name == "embedded"
    assert "embedded" in s.why and ("not installed" in s.why or "no 'unbiased-small'" in s.why)


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="unknown toxicity backend"):
        load_scorer("magic")
