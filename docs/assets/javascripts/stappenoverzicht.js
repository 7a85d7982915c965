/* The overview of every step and point: filters by phase, recommendation, audience and kind, and
   words of the text (the whole step, folded in each row, included). Each row carries its values
   in data attributes and each filter's options carry the same values, both written from the data
   by the renderer (macros/render_selectie.py), so nothing is repeated here. The filters stand in
   the address (?fase=crisis&doelgroep=gemeente), so a filtered list can be sent. */
(function () {
  "use strict";

  // what a filter compares with a row's attribute: equal, or one of its space-separated values
  var FIELDS = { fase: ["data-fase", "is"], handvat: ["data-handvat", "is"], doelgroep: ["data-voor", "in"], soort: ["data-soort", "is"] };

  function fold(text) {
    // lower case without accents: "geënsceneerd" is found as "geensceneerd" too
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function init() {
    var form = document.querySelector("form.overzicht__filters");
    if (!form) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll("ol.overzicht > li[data-stap]"));
    var texts = rows.map(function (row) { return fold(row.textContent.replace(/\s+/g, " ")); });
    var counter = form.querySelector(".overzicht__teller");
    form.hidden = false;

    function apply() {
      var words = fold(form.elements.tekst.value).split(/\s+/).filter(function (w) { return w; });
      var shown = 0;
      rows.forEach(function (row, n) {
        var match = Object.keys(FIELDS).every(function (name) {
          var value = form.elements[name].value;
          if (!value) return true;
          var own = row.getAttribute(FIELDS[name][0]) || "";
          return FIELDS[name][1] === "is" ? own === value : own.split(" ").indexOf(value) >= 0;
        }) && words.every(function (w) { return texts[n].indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) shown++;
      });
      counter.textContent = shown === rows.length ? "Alle " + rows.length + " stappen en punten." :
        shown + " van de " + rows.length + " stappen en punten." + (shown ? "" : " Geen stap past bij deze keuze.");
      var params = new URLSearchParams();
      Object.keys(FIELDS).concat(["tekst"]).forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) params.set(name, value);
      });
      var search = params.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    // the filters of the address; a value a filter does not offer is left out
    var given = new URLSearchParams(window.location.search);
    Object.keys(FIELDS).forEach(function (name) {
      var select = form.elements[name];
      var value = given.get(name);
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
    });
    form.elements.tekst.value = (given.get("tekst") || "").slice(0, 200);
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  window.kennisbank.onPage(init);
})();
