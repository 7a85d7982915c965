/* Presentation view: one recommendation in large type on a projector, with its short link.
   Toggled by the "Presenteren" button; Escape or the button again returns to the normal page. */
(function () {
  "use strict";
  function init() {
    var button = document.querySelector("button.presenteer");
    if (!button) return;
    function set(on) {
      document.body.classList.toggle("presentatie", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "Presentatie sluiten" : "Presenteren";
    }
    button.addEventListener("click", function () { set(!document.body.classList.contains("presentatie")); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("presentatie")) set(false);
    });
  }
  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else init();
})();
