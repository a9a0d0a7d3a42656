/* Search over window.BRIEFING_SEARCH_INDEX (filled by the index-N.js scripts): rows of [type, title, text, url]. */
(function () {
  "use strict";
  var rows = window.BRIEFING_SEARCH_INDEX || [];
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-query");
  if (!list || !input) { return; }
  var root = list.getAttribute("data-root") || "";
  var labels = { briefing: "Briefing", actor: "Actor", quote: "Quote" };
  var weights = { briefing: 3, actor: 2, quote: 1 };

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }
  var folded = rows.map(function (row) { return [fold(row[1]), fold(row[2])]; });

  function search(query) {
    var words = fold(query).split(/[^a-z0-9'\u00c0-\uffff]+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) { return []; }
    var hits = [];
    for (var i = 0; i < rows.length; i++) {
      var title = folded[i][0], text = folded[i][1], score = 0, all = true;
      for (var j = 0; j < words.length; j++) {
        var inTitle = title.indexOf(words[j]) >= 0, inText = text.indexOf(words[j]) >= 0;
        if (!inTitle && !inText) { all = false; break; }
        score += inTitle ? 3 : 1;
      }
      if (all) { hits.push({ row: rows[i], score: score * 10 + weights[rows[i][0]] }); }
    }
    hits.sort(function (a, b) { return b.score - a.score || (a.row[1] < b.row[1] ? -1 : 1); });
    return hits.slice(0, 200);
  }

  function render(query) {
    list.textContent = "";
    var hits = search(query);
    status.textContent = query ? hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d" : "";
    hits.forEach(function (hit) {
      var row = hit.row;
      var item = document.createElement("li");
      item.className = "search-hit search-" + row[0];
      var kind = document.createElement("span");
      kind.className = "badge";
      kind.textContent = labels[row[0]] || row[0];
      var link = document.createElement("a");
      link.href = root + row[3];
      link.textContent = row[0] === "quote" ? "\u201c" + row[2] + "\u201d" : row[1];
      var detail = document.createElement("p");
      detail.className = "meta";
      detail.textContent = row[0] === "quote" ? row[1] : row[2];
      item.appendChild(kind);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(link);
      if (detail.textContent) { item.appendChild(detail); }
      list.appendChild(item);
    });
  }

  var match = /[?&]q=([^&#]*)/.exec(window.location.search);
  var initial = match ? decodeURIComponent(match[1].replace(/\+/g, " ")) : "";
  input.value = initial;
  render(initial);
  input.addEventListener("input", function () { render(input.value); });
  input.form.addEventListener("submit", function (event) { event.preventDefault(); render(input.value); });
})();
