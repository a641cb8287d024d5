/* Décodia in an LMS: the SCORM adapter of a lesson package (written by `decodia scorm`, book/scorm/).
   Loaded before decodia-quiz.js. When the page finds the LMS's API (the ADL search: this window's parents, then
   the opener's), it opens the session, keeps the self-check's answers in the LMS (suspend data) instead of this
   browser, reports each checked question as an interaction, the score and the status, and commits and closes
   the session when the page is left. With no API, it does nothing: the page works as in the book.
   Its script tag says: data-version "1.2" or "2004", data-mastery the passing score in % ("" for none) and
   data-types the SCORM interaction type of each quiz item type (from quizzes/types/*.py). No library, no network. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) { return; }
  var V2004 = me.getAttribute("data-version") === "2004";
  var TYPES = JSON.parse(me.getAttribute("data-types") || "{}");
  var pageMastery = me.getAttribute("data-mastery");
  var NAME = V2004 ? "API_1484_11" : "API";

  // -- finding the API: the search of the ADL SCORM run-time books, guarded against cross-origin frames ----------
  function climb(win) {
    for (var tries = 0; win && tries < 500; tries++) {
      try { if (win[NAME]) { return win[NAME]; } } catch (e) { return null; }   // another site's frame: stop
      var up = null;
      try { up = win.parent; } catch (e) { up = null; }
      if (!up || up === win) { return null; }
      win = up;
    }
    return null;
  }
  function findAPI() {
    var api = climb(window);
    if (!api) {
      try { if (window.opener) { api = climb(window.opener); } } catch (e) { api = null; }
    }
    if (!api) {
      try { if (window.top && window.top.opener) { api = climb(window.top.opener); } } catch (e) { api = null; }
    }
    return api;
  }

  var api = findAPI();
  if (!api) { return; }
  var F = V2004 ? { init: "Initialize", end: "Terminate", get: "GetValue", set: "SetValue", commit: "Commit" }
                : { init: "LMSInitialize", end: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit" };
  var E = V2004 ? { completion: "cmi.completion_status", success: "cmi.success_status", suspend: "cmi.suspend_data",
                    exit: "cmi.exit", raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
                    time: "cmi.session_time", passing: "cmi.scaled_passing_score" }
                : { completion: "cmi.core.lesson_status", suspend: "cmi.suspend_data", exit: "cmi.core.exit",
                    raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
                    time: "cmi.core.session_time", passing: "cmi.student_data.mastery_score" };
  var SUSPEND_MAX = V2004 ? 64000 : 4096;
  function ok(value) { return value === true || String(value) === "true"; }
  function call(name, a, b) { try { return api[name](a, b); } catch (e) { return ""; } }
  function get(element) { var v = call(F.get, element); return v === null || v === undefined ? "" : String(v); }
  function set(element, value) { return ok(call(F.set, element, String(value))); }

  if (!ok(call(F.init, ""))) { return; }
  var open = true, started = Date.now();

  var status = get(E.completion);
  if (V2004 ? (status === "not attempted" || status === "unknown" || status === "") : (status === "not attempted" || status === "")) {
    set(E.completion, "incomplete");
  }
  // The passing score: the LMS's (from the manifest, or changed by the teacher) wins over the page's.
  var mastery = null, fromLMS = get(E.passing);
  if (fromLMS !== "" && !isNaN(Number(fromLMS))) {
    mastery = V2004 ? Number(fromLMS) * 100 : Number(fromLMS);
  } else if (pageMastery !== null && pageMastery !== "" && !isNaN(Number(pageMastery))) {
    mastery = Number(pageMastery);
  }

  // -- the answers live in the LMS: the quiz reads and writes them through this store --------------------------
  window.DecodiaQuizStore = {
    load: function () {
      var text = get(E.suspend);
      return text ? JSON.parse(text) : {};
    },
    save: function (key, saved) {
      var text = JSON.stringify(saved);
      if (text.length > SUSPEND_MAX && saved.variant) {      // too long for this SCORM: keep the shown set only
        var answers = {};
        answers[saved.variant] = (saved.answers || {})[saved.variant];
        text = JSON.stringify({ variant: saved.variant, answers: answers, last: saved.last });
      }
      if (text.length <= SUSPEND_MAX) { set(E.suspend, text); }
    }
  };

  // -- reporting a check -------------------------------------------------------------------------------------------
  var SEP = V2004 ? "[,]" : ",", PAIR = V2004 ? "[.]" : ".";
  function ident(text) {
    var id = String(text).replace(/[^A-Za-z0-9_.-]+/g, "_").slice(0, 250);
    return /\w/.test(id) ? id : "x" + id;
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function timestamp(d) {
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + "T" + two(d.getHours()) + ":" +
      two(d.getMinutes()) + ":" + two(d.getSeconds());
  }
  function duration(ms) {
    var s = Math.max(0, Math.round(ms / 1000)), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    s = s % 60;
    if (V2004) { return "PT" + h + "H" + m + "M" + s + "S"; }
    return (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + h + ":" + two(m) + ":" + two(s);
  }
  function number(text) {
    var t = String(text).replace(/\s/g, "").replace(/,/g, ".");
    return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? String(Number(t)) : null;
  }
  // A matching response names each right-hand side by its text; SCORM wants identifiers: its place in the list.
  function rightId(fs, left, text) {
    var select = fs.querySelector('select[data-choice="' + left + '"]'), i;
    for (i = 0; select && i < select.options.length; i++) { if (select.options[i].value === text) { return "r" + i; } }
    return ident(text);
  }
  // [SCORM interaction type, learner response in that type's format] of one checked item.
  function response(item) {
    var kind = TYPES[item.type] || "other", r = item.response;
    if (kind === "choice" || kind === "sequencing") {
      return [kind, (Array.isArray(r) ? r : [r]).map(ident).join(SEP)];
    }
    if (kind === "true-false") {
      var yes = String(r) === "true";
      return [kind, V2004 ? String(yes) : (yes ? "t" : "f")];
    }
    if (kind === "numeric" && number(r) !== null) { return [kind, number(r)]; }
    if (kind === "matching") {
      return [kind, Object.keys(r).map(function (l) { return ident(l) + PAIR + rightId(item.fieldset, l, r[l]); }).join(SEP)];
    }
    var text = String(r).replace(/\[[,.]\]/g, " ").replace(/^\{/, "(").slice(0, 250);   // fill-in, or a non-number
    return ["fill-in", text];
  }
  var known = {};     // interaction id -> index (2004 lets a SCO rewrite its interactions; 1.2 only appends)
  if (V2004) {
    var count = Number(get("cmi.interactions._count")) || 0, n;
    for (n = 0; n < count; n++) { known[get("cmi.interactions." + n + ".id")] = n; }
  }
  function interaction(quizId, item, when) {
    var id = ident(quizId + "." + item.id), n = known[id];
    if (n === undefined) {
      n = Number(get("cmi.interactions._count")) || 0;
      if (V2004) { known[id] = n; }
    }
    var base = "cmi.interactions." + n + ".", right = item.points >= item.max, none = item.response === null;
    var typed = none ? [TYPES[item.type] || "other", ""] : response(item);
    set(base + "id", id);
    set(base + "type", typed[0]);
    set(base + "weighting", item.max);
    if (V2004) {
      set(base + "timestamp", timestamp(when));
      if (!none) { set(base + "learner_response", typed[1]); }
      set(base + "result", right ? "correct" : item.points > 0 ? String(Math.round(item.points / item.max * 100) / 100) : "incorrect");
      set(base + "description", ((item.fieldset.querySelector("legend") || {}).textContent || "").replace(/^\s*\{/, "(").slice(0, 250));
    } else {
      set(base + "time", two(when.getHours()) + ":" + two(when.getMinutes()) + ":" + two(when.getSeconds()));
      if (!none) { set(base + "student_response", typed[1].slice(0, 255)); }
      set(base + "result", right ? "correct" : "wrong");
    }
  }

  document.addEventListener("decodia:graded", function (event) {
    if (!open) { return; }
    var result = event.detail.result, when = new Date();
    event.detail.items.forEach(function (item) { interaction(result.quiz, item, when); });
    var percent = result.max_points ? result.score / result.max_points * 100 : 0;
    if (V2004) {
      set(E.raw, result.score);
      set(E.min, 0);
      set(E.max, result.max_points);
      set("cmi.score.scaled", Math.round(percent * 100) / 10000);
      set(E.completion, "completed");
      if (mastery !== null) { set(E.success, percent >= mastery ? "passed" : "failed"); }
    } else {
      set(E.raw, Math.round(percent * 100) / 100);      // SCORM 1.2 scores are out of 100
      set(E.min, 0);
      set(E.max, 100);
      set(E.completion, mastery === null ? "completed" : percent >= mastery ? "passed" : "failed");
    }
    call(F.commit, "");
  });

  // -- leaving: the time spent, answers kept for the next visit, the session closed ----------------------------
  function finish() {
    if (!open) { return; }
    open = false;
    set(E.time, duration(Date.now() - started));
    set(E.exit, "suspend");
    call(F.commit, "");
    call(F.end, "");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
