/* The one boot helper of the site's scripts, loaded before them (mkdocs.yml, extra_javascript):
   kennisbank.onPage(init) runs init on every page (again after each of Material's instant page
   loads, once where there is no document$), kennisbank.siteRoot() is the site's root address, and
   kennisbank.storage reads and writes the browser's storage, saying once when it cannot.
   Plain scripts, no modules: the offline copy runs from file://, where modules do not load. */
(function () {
  "use strict";
  var kb = window.kennisbank = window.kennisbank || {};

  kb.onPage = function (init) {
    if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
    else init();
  };

  // The browser's storage for ticks and answers. A browser that cannot store (private mode, storage
  // full or switched off) would let them look saved and lose them on a reload: say so, once.
  var warned = false;
  function cannotStore() {
    if (warned) return;
    warned = true;
    var notice = document.createElement("p");
    notice.className = "opslag-melding";
    notice.setAttribute("role", "alert");
    notice.setAttribute("data-site-only", "");
    notice.textContent = "Deze browser bewaart geen vinkjes of antwoorden (bijvoorbeeld in een privévenster). " +
      "Wat u nu aanvinkt of invult, is weg als u de pagina opnieuw laadt.";
    var article = document.querySelector("article") || document.body;
    article.insertBefore(notice, article.firstChild);
  }

  kb.storage = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { cannotStore(); return null; }
    },
    set: function (key, value) {
      try {
        if (value === null || value === "") window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, value);
        return true;
      } catch (e) {
        cannotStore();
        return false;
      }
    }
  };

  kb.siteRoot = function () {
    // Material writes the relative path to the site root into #__config
    try {
      var base = JSON.parse(document.getElementById("__config").textContent).base;
      return new URL(base.replace(/\/?$/, "/"), window.location.href);
    } catch (e) {
      return new URL("./", window.location.href);
    }
  };
})();
