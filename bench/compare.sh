#!/usr/bin/env bash
# Speed side by side: this core natively, this core in wasm (figure passed in), and the peers in
# $SHARED/peers (underthesea NER, dateparser), on the same article files of $SHARED/corpus.
# Prints one Markdown table. Run from anywhere; see bench/README.md.
#
# Environment (all optional):
#   SHARED=../shared        the shared folder (corpus/, eval/dev/, peers/)
#   RUNS=3                  runs per tool; the table shows the median
#   EVERY=10                take every EVERY-th corpus file (sorted by path); EVERY=1 is the whole corpus
#   NATIVE_ROUNDS=20        passes over the sample inside one native run (the core is too fast for one)
#   PEER_REPEAT=1           --bench N given to the peer scripts
#   BENCH_VENV=bench/.venv  the peers' venv; created with pip (PyPI) when missing, unless BENCH_NO_INSTALL=1
#   WASM_KBPS, WASM_PEAK_MB, WASM_OFFICIALS   the wasm-in-Chromium figures, measured by the page's
#                           browser bench; without WASM_KBPS the cell says "not measured here"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="$(cd "${SHARED:-$ROOT/../shared}" && pwd)"
RUNS="${RUNS:-3}"
EVERY="${EVERY:-10}"
NATIVE_ROUNDS="${NATIVE_ROUNDS:-20}"
PEER_REPEAT="${PEER_REPEAT:-1}"
VENV="${BENCH_VENV:-$ROOT/bench/.venv}"
HELP="$ROOT/bench/peer_score.py"
PY=python3
DEV="$SHARED/eval/dev"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
log() { echo "bench: $*" >&2; }

# --- the sample: the same files for every tool ---------------------------------------------
mkdir -p "$WORK/sample"
mapfile -t ALL < <(find "$SHARED/corpus" -name '*.txt' -type f | LC_ALL=C sort)
FILES=()
for i in "${!ALL[@]}"; do
  if (( i % EVERY == 0 )); then
    f="${ALL[$i]}"; FILES+=("$f")
    rel="${f#"$SHARED/corpus/"}"; mkdir -p "$WORK/sample/$(dirname "$rel")"; ln -s "$f" "$WORK/sample/$rel"
  fi
done
BYTES=$(cat "${FILES[@]}" | wc -c)
log "sample: ${#FILES[@]} of ${#ALL[@]} files of $SHARED/corpus (every $EVERY), $BYTES bytes; $RUNS runs each"
mapfile -t DEVFILES < <(ls "$DEV"/*.txt | LC_ALL=C sort)

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
# runs CMD; prints its stderr's last JSON line, then "peak_rss_mb=X" (rusage of the child tree)
measure() { "$PY" "$HELP" runchild "$@" 3>"$WORK/rss" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; return 1; }
            grep '^{' "$WORK/err" | tail -n1; cat "$WORK/rss"; }
score_officials() { # FILE of JSONL records -> "N found; officials.name P/R"
  local n pr
  n="$("$PY" "$HELP" count officials < "$1")"
  pr="$("$PY" "$SHARED/eval/score.py" --gold "$DEV" --pred "$1" --json | "$PY" -c '
import json,sys; o=json.load(sys.stdin)["officials.name"]; print("precision %.2f, recall %.2f" % (o["precision"], o["recall"]))')"
  echo "$n found (score.py officials.name: $pr)"
}

# --- this core, native ---------------------------------------------------------------------
log "building the native bench and CLI (release)"
cargo build --release --quiet -p hoinghi-core --example bench_corpus >&2
cargo build --release --quiet -p hoinghi-cli --bin hoinghi >&2
TDIR="$(cargo metadata --format-version 1 --no-deps | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
NKB=(); NMB=()
for r in $(seq "$RUNS"); do
  out="$("$TDIR/release/examples/bench_corpus" "$WORK/sample" "$NATIVE_ROUNDS")"
  mbs=$(sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p' <<<"$out")
  NKB+=("$(awk -v m="$mbs" 'BEGIN {printf "%.0f", m * 1e6 / 1024}')")
  NMB+=("$(sed -n 's/^peak RSS: \([0-9.]*\) MB.*/\1/p' <<<"$out")")
  log "native run $r: ${NKB[-1]} KB/s, ${NMB[-1]} MB"
done
NATIVE_KBPS=$(median "${NKB[@]}"); NATIVE_MB=$(median "${NMB[@]}")
"$TDIR/release/hoinghi" extract --format jsonl "${DEVFILES[@]}" > "$WORK/native.jsonl"
NATIVE_OFF="$(score_officials "$WORK/native.jsonl")"

# --- the peers -----------------------------------------------------------------------------
PEERS_OK=1; PEER_NOTE=""
if [[ ! -x "$VENV/bin/python" ]] && [[ "${BENCH_NO_INSTALL:-0}" != 1 ]]; then
  log "installing the peers into $VENV (PyPI)"
  { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q underthesea==9.5.0 dateparser==1.5.0; } >&2 || true
fi
if ! "$VENV/bin/python" -c 'import underthesea, dateparser' 2>/dev/null; then
  PEERS_OK=0; PEER_NOTE="skipped: underthesea 9.5.0 / dateparser 1.5.0 could not be installed into $VENV"
  log "$PEER_NOTE"
fi
peer() { # NAME SCRIPT -> sets P_KBPS P_MB
  local script="$SHARED/peers/$2" k=() m=() out
  for r in $(seq "$RUNS"); do
    out="$(measure "$VENV/bin/python" "$script" --bench "$PEER_REPEAT" "${FILES[@]}")"
    k+=("$(head -n1 <<<"$out" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["kb_per_s"])')")
    m+=("$(sed -n 's/^peak_rss_mb=//p' <<<"$out")")
    log "$1 run $r: ${k[-1]} KB/s, ${m[-1]} MB"
  done
  P_KBPS=$(median "${k[@]}"); P_MB=$(median "${m[@]}")
}
if (( PEERS_OK )); then
  peer underthesea underthesea_ner.py; NER_KBPS=$P_KBPS; NER_MB=$P_MB
  "$VENV/bin/python" "$SHARED/peers/underthesea_ner.py" "${DEVFILES[@]}" 2>/dev/null > "$WORK/ner.jsonl"
  "$PY" "$HELP" ner2records < "$WORK/ner.jsonl" > "$WORK/ner-records.jsonl"
  NER_OFF="$("$PY" "$HELP" count persons < "$WORK/ner.jsonl") person entities (scored as officials: $(score_officials "$WORK/ner-records.jsonl" | sed 's/^[0-9]* found (score.py officials.name: //; s/)$//'))"
  peer dateparser dateparser_dates.py; DP_KBPS=$P_KBPS; DP_MB=$P_MB
  DP_OFF="n/a (dates only: $("$VENV/bin/python" "$SHARED/peers/dateparser_dates.py" "${DEVFILES[@]}" 2>/dev/null | "$PY" "$HELP" count dates) dates found)"
fi

# --- the table -----------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f×", a / b}'; }
echo
echo "Same ${#FILES[@]} files of \$SHARED/corpus (every ${EVERY}th, $BYTES bytes), median of $RUNS runs; officials on eval/dev (${#DEVFILES[@]} articles)."
echo
echo "| tool | KB/s | vs underthesea NER | peak memory | officials found on dev |"
echo "| --- | ---: | ---: | ---: | --- |"
NER_X="-"; (( PEERS_OK )) && NER_X="$(ratio "$NATIVE_KBPS" "$NER_KBPS") (target ≥ 1000×)"
echo "| hoinghi-core native (release, 1 thread) | $NATIVE_KBPS | $NER_X | $NATIVE_MB MB | $NATIVE_OFF |"
if [[ -n "${WASM_KBPS:-}" ]]; then
  WX="-"; (( PEERS_OK )) && WX="$(ratio "$WASM_KBPS" "$NER_KBPS") (target ≥ 300×)"
  echo "| hoinghi-core wasm, headless Chromium | $WASM_KBPS | $WX | ${WASM_PEAK_MB:-?} MB | ${WASM_OFFICIALS:-same core as native} |"
else
  echo "| hoinghi-core wasm, headless Chromium | not measured here | target ≥ 300× | – | the page's browser bench measures it; pass WASM_KBPS (and WASM_PEAK_MB) |"
fi
if (( PEERS_OK )); then
  echo "| underthesea 9.5.0 ner() (CRF) | $NER_KBPS | 1× | $NER_MB MB | $NER_OFF |"
  echo "| dateparser 1.5.0 search_dates | $DP_KBPS | $(awk -v a="$DP_KBPS" -v b="$NER_KBPS" 'BEGIN {printf "%.1f×", a / b}') | $DP_MB MB | $DP_OFF |"
else
  echo "| underthesea 9.5.0 / dateparser 1.5.0 | – | – | – | $PEER_NOTE |"
fi
