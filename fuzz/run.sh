#!/usr/bin/env bash
# Builds the fuzz targets and runs one: fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
# TARGET: extract | merge | decode | repair_pasted. Seeds come from fuzz/seed.py (run first if
# fuzz/corpus/TARGET is missing). Only stable Rust is needed: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass
# its nightly flags. No sanitizer (the crates have no `unsafe`), debug assertions on.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
t="${1:?target}"; secs="${2:-600}"; shift $(( $# < 2 ? $# : 2 ))
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/target-fuzz}"
[[ -d fuzz/corpus/$t ]] || python3 fuzz/seed.py
RUSTC_BOOTSTRAP=1 cargo fuzz build -O -a -s none "$t"
mkdir -p "fuzz/artifacts/$t"
exec nice -n 10 "$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release/$t" \
  -artifact_prefix="fuzz/artifacts/$t/" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 "$@" "fuzz/corpus/$t"
