/* briefing site script: tag filter on the home page and name filters on lists.
   A classic script, so it runs from file:// too. */
(function () {
  "use strict";
  var filter = document.querySelector(".tag-filter");
  if (filter) {
    var cards = document.querySelectorAll(".briefing-card");
    var links = filter.querySelectorAll("a[data-tag]");
    var active = null;
    var apply = function () {
      for (var i = 0; i < cards.length; i++) {
        var tags = (cards[i].getAttribute("data-tags") || "").split(" ");
        cards[i].hidden = active !== null && tags.indexOf(active) < 0;
      }
      for (var j = 0; j < links.length; j++) {
        links[j].setAttribute("aria-pressed", String(links[j].getAttribute("data-tag") === active));
      }
    };
    for (var k = 0; k < links.length; k++) {
      links[k].setAttribute("role", "button");
      links[k].setAttribute("aria-pressed", "false");
      links[k].addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey) { return; }
        event.preventDefault();
        var tag = this.getAttribute("data-tag");
        active = active === tag ? null : tag;
        apply();
      });
    }
  }

  var inputs = document.querySelectorAll("input.list-filter");
  for (var n = 0; n < inputs.length; n++) {
    (function (input) {
      var items = document.querySelectorAll(input.getAttribute("data-filter"));
      input.addEventListener("input", function () {
        var query = input.value.toLowerCase().trim();
        for (var i = 0; i < items.length; i++) {
          var text = items[i].getAttribute("data-search") || items[i].textContent.toLowerCase();
          items[i].hidden = query !== "" && text.indexOf(query) < 0;
        }
      });
    })(inputs[n]);
  }
})();
