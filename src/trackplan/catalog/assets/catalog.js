"use strict";
(function () {
  // Search: every word typed must appear in an event's name, property names, tags or owner.
  var input = document.getElementById("q");
  var count = document.getElementById("count");
  var none = document.getElementById("no-match");
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  var links = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-event-link]"), function (li) {
    links[li.getAttribute("data-event-link")] = li;
  });

  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    events.forEach(function (article) {
      var text = article.getAttribute("data-search");
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      article.hidden = !match;
      var link = links[article.id];
      if (link) { link.hidden = !match; }
      if (match) { shown += 1; }
    });
    count.textContent = words.length
      ? shown + " of " + events.length + " events"
      : events.length + (events.length === 1 ? " event" : " events");
    none.hidden = shown !== 0 || events.length === 0;
  }

  input.addEventListener("input", apply);
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; apply(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input) { e.preventDefault(); input.focus(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-q]"), function (button) {
    button.addEventListener("click", function () {
      input.value = button.getAttribute("data-q");
      apply();
      document.getElementById("events").scrollIntoView();
    });
  });
  apply();
})();
