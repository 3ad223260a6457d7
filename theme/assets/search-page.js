// The search page (issue 20): Pagefind's UI, with the header box's query (?q=) searched at once.
(function () {
  var el = document.getElementById("search");
  if (!el || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({ element: "#search", bundlePath: el.getAttribute("data-bundle"), showSubResults: true, showImages: false });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
