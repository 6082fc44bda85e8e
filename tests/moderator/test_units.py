"""Pure helpers of the moderator interface: highlighting, redaction ranges, percentiles, CSV cells."""

from __future__ import annotations

from service.moderation_actions import redact_text, scrub_reasons
from service.moderation_queries import highlight_segments
from service.moderation_stats import _csv_cell, percentile


def test_overlapping_spans_are_cut_into_runs_that_carry_every_kind() -> None:
    text = "Ellie Marsh of Leeds"
    spans = [{"start": 0, "end": 11, "kind": "child_name"}, {"start": 6, "end": 20, "kind": "location"}]
    runs = [(s.text, s.kinds) for s in highlight_segments(text, spans)]
    assert runs == [("Ellie ", ("child_name",)), ("Marsh", ("child_name", "location")),
                    (" of Leeds", ("location",))]
    assert "".join(r for r, _ in runs) == text


def test_spans_outside_the_text_are_clamped_or_ignored() -> None:
    runs = highlight_segments("short", [{"start": 2, "end": 99, "kind": "age"}, {"start": "x", "end": 1}])
    assert [(s.text, s.kinds) for s in runs] == [("sh", ()), ("ort", ("age",))]


def test_redaction_merges_overlaps_and_returns_what_it_removed() -> None:
    new, removed = redact_text("Ellie Marsh is 7 in Leeds", [(0, 11), (6, 11), (15, 16)])
    assert new == "[removed] is [removed] in Leeds"
    assert removed == ["Ellie Marsh", "7"]


def test_scrubbed_reasons_keep_codes_and_scores_but_not_the_removed_words() -> None:
    reasons = [{"code": "child_data", "message": "names a child (Ellie Marsh)", "score": 0.85, "kinds": ["child_name"]},
               {"code": "suspect_word", "message": "Contains 'Marsh'", "words": ["Marsh"]}]
    out = scrub_reasons(reasons, ["Ellie Marsh", "Marsh"])
    assert "Marsh" not in repr(out)
    assert out[0]["score"] == 0.85 and out[0]["kinds"] == ["child_name"] and out[1]["code"] == "suspect_word"


def test_percentile_is_nearest_rank() -> None:
    assert percentile([], 50) is None
    assert percentile([5.0, 1.0, 3.0], 50) == 3.0
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 95) == 95.0 and percentile(values, 100) == 100.0


def test_csv_cells_never_start_a_formula() -> None:
    assert _csv_cell("=SUM(A1)") == "'=SUM(A1)" and _csv_cell("@x") == "'@x" and _csv_cell("ok") == "ok"
