/* Décodia: folded boxes print open (issue 14).
 *
 * A sphinx-design dropdown ("Pour aller plus loin / To go further") is a <details>: closed, it prints as its
 * title alone. Before printing, open every closed one; after printing, close them again, so the screen is as
 * the reader left it. Chromium fires `beforeprint` for the browser's print dialog and for the PDFs that
 * `decodia build` prints (core/printing.py), so one handler serves both. sphinx-togglebutton opens its own
 * toggles on print (its `toggleOpenOnPrint`); the widgets' data tables (`details.decodia-data`) stay closed:
 * their print face is the table itself.
 */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.sd-dropdown:not([open])").forEach(function (box) {
      box.open = true;
      opened.push(box);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (box) { box.open = false; });
    opened = [];
  });
})();
