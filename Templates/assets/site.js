/* briefing site script: tag filter on the home page. A classic script, so it runs from file:// too. */
(function () {
  "use strict";
  var filter = document.querySelector(".tag-filter");
  if (!filter) { return; }
  var cards = document.querySelectorAll(".briefing-card");
  var links = filter.querySelectorAll("a[data-tag]");
  var active = null;
  function apply() {
    for (var i = 0; i < cards.length; i++) {
      var tags = (cards[i].getAttribute("data-tags") || "").split(" ");
      cards[i].hidden = active !== null && tags.indexOf(active) < 0;
    }
    for (var j = 0; j < links.length; j++) {
      links[j].setAttribute("aria-pressed", String(links[j].getAttribute("data-tag") === active));
    }
  }
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
})();
