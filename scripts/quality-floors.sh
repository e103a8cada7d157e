#!/usr/bin/env bash
# Holds the extraction quality floors: runs the release CLI over both gold sets
# of ../shared/eval and fails when a score drops below its floor.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
# The eval sets live beside the clone, not in it: a public CI without them says so and skips (only when asked to).
if [ ! -f "$shared/eval/score.py" ] && [ "${QUALITY_OPTIONAL:-}" = 1 ]; then
  echo "quality floors: skipped, no eval sets at $shared/eval (QUALITY_OPTIONAL=1)"
  exit 0
fi
cargo build --release -q -p hoinghi-cli
bin=target/release/hoinghi
for set in dev corpus modern; do
  echo "== quality on eval/$set"
  "$bin" extract --format jsonl "$shared/eval/$set"/*.txt > "target/pred-$set.jsonl"
done
# Floors: what was measured, minus a hair. Raise them as the extractor improves; never lower one silently.
python3 "$shared/eval/score.py" --gold "$shared/eval/dev" --pred target/pred-dev.jsonl \
  --min overall=0.99 --min officials.name=0.99 --min officials.titles=0.99 --min meetings.date=0.99 \
  --min meetings.chairs=0.99 --min documents.number=0.99 --min published=0.99 --min province=0.99
python3 "$shared/eval/score.py" --gold "$shared/eval/corpus" --pred target/pred-corpus.jsonl \
  --min overall=0.99 --min officials.name=0.97 --min officials.titles=0.97 --min meetings.date=0.99 \
  --min meetings.chairs=0.99 --min documents.number=0.99 --min province=0.99
# The modern set (2020-2025, 44 articles from 20+ outlets, the rules not written from it): every row held.
# meetings.organizers above the issue's 0.80 (measured 0.835 with the other meetings an article reports).
python3 "$shared/eval/score.py" --gold "$shared/eval/modern" --pred target/pred-modern.jsonl \
  --min overall=0.97 --min officials.name=0.99 --min officials.titles=0.94 --min meetings.date=0.95 \
  --min meetings.chairs=0.99 --min documents.number=0.99 --min published=0.99 --min province=0.95 \
  --min meetings.kind=0.90 --min meetings.organizers=0.83
# The whole corpus: no article may crash the extractor.
"$bin" extract --format jsonl "$shared"/corpus/*/*.txt > target/pred-all.jsonl
echo "corpus: $(wc -l < target/pred-all.jsonl) records extracted without a failure"
