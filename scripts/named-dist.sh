#!/usr/bin/env bash
# named-dist.sh [OUT]: a copy of dist/ (default target/dist-named) whose two wasm files keep their functions'
# names, for tests/e2e/profile-load.js to read the wasm frames (bench/README.md, "Where a load's time goes").
# Trunk's wasm-opt drops the name section; cargo's own output keeps it: each is run through wasm-bindgen again
# (same input, so the same JS glue as Trunk's) and wasm-opt with -g, and the page's `integrity` hash rewritten.
# wasm-opt gets the parameters index.html gives Trunk for each binary (`data-wasm-opt-params`), read from there.
# Run `make dist` first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
out=${1:-target/dist-named}
rm -rf "$out" && cp -a dist "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
named() { # cargo's wasm, the dist file it replaces, wasm-bindgen's target, wasm-opt's level
  local stem params
  stem=$(basename "$1" .wasm)
  params=$(sed -n "s/.*data-bin=\"$stem\".*data-wasm-opt-params=\"\([^\"]*\)\".*/\1/p" index.html)
  wasm-bindgen --target "$3" --no-typescript --keep-debug --out-dir "$tmp/$stem" "$1"
  # shellcheck disable=SC2086 # the parameters are words
  wasm-opt "$4" -g $params --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$tmp/$stem/${stem}_bg.wasm" -o "$out/$2"
}
web=$(cd dist && ls hoinghi-web-*_bg.wasm)
named target/wasm32-unknown-unknown/web/hoinghi-web.wasm "$web" web -Oz
named target/wasm32-unknown-unknown/worker/hoinghi-worker.wasm hoinghi-worker_bg.wasm no-modules -Os
old=$(openssl dgst -sha384 -binary "dist/$web" | base64 -w0)
new=$(openssl dgst -sha384 -binary "$out/$web" | base64 -w0)
sed -i "s|sha384-$old|sha384-$new|" "$out/index.html"
echo "named build in $out: $(ls -la "$out/$web" "$out/hoinghi-worker_bg.wasm" | awk '{print $5, $9}' | tr '\n' ' ')"
