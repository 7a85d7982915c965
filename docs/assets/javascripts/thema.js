/* The theme's toggles from the keyboard. The post-build step (exports/themeaccess.py) makes
   Material's hidden checkboxes (the menu on a phone, the navigation's sections) the controls, named
   and in the tab order; Space toggles a checkbox, and this script lets Enter do the same (as
   Material's labels had it). On a phone it moves focus into the menu when the menu opens, keeps Tab
   inside the open menu (the page behind is covered), and moves back to the menu's checkbox when
   Escape closes it. */
(function () {
  "use strict";

  var KEYBOARD = "input[data-toetsenbord]";

  function visible(el) {
    return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.offsetParent !== null;
  }

  function firstInMenu() {
    // the open panel on top: its own checkbox (the way back), else the menu's first link
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!drawer) return null;
    var open = Array.prototype.filter.call(drawer.querySelectorAll(KEYBOARD + ":checked"), visible);
    if (open.length) return open[open.length - 1];
    return Array.prototype.find.call(drawer.querySelectorAll("a[href], " + KEYBOARD), visible) || null;
  }

  // the open menu's tab stops, the "Menu" checkbox (which closes it) first
  function menuStops() {
    var drawer = document.querySelector(".md-sidebar--primary");
    var stops = Array.prototype.filter.call(drawer.querySelectorAll("a[href], " + KEYBOARD), visible);
    return [document.getElementById("__drawer")].concat(stops);
  }

  function onChange(event) {
    if (event.target.id === "__drawer" && event.target.checked) {
      var first = firstInMenu();  // visible at once (extra.css), while it slides in
      if (first) first.focus();
    }
  }

  function onKey(event) {
    var el = document.activeElement;
    if (event.key === "Enter" && el && el.matches(KEYBOARD)) {
      event.preventDefault();
      el.click();
    }
    var drawer = document.getElementById("__drawer");
    if (event.key === "Tab" && drawer && drawer.checked && visible(drawer)) {
      // every step by hand: the next stop in the document after "Menu" is in the covered header
      var stops = menuStops();
      var at = stops.indexOf(el);
      var next = at === -1 ? 0 : (at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
      event.preventDefault();
      stops[next].focus();
    }
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.click();
      drawer.focus();
    }
  }

  var listening = false;
  function init() {
    // the document outlives Material's instant page loads: listen once
    if (listening) return;
    listening = true;
    document.addEventListener("change", onChange);
    document.addEventListener("keydown", onKey);
  }

  window.kennisbank.onPage(init);
})();
