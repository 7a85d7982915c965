/* Zelfscan: the answers per step stay in this browser (localStorage, by step id, so a changed
   step text keeps its answer); a summary per recommendation and an action list are drawn under
   the form; a scan is saved to a JSON file and opened from one. Nothing leaves the browser. */
(function () {
  "use strict";

  var KIND = "kennisbank-zelfscan";
  var PREFIX = "kennisbank.zelfscan.";

  function store(id, value) {
    window.kennisbank.storage.set(PREFIX + id, value || null);
  }

  function stored(id) {
    return window.kennisbank.storage.get(PREFIX + id);
  }

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
    // the answers (value -> label, in order) as render_zelfscan.ANSWERS wrote them
    var labels = JSON.parse(form.getAttribute("data-antwoorden"));
    var values = Object.keys(labels);
    var todo = form.getAttribute("data-actie");  // the answer that puts a step on the action list

    function answer(id) {
      var checked = form.querySelector('input[name="' + id + '"]:checked');
      return checked ? checked.value : null;
    }

    function set(id, value) {
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + id + '"]'), function (input) {
        input.checked = input.value === value;
      });
    }

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
        var th = element("th", section.querySelector("h2").textContent);
        th.scope = "row";
        row.appendChild(th);
        values.concat(["open"]).forEach(function (k) { row.appendChild(element("td", String(counts[k]))); });
        body.appendChild(row);
      });
      table.appendChild(body);
      out.appendChild(element("p", "Fase " + form.getAttribute("data-fase-naam") + ": " +
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
      var answers = {};
      steps.forEach(function (id) { var value = answer(id); if (value) answers[id] = value; });
      var scan = {
        soort: KIND, versie: form.getAttribute("data-versie"), fase: form.getAttribute("data-fase"),
        datum: new Date().toISOString().slice(0, 10), antwoorden: answers
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
      steps.forEach(function (id) {
        var value = scan.antwoorden[id] || null;
        set(id, value);
        store(id, value);
      });
      summary();
      var fresh = scan.versie !== site ? steps.filter(function (id) { return !scan.antwoorden[id]; }) : [];
      say("De scan van " + (scan.datum || "onbekende datum") + " (versie " + scan.versie + ") is geopend." +
        (fresh.length ? " Zonder antwoord in deze scan (nieuw of nog niet beantwoord): " + fresh.join(", ") + "." : ""));
    }

    function own(value) {
      // only the answers of this form ("ja", "deels", ...), never a name every object has ("toString")
      return typeof value === "string" && Object.prototype.hasOwnProperty.call(labels, value);
    }

    steps.forEach(function (id) { var value = stored(id); if (own(value)) set(id, value); });
    form.addEventListener("change", function (event) {
      if (event.target.type === "radio") { store(event.target.name, event.target.value); summary(); }
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
    form.querySelector(".zelfscan__wis").addEventListener("click", function () {
      steps.forEach(function (id) { set(id, null); store(id, null); });
      summary();
      say("Alle antwoorden van deze fase zijn gewist.");
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    summary();
  }

  window.kennisbank.onPage(init);
})();
