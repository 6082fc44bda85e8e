/* Keyboard shortcuts for the moderator pages: j/k move, a approve, r reject, e redact, x select.
   Progressive enhancement only: every action is a plain form or link without this file. */
(function () {
  "use strict";
  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }
  function click(el) { if (el) { el.click(); return true; } return false; }

  function queueKeys(list) {
    var rows = Array.prototype.slice.call(list.querySelectorAll("li.item"));
    if (!rows.length) return null;
    var current = -1;
    function select(i) {
      if (i < 0 || i >= rows.length) return;
      if (current >= 0) rows[current].classList.remove("current");
      current = i;
      rows[i].classList.add("current");
      var link = rows[i].querySelector("a.open");
      if (link) link.focus();
    }
    rows.forEach(function (row, i) {
      row.addEventListener("focusin", function () {
        if (current >= 0) rows[current].classList.remove("current");
        current = i;
        row.classList.add("current");
      });
    });
    return function (key) {
      var row = rows[current];
      if (key === "j") { select(current + 1); return true; }
      if (key === "k") { select(current <= 0 ? 0 : current - 1); return true; }
      if (!row) return false;
      if (key === "a") return click(row.querySelector("[data-key=a]"));
      if (key === "r") return click(row.querySelector("[data-key=r]"));
      if (key === "e") return click(row.querySelector("[data-key=e]"));
      if (key === "x") return click(row.querySelector("input.sel"));
      return false;
    };
  }

  function itemKeys() {
    return function (key) {
      if (key === "j") return click(document.getElementById("next-item"));
      if (key === "k") return click(document.getElementById("prev-item"));
      if (key === "a") return click(document.getElementById("approve-btn"));
      if (key === "r") {
        var reason = document.getElementById("reject-reason");
        if (!reason) return false;
        reason.scrollIntoView({block: "center"});
        reason.focus();
        return true;
      }
      if (key === "e") {
        var form = document.getElementById("redact");
        if (!form) return false;
        form.scrollIntoView({block: "center"});
        (form.querySelector("input[type=checkbox]") || document.getElementById("redact-btn")).focus();
        return true;
      }
      return false;
    };
  }

  var list = document.getElementById("items");
  var handler = list ? queueKeys(list) : (document.body.classList.contains("page-item") ? itemKeys() : null);
  if (!handler) return;
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    if (handler(ev.key)) ev.preventDefault();
  });
  // Opening an item from a #reject or #redact link: put focus where the work is.
  if (location.hash === "#reject" || location.hash === "#redact") {
    var target = document.querySelector(location.hash + " select, " + location.hash + " input[type=checkbox]");
    if (target) target.focus();
  }
})();
