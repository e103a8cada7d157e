#!/usr/bin/env bash
# Prints the size of the built page's wasm and JS, raw and gzipped (-9): scripts/size.sh [dist]
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
