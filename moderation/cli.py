"""`safeguard score` and `safeguard evaluate`: JSONL in, scores, decisions and metrics out."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from moderation.assess import Moderator
from moderation.policy import DEFAULT_POLICY, Policy, PolicyError, decide
from moderation.types import Assessment, Decision

__all__ = ["main", "main_evaluate", "main_score", "register"]


BACKENDS = ("auto", "embedded", "detoxify")
TOXIC_CODES = frozenset({"toxicity", "banned_word", "suspect_word"})
# Same length replacement keeps span offsets valid and lets the JSON output be written as UTF-8.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class UsageError(Exception):
    """A problem with the command line or its files, reported with exit status 2."""


# --- argument parsing ------------------------------------------------------------------------


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too small; use 1 or more")
    return number


def _add_common(parser: argparse.ArgumentParser) -> None:
    env = os.environ
    parser.add_argument("--policy", metavar="FILE", help="JSON policy file (default: the built-in default policy)")
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default=env.get("SAFEGUARD_TOXICITY_BACKEND", "auto"),
        help="toxicity backend (default: $SAFEGUARD_TOXICITY_BACKEND or auto)",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive_int,
        default=64,
        metavar="N",
        help="texts scored per batch (default 64)",
    )
    parser.add_argument("--model", default=env.get("SAFEGUARD_DETOXIFY_MODEL") or None)
    parser.add_argument("--checkpoint", default=env.get("SAFEGUARD_DETOXIFY_CHECKPOINT") or None)
    parser.add_argument("--config-dir", default=env.get("SAFEGUARD_DETOXIFY_CONFIG_DIR") or None)
    parser.add_argument("--threads", type=_positive_int, default=None, metavar="N")
    parser.add_argument("--rules-only", action="store_true",
                        help="switch off the learned text models and use the rules alone")


def register(subparsers: Any) -> None:
    """Add the ``score`` and ``evaluate`` subcommands; each sets ``handler(args) -> int``."""
    score = subparsers.add_parser(
        "score",
        help="score JSONL comments from stdin",
        description=(
            'Reads JSONL {"id", "text"} on stdin and writes one JSON line per comment: '
            "toxicity, child_data, decision and reasons. Bad lines are reported on stderr "
            "with their line number (exit status 1); the rest are still scored."
        ),
    )
    _add_common(score)
    score.add_argument("--info", action="store_true", help="print the active backend and why, then exit")
    score.set_defaults(handler=_run_score)

    evaluate = subparsers.add_parser(
        "evaluate",
        help="precision/recall/F1 on a labelled JSONL file",
        description=(
            "Reads labelled JSONL (text, child_data, toxic, note?) and prints precision, recall "
            "and F1 for child_data and toxic under the policy, then the items it got wrong."
        ),
    )
    evaluate.add_argument("file", help="labelled JSONL, e.g. tests/data/eval.jsonl")
    _add_common(evaluate)
    evaluate.add_argument(
        "--show-errors",
        type=int,
        default=20,
        metavar="N",
        help="show at most N wrong items (default 20; 0 hides them)",
    )
    evaluate.add_argument("--json", action="store_true", help="print the metrics as JSON")
    evaluate.set_defaults(handler=_run_evaluate)


def load_policy(path: str | None) -> Policy:
    """The policy in a JSON file, or the default; UsageError names the file and each field."""
    if not path:
        return DEFAULT_POLICY
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read policy file {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"policy file {path} is not valid JSON: {exc}") from None
    try:
        return Policy.from_dict(data)
    except PolicyError as exc:
        lines = "\n".join(f"  {e['field']}: {e['message']}" for e in exc.errors)
        raise UsageError(f"policy file {path} has problems:\n{lines}") from None


def _moderator(args: argparse.Namespace) -> Moderator:
    from moderation.assess import build_moderator

    options: dict[str, Any] = {}
    for name in ("model", "checkpoint", "config_dir", "threads"):
        if getattr(args, name, None) is not None:
            options[name] = getattr(args, name)
    return build_moderator(args.backend, learned=not args.rules_only, **options)


def _handle(run: Callable[[], int]) -> int:
    try:
        return run()
    except UsageError as exc:
        print(f"safeguard: {exc}", file=sys.stderr)
        return 2


def _run_score(args: argparse.Namespace) -> int:
    def run() -> int:
        policy = load_policy(args.policy)
        moderator = _moderator(args)
        if args.info:
            print(f"backend: {moderator.backend}")
            print(f"why: {moderator.why}")
            print(f"learned: {moderator.learned}")
            return 0
        return main_score(
            sys.stdin.buffer,
            sys.stdout,
            sys.stderr,
            moderator=moderator,
            policy=policy,
            batch_size=args.batch_size,
        )

    return _handle(run)


def _run_evaluate(args: argparse.Namespace) -> int:
    def run() -> int:
        policy = load_policy(args.policy)
        try:
            handle = open(args.file, "rb")
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
        with handle:
            moderator = _moderator(args)
            return main_evaluate(
                handle,
                sys.stdout,
                sys.stderr,
                moderator=moderator,
                policy=policy,
                batch_size=args.batch_size,
                show_errors=args.show_errors,
                as_json=args.json,
                source=args.file,
            )

    return _handle(run)


# --- reading JSONL ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    line: int
    data: dict[str, Any]
    text: str


def _items(lines: Iterable[str | bytes], err: IO[str], required: tuple[str, ...] = ()) -> Iterator[_Item | None]:
    """Parsed objects with a string ``text``; None (after an error on ``err``) for bad lines."""
    for number, raw in enumerate(lines, start=1):
        line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})", file=err)
            yield None
            continue
        problem = None
        if not isinstance(data, dict):
            problem = 'expected a JSON object like {"id": 1, "text": "..."}'
        elif "text" not in data:
            problem = 'no "text" field'
        elif not isinstance(data["text"], str):
            problem = '"text" must be a string'
        else:
            missing = [name for name in required if not isinstance(data.get(name), bool)]
            if missing:
                problem = " and ".join(f'"{name}"' for name in missing) + " must be true or false"
        if problem:
            print(f"line {number}: {problem}; skipped", file=err)
            yield None
            continue
        yield _Item(number, data, _SURROGATE_RE.sub("\ufffd", data["text"]))


def _batches(items: Iterator[_Item | None], size: int, bad: list[int]) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    for item in items:
        if item is None:
            bad.append(1)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _decided(moderator: Moderator, policy: Policy, batch: list[_Item]) -> list[tuple[_Item, Assessment, Decision]]:
    assessments = moderator.assess_batch([item.text for item in batch])
    return [
        (item, a, decide(a, policy, first_time=item.data.get("first_time") is True))
        for item, a in zip(batch, assessments, strict=True)
    ]


# --- score -----------------------------------------------------------------------------------


def score_record(item_id: Any, assessment: Assessment, decision: Decision) -> dict[str, Any]:
    """The JSON line ``safeguard score`` writes for one comment (field names are relied on)."""
    return {
        "id": item_id,
        "toxicity": {label: round(p, 4) for label, p in assessment.toxicity.items()},
        "child_data": assessment.child_data.to_dict(),
        "decision": decision.status,
        "reasons": [reason.to_dict() for reason in decision.reasons],
    }


def main_score(
    lines: Iterable[str | bytes],
    out: IO[str],
    err: IO[str],
    *,
    moderator: Moderator,
    policy: Policy = DEFAULT_POLICY,
    batch_size: int = 64,
) -> int:
    """Score JSONL lines in batches, writing as each batch completes; 1 if any line was bad.

    A line without an "id" is identified by its line number; an optional boolean
    "first_time" is passed to the policy.
    """
    bad: list[int] = []
    for batch in _batches(_items(lines, err), batch_size, bad):
        for item, assessment, decision in _decided(moderator, policy, batch):
            record = score_record(item.data.get("id", item.line), assessment, decision)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if bad else 0


# --- evaluate --------------------------------------------------------------------------------


def _predicted(decision: Decision) -> dict[str, bool]:
    codes = {reason.code for reason in decision.reasons}
    return {
        "child_data": "child_data" in codes,
        "toxic": decision.status in ("hold", "reject") and bool(codes & TOXIC_CODES),
    }


def _metrics(pairs: list[tuple[bool, bool]]) -> dict[str, float | int]:
    tp = sum(1 for truth, pred in pairs if truth and pred)
    fp = sum(1 for truth, pred in pairs if pred and not truth)
    fn = sum(1 for truth, pred in pairs if truth and not pred)
    tn = len(pairs) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "support": tp + fn,
    }


def _shorten(text: str, limit: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def main_evaluate(
    lines: Iterable[str | bytes],
    out: IO[str],
    err: IO[str],
    *,
    moderator: Moderator,
    policy: Policy = DEFAULT_POLICY,
    batch_size: int = 64,
    show_errors: int = 20,
    as_json: bool = False,
    source: str = "",
) -> int:
    """Print precision / recall / F1 for child_data and toxic, then the wrong items.

    Returns 1 if any line was unusable (reported on ``err``), else 0.
    """
    labels = ("child_data", "toxic")
    pairs: dict[str, list[tuple[bool, bool]]] = {label: [] for label in labels}
    wrong: list[dict[str, Any]] = []
    bad: list[int] = []
    items = _items(lines, err, required=labels)
    for batch in _batches(items, batch_size, bad):
        for item, _assessment, decision in _decided(moderator, policy, batch):
            predicted = _predicted(decision)
            for label in labels:
                truth = item.data[label]
                pairs[label].append((truth, predicted[label]))
                if truth != predicted[label]:
                    wrong.append(
                        {
                            "line": item.line,
                            "label": label,
                            "error": "false negative" if truth else "false positive",
                            "decision": decision.status,
                            "reasons": sorted({r.code for r in decision.reasons}),
                            "text": item.text,
                            "note": item.data.get("note", ""),
                        }
                    )
    metrics = {label: _metrics(pairs[label]) for label in labels}
    count = len(pairs["toxic"])
    if as_json:
        report = {
            "source": source,
            "backend": moderator.backend,
            "items": count,
            "metrics": metrics,
            "errors": wrong[: max(show_errors, 0)],
        }
        out.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return 1 if bad else 0

    out.write(f"{source or 'input'}: {count} items, backend {moderator.backend}\n\n")
    out.write(f"{'label':<12}{'precision':>10}{'recall':>8}{'F1':>8}{'TP':>6}{'FP':>5}{'FN':>5}{'TN':>6}\n")
    for label in labels:
        m = metrics[label]
        out.write(
            f"{label:<12}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
            f"{m['tp']:>6}{m['fp']:>5}{m['fn']:>5}{m['tn']:>6}\n"
        )
    if show_errors > 0 and wrong:
        shown = wrong[:show_errors]
        out.write(f"\nWrong ({len(shown)} of {len(wrong)}):\n")
        for w in shown:
            note = f"  [{w['note']}]" if w["note"] else ""
            out.write(
                f"  line {w['line']:>4}  {w['error']:<14} {w['label']:<10} "
                f"{w['decision']:<7} {_shorten(w['text'])}{note}\n"
            )
    elif not wrong:
        out.write("\nNo wrong items.\n")
    return 1 if bad else 0


# --- standalone entry point (`python -m moderation.cli score`) --------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m moderation.cli")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
