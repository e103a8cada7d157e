#!/usr/bin/env bash
# Prints the size of the built page's wasm and JS (raw and gzipped): scripts/size.sh [dist]
set -euo pipefail
dist=${1:-dist}
shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: nothing built in $dist/ (run make test or make dist first)" >&2
  exit 1
fi
printf '%-48s %10s %10s\n' file raw gzip
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  printf '%-48s %10s %10s\n' "$(basename "$f")" "$(numfmt --to=iec --suffix=B "$raw") " "$(numfmt --to=iec --suffix=B "$gz") "
done
