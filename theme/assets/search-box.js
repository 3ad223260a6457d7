// The header's search box (issue 20): without JavaScript it stays a link to the topics. The box goes to the search
// page with ?q=; it navigates itself because the site's Content-Security-Policy forbids form submissions.
(function () {
  var holder = document.querySelector(".site-search[data-search]");
  if (!holder) return;
  var page = holder.getAttribute("data-search");
  var form = document.createElement("form");
  form.setAttribute("role", "search");
  form.innerHTML = '<label for="site-search-q" class="visually-hidden">Search the briefing</label>' +
    '<input id="site-search-q" name="q" type="search" placeholder="Search" autocomplete="off"> <button type="submit">Search</button>';
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = form.querySelector("input").value.trim();
    window.location.href = page + (q ? "?q=" + encodeURIComponent(q) : "");
  });
  holder.replaceChildren(form);
})();
