/* Décodia "Listen": reads the page's main text aloud, sentence by sentence, with a voice on the device.

   - Voices on the device only (SpeechSynthesisVoice.localService): a network voice sends the text to another
     company's server, so it is never used, even when the browser lists it first. The page's preferred voice
     (data-voice, e.g. "fr-CA") comes first, then any voice of the page's language.
   - What is read: the article, in document order. Code, navigation, hidden blocks and the closed part of a
     <details> are skipped; a demo is read as its title, its settings and its visible result; a quiz as its
     questions and their choices. Each block is read when reading reaches it, so a demo switched meanwhile is
     read as it is now.
   - The sentence being read is highlighted with the CSS Custom Highlight API (no change to the page's DOM)
     and scrolled into view. While reading, clicking a sentence reads from there; Escape stops.
   - Pause cancels and Resume says the current sentence again: pause()/resume() are unreliable in Chromium
     (ignored on some systems, or speech cut after about 15 s), and sentences are short.
   The words of the interface come from the page (data-text, from the message catalogs): no language here. */
(function () {
  "use strict";

  var SLOW = 0.75;
  var STORE = "decodia:listen:rate";
  var HIGHLIGHT = "decodia-listen";
  var MAX_CHUNK = 280;          // characters per utterance: longer sentences are cut at a comma or a space
  var VOICE_WAIT = 1500;        // ms to wait for the voice list, which Chromium fills asynchronously
  // Never read: code and other preformatted text (but a demo's prompt is its result), scripts, navigation,
  // controls, this control, screen-reader-only text, live regions of the demos, a demo's printed setting, the
  // code toggles of hidden cells, rows of images and charts' drawings (their title and table are read).
  var SKIP = "pre:not(.decodia-prompt), script, style, template, noscript, nav, button, textarea, input, svg, " +
    "math, iframe, canvas, object, video, audio, img, .cell_input, .headerlink, .decodia-listen, " +
    ".visually-hidden, .sr-only, " +
    "[aria-hidden='true'], [hidden], [data-status], .decodia-demo__setting, details.hide > summary, " +
    ".decodia-images__row, .decodia-print-only, .decodia-game__answers, .onlyprint, .d-print-block";
  // Elements that start a block of text; everything else is part of the text around it.
  var BLOCK = "address, article, aside, blockquote, caption, dd, details, div, dl, dt, fieldset, figcaption, " +
    "figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, legend, li, main, ol, p, section, summary, " +
    "table, tbody, thead, tfoot, tr, td, th, ul";
  var ITEM = "td, th, .decodia-token";   // read as items of a list: a short pause between them

  function visible(el) {
    if (el.checkVisibility) {
      return el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
    }
    var style = window.getComputedStyle(el);
    return style.display !== "none" && style.visibility !== "hidden" && el.getClientRects().length > 0;
  }

  function skipped(node) {
    if (node.nodeType === Node.TEXT_NODE) { return false; }
    if (node.nodeType !== Node.ELEMENT_NODE) { return true; }
    return node.matches(SKIP) || !visible(node);
  }

  function isBlock(el) { return el.nodeType === Node.ELEMENT_NODE && el.matches(BLOCK); }

  /* -- the text of a block: its text nodes in order, with the words a form control shows -------------------- */

  function Run() { this.text = ""; this.map = []; this.el = null; }
  Run.prototype.add = function (text, node) {
    if (!text) { return; }
    this.map.push({ start: this.text.length, end: this.text.length + text.length, node: node });
    this.text += text;
  };
  // A space between blocks; ", " between the items of a list (cells of a row, tokens), unless punctuated already.
  Run.prototype.gap = function (sep) {
    if (!this.text) { return; }
    if (sep === ", " && !/[,;:.!?…»”")\]]\s*$/.test(this.text)) { this.add(", ", null); }
    else if (!/\s$/.test(this.text)) { this.add(" ", null); }
  };

  function controlText(el) {
    if (!el.hasAttribute("data-control")) { return ""; }
    if (el.tagName === "SELECT") { return el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : ""; }
    return el.getAttribute("aria-valuetext") || el.value || "";
  }

  function collect(run, node) {
    if (node.nodeType === Node.TEXT_NODE) { run.add(node.data, node); return; }
    if (node.nodeType !== Node.ELEMENT_NODE) { return; }
    if (node.tagName === "BR") { run.gap(" "); return; }
    if (node.matches("select, input[type='range']")) {
      var value = controlText(node);
      if (value) {
        run.add(/[:.]\s*$/.test(run.text) ? " " : ": ", null);
        run.add(/[.!?…]$/.test(value) ? value : value + ".", null);
        run.gap(" ");
      }
      return;
    }
    if (skipped(node)) { return; }
    var item = node.matches(ITEM), block = isBlock(node);
    if (item) { run.gap(", "); } else if (block) { run.gap(" "); }
    for (var c = node.firstChild; c; c = c.nextSibling) { collect(run, c); }
    if (item) { run.gap(", "); } else if (block) { run.gap(" "); }
  }

  /* -- sentences ---------------------------------------------------------------------------------------------- */

  function spoken(text) {
    return text.replace(/\u2423/g, " ")                     // the visible-space sign of the token demos
      .replace(/https?:\/\/\S+/g, " ")                       // addresses are shown, not read
      .replace(/\s+/g, " ").replace(/ ,/g, ",").replace(/^[\s,;:]+|[\s,;]+$/g, "").trim();
  }

  function splitSentences(text, lang) {
    var out = [];
    text = text.replace(/[\n\r\f\v\u2028\u2029]/g, " ");   // line breaks of the page's source end no sentence
    if (window.Intl && Intl.Segmenter) {
      var seg = new Intl.Segmenter(lang || undefined, { granularity: "sentence" });
      var it = seg.segment(text)[Symbol.iterator](), step;
      while (!(step = it.next()).done) {
        out.push([step.value.index, step.value.index + step.value.segment.length]);
      }
      // A sentence that ends inside quotes ends after them: « … sur le divan. » Chaque boîte…
      for (var i = 1; i < out.length; i++) {
        var closing = /^[\s\u00a0\u202f]*[»”"’)\]]+/.exec(text.slice(out[i][0], out[i][1]));
        if (closing) { out[i - 1][1] += closing[0].length; out[i][0] += closing[0].length; }
      }
      return out.filter(function (s) { return s[1] > s[0]; });
    }
    var re = /[^.!?…]+(?:[.!?…]+["»”’)\]]*\s*|$)/g, m;
    while ((m = re.exec(text)) && m[0]) { out.push([m.index, m.index + m[0].length]); }
    return out;
  }

  function chunks(text, start, end) {
    var out = [];
    while (end - start > MAX_CHUNK) {
      var piece = text.slice(start, start + MAX_CHUNK);
      var cut = Math.max(piece.lastIndexOf(", "), piece.lastIndexOf("; "), piece.lastIndexOf(": "));
      if (cut < MAX_CHUNK / 3) { cut = piece.lastIndexOf(" "); }
      if (cut < 1) { cut = MAX_CHUNK - 1; }
      out.push([start, start + cut + 1]);
      start += cut + 1;
    }
    out.push([start, end]);
    return out;
  }

  function rangeOf(run, start, end) {
    var first = null, last = null;
    run.map.forEach(function (m) {
      if (!m.node || m.end <= start || m.start >= end) { return; }
      if (!first) { first = m; }
      last = m;
    });
    var range = document.createRange();
    if (!first) { range.selectNodeContents(run.el); return range; }
    range.setStart(first.node, Math.max(0, start - first.start));
    range.setEnd(last.node, Math.min(last.node.data.length, end - last.start));
    return range;
  }

  function langOf(node, fallback) {
    var el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    var owner = el && el.closest("[lang]");
    return (owner && owner.getAttribute("lang")) || fallback;
  }

  function sentences(run, lang) {
    var out = [];
    if (!/[\p{L}\p{N}]/u.test(run.text)) { return out; }
    splitSentences(run.text, lang).forEach(function (s) {
      var a = s[0], b = s[1];
      while (a < b && /\s/.test(run.text[a])) { a++; }
      while (b > a && /\s/.test(run.text[b - 1])) { b--; }
      chunks(run.text, a, b).forEach(function (c) {
        var text = spoken(run.text.slice(c[0], c[1]));
        if (!/[\p{L}\p{N}]/u.test(text)) { return; }
        var range = rangeOf(run, c[0], c[1]);
        // a sentence in another language than its block's (<span lang="en">) is said in that language
        out.push({ text: text, lang: langOf(range.startContainer, lang), range: range, run: run });
      });
    });
    return out;
  }

  /* -- the reading order: a depth-first walk over blocks, each read when reached ------------------------------ */

  // The items of a block: inline runs (text and inline elements) and child blocks, in document order.
  function items(el) {
    var out = [], run = null;
    var children = el.tagName === "DETAILS" && !el.open
      ? Array.prototype.filter.call(el.children, function (c) { return c.tagName === "SUMMARY"; })
      : Array.prototype.slice.call(el.childNodes);
    children.forEach(function (c) {
      if (c.nodeType === Node.ELEMENT_NODE && isBlock(c)) {
        run = null;
        if (!skipped(c)) {
          var leaf = c.tagName === "TR" || !c.querySelector(BLOCK);
          out.push({ kind: leaf ? "leaf" : "block", el: c });
        }
      } else if (c.nodeType === Node.TEXT_NODE || c.nodeType === Node.ELEMENT_NODE) {
        if (!run) { run = { kind: "inline", nodes: [], el: el }; out.push(run); }
        run.nodes.push(c);
      }
    });
    return out;
  }

  function contains(item, node) {
    if (item.kind === "inline") {
      return item.nodes.some(function (n) { return n === node || n.contains(node); });
    }
    return item.el === node || item.el.contains(node);
  }

  function Reader(root, lang) {
    this.root = root;
    this.lang = lang;
    this.reset();
  }
  Reader.prototype.reset = function () {
    this.stack = [{ el: this.root, items: null, i: 0 }];
    this.queue = [];
  };
  Reader.prototype.read = function (item) {
    var run = new Run();
    run.el = item.el;
    if (item.kind === "inline") {
      item.nodes.forEach(function (n) { collect(run, n); });
    } else {
      collect(run, item.el);
    }
    var first = item.kind === "inline" ? item.nodes[0] : item.el;
    return sentences(run, langOf(first, this.lang));
  };
  Reader.prototype.next = function () {
    while (!this.queue.length) {
      var frame = this.stack[this.stack.length - 1];
      if (!frame) { return null; }
      if (!frame.items) { frame.items = items(frame.el); }
      if (frame.i >= frame.items.length) { this.stack.pop(); continue; }
      var item = frame.items[frame.i++];
      if (item.kind === "block") {
        this.stack.push({ el: item.el, items: null, i: 0 });
      } else {
        this.queue = this.read(item);
      }
    }
    return this.queue.shift();
  };
  // Start from the sentence at (node, offset); false when that place is not read.
  Reader.prototype.seek = function (node, offset) {
    if (!this.root.contains(node)) { return false; }
    var path = [], n = node;
    while (n && n !== this.root) { path.unshift(n); n = n.parentNode; }
    var stack = [{ el: this.root, items: items(this.root), i: 0 }];
    for (var depth = 0; depth < path.length; depth++) {
      var frame = stack[stack.length - 1];
      var found = -1;
      for (var k = 0; k < frame.items.length; k++) {
        if (contains(frame.items[k], path[depth])) { found = k; break; }
      }
      if (found < 0) { return false; }
      var item = frame.items[found];
      frame.i = found + 1;
      if (item.kind !== "block") {
        var all = this.read(item);
        var here = all.filter(function (s) {
          try { return s.range.comparePoint(node, offset) <= 0; } catch (e) { return false; }
        });
        if (!here.length) { return false; }      // after the last sentence of the block
        var at = all.indexOf(here[0]);           // the sentence at the point, or the next one
        this.stack = stack;
        this.queue = all.slice(at);
        return true;
      }
      stack.push({ el: item.el, items: items(item.el), i: 0 });
    }
    return false;
  };

  /* -- voices --------------------------------------------------------------------------------------------------- */

  function norm(tag) { return String(tag || "").replace(/_/g, "-").toLowerCase(); }

  // The best voice on the device for `lang` ("fr"), `preferred` ("fr-CA") first; null when there is none.
  function pickVoice(voices, lang, preferred) {
    var base = norm(lang).split("-")[0], want = norm(preferred);
    var local = voices.filter(function (v) { return v.localService === true; });
    function best(list) {
      return list.filter(function (v) { return v.default; })[0] || list[0] || null;
    }
    var exact = local.filter(function (v) { return want && norm(v.lang) === want; });
    if (want.split("-")[0] === base && exact.length) { return best(exact); }
    return best(local.filter(function (v) {
      var l = norm(v.lang);
      return l === base || l.indexOf(base + "-") === 0;
    }));
  }

  function whenVoices(synth, done) {
    var finished = false, timer = null;
    function finish() {
      if (finished) { return; }
      finished = true;
      clearTimeout(timer);
      if (synth.removeEventListener) { synth.removeEventListener("voiceschanged", changed); }
      done(synth.getVoices() || []);
    }
    function changed() { if ((synth.getVoices() || []).length) { finish(); } }
    if ((synth.getVoices() || []).length) { finish(); return; }
    if (synth.addEventListener) { synth.addEventListener("voiceschanged", changed); }
    timer = setTimeout(finish, VOICE_WAIT);
  }

  /* -- the control ------------------------------------------------------------------------------------------------ */

  function storedRate() {
    try { return Number(window.localStorage.getItem(STORE)) === SLOW ? SLOW : 1; } catch (e) { return 1; }
  }
  function storeRate(rate) {
    try { window.localStorage.setItem(STORE, String(rate)); } catch (e) { /* kept for this page only */ }
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function Control(box, root) {
    this.box = box;
    this.root = root;
    this.text = JSON.parse(box.getAttribute("data-text") || "{}");
    this.lang = (document.documentElement.getAttribute("lang") || "").split("-")[0];
    // The voice each language of the page prefers ("fr-CA"; the landing page has "fr-CA en-CA").
    this.preferred = (box.getAttribute("data-voice") || "").split(/\s+/).filter(Boolean);
    this.main = box.querySelector('[data-listen="main"]');
    this.label = this.main.querySelector("[data-label]");
    this.stopButton = box.querySelector('[data-listen="stop"]');
    this.slower = box.querySelector('[data-listen="slower"]');
    this.status = box.querySelector('[data-listen="status"]');
    this.state = "idle";
    this.gen = 0;
    this.rate = storedRate();
    this.reader = new Reader(root, this.lang);
    this.current = null;
    this.utterance = null;
    this.voices = {};
    this.highlight = window.CSS && CSS.highlights && window.Highlight ? new Highlight() : null;
    if (this.highlight) { CSS.highlights.set(HIGHLIGHT, this.highlight); }
    this.slower.setAttribute("aria-pressed", String(this.rate === SLOW));
    var self = this;
    this.main.addEventListener("click", function () { self.toggle(); });
    this.stopButton.addEventListener("click", function () { self.stop(true); });
    this.slower.addEventListener("click", function () { self.setSlower(self.rate !== SLOW); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && self.state !== "idle") { self.stop(false); }
    });
    root.addEventListener("click", function (event) { self.jump(event); });
    window.addEventListener("pagehide", function () { self.silence(); });
    if (this.synth()) { this.synth().getVoices(); }     // starts loading the voice list
    box.hidden = false;
  }

  Control.prototype.synth = function () {
    return "speechSynthesis" in window && window.SpeechSynthesisUtterance ? window.speechSynthesis : null;
  };

  Control.prototype.say = function (message) {
    var status = this.status;
    if (status.textContent === message) {            // said again: let screen readers hear it again
      status.textContent = "";
      setTimeout(function () { status.textContent = message; }, 50);
    } else {
      status.textContent = message;
    }
  };

  // The height of the theme's bar that sticks to the top of the screen, under which this control sticks.
  function stickyTop() {
    var bar = document.querySelector(".bd-header-article");
    if (!bar) { return 0; }
    var style = window.getComputedStyle(bar);
    return /sticky|fixed/.test(style.position) && style.display !== "none" ? bar.getBoundingClientRect().height : 0;
  }

  Control.prototype.show = function (state) {
    if (state !== "idle") { this.box.style.setProperty("--decodia-listen-top", stickyTop() + "px"); }
    this.state = state;
    this.box.setAttribute("data-state", state);
    var label = { idle: this.text.listen, reading: this.text.pause, paused: this.text.resume }[state];
    this.label.textContent = label;
    var focused = document.activeElement === this.stopButton;
    this.stopButton.hidden = state === "idle";
    if (focused && state === "idle") { this.main.focus(); }
  };

  Control.prototype.toggle = function () {
    if (this.state === "reading") { this.pause(); }
    else if (this.state === "paused") { this.resume(); }
    else { this.start(); }
  };

  Control.prototype.start = function () {
    var synth = this.synth(), self = this;
    if (!synth) { this.say(this.text.no_speech); return; }
    this.gen++;
    var gen = this.gen;
    whenVoices(synth, function (voices) {
      if (gen !== self.gen) { return; }
      self.voices = {};
      self.allVoices = voices;
      var langs = self.preferred.map(function (tag) { return norm(tag).split("-")[0]; });
      if (!langs.length) { langs = [self.lang]; }
      if (!langs.some(function (l) { return self.voiceFor(l); })) { self.say(self.text.no_voice); return; }
      self.reader.reset();
      self.show("reading");
      self.say(self.text.reading);
      self.advance();
    });
  };

  Control.prototype.voiceFor = function (lang) {
    var key = norm(lang).split("-")[0];
    if (!(key in this.voices)) {
      var preferred = this.preferred.filter(function (tag) { return norm(tag).split("-")[0] === key; })[0];
      this.voices[key] = pickVoice(this.allVoices || [], key, preferred || "");
    }
    return this.voices[key];
  };

  // The next sentence that a voice on the device can say: a passage in a language without one is skipped.
  Control.prototype.nextSpeakable = function () {
    var s;
    do { s = this.reader.next(); } while (s && !this.voiceFor(s.lang));
    return s;
  };

  Control.prototype.advance = function () {
    this.current = this.nextSpeakable();
    if (!this.current) { this.finish(); return; }
    this.speak();
  };

  Control.prototype.speak = function () {
    var synth = this.synth(), self = this, s = this.current;
    var gen = ++this.gen;
    var voice = this.voiceFor(s.lang);
    var u = new SpeechSynthesisUtterance(s.text);
    u.voice = voice;
    u.lang = norm(voice.lang).replace(/-([a-z]+)$/, function (m, r) { return "-" + r.toUpperCase(); });
    u.rate = this.rate;
    u.onend = function () { if (gen === self.gen) { self.advance(); } };
    u.onerror = function (event) {
      if (gen !== self.gen || event.error === "interrupted" || event.error === "canceled") { return; }
      self.stop(false);
      self.say(self.text.error);
    };
    this.utterance = u;                               // Chromium drops events of an utterance nobody holds
    this.mark(s);
    if (synth.paused) { synth.resume(); }
    synth.speak(u);
  };

  // Speak the current sentence again after a cancel: Chromium can drop a speak() that follows cancel() at once.
  Control.prototype.again = function () {
    var self = this, gen = ++this.gen;
    this.synth().cancel();
    setTimeout(function () { if (gen === self.gen && self.state === "reading") { self.speak(); } }, 60);
  };

  Control.prototype.silence = function () {
    this.gen++;
    var synth = this.synth();
    if (synth && (synth.speaking || synth.pending)) { synth.cancel(); }
  };

  Control.prototype.pause = function () {
    this.silence();
    this.show("paused");
    this.say(this.text.paused);
  };

  Control.prototype.resume = function () {
    this.show("reading");
    this.say(this.text.reading);
    if (this.current) { this.again(); } else { this.advance(); }
  };

  Control.prototype.stop = function (announce) {
    this.silence();
    this.current = null;
    this.reader.reset();
    this.mark(null);
    this.show("idle");
    this.say(this.text.stopped);
    if (announce === true) { this.main.focus(); }
  };

  Control.prototype.finish = function () {
    this.current = null;
    this.reader.reset();
    this.mark(null);
    this.show("idle");
    this.say(this.text.finished);
  };

  Control.prototype.setSlower = function (on) {
    this.rate = on ? SLOW : 1;
    storeRate(this.rate);
    this.slower.setAttribute("aria-pressed", String(on));
    if (this.state === "reading" && this.current) { this.again(); }
  };

  // While reading or paused, a click on a sentence reads from there (links and controls keep their own click).
  Control.prototype.jump = function (event) {
    if (this.state === "idle" || event.button !== 0) { return; }
    if (event.target.closest("a, button, input, select, textarea, label, summary, .decodia-listen")) { return; }
    var node = null, offset = 0;
    if (document.caretPositionFromPoint) {
      var pos = document.caretPositionFromPoint(event.clientX, event.clientY);
      if (pos) { node = pos.offsetNode; offset = pos.offset; }
    } else if (document.caretRangeFromPoint) {
      var r = document.caretRangeFromPoint(event.clientX, event.clientY);
      if (r) { node = r.startContainer; offset = r.startOffset; }
    }
    if (!node || !this.reader.seek(node, offset)) { return; }
    this.current = this.nextSpeakable();
    if (!this.current) { return; }
    if (this.state === "paused") { this.show("reading"); this.say(this.text.reading); }
    this.again();
  };

  Control.prototype.mark = function (s) {
    if (this.highlight) {
      this.highlight.clear();
      if (s) { this.highlight.add(s.range); }
    }
    if (!s) { return; }
    var rect = s.range.getBoundingClientRect();
    if (!rect.width && !rect.height) {
      var el = s.run.el;
      rect = el && el.getBoundingClientRect ? el.getBoundingClientRect() : rect;
    }
    // Keep the sentence clear of the theme's bar and of this control, which sticks to the top while reading.
    var top = 80, bottom = window.innerHeight - 40;
    var bar = this.box.getBoundingClientRect(), stuck = parseFloat(window.getComputedStyle(this.box).top);
    if (!isNaN(stuck) && bar.top <= stuck + 1) { top = Math.max(top, bar.bottom + 8); }
    if (rect.top < top || rect.bottom > bottom) {
      window.scrollBy({ top: rect.top - Math.max(window.innerHeight / 3, top + 16),
                        behavior: reducedMotion() ? "auto" : "smooth" });
    }
  };

  function init() {
    var box = document.querySelector("[data-decodia-listen]");
    if (!box) { return; }
    var root = document.querySelector(box.getAttribute("data-root") || "article.bd-article") ||
      document.querySelector("main");
    if (!root) { return; }
    var title = root.querySelector("h1");
    if (title && !title.contains(box) && box.getAttribute("data-place") !== "here") {
      title.insertAdjacentElement("afterend", box);
    }
    new Control(box, root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
