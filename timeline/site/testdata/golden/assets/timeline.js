// Progressive enhancements; every page works without this script.
//
// On the chronology: filters by event type and actor (the filter form stays
// hidden without the script, and every event shows).
// On article pages: when the address targets an evidence sentence that
// runs over several blocks, its later parts (id-2, id-3, ...) are
// highlighted with the first.
(function () {
  "use strict";

  function filters(form) {
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
  }

  function markParts() {
    document.querySelectorAll("mark.is-target").forEach(function (m) {
      m.classList.remove("is-target");
    });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^s-\d+-\d+$/.test(id)) return;
    document.querySelectorAll('mark[id^="' + id + '-"]').forEach(function (m) {
      m.classList.add("is-target");
    });
  }

  var form = document.getElementById("filters");
  if (form) filters(form);
  if (document.querySelector("mark")) {
    markParts();
    window.addEventListener("hashchange", markParts);
  }
})();
