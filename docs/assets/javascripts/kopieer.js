/* Copy controls: buttons that put a link (short links, steps, headings) or a page's citation on the clipboard, with
   a spoken and visible confirmation. Works over http(s) and from file:// (fallback copy). */
(function () {
  "use strict";

  var siteRoot = window.kennisbank.siteRoot;  // boot.js

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      ok ? resolve() : reject(new Error("copy refused"));
    });
  }

  var status;
  function statusRegion() {
    // in the page before anything is said: a live region made and filled at once is not read out
    if (!status || !status.isConnected) {
      status = document.createElement("div");
      status.className = "kopieer-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    return status;
  }

  function announce(message) {
    statusRegion().textContent = message;
    status.classList.add("kopieer-status--zichtbaar");
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () { status.classList.remove("kopieer-status--zichtbaar"); }, 2500);
  }

  function linkFor(button) {
    if (button.hasAttribute("data-kopieer")) return new URL(button.getAttribute("data-kopieer"), window.location.href).href;
    // a short link from the site root, in the form this build serves (in the offline copy the
    // folder's page: kennisbank.sitemap.served_path, applied by the macro layer)
    if (button.hasAttribute("data-kort")) return new URL(button.getAttribute("data-kort"), siteRoot()).href;
    var page = window.location.href.split(/[?#]/)[0];
    return page + "#" + button.getAttribute("data-anker");
  }

  function addHeadingButtons() {
    var headings = document.querySelectorAll(".md-content h2[id], .md-content h3[id]");
    Array.prototype.forEach.call(headings, function (heading) {
      if (!heading.querySelector(".headerlink") || heading.querySelector(".kopieer")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kopieer kopieer--klein kopieer--kop";
      button.setAttribute("data-anker", heading.id);
      button.innerHTML = 'Kopieer link<span class="visueel-verborgen"> naar dit kopje</span>';
      heading.appendChild(button);
    });
  }

  function citationOf(button) {
    // the citation as it stands, ready for a memo: without its label and without this button
    var line = button.closest("p.citeer").cloneNode(true);
    Array.prototype.forEach.call(line.querySelectorAll("strong, button"), function (el) { el.remove(); });
    return line.textContent.replace(/\s+/g, " ").trim();
  }

  function addCitationButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("p.citeer"), function (line) {
      if (line.querySelector("button.kopieer")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kopieer kopieer--klein";
      button.setAttribute("data-citeer", "");
      button.setAttribute("data-site-only", "");
      button.innerHTML = 'Kopieer<span class="visueel-verborgen"> de bronvermelding</span>';
      line.appendChild(button);
    });
  }

  function fillCitationAddress() {
    // Without a configured site address the page shows its path; the browser knows the full one
    var address = document.querySelector(".citeer__adres");
    if (address && /^https?:$/.test(window.location.protocol)) address.textContent = window.location.href.split(/[?#]/)[0];
  }

  function init() {
    statusRegion();
    addHeadingButtons();
    fillCitationAddress();
    addCitationButtons();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.kopieer");
    if (!button) return;
    if (button.hasAttribute("data-citeer")) {
      var citation = citationOf(button);
      copyText(citation).then(
        function () { announce("Bronvermelding gekopieerd: " + citation); },
        function () { announce("Kopiëren lukte niet. De bronvermelding is: " + citation); }
      );
      return;
    }
    var link = linkFor(button);
    copyText(link).then(
      function () { announce("Link gekopieerd: " + link); },
      function () { announce("Kopiëren lukte niet. De link is: " + link); }
    );
  });

  window.kennisbank.onPage(init);
})();
