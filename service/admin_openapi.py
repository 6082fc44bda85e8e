"""OpenAPI paths of the admin JSON API, added to service.openapi.PATHS when the routes load."""

from __future__ import annotations

from typing import Any

from service.openapi import PATHS, SCHEMAS, _error

SITE = [{"name": "site", "in": "path", "required": True, "schema": {"type": "string"}}]
THREAD = SITE + [{"name": "thread", "in": "path", "required": True, "schema": {"type": "string"}}]
SECURITY: list[dict[str, list[str]]] = [{"apiKey": []}]
P = "/api/v1/admin/sites/{site}"


def _json(ref: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def _op(summary: str, params: list[dict[str, Any]], ok: str = "200", body: str | None = None,
        extra: dict[str, Any] | None = None, result: str | None = None) -> dict[str, Any]:
    responses: dict[str, Any] = {
        ok: {"description": "done", **(_json(result) if result else {})},
        "401": _error("missing, unknown or revoked API key"),
        "403": _error("the key belongs to another site"),
    }
    if body:
        responses["422"] = _error("field errors, listed; nothing was saved")
    responses.update(extra or {})
    op: dict[str, Any] = {"summary": summary, "tags": ["admin"], "security": SECURITY,
                          "parameters": params, "responses": responses}
    if body:
        op["requestBody"] = {"required": True, **_json(body)}
    return op


ADMIN_SCHEMAS: dict[str, Any] = {
    "AdminSite": {"type": "object", "properties": {
        "key": {"type": "string"}, "name": {"type": "string"},
        "origins": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "policy": {"$ref": "#/components/schemas/Policy"},
        "retention_days": {"type": ["integer", "null"], "minimum": 1, "maximum": 3650},
        "notify_replies": {"type": "boolean"},
        "rejection_notice": {"type": ["string", "null"], "maxLength": 2000}}},
    "Policy": {"type": "object", "properties": {
        "mode": {"type": "string", "enum": ["premoderate", "hold_flagged", "postmoderate"]},
        "toxicity_hold": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}},
        "toxicity_reject": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}},
        "child_data_hold": {"type": "number", "minimum": 0, "maximum": 1},
        "banned_words": {"type": "array", "items": {"type": "string"}},
        "suspect_words": {"type": "array", "items": {"type": "string"}},
        "hold_links": {"type": "boolean"}, "premoderate_first_time": {"type": "boolean"},
        "max_length": {"type": "integer", "minimum": 1}}},
    "AdminThread": {"type": "object", "required": ["key", "title"], "properties": {
        "key": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$"},
        "kind": {"type": "string", "enum": ["article", "consultation", "feedback"]},
        "title": {"type": "string", "maxLength": 300}, "url": {"type": ["string", "null"]},
        "intro": {"type": ["string", "null"]},
        "opens_at": {"type": ["string", "null"], "format": "date-time"},
        "closes_at": {"type": ["string", "null"], "format": "date-time",
                      "description": "must be after opens_at"},
        "questions": {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "object", "properties": {
            "id": {"type": "string"}, "text": {"type": "string"}}}]}},
        "publish_responses": {"type": "boolean"},
        "policy_overrides": {"$ref": "#/components/schemas/Policy"}}},
    "WordListChange": {"type": "object", "required": ["list", "action", "words"], "properties": {
        "list": {"type": "string", "enum": ["banned", "suspect"]},
        "action": {"type": "string", "enum": ["add", "remove", "replace"]},
        "words": {"type": "array", "items": {"type": "string"}}}},
    "TryPolicy": {"type": "object", "required": ["text"], "properties": {
        "text": {"type": "string"}, "policy": {"$ref": "#/components/schemas/Policy"},
        "thread": {"type": "string", "description": "apply this thread's overrides"},
        "first_time": {"type": "boolean"}}},
    "TryResult": {"type": "object", "properties": {
        "decision": {"type": "string", "enum": ["publish", "hold", "reject"]},
        "reasons": {"type": "array", "items": {"type": "object"}},
        "spans": {"type": "array", "items": {"type": "object", "properties": {
            "start": {"type": "integer"}, "end": {"type": "integer"}, "kind": {"type": "string"},
            "text": {"type": "string"}}}},
        "stored": {"type": "boolean", "const": False}}},
    "ApiKeyIn": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
    "ApiKeyCreated": {"type": "object", "properties": {
        "id": {"type": "integer"}, "name": {"type": "string"},
        "key": {"type": "string", "description": "shown only in this response"}}},
    "WebhookIn": {"type": "object", "required": ["url"], "properties": {
        "url": {"type": "string", "format": "uri"},
        "events": {"type": "array", "items": {"type": "string", "enum": [
            "submission.held", "submission.published", "submission.rejected", "report.created"]}},
        "description": {"type": "string"}}},
    "EraseIn": {"type": "object", "required": ["email", "mode"], "properties": {
        "email": {"type": "string", "format": "email"},
        "mode": {"type": "string", "enum": ["remove", "anonymise"]}}},
    "MemberIn": {"type": "object", "required": ["email", "role"], "properties": {
        "email": {"type": "string", "format": "email"},
        "role": {"type": "string", "enum": ["owner", "moderator"]},
        "password": {"type": "string", "minLength": 10, "description": "only to create a new account"}}},
    "EmailIn": {"type": "object", "required": ["email"], "properties": {
        "email": {"type": "string", "format": "email"}}},
}


def _paths() -> dict[str, Any]:
    key_id = SITE + [{"name": "key_id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    hook_id = SITE + [{"name": "webhook_id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    notfound = {"404": _error("no such thread")}
    return {
        P: {"get": _op("The site: name, origins, policy, retention and notification settings", SITE,
                       result="AdminSite"),
            "patch": _op("Change the site (any of name, origins, policy, retention_days, notify_replies, "
                         "rejection_notice); audited", SITE, body="AdminSite", result="AdminSite")},
        P + "/policy": {
            "get": _op("The site's moderation policy", SITE, result="Policy"),
            "put": _op("Replace the policy (missing settings take defaults); audited with before/after",
                       SITE, body="Policy", result="Policy"),
            "patch": _op("Change some policy settings (threshold maps merge per label); audited",
                         SITE, body="Policy", result="Policy")},
        P + "/policy/history": {"get": _op("Policy changes: who, when, before, after", SITE)},
        P + "/policy/try": {"post": _op("Score a pasted comment under the (or a candidate) policy; "
                                        "stores nothing", SITE, body="TryPolicy", result="TryResult")},
        P + "/wordlists": {
            "get": _op("Banned and suspect word lists", SITE),
            "post": _op("Add, remove or replace words of a list", SITE, body="WordListChange")},
        P + "/threads": {
            "get": _op("Threads of the site, newest first", SITE),
            "post": _op("Create a thread (e.g. when the CMS publishes an article)", SITE, ok="201",
                        body="AdminThread", result="AdminThread",
                        extra={"409": _error("a thread with this key exists")})},
        P + "/threads/{thread}": {
            "get": _op("One thread", THREAD, result="AdminThread", extra=notfound),
            "patch": _op("Change a thread (not its key); policy overrides are audited", THREAD,
                         body="AdminThread", result="AdminThread", extra=notfound)},
        P + "/threads/{thread}/export.csv": {"get": _op(
            "All responses of the thread (any status) as CSV, streamed", THREAD, extra=notfound)},
        P + "/threads/{thread}/export.json": {"get": _op(
            "All responses of the thread (any status) as a JSON array, streamed", THREAD, extra=notfound)},
        P + "/threads/{thread}/summary": {"get": _op(
            "Counts by role, by status and per day", THREAD, extra=notfound)},
        P + "/threads/{thread}/summary.svg": {"get": _op(
            "Responses per day as an SVG bar chart", THREAD, extra=notfound)},
        P + "/keys": {"get": _op("API keys (never the keys themselves)", SITE),
                      "post": _op("Create an API key; the key is in this response only", SITE, ok="201",
                                  body="ApiKeyIn", result="ApiKeyCreated")},
        P + "/keys/{key_id}": {"delete": _op("Revoke an API key", key_id)},
        P + "/webhooks": {"get": _op("Webhooks of the site", SITE),
                          "post": _op("Add a webhook; its signing secret is in this response only",
                                      SITE, ok="201", body="WebhookIn")},
        P + "/webhooks/{webhook_id}": {"delete": _op("Delete a webhook", hook_id)},
        P + "/webhooks/{webhook_id}/deliveries": {"get": _op(
            "The last deliveries with status code and response", hook_id)},
        P + "/webhooks/{webhook_id}/ping": {"post": _op("Queue a test delivery (event ping)", hook_id,
                                                        ok="202")},
        P + "/commenters/erase": {"post": _op(
            "Erase a commenter's data by email: remove or anonymise their submissions; audited "
            "without the erased content", SITE, body="EraseIn")},
        P + "/commenters/export": {"post": _op("A commenter's data as JSON", SITE, body="EmailIn")},
        P + "/retention/run": {"post": _op("Purge now what the retention setting allows", SITE)},
        P + "/members": {"get": _op("Moderators and owners of the site", SITE),
                         "post": _op("Add a person or change their role (password only for a new account)",
                                     SITE, ok="201", body="MemberIn")},
        P + "/members/{member_id}": {"delete": _op("Remove a person from the site (never the last owner)", SITE + [
            {"name": "member_id", "in": "path", "required": True, "schema": {"type": "integer"}}])},
    }


def register() -> None:
    SCHEMAS.update(ADMIN_SCHEMAS)
    PATHS.update(_paths())
