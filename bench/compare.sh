#!/usr/bin/env bash
# Speed side by side: this core natively, this core in wasm (the page's extraction worker in
# headless Chromium), and the peers in $SHARED/peers (underthesea NER, dateparser), on the same
# article files of $SHARED/corpus. Prints one Markdown table. Run from anywhere; see bench/README.md.
#
# Environment (all optional):
#   SHARED=../shared        the shared folder (corpus/, eval/dev/, peers/)
#   RUNS=3                  runs per tool; the table shows the median
#   EVERY=10                take every EVERY-th corpus file (sorted by path); EVERY=1 is the whole corpus
#   NATIVE_ROUNDS=20        passes over the sample inside one native run (the core is too fast for one)
#   WASM_ROUNDS=100         the same inside one wasm run (tests/e2e/bench-core-wasm.js): more, because
#                           Chromium compiles the hot functions to optimised code during the first passes
#   CHROMIUM=/usr/bin/chromium   the browser of the wasm run; dist/ is rebuilt (make dist) when
#                           missing or older than its sources
#   PEER_REPEAT=1           --bench N given to the peer scripts
#   BENCH_VENV=bench/.venv  the peers' venv; created with pip (PyPI) when missing, unless BENCH_NO_INSTALL=1
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="$(cd "${SHARED:-$ROOT/../shared}" && pwd)"
RUNS="${RUNS:-3}"
EVERY="${EVERY:-10}"
NATIVE_ROUNDS="${NATIVE_ROUNDS:-20}"
WASM_ROUNDS="${WASM_ROUNDS:-100}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMIUM
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

# --- this core in wasm: the page's extraction worker, headless Chromium ----------------------
# The wasm the page ships (dist/hoinghi-worker_bg.wasm), timed inside the worker by its bench
# message; the dev articles go through its normal message path, as files picked on the page.
dist_stale() {
  [[ ! -f dist/hoinghi-worker_bg.wasm ]] || [[ -n "$(find src index.html style public Cargo.toml Cargo.lock Trunk.toml \
    crates/{core,decode,merge}/{src,data,Cargo.toml} -newer dist/hoinghi-worker_bg.wasm -type f -print -quit 2>/dev/null)" ]]
}
WASM_NOTE=""
if [[ ! -x "$CHROMIUM" ]]; then
  WASM_NOTE="not measured: no Chromium at $CHROMIUM (scripts/setup.sh all installs it)"
elif [[ ! -d node_modules/playwright-core ]]; then
  WASM_NOTE="not measured: node_modules/playwright-core is missing (scripts/setup.sh build installs it)"
elif dist_stale; then
  log "building the page: make dist (dist/ is missing or older than its sources; several minutes)"
  make --no-print-directory dist >&2 || WASM_NOTE="not measured: the page's build (make dist) failed"
fi
WKB=(); WMB=()
for r in $(seq "$RUNS"); do
  [[ -z "$WASM_NOTE" ]] || break
  rec=(); (( r == 1 )) && rec=(--dev "$DEV" --records "$WORK/wasm.jsonl")
  if ! out="$(node tests/e2e/bench-core-wasm.js --rounds "$WASM_ROUNDS" "${rec[@]}" "${FILES[@]}")"; then
    WASM_NOTE="not measured: tests/e2e/bench-core-wasm.js failed (its error is in the log)"; break
  fi
  read -r kb mb < <("$PY" -c 'import json,sys; d=json.loads(sys.stdin.readline()); print(d["kb_per_s"], "%.1f" % d["peak_mb"])' <<<"$out")
  WKB+=("$kb"); WMB+=("$mb")
  log "wasm run $r: $kb KB/s, wasm memory $mb MB"
done
if [[ -z "$WASM_NOTE" ]]; then
  WASM_KBPS=$(median "${WKB[@]}"); WASM_MB=$(median "${WMB[@]}")
  WASM_OFF="$(score_officials "$WORK/wasm.jsonl")"
else
  log "wasm: $WASM_NOTE"
fi

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
if [[ -z "$WASM_NOTE" ]]; then
  WX="-"; (( PEERS_OK )) && WX="$(ratio "$WASM_KBPS" "$NER_KBPS") (target ≥ 300×)"
  echo "| hoinghi-core wasm (the page's worker, headless Chromium) | $WASM_KBPS | $WX | $WASM_MB MB (wasm linear memory) | $WASM_OFF |"
else
  echo "| hoinghi-core wasm (the page's worker, headless Chromium) | – | target ≥ 300× | – | $WASM_NOTE |"
fi
if (( PEERS_OK )); then
  echo "| underthesea 9.5.0 ner() (CRF) | $NER_KBPS | 1× | $NER_MB MB | $NER_OFF |"
  echo "| dateparser 1.5.0 search_dates | $DP_KBPS | $(awk -v a="$DP_KBPS" -v b="$NER_KBPS" 'BEGIN {printf "%.1f×", a / b}') | $DP_MB MB | $DP_OFF |"
else
  echo "| underthesea 9.5.0 / dateparser 1.5.0 | – | – | – | $PEER_NOTE |"
fi
