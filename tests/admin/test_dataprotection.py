"""Data protection: erase (remove or anonymise) and export a commenter by e-mail; retention purge."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from service.models import AuditEvent, Submission, utcnow
from tests.admin.conftest import Admin, eventually

pytestmark = pytest.mark.anyio

ARTICLE = "/api/v1/sites/demo/threads/welcome"
CLEAN = "The review is right that kinship carers need proper allowances, not warm words."
CHILD = ("My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds; "
         "she has been in foster care since the care order.")
SAM = "Sam.Writer@Example.org"


@pytest.fixture
def admin_env() -> dict[str, str]:
    return {"SAFEGUARD_RETENTION_INTERVAL_SECONDS": "0.2"}


async def seed_commenter(admin: Admin) -> dict[str, str]:
    c = admin.svc.client
    ids = {}
    ids["sam_published"] = (await c.post(f"{ARTICLE}/submissions", json={
        "author": "Sam Writer", "text": CLEAN + " (Sam)", "email": SAM})).json()["id"]
    ids["sam_held"] = (await c.post(f"{ARTICLE}/submissions", json={
        "author": "Sam Writer", "text": CHILD, "email": SAM.lower()})).json()["id"]
    ids["other"] = (await c.post(f"{ARTICLE}/submissions", json={
        "author": "Alex", "text": CLEAN + " (Alex)", "email": "alex@example.org"})).json()["id"]
    await admin.svc.drain()
    ids["reply"] = (await c.post(f"{ARTICLE}/submissions", json={
        "author": "Alex", "text": "Agreed, Sam, well said about allowances.",
        "parent_id": ids["sam_published"]})).json()["id"]
    await admin.svc.drain()
    return ids


async def public_authors(admin: Admin) -> list[tuple[str, int]]:
    page = (await admin.svc.client.get(f"{ARTICLE}/submissions")).json()
    return [(item["author"], len(item.get("replies", []))) for item in page["items"]]


async def test_export_gives_everything_about_that_address(admin: Admin) -> None:
    ids = await seed_commenter(admin)
    r = await admin.post("/commenters/export", {"email": "sam.writer@example.org"})
    assert r.status_code == 200
    data = r.json()
    assert {s["id"] for s in data["submissions"]} == {ids["sam_published"], ids["sam_held"]}
    held = next(s for s in data["submissions"] if s["id"] == ids["sam_held"])
    assert held["text"] == CHILD and held["status"] == "held"
    r = await admin.post("/commenters/export", {"email": "not an email"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "email"


async def test_anonymise_keeps_the_words_and_drops_the_person(admin: Admin) -> None:
    ids = await seed_commenter(admin)
    r = await admin.post("/commenters/erase", {"email": SAM, "mode": "anonymise"})
    assert r.status_code == 200 and r.json()["submissions"] == 2
    async with admin.svc.state.sessionmaker() as s:
        rows = {x.id: x for x in (await s.execute(select(Submission))).scalars()}
    assert rows[ids["sam_published"]].author == "Anonymous" and rows[ids["sam_published"]].email is None
    assert rows[ids["sam_held"]].raw_text == CHILD and rows[ids["sam_held"]].client_hash == ""
    assert rows[ids["other"]].author == "Alex"
    assert ("Anonymous", 1) in await public_authors(admin)
    assert (await admin.post("/commenters/export", {"email": SAM})).json()["submissions"] == []


async def test_remove_deletes_their_submissions_keeps_replies_and_audits_no_content(admin: Admin) -> None:
    ids = await seed_commenter(admin)
    assert ("Sam Writer", 1) in await public_authors(admin)
    r = await admin.post("/commenters/erase", {"email": SAM, "mode": "remove"})
    assert r.status_code == 200 and r.json() == {"mode": "remove", "submissions": 2}
    async with admin.svc.state.sessionmaker() as s:
        left = set((await s.execute(select(Submission.id))).scalars())
        events = list((await s.execute(select(AuditEvent).where(AuditEvent.action == "commenter.erase"))).scalars())
    assert left == {ids["other"], ids["reply"]}
    # Alex's reply is Alex's to keep: it now stands on its own.
    authors = await public_authors(admin)
    assert ("Sam Writer", 1) not in authors and sorted(authors) == [("Alex", 0), ("Alex", 0)]
    assert len(events) == 1 and events[0].actor.startswith("apikey:")
    dumped = json.dumps(events[0].detail).lower()
    assert "sam" not in dumped and "ellie" not in dumped and "example.org" not in dumped
    assert events[0].detail["submissions"] == 2


async def test_erase_needs_a_known_mode(admin: Admin) -> None:
    await seed_commenter(admin)
    r = await admin.post("/commenters/erase", {"email": SAM, "mode": "shred"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "mode"
    assert len((await admin.post("/commenters/export", {"email": SAM})).json()["submissions"]) == 2


async def _age(admin: Admin, sid: str, days: int, **values: Any) -> None:
    async with admin.svc.state.sessionmaker() as s:
        row = await s.get(Submission, sid)
        assert row is not None
        row.decided_at = utcnow() - timedelta(days=days)
        for k, v in values.items():
            setattr(row, k, v)
        await s.commit()


async def test_retention_purges_old_rejected_and_expired_claims_from_the_worker(admin: Admin) -> None:
    c = admin.svc.client
    await admin.post("/wordlists", {"list": "banned", "action": "add", "words": ["wombat"]})
    old = (await c.post(f"{ARTICLE}/submissions", json={"author": "A", "text": "wombat one"})).json()["id"]
    recent = (await c.post(f"{ARTICLE}/submissions", json={"author": "B", "text": "wombat two"})).json()["id"]
    held = (await c.post(f"{ARTICLE}/submissions", json={"author": "C", "text": CHILD})).json()["id"]
    await admin.svc.drain()
    await _age(admin, old, 40)
    await _age(admin, recent, 10)
    await _age(admin, held, 40, claimed_by=1, claimed_until=utcnow() - timedelta(days=35))

    async def gone() -> bool:
        async with admin.svc.state.sessionmaker() as s:
            return await s.get(Submission, old) is None

    assert (await admin.patch("", {"retention_days": 30})).status_code == 200
    await eventually(gone)  # nobody called the API: the worker's loop purged it
    async with admin.svc.state.sessionmaker() as s:
        assert (await s.get(Submission, recent)).status == "rejected"
        kept = await s.get(Submission, held)
        assert kept.status == "held" and kept.claimed_by is None and kept.claimed_until is None
        audit = (await s.execute(select(AuditEvent).where(AuditEvent.action == "retention.purge"))).scalars().all()
    assert audit and audit[0].detail["rejected"] == 1 and audit[0].detail["claims"] == 1
    r = await admin.post("/retention/run")
    assert r.json()["items"] == [{"site": "demo", "days": 30, "rejected": 0, "claims": 0}]
