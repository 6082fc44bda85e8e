"""Detoxify backend: a tiny BERT checkpoint in Detoxify's format, loaded and run fully offline."""

from __future__ import annotations

import importlib.util
import os
import socket
from pathlib import Path

import pytest

from moderation.types import TOXICITY_LABELS

pytestmark = pytest.mark.torch


def require_torch_stack() -> None:
    """Skip when torch/transformers/detoxify are missing; in CI (CI set) that is a failure."""
    missing = [m for m in ("torch", "transformers", "detoxify")
               if importlib.util.find_spec(m) is None]
    if not missing:
        return
    reason = f"{', '.join(missing)} not installed (pip install 'safeguard[detoxify]')"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the Detoxify tests: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _torch_stack(monkeypatch):
    require_torch_stack()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture
def no_network(monkeypatch):
    """Refuses and records every outbound connection or DNS look-up made during the test."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> tuple[str, str]:
    require_torch_stack()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from tests.moderation.tiny_detoxify import build_checkpoint

    texts = ["you are an idiot", "thank you for the thoughtful article about kinship care"]
    return build_checkpoint(tmp_path_factory.mktemp("tiny-original"), texts=texts,
                            max_positions=300)


def test_offline_checkpoint_loads_and_predicts_without_network(tiny, no_network):
    from moderation.toxicity import load_scorer

    checkpoint, config_dir = tiny
    scorer = load_scorer("detoxify", checkpoint=checkpoint, config_dir=config_dir, threads=1,
                         batch_size=4)
    texts = ["you are an idiot", "", "a lovely article 🎉", "Привет", "x " * 40, "kinship care"]
    results = scorer.score_batch(texts)

    assert no_network == []
    assert scorer.name == "detoxify:original"
    assert "offline" in scorer.why and checkpoint in scorer.why
    assert len(results) == len(texts)
    for row in results:
        assert tuple(row) == TOXICITY_LABELS
        assert all(0.0 <= v <= 1.0 for v in row.values())
    # Random weights still give different inputs different scores: the model really ran.
    assert len({tuple(r.values()) for r in results}) > 1


def test_batches_give_the_same_scores_as_single_texts(tiny, no_network):
    from moderation.toxicity import load_scorer

    checkpoint, config_dir = tiny
    scorer = load_scorer("detoxify", checkpoint=checkpoint, config_dir=config_dir, threads=1,
                         batch_size=3)
    texts = [f"comment number {i} about the care review" for i in range(7)] + ["you idiot"]
    batched = scorer.score_batch(texts)
    singles = [scorer.score_batch([t])[0] for t in texts]
    for a, b in zip(batched, singles, strict=True):
        for label in TOXICITY_LABELS:
            assert a[label] == pytest.approx(b[label], abs=2e-3)
    assert no_network == []


def test_long_text_is_truncated_for_the_model(tiny, no_network):
    from moderation.toxicity import load_scorer

    checkpoint, config_dir = tiny
    scorer = load_scorer("detoxify", checkpoint=checkpoint, config_dir=config_dir, threads=1)
    # The tiny model only has 300 positions: without truncation this would raise.
    (row,) = scorer.score_batch(["word " * 20_000])
    assert tuple(row) == TOXICITY_LABELS


def test_threads_are_bounded(tiny):
    import torch

    from moderation.toxicity import load_scorer

    checkpoint, config_dir = tiny
    load_scorer("detoxify", checkpoint=checkpoint, config_dir=config_dir, threads=1,
                batch_size=16)
    assert torch.get_num_threads() == 1


def test_auto_picks_detoxify_when_a_checkpoint_is_present(tiny, no_network):
    from moderation.toxicity import load_scorer

    checkpoint, config_dir = tiny
    scorer = load_scorer("auto", checkpoint=checkpoint, config_dir=config_dir, threads=1,
                         batch_size=8)
    assert scorer.name == "detoxify:original"
    assert scorer.why.startswith("auto:")
    assert no_network == []


def test_unbiased_labels_map_onto_ours(tmp_path, no_network):
    from moderation.toxicity import load_scorer
    from tests.moderation.tiny_detoxify import build_checkpoint

    # Unbiased-style names, without "obscene": whatever obscene gets comes from sexual_explicit.
    classes = ("toxicity", "severe_toxicity", "identity_attack", "sexual_explicit")
    checkpoint, config_dir = build_checkpoint(tmp_path, classes=classes, seed=3)
    scorer = load_scorer("detoxify", model="unbiased", checkpoint=checkpoint,
                         config_dir=config_dir, threads=1)
    (row,) = scorer.score_batch(["some text"])
    assert tuple(row) == TOXICITY_LABELS
    assert scorer.name == "detoxify:unbiased"
    assert row["obscene"] > 0.0 and row["identity_attack"] > 0.0
    assert row["insult"] == 0.0 and row["threat"] == 0.0
    assert no_network == []


def test_missing_labels_score_zero(tmp_path):
    from moderation.toxicity import load_scorer
    from tests.moderation.tiny_detoxify import build_checkpoint

    checkpoint, config_dir = build_checkpoint(tmp_path, classes=("toxic",), seed=4)
    scorer = load_scorer("detoxify", checkpoint=checkpoint, config_dir=config_dir, threads=1)
    (row,) = scorer.score_batch(["some text"])
    assert row["toxicity"] > 0.0
    assert all(row[label] == 0.0 for label in TOXICITY_LABELS if label != "toxicity")


def test_not_a_detoxify_checkpoint_is_refused_clearly(tmp_path):
    import torch

    from moderation.toxicity import load_scorer

    bad = tmp_path / "bad.ckpt"
    torch.save({"weights": {}}, bad)
    (tmp_path / "hf").mkdir()
    with pytest.raises(ValueError, match="not a Detoxify checkpoint"):
        load_scorer("detoxify", checkpoint=str(bad), config_dir=str(tmp_path / "hf"))
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_scorer("detoxify", checkpoint=str(Path(tmp_path) / "missing.ckpt"),
                    config_dir=str(tmp_path / "hf"))


def test_online_path_refuses_quickly_when_offline_and_nothing_is_cached(tmp_path, monkeypatch,
                                                                        no_network):
    from moderation.toxicity import load_scorer

    monkeypatch.setenv("TORCH_HOME", str(tmp_path))  # empty hub cache
    with pytest.raises(RuntimeError, match="checkpoint= .* config_dir="):
        load_scorer("detoxify", model="original-small", threads=1, batch_size=5)
    assert no_network == []
