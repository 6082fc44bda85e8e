/* Safeguard reader widget: comments, consultation responses and feedback, rendered in a shadow root.
 *
 * Embed: <script src="https://SAFEGUARD/widget.js" data-site="SITE" data-thread="THREAD" async></script>
 * Target: data-target="CSS selector" if given; else the element right before the script if it has
 * the class "safeguard"; else a new <div class="safeguard"> inserted right after the script.
 * Sites with auto_create_threads get an unknown thread created from the page's URL and title.
 * No framework, no cookies, no build step: the server inlines widget.css where CSS is below.
 */
(function () {
  "use strict";
  var CSS = "/*__SAFEGUARD_CSS__*/";
  var ROLES = [
    ["parent_or_carer", "Parent or carer"],
    ["young_person", "Young person"],
    ["social_worker", "Social worker"],
    ["teacher_or_school_staff", "Teacher or school staff"],
    ["other_professional", "Other professional"],
    ["other", "Other"]
  ];
  var REASONS = [
    ["abuse", "Abusive, hateful or threatening"],
    ["child_data", "Identifies a child"],
    ["personal_information", "Shares someone's personal information"],
    ["spam", "Spam or advertising"],
    ["misinformation", "False or misleading"],
    ["other", "Something else"]
  ];
  // The only markup the API's sanitiser emits; anything else is shown as plain text (defence in depth).
  var TAGS = { A: 1, B: 1, BLOCKQUOTE: 1, BR: 1, EM: 1, I: 1, LI: 1, OL: 1, P: 1, STRONG: 1, UL: 1 };
  var sheet = null;
  var seq = 0;

  function uid(p) { seq += 1; return "sg-" + p + "-" + seq; }

  /* Build an element; strings among the children become text nodes, never markup. */
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v == null || v === false) return;
      if (k === "text") el.textContent = v;
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    });
    (kids || []).forEach(function (c) { if (c != null) el.append(c); });
    return el;
  }

  /* The API's html is already sanitised; parse it inert and re-check against the same allow-list. */
  function safeHTML(html) {
    var t = document.createElement("template");
    t.innerHTML = String(html || "");
    clean(t.content);
    return t.content;
  }
  function clean(node) {
    Array.prototype.slice.call(node.children).forEach(function (el) {
      if (!TAGS[el.tagName]) { el.replaceWith(document.createTextNode(el.textContent)); return; }
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        var keep = el.tagName === "A" && (a.name === "rel" ||
          (a.name === "href" && /^(https?:|mailto:)/i.test(a.value.trim())));
        if (!keep) el.removeAttribute(a.name);
      });
      if (el.tagName === "A") el.setAttribute("rel", "nofollow ugc noopener noreferrer");
      clean(el);
    });
  }

  function fmtDate(iso, withTime) {
    var opts = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" };
    if (withTime) { opts.hour = "2-digit"; opts.minute = "2-digit"; }
    try { return new Intl.DateTimeFormat("en-GB", opts).format(new Date(iso)); } catch (e) { return iso; }
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
  }

  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  /* fetch without cookies; errors carry the API's {error, message, errors:[{field, message}]}. */
  function call(url, opts) {
    opts = opts || {};
    var headers = Object.assign({ Accept: "application/json" }, opts.headers || {});
    return fetch(url, Object.assign({}, opts, { headers: headers, mode: "cors", credentials: "omit" }))
      .catch(function () {
        throw Object.assign(new Error("We could not reach the comments service. Check your connection and try again."),
          { errors: [], network: true });
      })
      .then(function (res) {
        return res.json().catch(function () { return null; }).then(function (body) {
          if (res.ok) return body;
          var msg = body && body.message ? body.message : "The comments service answered with an error (" + res.status + "). Try again later.";
          throw Object.assign(new Error(msg), { status: res.status, code: body && body.error, errors: (body && body.errors) || [] });
        });
      });
  }

  function say(el, text, tone) {
    el.className = "status" + (tone ? " " + tone : "");
    el.textContent = text || "";
  }

  /* ---------------------------------------------------------------- forms */

  function makeForm(label, onSubmit) {
    var status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    var form = h("form", { novalidate: true, "aria-label": label });
    form.sg = { fields: {}, status: status, key: null, busy: false };
    // Editing starts a new attempt: a fresh Idempotency-Key; resubmitting the same text reuses it.
    form.addEventListener("input", function () { form.sg.key = null; });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (form.sg.busy) return;
      onSubmit(form);
    });
    return form;
  }

  function field(form, name, label, o) {
    o = o || {};
    var id = uid("f"), errId = id + "-err", hintId = o.hint ? id + "-hint" : null;
    var err = h("p", { class: "err", id: errId, hidden: true });
    var ctl;
    if (o.type === "textarea") ctl = h("textarea", { rows: o.rows || 5, maxlength: o.max });
    else if (o.type === "select") {
      ctl = h("select", {}, [h("option", { value: "", text: o.placeholder || "Choose one" })].concat(
        o.options.map(function (op) { return h("option", { value: op[0], text: op[1] }); })));
    } else if (o.type === "checkbox") ctl = h("input", { type: "checkbox" });
    else ctl = h("input", { type: o.type || "text", maxlength: o.max, autocomplete: o.autocomplete, spellcheck: o.type === "email" ? "false" : null });
    ctl.id = id;
    ctl.name = name;
    if (o.required) ctl.setAttribute("aria-required", "true");
    ctl.setAttribute("aria-describedby", (hintId ? hintId + " " : "") + errId);
    var wrap;
    if (o.type === "checkbox") {
      wrap = h("div", { class: "field" }, [h("label", { class: "check", for: id }, [ctl, h("span", { text: label })]),
        hintId ? h("span", { class: "hint", id: hintId, text: o.hint }) : null, err]);
    } else {
      wrap = h("div", { class: "field" }, [h("label", { for: id, text: label }),
        hintId ? h("span", { class: "hint", id: hintId, text: o.hint }) : null, err, ctl]);
    }
    form.sg.fields[name] = { ctl: ctl, err: err, required: o.required, label: o.requiredMsg || ("Enter " + label.toLowerCase()) };
    form.append(wrap);
    return ctl;
  }

  function value(form, name) {
    var f = form.sg.fields[name];
    if (!f) return undefined;
    return f.ctl.type === "checkbox" ? f.ctl.checked : f.ctl.value.trim();
  }

  function showErrors(form, errors, summary) {
    var first = null, unplaced = [];
    Object.keys(form.sg.fields).forEach(function (n) {
      var f = form.sg.fields[n];
      f.err.hidden = true;
      f.err.textContent = "";
      f.ctl.removeAttribute("aria-invalid");
    });
    (errors || []).forEach(function (e) {
      var f = form.sg.fields[e.field];
      if (!f) { unplaced.push(e.message); return; }
      f.err.textContent = e.message;
      f.err.hidden = false;
      f.ctl.setAttribute("aria-invalid", "true");
      if (!first) first = f.ctl;
    });
    if (summary || unplaced.length) say(form.sg.status, [summary].concat(unplaced).filter(Boolean).join(" "), "bad");
    if (first) first.focus();
  }

  function localErrors(form) {
    var errs = [];
    Object.keys(form.sg.fields).forEach(function (n) {
      var f = form.sg.fields[n];
      if (f.required && !value(form, n)) errs.push({ field: n, message: f.label });
    });
    return errs;
  }

  function submitButton(form, text, extra) {
    form.sg.button = h("button", { type: "submit", text: text });
    form.append(h("div", { class: "row" }, [form.sg.button].concat(extra || [])), form.sg.status);
  }

  /* ---------------------------------------------------------------- one embed */

  function Widget(script) {
    this.site = script.getAttribute("data-site");
    this.thread = script.getAttribute("data-thread");
    var base = script.getAttribute("data-api") || new URL(script.src, location.href).origin;
    this.base = base.replace(/\/+$/, "");
    this.api = this.base + "/api/v1/sites/" + encodeURIComponent(this.site) + "/threads/" + encodeURIComponent(this.thread);
    this.pageSize = Math.min(100, Math.max(1, parseInt(script.getAttribute("data-page-size"), 10) || 20));
    this.order = script.getAttribute("data-order") === "newest" ? "newest" : "oldest";
    this.cursor = null;
    var host = findTarget(script);
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    adopt(root);
    this.box = h("section", { class: "sg", lang: "en-GB", "aria-busy": "true" }, [h("p", { class: "muted", text: "Loading…" })]);
    root.replaceChildren(this.box);
    if (!root.adoptedStyleSheets || !root.adoptedStyleSheets.length) root.prepend(h("style", { text: CSS }));
    var self = this;
    call(this.api).catch(function (e) { return self.firstSight(e); }).then(function (t) { self.render(t); }, function (e) {
      self.box.replaceChildren(h("p", { class: "err", role: "alert", text: "Comments could not be loaded. " + e.message }));
    }).then(function () { self.box.removeAttribute("aria-busy"); });
  }

  /* An unknown thread is created from this page's address if the site allows it. The look-up's 404
     may come without CORS (a network error here), so this request also tells why a thread is missing. */
  Widget.prototype.firstSight = function (err) {
    if (err.status !== 404 && !err.network) throw err;
    var url = this.base + "/api/v1/sites/" + encodeURIComponent(this.site) + "/threads";
    var page = location.href.split("#")[0];
    return call(url, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ thread: this.thread, url: page, title: document.title || this.thread })
    }).catch(function (again) { throw again.status ? again : err; });
  };

  Widget.prototype.render = function (t) {
    this.t = t;
    this.qtext = {};
    var self = this;
    (t.questions || []).forEach(function (q) { self.qtext[q.id] = q.text; });
    var b = this.box;
    b.replaceChildren();
    b.setAttribute("aria-labelledby", b.appendChild(h("h2", { id: uid("h"), text: t.kind === "article" ? "Comments" : t.title })).id);
    b.classList.add("kind-" + t.kind);
    if (t.kind === "consultation") this.consultation();
    else if (t.kind === "feedback") this.feedback();
    else this.comments();
  };

  Widget.prototype.closedNote = function (noun) {
    var t = this.t;
    if (t.state === "closed") return h("p", { class: "closed", text: "This " + noun + " closed on " + fmtDate(t.closes_at, true) + "." });
    if (t.state === "not_open") return h("p", { class: "closed", text: "This " + noun + " opens on " + fmtDate(t.opens_at, true) + "." });
    return null;
  };

  /* ---- comments */

  Widget.prototype.listArea = function (heading) {
    var self = this, id = uid("sort");
    this.count = h("p", { class: "muted", "aria-live": "polite" });
    var sort = h("select", { id: id, onchange: function () { self.order = sort.value; self.load(false); } }, [
      h("option", { value: "oldest", text: "Oldest first" }), h("option", { value: "newest", text: "Newest first" })]);
    sort.value = this.order;
    this.list = h("ol", { class: "list" });
    this.more = h("button", { type: "button", class: "secondary", hidden: true, text: "Load more", onclick: function () { self.load(true); } });
    this.listStatus = h("p", { class: "status", role: "status", "aria-live": "polite" });
    if (heading) this.box.append(h("h3", { text: heading }));
    this.box.append(h("div", { class: "bar" }, [this.count, h("div", {}, [h("label", { for: id, text: "Sort" }), sort])]),
      this.list, this.more, this.listStatus);
    this.load(false);
  };

  Widget.prototype.load = function (append) {
    var self = this;
    var q = new URLSearchParams({ order: this.order, limit: String(this.pageSize) });
    if (append && this.cursor) q.set("cursor", this.cursor);
    this.more.disabled = true;
    return call(this.api + "/submissions?" + q).then(function (page) {
      if (!append) self.list.replaceChildren();
      var first = null;
      page.items.forEach(function (it) {
        var li = self.item(it, 0);
        if (!first) first = li;
        self.list.append(li);
      });
      self.cursor = page.next_cursor;
      self.more.hidden = !self.cursor;
      var noun = self.t.kind === "article" ? "comment" : "response";
      self.count.textContent = page.total ? page.total + " " + noun + (page.total === 1 ? "" : "s") : "No " + noun + "s yet.";
      say(self.listStatus, "");
      // Keyboard users who asked for more land on the first new item rather than back at the top.
      if (append && first) { first.setAttribute("tabindex", "-1"); first.focus(); }
    }, function (e) { say(self.listStatus, "Could not load comments. " + e.message, "bad"); })
      .then(function () { self.more.disabled = false; });
  };

  Widget.prototype.item = function (it, depth) {
    var self = this;
    var role = ROLES.filter(function (r) { return r[0] === it.role; })[0];
    var li = h("li", { class: "item", "data-id": it.id });
    var meta = h("div", { class: "meta" }, [
      h("span", { class: "author", text: it.author }),
      role ? h("span", { class: "role", text: role[1] }) : null,
      h("time", { class: "muted", datetime: it.created_at, text: fmtDate(it.created_at, true) })]);
    li.append(meta);
    if (it.html) li.append(h("div", { class: "body" }, [safeHTML(it.html)]));
    if (it.answers_html) {
      var dl = h("dl", { class: "answers" });
      Object.keys(it.answers_html).forEach(function (qid) {
        dl.append(h("dt", { text: self.qtext[qid] || qid }), h("dd", {}, [safeHTML(it.answers_html[qid])]));
      });
      li.append(dl);
    }
    var slot = h("div");
    var actions = h("div", { class: "actions" });
    if (this.t.kind === "article" && this.t.open) {
      actions.append(this.toggle("Reply", "Reply to " + it.author, slot, function () { return self.replyForm(it); }));
    }
    actions.append(this.toggle("Report", "Report comment by " + it.author, slot, function () { return self.reportForm(it); }));
    li.append(actions, slot);
    if (it.replies && it.replies.length) {
      li.append(h("ol", { class: "replies", "aria-label": "Replies to " + it.author }, it.replies.map(function (r) { return self.item(r, depth + 1); })));
    }
    return li;
  };

  /* A disclosure button: opens its form in the slot, moves focus into it, and closes on Escape. */
  Widget.prototype.toggle = function (text, label, slot, build) {
    var btn = h("button", { type: "button", class: "link", "aria-expanded": "false", "aria-label": label, text: text });
    btn.addEventListener("click", function () {
      var open = btn.getAttribute("aria-expanded") === "true";
      slot.replaceChildren();
      Array.prototype.forEach.call(btn.parentNode.children, function (b) { b.setAttribute("aria-expanded", "false"); });
      if (open) return;
      var form = build();
      form.sg.close = function () { slot.replaceChildren(); btn.setAttribute("aria-expanded", "false"); btn.focus(); };
      form.addEventListener("keydown", function (ev) { if (ev.key === "Escape") form.sg.close(); });
      form.append(h("button", { type: "button", class: "secondary", text: "Cancel", onclick: form.sg.close }));
      slot.append(form);
      btn.setAttribute("aria-expanded", "true");
      form.querySelector("input, textarea, select").focus();
    });
    return btn;
  };

  Widget.prototype.comments = function () {
    var closed = this.closedNote("discussion");
    this.listArea(null);
    if (closed) { this.box.append(closed); return; }
    this.box.append(this.commentForm(null));
  };

  Widget.prototype.commentForm = function (parent) {
    var self = this;
    var form = makeForm(parent ? "Reply to " + parent.author : "Add a comment", function (f) {
      var body = { author: value(f, "author"), text: value(f, "text") };
      if (parent) body.parent_id = parent.id;
      var email = value(f, "email");
      if (email) body.email = email;
      if (value(f, "notify")) body.notify = true;
      var errs = localErrors(f);
      if (value(f, "notify") && !email) errs.push({ field: "email", message: "Enter your email address so we can tell you, or untick the box" });
      self.send(f, body, errs);
    });
    if (!parent) form.append(h("h3", { text: "Add a comment" }));
    field(form, "author", "Display name", { required: true, max: 100, autocomplete: "nickname", hint: "Shown with your comment.", requiredMsg: "Enter a display name" });
    if (!parent) {
      field(form, "email", "Email (optional)", { type: "email", max: 320, autocomplete: "email", hint: "Never shown. Only used if you tick the box below." });
      field(form, "notify", "Email me when my comment is published", { type: "checkbox" });
    }
    field(form, "text", parent ? "Your reply" : "Comment", { type: "textarea", required: true, requiredMsg: "Write your comment",
      hint: "Please don't name or identify any child. Comments are checked before they appear." });
    submitButton(form, parent ? "Post reply" : "Post comment");
    return form;
  };

  Widget.prototype.replyForm = function (it) { return this.commentForm(it); };

  Widget.prototype.reportForm = function (it) {
    var self = this;
    var form = makeForm("Report comment by " + it.author, function (f) {
      var errs = localErrors(f);
      if (errs.length) return showErrors(f, errs, "Choose a reason for your report.");
      var body = { reason: value(f, "reason") };
      if (value(f, "note")) body.note = value(f, "note");
      f.sg.busy = f.sg.button.disabled = true;
      call(self.base + "/api/v1/submissions/" + encodeURIComponent(it.id) + "/reports", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
      }).then(function (res) {
        var slot = f.parentNode;
        var done = h("p", { class: "status ok", role: "status", tabindex: "-1", text: res.message || "Thanks, a moderator will look at this comment." });
        slot.replaceChildren(done);
        done.focus();
      }, function (e) { showErrors(f, e.errors, e.message); })
        .then(function () { f.sg.busy = f.sg.button.disabled = false; });
    });
    field(form, "reason", "Why are you reporting this comment?", { type: "select", options: REASONS, required: true, requiredMsg: "Choose a reason" });
    field(form, "note", "Anything else a moderator should know (optional)", { type: "textarea", rows: 3, max: 2000 });
    submitButton(form, "Send report");
    return form;
  };

  /* ---- consultation and feedback */

  Widget.prototype.consultation = function () {
    var t = this.t, self = this;
    if (t.intro) this.box.append(h("p", { text: t.intro }));
    var closed = this.closedNote("consultation");
    if (closed) this.box.append(closed);
    else if (t.closes_at) this.box.append(h("p", { class: "muted", text: "Open until " + fmtDate(t.closes_at, true) + "." }));
    if (!closed) {
      var form = makeForm("Respond to " + t.title, function (f) {
        var answers = {};
        (t.questions || []).forEach(function (q) { var v = value(f, "answers." + q.id); if (v) answers[q.id] = v; });
        var body = { author: value(f, "author"), role: value(f, "role"), text: value(f, "text") || "" };
        if (Object.keys(answers).length) body.answers = answers;
        var errs = localErrors(f);
        if (!body.text && !body.answers && t.questions && t.questions.length) {
          errs.push({ field: "answers." + t.questions[0].id, message: "Answer at least one question" });
        }
        self.send(f, body, errs);
      });
      form.append(h("h3", { text: "Your response" }));
      field(form, "author", "Your name", { required: true, max: 100, autocomplete: "name", requiredMsg: "Enter your name",
        hint: t.publishes_responses ? "Shown with your response when it is published." : "Seen only by the team reading responses." });
      field(form, "role", "I am responding as a…", { type: "select", options: ROLES, required: true, requiredMsg: "Choose how you are responding" });
      (t.questions || []).forEach(function (q, i) {
        field(form, "answers." + q.id, "Question " + (i + 1) + ": " + q.text, { type: "textarea" });
      });
      field(form, "text", "Anything else you want to tell us (optional)", { type: "textarea", rows: 3 });
      field(form, "consent", "I agree that my response can be used for this consultation" +
        (t.publishes_responses ? " and published" : "") + ", and I have not named or identified any child.",
        { type: "checkbox", required: true, requiredMsg: "Tick the box to confirm before you send your response" });
      submitButton(form, "Send response");
      this.box.append(h("p", { class: "muted", text: t.publishes_responses
        ? "Responses are checked and then published."
        : "Responses are private: they are read by the team and not published." }), form);
    }
    if (t.publishes_responses) this.listArea("Published responses");
  };

  Widget.prototype.feedback = function () {
    var self = this;
    this.box.append(h("p", { class: "muted", text: "Your feedback goes to the team running this page. It is never published." }));
    var form = makeForm(this.t.title || "Feedback", function (f) {
      self.send(f, { author: value(f, "author"), text: value(f, "text") }, localErrors(f));
    });
    field(form, "author", "Your name", { required: true, max: 100, autocomplete: "name", requiredMsg: "Enter your name" });
    field(form, "text", "Your feedback", { type: "textarea", required: true, rows: 4, requiredMsg: "Write your feedback" });
    submitButton(form, "Send feedback");
    this.box.append(form);
  };

  /* ---- posting and honest status */

  Widget.prototype.send = function (form, body, errs) {
    var self = this, sg = form.sg;
    if (errs && errs.length) return showErrors(form, errs, "Check the highlighted fields.");
    showErrors(form, [], null);
    sg.key = sg.key || newKey();
    sg.busy = sg.button.disabled = true;
    say(sg.status, "Sending…");
    call(this.api + "/submissions", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": sg.key },
      body: JSON.stringify(body)
    }).then(function (res) {
      // Not the API's message: for private threads it reads like the final answer, which comes later.
      say(sg.status, "Sent. Checking it now…");
      return self.poll(res.id).then(function (st) { self.outcome(form, st); });
    }, function (e) {
      showErrors(form, e.errors, e.message);
    }).then(function () { sg.busy = sg.button.disabled = false; });
  };

  Widget.prototype.poll = function (id) {
    var url = this.base + "/api/v1/submissions/" + encodeURIComponent(id) + "/status";
    var tries = 0, last = { status: "received" };
    function step() {
      if (tries >= 24) return last;
      tries += 1;
      return sleep(tries < 6 ? 250 : 600).then(function () { return call(url); }).then(function (st) {
        last = st;
        return st.status === "received" ? step() : st;
      }, function () { return step(); });
    }
    return step();
  };

  Widget.prototype.outcome = function (form, st) {
    var t = this.t, s = st.status, sg = form.sg;
    var noun = t.kind === "article" ? "comment" : t.kind === "feedback" ? "feedback" : "response";
    var msg, tone = "ok", reset = true;
    if (s === "published") msg = "Published.";
    else if (s === "accepted" || (s === "held" && !t.publishes_responses)) {
      msg = noun === "feedback" ? "Thanks, your feedback has been received." : "Thanks, your response has been received.";
    } else if (s === "held") msg = "Thanks — your " + noun + " will appear after a moderator has reviewed it.";
    else if (s === "rejected") {
      msg = "Sorry, your " + noun + " can't be published because it breaks the site's rules. You can change it and try again.";
      tone = "bad"; reset = false;
    } else msg = "Thanks, we have your " + noun + ". It is still being checked and will appear here if it is approved.";
    say(sg.status, msg, tone);
    sg.key = null;
    if (reset) {
      Object.keys(sg.fields).forEach(function (n) {
        var c = sg.fields[n].ctl;
        if (n === "author" || n === "email" || n === "role") return;
        if (c.type === "checkbox") c.checked = false; else c.value = "";
      });
    }
    if (s === "published" && this.list) {
      var self = this;
      this.load(false).then(function () {
        // A reply form lives inside the re-rendered list: announce the outcome under the list instead.
        if (!form.isConnected) {
          var li = self.list.querySelector('[data-id="' + st.id + '"]');
          if (li) { li.setAttribute("tabindex", "-1"); li.focus(); }
          say(self.listStatus, msg, tone);
        }
      });
    }
  };

  /* ---------------------------------------------------------------- mounting */

  function adopt(root) {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      root.adoptedStyleSheets = [sheet];
    } catch (e) { /* older engines: a <style> element is added instead */ }
  }

  function findTarget(script) {
    var sel = script.getAttribute("data-target");
    var el = sel ? document.querySelector(sel) : null;
    if (el) return el;
    var prev = script.previousElementSibling;
    if (prev && prev.classList.contains("safeguard") && !prev.shadowRoot) return prev;
    el = document.createElement("div");
    el.className = "safeguard";
    script.after(el);
    return el;
  }

  function mountAll() {
    // Each copy of this script mounts every embed not yet mounted, so several embeds on a page work
    // whichever copy runs first (async scripts run in any order).
    var scripts = document.querySelectorAll("script[data-site][data-thread]");
    Array.prototype.forEach.call(scripts, function (s) {
      if (s.hasAttribute("data-sg-mounted") || !/\/widget\.js(\?|#|$)/.test(s.src)) return;
      s.setAttribute("data-sg-mounted", "");
      try { new Widget(s); } catch (e) { if (window.console) console.error("Safeguard widget:", e); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
