"""The OpenAPI 3.1 description served at /openapi.json; features add their paths through PATHS."""

from __future__ import annotations

from typing import Any

from service.models import ROLES
from service.settings import Settings
from service.validation import REPORT_REASONS

STATUS_ENUM = ["received", "published", "accepted", "held", "rejected", "removed"]


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


SITE_THREAD = [
    {"name": "site", "in": "path", "required": True, "schema": {"type": "string"}},
    {"name": "thread", "in": "path", "required": True, "schema": {"type": "string"}},
]
SUBMISSION_ID = [{"name": "submission_id", "in": "path", "required": True,
                  "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"}}]

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": {"type": "string", "description": "machine-readable code"},
            "message": {"type": "string", "description": "what was wrong and what to do"},
            "errors": {"type": "array", "items": {
                "type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}},
        },
    },
    "Thread": {
        "type": "object",
        "properties": {
            "site": {"type": "string"}, "thread": {"type": "string"},
            "kind": {"type": "string", "enum": ["article", "consultation", "feedback"]},
            "title": {"type": "string"}, "url": {"type": ["string", "null"]},
            "intro": {"type": ["string", "null"]},
            "state": {"type": "string", "enum": ["open", "closed", "not_open"]},
            "open": {"type": "boolean"},
            "opens_at": {"type": ["string", "null"], "format": "date-time"},
            "closes_at": {"type": ["string", "null"], "format": "date-time"},
            "questions": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"}, "text": {"type": "string"}}}},
            "publishes_responses": {"type": "boolean"},
        },
    },
    "PublicItem": {
        "type": "object",
        "properties": {
            "id": {"type": "string"}, "parent_id": {"type": ["string", "null"]},
            "author": {"type": "string"},
            "html": {"type": "string", "description": "sanitised HTML; raw text is never served"},
            "created_at": {"type": "string", "format": "date-time"},
            "role": {"type": "string"}, "answers_html": {"type": "object"},
            "replies": {"type": "array", "items": {"$ref": "#/components/schemas/PublicItem"}},
        },
    },
    "Page": {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/PublicItem"}},
            "next_cursor": {"type": ["string", "null"]},
            "total": {"type": "integer"},
            "order": {"type": "string", "enum": ["oldest", "newest"]},
        },
    },
    "SubmissionIn": {
        "type": "object",
        "required": ["author", "text"],
        "additionalProperties": False,
        "properties": {
            "author": {"type": "string", "minLength": 1, "maxLength": 100},
            "text": {"type": "string", "maxLength": 20000,
                     "description": "may be empty on a consultation when answers are given"},
            "email": {"type": "string", "format": "email"},
            "notify": {"type": "boolean"},
            "parent_id": {"type": "string", "description": "reply to this published comment"},
            "role": {"type": "string", "enum": list(ROLES)},
            "answers": {"type": "object", "additionalProperties": {"type": "string"},
                        "description": "question id -> answer (consultations)"},
        },
    },
    "Accepted": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "status": {"type": "string", "enum": STATUS_ENUM},
                       "message": {"type": "string", "description": "what to tell the reader"}},
    },
    "Status": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "status": {"type": "string", "enum": STATUS_ENUM},
                       "message": {"type": "string"}},
    },
    "ReportIn": {
        "type": "object", "required": ["reason"],
        "properties": {"reason": {"type": "string", "enum": list(REPORT_REASONS)},
                       "note": {"type": "string", "maxLength": 2000}},
    },
}

PATHS: dict[str, Any] = {
    "/healthz": {"get": {"summary": "Liveness: 200 when the database answers",
                         "responses": {"200": {"description": "ok"}, "503": {"description": "database down"}}}},
    "/api/v1/sites/{site}/threads/{thread}": {"get": {
        "summary": "A thread: kind, title, open or closed (and when), questions",
        "parameters": SITE_THREAD,
        "responses": {"200": {"description": "the thread", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Thread"}}}},
            "403": _error("Origin not allowed for this site"), "404": _error("no such site or thread")}}},
    "/api/v1/sites/{site}/threads/{thread}/submissions": {
        "get": {
            "summary": "Published submissions only, cursor-paged, replies nested under their top-level comment",
            "parameters": SITE_THREAD + [
                {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["oldest", "newest"]}},
                {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                {"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},
            ],
            "responses": {"200": {"description": "a page", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Page"}}}},
                "304": {"description": "not modified since the ETag you sent"},
                "403": _error("Origin not allowed"), "404": _error("no such thread"),
                "422": _error("bad order, limit or cursor")}},
        "post": {
            "summary": "Submit a comment, consultation response or feedback; decided asynchronously",
            "parameters": SITE_THREAD + [{"name": "Idempotency-Key", "in": "header",
                                          "schema": {"type": "string", "maxLength": 200}}],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/SubmissionIn"}}}},
            "responses": {"202": {"description": "stored; poll the status endpoint", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Accepted"}}}},
                "400": _error("body is not JSON"), "403": _error("Origin not allowed"),
                "404": _error("no such site or thread"), "409": _error("thread closed or not yet open"),
                "413": _error("text or body too large"), "422": _error("field errors, listed"),
                "429": _error("rate limited; see Retry-After")}},
    },
    "/api/v1/submissions/{submission_id}/status": {"get": {
        "summary": "The status of a submission (never the content of an unpublished item)",
        "parameters": SUBMISSION_ID,
        "responses": {"200": {"description": "status", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Status"}}}}, "404": _error("unknown id")}}},
    "/api/v1/submissions/{submission_id}/reports": {"post": {
        "summary": "Report a published comment to the moderators",
        "parameters": SUBMISSION_ID,
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/ReportIn"}}}},
        "responses": {"202": {"description": "recorded"}, "404": _error("no published comment with that id"),
                      "422": _error("bad reason or note"), "429": _error("rate limited")}}},
}


def build_spec(settings: Settings) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Safeguard API", "version": "1",
                 "description": "Comments, consultation responses and feedback, moderated for "
                                "toxicity and children's personal data before publication."},
        "servers": [{"url": settings.public_url}],
        "paths": dict(PATHS),
        "components": {"schemas": dict(SCHEMAS),
                       "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"}}},
    }
