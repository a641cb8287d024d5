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
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-decodia-demo]"), setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
