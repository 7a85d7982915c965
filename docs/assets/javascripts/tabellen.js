/* Data tables wider than their box (on a phone) scroll sideways, and say so: a hint above the
   table, a shadow on the side where columns are hidden, and a tab stop so the keyboard scrolls
   it too (arrow keys), named by the table's caption. Tables that fit get none of it. Tables drawn
   later (the zelfscan's summary) are picked up as they appear. */
(function () {
  "use strict";
  var HINT = "Schuif de tabel opzij voor alle kolommen →";

  function fit(table) {
    var wide = table.scrollWidth > table.clientWidth + 1;
    table.classList.toggle("tabel--breed", wide);
    table.classList.toggle("tabel--links", wide && table.scrollLeft > 1);
    table.classList.toggle("tabel--rechts", wide && table.scrollLeft + table.clientWidth < table.scrollWidth - 1);
    table.previousElementSibling.hidden = !wide;
    // focusable only while it scrolls; its name is its caption, as for every table
    if (wide) table.setAttribute("tabindex", "0");
    else table.removeAttribute("tabindex");
  }

  var resized = typeof ResizeObserver === "function" ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { fit(entry.target); });
  }) : null;

  function watch(table) {
    if (table.kennisbankTabel) return;
    table.kennisbankTabel = true;
    var hint = table.previousElementSibling;
    if (!hint || !hint.classList.contains("tabel-hint")) {  // a copy of a step (the presentation) brings its own
      hint = document.createElement("p");
      hint.className = "tabel-hint";
      hint.setAttribute("data-site-only", "");
      hint.setAttribute("aria-hidden", "true");  // for the eye: a screen reader reads every column anyway
      hint.textContent = HINT;
      table.parentNode.insertBefore(hint, table);
    }
    table.addEventListener("scroll", function () { fit(table); }, { passive: true });
    if (resized) resized.observe(table);
    fit(table);
  }

  function watchAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll("table.datatabel"), watch);
  }

  function init() { watchAll(document.body); }

  new MutationObserver(function () { watchAll(document.body); }).observe(document.body, { childList: true, subtree: true });
  window.kennisbank.onPage(init);
})();
