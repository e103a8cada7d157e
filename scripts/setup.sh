#!/usr/bin/env bash
# Installs what `make serve` and `make test` need, only what is missing, at the
# pinned versions; says what it skipped. Safe to run again and again.
#   scripts/setup.sh build   the page's toolchain: wasm32 target, Trunk, wasm-bindgen-cli, crates,
#                            and npm's devDependencies (binaryen's wasm-opt, playwright-core)
#   scripts/setup.sh all     the above, plus Debian's Chromium for the browser tests
# Tools come from package registries only (crates.io, npm, Debian): Trunk never downloads (Trunk.toml: offline).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
what=${1:-all}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

skip() { echo "setup: skipped $1 (already there${2:+: $2})"; }
step() { echo "setup: installing $1"; }

apt_install() {
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# Another process may be installing the same crate (e.g. a parallel setup): wait for it.
wait_for_cargo_install() {
  while pgrep -f "cargo install.* $1( |$)" > /dev/null; do
    echo "setup: waiting for a running 'cargo install $1' to finish"
    sleep 15
  done
}

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  skip "rust target wasm32-unknown-unknown"
else
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# make lint: rustfmt and clippy come with rustup's default profile, but not with every install.
for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$component"; then
    skip "rust component $component"
  else
    step "rust component $component"
    rustup component add "$component"
  fi
done

wait_for_cargo_install trunk
if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  skip "trunk" "$TRUNK_VERSION"
else
  step "trunk $TRUNK_VERSION (cargo install, several minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

wait_for_cargo_install wasm-bindgen-cli
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  skip "wasm-bindgen-cli" "$WASM_BINDGEN_VERSION"
else
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes)"
  # Not --locked: the crate's own lock file does not build with this toolchain.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$what" = all ]; then
  if [ -x /usr/bin/chromium ]; then
    skip "chromium" "/usr/bin/chromium"
  else
    step "chromium (apt)"
    apt_install chromium
  fi
fi

# Trunk builds with cargo --offline: have every crate in cargo's cache first.
cargo fetch --quiet
echo "setup: crates fetched"

# npm packages pinned in package.json / package-lock.json: wasm-opt (binaryen), playwright-core.
npm_missing=$(node -e '
  const deps = require("./package.json").devDependencies;
  const missing = Object.entries(deps).filter(([name, version]) => {
    try { return require(`./node_modules/${name}/package.json`).version !== version; } catch { return true; }
  });
  console.log(missing.map(([n, v]) => `${n}@${v}`).join(" "));')
if [ -z "$npm_missing" ]; then
  skip "npm packages" "$(node -p "Object.entries(require('./package.json').devDependencies).map(e => e.join('@')).join(' ')")"
else
  step "npm packages $npm_missing (npm ci)"
  npm ci --no-audit --no-fund
fi
echo "setup: done"
