#!/usr/bin/env python3
"""Validate the hand-annotated news evaluation sets in eval/news/{dev,test}.

Usage: python3 eval/news/check.py [SETDIR ...]     (default: dev and test beside this file)

Checks, per set:
  - gold.jsonl parses, one object per line, in file-name order, no duplicate files;
  - every gold file exists, and every story file in the folder has a gold line;
  - file extension agrees with "format" (.md <-> markdown, .txt <-> wire/web);
  - "kind", "format", "published", "dateline" are well formed;
  - every event has a valid type, status, mod and TIMEX3 date form, non-empty actors,
    at least one evidence span, and a trigger that occurs in one of its evidence texts;
  - every evidence span's bytes [start,end) in the file equal its text, and that text
    occurs exactly once in the file;
and across sets: no story file name appears in both.
Prints counts per kind, format, event type and status. Exit status 1 on any error.
Python 3 standard library only.
"""
import collections
import json
import os
import re
import sys

KINDS = {"business", "labour", "markets", "legal", "politics", "disaster", "sport"}
FORMATS = {"wire", "web", "markdown"}
TYPES = {"call", "meeting", "statement", "warning", "visit", "agreement", "demand"}
STATUSES = {"occurred", "planned"}
MODS = {"", "START", "MID", "END", "APPROX", "BEFORE", "AFTER"}
# TIMEX3 values used here: year, year-month, day, optional clock time with zone
# (Z or +hh:mm/-hh:mm) or without, ISO week, quarter, half-year.
DATE_RE = re.compile(
    r"^\d{4}"
    r"(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(Z|[+-]\d{2}:\d{2})?)?)?"
    r"|-W(0[1-9]|[1-4]\d|5[0-3])|-Q[1-4]|-H[12])?$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_set(setdir, errors):
    name = os.path.basename(os.path.normpath(setdir))
    gpath = os.path.join(setdir, "gold.jsonl")

    def err(msg):
        errors.append(f"{name}: {msg}")

    if not os.path.exists(gpath):
        err("gold.jsonl missing")
        return None
    gold = []
    with open(gpath, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"gold.jsonl:{n}: blank line")
                continue
            try:
                gold.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"gold.jsonl:{n}: {e}")
    files = [g.get("file") for _, g in gold]
    if files != sorted(files):
        err("gold.jsonl is not in file-name order")
    dup = [f for f, c in collections.Counter(files).items() if c > 1]
    if dup:
        err(f"duplicate gold lines for {dup}")
    on_disk = sorted(f for f in os.listdir(setdir) if f.endswith((".txt", ".md")))
    for f in sorted(set(on_disk) - set(files)):
        err(f"{f}: story file has no gold line")

    counts = {"kind": collections.Counter(), "format": collections.Counter(),
              "type": collections.Counter(), "status": collections.Counter(),
              "dated": collections.Counter()}
    for n, g in gold:
        where = f"gold.jsonl:{n} ({g.get('file')})"
        fname = g.get("file")
        if not isinstance(fname, str) or not fname.startswith(name + "-"):
            err(f"{where}: file name must start with '{name}-'")
        path = os.path.join(setdir, fname or "")
        if not fname or not os.path.isfile(path):
            err(f"{where}: file does not exist")
            continue
        raw = open(path, "rb").read()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{where}: file is not UTF-8")
        kind, fmt = g.get("kind"), g.get("format")
        if kind not in KINDS:
            err(f"{where}: bad kind {kind!r}")
        if fmt not in FORMATS:
            err(f"{where}: bad format {fmt!r}")
        if (fmt == "markdown") != fname.endswith(".md"):
            err(f"{where}: format {fmt!r} does not match extension")
        counts["kind"][kind] += 1
        counts["format"][fmt] += 1
        if not DAY_RE.match(str(g.get("published"))):
            err(f"{where}: published must be YYYY-MM-DD, got {g.get('published')!r}")
        dl = g.get("dateline", "missing")
        if dl == "missing":
            err(f"{where}: dateline key missing (use null)")
        elif dl is not None:
            if not isinstance(dl, dict) or set(dl) != {"place", "date", "agency"}:
                err(f"{where}: dateline must be null or {{place,date,agency}}")
            else:
                if not dl["place"] or dl["place"] != dl["place"].upper():
                    err(f"{where}: dateline place should be the upper-case city")
                if dl["date"] is not None and not DAY_RE.match(dl["date"]):
                    err(f"{where}: bad dateline date {dl['date']!r}")
                if dl["place"].encode() not in raw:
                    err(f"{where}: dateline place not in text")
        if fmt == "wire" and dl is None:
            err(f"{where}: wire story without dateline")
        events = g.get("events")
        if not isinstance(events, list) or not events:
            err(f"{where}: no events")
            continue
        for i, e in enumerate(events):
            ew = f"{where} event {i}"
            if e.get("type") not in TYPES:
                err(f"{ew}: bad type {e.get('type')!r}")
            if e.get("status") not in STATUSES:
                err(f"{ew}: bad status {e.get('status')!r}")
            if e.get("mod") not in MODS:
                err(f"{ew}: bad mod {e.get('mod')!r}")
            d = e.get("date")
            if d is not None and not DATE_RE.match(d):
                err(f"{ew}: bad date {d!r}")
            if d is None and e.get("mod"):
                err(f"{ew}: mod without date")
            if not e.get("actors") or not all(isinstance(a, str) and a for a in e["actors"]):
                err(f"{ew}: actors must be a non-empty list of names")
            if not isinstance(e.get("place"), str):
                err(f"{ew}: place must be a string")
            trig = e.get("trigger")
            evid = e.get("evidence") or []
            if not evid:
                err(f"{ew}: no evidence")
            for sp in evid:
                s, t, text = sp.get("start"), sp.get("end"), sp.get("text")
                if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(raw)):
                    err(f"{ew}: bad span {s},{t}")
                    continue
                tb = text.encode("utf-8")
                if raw[s:t] != tb:
                    err(f"{ew}: bytes [{s},{t}) != evidence text {text[:50]!r}")
                elif raw.count(tb) != 1:
                    err(f"{ew}: evidence text occurs {raw.count(tb)} times: {text[:50]!r}")
            if not trig or not any(trig.lower() in sp.get("text", "").lower() for sp in evid):
                err(f"{ew}: trigger {trig!r} not found in its evidence")
            counts["type"][e.get("type")] += 1
            counts["status"][e.get("status")] += 1
            counts["dated"]["dated" if d is not None else "undated"] += 1
    return name, len(gold), counts


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    sets = argv or [os.path.join(here, "dev"), os.path.join(here, "test")]
    errors, seen, reports = [], {}, []
    for sd in sets:
        r = check_set(sd, errors)
        if r is None:
            continue
        reports.append(r)
        for f in os.listdir(sd):
            if f.endswith((".txt", ".md")):
                stem = f.split("-", 1)[1] if "-" in f else f
                if stem in seen and seen[stem] != sd:
                    errors.append(f"{f}: same story name in {seen[stem]} and {sd}")
                seen[stem] = sd
    for name, n, c in reports:
        ev = sum(c["type"].values())
        print(f"{name}: {n} stories, {ev} events")
        for key in ("kind", "format", "type", "status", "dated"):
            print(f"  {key:7}", ", ".join(f"{k} {v}" for k, v in sorted(c[key].items())))
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
