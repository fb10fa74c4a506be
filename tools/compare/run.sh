#!/bin/sh
# run.sh: timeline's tagger, chrono-node and olebedev/when side by side on
# the TIMEX3 dev corpora, all scored by `timeline-eval timex` (the same
# measures as ../shared/eval/score_timex.py). Needs go, node and npm.
#
#   tools/compare/run.sh [CORPORA]    (default ../shared/corpora/timex-dev)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpora=$(cd "${1:-$root/../shared/corpora/timex-dev}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$root" && go build -o "$tmp/timeline-eval" ./cmd/timeline-eval)
[ -d "$here/chrono/node_modules" ] || (cd "$here/chrono" && npm ci --no-audit --no-fund >/dev/null)
(cd "$here/chrono" && TZ=UTC node predict.js "$corpora" >"$tmp/chrono.jsonl")
(cd "$here/when" && go run . "$corpora" >"$tmp/when.jsonl")

for name in timeline chrono when; do
	echo "== $name"
	if [ $name = timeline ]; then
		"$tmp/timeline-eval" timex -corpora "$corpora" -save-pred "$tmp/timeline.jsonl" | tee "$tmp/$name.out"
	else
		"$tmp/timeline-eval" timex -corpora "$corpora" -pred "$tmp/$name.jsonl" 2>/dev/null | tee "$tmp/$name.out"
	fi
	echo
done
echo "== summary (overall)"
printf '%-10s %s\n' tagger summary
for name in timeline chrono when; do
	printf '%-10s %s\n' $name "$(tail -n 1 "$tmp/$name.out")"
done
