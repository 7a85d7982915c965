/* Checklists: a tick is kept in this browser (localStorage) per step id, so a step ticked on a
   "Nu handelen" card is ticked on its recommendation's page too, and the other way round. The
   keys come from the checklist's data attributes (kennisbank.sitemap owns them). No network.
   Works with and without Material's instant navigation. */
(function () {
  "use strict";
  var storage = window.kennisbank.storage;
  var shown = [];  // the checklists on this page: refresh functions, for ticks made in another tab

  function moveOldList(checklist, key, value) {
    // 0.1 kept one list of ticked step ids per checklist: move it to the per-step keys, once
    var old = checklist.getAttribute("data-opslag-oud");
    var list;
    try { list = JSON.parse(storage.get(old)); } catch (e) { list = null; }
    if (Array.isArray(list)) {
      list.forEach(function (id) { if (typeof id === "string") storage.set(key + id, value); });
    }
    if (list !== null) storage.set(old, null);
  }

  function setup(checklist) {
    var key = checklist.getAttribute("data-opslag");  // + step id
    var value = checklist.getAttribute("data-opslag-waarde");
    var boxes = Array.prototype.slice.call(checklist.querySelectorAll("input.stap__vink"));
    var reset = checklist.querySelector(".checklist__wis");
    var progress = checklist.querySelector(".checklist__voortgang");

    function stepOf(box) { return box.getAttribute("data-stap"); }
    function visible() {
      // the steps a reader sees: a card's role switch hides the others (display: none)
      return boxes.filter(function (b) { return b.closest(".stap").getClientRects().length > 0; });
    }
    function show() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      var seen = visible();
      var doneSeen = seen.filter(function (b) { return b.checked; }).length;
      boxes.forEach(function (b) { b.closest(".stap").classList.toggle("stap--klaar", b.checked); });
      if (progress) progress.textContent = doneSeen + " van " + seen.length + " stappen afgevinkt";
      if (reset) reset.hidden = done === 0;
    }
    function load() {
      boxes.forEach(function (box) { box.checked = storage.get(key + stepOf(box)) === value; });
      show();
    }

    moveOldList(checklist, key, value);
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        storage.set(key + stepOf(box), box.checked ? value : null);
        show();
      });
    });
    if (reset) {
      reset.addEventListener("click", function () {
        boxes.forEach(function (b) { b.checked = false; storage.set(key + stepOf(b), null); });
        show();
        if (boxes.length) boxes[0].focus(); // the button disappears; keep focus in the list
      });
    }
    var card = checklist.closest(".nu-handelen");
    if (card) card.addEventListener("change", function (event) {
      if (event.target.type === "radio") show();  // another role: count what it shows
    });
    load();
    return load;
  }

  function init() {
    shown = Array.prototype.map.call(document.querySelectorAll(".checklist[data-checklist]"), setup);
  }

  // a tick made in another tab (the card open beside the recommendation's page) shows here too
  window.addEventListener("storage", function () { shown.forEach(function (load) { load(); }); });
  window.kennisbank.onPage(init);
})();
