"""Batch assessment of texts: toxicity scores plus children's-personal-data findings per text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from moderation.types import Assessment, ChildDataDetector, Span, ToxicityScorer

__all__ = ["Moderator", "build_moderator"]


class Moderator:
    """Runs one toxicity scorer and one child-data detector over batches of texts.

    Built once per process (model loading is the slow part) and shared by the worker.
    """

    def __init__(
        self,
        toxicity: ToxicityScorer,
        child_data: ChildDataDetector,
        *,
        span_threshold: float = 0.3,
    ) -> None:
        self.toxicity = toxicity
        self.child_data = child_data
        # Toxic-span highlighting costs a pass per text, so only texts a moderator may see get it.
        self.span_threshold = span_threshold

    @property
    def backend(self) -> str:
        return str(getattr(self.toxicity, "name", type(self.toxicity).__name__))

    @property
    def why(self) -> str:
        return str(getattr(self.toxicity, "why", ""))

    @property
    def learned(self) -> str:
        """Which learned text models (moderation.learned) are in use, in one line."""
        models = [m for m in (getattr(self.child_data, "_model", None), getattr(self.toxicity, "_learned", None))
                  if m is not None]
        if not models:
            return "none (rules only)"
        parts = [f"{m.name} ({len(m.weights):,} features, flags at p >= {m.threshold:.2f})" for m in models]
        sources = dict.fromkeys(name for m in models for name in m.trained_on)
        return f"{' and '.join(parts)}, trained on {', '.join(sources)}"

    def assess_batch(self, texts: Sequence[str]) -> list[Assessment]:
        """One Assessment per text, in order; one scorer call and one detector call per batch."""
        texts = list(texts)
        if not texts:
            return []
        scores = self.toxicity.score_batch(texts)
        children = self.child_data.detect_batch(texts)
        if len(scores) != len(texts) or len(children) != len(texts):
            raise RuntimeError(
                f"scorer returned {len(scores)} and detector {len(children)} results "
                f"for {len(texts)} texts"
            )
        spans_of = getattr(self.toxicity, "toxic_spans", None)
        backend = self.backend
        out: list[Assessment] = []
        for text, score, child in zip(texts, scores, children, strict=True):
            spans: tuple[Span, ...] = ()
            if callable(spans_of) and score and max(score.values()) >= self.span_threshold:
                spans = tuple(spans_of(text))
            out.append(
                Assessment(
                    text=text,
                    toxicity=dict(score),
                    child_data=child,
                    toxicity_spans=spans,
                    backend=backend,
                )
            )
        return out


def build_moderator(backend: str = "auto", *, learned: bool = True, **scorer_options: Any) -> Moderator:
    """Load the toxicity scorer (``moderation.toxicity.load_scorer``) and the child-data detector.

    ``backend`` is "auto", "embedded" or "detoxify"; ``scorer_options`` go to ``load_scorer``
    (model, checkpoint, config_dir, threads, batch_size). ``learned=False`` switches off the
    learned text models (moderation.learned), leaving the rules alone: for training and
    measuring them. Slow: call once per process.
    """
    # Imported here so that importing moderation.assess never loads a model or torch.
    from moderation.child_data import ChildDataDetector as Detector
    from moderation.toxicity import load_scorer

    return Moderator(load_scorer(backend, learned=learned, **scorer_options), Detector(learned=learned))
