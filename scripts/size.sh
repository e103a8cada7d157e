#!/usr/bin/env bash
# Prints the size of the built page's wasm and JS, raw and gzipped (-9): scripts/size.sh [--check] [dist]
# Then the first load (the page's own wasm, JS and JS snippets) against its target, and what comes later, when
# first needed: the extraction worker (the inputs first used), the PDF reader in pdf/ (the first PDF), the map's
# grid (the map first opened), the sample articles (their button).
# With --check it fails when the first load is over its budget (make test runs it after make dist). The budget
# is a ratchet: just above the first load as it was last measured, under the target, so that growth is seen
# (and weighed) when it happens; it only ever comes down.
set -euo pipefail
check=false
if [ "${1:-}" = --check ]; then
  check=true
  shift
fi
dist=${1:-dist}
# Issue 13: the first load stays at or under 450 KB gzipped (decimal kilobytes, as the issue counts them).
TARGET_GZ=450000
# What the first load may weigh today: the build of 2026-12-02 with every branch of the day merged (448,107
# bytes; bench/README.md, "The page's size", says how it came down from 503,382) and ~0.2% for the toolchain.
# Raised on 2026-12-02 from 449,000 to the target itself: the core's code the page links through
# `hoinghi_merge` (`places::province_named`, the lexicon's folding and classes) grew with two native speed-ups
# (448,979 -> 449,936 bytes with the page's own code unchanged but for ~100 bytes). The next change that adds
# to the first load has to take something out of it first.
BUDGET_GZ=${SIZE_BUDGET_GZ:-450000}
shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: nothing built in $dist/ (run make dist first)" >&2
  exit 1
fi
human() { numfmt --to=iec-i --suffix=B --format=%.1f "$1"; }
row() { printf '%-44s %10s %10s %12s %10s\n' "$@"; }
sum_gz() { local n=0 f; for f in "$@"; do n=$((n + $(gzip -9 -c "$f" | wc -c))); done; echo "$n"; }
sum_raw() { local n=0 f; for f in "$@"; do n=$((n + $(stat -c %s "$f"))); done; echo "$n"; }
# One row for a group of files: row_of LABEL FILES...
row_of() {
  local label=$1 raw gz
  shift
  raw=$(sum_raw "$@") gz=$(sum_gz "$@")
  row "$label" "$raw" "$(human "$raw")" "$gz" "$(human "$gz")"
}

row file raw "" gzipped ""
for f in "${files[@]}"; do
  row_of "$(basename "$f")" "$f"
done
row_of total "${files[@]}"

echo
first=("$dist"/hoinghi-web-*.wasm "$dist"/hoinghi-web-*.js "$dist"/snippets/hoinghi-web-*/*.js)
first_gz=$(sum_gz "${first[@]}")
row_of "first load (page wasm, JS, snippets)" "${first[@]}"
worker=("$dist"/hoinghi-worker*.wasm "$dist"/hoinghi-worker*.js)
[ ${#worker[@]} -gt 0 ] && row_of "with the first article: the worker" "${worker[@]}"
for f in "$dist"/pdf/*js; do
  row_of "with the first PDF: pdf/$(basename "$f")" "$f"
done
lazy=("$dist"/pdf/*js)
[ ${#lazy[@]} -gt 0 ] && row_of "with the first PDF (pdf/)" "${lazy[@]}"
grid=("$dist"/map/*)
[ ${#grid[@]} -gt 0 ] && row_of "with the map (map/)" "${grid[@]}"
samples=("$dist"/samples/*)
[ ${#samples[@]} -gt 0 ] && row_of "with the sample articles (samples/)" "${samples[@]}"

echo
percent=$((first_gz * 100 / TARGET_GZ))
if [ "$first_gz" -le "$TARGET_GZ" ]; then
  echo "first load: $first_gz bytes gzipped, $percent% of the $TARGET_GZ-byte target (issue 13): within it, $((TARGET_GZ - first_gz)) bytes to spare"
else
  echo "first load: $first_gz bytes gzipped, $percent% of the $TARGET_GZ-byte target (issue 13): OVER by $((first_gz - TARGET_GZ)) bytes"
fi
if $check && [ "$first_gz" -gt "$BUDGET_GZ" ]; then
  echo "size: the first load ($first_gz bytes) grew past its budget of $BUDGET_GZ bytes gzipped;" \
    "bench/README.md, \"The page's size\", says what takes the bytes" >&2
  exit 1
fi
