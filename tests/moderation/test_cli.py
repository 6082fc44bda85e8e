"""`safeguard score` / `safeguard evaluate`: JSONL contract, bad lines, policies, metrics."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from moderation.assess import Moderator
from moderation.cli import load_policy, main, main_evaluate, main_score
from moderation.policy import Policy
from moderation.types import TOXICITY_LABELS, ChildDataResult, Span

ROOT = Path(__file__).resolve().parents[2]
DEV = Path(__file__).resolve().parents[3] / "shared" / Path("eval/dev.jsonl")


class InsultScorer:
    """Small real scorer: 'idiot' or 'moron' make a comment insulting; 'kill you' a threat."""

    name = "insult-words"
    why = "test scorer"

    def __init__(self) -> None:
        self.batches: list[int] = []

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        self.batches.append(len(texts))
        out = []
        for text in texts:
            scores = dict.fromkeys(TOXICITY_LABELS, 0.02)
            if re.search(r"\b(idiot|moron)s?\b", text, re.IGNORECASE):
                scores["insult"] = scores["toxicity"] = 0.8
            if re.search(r"\bkill you\b", text, re.IGNORECASE):
                scores["threat"] = 0.97
            out.append(scores)
        return out


class NameAgeDetector:
    """Small real detector: flags '<Name>, <age>' and '<Name> (<age>)'."""

    def detect_batch(self, texts: Sequence[str]) -> list[ChildDataResult]:
        out = []
        for text in texts:
            m = re.search(r"\b([A-Z][a-z]+),? \(?(\d{1,2})\)?", text)
            if m:
                span = Span(m.start(1), m.end(1), "child_name", m.group(1))
                out.append(ChildDataResult(0.9, (span,), f"names a child ({m.group(1)})"))
            else:
                out.append(ChildDataResult(0.0))
        return out


def moderator() -> Moderator:
    return Moderator(InsultScorer(), NameAgeDetector())


def run_score(text: str, **kwargs: object) -> tuple[int, list[dict], str]:  # type: ignore[type-arg]
    out, err = io.StringIO(), io.StringIO()
    code = main_score(io.StringIO(text), out, err, moderator=kwargs.pop("mod", moderator()), **kwargs)  # type: ignore[arg-type]
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_score_writes_one_line_per_input_with_contract_fields() -> None:
    lines = [
        {"id": "a", "text": "Thanks for covering this."},
        {"id": 2, "text": "Poppy, 6, is in care at Brookside"},
        {"id": "c", "text": "You idiot"},
        {"id": "d", "text": "I will kill you"},
    ]
    code, records, err = run_score("\n".join(json.dumps(x) for x in lines) + "\n")
    assert code == 0 and err == ""
    assert [r["id"] for r in records] == ["a", 2, "c", "d"]
    assert [r["decision"] for r in records] == ["publish", "hold", "hold", "reject"]
    first = records[0]
    assert set(first) == {"id", "toxicity", "child_data", "decision", "reasons"}
    assert set(first["toxicity"]) == set(TOXICITY_LABELS)
    assert first["reasons"] == []
    child = records[1]["child_data"]
    assert child["spans"] == [{"start": 0, "end": 5, "kind": "child_name", "text": "Poppy"}]
    assert child["explanation"] == "names a child (Poppy)" and child["score"] == 0.9
    assert records[1]["reasons"][0]["code"] == "child_data"
    insult = [r for r in records[2]["reasons"] if r.get("label") == "insult"][0]
    assert insult["code"] == "toxicity" and insult["score"] == 0.8 and insult["message"]


def test_bad_lines_are_reported_by_number_and_the_rest_scored() -> None:
    text = "\n".join(
        [
            '{"id": 1, "text": "fine"}',
            "{not json",
            '{"id": 3}',
            '{"id": 4, "text": 42}',
            "",
            '["a list"]',
            '{"id": 7, "text": "also fine"}',
        ]
    )
    code, records, err = run_score(text)
    assert code == 1
    assert [r["id"] for r in records] == [1, 7]
    reported = [int(n) for n in re.findall(r"^line (\d+):", err, re.MULTILINE)]
    assert reported == [2, 3, 4, 6]
    assert "not valid JSON" in err and 'no "text"' in err and "must be a string" in err


def test_missing_id_falls_back_to_line_number_and_odd_text_survives() -> None:
    text = '{"text": "a"}\n{"text": "bad \\ud800 surrogate \\u0000 nul \\u202e bidi"}\n'
    code, records, _ = run_score(text)
    assert code == 0
    assert [r["id"] for r in records] == [1, 2]
    assert records[1]["decision"] == "publish"


def test_invalid_utf8_bytes_do_not_stop_scoring() -> None:
    out, err = io.StringIO(), io.StringIO()
    data = io.BytesIO(b'{"id": 1, "text": "caf\xe9"}\n{"id": 2, "text": "ok"}\n')
    assert main_score(data, out, err, moderator=moderator()) == 0
    assert len(out.getvalue().splitlines()) == 2


def test_score_streams_in_batches() -> None:
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for i in range(7):
            consumed += 1
            yield json.dumps({"id": i, "text": f"comment {i}"}) + "\n"

    class Recorder(io.StringIO):
        seen: list[int] = []

        def flush(self) -> None:
            self.seen.append(consumed)

    scorer = InsultScorer()
    out = Recorder()
    main_score(lines(), out, io.StringIO(), moderator=Moderator(scorer, NameAgeDetector()),
               batch_size=3)  # fmt: skip
    assert scorer.batches == [3, 3, 1]
    # The first batch is written out before the rest of the input has been read.
    assert out.seen[0] == 3
    assert len(out.getvalue().splitlines()) == 7


def test_policy_changes_decisions() -> None:
    line = json.dumps({"id": 1, "text": "A total disgrace"}) + "\n"
    policy = Policy(banned_words=("disgrace",))
    _, records, _ = run_score(line, policy=policy)
    assert records[0]["decision"] == "reject"
    assert records[0]["reasons"][0] == {
        "code": "banned_word",
        "message": "Contains \u201cdisgrace\u201d, which this site bans.",
        "words": ["disgrace"],
    }


def test_first_time_flag_is_passed_to_the_policy() -> None:
    lines = '{"id": 1, "text": "hi", "first_time": true}\n{"id": 2, "text": "hi"}\n'
    _, records, _ = run_score(lines, policy=Policy(premoderate_first_time=True))
    assert [r["decision"] for r in records] == ["hold", "publish"]


def test_bad_policy_file_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "policy.json"
    bad.write_text(json.dumps({"toxicity_hold": {"insult": 1.2}, "mode": "x"}))
    with pytest.raises(Exception) as caught:
        load_policy(str(bad))
    assert "toxicity_hold.insult" in str(caught.value) and "mode" in str(caught.value)
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"hold_links": True}))
    assert load_policy(str(good)).hold_links is True


def test_bad_policy_file_exits_2_before_loading_models(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "policy.json"
    bad.write_text("{ not json")
    assert main(["score", "--policy", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    bad.write_text(json.dumps({"max_length": 0}))
    assert main(["score", "--policy", str(bad)]) == 2
    assert "max_length" in capsys.readouterr().err
    assert main(["score", "--policy", str(tmp_path / "missing.json")]) == 2


LABELLED = [
    {"text": "Ellie, 7, was moved again", "child_data": True, "toxic": False},
    {"text": "Ellie, 7, you moron", "child_data": True, "toxic": True},
    {"text": "Children in care deserve better", "child_data": False, "toxic": False},
    {"text": "The council are idiots", "child_data": False, "toxic": False, "note": "fair"},
    {"text": "my grandson is doing well", "child_data": True, "toxic": False, "note": "hm"},
    {"text": "I will kill you", "child_data": False, "toxic": True},
]


def _labelled() -> str:
    return "\n".join(json.dumps(item) for item in LABELLED) + "\n"


def test_evaluate_prints_metrics_table_and_wrong_items() -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main_evaluate(io.StringIO(_labelled()), out, err, moderator=moderator(), source="x")
    text = out.getvalue()
    assert code == 0 and err.getvalue() == ""
    # child_data: TP 2, FP 0, FN 1 -> P 1.0, R 0.667, F1 0.8
    assert re.search(r"child_data\s+1\.000\s+0\.667\s+0\.800\s+2\s+0\s+1\s+3", text)
    # toxic: TP 2 (moron, kill), FP 1 (idiots), FN 0 -> P 0.667, R 1.0, F1 0.8
    assert re.search(r"toxic\s+0\.667\s+1\.000\s+0\.800\s+2\s+1\s+0\s+3", text)
    assert "Wrong (2 of 2)" in text
    assert "false negative" in text and "my grandson is doing well" in text and "[hm]" in text
    assert "false positive" in text and "The council are idiots" in text


def test_evaluate_json_and_error_limit() -> None:
    out = io.StringIO()
    main_evaluate(
        io.StringIO(_labelled()), out, io.StringIO(), moderator=moderator(), as_json=True,
        show_errors=1,
    )  # fmt: skip
    report = json.loads(out.getvalue())
    assert report["items"] == 6 and report["backend"] == "insult-words"
    assert report["metrics"]["toxic"]["precision"] == pytest.approx(0.6667, abs=1e-4)
    assert report["metrics"]["child_data"]["recall"] == pytest.approx(0.6667, abs=1e-4)
    assert len(report["errors"]) == 1


def test_evaluate_reports_unlabelled_lines() -> None:
    out, err = io.StringIO(), io.StringIO()
    data = '{"text": "x", "toxic": false}\n{"text": "y", "child_data": false, "toxic": false}\n'
    assert main_evaluate(io.StringIO(data), out, err, moderator=moderator()) == 1
    assert err.getvalue().startswith('line 1: "child_data" must be true or false')
    assert ": 1 items" in out.getvalue()


# --- the real command, in a subprocess -------------------------------------------------------


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "moderation.cli", *args],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_subprocess_bad_policy_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "p.json"
    bad.write_text(json.dumps({"mode": "sometimes"}))
    done = _cli("score", "--policy", str(bad))
    assert done.returncode == 2
    assert "mode" in done.stderr and "hold_flagged" in done.stderr


def test_subprocess_score_with_real_scorers() -> None:
    stdin = (
        '{"id": "x1", "text": "My son Ethan Walsh is 10 and in foster care in Dudley."}\n'
        "garbage\n"
        '{"id": "x2", "text": "Good piece on school funding."}\n'
    )
    done = _cli("score", "--backend", "embedded", stdin=stdin)
    assert done.returncode == 1
    assert "line 2:" in done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == ["x1", "x2"]
    assert records[0]["decision"] == "hold"
    assert records[1]["decision"] == "publish"


def test_subprocess_info_names_backend() -> None:
    done = _cli("score", "--info", "--backend", "embedded")
    assert done.returncode == 0
    assert re.search(r"^backend: \S+", done.stdout, re.MULTILINE)
    assert re.search(r"^why: .+", done.stdout, re.MULTILINE)


def test_subprocess_evaluate_dev_set() -> None:
    if not DEV.exists():
        pytest.skip(f"{DEV} not found")
    done = _cli("evaluate", str(DEV), "--backend", "embedded", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["items"] == sum(1 for line in DEV.read_text().splitlines() if line.strip())
    assert set(report["metrics"]) == {"child_data", "toxic"}


def test_subprocess_info_names_the_learned_models_and_rules_only_switches_them_off() -> None:
    done = _cli("score", "--info", "--backend", "embedded")
    assert done.returncode == 0
    assert re.search(r"^learned: child_data \([\d,]+ features, flags at p >= 0\.\d\d\) and toxic", done.stdout,
                     re.MULTILINE), done.stdout
    done = _cli("score", "--info", "--backend", "embedded", "--rules-only")
    assert "learned: none (rules only)" in done.stdout
