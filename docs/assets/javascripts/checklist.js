/* Checklists: ticks are kept in this browser (localStorage), per recommendation, and survive a
   reload. No network. Works with and without Material's instant navigation. */
(function () {
  "use strict";
  var PREFIX = "kennisbank.vinkjes.";

  function load(id) {
    try {
      var list = JSON.parse(window.kennisbank.storage.get(PREFIX + id));
      // only step ids: whatever else a corrupt or foreign entry holds is ignored
      return Array.isArray(list) ? list.filter(function (item) { return typeof item === "string"; }) : [];
    } catch (e) {
      return []; // corrupt: start empty rather than break the page
    }
  }

  function save(id, ticked) {
    window.kennisbank.storage.set(PREFIX + id, ticked.length ? JSON.stringify(ticked) : null);
  }

  function setup(checklist) {
    var id = checklist.getAttribute("data-checklist");
    var boxes = Array.prototype.slice.call(checklist.querySelectorAll("input.stap__vink"));
    var reset = checklist.querySelector(".checklist__wis");
    var progress = checklist.querySelector(".checklist__voortgang");

    function ticked() {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-stap"); });
    }
    function shown() {
      // the steps a reader sees: a card's role switch hides the others (display: none)
      return boxes.filter(function (b) { return b.closest(".stap").getClientRects().length > 0; });
    }
    function show() {
      var done = ticked().length;
      var visible = shown();
      var doneVisible = visible.filter(function (b) { return b.checked; }).length;
      boxes.forEach(function (b) { b.closest(".stap").classList.toggle("stap--klaar", b.checked); });
      if (progress) progress.textContent = doneVisible + " van " + visible.length + " stappen afgevinkt";
      if (reset) reset.hidden = done === 0;
    }

    var saved = load(id);
    boxes.forEach(function (box) {
      box.checked = saved.indexOf(box.getAttribute("data-stap")) !== -1;
      box.addEventListener("change", function () { save(id, ticked()); show(); });
    });
    if (reset) {
      reset.addEventListener("click", function () {
        boxes.forEach(function (b) { b.checked = false; });
        save(id, []);
        show();
        if (boxes.length) boxes[0].focus(); // the button disappears; keep focus in the list
      });
    }
    var card = checklist.closest(".nu-handelen");
    if (card) card.addEventListener("change", function (event) {
      if (event.target.type === "radio") show();  // another role: count what it shows
    });
    show();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".checklist[data-checklist]"), setup);
  }

  window.kennisbank.onPage(init);
})();
