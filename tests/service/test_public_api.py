"""The widget's public API, in-process over HTTP, on a real SQLite file with the real scorer."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from service.models import AuditEvent, Submission, Thread

pytestmark = pytest.mark.anyio

ARTICLE = "/api/v1/sites/demo/threads/welcome"
CONSULTATION = "/api/v1/sites/demo/threads/children-in-care-call-for-evidence"
FEEDBACK = "/api/v1/sites/demo/threads/page-feedback"
CLEAN = "The review is right that kinship carers need proper allowances, not warm words."
CHILD = ("My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds; "
         "she has been in foster care since the care order.")


async def post(svc: Any, text: str, *, path: str = ARTICLE, author: str = "Sam", **extra: Any) -> Any:
    return await svc.client.post(f"{path}/submissions", json={"author": author, "text": text, **extra})


async def decided(svc: Any, sid: str) -> str:
    await svc.drain()
    r = await svc.client.get(f"/api/v1/submissions/{sid}/status")
    assert r.status_code == 200
    return str(r.json()["status"])


async def count_rows(svc: Any, model: Any = Submission) -> int:
    async with svc.state.sessionmaker() as s:
        return int((await s.execute(select(func.count()).select_from(model))).scalar_one())


async def test_healthz_answers_when_the_database_does(service: Any) -> None:
    r = await service.client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["database"] == "ok"


async def test_thread_metadata(service: Any) -> None:
    r = await service.client.get(CONSULTATION)
    body = r.json()
    assert r.status_code == 200
    assert body["kind"] == "consultation" and body["open"] is True
    assert [q["id"] for q in body["questions"]] == ["q1", "q2"]
    assert body["closes_at"].startswith("2030-01-31")


async def test_clean_comment_is_published_with_sanitised_html(service: Any) -> None:
    r = await post(service, CLEAN + " See https://example.org/report")
    assert r.status_code == 202
    body = r.json()
    assert set(body) == {"id", "status", "message"} and body["status"] == "received"
    assert len(body["id"]) == 32
    assert await decided(service, body["id"]) == "published"
    page = (await service.client.get(f"{ARTICLE}/submissions")).json()
    [item] = page["items"]
    assert item["id"] == body["id"] and item["author"] == "Sam"
    assert 'href="https://example.org/report"' in item["html"]
    assert 'rel="nofollow ugc noopener"' in item["html"]


async def test_comment_naming_a_child_is_held_and_never_shown(service: Any) -> None:
    r = await post(service, CHILD)
    sid = r.json()["id"]
    assert await decided(service, sid) == "held"
    status = (await service.client.get(f"/api/v1/submissions/{sid}/status")).json()
    assert "Ellie" not in json.dumps(status)
    for params in ({}, {"order": "newest"}, {"order": "oldest", "limit": "100"}):
        page = (await service.client.get(f"{ARTICLE}/submissions", params=params)).text
        assert sid not in page and "Ellie" not in page
    async with service.state.sessionmaker() as s:
        sub = await s.get(Submission, sid)
        assert sub is not None and "child_data" in sub.reason_codes
        assert any(sp["kind"] == "child_name" for sp in sub.spans or [])
        events = (await s.execute(select(AuditEvent).where(AuditEvent.submission_id == sid))).scalars().all()
        assert [(e.from_status, e.to_status) for e in events] == [("received", "held")]


async def test_received_items_are_not_listed_before_their_decision(service: Any, moderator: Any) -> None:
    await service.state.queue.stop()  # nothing is processed: the item stays received
    r = await post(service, CLEAN)
    page = (await service.client.get(f"{ARTICLE}/submissions")).json()
    assert page["items"] == [] and page["total"] == 0
    assert (await service.client.get(f"/api/v1/submissions/{r.json()['id']}/status")).json()["status"] == "received"


async def test_xss_payloads_are_published_without_script(service: Any) -> None:
    payloads = ['<script>alert(1)</script>hello', '<img src=x onerror=alert(1)>',
                '<a href="javascript:alert(1)">x</a>', '<svg/onload=alert(1)>']
    ids = [(await post(service, p, author=f"x{i}")).json()["id"] for i, p in enumerate(payloads)]
    for sid in ids:
        assert await decided(service, sid) in {"published", "held"}
    page = (await service.client.get(f"{ARTICLE}/submissions", params={"limit": "100"})).text.lower()
    for bad in ("<script", "onerror", "javascript:", "onload", "alert(1)</script"):
        assert bad not in page


async def test_feedback_is_accepted_and_never_public(service: Any) -> None:
    r = await post(service, "The page is missing the link to the interim report.", path=FEEDBACK)
    assert r.status_code == 202
    assert await decided(service, r.json()["id"]) == "accepted"
    page = (await service.client.get(f"{FEEDBACK}/submissions")).json()
    assert page["items"] == []


async def test_consultation_response_with_role_and_answers(service: Any) -> None:
    r = await service.client.post(f"{CONSULTATION}/submissions", json={
        "author": "A foster carer", "text": "", "role": "parent_or_carer",
        "answers": {"q1": "Stable placements and a designated teacher who knows them.",
                    "q2": "Moves mid-year."}})
    assert r.status_code == 202, r.text
    sid = r.json()["id"]
    assert await decided(service, sid) == "accepted"
    async with service.state.sessionmaker() as s:
        sub = await s.get(Submission, sid)
        assert sub is not None and sub.role == "parent_or_carer" and sub.answers["q2"] == "Moves mid-year."


async def test_unparsable_json_is_a_400(service: Any) -> None:
    r = await service.client.post(f"{ARTICLE}/submissions", content=b"{not json",
                                  headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_json" and "JSON" in r.json()["message"]


async def test_missing_and_wrong_fields_are_listed_and_nothing_is_stored(service: Any) -> None:
    before = await count_rows(service)
    r = await service.client.post(f"{ARTICLE}/submissions",
                                  json={"email": "not-an-email", "role": "king", "colour": 1})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"author", "text", "email", "role", "colour"} <= fields
    assert all(e["message"] for e in r.json()["errors"])
    assert await count_rows(service) == before


async def test_over_long_text_is_a_413_naming_the_field(service: Any) -> None:
    r = await post(service, "a" * 20_001)
    assert r.status_code == 413
    assert r.json()["errors"][0]["field"] == "text"


async def test_unknown_site_or_thread_is_a_404(service: Any) -> None:
    assert (await service.client.get("/api/v1/sites/nope/threads/welcome")).status_code == 404
    r = await post(service, CLEAN, path="/api/v1/sites/demo/threads/nope")
    assert r.status_code == 404 and "nope" in r.json()["message"]


async def test_closed_thread_is_a_409_saying_when(service: Any) -> None:
    async with service.state.sessionmaker() as s:
        thread = (await s.execute(select(Thread).where(Thread.key == "welcome"))).scalar_one()
        thread.closes_at = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
        await s.commit()
    service.state.directory.forget()
    r = await post(service, CLEAN)
    assert r.status_code == 409
    assert "1 March 2025" in r.json()["message"]
    assert (await service.client.get(ARTICLE)).json()["state"] == "closed"


async def test_origin_not_allowed_is_a_403_and_cors_only_for_allowed(service: Any) -> None:
    r = await service.client.post(f"{ARTICLE}/submissions", json={"author": "a", "text": CLEAN},
                                  headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert "access-control-allow-origin" not in r.headers
    ok = await service.client.get(f"{ARTICLE}/submissions", headers={"Origin": "http://localhost:8000"})
    assert ok.headers["access-control-allow-origin"] == "http://localhost:8000"
    pre = await service.client.options(f"{ARTICLE}/submissions", headers={
        "Origin": "http://localhost:8000", "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 204 and "POST" in pre.headers["access-control-allow-methods"]
    bad = await service.client.options(f"{ARTICLE}/submissions", headers={"Origin": "https://evil.example"})
    assert bad.status_code == 403


async def test_rate_limit_is_a_429_with_retry_after(tmp_path: Any, moderator: Any) -> None:
    from tests.conftest import make_settings, running_service, sqlite_url

    settings = make_settings(sqlite_url(tmp_path), rate_limit_per_minute=2, rate_limit_burst=2)
    async with running_service(settings, moderator) as svc:
        codes = [(await post(svc, f"{CLEAN} {i}")).status_code for i in range(3)]
        assert codes == [202, 202, 429]
        r = await post(svc, CLEAN)
        assert int(r.headers["retry-after"]) >= 1
        async with svc.state.sessionmaker() as s:
            hashes = (await s.execute(select(Submission.client_hash))).scalars().all()
        assert all(h and "203.0.113.7" not in h for h in hashes)


async def test_same_idempotency_key_twice_makes_one_submission(service: Any) -> None:
    headers = {"Idempotency-Key": "widget-123"}
    a = await service.client.post(f"{ARTICLE}/submissions", json={"author": "a", "text": CLEAN}, headers=headers)
    b = await service.client.post(f"{ARTICLE}/submissions", json={"author": "a", "text": CLEAN}, headers=headers)
    assert a.status_code == b.status_code == 202
    assert a.json() == b.json()
    assert await count_rows(service) == 1


@pytest.mark.parametrize("text", [
    "nul\x00byte in the middle", "lone surrogate \ud800 here", "bidi \u202egnp.exe\u202c trick",
    "zero\u200bwidth", "emoji 👶🏽 and mixed script Привет مرحبا", "&lt;b&gt;entities&lt;/b&gt; &amp;",
])
async def test_awkward_characters_never_cause_a_500(service: Any, text: str) -> None:
    body = json.dumps({"author": "x\x00y", "text": text}, ensure_ascii=True)
    r = await service.client.post(f"{ARTICLE}/submissions", content=body.encode(),
                                  headers={"content-type": "application/json"})
    assert r.status_code == 202, r.text
    assert await decided(service, r.json()["id"]) in {"published", "held", "rejected"}
    page = (await service.client.get(f"{ARTICLE}/submissions")).text
    assert "\\u0000" not in page and "\u202e" not in page


async def test_list_answers_etag_with_304_and_refreshes_on_publish(service: Any) -> None:
    await decided(service, (await post(service, CLEAN)).json()["id"])
    first = await service.client.get(f"{ARTICLE}/submissions")
    etag = first.headers["etag"]
    again = await service.client.get(f"{ARTICLE}/submissions", headers={"If-None-Match": etag})
    assert again.status_code == 304
    second = await post(service, "Second thoughts: the funding is the problem.", author="Jo")
    await decided(service, second.json()["id"])
    fresh = await service.client.get(f"{ARTICLE}/submissions", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and len(fresh.json()["items"]) == 2


async def test_cursor_paging_in_both_orders(service: Any) -> None:
    ids = []
    for i in range(5):
        r = await post(service, f"Point number {i}: schools need more support staff.", author=f"p{i}")
        ids.append(r.json()["id"])
    for sid in ids:
        assert await decided(service, sid) == "published"
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": "2", "order": "newest", **({"cursor": cursor} if cursor else {})}
        page = (await service.client.get(f"{ARTICLE}/submissions", params=params)).json()
        seen += [it["id"] for it in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(ids))
    oldest = (await service.client.get(f"{ARTICLE}/submissions", params={"limit": "3"})).json()
    assert [it["id"] for it in oldest["items"]] == ids[:3]
    bad = await service.client.get(f"{ARTICLE}/submissions", params={"cursor": "!!", "order": "sideways"})
    assert bad.status_code == 422


async def test_replies_are_nested_under_their_parent(service: Any) -> None:
    parent = (await post(service, CLEAN)).json()["id"]
    await decided(service, parent)
    reply = (await post(service, "Agreed, and the allowances vary by council.", parent_id=parent)).json()["id"]
    await decided(service, reply)
    page = (await service.client.get(f"{ARTICLE}/submissions")).json()
    [top] = page["items"]
    assert top["id"] == parent and [r["id"] for r in top["replies"]] == [reply]
    assert top["replies"][0]["parent_id"] == parent
    bad = await post(service, "reply to nothing", parent_id="0" * 32)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "parent_id"


async def test_reports_on_published_items_only(service: Any) -> None:
    ok = (await post(service, CLEAN)).json()["id"]
    held = (await post(service, CHILD)).json()["id"]
    await decided(service, ok)
    await decided(service, held)
    r = await service.client.post(f"/api/v1/submissions/{ok}/reports", json={"reason": "abuse", "note": "rude"})
    assert r.status_code == 202
    held_report = await service.client.post(f"/api/v1/submissions/{held}/reports", json={"reason": "abuse"})
    assert held_report.status_code == 404
    bad = await service.client.post(f"/api/v1/submissions/{ok}/reports", json={"reason": "dislike"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "reason"
    async with service.state.sessionmaker() as s:
        assert (await s.get(Submission, ok)).report_count == 1  # type: ignore[union-attr]


async def test_openapi_describes_the_public_api(service: Any) -> None:
    spec = (await service.client.get("/openapi.json")).json()
    for path in ["/healthz", "/api/v1/sites/{site}/threads/{thread}",
                 "/api/v1/sites/{site}/threads/{thread}/submissions",
                 "/api/v1/submissions/{submission_id}/status", "/api/v1/submissions/{submission_id}/reports"]:
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/v1/sites/{site}/threads/{thread}/submissions"]


async def test_not_yet_open_thread_is_a_409(service: Any) -> None:
    async with service.state.sessionmaker() as s:
        thread = (await s.execute(select(Thread).where(Thread.key == "welcome"))).scalar_one()
        thread.opens_at = datetime.now(UTC) + timedelta(days=3)
        await s.commit()
    service.state.directory.forget()
    r = await post(service, CLEAN)
    assert r.status_code == 409 and r.json()["error"] == "thread_not_open"


async def test_demo_page_is_served(service: Any) -> None:
    r = await service.client.get("/")
    assert r.status_code == 200 and "welcome" in r.text
