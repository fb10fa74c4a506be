// Filters the chronology by event type and actor. The page works without
// it: the filter form stays hidden and every event shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll(".event[data-type]"));
  var months = Array.prototype.slice.call(document.querySelectorAll(".month"));
  var shown = form.querySelector(".shown");

  function apply() {
    var types = {};
    form.querySelectorAll("input[name=type]").forEach(function (box) {
      types[box.value] = box.checked;
    });
    var actor = form.elements.actor.value;
    var n = 0;
    entries.forEach(function (li) {
      var ok = types[li.dataset.type] !== false &&
        (actor === "" || li.dataset.actors.split("|").indexOf(actor) >= 0);
      li.hidden = !ok;
      if (ok) n++;
    });
    months.forEach(function (section) {
      var empty = !section.querySelector(".event:not([hidden])");
      section.hidden = empty;
      var rail = document.querySelector('.rail [data-month="' + section.id + '"]');
      if (rail) rail.hidden = empty;
    });
    shown.textContent = n === entries.length ? "" :
      "Showing " + n + " of " + entries.length + " events";
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
