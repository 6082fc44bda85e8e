"""Plain values passed between the scorers, the policy and the service (the moderation contract)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

TOXICITY_LABELS: tuple[str, ...] = (
    "toxicity",
    "severe_toxicity",
    "obscene",
    "threat",
    "insult",
    "identity_attack",
)

CHILD_DATA_KINDS: tuple[str, ...] = (
    "child_name",
    "age",
    "date_of_birth",
    "school",
    "address",
    "location",
    "contact",
    "case_reference",
    "care_status",
    "health_or_sen",
    "abuse_or_exploitation",
)

REASON_CODES: tuple[str, ...] = (
    "child_data",
    "toxicity",
    "banned_word",
    "suspect_word",
    "links",
    "premoderation",
    "first_time",
    "length",
)

DecisionStatus = Literal["publish", "hold", "reject"]


@dataclass(frozen=True, slots=True)
class Span:
    """A flagged run of the original text: ``text == original[start:end]``."""

    start: int
    end: int
    kind: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class ChildDataResult:
    """What the children's-personal-data detector found in one text."""

    score: float
    spans: tuple[Span, ...] = ()
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "spans": [s.to_dict() for s in self.spans],
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the scorers say about one text; the policy decides from this alone."""

    text: str
    toxicity: dict[str, float]
    child_data: ChildDataResult
    toxicity_spans: tuple[Span, ...] = ()
    backend: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    """One machine-readable reason a decision was taken, with a sentence for people."""

    code: str
    message: str
    label: str | None = None
    score: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.label is not None:
            out["label"] = self.label
        if self.score is not None:
            out["score"] = round(self.score, 4)
        out.update(self.detail)
        return out


@dataclass(frozen=True, slots=True)
class Decision:
    status: DecisionStatus
    reasons: tuple[Reason, ...] = ()


class ToxicityScorer(Protocol):
    """Scores texts in batches; one dict of TOXICITY_LABELS -> probability per text."""

    name: str
    why: str

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]: ...


class ChildDataDetector(Protocol):
    def detect_batch(self, texts: Sequence[str]) -> list[ChildDataResult]: ...
