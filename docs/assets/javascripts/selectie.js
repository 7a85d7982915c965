/* A lesson of one's own: the reader's selection of steps of the cycle.
   On any page, the "In selectie" toggles (on a recommendation's steps, a card's, the overview's)
   keep the selection in this browser, and the "Eigen selectie" link goes to it. The selection page
   shows the chosen steps, whole, in the order of its address (/selectie/#c1-1,c2-3), so a link is
   the selection: opened on another computer it shows the same steps. Every step stands on that
   page once, hidden, as the step renderer wrote it; this script takes the chosen ones out, in
   order. Steps are named by their anchors, read from the page (data-kies, the items' ids), so no
   id rule is repeated here. Print, present (presentatie.js), CSV and JSON: nothing leaves the
   browser. */
(function () {
  "use strict";

  var KEY = "kennisbank.selectie";  // {"stappen": [anchors, in order], "titel": "..."}
  var KIND = "kennisbank-selectie";  // the JSON file's "soort", as the zelfscan's files have theirs
  var TITLE_MAX = 120;
  var ADDRESS_ON_SCREEN = 120;  // characters: three lines of the presentation's title screen
  var TOKENS_MAX = 1000;  // names read from one address or file
  var TOKEN = /^[a-z0-9][a-z0-9.\-]{0,20}$/i;  // what may be a step's name in storage (checked again against the page)
  var kb = window.kennisbank;

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function cleanTitle(text) {
    // a title from the address or a file: one line of plain text, shown only as text
    return String(text || "").replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, " ").replace(/\s+/g, " ").trim().slice(0, TITLE_MAX);
  }

  function load() {
    var saved;
    try { saved = JSON.parse(kb.storage.get(KEY)); } catch (e) { saved = null; }
    var steps = saved && Array.isArray(saved.stappen) ? saved.stappen : [];
    return {
      stappen: steps.filter(function (s) { return typeof s === "string" && TOKEN.test(s); }),
      titel: cleanTitle(saved && saved.titel)
    };
  }

  function save(selection) {
    kb.storage.set(KEY, selection.stappen.length || selection.titel ? JSON.stringify(selection) : null);
  }

  function query(selection) {
    return selection.titel ? "?" + new URLSearchParams({ titel: selection.titel }).toString() : "";
  }

  function hash(selection) {
    return selection.stappen.length ? "#" + selection.stappen.join(",") : "";
  }

  function pathOf(href) {
    return href.split(/[?#]/)[0];
  }

  var status;
  function say(text) {
    // a status region in the page before its first message, so that message is read out
    if (!status || !status.isConnected) {
      status = element("p", "visueel-verborgen selectie-status");
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  function count(n) {
    return n === 1 ? "1 stap" : n + " stappen";
  }

  // --- the toggles and links on any page ------------------------------------------------------

  function setupToggles() {
    var buttons = Array.prototype.slice.call(document.querySelectorAll("button.kies[data-kies]"));
    var links = Array.prototype.slice.call(document.querySelectorAll("a.selectie-link"));
    var all = document.querySelector("button.kies-alle");
    if (!buttons.length && !links.length) return;
    say("");  // the status region waits in the page before its first message
    links.forEach(function (a) { a.setAttribute("data-pad", pathOf(a.getAttribute("href"))); });

    function show() {
      var selection = load();
      buttons.forEach(function (b) {
        b.hidden = false;
        b.setAttribute("aria-pressed", String(selection.stappen.indexOf(b.getAttribute("data-kies")) >= 0));
      });
      links.forEach(function (a) {
        a.hidden = false;
        a.href = a.getAttribute("data-pad") + query(selection) + hash(selection);
        a.textContent = "Eigen selectie" + (selection.stappen.length ? " (" + count(selection.stappen.length) + ")" : "");
      });
    }

    function name(button) {
      return button.textContent.replace(/^In selectie\s*/, "").replace(/[()]/g, "").trim();
    }

    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var selection = load();
        var anchor = b.getAttribute("data-kies");
        var at = selection.stappen.indexOf(anchor);
        if (at >= 0) selection.stappen.splice(at, 1);
        else selection.stappen.push(anchor);
        save(selection);
        show();
        say((at >= 0 ? name(b) + " is uit uw selectie gehaald." : name(b) + " staat in uw selectie.") +
          " Uw selectie heeft nu " + count(selection.stappen.length) + ".");
      });
    });
    if (all) {
      all.addEventListener("click", function () {
        // the steps the filters show (a hidden row has no boxes)
        var selection = load();
        var added = 0;
        buttons.forEach(function (b) {
          var anchor = b.getAttribute("data-kies");
          if (b.closest("li").getClientRects().length && selection.stappen.indexOf(anchor) < 0) {
            selection.stappen.push(anchor);
            added++;
          }
        });
        save(selection);
        show();
        say(count(added) + " toegevoegd. Uw selectie heeft nu " + count(selection.stappen.length) + ".");
      });
    }
    // another tab changed the selection
    window.addEventListener("storage", function (event) { if (event.key === KEY) show(); });
    show();
  }

  // --- QR codes (qrcode-generator, loaded by the selection page where the site's address is known)

  function qrCode(text, label) {
    if (typeof window.qrcode !== "function") return null;
    var qr = window.qrcode(0, "M");
    qr.addData(text);
    qr.make();
    var n = qr.getModuleCount(), border = 2, d = "";
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) if (qr.isDark(r, c)) d += "M" + (c + border) + " " + (r + border) + "h1v1h-1z";
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + (n + 2 * border) + " " + (n + 2 * border));
    svg.setAttribute("class", "selectie__qr-code");
    svg.setAttribute("role", "img");
    var title = document.createElementNS(ns, "title");
    title.textContent = label;
    svg.appendChild(title);
    var back = document.createElementNS(ns, "rect");
    back.setAttribute("width", "100%");
    back.setAttribute("height", "100%");
    back.setAttribute("fill", "#fff");
    svg.appendChild(back);
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(path);
    return svg;
  }

  // --- the selection page -----------------------------------------------------------------------

  function setupSelection(root) {
    var pool = root.querySelector(".selectie__voorraad");
    // Out of the page: presentatie.js presents the steps in the article, and the hidden ones are
    // not chosen. afdruk.js, which starts before this script, has given their links an address.
    pool.remove();
    var items = {};  // anchor -> the step as the renderer wrote it
    var names = {};  // anchor or id, in lower case -> anchor: a link may name "c1-1" or "C1.1"
    Array.prototype.forEach.call(pool.querySelectorAll("li.stap[data-stap]"), function (li) {
      items[li.id] = li;
      names[li.id.toLowerCase()] = li.id;
      names[li.getAttribute("data-stap").toLowerCase()] = li.id;
    });
    var data = JSON.parse(root.querySelector(".selectie__gegevens").textContent);
    var list = root.querySelector(".selectie__lijst");
    var controls = root.querySelector(".selectie__bediening");
    var message = root.querySelector(".selectie__melding");
    var notice = root.querySelector(".selectie__onbekend");
    var titleInput = root.querySelector(".selectie__titel-invoer");
    var heading = document.querySelector("article h1");
    var site = root.getAttribute("data-online");  // this page's public address, when known: QR codes
    var chosen = [];
    var title = "";
    controls.hidden = false;
    say("");

    // Material's navigation.tracking writes the heading in view into the address as the reader
    // scrolls, or clears it; on this page the address is the selection, so a change of the
    // address by anyone else keeps the selection's part (its title and steps).
    var replace = history.replaceState.bind(history);
    function setAddress() {
      replace(null, "", pathOf(window.location.href) + query(selection()) + hash(selection()));
    }
    history.replaceState = function (state, unused, url) {
      var target = new URL(url, window.location.href).href;
      replace(state, unused, pathOf(target) === pathOf(window.location.href) ? pathOf(target) + query(selection()) + hash(selection()) : target);
    };

    function selection() { return { stappen: chosen.slice(), titel: title }; }

    function address() {
      // the address to send: the public one where known (also from the offline copy), else this page's
      var online = root.getAttribute("data-online");
      return (online || pathOf(window.location.href)) + query(selection()) + hash(selection());
    }

    function idOf(anchor) { return items[anchor].getAttribute("data-stap"); }

    function parse(raw) {
      // the names in an address or a file: known steps in order, and what could not be used
      var tokens = raw.split(/[,;]/).map(function (t) { return t.trim(); }).filter(function (t) { return t; });
      var found = [], unknown = [], twice = [], seen = Object.create(null);
      // a link with more names than the site has steps, many times over, is not read to its end
      tokens.slice(0, TOKENS_MAX).forEach(function (token) {
        var anchor = Object.prototype.hasOwnProperty.call(names, token.toLowerCase()) ? names[token.toLowerCase()] : null;
        var key = anchor || "?" + token;
        if (seen[key]) { if (anchor && seen[key] === 1) twice.push(idOf(anchor)); seen[key]++; return; }
        seen[key] = 1;
        (anchor ? found : unknown).push(anchor || token);
      });
      return { found: found, unknown: unknown, twice: twice, unread: Math.max(0, tokens.length - TOKENS_MAX) };
    }

    function decoded(text) {
      try { return decodeURIComponent(text); } catch (e) { return text; }  // a broken %-sequence: as written
    }

    function quoted(list) {
      var shown = list.slice(0, 20).map(function (t) { return "‘" + t.slice(0, 40) + "’"; });
      return shown.join(", ") + (list.length > 20 ? " en nog " + (list.length - 20) : "");
    }

    function tell(result, from) {
      var lines = [];
      if (result.unknown.length) {
        lines.push((from || "De link") + " noemt " + quoted(result.unknown) + ": " +
          (result.unknown.length === 1 ? "dat is geen stap" : "dat zijn geen stappen") + " van deze versie (" +
          root.getAttribute("data-versie") + ") van de kennisbank. Een link uit een andere versie kan stappen noemen die hier niet (meer) bestaan." +
          (result.found.length ? " De andere stappen staan hieronder." : ""));
      }
      if (result.unread) lines.push("De laatste " + result.unread + " namen zijn niet gelezen: de link is te lang.");
      if (result.twice.length) {
        lines.push(result.twice.join(", ") + (result.twice.length === 1 ? " stond" : " stonden") + " er meer dan één keer in; " +
          (result.twice.length === 1 ? "die staat" : "die staan") + " hier één keer, op de eerste plaats waar " +
          (result.twice.length === 1 ? "hij" : "ze") + " stond" + (result.twice.length === 1 ? "" : "en") + ".");
      }
      notice.hidden = !lines.length;
      notice.querySelector("p:last-child").textContent = lines.join(" ");
    }

    function sources() {
      // the citations of the chosen steps, each once, in the order they first appear
      var seen = [];
      chosen.forEach(function (anchor) {
        Array.prototype.forEach.call(items[anchor].querySelectorAll("a.bronverwijzing"), function (a) {
          var text = a.textContent.replace(/\s+/g, " ").trim();
          if (seen.indexOf(text) < 0) seen.push(text);
        });
      });
      return seen;
    }

    function draw() {
      while (list.firstChild) pool.appendChild(list.firstChild);
      chosen.forEach(function (anchor, n) {
        var li = items[anchor];
        li.querySelector(".selectie__omhoog").disabled = n === 0;
        li.querySelector(".selectie__omlaag").disabled = n === chosen.length - 1;
        var short = li.getAttribute("data-qr");  // the step's public short address (render_selectie)
        if (short && !li.querySelector(".selectie__qr")) {
          var code = qrCode(short, "QR-code naar " + short);
          if (code) {
            var box = element("span", "selectie__qr");
            box.appendChild(code);
            li.insertBefore(box, li.firstChild);  // floats beside the step on paper
          }
        }
        list.appendChild(li);
      });
      var n = chosen.length;
      root.querySelector(".selectie__leeg").hidden = n > 0;
      root.querySelector(".selectie__aantal").textContent = n ? count(n) + " in deze selectie, in deze volgorde:" : "";
      root.querySelector(".presenteer").disabled = n === 0;
      ["selectie__afdrukken", "selectie__csv", "selectie__json", "selectie__wis", "selectie__kopieer"].forEach(function (name) {
        root.querySelector("." + name).disabled = n === 0;
      });
      var cited = sources();
      root.querySelector(".selectie__bronnen-kop").hidden = !cited.length;
      var citedLine = root.querySelector(".selectie__bronnen");
      citedLine.hidden = !cited.length;
      citedLine.textContent = cited.join(", ");
      var shown = root.querySelector(".selectie__titel");
      shown.hidden = !title;
      shown.textContent = title;
      // the presentation's title screen: the title, and the address with its QR code
      heading.setAttribute("data-kort-label", title || "Eigen selectie: " + count(n));
      var link = address();
      var line = root.querySelector(".selectie__adres");
      line.hidden = n === 0;
      // a long address does not fit a title screen (the QR code holds it); the handout prints it whole
      line.setAttribute("data-adres", link.length <= ADDRESS_ON_SCREEN ? link : "");
      var anchorLink = line.querySelector("a");
      anchorLink.href = link;
      anchorLink.textContent = link;
      root.querySelector(".selectie__kopieer").setAttribute("data-kopieer", link);
      var template = root.querySelector("template.presentatie__qr");
      template.innerHTML = "";
      var whole = site && n ? qrCode(link, "QR-code naar deze selectie") : null;
      if (whole) {
        whole.setAttribute("class", "presentatie__qr-code");
        template.content.appendChild(whole);
        var printed = line.querySelector(".selectie__qr") || line.appendChild(element("span", "selectie__qr"));
        printed.textContent = "";
        printed.appendChild(qrCode(link, "QR-code naar deze selectie"));
      }
    }

    function commit() {
      save(selection());
      setAddress();
      draw();
    }

    function open() {
      // from the address; an address without steps shows the selection kept in this browser
      var params = new URLSearchParams(window.location.search);
      var raw = decoded(window.location.hash.slice(1));
      var kept = load();
      message.textContent = "";
      var result;
      if (raw.trim()) {
        result = parse(raw);
        title = cleanTitle(params.get("titel"));
        var before = kept.stappen.join(",");
        if (before && before !== result.found.join(",")) {
          // the reader's own selection, replaced by the link's, stays one click away
          message.textContent = "U opende een link met een selectie. Uw vorige selectie (" + count(kept.stappen.length) + ") ";
          var back = element("a", "", "staat hier");
          back.href = pathOf(window.location.href) + query(kept) + hash(kept);
          message.appendChild(back);
          message.appendChild(document.createTextNode("."));
        }
        chosen = result.found;
        save(selection());
      } else {
        result = parse(kept.stappen.join(","));
        title = cleanTitle(params.get("titel")) || kept.titel;
        chosen = result.found;
        setAddress();
      }
      titleInput.value = title;
      tell(result);
      draw();
    }

    function position(anchor) { return chosen.indexOf(anchor); }

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var li = button.closest("li.stap");
      var at = position(li.id), id = idOf(li.id);
      if (button.classList.contains("selectie__weg")) {
        chosen.splice(at, 1);
        commit();
        var next = items[chosen[Math.min(at, chosen.length - 1)]];
        (next ? next.querySelector(".selectie__weg") : titleInput).focus();
        say(id + " is uit de selectie gehaald. Nog " + count(chosen.length) + ".");
        return;
      }
      var to = button.classList.contains("selectie__omhoog") ? at - 1 : at + 1;
      if (to < 0 || to >= chosen.length) return;
      chosen.splice(at, 1);
      chosen.splice(to, 0, li.id);
      commit();
      // the button stays under the finger; at the top or bottom the other one takes focus
      (button.disabled ? li.querySelector(button.classList.contains("selectie__omhoog") ? ".selectie__omlaag" : ".selectie__omhoog") : button).focus();
      say(id + " staat nu op plaats " + (to + 1) + " van " + chosen.length + ".");
    });

    titleInput.addEventListener("input", function () {
      title = cleanTitle(titleInput.value);
      commit();
    });

    function download(name, type, text) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([text], { type: type }));
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      message.textContent = "Opgeslagen als " + name + ".";
    }

    function today() { return new Date().toISOString().slice(0, 10); }

    function csv() {
      // the open data's columns and rows (kennisbank.opendata), one row per chosen step, in order
      var cell = function (value) { return '"' + String(value).replace(/"/g, '""') + '"'; };
      var address = data.kolommen.indexOf("adres");
      var lines = [data.kolommen.map(cell).join(",")];
      chosen.forEach(function (anchor) {
        var row = data.rijen[idOf(anchor)].slice();
        // without a public address the rows hold the path from the site root: complete it here
        if (row[address].charAt(0) === "/" && /^https?:$/.test(window.location.protocol)) {
          row[address] = new URL(row[address].slice(1), kb.siteRoot()).href;
        }
        lines.push(row.map(cell).join(","));
      });
      // RFC 4180 line ends, and a byte-order mark so spreadsheet programs read UTF-8
      return "\ufeff" + lines.join("\r\n") + "\r\n";
    }

    root.querySelector(".selectie__csv").addEventListener("click", function () {
      download(root.getAttribute("data-bestand") + "-" + today() + ".csv", "text/csv", csv());
    });
    root.querySelector(".selectie__json").addEventListener("click", function () {
      var file = {
        soort: KIND, versie: root.getAttribute("data-versie"), datum: today(), titel: title,
        stappen: chosen.map(idOf), adres: address()
      };
      download(root.getAttribute("data-bestand") + "-" + today() + ".json", "application/json", JSON.stringify(file, null, 2));
    });
    root.querySelector(".selectie__afdrukken").addEventListener("click", function () { window.print(); });
    root.querySelector(".selectie__wis").addEventListener("click", function () {
      var was = selection();
      chosen = [];
      commit();
      message.textContent = "De selectie is gewist. ";
      var back = element("a", "", "Terughalen");
      back.href = pathOf(window.location.href) + query(was) + hash(was);
      message.appendChild(back);
      titleInput.focus();
    });
    root.querySelector(".selectie__openen input").addEventListener("change", function (event) {
      var input = event.target;
      if (!input.files.length) return;
      var reader = new FileReader();
      reader.onload = function () {
        var file;
        try { file = JSON.parse(String(reader.result)); } catch (e) { file = null; }
        if (!file || file.soort !== KIND || !Array.isArray(file.stappen)) {
          message.textContent = "Dit bestand is geen selectie van deze kennisbank. Er is niets veranderd.";
          return;
        }
        var result = parse(file.stappen.filter(function (s) { return typeof s === "string"; }).join(","));
        chosen = result.found;
        title = cleanTitle(file.titel);
        titleInput.value = title;
        commit();
        tell(result, "Het bestand");
        message.textContent = "De selectie uit het bestand is geopend (" + count(chosen.length) + ").";
      };
      reader.onerror = function () { message.textContent = "Dit bestand kan niet worden gelezen. Er is niets veranderd."; };
      reader.readAsText(input.files[0]);
      input.value = "";
    });
    window.addEventListener("hashchange", open);
    open();
  }

  function init() {
    setupToggles();
    var root = document.querySelector("[data-selectie]");
    if (root) setupSelection(root);
  }

  window.kennisbank.onPage(init);
})();
