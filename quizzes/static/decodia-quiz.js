/* Décodia self-check quizzes: graded in the page, kept in this browser only.
   No library, no network. The key is decoded only to grade (see quizzes/page.py). */
(function () {
  "use strict";

  // The inverse of quizzes/keycode.py `obfuscate`: base64, XOR with mulberry32 bytes seeded by
  // FNV-1a(salt), UTF-8 JSON. No secure-context API, so it works on a plain-HTTP school server.
  function reveal(blob, salt) {
    return new Promise(function (resolve) {
      var s = new TextEncoder().encode(salt), state = 0x811c9dc5, word = 0, i, t;
      for (i = 0; i < s.length; i++) { state = Math.imul(state ^ s[i], 0x01000193) >>> 0; }
      var raw = atob(blob), bytes = new Uint8Array(raw.length);
      for (i = 0; i < raw.length; i++) {
        if (i % 4 === 0) {
          state = (state + 0x6d2b79f5) >>> 0;
          t = Math.imul(state ^ (state >>> 15), state | 1);
          t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
          word = (t ^ (t >>> 14)) >>> 0;
        }
        bytes[i] = raw.charCodeAt(i) ^ ((word >>> (8 * (i % 4))) & 255);
      }
      resolve(JSON.parse(new TextDecoder().decode(bytes)));
    });
  }

  // Each item type reads, restores and grades its own answers: window.DecodiaQuizTypes, written at build
  // time from quizzes/types/*.py (decodia-quiz-types.js), with the same rules as the Python grader.
  var TYPES = window.DecodiaQuizTypes || {};
  var HELPERS = window.DecodiaQuizHelpers || {};

  function typeOf(fs) { return TYPES[fs.getAttribute("data-type")]; }
  function inputsOf(fs) { return Array.prototype.slice.call(fs.querySelectorAll("input, select")); }
  function unanswered(r) {
    return r === null || r === undefined || r === "" || (Array.isArray(r) && r.length === 0) ||
      (typeof r === "object" && !Array.isArray(r) && Object.keys(r).length === 0);
  }
  // The share of an item's points a response earns (k: the item's key, decoded from the page).
  function fraction(k, r) { return unanswered(r) ? 0 : TYPES[k.type].fraction(k, r, HELPERS); }
  function responseOf(fs) { return typeOf(fs).response(inputsOf(fs)); }
  function restore(fs, r) { if (r !== null && r !== undefined) { typeOf(fs).restore(inputsOf(fs), r); } }
  window.DecodiaQuizGrade = fraction;  // for the tests that check it agrees with quizzes/grading.py

  // Where a quiz keeps its answers: this browser's localStorage, unless the page that holds it gives its own store
  // (a SCORM package keeps them in the LMS: book/scorm/static/decodia-scorm.js sets window.DecodiaQuizStore).
  var STORE = window.DecodiaQuizStore || {
    load: function (key) { return JSON.parse(localStorage.getItem(key) || "{}"); },
    save: function (key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  };

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function setup(quiz) {
    var text = JSON.parse(quiz.getAttribute("data-text"));
    var lang = quiz.getAttribute("data-lang");
    var storeKey = quiz.getAttribute("data-store");
    var forms = Array.prototype.slice.call(quiz.querySelectorAll("form[data-variant]"));
    var scoreBox = quiz.querySelector("[data-score]");
    var lastBox = quiz.querySelector("[data-last]");
    var show = function (x) { return lang === "fr" ? String(x).replace(".", ",") : String(x); };
    var saved = {};
    try { saved = STORE.load(storeKey) || {}; } catch (e) { saved = {}; }
    var result = null;

    function current() { return forms.filter(function (f) { return !f.hidden; })[0]; }
    function save() { try { STORE.save(storeKey, saved); } catch (e) { /* private mode */ } }
    function showLast() {
      if (saved.last) {
        lastBox.textContent = fmt(text.last, { score: show(saved.last.score), max: show(saved.last.max_points),
                                               variant: saved.last.variant });
      }
    }
    function activate(form) {
      forms.forEach(function (f) { f.hidden = f !== form; });
      saved.variant = form.getAttribute("data-variant");
      var answers = (saved.answers || {})[saved.variant] || {};
      Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-qid]"), function (fs) {
        restore(fs, answers[fs.getAttribute("data-qid")]);
      });
      save();
    }

    forms.forEach(function (form) {
      form.addEventListener("change", function () {
        var answers = {};
        Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-qid]"), function (fs) {
          answers[fs.getAttribute("data-qid")] = responseOf(fs);
        });
        saved.answers = saved.answers || {};
        saved.answers[form.getAttribute("data-variant")] = answers;
        save();
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        grade(form);
      });
    });

    // Grade the shown answers of `form`, write the feedback, keep the result; resolves to the result.
    function grade(form) {
      return reveal(form.getAttribute("data-key"), form.getAttribute("data-quiz")).then(function (keys) {
        var total = 0, responses = {}, points = {}, items = [];
        Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-qid]"), function (fs) {
          var id = fs.getAttribute("data-qid"), k = keys[id], r = responseOf(fs);
          var got = Math.round(fraction(k, r) * k.points * 1e6) / 1e6;
          total += got; responses[id] = r; points[id] = got;
          items.push({ id: id, type: k.type, response: unanswered(r) ? null : r, points: got, max: k.points, fieldset: fs });
          var note = got === k.points ? text.right : got > 0 ? fmt(text.partial, { points: show(got), max: show(k.points) }) : text.wrong;
          var own = TYPES[k.type].feedback, extra = (own && !unanswered(r) && own(k, r)) || k.feedback || "";
          var box = fs.querySelector(".decodia-q__feedback");
          box.textContent = note + (extra ? " " + extra : "");
          box.className = "decodia-q__feedback " + (got === k.points ? "is-right" : got > 0 ? "is-partial" : "is-wrong");
        });
        total = Math.round(total * 1e6) / 1e6;
        var max = Number(form.getAttribute("data-max"));
        scoreBox.textContent = fmt(text.score, { score: show(total), max: show(max) });
        result = { quiz: form.getAttribute("data-quiz"), module: quiz.getAttribute("data-module"), lang: lang,
                   level: quiz.getAttribute("data-level"), variant: Number(form.getAttribute("data-variant")),
                   score: total, max_points: max, points: points, responses: responses,
                   completed_at: new Date().toISOString() };
        saved.last = { score: total, max_points: max, variant: result.variant };
        save();
        showLast();
        // For whoever records results beside the page (the SCORM adapter): each item's response and points.
        quiz.dispatchEvent(new CustomEvent("decodia:graded", { bubbles: true, detail: { result: result, items: items } }));
        return result;
      });
    }

    function download(name, type, body) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([body], { type: type }));
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    }
    function csvCell(v) { var s = typeof v === "string" ? v : JSON.stringify(v); return '"' + String(s).replace(/"/g, '""') + '"'; }

    quiz.querySelector('[data-action="new"]').addEventListener("click", function () {
      var i = forms.indexOf(current());
      activate(forms[(i + 1) % forms.length]);
      scoreBox.textContent = "";
      var first = current().querySelector("input, select");
      if (first) { first.focus(); }
    });
    quiz.querySelector('[data-action="json"]').addEventListener("click", function () {
      grade(current()).then(function (r) { download(r.quiz + ".json", "application/json", JSON.stringify(r, null, 1) + "\n"); });
    });
    quiz.querySelector('[data-action="csv"]').addEventListener("click", function () {
      grade(current()).then(function (r) {
        var rows = [["quiz", "variant", "item", "response", "points"].join(",")];
        Object.keys(r.responses).forEach(function (id) {
          var resp = r.responses[id] === null ? "" : r.responses[id];
          rows.push([csvCell(r.quiz), r.variant, csvCell(id), csvCell(resp), r.points[id]].join(","));
        });
        download(r.quiz + ".csv", "text/csv", rows.join("\n") + "\n");
      });
    });

    var start = forms.filter(function (f) { return f.getAttribute("data-variant") === saved.variant; })[0] || forms[0];
    activate(start);
    showLast();
  }

  function init() { Array.prototype.forEach.call(document.querySelectorAll("[data-decodia-quiz]"), setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
