/* The theme's toggles as buttons, for keyboards and screen readers. The post-build step
   (exports/themeaccess.py) gives Material's labels for hidden checkboxes (the menu button, the
   navigation's section toggles and panel titles) a role, a name and a state; this script keeps the
   state (aria-expanded) with its checkbox, lets Space press them as Enter does (Material handles
   Enter), and on a phone moves focus into the menu when it opens, into a section's panel and back
   out of it, and back to the menu button when Escape closes the menu. */
(function () {
  "use strict";

  function buttonsFor(checkbox) {
    return document.querySelectorAll('label[role="button"][for="' + checkbox.id + '"][aria-expanded]');
  }

  function visible(el) {
    return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.offsetParent !== null;
  }

  function firstInMenu() {
    var drawer = document.querySelector(".md-sidebar--primary");
    var found = drawer && drawer.querySelectorAll('a[href], [tabindex="0"]');
    return found ? Array.prototype.find.call(found, visible) : null;
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type !== "checkbox" || !box.id) return;
    Array.prototype.forEach.call(buttonsFor(box), function (label) {
      label.setAttribute("aria-expanded", String(box.checked));
    });
    if (box.id === "__drawer" && box.checked) {
      // the menu slides in (visible at once: extra.css); start at its first link
      var first = firstInMenu();
      if (first) first.focus();
    }
    var drawer = document.getElementById("__drawer");
    if (box.classList.contains("md-nav__toggle") && drawer && drawer.checked && box.closest(".md-sidebar--primary")) {
      // in the phone's menu a section is a panel that slides over the one before: focus follows,
      // into the panel opened, or back to the section left (its toggle, else its link)
      var item = box.parentNode;
      var panel = item.querySelector(":scope > .md-nav");
      var target = box.checked
        ? panel && Array.prototype.find.call(panel.querySelectorAll('a[href], [tabindex="0"]'), visible)
        : item.querySelector('label[role="button"][for="' + box.id + '"]') || item.querySelector(":scope > .md-nav__container > a, :scope > a");
      if (target) target.focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    var el = document.activeElement;
    if (event.key === " " && el && el.matches('label[role="button"]')) {
      event.preventDefault();  // no page scroll
      el.click();
    }
    var drawer = document.getElementById("__drawer");
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
      var menu = document.querySelector('.md-header label[for="__drawer"]');
      if (menu) menu.focus();
    }
  });
})();
