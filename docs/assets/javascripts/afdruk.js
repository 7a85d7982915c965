/* Printing: every link of the page's text gets its address for the print stylesheet
   (a[data-adres]::after), resolved to a full address; a link with a short link (data-kort) gets
   that. Stylesheets cannot resolve a relative address themselves. Nothing is sent anywhere. */
(function () {
  "use strict";

  function init() {
    var root = window.kennisbank.siteRoot();  // boot.js
    var here = window.location.href.split("#")[0];
    var links = document.querySelectorAll("article a[href]");
    Array.prototype.forEach.call(links, function (a) {
      var href = a.getAttribute("href");
      // in-page anchors, citations (they name their source already), controls and links that
      // show their own address need none
      if (/^(#|javascript:|mailto:|tel:)/.test(href) || a.closest("[data-site-only], .headerlink, .md-tags")) return;
      if (a.classList.contains("bronverwijzing") || a.classList.contains("md-button")) return;
      // resolved from the attribute: an SVG link's href is an SVGAnimatedString, not a string
      var short = a.getAttribute("data-kort");
      var address = (short ? new URL(short, root) : new URL(href, window.location.href)).href;
      if (address.split("#")[0] === here && !a.hasAttribute("data-kort")) return;
      var text = a.textContent.trim();
      if (text === address || text === href || address.indexOf(text) !== -1 && text.indexOf("/") !== -1) return;
      a.setAttribute("data-adres", address);
    });
  }

  window.kennisbank.onPage(init);
})();
