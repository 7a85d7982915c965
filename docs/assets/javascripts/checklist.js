/* Checklists: ticks are kept in this browser (localStorage), per recommendation, and survive a
   reload. No network. Works with and without Material's instant navigation. */
(function () {
  "use strict";
  var PREFIX = "kennisbank.vinkjes.";

  function load(id) {
    try {
      var list = JSON.parse(window.localStorage.getItem(PREFIX + id));
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return []; // storage disabled or corrupt: start empty rather than break the page
    }
  }

  function save(id, ticked) {
    try {
      if (ticked.length) window.localStorage.setItem(PREFIX + id, JSON.stringify(ticked));
      else window.localStorage.removeItem(PREFIX + id);
    } catch (e) { /* private mode: ticks simply do not persist */ }
  }

  function setup(checklist) {
    var id = checklist.getAttribute("data-checklist");
    var boxes = Array.prototype.slice.call(checklist.querySelectorAll("input.stap__vink"));
    var reset = checklist.querySelector(".checklist__wis");
    var progress = checklist.querySelector(".checklist__voortgang");

    function ticked() {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-stap"); });
    }
    function show() {
      var done = ticked().length;
      boxes.forEach(function (b) { b.closest(".stap").classList.toggle("stap--klaar", b.checked); });
      if (progress) progress.textContent = done + " van " + boxes.length + " stappen afgevinkt";
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
    show();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".checklist[data-checklist]"), setup);
  }

  window.kennisbank.onPage(init);
})();
