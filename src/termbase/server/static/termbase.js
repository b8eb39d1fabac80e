// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Look-up results as you type: the same server-rendered fragment the form gets.
  var q = document.getElementById("q"), results = document.getElementById("results");
  if (q && results) {
    var timer = null, asked = "";
    q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = q.value.trim();
        if (text === asked) return;
        asked = text;
        fetch("/lookup/results?q=" + encodeURIComponent(text), {credentials: "same-origin"})
          .then(function (r) { return r.ok ? r.text() : ""; })
          .then(function (html) { if (asked === text) results.innerHTML = html; });
        history.replaceState(null, "", text ? "/?q=" + encodeURIComponent(text) : "/");
      }, 200);
    });
  }
  // A highlighted span and its finding point at each other.
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark[data-finding]");
    if (!mark) return;
    document.querySelectorAll(".current").forEach(function (e) { e.classList.remove("current"); });
    var item = document.getElementById("finding-" + mark.dataset.finding);
    mark.classList.add("current");
    if (item) { item.classList.add("current"); item.scrollIntoView({block: "nearest"}); }
  });
})();
