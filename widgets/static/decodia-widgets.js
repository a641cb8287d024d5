/* Kernel-free face of Décodia demos: switch between results precomputed by the real model.
   No library, no network. Each demo is a <section data-decodia-demo> with controls
   marked data-control and one panel per setting, keyed by the controls' indexes. */
(function () {
  "use strict";
  function setup(demo) {
    var controls = Array.prototype.slice.call(demo.querySelectorAll("[data-control]"));
    var panels = Array.prototype.slice.call(demo.querySelectorAll("[data-key]"));
    var status = demo.querySelector("[data-status]");
    var setting = demo.querySelector("[data-setting]");
    var names = JSON.parse(demo.getAttribute("data-labels") || "[]");
    function shown(control) {
      if (control.type === "range") {
        return JSON.parse(control.getAttribute("data-labels"))[Number(control.value)];
      }
      return control.options[control.selectedIndex].text;
    }
    function update() {
      var key = controls.map(function (c) { return c.value; }).join(".");
      panels.forEach(function (p) { p.hidden = p.getAttribute("data-key") !== key; });
      var parts = controls.map(function (c, i) {
        var text = shown(c);
        if (c.type === "range") {
          c.setAttribute("aria-valuetext", text);
          var out = c.parentNode.querySelector("output");
          if (out) { out.textContent = text; }
        }
        return names[i] + " = " + text;
      });
      if (setting) { setting.textContent = parts.join(", "); }
      if (status) { status.textContent = demo.getAttribute("data-shown") + " " + parts.join(", ") + "."; }
    }
    controls.forEach(function (c) {
      c.addEventListener(c.type === "range" ? "input" : "change", update);
    });
  }

  /* The "real or generated?" game: score the answers, compare with chance, keep a running total. */
  function atLeastByChance(right, total) {
    var sum = 0, c = 1;
    for (var k = 0; k <= total; k++) {
      if (k >= right) { sum += c; }
      c = c * (total - k) / (k + 1);
    }
    return sum / Math.pow(2, total);
  }
  function setupGame(game) {
    var t = JSON.parse(game.getAttribute("data-text"));
    var rounds = Array.prototype.slice.call(game.querySelectorAll("form"));
    var score = game.querySelector("[data-score]");
    var current = 0, tally = { right: 0, total: 0 }, scored = {};
    function pct(share) {
      var v = 100 * share;
      return (v < 1 && v > 0 ? v.toFixed(1) : String(Math.round(v))).replace(".", t.decimal);
    }
    function fill(text, values) {
      return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
    }
    rounds.forEach(function (form, r) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var truth = JSON.parse(atob(form.getAttribute("data-truth")));
        var sets = Array.prototype.slice.call(form.querySelectorAll("fieldset"));
        var answers = sets.map(function (set) {
          var picked = set.querySelector("input:checked");
          return picked ? Number(picked.value) : null;
        });
        if (answers.indexOf(null) !== -1) { score.textContent = t.unanswered; return; }
        var right = 0;
        sets.forEach(function (set, i) {
          var ok = answers[i] === truth[i];
          if (ok) { right++; }
          set.querySelector("[data-verdict]").textContent =
            (ok ? t.right : t.wrong) + " " + (truth[i] ? t.was_fake : t.was_real);
        });
        if (!scored[r]) { scored[r] = true; tally.right += right; tally.total += truth.length; }
        var p = pct(atLeastByChance(right, truth.length));
        var text = fill(t.score, { right: right, total: truth.length }) + " " + fill(t.chance, { p: p });
        if (tally.total > truth.length) {
          text += " " + fill(t.total, { right: tally.right, total: tally.total,
            p: pct(atLeastByChance(tally.right, tally.total)) });
        }
        score.textContent = text;
      });
    });
    game.querySelector("[data-next]").addEventListener("click", function () {
      rounds[current].hidden = true;
      current = (current + 1) % rounds.length;
      rounds[current].hidden = false;
      score.textContent = "";
      var first = rounds[current].querySelector("input");
      if (first) { first.focus(); }
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-decodia-demo]:not([data-decodia-game])"), setup);
    Array.prototype.forEach.call(document.querySelectorAll("[data-decodia-game]"), setupGame);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
