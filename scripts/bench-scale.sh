#!/usr/bin/env bash
# make bench-scale: the extractor at scale, on a corpus made by repeating $SHARED/corpus to ≥ 200 MB of text
# (target/bench-scale/, generated, not committed). Prints, as one Markdown table:
#   the CLI's throughput at -j 1 and at every thread (`--jsonl` rows, records printed to /dev/null), its peak RSS
#   at -j 1 on two corpus sizes (it must stay flat: streaming), Python's extract_many throughput, the Dask example's
#   wall time with 1 and 2 workers, and underthesea's NER throughput on a sample of the same articles.
# Throughput is megabytes (10^6 bytes) of UTF-8 article text per second of wall time; peak RSS from /usr/bin/time.
# Environment: SHARED=../shared, SIZE_MB=200 (the big corpus), SMALL_MB=50 (the second size for the RSS check),
# EVERY=20 (underthesea's sample: every EVERY-th corpus file), BENCH_VENV=bench/.venv (underthesea's venv,
# installed there from PyPI when missing, so the project venv keeps its pins; BENCH_NO_INSTALL=1 skips that).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="$(cd "${SHARED:-../shared}" && pwd)"
SIZE_MB="${SIZE_MB:-200}"
SMALL_MB="${SMALL_MB:-50}"
EVERY="${EVERY:-20}"
PEER_VENV="${BENCH_VENV:-bench/.venv}"
OUT=target/bench-scale
PY=.venv/bin/python
THREADS=$(nproc)
log() { echo "bench-scale: $*" >&2; }

scripts/setup.sh python >&2
cargo build --release -q -p hoinghi-cli
mkdir -p "$OUT"
log "corpora: $SHARED/corpus repeated to $SMALL_MB MB and $SIZE_MB MB (kept in $OUT)"
SMALL_BYTES=$("$PY" scripts/bench_scale.py corpus "$SHARED/corpus" "$OUT/corpus-$SMALL_MB" "$SMALL_MB")
BIG_BYTES=$("$PY" scripts/bench_scale.py corpus "$SHARED/corpus" "$OUT/corpus-$SIZE_MB" "$SIZE_MB")
BIG="$OUT/corpus-$SIZE_MB"
ROWS=$(wc -l < "$BIG.jsonl")

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", b / 1e6 / s }'; }
# cli ROWS_FILE THREADS -> "wall_seconds peak_rss_mb cpu_seconds" (CPU: user + system, all threads)
cli() {
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" target/release/hoinghi extract -j "$2" --jsonl "$1" > /dev/null
  awk '{ printf "%s %.1f %.2f", $1, $2 / 1024, $3 + $4 }' "$OUT/time.txt"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "CLI -j 1 on $SMALL_MB MB"; read -r SMALL_S SMALL_RSS SMALL_CPU <<<"$(cli "$OUT/corpus-$SMALL_MB.jsonl" 1)"
log "CLI -j 1 on $SIZE_MB MB"; read -r ONE_S ONE_RSS ONE_CPU <<<"$(cli "$BIG.jsonl" 1)"
log "CLI -j $THREADS on $SIZE_MB MB"; read -r ALL_S ALL_RSS ALL_CPU <<<"$(cli "$BIG.jsonl" "$THREADS")"

log "Python extract_many on $SIZE_MB MB"
read -r PY_ONE PY_ONE_S <<<"$("$PY" scripts/bench_scale.py python "$BIG.jsonl" 1)"
read -r PY_ALL PY_ALL_S <<<"$("$PY" scripts/bench_scale.py python "$BIG.jsonl" "$THREADS")"

# dask WORKERS -> wall seconds of the whole run (cluster start and stop included), and the example's own line
dask() {
  local start end
  start=$(date +%s.%N)
  "$PY" python/examples/dask_extract.py "$BIG.parquet" "$OUT/dask-out" --workers "$1" > "$OUT/dask-$1.txt" 2> "$OUT/dask-$1.err" ||
    { cat "$OUT/dask-$1.err" >&2; return 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}
log "Dask, LocalCluster of 1 worker"; DASK1=$(dask 1)
log "Dask, LocalCluster of 2 workers"; DASK2=$(dask 2)
dask_line() { sed -n 's/.*extraction \([0-9.]*\) s, wall \([0-9.]*\) s.*/tasks \1 s, with the cluster'"'"'s start \2 s/p' "$OUT/dask-$1.txt"; }

# underthesea: its default CRF NER (shared/peers/underthesea_ner.py), over every EVERY-th corpus file.
mapfile -t ALL_FILES < <(find "$SHARED/corpus" -name '*.txt' -type f | LC_ALL=C sort)
SAMPLE=()
for i in "${!ALL_FILES[@]}"; do (( i % EVERY == 0 )) && SAMPLE+=("${ALL_FILES[$i]}"); done
SAMPLE_BYTES=$(cat "${SAMPLE[@]}" | wc -c)
PEER="not measured"
if [ ! -x "$PEER_VENV/bin/python" ] && [ "${BENCH_NO_INSTALL:-}" != 1 ]; then
  log "installing underthesea==9.5.0 into $PEER_VENV (PyPI)"
  { python3 -m venv "$PEER_VENV" && "$PEER_VENV/bin/pip" install --quiet underthesea==9.5.0 dateparser==1.5.0; } >&2 ||
    log "underthesea could not be installed"
fi
if "$PEER_VENV/bin/python" -c 'import underthesea' 2>/dev/null; then
  log "underthesea NER on ${#SAMPLE[@]} files ($SAMPLE_BYTES bytes)"
  if "$PEER_VENV/bin/python" "$SHARED/peers/underthesea_ner.py" --bench 1 "${SAMPLE[@]}" > /dev/null 2> "$OUT/peer.err"; then
    KBPS=$(grep '^{' "$OUT/peer.err" | tail -n1 | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["kb_per_s"])')
    PEER_MBPS=$(awk -v k="$KBPS" 'BEGIN { printf "%.3f", k * 1024 / 1e6 }')
    PEER="$PEER_MBPS MB/s (1 thread, model loaded; ${#SAMPLE[@]} files, $SAMPLE_BYTES bytes)"
  else
    PEER="failed: $(tail -n1 "$OUT/peer.err")"
  fi
else
  PEER="not installed: underthesea==9.5.0 could not be installed into $PEER_VENV"
fi

echo
echo "Corpus: $SHARED/corpus repeated, $ROWS articles, $(mbps "$BIG_BYTES" 1) MB of text ($SIZE_MB MB); $THREADS cores;"
echo "load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after (other work on the machine slows every row)"
echo
echo "| what | figure |"
echo "| --- | --- |"
echo "| CLI \`extract -j 1 --jsonl\` | $(mbps "$BIG_BYTES" "$ONE_S") MB/s ($ONE_S s wall, $ONE_CPU s CPU) |"
echo "| CLI \`extract -j $THREADS --jsonl\` (every core) | $(mbps "$BIG_BYTES" "$ALL_S") MB/s ($ALL_S s wall, $ALL_CPU s CPU), peak RSS $ALL_RSS MB |"
echo "| CLI peak RSS at -j 1, $(mbps "$SMALL_BYTES" 1) MB corpus | $SMALL_RSS MB |"
echo "| CLI peak RSS at -j 1, $(mbps "$BIG_BYTES" 1) MB corpus | $ONE_RSS MB |"
echo "| Python \`extract_many\`, 1 thread | $PY_ONE MB/s ($PY_ONE_S s, records to dicts included) |"
echo "| Python \`extract_many\`, $THREADS threads | $PY_ALL MB/s ($PY_ALL_S s) |"
echo "| Dask example, LocalCluster of 1 worker | $DASK1 s wall ($(dask_line 1)) |"
echo "| Dask example, LocalCluster of 2 workers | $DASK2 s wall ($(dask_line 2)) |"
echo "| underthesea 9.5.0 NER (CRF) | $PEER |"
