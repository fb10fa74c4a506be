// predict.js: chrono-node's temporal expressions for every document of a
// TIMEX3 gold folder, as PRED jsonl for `timeline-eval timex -pred` or
// score_timex.py --pred. A development tool; run with TZ=UTC.
//
//   TZ=UTC node predict.js ../../../../shared/corpora/timex-dev > chrono.jsonl
"use strict";
const fs = require("fs");
const path = require("path");
const chrono = require("chrono-node");

function goldFiles(dir) {
  let out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== "orig" && !e.name.startsWith(".")) out = out.concat(goldFiles(p));
    else if (e.name === "gold.jsonl") out.push(p);
  }
  return out;
}

const pad = (n, w) => String(n).padStart(w, "0");

// value renders a chrono component at the precision the text gave.
function value(c) {
  const y = pad(c.get("year"), 4), m = pad(c.get("month"), 2), d = pad(c.get("day"), 2);
  if (c.isCertain("hour")) return ["TIME", `${y}-${m}-${d}T${pad(c.get("hour"), 2)}:${pad(c.get("minute"), 2)}`];
  if (c.isCertain("day") || c.isCertain("weekday")) return ["DATE", `${y}-${m}-${d}`];
  if (c.isCertain("month")) return ["DATE", `${y}-${m}`];
  if (c.isCertain("year")) return ["DATE", y];
  return ["DATE", `${y}-${m}-${d}`];
}

const dir = process.argv[2] || "../../../../shared/corpora/timex-dev";
for (const g of goldFiles(dir)) {
  for (const line of fs.readFileSync(g, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line);
    const text = fs.readFileSync(path.join(path.dirname(g), rec.file || rec.doc + ".txt"), "utf8");
    const [y, mo, d] = rec.dct.split("-").map(Number);
    const ref = new Date(y, mo - 1, d, 12);
    const timexes = [];
    for (const r of chrono.parse(text, ref)) {
      const start = Buffer.byteLength(text.slice(0, r.index));
      const end = start + Buffer.byteLength(r.text);
      const [type, v] = value(r.start);
      timexes.push({ text: r.text, start, end, type, value: v });
    }
    process.stdout.write(JSON.stringify({ doc: rec.doc, timexes }) + "\n");
  }
}
