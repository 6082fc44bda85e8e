"""Admin JSON API: key auth, sites, threads, policies, word lists, try-this-policy, OpenAPI."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import func, select

from service.models import AuditEvent, Site, Thread
from tests.admin.conftest import Admin, make_key

pytestmark = pytest.mark.anyio

CLEAN = "The review is right that kinship carers need proper allowances, not warm words."
CHILD = ("My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds; "
         "she has been in foster care since the care order.")


async def count(admin: Admin, model: Any) -> int:
    async with admin.svc.state.sessionmaker() as s:
        return int((await s.execute(select(func.count()).select_from(model))).scalar_one())


async def test_requests_without_a_valid_key_are_refused(admin: Admin) -> None:
    client = admin.svc.client
    r = await client.get("/api/v1/admin/sites/demo")
    assert r.status_code == 401 and "Bearer" in r.json()["message"]
    assert r.headers["www-authenticate"].startswith("Bearer")
    r = await client.get("/api/v1/admin/sites/demo", headers={"Authorization": "Bearer sgk_nope"})
    assert r.status_code == 401
    r = await client.get("/api/v1/admin/sites/other", headers=admin.headers)
    assert r.status_code == 403


async def test_key_is_stored_hashed_revocable_and_records_last_use(admin: Admin) -> None:
    r = await admin.post("/keys", {"name": "CMS"})
    assert r.status_code == 201
    created = r.json()
    plain = created["key"]
    assert plain.startswith("sgk_")
    listing = (await admin.get("/keys")).json()["items"]
    assert all("key" not in k for k in listing)
    cms = next(k for k in listing if k["name"] == "CMS")
    assert cms["last_used_at"] is None
    from service.models_admin import ApiKey

    async with admin.svc.state.sessionmaker() as s:
        stored = (await s.execute(select(ApiKey.key_hash))).scalars().all()
    assert plain not in stored and len(stored) == 2
    r = await admin.svc.client.get("/api/v1/admin/sites/demo", headers={"Authorization": f"Bearer {plain}"})
    assert r.status_code == 200
    cms = next(k for k in (await admin.get("/keys")).json()["items"] if k["name"] == "CMS")
    assert cms["last_used_at"] is not None
    assert (await admin.delete(f"/keys/{cms['id']}")).json()["active"] is False
    r = await admin.svc.client.get("/api/v1/admin/sites/demo", headers={"Authorization": f"Bearer {plain}"})
    assert r.status_code == 401


async def test_site_update_validates_every_field_and_saves_nothing_on_error(admin: Admin) -> None:
    before = (await admin.get("")).json()
    r = await admin.patch("", {"name": "Renamed", "origins": ["https://ok.example", "javascript:alert(1)",
                                                              "https://x.example/path"],
                               "policy": {"child_data_hold": 1.5, "toxicity_hold": {"insult": -0.1}},
                               "retention_days": 0})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"origins[1]", "origins[2]", "policy.child_data_hold", "policy.toxicity_hold.insult",
            "retention_days"} <= fields
    assert (await admin.get("")).json() == before
    r = await admin.patch("", {"name": "Renamed", "origins": ["https://News.Example.org"], "retention_days": 30})
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "Renamed" and body["origins"] == ["https://news.example.org"]
    assert body["retention_days"] == 30


async def test_new_origin_is_used_by_the_public_api_at_once(admin: Admin) -> None:
    thread = "/api/v1/sites/demo/threads/welcome"
    r = await admin.svc.client.get(thread, headers={"Origin": "https://cms.example"})
    assert r.status_code == 403
    origins = (await admin.get("")).json()["origins"] + ["https://cms.example"]
    assert (await admin.patch("", {"origins": origins})).status_code == 200
    r = await admin.svc.client.get(thread, headers={"Origin": "https://cms.example"})
    assert r.status_code == 200


async def test_policy_change_is_audited_and_applies_to_new_submissions(admin: Admin) -> None:
    svc = admin.svc
    r = await svc.client.post("/api/v1/sites/demo/threads/welcome/submissions",
                              json={"author": "A", "text": CLEAN})
    await svc.drain()
    first = (await svc.client.get(f"/api/v1/submissions/{r.json()['id']}/status")).json()["status"]
    assert first == "published"
    r = await admin.patch("/policy", {"mode": "premoderate"})
    assert r.status_code == 200 and r.json()["mode"] == "premoderate"
    r = await svc.client.post("/api/v1/sites/demo/threads/welcome/submissions",
                              json={"author": "B", "text": CLEAN + " Again."})
    await svc.drain()
    assert (await svc.client.get(f"/api/v1/submissions/{r.json()['id']}/status")).json()["status"] == "held"
    history = (await admin.get("/policy/history")).json()["items"]
    assert history[0]["before"]["mode"] == "hold_flagged" and history[0]["after"]["mode"] == "premoderate"
    assert history[0]["actor"].startswith("apikey:test#") and history[0]["at"]


async def test_bad_policy_is_refused_with_field_errors(admin: Admin) -> None:
    r = await admin.put("/policy", {"toxicity_reject": {"threat": 2}, "mode": "sometimes", "colour": "red"})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert fields == {"policy.toxicity_reject.threat", "policy.mode", "policy.colour"}
    assert (await admin.get("/policy")).json()["mode"] == "hold_flagged"
    assert (await admin.get("/policy/history")).json()["items"] == []


async def test_word_lists_end_up_in_the_policy_and_reject_banned_words(admin: Admin) -> None:
    r = await admin.post("/wordlists", {"list": "banned", "action": "add", "words": ["wombat", "Wombat", "x y"]})
    assert r.status_code == 200 and r.json()["banned"] == ["wombat", "x y"]
    r = await admin.post("/wordlists", {"list": "banned", "action": "remove", "words": ["x y"]})
    assert r.json()["banned"] == ["wombat"]
    r = await admin.post("/wordlists", {"list": "suspect", "action": "shout", "words": ["a"]})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "action"
    r = await admin.post("/wordlists", {"list": "rude", "action": "add", "words": [""]})
    assert {e["field"] for e in r.json()["errors"]} == {"list", "words"}
    assert (await admin.get("/policy")).json()["banned_words"] == ["wombat"]
    svc = admin.svc
    r = await svc.client.post("/api/v1/sites/demo/threads/welcome/submissions",
                              json={"author": "A", "text": "What a w0mbat this minister is."})
    await svc.drain()
    assert (await svc.client.get(f"/api/v1/submissions/{r.json()['id']}/status")).json()["status"] == "rejected"


async def test_threads_create_edit_and_validate(admin: Admin) -> None:
    r = await admin.post("/threads", {"key": "budget-2031", "kind": "consultation", "title": "Budget",
                                      "questions": ["What matters?", {"id": "cost", "text": "Costs?"}],
                                      "opens_at": "2030-01-01T09:00:00Z", "closes_at": "2030-02-01T17:00:00Z",
                                      "policy_overrides": {"mode": "premoderate"}})
    assert r.status_code == 201, r.text
    assert [q["id"] for q in r.json()["questions"]] == ["q1", "cost"]
    r = await admin.svc.client.get("/api/v1/sites/demo/threads/budget-2031")
    assert r.status_code == 200 and r.json()["state"] == "not_open"
    r = await admin.post("/threads", {"key": "budget-2031", "title": "Again"})
    assert r.status_code == 409 and r.json()["errors"][0]["field"] == "key"
    threads = await count(admin, Thread)
    r = await admin.post("/threads", {"key": "bad key!", "kind": "poem", "title": "",
                                      "opens_at": "2030-02-01T00:00:00Z", "closes_at": "2030-01-01T00:00:00Z",
                                      "policy_overrides": {"child_data_hold": 7}})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {"key", "kind", "title", "closes_at",
                                                        "policy_overrides.child_data_hold"}
    assert await count(admin, Thread) == threads
    r = await admin.patch("/threads/budget-2031", {"closes_at": "2029-12-31T00:00:00Z"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "closes_at"
    r = await admin.patch("/threads/budget-2031", {"title": "Budget 2031", "policy_overrides": {}})
    assert r.status_code == 200 and r.json()["title"] == "Budget 2031" and r.json()["policy_overrides"] == {}
    history = (await admin.get("/policy/history")).json()["items"]
    assert history[0]["action"] == "thread.policy_update"
    assert history[0]["before"]["policy_overrides"] == {"mode": "premoderate"}
    assert (await admin.get("/threads/nope")).status_code == 404
    keys = [t["key"] for t in (await admin.get("/threads")).json()["items"]]
    assert "budget-2031" in keys and "welcome" in keys


async def test_thread_override_applies_to_new_submissions(admin: Admin) -> None:
    r = await admin.patch("/threads/welcome", {"policy_overrides": {"mode": "premoderate"}})
    assert r.status_code == 200
    svc = admin.svc
    r = await svc.client.post("/api/v1/sites/demo/threads/welcome/submissions",
                              json={"author": "A", "text": CLEAN})
    await svc.drain()
    assert (await svc.client.get(f"/api/v1/submissions/{r.json()['id']}/status")).json()["status"] == "held"


async def test_try_policy_scores_without_storing(admin: Admin) -> None:
    from service.models import Submission

    before_audit = await count(admin, AuditEvent)
    r = await admin.post("/policy/try", {"text": CHILD})
    assert r.status_code == 200
    body = r.json()
    assert body["decision"] == "hold" and body["stored"] is False
    assert any(reason["code"] == "child_data" for reason in body["reasons"])
    assert body["spans"] and all(CHILD[s["start"]:s["end"]] == s["text"] for s in body["spans"])
    r = await admin.post("/policy/try", {"text": CLEAN})
    assert r.json()["decision"] == "publish"
    r = await admin.post("/policy/try", {"text": CLEAN, "policy": {"mode": "premoderate"}})
    assert r.json()["decision"] == "hold" and r.json()["reasons"][0]["code"] == "premoderation"
    r = await admin.post("/policy/try", {"text": CLEAN, "policy": {"child_data_hold": -1}})
    assert r.status_code == 422
    r = await admin.post("/policy/try", {"text": ""})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "text"
    assert await count(admin, Submission) == 0
    assert await count(admin, AuditEvent) == before_audit


async def test_keys_of_one_site_cannot_touch_another(admin: Admin) -> None:
    async with admin.svc.state.sessionmaker() as s:
        s.add(Site(key="other", name="Other", origins=[], policy={}))
        await s.commit()
    other = await make_key(admin.svc, "other")
    r = await admin.svc.client.patch("/api/v1/admin/sites/demo", json={"name": "x"},
                                     headers={"Authorization": f"Bearer {other}"})
    assert r.status_code == 403
    assert (await admin.get("")).json()["name"] == "Safeguard demo"


async def test_admin_paths_are_in_openapi(admin: Admin) -> None:
    spec = (await admin.svc.client.get("/openapi.json")).json()
    assert "/api/v1/admin/sites/{site}/threads" in spec["paths"]
    post = spec["paths"]["/api/v1/admin/sites/{site}/threads"]["post"]
    assert post["security"] == [{"apiKey": []}]
    assert "AdminThread" in spec["components"]["schemas"]


async def test_members_add_change_remove_but_never_the_last_owner(admin: Admin) -> None:
    r = await admin.post("/members", {"email": "Mod@Example.org", "role": "moderator"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "password"
    r = await admin.post("/members", {"email": "mod@example.org", "role": "moderator", "password": "long enough pw"})
    assert r.status_code == 201
    r = await admin.post("/members", {"email": "boss@example.org", "role": "owner", "password": "long enough pw"})
    members = {m["email"]: m for m in (await admin.get("/members")).json()["items"]}
    assert members["mod@example.org"]["role"] == "moderator" and members["boss@example.org"]["role"] == "owner"
    r = await admin.post("/members", {"email": "boss@example.org", "role": "moderator"})
    assert r.status_code == 409
    assert (await admin.delete(f"/members/{members['boss@example.org']['id']}")).status_code == 409
    assert (await admin.delete(f"/members/{members['mod@example.org']['id']}")).status_code == 204
    assert [m["email"] for m in (await admin.get("/members")).json()["items"]] == ["boss@example.org"]
    r = await admin.post("/members", {"email": "x", "role": "admin"})
    assert {e["field"] for e in r.json()["errors"]} == {"email", "role"}


async def test_every_admin_route_is_described_and_every_ref_resolves(admin: Admin) -> None:
    from starlette.routing import Route

    spec = (await admin.svc.client.get("/openapi.json")).json()
    for route in admin.svc.app.routes:
        if isinstance(route, Route) and route.path.startswith("/api/v1/admin/"):
            described = spec["paths"].get(route.path)
            assert described is not None, route.path
            for method in route.methods or ():
                if method != "HEAD":
                    assert method.lower() in described, f"{method} {route.path}"
    refs = re.findall(r'"\$ref": "#/components/schemas/([A-Za-z]+)"', json.dumps(spec))
    assert refs and set(refs) <= set(spec["components"]["schemas"])
