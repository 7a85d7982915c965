/* Presentation mode for a recommendation: one screen per step, for a trainer with a projector
   and a clicker. A title screen (id, short title, short link in large type, QR code when the
   site's address is known), then each step ("stap 3 van 9"), then the sources. Arrow keys, Page
   Up/Down (what clickers send), space and the on-screen buttons move; Escape closes at the step
   last shown. Opens at the step in the address (#c5-2). Built from the page itself, so it works
   offline and from file://. */
(function () {
  "use strict";

  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function slides(article) {
    var heading = article.querySelector("h1");
    var label = heading.getAttribute("data-kort-label") || text(heading);
    var shortLink = article.querySelector(".handvat-kort");
    var title = element("section", "presentatie__dia presentatie__dia--titel");
    title.appendChild(element("h2", "presentatie__kop", label));
    if (shortLink) {
      title.appendChild(element("p", "presentatie__adres", shortLink.getAttribute("data-adres")));
      var qr = article.querySelector("template.presentatie__qr");
      if (qr) title.appendChild(document.importNode(qr.content, true));
    }
    var list = [{ node: title, anchor: "", label: label }];
    var steps = article.querySelectorAll("li.stap[data-stap]");
    Array.prototype.forEach.call(steps, function (step, n) {
      var noun = step.classList.contains("stap--punt") ? "punt" : "stap";
      // the step's id and group as the renderer wrote them (render_steps.step_attributes)
      var id = step.getAttribute("data-stap");
      var slide = element("section", "presentatie__dia");
      var group = step.getAttribute("data-groep");
      if (group) slide.appendChild(element("p", "presentatie__groep", group));
      slide.appendChild(element("h2", "presentatie__kop", id + " · " + noun + " " + (n + 1) + " van " + steps.length));
      var body = step.querySelector(".stap__tekst").cloneNode(true);
      body.removeAttribute("id");
      Array.prototype.forEach.call(body.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
      slide.appendChild(body);
      list.push({ node: slide, anchor: step.id, label: id + ", " + noun + " " + (n + 1) + " van " + steps.length });
    });
    var sources = article.querySelector("#bronnen");
    var closing = element("section", "presentatie__dia presentatie__dia--bronnen");
    closing.appendChild(element("h2", "presentatie__kop", "Bronnen"));
    if (sources && sources.nextElementSibling) closing.appendChild(element("p", "", text(sources.nextElementSibling)));
    var credit = article.querySelector(".bronvermelding p");
    if (credit) closing.appendChild(element("p", "presentatie__bron", text(credit)));
    list.push({ node: closing, anchor: "", label: "Bronnen" });
    return list;
  }

  function init() {
    var button = document.querySelector("button.presenteer");
    var article = document.querySelector("article");
    if (!button || !article) return;
    var dialog, shown = 0, list = [], status, returnTo;

    function show(n) {
      shown = Math.max(0, Math.min(list.length - 1, n));
      list.forEach(function (slide, i) { slide.node.hidden = i !== shown; });
      dialog.querySelector(".presentatie__teller").textContent = (shown + 1) + " / " + list.length;
      dialog.querySelector(".presentatie__vorige").disabled = shown === 0;
      dialog.querySelector(".presentatie__volgende").disabled = shown === list.length - 1;
      status.textContent = list[shown].label;
    }

    function open() {
      list = slides(article);
      dialog = element("div", "presentatie md-typeset");
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-label", "Presentatie " + list[0].label);
      list.forEach(function (slide) { dialog.appendChild(slide.node); });
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
      Array.prototype.forEach.call(document.body.children, function (el) { if (el !== dialog) el.inert = true; });
      var hash = decodeURIComponent(window.location.hash.slice(1));
      var start = list.findIndex(function (slide) { return slide.anchor && slide.anchor === hash; });
      show(start > 0 ? start : 0);
      next.disabled ? close.focus() : next.focus();
      document.addEventListener("keydown", keys, true);
    }

    function end() {
      var anchor = list[shown].anchor;
      document.removeEventListener("keydown", keys, true);
      Array.prototype.forEach.call(document.body.children, function (el) { el.inert = false; });
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
