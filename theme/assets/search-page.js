// The search page (issue 20): Pagefind's UI, with the header box's query (?q=) searched at once. Pagefind's input has
// only a placeholder and a title, so it is given a visible label here (the label exists only where the input does).
(function () {
  var el = document.getElementById("search");
  if (!el || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({ element: "#search", bundlePath: el.getAttribute("data-bundle"), showSubResults: true, showImages: false });
  function label() {
    var input = el.querySelector("input[type=text], input[type=search]");
    if (!input) return false;
    input.id = "search-input";
    var l = document.createElement("label");
    l.setAttribute("for", "search-input");
    l.className = "search-label";
    l.textContent = "Search the briefing";
    el.parentNode.insertBefore(l, el);
    return true;
  }
  if (!label()) new MutationObserver(function (_, o) { if (label()) o.disconnect(); }).observe(el, { childList: true, subtree: true });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
