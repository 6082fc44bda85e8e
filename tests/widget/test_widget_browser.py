"""The embedded widget in Debian's chromium, on a host page of another origin, against the live service."""

from __future__ import annotations

import html.parser
import json
import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.conftest import SHARED
from tests.widget.conftest import PUBLISHED, Live, Reader

pytestmark = pytest.mark.browser

HELD = "Thanks — your comment will appear after a moderator has reviewed it."
CHILD = ("My daughter Ellie Marsh is 7 and goes to Brookside Primary in Leeds; "
         "she has been in foster care since the care order.")
SAFE_TAGS = {"a", "b", "blockquote", "br", "em", "i", "li", "ol", "p", "strong", "ul"}
CLASSIC_XSS = [
    "<script>window.__pwned = true; alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">click me</a>',
    '"><script>alert(document.domain)</script>',
    '<iframe srcdoc="<script>parent.__pwned=true</script>"></iframe>',
    "<details open ontoggle=alert(1)>",
    '<a href="jav&#x09;ascript:alert(1)">tab in scheme</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style><b onmouseover=alert(1)>hover</b>",
]


def main_form(r: Reader) -> Any:
    return r.page.get_by_role("form", name="Add a comment")


def post_comment(r: Reader, author: str, text: str) -> Any:
    form = main_form(r)
    form.get_by_label("Display name").fill(author)
    form.get_by_label("Comment", exact=True).fill(text)
    form.get_by_role("button", name="Post comment").click()
    return form.get_by_role("status")


def wait_list(r: Reader) -> None:
    expect(r.page.locator(".bar .muted")).to_have_text(re.compile(r"comments?|No comments yet"))


def item(r: Reader, text: str) -> Any:
    return r.page.locator("ol.list > li.item", has_text=text)


def no_horizontal_scroll(r: Reader) -> None:
    width = r.page.evaluate("document.documentElement.scrollWidth")
    assert width <= r.page.viewport_size["width"], f"page scrolls sideways: {width}px"


def test_clean_comment_appears_and_styles_stay_isolated(live: Live, reader: Reader) -> None:
    text = "Kinship carers need proper allowances and real support, not warm words from ministers."
    reader.page.goto(live.page_url("article"))
    wait_list(reader)
    status = post_comment(reader, "Sam Reader", text)
    expect(status).to_have_text("Published.")
    comment = item(reader, text)
    expect(comment).to_be_visible()
    expect(comment.locator(".author")).to_have_text("Sam Reader")

    # The host page's rules (pink 40px buttons, hidden labels, green text) do not reach inside;
    # its --sg-accent custom property does, which is how a site themes the widget.
    button = main_form(reader).get_by_role("button", name="Post comment")
    style = button.evaluate("b => { const s = getComputedStyle(b); return [s.backgroundColor, s.fontSize]; }")
    assert style[0] == "rgb(128, 0, 128)" and style[1] != "40px"
    expect(main_form(reader).get_by_text("Display name", exact=True)).to_be_visible()
    body_color = comment.locator(".body").evaluate("e => getComputedStyle(e).color")
    assert body_color != "rgb(0, 128, 0)"
    assert reader.context.cookies() == []

    reader.shot("article-1280")
    reader.page.set_viewport_size({"width": 360, "height": 800})
    expect(comment).to_be_visible()
    no_horizontal_scroll(reader)
    reader.shot("article-360")
    assert reader.errors == []


def test_comment_naming_a_child_is_held_without_an_error_and_absent_after_reload(
        live: Live, reader: Reader) -> None:
    neighbour = "Respite breaks for kinship carers should be funded nationally, not area by area."
    assert live.post("welcome", {"author": "Neighbour", "text": neighbour}) == "published"
    reader.page.goto(live.page_url("article-all"))
    status = post_comment(reader, "Worried Parent", CHILD)
    expect(status).to_have_text(HELD)
    assert "bad" not in (status.get_attribute("class") or "")
    assert status.get_attribute("aria-live") == "polite"
    reader.page.reload()
    expect(item(reader, neighbour)).to_be_visible()
    # .sg is inside the shadow root: CSS locators pierce it (innerText of the host element would not).
    rendered = reader.page.locator(".sg").inner_text()
    assert neighbour in rendered and "Ellie" not in rendered and "Worried Parent" not in rendered
    [(status_in_db,)] = live.query("SELECT status FROM submissions WHERE author = ?", "Worried Parent")
    assert status_in_db == "held"


def test_double_click_makes_one_submission(live: Live, reader: Reader) -> None:
    text = "Local authorities should publish how long kinship assessments take, area by area."
    reader.page.goto(live.page_url("article"))
    wait_list(reader)
    form = main_form(reader)
    form.get_by_label("Display name").fill("Quick Clicker")
    form.get_by_label("Comment", exact=True).fill(text)
    form.get_by_role("button", name="Post comment").dblclick()
    expect(form.get_by_role("status")).to_have_text("Published.")
    assert live.query("SELECT count(*) FROM submissions WHERE raw_text = ?", text) == [(1,)]


def test_field_errors_are_shown_next_to_their_fields(live: Live, reader: Reader) -> None:
    reader.page.goto(live.page_url("article"))
    wait_list(reader)
    form = main_form(reader)
    form.get_by_role("button", name="Post comment").click()
    name = form.get_by_label("Display name")
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_text("Enter a display name")).to_be_visible()
    # A server-side field error (the API's errors[]) lands next to its field too.
    name.fill("Pat")
    form.get_by_label("Email (optional)").fill("not-an-email")
    form.get_by_label("Comment", exact=True).fill("Good article about fostering allowances.")
    form.get_by_role("button", name="Post comment").click()
    email = form.get_by_label("Email (optional)")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_be_focused()
    described = email.get_attribute("aria-describedby") or ""
    err_id = described.split()[-1]
    expect(form.locator(f"#{err_id}")).to_contain_text("not a valid email address")
    assert live.query("SELECT count(*) FROM submissions WHERE author = 'Pat'") == [(0,)]


def test_reply_appears_under_its_comment(live: Live, reader: Reader) -> None:
    parent = "Our fostering team has lost three social workers this year and nobody replaced them."
    reply = "Same in our area; agency staff come and go every few months."
    assert live.post("welcome", {"author": "Alex Reviewer", "text": parent}) == "published"
    reader.page.goto(live.page_url("article-all"))
    comment = item(reader, parent)
    comment.get_by_role("button", name="Reply to Alex Reviewer").click()
    form = reader.page.get_by_role("form", name="Reply to Alex Reviewer")
    expect(form.get_by_label("Display name")).to_be_focused()
    form.get_by_label("Display name").fill("Jo Carer")
    form.get_by_label("Your reply").fill(reply)
    form.get_by_role("button", name="Post reply").click()
    nested = comment.locator("ol.replies li.item", has_text=reply)
    expect(nested).to_be_visible()
    expect(nested.locator(".author")).to_have_text("Jo Carer")
    [(parent_id,)] = live.query("SELECT parent_id FROM submissions WHERE raw_text = ?", reply)
    assert comment.get_attribute("data-id") == parent_id


def test_report_with_a_reason_reaches_the_moderators(live: Live, reader: Reader) -> None:
    text = "Buy cheap followers at my site, best prices for social workers and carers alike."
    sid_status = live.post("welcome", {"author": "Spammy McSpam", "text": text})
    if sid_status != "published":
        pytest.fail(f"a mild spam comment should be published for readers to report; it was {sid_status}")
    reader.page.goto(live.page_url("article-all"))
    comment = item(reader, text)
    comment.get_by_role("button", name="Report comment by Spammy McSpam").click()
    form = reader.page.get_by_role("form", name="Report comment by Spammy McSpam")
    form.get_by_role("button", name="Send report").click()
    expect(form.get_by_text("Choose a reason", exact=True)).to_be_visible()
    form.get_by_label("Why are you reporting this comment?").select_option(label="Spam or advertising")
    form.get_by_role("button", name="Send report").click()
    expect(comment.get_by_text("Thanks, a moderator will look at this comment.")).to_be_focused()
    rows = live.query("SELECT r.reason FROM reports r JOIN submissions s ON s.id = r.submission_id "
                      "WHERE s.raw_text = ?", text)
    assert rows == [("spam",)]


def xss_sample() -> list[str]:
    lines = [ln.strip() for ln in (SHARED / "corpora" / "xss-payload-list.txt").read_text(
        "utf-8", errors="replace").splitlines() if ln.strip()]
    step = max(1, len(lines) // 50)
    return lines[::step][:50] + CLASSIC_XSS


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SAFE_TAGS:
            self.bad.append(tag)
        for name, val in attrs:
            if name.startswith("on") or (name == "href" and not re.match(r"(https?:|mailto:)", val or "", re.I)):
                self.bad.append(f"{tag} {name}={val}")


def test_xss_payloads_never_run_in_the_host_page(live: Live, reader: Reader) -> None:
    payloads = xss_sample()
    reader.page.goto(live.page_url("article"))
    wait_list(reader)
    # A few go through the widget's own form, as a reader would type them (also as a display name).
    for i, payload in enumerate(CLASSIC_XSS[:3]):
        status = post_comment(reader, "<img src=x onerror=alert(1)>" if i == 0 else "Tester", payload)
        expect(status).not_to_have_text(re.compile("Sending|Checking|checking"))
    ids = []
    for payload in payloads[3:]:
        r = httpx.post(f"{live.api}/api/v1/sites/demo/threads/welcome/submissions",
                       json={"author": "Xss Tester", "text": payload}, headers={"Origin": live.host}, timeout=10)
        assert r.status_code == 202, r.text
        ids.append(r.json()["id"])
    statuses = [live.wait_decided(sid) for sid in ids]
    published = [sid for sid, st in zip(ids, statuses, strict=True) if st == "published"]
    assert len(published) >= 10, f"too few payloads published to test rendering: {statuses}"

    page = httpx.get(f"{live.api}/api/v1/sites/demo/threads/welcome/submissions",
                     params={"order": "newest", "limit": "100"}, timeout=10).json()
    served = {it["id"]: it["html"] for it in page["items"]}
    for sid in published:
        assert "<script" not in served[sid].lower()
        parser = _Tags()
        parser.feed(served[sid])
        assert parser.bad == [], (sid, served[sid])

    reader.page.goto(live.page_url("article-all"))
    expect(reader.page.locator(f'li.item[data-id="{published[-1]}"]')).to_be_visible()
    expect(reader.page.locator(".author", has_text="<img src=x onerror=alert(1)>").first).to_be_visible()
    for li in reader.page.locator("ol.list > li.item").all()[:15]:
        li.hover()
    reader.page.keyboard.press("Tab")
    reader.page.wait_for_timeout(800)  # time for any onload/onanimation*/ontransition* handler to fire
    assert reader.page.evaluate("window.__pwned") is False
    assert reader.dialogs == []
    unsafe = reader.page.evaluate("""() => {
      const ok = new Set(["A","B","BLOCKQUOTE","BR","EM","I","LI","OL","P","STRONG","UL"]), bad = [];
      for (const host of document.querySelectorAll(".safeguard")) {
        for (const el of host.shadowRoot.querySelectorAll(".body *, .answers dd *")) {
          if (!ok.has(el.tagName)) bad.push(el.tagName);
          for (const a of el.attributes) {
            if (!["href", "rel"].includes(a.name) || (a.name === "href" && !/^(https?:|mailto:)/i.test(a.value)))
              bad.push(el.tagName + " " + a.name + "=" + a.value);
          }
        }
        if (host.shadowRoot.querySelector("script, iframe, object, embed, img, svg, math, style, link, base"))
          bad.push("active element in the shadow root");
      }
      return bad;
    }""")
    assert unsafe == []


def test_consultation_response_with_role_and_answers(live: Live, reader: Reader) -> None:
    reader.page.goto(live.page_url("consultation"))
    form = reader.page.get_by_role("form", name=re.compile("Respond to"))
    expect(reader.page.get_by_text("Open until 31 January 2030")).to_be_visible()
    form.get_by_label("Your name").fill("Morgan Teacher")
    form.get_by_label("I am responding as a…").select_option(label="Teacher or school staff")
    q1 = "A designated teacher who knows them and stable placements near the school."
    q2 = "Moves between placements mid-year; schools should keep places open."
    form.get_by_label(re.compile("^Question 1")).fill(q1)
    form.get_by_label(re.compile("^Question 2")).fill(q2)
    form.get_by_role("button", name="Send response").click()
    consent = form.get_by_label(re.compile("I agree that my response"))
    expect(consent).to_be_focused()
    expect(form.get_by_text("Tick the box to confirm")).to_be_visible()
    consent.check()
    form.get_by_role("button", name="Send response").click()
    expect(form.get_by_role("status")).to_have_text("Thanks, your response has been received.")
    [(role, answers, status)] = live.query(
        "SELECT role, answers, status FROM submissions WHERE author = 'Morgan Teacher'")
    assert role == "teacher_or_school_staff"
    assert json.loads(answers) == {"q1": q1, "q2": q2}
    assert status in ("accepted", "held")
    reader.shot("consultation-1280")
    reader.page.set_viewport_size({"width": 360, "height": 800})
    no_horizontal_scroll(reader)
    reader.shot("consultation-360")


def test_closed_consultation_shows_its_closing_date_instead_of_the_form(live: Live, reader: Reader) -> None:
    reader.page.goto(live.page_url("closed"))
    expect(reader.page.get_by_text("This consultation closed on 1 March 2024 at 17:00.")).to_be_visible()
    assert reader.page.locator(".safeguard form, .safeguard textarea").count() == 0
    reader.shot("closed-consultation-1280")


def test_feedback_by_keyboard_alone_is_never_published(live: Live, reader: Reader) -> None:
    text = "The page says allowances rose this year, but ours in Kent have not changed since 2022."
    reader.page.goto(live.page_url("feedback"))
    expect(reader.page.get_by_text("It is never published.")).to_be_visible()
    keys = reader.page.keyboard
    keys.press("Tab")
    expect(reader.page.get_by_label("Your name")).to_be_focused()
    keys.type("Kim Kinship")
    keys.press("Tab")
    keys.type(text)
    keys.press("Tab")
    button = reader.page.get_by_role("button", name="Send feedback")
    expect(button).to_be_focused()
    outline = button.evaluate("b => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth")
    assert outline == "solid 3px", outline
    keys.press("Enter")
    expect(reader.page.get_by_role("status")).to_have_text("Thanks, your feedback has been received.")
    reader.shot("feedback-1280")
    [(status,)] = live.query("SELECT status FROM submissions WHERE raw_text = ?", text)
    assert status in ("accepted", "held")
    listed = httpx.get(f"{live.api}/api/v1/sites/demo/threads/page-feedback/submissions", timeout=10).json()
    assert listed["items"] == [] and listed["total"] == 0
    reader.page.goto(live.page_url("article-all"))
    wait_list(reader)
    assert "allowances rose" not in reader.page.locator(".sg").inner_text()


def test_page_on_an_origin_the_site_does_not_allow_gets_no_comments(live: Live, reader: Reader) -> None:
    # localhost is a different origin from 127.0.0.1, and only the latter is on the demo site.
    reader.page.goto(live.page_url("article").replace("127.0.0.1", "localhost"))
    expect(reader.page.get_by_role("alert")).to_contain_text("Comments could not be loaded")
    assert reader.page.get_by_role("form").count() == 0


def test_load_more_and_sort(live: Live, reader: Reader) -> None:
    texts = [f"Paging check: point number {word} about respite care for kinship families."
             for word in ("one", "two", "three", "four", "five")]
    for text in texts:
        assert live.post("welcome", {"author": "Pager", "text": text}) == "published"
    reader.page.goto(live.page_url("article-paged"))
    items = reader.page.locator("ol.list > li.item")
    expect(items).to_have_count(2)
    more = reader.page.get_by_role("button", name="Load more")
    more.click()
    expect(items).to_have_count(4)
    expect(items.nth(2)).to_be_focused()
    reader.page.get_by_label("Sort").select_option(label="Newest first")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text(texts[-1])
    expect(items.nth(1)).to_contain_text(texts[-2])


def test_demo_page_runs_all_three_widgets_under_its_strict_csp(live: Live, reader: Reader) -> None:
    console: list[str] = []
    reader.page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    reader.page.goto(f"{live.api}/")
    expect(reader.page.get_by_role("heading", name="Comments")).to_be_visible()
    expect(reader.page.get_by_role("heading", name="Call for evidence: education of children in care")).to_be_visible()
    expect(reader.page.get_by_role("form", name="Tell us if you see it differently")).to_be_visible()
    button = reader.page.get_by_role("button", name="Post comment")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(29, 112, 184)"
    assert [m for m in console if "Content Security Policy" in m] == []
    reader.shot("demo-1280")
    reader.page.set_viewport_size({"width": 360, "height": 800})
    no_horizontal_scroll(reader)
    reader.shot("demo-360")


def test_unknown_thread_is_created_on_first_sight_where_the_site_allows_it(live: Live, reader: Reader) -> None:
    reader.page.goto(live.page_url("first-sight"))
    status = post_comment(reader, "First Reader", "Glad to see this covered; the allowance rules are confusing.")
    expect(status).to_have_text("Published.")
    [(kind, title, url)] = live.query("SELECT kind, title, url FROM threads WHERE key = 'first-sight-article'")
    assert (kind, title, url) == ("article", "A brand new article", live.page_url("first-sight"))
    # The demo site does not auto-create: a typo in data-thread is reported, not turned into a thread.
    reader.page.goto(live.page_url("unknown"))
    expect(reader.page.get_by_role("alert")).to_contain_text("No thread 'no-such-thread' on site 'demo'")
    assert live.query("SELECT count(*) FROM threads WHERE key = 'no-such-thread'") == [(0,)]


def test_consultation_that_publishes_responses_lists_role_and_answers(live: Live, reader: Reader) -> None:
    answer = "Fewer forms, and <b>one</b> named contact at the council. See https://example.org/breaks"
    status = live.post(PUBLISHED, {"author": "Robin", "role": "parent_or_carer", "text": "",
                                   "answers": {"q1": answer}})
    assert status == "published"
    reader.page.goto(live.page_url("published-consultation"))
    response = reader.page.locator("li.item", has_text="Robin")
    expect(response.locator(".role")).to_have_text("Parent or carer")
    expect(response.locator("dt")).to_have_text("What would make short breaks easier to get?")
    dd = response.locator("dd")
    expect(dd).to_contain_text("Fewer forms, and one named contact")
    expect(dd.locator("b")).to_have_text("one")
    assert dd.locator("a").get_attribute("href") == "https://example.org/breaks"
    assert dd.locator("a").get_attribute("rel") == "nofollow ugc noopener noreferrer"
    expect(reader.page.get_by_text("Responses are checked and then published.")).to_be_visible()
