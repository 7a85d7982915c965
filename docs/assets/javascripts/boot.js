/* The one boot helper of the site's scripts, loaded before them (mkdocs.yml, extra_javascript):
   kennisbank.onPage(init) runs init on every page (again after each of Material's instant page
   loads, once where there is no document$), and kennisbank.siteRoot() is the site's root address.
   Plain scripts, no modules: the offline copy runs from file://, where modules do not load. */
(function () {
  "use strict";
  var kb = window.kennisbank = window.kennisbank || {};

  kb.onPage = function (init) {
    if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
    else init();
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
