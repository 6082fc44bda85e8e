"""Queues, the item view and decisions, through the HTTP interface a moderator's browser uses."""

from __future__ import annotations

import csv
import io
import logging
import re
from typing import Any

import pytest
from sqlalchemy import select

from service.models import AuditEvent, Submission
from tests.conftest import Service
from tests.moderator.conftest import CHILD_TEXT, Browser, post_comment, status_of

pytestmark = pytest.mark.anyio


async def public_html(svc: Service, thread: str = "welcome") -> str:
    response = await svc.client.get(f"/api/v1/sites/demo/threads/{thread}/submissions")
    assert response.status_code == 200
    return " ".join(item["html"] for item in response.json()["items"])


async def test_held_queue_lists_oldest_first_with_reasons_counts_and_filters(
    accounts: Service, mod: Browser
) -> None:
    first = await post_comment(accounts, CHILD_TEXT, author="First")
    second = await post_comment(accounts, "My son Tom Reed is 9 and lives on Elm Road in Bristol", author="Second")
    await post_comment(accounts, "A thoughtful and kind comment about the review.", author="Fine")
    page = await mod.get("/moderate/queue/held")
    assert page.status_code == 200
    text = page.text
    assert text.index(first) < text.index(second)  # oldest first
    assert "Child data" in text
    assert re.search(r"Held <span class=\"count\">\(2\)</span>", text)
    newest = await mod.get("/moderate/queue/held?order=newest")
    assert newest.text.index(second) < newest.text.index(first)
    # Filters: no held item is a consultation response, or held for links.
    assert first not in (await mod.get("/moderate/queue/held?kind=consultation")).text
    assert first not in (await mod.get("/moderate/queue/held?reason=links")).text
    assert first in (await mod.get("/moderate/queue/held?reason=child_data&kind=article")).text
    assert (await mod.get("/moderate/queue/held?reason=bogus")).status_code == 422


async def test_keyset_pages_walk_forward_and_back_without_gaps(accounts: Service, mod: Browser) -> None:
    from service.moderation_queries import QueueFilter, queue_page

    ids = [await post_comment(accounts, f"My son Tom Reed is {n} and goes to Elm Primary in Leeds",
                              author=f"P{n}") for n in range(5, 10)]
    async with accounts.state.sessionmaker() as session:
        site_ids = tuple(sorted({(await session.get(Submission, i)).site_id for i in ids}))  # type: ignore[union-attr]
        seen: list[str] = []
        cursor = None
        while True:
            page = await queue_page(session, QueueFilter("held", site_ids, after=cursor, limit=2))
            seen += [it.id for it in page.items]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert seen == ids
        assert page.prev_cursor is not None
        back = await queue_page(session, QueueFilter("held", site_ids, before=page.prev_cursor, limit=2))
        assert [it.id for it in back.items] == ids[2:4]
        assert back.next_cursor is not None and back.prev_cursor is not None
    html = (await mod.get("/moderate/queue/held")).text
    assert all(i in html for i in ids)


async def test_item_view_highlights_child_data_escapes_text_and_explains(accounts: Service, mod: Browser) -> None:
    parent = await post_comment(accounts, "A thoughtful and kind comment about the review.", author="Parent")
    sid = await post_comment(accounts, "<script>alert(1)</script> " + CHILD_TEXT, author="<b>Ann</b>",
                             parent_id=parent, email="ann@example.org")
    page = await mod.get(f"/moderate/items/{sid}")
    assert page.status_code == 200
    html = page.text
    assert "<script>alert(1)</script>" not in html and "<b>Ann</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert re.search(r'<mark class="span kind-child_name">Ellie Marsh'
                     r'<span class="span-label"> \[child&#39;s name\]', html)
    assert '<mark class="span kind-school">Brookside Primary' in html
    assert "Toxicity scores" in html and "identity attack" in html
    assert "Why it is here" in html and "Ellie Marsh" in html
    assert "In reply to Parent" in html and "A thoughtful and kind comment" in html
    assert "Children&#39;s social care" in html  # the thread title
    assert "Matched by email" in html


async def test_approve_publishes_and_a_second_decision_is_refused(accounts: Service, mod: Browser) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    assert "Ellie" not in await public_html(accounts)
    done = await mod.post(f"/moderate/items/{sid}/approve", {"expected_status": "held"})
    assert done.status_code == 303
    assert await status_of(accounts, sid) == "published"
    assert "Ellie Marsh" in await public_html(accounts)
    again = await mod.post(f"/moderate/items/{sid}/approve", {"expected_status": "held"})
    assert again.status_code == 409
    assert "already been decided" in again.text and "published" in again.text


async def test_reject_needs_a_reason_and_records_it_with_the_note(accounts: Service, mod: Browser) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    missing = await mod.post(f"/moderate/items/{sid}/reject", {"expected_status": "held"})
    assert missing.status_code == 422 and "Choose a reason" in missing.text
    done = await mod.post(f"/moderate/items/{sid}/reject",
                          {"expected_status": "held", "reason": "child_data", "note": "names a pupil"})
    assert done.status_code == 303
    assert await status_of(accounts, sid) == "rejected"
    audit = await mod.get("/moderate/audit")
    assert "mod@example.org" in audit.text and "child_data" in audit.text and "names a pupil" in audit.text
    assert "held → rejected" in audit.text


async def test_redact_then_approve_leaves_the_removed_text_nowhere(
    accounts: Service, mod: Browser, caplog: Any
) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    # From here on, everything the service logs (its own loggers at DEBUG, libraries at INFO; the
    # database driver's DEBUG echo of SQL parameters is a developer switch, documented as such).
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="safeguard")
    page = await mod.get(f"/moderate/items/{sid}")
    # Every detector span is offered, ticked by default.
    boxes = re.findall(r'<input type="checkbox" name="spans" value="(\d+)" id="span-\d+"( checked)?>', page.text)
    assert len(boxes) >= 3 and all(checked for _, checked in boxes)
    async with accounts.state.sessionmaker() as session:
        sub = await session.get(Submission, sid)
        assert sub is not None
        spans = list(sub.spans or [])
    keep_place = [i for i, s in enumerate(spans) if s["kind"] != "location"]
    done = await mod.post(f"/moderate/items/{sid}/redact",
                          {"expected_status": "held", "spans": [str(i) for i in keep_place]})
    assert done.status_code == 303, done.text
    public = await public_html(accounts)
    assert "[removed]" in public and "Leeds" in public
    for secret in ("Ellie", "Marsh", "Brookside"):
        assert secret not in public
    async with accounts.state.sessionmaker() as session:
        sub = await session.get(Submission, sid)
        assert sub is not None and sub.status == "published"
        stored = repr((sub.raw_text, sub.html, sub.spans, sub.answers, sub.answers_html, sub.reasons,
                       sub.explanation))
        events = (await session.execute(select(AuditEvent).where(AuditEvent.submission_id == sid))).scalars()
        audit = repr([(e.actor, e.action, e.detail) for e in events])
    for secret in ("Ellie", "Marsh", "Brookside"):
        assert secret not in stored and secret not in audit
        assert secret not in caplog.text
    assert "child_name" in audit and "'start': 12" in audit and "mod@example.org" in audit
    item_page = (await mod.get(f"/moderate/items/{sid}")).text
    assert "Ellie" not in item_page and "[removed]" in item_page
    export = (await mod.get("/moderate/audit.csv")).text
    assert "Ellie" not in export and "child_name" in export


async def test_remove_restore_and_reports(accounts: Service, mod: Browser) -> None:
    sid = await post_comment(accounts, "A thoughtful and kind comment about the review.")
    assert await status_of(accounts, sid) == "published"
    reported = await accounts.client.post(f"/api/v1/submissions/{sid}/reports", json={"reason": "abuse"})
    assert reported.status_code in (200, 201, 202), reported.text
    queue = await mod.get("/moderate/queue/reported")
    assert sid in queue.text
    removed = await mod.post(f"/moderate/items/{sid}/remove", {"expected_status": "published", "reason": "abuse"})
    assert removed.status_code == 303
    assert await status_of(accounts, sid) == "removed"
    assert "kind comment" not in await public_html(accounts)
    assert sid not in (await mod.get("/moderate/queue/reported")).text
    restored = await mod.post(f"/moderate/items/{sid}/restore", {"expected_status": "removed"})
    assert restored.status_code == 303
    assert "kind comment" in await public_html(accounts)
    decided = await mod.get("/moderate/queue/decided")
    assert sid in decided.text and "restore by mod@example.org" in decided.text


async def test_dismissing_reports_keeps_the_comment_up(accounts: Service, mod: Browser) -> None:
    sid = await post_comment(accounts, "A thoughtful and kind comment about the review.")
    await accounts.client.post(f"/api/v1/submissions/{sid}/reports", json={"reason": "spam"})
    done = await mod.post(f"/moderate/items/{sid}/dismiss", {"expected_status": "published"})
    assert done.status_code == 303
    assert await status_of(accounts, sid) == "published"
    assert sid not in (await mod.get("/moderate/queue/reported")).text


async def test_bulk_approve_and_reject(accounts: Service, mod: Browser) -> None:
    a = await post_comment(accounts, CHILD_TEXT, author="A")
    b = await post_comment(accounts, "My son Tom Reed is 9 and lives on Elm Road in Bristol", author="B")
    c = await post_comment(accounts, "My niece Lily Hart is 6 and goes to Oak Primary in York", author="C")
    done = await mod.post("/moderate/bulk", {"ids": [a, b], "action": "approve", "seen_" + a: "held",
                                             "seen_" + b: "held", "ctx": "queue=held"})
    assert done.status_code == 303 and "n=2" in done.headers["location"]
    rejected = await mod.post("/moderate/bulk", {"ids": [a, c], "action": "reject", "reason": "child_data",
                                                 "seen_" + a: "held", "seen_" + c: "held", "ctx": "queue=held"})
    assert "n=1" in rejected.headers["location"] and "refused=1" in rejected.headers["location"]
    assert [await status_of(accounts, i) for i in (a, b, c)] == ["published", "published", "rejected"]
    page = await mod.get(rejected.headers["location"])
    assert "1 could not be" in page.text


async def test_claims_show_who_holds_an_item_and_block_others(accounts: Service, browser_factory: Any) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    first: Browser = await browser_factory("mod@example.org")
    second: Browser = await browser_factory("mod2@example.org")
    assert "You are reviewing this item" in (await first.get(f"/moderate/items/{sid}")).text
    seen = await second.get(f"/moderate/items/{sid}")
    assert "mod@example.org</strong> is reviewing this item" in seen.text
    refused = await second.post(f"/moderate/items/{sid}/approve", {"expected_status": "held"})
    assert refused.status_code == 409 and "is reviewing this item right now" in refused.text
    assert await status_of(accounts, sid) == "held"
    # Leaving it frees it at once; opening it again takes the claim back.
    left = await first.post(f"/moderate/items/{sid}/release", {"ctx": "queue=held"})
    assert left.status_code == 303
    assert "is reviewing this item" not in (await second.get(f"/moderate/items/{sid}")).text
    assert "mod2@example.org</strong> is reviewing" in (await first.get(f"/moderate/items/{sid}")).text
    left = await second.post(f"/moderate/items/{sid}/release", {"ctx": "queue=held"})
    assert "You are reviewing this item" in (await first.get(f"/moderate/items/{sid}")).text
    done = await first.post(f"/moderate/items/{sid}/approve", {"expected_status": "held"})
    assert done.status_code == 303
    late = await second.post(f"/moderate/items/{sid}/reject", {"expected_status": "held", "reason": "spam"})
    assert late.status_code == 409 and "already been decided" in late.text


async def test_audit_csv_and_dashboard(accounts: Service, mod: Browser) -> None:
    a = await post_comment(accounts, CHILD_TEXT, author="A")
    b = await post_comment(accounts, "My son Tom Reed is 9 and lives on Elm Road in Bristol", author="B")
    await mod.post(f"/moderate/items/{a}/approve", {"expected_status": "held"})
    await mod.post(f"/moderate/items/{b}/reject", {"expected_status": "held", "reason": "other",
                                                   "note": "=HYPERLINK(\"x\")"})
    export = await mod.get("/moderate/audit.csv")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [(r["submission_id"], r["action"], r["status_before"], r["status_after"]) for r in rows] == [
        (a, "approve", "held", "published"), (b, "reject", "held", "rejected")]
    assert all(r["moderator"] == "mod@example.org" for r in rows)
    assert rows[1]["note"].startswith("'=")  # a formula is never live in a spreadsheet
    board = await mod.get("/moderate/dashboard")
    assert board.status_code == 200
    assert board.text.count("<svg") == 2
    assert "Median time to decision" in board.text and "no decisions yet" not in board.text
    assert re.search(r"<dt>Decisions, last 30 days</dt><dd>2</dd>", board.text)


async def test_row_approve_from_the_queue_form_records_no_reject_reason(accounts: Service, mod: Browser) -> None:
    sid = await post_comment(accounts, CHILD_TEXT)
    await post_comment(accounts, "My son Tom Reed is 9 and lives on Elm Road in Bristol", author="Next")
    # The row's Approve button posts the whole queue form, bulk reject reason included.
    done = await mod.post(f"/moderate/items/{sid}/approve", {"ids": sid, "seen_" + sid: "held",
                                                             "reason": "child_data", "ctx": "queue=held",
                                                             "return": "queue"})
    assert done.status_code == 303
    assert done.headers["location"].startswith("/moderate/queue/held")
    assert await status_of(accounts, sid) == "published"
    async with accounts.state.sessionmaker() as session:
        event = (await session.execute(select(AuditEvent).where(
            AuditEvent.submission_id == sid, AuditEvent.action == "approve"))).scalar_one()
    assert "reason" not in event.detail and event.actor.endswith("mod@example.org")
