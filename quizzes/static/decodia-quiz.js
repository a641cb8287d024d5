/* Décodia self-check quizzes: graded in the page, kept in this browser only.
   No library, no network. The key is decoded only to grade (see quizzes/page.py). */
(function () {
  "use strict";

  function reveal(blob, salt) {
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(salt)).then(function (buf) {
      var stream = new Uint8Array(buf);
      var raw = atob(blob);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i) ^ stream[i % stream.length]; }
      return JSON.parse(new TextDecoder().decode(bytes));
    });
  }

  function normalise(text) {
    return String(text).replace(/[\u2019\u2018]/g, "'").toLowerCase().normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function number(text) {
    var t = String(text).replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    return t === "" || isNaN(Number(t)) ? null : Number(t);
  }

  // The share of an item's points a response earns; the same rules as quizzes/grading.py.
  function fraction(k, r) {
    if (r === null || r === undefined || r === "" || (Array.isArray(r) && r.length === 0)) { return 0; }
    switch (k.type) {
      case "single": return k.correct.indexOf(r) >= 0 ? 1 : 0;
      case "multiple": {
        var right = 0, wrong = 0;
        r.forEach(function (id) { if (k.correct.indexOf(id) >= 0) { right++; } else { wrong++; } });
        return Math.max(0, (right - wrong) / k.correct.length);
      }
      case "truefalse": return (r === "true") === k.answer ? 1 : 0;
      case "numeric": { var v = number(r); return v !== null && Math.abs(v - k.answer) <= k.tolerance + 1e-9 ? 1 : 0; }
      case "text": return k.accepted.indexOf(normalise(r)) >= 0 ? 1 : 0;
      case "ordering": {
        var ok = 0; k.order.forEach(function (id, i) { if (r[i] === id) { ok++; } });
        return ok / k.order.length;
      }
      case "matching": {
        var lefts = Object.keys(k.pairs), good = 0;
        lefts.forEach(function (l) { if (r[l] === k.pairs[l]) { good++; } });
        return good / lefts.length;
      }
    }
    return 0;
  }

  function responseOf(fs) {
    var type = fs.getAttribute("data-type");
    var inputs = Array.prototype.slice.call(fs.querySelectorAll("input, select"));
    if (type === "single" || type === "truefalse") {
      var on = inputs.filter(function (i) { return i.checked; })[0];
      return on ? on.value : null;
    }
    if (type === "multiple") { return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; }); }
    if (type === "numeric" || type === "text") { return inputs[0].value.trim() || null; }
    if (type === "ordering") {
      var ranked = inputs.filter(function (s) { return s.value; })
        .sort(function (a, b) { return Number(a.value) - Number(b.value); });
      return ranked.length === inputs.length ? ranked.map(function (s) { return s.getAttribute("data-choice"); }) : null;
    }
    if (type === "matching") {
      var out = {}, any = false;
      inputs.forEach(function (s) { if (s.value) { out[s.getAttribute("data-choice")] = s.value; any = true; } });
      return any ? out : null;
    }
    return null;
  }

  function restore(fs, r) {
    if (r === null || r === undefined) { return; }
    var type = fs.getAttribute("data-type");
    var inputs = Array.prototype.slice.call(fs.querySelectorAll("input, select"));
    if (type === "single" || type === "truefalse") { inputs.forEach(function (i) { i.checked = i.value === r; }); }
    else if (type === "multiple") { inputs.forEach(function (i) { i.checked = r.indexOf(i.value) >= 0; }); }
    else if (type === "numeric" || type === "text") { inputs[0].value = r; }
    else if (type === "ordering") { inputs.forEach(function (s) { s.value = String(r.indexOf(s.getAttribute("data-choice")) + 1); }); }
    else if (type === "matching") { inputs.forEach(function (s) { s.value = r[s.getAttribute("data-choice")] || ""; }); }
  }

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
    try { saved = JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { saved = {}; }
    var result = null;

    function current() { return forms.filter(function (f) { return !f.hidden; })[0]; }
    function save() { try { localStorage.setItem(storeKey, JSON.stringify(saved)); } catch (e) { /* private mode */ } }
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
        var total = 0, responses = {}, points = {};
        Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-qid]"), function (fs) {
          var id = fs.getAttribute("data-qid"), k = keys[id], r = responseOf(fs);
          var got = Math.round(fraction(k, r) * k.points * 1e6) / 1e6;
          total += got; responses[id] = r; points[id] = got;
          var note = got === k.points ? text.right : got > 0 ? fmt(text.partial, { points: show(got), max: show(k.points) }) : text.wrong;
          var extra = (k.type === "single" && k.choice_feedback && k.choice_feedback[r]) || k.feedback || "";
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
