"""Validation of reader input: every problem named by field, with what to do about it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from service.models import ROLES

EMAIL_RE = re.compile(r"^[^@\s<>\"']{1,64}@[^@\s<>\"']+\.[^@\s<>\"']{2,}$")
ID_RE = re.compile(r"^[0-9a-f]{32}$")
REPORT_REASONS = ("abuse", "child_data", "personal_information", "spam", "misinformation", "other")
# Control characters a database or a log should never see; newlines and tabs are kept.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InputError(Exception):
    """The request cannot be accepted; carries an HTTP status and per-field errors."""

    def __init__(self, status: int, message: str, errors: list[dict[str, str]] | None = None,
                 code: str = "invalid_request", headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []
        self.code = code
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"error": self.code, "message": self.message}
        if self.errors:
            out["errors"] = self.errors
        return out


def clean_text(value: str) -> str:
    """Remove NULs and control characters; replace lone surrogates so storage never fails."""
    value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _CONTROL_RE.sub("", value)


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            400,
            f"The request body is not valid JSON ({exc}). Send a JSON object with "
            "Content-Type: application/json.",
            code="invalid_json",
        ) from None


@dataclass
class SubmissionIn:
    author: str
    text: str
    email: str | None = None
    notify: bool = False
    parent_id: str | None = None
    role: str | None = None
    answers: dict[str, str] | None = None
    errors: list[dict[str, str]] = field(default_factory=list)


KNOWN_FIELDS = {"author", "text", "email", "notify", "parent_id", "role", "answers"}


def validate_submission(
    data: Any, *, max_chars: int, kind: str, question_ids: list[str]
) -> SubmissionIn:
    if not isinstance(data, dict):
        raise InputError(422, "The body must be a JSON object like "
                         '{"author": "Sam", "text": "..."}.',
                         [{"field": "body", "message": "expected a JSON object"}],
                         code="validation_failed")
    errors: list[dict[str, str]] = []

    def err(name: str, message: str) -> None:
        errors.append({"field": name, "message": message})

    for name in sorted(set(data) - KNOWN_FIELDS):
        err(name, f"unknown field; allowed fields are {', '.join(sorted(KNOWN_FIELDS))}")

    author = data.get("author")
    if not isinstance(author, str) or not clean_text(author).strip():
        err("author", "required: a display name of 1 to 100 characters")
        author = ""
    else:
        author = " ".join(clean_text(author).split())
        if len(author) > 100:
            err("author", f"too long ({len(author)} characters); use at most 100")

    answers_in = data.get("answers")
    answers: dict[str, str] | None = None
    if answers_in is not None:
        if kind != "consultation":
            err("answers", "only consultations take answers; send your comment in 'text'")
        elif not isinstance(answers_in, dict):
            err("answers", 'must be an object of question id to answer, e.g. {"q1": "..."}')
        else:
            answers = {}
            for qid, ans in answers_in.items():
                if qid not in question_ids:
                    asked = ", ".join(question_ids) or "no questions"
                    err(f"answers.{qid}", f"unknown question; this consultation asks {asked}")
                elif not isinstance(ans, str):
                    err(f"answers.{qid}", "must be text")
                elif clean_text(ans).strip():
                    answers[qid] = clean_text(ans).strip()
                    if len(answers[qid]) > max_chars:
                        raise InputError(413, f"answers.{qid} is {len(answers[qid])} characters; "
                                         f"the limit is {max_chars}. Shorten it and send again.",
                                         [{"field": f"answers.{qid}", "message": f"at most {max_chars} characters"}],
                                         code="too_large")

    text = data.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        err("text", "must be a string")
        text = ""
    text = clean_text(text).strip()
    if not text and not answers:
        err("text", "required: write your comment (1 to "
            f"{max_chars} characters)" + (" or answer at least one question" if kind == "consultation" else ""))
    elif len(text) > max_chars:
        raise InputError(413, f"text is {len(text)} characters; the limit is {max_chars}. "
                         "Shorten it and send again.",
                         [{"field": "text", "message": f"at most {max_chars} characters"}],
                         code="too_large")

    email = data.get("email")
    if email in ("", None):
        email = None
    elif not isinstance(email, str) or not EMAIL_RE.match(email.strip()) or len(email) > 320:
        err("email", "not a valid email address; leave it out or use the form name@example.org")
        email = None
    else:
        email = email.strip().lower()

    notify = data.get("notify", False)
    if not isinstance(notify, bool):
        err("notify", "must be true or false")
        notify = False
    if notify and not email:
        err("notify", "needs an email address to notify; add 'email' or set notify to false")

    parent_id = data.get("parent_id")
    if parent_id is not None:
        if kind != "article":
            err("parent_id", "replies are only possible on comment threads")
        elif not isinstance(parent_id, str) or not ID_RE.match(parent_id):
            err("parent_id", "must be the id of a published comment on this thread")

    role = data.get("role")
    if role is not None and role not in ROLES:
        err("role", f"unknown role; use one of {', '.join(ROLES)}")

    if errors:
        raise InputError(422, "Some fields need attention: " +
                         "; ".join(f"{e['field']}: {e['message']}" for e in errors),
                         errors, code="validation_failed")
    return SubmissionIn(author=author, text=text, email=email, notify=notify,
                        parent_id=parent_id, role=role, answers=answers)


def validate_report(data: Any) -> tuple[str, str | None]:
    if not isinstance(data, dict):
        raise InputError(422, 'The body must be a JSON object like {"reason": "abuse"}.',
                         [{"field": "body", "message": "expected a JSON object"}],
                         code="validation_failed")
    errors = []
    reason = data.get("reason")
    if reason not in REPORT_REASONS:
        errors.append({"field": "reason", "message": f"required; use one of {', '.join(REPORT_REASONS)}"})
    note = data.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > 2000):
        errors.append({"field": "note", "message": "optional text of at most 2,000 characters"})
        note = None
    if errors:
        raise InputError(422, "Some fields need attention: " +
                         "; ".join(f"{e['field']}: {e['message']}" for e in errors),
                         errors, code="validation_failed")
    return str(reason), clean_text(note).strip() or None if note else None
