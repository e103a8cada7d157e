#!/usr/bin/env bash
# Prints the size of the built page's wasm and JS, raw and gzipped (-9): scripts/size.sh [dist]
# Then the first load (the page's own wasm, JS and JS snippets; the extraction worker comes when the inputs are
# first used) and the PDF reader in pdf/, fetched only when the first PDF comes.
set -euo pipefail
dist=${1:-dist}
shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: nothing built in $dist/ (run make test first)" >&2
  exit 1
fi
human() { numfmt --to=iec-i --suffix=B --format=%.1f "$1"; }
row() { printf '%-40s %10s %10s %12s %10s\n' "$@"; }
row file raw "" gzipped ""
total_raw=0 total_gz=0
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  row "$(basename "$f")" "$raw" "$(human "$raw")" "$gz" "$(human "$gz")"
done
row total "$total_raw" "$(human "$total_raw")" "$total_gz" "$(human "$total_gz")"

sum_gz() { local n=0 f; for f in "$@"; do n=$((n + $(gzip -9 -c "$f" | wc -c))); done; echo "$n"; }
sum_raw() { local n=0 f; for f in "$@"; do n=$((n + $(stat -c %s "$f"))); done; echo "$n"; }
echo
first=("$dist"/hoinghi-web-*.wasm "$dist"/hoinghi-web-*.js "$dist"/snippets/hoinghi-web-*/*.js)
row "first load (page wasm, JS, snippets)" "$(sum_raw "${first[@]}")" "$(human "$(sum_raw "${first[@]}")")" \
  "$(sum_gz "${first[@]}")" "$(human "$(sum_gz "${first[@]}")")"
for f in "$dist"/pdf/*js; do
  row "with the first PDF: pdf/$(basename "$f")" "$(sum_raw "$f")" "$(human "$(sum_raw "$f")")" "$(sum_gz "$f")" "$(human "$(sum_gz "$f")")"
done
lazy=("$dist"/pdf/*js)
if [ ${#lazy[@]} -gt 0 ]; then
  row "with the first PDF (pdf/)" "$(sum_raw "${lazy[@]}")" "$(human "$(sum_raw "${lazy[@]}")")" \
    "$(sum_gz "${lazy[@]}")" "$(human "$(sum_gz "${lazy[@]}")")"
fi
