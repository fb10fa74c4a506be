// Progressive enhancements; every page works without this script.
//
// On the chronology: filters by event type and actor (the filter form stays
// hidden without the script, and every event shows), kept in the address.
// On the search page: the search over the whole chronology, from the
// index under search/, its state in the address.
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

    // The filters' state is the page's query string (?hide=warning&actor=...),
    // so that a filtered page is a link and the back button undoes a filter.
    function fromURL() {
      var p = new URLSearchParams(location.search), hide = p.getAll("hide");
      form.querySelectorAll("input[name=type]").forEach(function (box) {
        box.checked = hide.indexOf(box.value) < 0;
      });
      var actor = p.get("actor") || "";
      form.elements.actor.value = actor;
      if (form.elements.actor.value !== actor) form.elements.actor.value = "";
      apply();
    }
    function toURL() {
      var p = new URLSearchParams();
      form.querySelectorAll("input[name=type]").forEach(function (box) {
        if (!box.checked) p.append("hide", box.value);
      });
      if (form.elements.actor.value) p.set("actor", form.elements.actor.value);
      var q = p.toString(), url = (q ? "?" + q : location.pathname.replace(/.*\//, "")) + location.hash;
      if ("?" + q !== location.search && (q || location.search)) history.pushState(null, "", url);
    }

    form.addEventListener("change", function () { apply(); toURL(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(); toURL(); }, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("popstate", fromURL);
    form.hidden = false;
    fromURL();
  }

  // The search page: the index under search/ (see timeline/site/search.go)
  // is loaded a file at a time as the query needs it. Every file is a
  // script that calls timelineSearch(name, data), so that it loads from
  // disk too. The form's state is the page's query string: a search is a
  // link, and the back button steps through the searches made.
  var root = (function () {
    var s = document.currentScript && document.currentScript.src;
    return s ? s.replace(/assets\/timeline\.js(?:[?#].*)?$/, "") : "";
  })();
  var loaded = {}, waiting = {};
  window.timelineSearch = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (f) { f[0](data); });
    delete waiting[name];
  };
  function load(name) {
    if (name in loaded) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve, reject) {
      if (waiting[name]) { waiting[name].push([resolve, reject]); return; }
      waiting[name] = [[resolve, reject]];
      var el = document.createElement("script");
      el.src = root + "search/" + name + ".js";
      el.async = true;
      el.onerror = function () {
        (waiting[name] || []).forEach(function (f) { f[1](new Error("cannot load " + name)); });
        delete waiting[name];
      };
      document.head.appendChild(el);
    });
  }

  var foldFrom = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", foldTo = "aaaaaaceeeeiiiinooooouuuuyy";
  // words splits text as the index does: lower case, accents folded,
  // letters and numbers, two or more of them, no stop words.
  function words(text, stop) {
    var out = [];
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).forEach(function (w) {
      w = Array.from(w).map(function (r) {
        var i = foldFrom.indexOf(r);
        return i >= 0 ? foldTo[i] : r;
      }).join("");
      if (Array.from(w).length >= 2 && stop.indexOf(w) < 0 && out.indexOf(w) < 0) out.push(w);
    });
    return out;
  }
  function shardName(p) {
    return Array.from(p).map(function (r) {
      return /[a-z0-9]/.test(r) ? r : "_" + r.codePointAt(0).toString(16) + "_";
    }).join("");
  }
  function undelta(d) {
    var out = new Array(d.length), n = 0;
    for (var i = 0; i < d.length; i++) { n += d[i]; out[i] = n; }
    return out;
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }
  function union(lists) {
    var seen = {}, out = [];
    lists.forEach(function (l) { l.forEach(function (n) { if (!seen[n]) { seen[n] = true; out.push(n); } }); });
    return out.sort(function (a, b) { return a - b; });
  }

  // The events with the word w: those with a term that starts with w,
  // when w has three letters or more, else those with w itself.
  function termEvents(meta, w) {
    var name = shardName(w), prefix = Array.from(w).length >= 3;
    var shards = meta.shards.filter(function (s) {
      return name.indexOf(s) === 0 || (prefix && s.indexOf(name) === 0);
    });
    return Promise.all(shards.map(function (s) { return load("t/" + s); })).then(function (maps) {
      var lists = [];
      maps.forEach(function (m) {
        Object.keys(m).forEach(function (t) {
          if (t === w || (prefix && t.indexOf(w) === 0)) lists.push(undelta(m[t]));
        });
      });
      return union(lists);
    });
  }

  // The ranges of event numbers [first, last] in the date range [from,
  // to] (ISO days, either may be ""): an event dated to a month or a
  // week is in a range it overlaps.
  function dateRanges(from, to) {
    return load("dates").then(function (runs) {
      var out = [], n = 0;
      runs.forEach(function (r) {
        var first = n + r[2];
        n = first + r[3];
        if (r[0] && (!to || r[0] <= to) && (!from || r[1] >= from)) {
          out.push([first, n]);
        }
      });
      return out;
    });
  }
  // The numbers of list (sorted) that are in one of ranges (sorted).
  function inRanges(list, ranges) {
    var out = [], j = 0;
    for (var i = 0; i < list.length && j < ranges.length; ) {
      if (list[i] < ranges[j][0]) i++;
      else if (list[i] > ranges[j][1]) j++;
      else { out.push(list[i]); i++; }
    }
    return out;
  }

  function search(form) {
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var actorSel = form.elements.actor, sourceSel = form.elements.source;
    var fields = ["q", "type", "actor", "source", "from", "to"];
    var meta, results = [], shown = 0, run = 0;
    var typeByID = {}, actorByID = {}, chunks = [];
    var pageSize = 25;
    document.getElementById("search-needs-js").hidden = true;

    function option(sel, value, label) {
      var o = document.createElement("option");
      o.value = value;
      o.textContent = label;
      sel.appendChild(o);
    }
    function loadSources() {
      return load("sources").then(function (sources) {
        if (sourceSel.options.length <= 1) {
          var cur = sourceSel.value || sourceSel.dataset.want || "";
          sources.forEach(function (s) { option(sourceSel, s[0], s[1] + (s[2] ? " (" + s[2] + ")" : "")); });
          sourceSel.value = cur;
        }
        return sources;
      });
    }
    sourceSel.addEventListener("focus", loadSources);
    sourceSel.addEventListener("pointerdown", loadSources);

    function state() {
      var st = {};
      fields.forEach(function (f) { st[f] = (form.elements[f].value || "").trim(); });
      return st;
    }
    function query(st) {
      var p = new URLSearchParams();
      fields.forEach(function (f) { if (st[f]) p.set(f, st[f]); });
      var s = p.toString();
      return s ? "?" + s : location.pathname.replace(/.*\//, "");
    }
    function fill(st) {
      fields.forEach(function (f) {
        form.elements[f].value = st[f] || "";
      });
      if (st.source && sourceSel.value !== st.source) {
        sourceSel.dataset.want = st.source;
        return loadSources().then(function () { sourceSel.value = st.source; });
      }
      return Promise.resolve();
    }
    function fromURL() {
      var p = new URLSearchParams(location.search), st = {};
      fields.forEach(function (f) { st[f] = p.get(f) || ""; });
      return st;
    }

    function find(st) {
      var sets = [];
      words(st.q, meta.stop).forEach(function (w) { sets.push(termEvents(meta, w)); });
      var typ = meta.types.filter(function (t) { return t[0] === st.type; })[0];
      if (typ) sets.push(load("f/type-" + typ[2]).then(undelta));
      var actor = meta.actors.filter(function (a) { return a[1] === st.actor; })[0];
      if (actor) sets.push(load("f/actor-" + actor[1]).then(undelta));
      if (st.source) {
        sets.push(loadSources().then(function (sources) {
          var s = sources.filter(function (s) { return s[0] === st.source; })[0];
          return s ? undelta(s[3]) : [];
        }));
      }
      var dates = st.from || st.to;
      if (!sets.length && !dates) return Promise.resolve(null);
      if (!sets.length) {
        // Every event has one type: the types' lists are all events.
        sets.push(Promise.all(meta.types.map(function (t) {
          return load("f/type-" + t[2]).then(undelta);
        })).then(union));
      }
      return Promise.all([Promise.all(sets), dates ? dateRanges(st.from, st.to) : null]).then(function (r) {
        var found = r[0].reduce(intersect);
        return r[1] ? inRanges(found, r[1]) : found;
      });
    }

    function entry(doc) {
      var li = document.createElement("li");
      var type = typeByID[doc[2]] || ["", "Event", ""];
      li.className = "compact t-" + (type[0] || "other") + (doc[4] ? " is-planned" : "");
      var time = document.createElement("time");
      time.textContent = doc[3];
      li.appendChild(time);
      var badge = document.createElement("span");
      badge.className = "badge t-" + (type[0] || "other");
      badge.textContent = type[1];
      li.appendChild(badge);
      li.appendChild(document.createTextNode(" "));
      var a = document.createElement("a");
      a.className = "title";
      a.href = root + doc[0];
      a.textContent = doc[1];
      li.appendChild(a);
      if (doc[5].length) {
        var who = document.createElement("span");
        who.className = "actors";
        doc[5].forEach(function (n, i) {
          var actor = actorByID[n];
          if (i) who.appendChild(document.createTextNode(", "));
          var l = document.createElement("a");
          l.href = root + "actors/" + actor[1] + ".html";
          l.textContent = actor[0];
          who.appendChild(l);
        });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(who);
      }
      if (doc[6]) {
        var place = document.createElement("span");
        place.className = "place";
        place.textContent = doc[6];
        li.appendChild(document.createTextNode(" "));
        li.appendChild(place);
      }
      return li;
    }

    // The file of search/d that holds event n: the last that starts at
    // or before it.
    function chunkOf(n) {
      var lo = 0, hi = chunks.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (chunks[mid] <= n) lo = mid; else hi = mid - 1;
      }
      return chunks[lo];
    }
    // The events of a file of search/d by number; a date left out (0) is
    // the one of the event before.
    var docs = {};
    function loadDocs(start) {
      return load("d/" + start).then(function (data) {
        if (!docs[start]) {
          var m = {}, nums = data[0], n = start, when = "";
          for (var i = 1; i < data.length; i++) {
            n += nums[i - 1];
            var doc = data[i].slice();
            if (doc[3] === 0) doc[3] = when; else when = doc[3];
            m[n] = doc;
          }
          docs[start] = m;
        }
        return docs[start];
      });
    }

    function showMore() {
      var page = results.slice(shown, shown + pageSize), my = run;
      var starts = {};
      page.forEach(function (n) { starts[chunkOf(n)] = true; });
      return Promise.all(Object.keys(starts).map(function (c) { return loadDocs(+c); })).then(function () {
        if (my !== run) return;
        page.forEach(function (n) {
          list.appendChild(entry(docs[chunkOf(n)][n]));
        });
        shown += page.length;
        more.hidden = shown >= results.length;
      });
    }

    function update() {
      var st = state(), my = ++run;
      status.textContent = "Searching…";
      return find(st).then(function (found) {
        if (my !== run) return;
        list.textContent = "";
        shown = 0;
        results = found || [];
        more.hidden = true;
        // The count is told once the results it counts are on the page.
        return showMore().then(function () {
          if (my !== run) return;
          if (found === null) {
            status.textContent = "Type a word or choose a filter to search all " + meta.count + " events.";
          } else {
            status.textContent = found.length === 1 ? "1 event matches." : found.length + " events match.";
          }
        });
      }, function (err) {
        if (my === run) status.textContent = "The search index could not be loaded (" + err.message + ").";
      });
    }

    // A new search is a new history entry; typing replaces it.
    var timer = null;
    function commit(push) {
      clearTimeout(timer);
      var url = query(state());
      if (url !== (location.search || location.pathname.replace(/.*\//, ""))) {
        history[push ? "pushState" : "replaceState"](null, "", url);
      }
      update();
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); commit(true); });
    form.addEventListener("change", function (e) {
      if (e.target.name !== "q") commit(true);
    });
    form.elements.q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { commit(false); }, 250);
    });
    form.addEventListener("reset", function () { setTimeout(function () { commit(true); }, 0); });
    more.addEventListener("click", showMore);
    window.addEventListener("popstate", function () { fill(fromURL()).then(update); });

    status.textContent = "Loading the index…";
    load("meta").then(function (m) {
      meta = m;
      meta.types.forEach(function (t) { typeByID[t[3]] = t; });
      meta.actors.forEach(function (a) { actorByID[a[2]] = a; option(actorSel, a[1], a[0]); });
      chunks = undelta(meta.chunks);
      return fill(fromURL());
    }).then(update, function (err) {
      status.textContent = "The search index could not be loaded (" + err.message + ").";
    });
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
  var searchForm = document.getElementById("search");
  if (searchForm) search(searchForm);
  if (document.querySelector("mark")) {
    markParts();
    window.addEventListener("hashchange", markParts);
  }
})();
