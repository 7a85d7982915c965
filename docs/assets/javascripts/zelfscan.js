/* Zelfscan: the answers per step stay in this browser (localStorage, by step id, so a changed
   step text keeps its answer); a summary per recommendation and an action list are drawn under
   the form; a scan is saved to a JSON file and opened from one. Wiping and opening a file ask
   first (saying what would change) and can be undone. Nothing leaves the browser. */
(function () {
  "use strict";

  var KIND = "kennisbank-zelfscan";
  var storage = window.kennisbank.storage;

  function newer(a, b) {
    // whether version a is newer than version b ("0.10" after "0.9")
    var x = String(a).split("."), y = String(b).split(".");
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var d = (parseInt(x[i], 10) || 0) - (parseInt(y[i], 10) || 0);
      if (d) return d > 0;
    }
    return false;
  }

  function element(tag, content) {
    var el = document.createElement(tag);
    if (content) el.textContent = content;
    return el;
  }

  function init() {
    var form = document.querySelector("form.zelfscan");
    if (!form) return;
    var steps = Array.prototype.map.call(form.querySelectorAll("fieldset[data-stap]"), function (f) { return f.getAttribute("data-stap"); });
    var message = form.querySelector(".zelfscan__melding");
    var undoButton = form.querySelector(".zelfscan__herstel");
    var wipeButton = form.querySelector(".zelfscan__wis");
    var dialog = form.querySelector("dialog.zelfscan__vraag");
    // the answers (value -> label, in order) as render_zelfscan.ANSWERS wrote them
    var labels = JSON.parse(form.getAttribute("data-antwoorden"));
    var values = Object.keys(labels);
    var todo = form.getAttribute("data-actie");  // the answer that puts a step on the action list
    var key = form.getAttribute("data-opslag");  // + step id: the answer
    var beforeKey = form.getAttribute("data-opslag-vorige");  // the answers before a wipe or an opened file
    var phaseName = form.getAttribute("data-fase-naam");

    function own(value) {
      // only the answers of this form ("ja", "deels", ...), never a name every object has ("toString")
      return typeof value === "string" && Object.prototype.hasOwnProperty.call(labels, value);
    }

    function answer(id) {
      var checked = form.querySelector('input[name="' + id + '"]:checked');
      return checked ? checked.value : null;
    }

    function answers() {
      var all = {};
      steps.forEach(function (id) { var value = answer(id); if (value) all[id] = value; });
      return all;
    }

    function set(id, value) {
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + id + '"]'), function (input) {
        input.checked = input.value === value;
      });
    }

    function apply(all) {
      // every step of the phase takes its answer from `all` (none where it has none)
      steps.forEach(function (id) {
        var value = own(all[id]) ? all[id] : null;
        set(id, value);
        storage.set(key + id, value);
      });
      summary();
    }

    // --- undo: the answers before the last wipe or opened file, kept until undone or answered anew
    function savedBefore() {
      var kept;
      try { kept = JSON.parse(storage.get(beforeKey)); } catch (e) { return null; }
      if (!kept || typeof kept.antwoorden !== "object" || kept.antwoorden === null) return null;
      var clean = {};
      Object.keys(kept.antwoorden).forEach(function (id) {
        if (steps.indexOf(id) >= 0 && own(kept.antwoorden[id])) clean[id] = kept.antwoorden[id];
      });
      return { wat: kept.wat === "openen" ? "openen" : "wissen", antwoorden: clean };
    }

    function keepBefore(what) {
      storage.set(beforeKey, JSON.stringify({ wat: what, antwoorden: answers() }));
      undoButton.hidden = false;
    }

    function forgetBefore() {
      storage.set(beforeKey, null);
      undoButton.hidden = true;
    }

    function undo() {
      var kept = savedBefore();
      forgetBefore();
      wipeButton.focus();  // the undo button disappears: focus stays among the actions
      if (!kept) return say("Er is niets om ongedaan te maken.");
      apply(kept.antwoorden);
      var n = Object.keys(kept.antwoorden).length;
      say((kept.wat === "openen" ? "Het openen van de scan is ongedaan gemaakt" : "Het wissen is ongedaan gemaakt") +
        ": de " + n + " antwoorden van daarvoor staan er weer.");
    }

    // --- asking first: the modal dialog under the actions ------------------------------------
    var onYes = null, onNo = null;
    function ask(title, lines, yes, whenYes, whenNo) {
      dialog.querySelector(".zelfscan__vraag-titel").textContent = title;
      var text = dialog.querySelector("#" + dialog.getAttribute("aria-describedby"));
      text.textContent = "";
      lines.forEach(function (line) { text.appendChild(element("span", line)).className = "zelfscan__vraag-regel"; });
      dialog.querySelector(".zelfscan__ja").textContent = yes;
      onYes = whenYes;
      onNo = whenNo;
      dialog.showModal();
    }
    dialog.querySelector(".zelfscan__ja").addEventListener("click", function () { dialog.close("ja"); });
    dialog.querySelector(".zelfscan__nee").addEventListener("click", function () { dialog.close("nee"); });
    dialog.addEventListener("close", function () {
      // Escape closes it too (returnValue ""): that is a no
      var then = dialog.returnValue === "ja" ? onYes : onNo;
      dialog.returnValue = "";
      onYes = onNo = null;
      if (then) then();
    });

    function summary() {
      var out = form.querySelector(".zelfscan__uitkomst");
      out.textContent = "";
      var table = element("table");
      table.className = "datatabel";
      var caption = element("caption", "Per handvat: aantal stappen per antwoord");
      table.appendChild(caption);
      var head = element("tr");
      ["Handvat"].concat(values.map(function (v) { return labels[v]; }), ["open"]).forEach(function (label) {
        var th = element("th", label);
        th.scope = "col";
        head.appendChild(th);
      });
      var thead = element("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = element("tbody");
      function zero() {
        var counts = { open: 0 };
        values.forEach(function (v) { counts[v] = 0; });
        return counts;
      }
      var total = zero();
      var actions = [];
      Array.prototype.forEach.call(form.querySelectorAll("section[data-handvat]"), function (section) {
        var counts = zero();
        Array.prototype.forEach.call(section.querySelectorAll("fieldset[data-stap]"), function (f) {
          var id = f.getAttribute("data-stap");
          var value = answer(id) || "open";
          counts[value]++;
          total[value]++;
          if (value === todo) actions.push([id, f.querySelector("legend").textContent.replace(/^\S+\s/, "")]);
        });
        var row = element("tr");
        var th = element("th", section.getAttribute("data-naam"));
        th.scope = "row";
        row.appendChild(th);
        values.concat(["open"]).forEach(function (k) { row.appendChild(element("td", String(counts[k]))); });
        body.appendChild(row);
      });
      table.appendChild(body);
      // the date makes a printed summary a record of where the team stood
      var today = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
      out.appendChild(element("p", "Fase " + phaseName + ", stand op " + today + ": " +
        values.map(function (v) { return total[v] + " " + labels[v]; }).join(", ") + ", " + total.open +
        " nog niet beantwoord (van " + steps.length + " stappen)."));
      out.appendChild(table);
      out.appendChild(element("h3", "Actielijst: stappen die nog niet zijn gezet"));
      if (!actions.length) out.appendChild(element("p", "Geen stappen gemarkeerd als ‘" + labels[todo] + "’."));
      else {
        var list = element("ul");
        list.className = "zelfscan__acties-lijst";
        actions.forEach(function (a) {
          var li = element("li");
          li.appendChild(element("strong", a[0] + " "));
          li.appendChild(document.createTextNode(a[1]));
          list.appendChild(li);
        });
        out.appendChild(list);
      }
    }

    function say(text) { message.textContent = text; }

    function exportScan() {
      var scan = {
        soort: KIND, versie: form.getAttribute("data-versie"), fase: form.getAttribute("data-fase"),
        datum: new Date().toISOString().slice(0, 10), antwoorden: answers()
      };
      var blob = new Blob([JSON.stringify(scan, null, 2)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "zelfscan-" + scan.fase + "-" + scan.datum + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      say("De scan is opgeslagen als " + a.download + ".");
    }

    function wipe() {
      var current = answers();
      var ids = Object.keys(current);
      if (!ids.length) return say("Er zijn nog geen antwoorden om te wissen.");
      ask("Alle antwoorden van fase " + phaseName + " wissen?", [
        "Dit wist " + ids.length + (ids.length === 1 ? " antwoord" : " antwoorden") + ": " + ids.join(", ") + ".",
        "Daarna kunt u het wissen ongedaan maken met de knop ‘Ongedaan maken’."
      ], "Antwoorden wissen", function () {
        keepBefore("wissen");
        apply({});
        say(ids.length + (ids.length === 1 ? " antwoord is" : " antwoorden zijn") +
          " gewist. Met ‘Ongedaan maken’ zet u ze terug.");
      }, function () { say("Er is niets gewist."); });
    }

    function changes(incoming) {
      // what opening a scan would do to the answers on the page, by step id
      var current = answers(), added = [], changed = [], dropped = [], same = 0;
      steps.forEach(function (id) {
        var was = current[id], will = incoming[id];
        if (!was && will) added.push(id);
        else if (was && !will) dropped.push(id);
        else if (was && will && was !== will) changed.push(id + " (" + labels[was] + " → " + labels[will] + ")");
        else if (was) same++;
      });
      return { added: added, changed: changed, dropped: dropped, same: same };
    }

    function importScan(textContent) {
      // checked as a whole first: a file that is wrong in any way leaves the answers untouched
      var scan;
      try { scan = JSON.parse(textContent); } catch (e) { return say("Dit bestand is geen zelfscan: het is geen geldig JSON-bestand. Er is niets veranderd."); }
      if (!scan || scan.soort !== KIND || typeof scan.antwoorden !== "object" || scan.antwoorden === null) {
        return say("Dit bestand is geen zelfscan van deze kennisbank. Er is niets veranderd.");
      }
      if (scan.fase !== form.getAttribute("data-fase")) {
        return say("Deze scan hoort bij een andere fase (" + scan.fase + "). Open hem op de zelfscan van die fase. Er is niets veranderd.");
      }
      var site = form.getAttribute("data-versie");
      if (newer(scan.versie, site)) {
        return say("Deze scan komt uit een nieuwere versie van de kennisbank (" + scan.versie + ") dan deze (" + site + "). Er is niets veranderd.");
      }
      var unknown = Object.keys(scan.antwoorden).filter(function (id) { return steps.indexOf(id) < 0; });
      var bad = Object.keys(scan.antwoorden).filter(function (id) { return !own(scan.antwoorden[id]); });
      if (unknown.length) return say("Deze scan noemt stappen die deze kennisbank niet kent: " + unknown.join(", ") + ". Er is niets veranderd.");
      if (bad.length) return say("Deze scan heeft een onbekend antwoord bij " + bad.join(", ") + ". Er is niets veranderd.");

      var from = "De scan van " + (scan.datum || "onbekende datum") + " (versie " + scan.versie + ")";
      var fresh = scan.versie !== site ? steps.filter(function (id) { return !scan.antwoorden[id]; }) : [];
      var freshNote = fresh.length ? " Zonder antwoord in deze scan (nieuw of nog niet beantwoord): " + fresh.join(", ") + "." : "";
      var diff = changes(scan.antwoorden);
      if (!diff.added.length && !diff.changed.length && !diff.dropped.length) {
        return say(from + " heeft dezelfde antwoorden als deze pagina. Er is niets veranderd." + freshNote);
      }
      var lines = ["De scan vervangt de antwoorden op deze pagina:"];
      if (diff.added.length) lines.push(diff.added.length + " nieuw: " + diff.added.join(", ") + ".");
      if (diff.changed.length) lines.push(diff.changed.length + " anders: " + diff.changed.join(", ") + ".");
      if (diff.dropped.length) lines.push(diff.dropped.length + " gewist, want de scan heeft daar geen antwoord: " + diff.dropped.join(", ") + ".");
      if (diff.same) lines.push(diff.same + " blijven gelijk.");
      lines.push("Daarna kunt u het openen ongedaan maken met de knop ‘Ongedaan maken’.");
      ask(from + " openen?", lines, "Scan openen", function () {
        keepBefore("openen");
        apply(scan.antwoorden);
        say(from + " is geopend: " + diff.added.length + " nieuw, " + diff.changed.length + " anders, " +
          diff.dropped.length + " gewist." + freshNote);
      }, function () { say("De scan is niet geopend. Er is niets veranderd."); });
    }

    steps.forEach(function (id) { var value = storage.get(key + id); if (own(value)) set(id, value); });
    undoButton.hidden = !savedBefore();
    form.addEventListener("change", function (event) {
      if (event.target.type === "radio") {
        storage.set(key + event.target.name, event.target.value);
        // answering again accepts the wipe or the opened file: nothing left to undo
        if (!undoButton.hidden) forgetBefore();
        summary();
      }
      if (event.target.type === "file" && event.target.files.length) {
        var file = event.target.files[0];
        var reader = new FileReader();
        reader.onload = function () {
          try { importScan(String(reader.result)); } catch (e) {
            say("Dit bestand kan niet als zelfscan worden gelezen. Er is niets veranderd.");
          }
        };
        reader.onerror = function () { say("Dit bestand kan niet worden gelezen. Er is niets veranderd."); };
        reader.readAsText(file);
        event.target.value = "";
      }
    });
    form.querySelector(".zelfscan__exporteer").addEventListener("click", exportScan);
    form.querySelector(".zelfscan__afdrukken").addEventListener("click", function () { window.print(); });
    wipeButton.addEventListener("click", wipe);
    undoButton.addEventListener("click", undo);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    summary();
  }

  window.kennisbank.onPage(init);
})();
