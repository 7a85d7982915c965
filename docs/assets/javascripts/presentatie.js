/* Presentation mode for a recommendation: one screen per step, for a trainer with a projector
   and a clicker. A title screen (id, short title, short link in large type, QR code when the
   site's address is known), then each step ("stap 3 van 9") with its sources at the bottom, then
   the sources. Arrow keys, Page Up/Down (what clickers send), space and the on-screen buttons
   move; Escape closes at the step last shown. Opens at the step in the address (#c5-2). Built
   from the page itself (every li.stap[data-stap]), so it works offline, from file:// and on any
   page of steps.

   Every screen fits the window: a step is shown at the largest text size that fits, down to a
   readable minimum (the stylesheet's --dia-min); a step that does not fit even then goes on,
   at full size, on next screens marked "vervolg", cut between blocks (paragraphs, sub-items,
   table rows), else between sentences. Measured in the browser, again when the window changes:
   only the browser knows how tall a text is at a size. */
(function () {
  "use strict";

  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function forEach(list, f) { Array.prototype.forEach.call(list, f); }

  // --- the slides, one per step, as the page gives them ---------------------------------------

  // A slide: group line, heading, content (what may go on on a next screen), source line.
  function slide(className, heading, content, group, sources) {
    var node = element("section", "presentatie__dia" + (className ? " " + className : ""));
    if (group) node.appendChild(element("p", "presentatie__groep", group));
    node.appendChild(element("h2", "presentatie__kop", heading));
    content.classList.add("presentatie__inhoud");
    node.appendChild(content);
    if (sources) node.appendChild(element("p", "presentatie__bronregel", "Bronnen: " + sources));
    return node;
  }

  function stepContent(step) {
    var body = step.querySelector(".stap__tekst").cloneNode(true);
    body.removeAttribute("id");
    forEach(body.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    // The editors' notes shown open, as part of the step: a clicker cannot unfold them, and a
    // note unfolded on a full screen would run off it.
    forEach(body.querySelectorAll("details"), function (details) {
      var note = element("div", details.className + " presentatie__noot");
      var summary = details.querySelector("summary");
      if (summary) note.appendChild(element("p", "presentatie__noot-kop", text(summary)));
      forEach(Array.prototype.slice.call(details.childNodes), function (child) {
        if (child !== summary) note.appendChild(child);
      });
      details.replaceWith(note);
    });
    return body;
  }

  function slides(article) {
    var heading = article.querySelector("h1");
    var label = heading.getAttribute("data-kort-label") || text(heading);
    var shortLink = article.querySelector(".handvat-kort");
    var titleContent = element("div");
    if (shortLink) {
      titleContent.appendChild(element("p", "presentatie__adres", shortLink.getAttribute("data-adres")));
      var qr = article.querySelector("template.presentatie__qr");
      if (qr) titleContent.appendChild(document.importNode(qr.content, true));
    }
    var list = [{ node: slide("presentatie__dia--titel", label, titleContent), anchor: "", label: label }];
    var steps = article.querySelectorAll("li.stap[data-stap]");
    forEach(steps, function (step, n) {
      var noun = step.classList.contains("stap--punt") ? "punt" : "stap";
      // the step's id, group and citations as the renderer wrote them (render_steps.step_attributes)
      var id = step.getAttribute("data-stap");
      var place = noun + " " + (n + 1) + " van " + steps.length;
      list.push({
        node: slide("", id + " · " + place, stepContent(step), step.getAttribute("data-groep"), step.getAttribute("data-bronnen")),
        anchor: step.id,
        label: id + ", " + place
      });
    });
    var sources = article.querySelector("#bronnen");
    var closing = element("div");
    if (sources && sources.nextElementSibling) closing.appendChild(element("p", "", text(sources.nextElementSibling)));
    var credit = article.querySelector(".bronvermelding p");
    if (credit) closing.appendChild(element("p", "presentatie__bron", text(credit)));
    list.push({ node: slide("presentatie__dia--bronnen", "Bronnen", closing), anchor: "", label: "Bronnen" });
    return list;
  }

  // --- fitting a slide to the window ----------------------------------------------------------

  function fits(node) {
    return node.scrollHeight <= node.clientHeight + 1 && node.scrollWidth <= node.clientWidth + 1;
  }

  // whether the node fits the window shown alone in the dialog (at its own text size)
  function fitsShown(node, dialog) {
    dialog.insertBefore(node, dialog.querySelector(".presentatie__knoppen"));
    forEach(dialog.querySelectorAll(".presentatie__dia"), function (other) { other.hidden = other !== node; });
    var result = fits(node);
    node.remove();
    return result;
  }

  function setSize(node, px) { node.style.fontSize = px + "px"; }  // CSSOM: allowed by the site's CSP

  // A place in the content where a next screen may begin: a Range boundary point.
  function point(node, offset) { return { node: node, offset: offset }; }

  function range(from, to) {
    var r = document.createRange();
    r.setStart(from.node, from.offset);
    r.setEnd(to.node, to.offset);
    return r;
  }

  // What labels the rows or paragraphs after it: a table's row group heading, a note's label.
  var LEADS = "tr:has(> th[scope=rowgroup]), .presentatie__noot-kop";
  // What a table or a note that goes on on a next screen shows there again: its header row, its
  // label (a note of the editors stays marked as theirs).
  var REPEATED = ":scope > thead, :scope > .presentatie__noot-kop";

  // Where a next screen may begin, best first: before a block (paragraph, sub-item, table row,
  // note), after a sentence, after a word; each kind in reading order.
  function breakPoints(content) {
    var blocks = [], sentences = [], words = [];
    forEach(content.querySelectorAll("p, li, tr, table, div"), function (el) {
      // a table's header row and first row stay with the table's start, a label with what it labels
      if (el.matches("thead tr") || (el.matches("tr") && el.closest("table").querySelector("tbody tr") === el)) return;
      if (el.previousElementSibling && el.previousElementSibling.matches(LEADS)) return;
      blocks.push(point(el.parentNode, Array.prototype.indexOf.call(el.parentNode.childNodes, el)));
    });
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var node = walker.currentNode, match;
      var sentence = /[.!?:;]\s+/g, space = /\s+/g;
      while ((match = sentence.exec(node.data))) sentences.push(point(node, match.index + match[0].length));
      while ((match = space.exec(node.data))) words.push(point(node, match.index + match[0].length));
    }
    return [blocks, sentences, words];
  }

  // The content between two points, as a copy of the content element; elements left empty by
  // the cut are dropped, and a table or note that goes on shows its header row or label again.
  function piece(content, from, to) {
    var r = range(from, to), part = r.cloneContents();
    // the cut-out holds what lies inside the two points' nearest common element: the elements
    // around it (a table, a list) are added again up to the content element
    for (var around = r.commonAncestorContainer; around !== content; around = around.parentNode) {
      if (around.nodeType !== Node.ELEMENT_NODE) continue;
      var wrapper = around.cloneNode(false);
      wrapper.appendChild(part);
      part = wrapper;
    }
    var copy = content.cloneNode(false);
    copy.appendChild(part);
    var elements = copy.querySelectorAll("p, li, ol, ul, div, table, tbody");
    for (var i = elements.length - 1; i >= 0; i--) {
      if (!elements[i].textContent.trim() && !elements[i].querySelector("svg, img")) elements[i].remove();
    }
    forEach(copy.querySelectorAll("[data-dia-blok]"), function (block) {
      var whole = content.querySelector('[data-dia-blok="' + block.getAttribute("data-dia-blok") + '"]');
      var head = whole.querySelector(REPEATED);
      if (head && !block.querySelector(REPEATED)) block.insertBefore(head.cloneNode(true), block.querySelector(":scope > tbody") || block.firstChild);
    });
    return copy;
  }

  // One screen of a slide: the slide with this piece of its content; "(vervolg)" after the
  // heading of every screen but the first, and a line saying it goes on on all but the last.
  function screen(base, content, part, more) {
    var node = base.cloneNode(true);
    node.querySelector(".presentatie__inhoud").replaceWith(content);
    if (part > 0) node.querySelector(".presentatie__kop").appendChild(element("span", "presentatie__vervolg", " (vervolg)"));
    if (more) node.insertBefore(element("p", "presentatie__verder", "Vervolg op het volgende scherm"), node.querySelector(".presentatie__bronregel"));
    return node;
  }

  // The farthest of the points after ``from`` (in reading order) up to which the content fits
  // on one screen, or null. More content is never shorter, so a binary search finds it.
  function farthest(points, from, fitsUpTo) {
    var after = points.filter(function (p) {
      var r = range(from, from);
      return r.comparePoint(p.node, p.offset) > 0 && range(from, p).toString().trim() !== "";
    });
    var low = 0, high = after.length - 1, found = null;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (fitsUpTo(after[middle])) { found = after[middle]; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  // The screens of one slide.
  function fit(base, dialog, largest, smallest) {
    // one screen, at the largest size that fits (mostly the full size), down to the readable minimum
    setSize(base, largest);
    if (fitsShown(base, dialog)) return [base];
    var low = Math.ceil(smallest), high = Math.ceil(largest) - 1, best = null;
    while (low <= high) {
      var middle = (low + high) >> 1;
      setSize(base, middle);
      if (fitsShown(base, dialog)) { best = middle; low = middle + 1; } else high = middle - 1;
    }
    if (best !== null) {
      setSize(base, best);
      return [base];
    }
    // else at full size, going on on next screens
    setSize(base, largest);
    var content = base.querySelector(".presentatie__inhoud");
    forEach(content.querySelectorAll("table, .presentatie__noot"), function (block, i) { block.setAttribute("data-dia-blok", i); });
    var points = breakPoints(content);
    var end = point(content, content.childNodes.length), from = point(content, 0), screens = [];
    while (true) {
      var last = screen(base, piece(content, from, end), screens.length, false);
      if (fitsShown(last, dialog)) { screens.push(last); break; }
      var part = screens.length;
      var fitsUpTo = function (to) { return fitsShown(screen(base, piece(content, from, to), part, true), dialog); };
      var cut = null;
      for (var kind = 0; kind < points.length && !cut; kind++) cut = farthest(points[kind], from, fitsUpTo);
      if (!cut) { screens.push(last); break; }  // not even one word fits: shown as it is
      screens.push(screen(base, piece(content, from, cut), part, true));
      from = cut;
    }
    return screens;
  }

  // --- the dialog -----------------------------------------------------------------------------

  function init() {
    var button = document.querySelector("button.presenteer");
    var article = document.querySelector("article");
    if (!button || !article) return;
    var dialog, shown = 0, list = [], status, returnTo;

    function show(n) {
      shown = Math.max(0, Math.min(list.length - 1, n));
      list.forEach(function (screen, i) { screen.node.hidden = i !== shown; });
      dialog.querySelector(".presentatie__teller").textContent = (shown + 1) + " / " + list.length;
      dialog.querySelector(".presentatie__vorige").disabled = shown === 0;
      dialog.querySelector(".presentatie__volgende").disabled = shown === list.length - 1;
      status.textContent = list[shown].label;
    }

    // Every slide made into the screens that fit the window now; stays at the screen shown.
    function layout() {
      var at = list[shown];
      forEach(dialog.querySelectorAll(".presentatie__dia"), function (node) { node.remove(); });
      var style = getComputedStyle(dialog);
      var largest = parseFloat(style.fontSize), smallest = Math.min(largest, parseFloat(style.getPropertyValue("--dia-min")) || largest);
      list = [];
      slides(article).forEach(function (base, n) {
        fit(base.node, dialog, largest, smallest).forEach(function (node, part) {
          list.push({ node: node, anchor: base.anchor, slide: n, part: part, label: base.label + (part ? ", vervolg" : "") });
        });
      });
      var controls = dialog.querySelector(".presentatie__knoppen");
      list.forEach(function (screen) { dialog.insertBefore(screen.node, controls); });
      var again = at ? list.findIndex(function (s) { return s.slide === at.slide && s.part === at.part; }) : -1;
      if (again < 0 && at) again = list.findIndex(function (s) { return s.slide === at.slide; });
      return again;
    }

    var resizing;
    function resized() {
      clearTimeout(resizing);
      resizing = setTimeout(function () { show(layout()); }, 150);
    }

    function open() {
      dialog = element("div", "presentatie md-typeset");
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-modal", "true");
      var controls = element("div", "presentatie__knoppen");
      var previous = element("button", "md-button presentatie__vorige", "Vorige");
      var next = element("button", "md-button md-button--primary presentatie__volgende", "Volgende");
      var close = element("button", "md-button presentatie__sluiten", "Sluiten");
      [previous, next, close].forEach(function (b) { b.type = "button"; });
      previous.addEventListener("click", function () { show(shown - 1); });
      next.addEventListener("click", function () { show(shown + 1); });
      close.addEventListener("click", function () { end(); });
      controls.appendChild(previous);
      controls.appendChild(element("span", "presentatie__teller"));
      controls.appendChild(next);
      controls.appendChild(close);
      dialog.appendChild(controls);
      status = element("p", "visueel-verborgen");
      status.setAttribute("role", "status");
      dialog.appendChild(status);
      returnTo = document.activeElement;
      document.body.appendChild(dialog);
      document.body.classList.add("presentatie-open");
      forEach(document.body.children, function (el) { if (el !== dialog) el.inert = true; });
      list = [];
      layout();
      dialog.setAttribute("aria-label", "Presentatie " + list[0].label);
      var hash = decodeURIComponent(window.location.hash.slice(1));
      var start = list.findIndex(function (screen) { return screen.anchor && screen.anchor === hash; });
      show(start > 0 ? start : 0);
      next.disabled ? close.focus() : next.focus();
      document.addEventListener("keydown", keys, true);
      window.addEventListener("resize", resized);
    }

    function end() {
      var anchor = list[shown].anchor;
      document.removeEventListener("keydown", keys, true);
      window.removeEventListener("resize", resized);
      clearTimeout(resizing);
      forEach(document.body.children, function (el) { el.inert = false; });
      dialog.remove();
      document.body.classList.remove("presentatie-open");
      var step = anchor && document.getElementById(anchor);
      if (step) {
        // back on the page at the step last shown, and the address says so
        history.replaceState(null, "", "#" + anchor);
        step.scrollIntoView({ block: "center" });
        step.setAttribute("tabindex", "-1");
        step.focus({ preventScroll: true });
      } else if (returnTo) {
        returnTo.focus();
      }
    }

    function keys(event) {
      var forward = ["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"];
      var back = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
      var onButton = event.target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter");
      if (event.key === "Escape") end();
      else if (event.key === "Tab") trap(event);
      else if (onButton) return;  // a focused button does its own thing
      else if (forward.indexOf(event.key) >= 0) show(shown + 1);
      else if (back.indexOf(event.key) >= 0) show(shown - 1);
      else if (event.key === "Home") show(0);
      else if (event.key === "End") show(list.length - 1);
      else return;
      event.preventDefault();
    }

    function trap(event) {
      // focus stays inside: Tab cycles over the buttons that can be used
      var buttons = Array.prototype.filter.call(dialog.querySelectorAll("button, a[href]"), function (b) {
        return !b.disabled && b.offsetParent !== null;
      });
      var i = buttons.indexOf(document.activeElement);
      var n = (i + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
      buttons[n].focus();
    }

    button.addEventListener("click", open);
  }

  window.kennisbank.onPage(init);
})();
