#!/usr/bin/env bash
# Installs what `make serve` and `make test` need, only what is missing, at the
# pinned versions; says what it skipped. Safe to run again and again.
#   scripts/setup.sh build   the page's toolchain: wasm32 target, Trunk, wasm-bindgen-cli, crates,
#                            and npm's devDependencies (binaryen's wasm-opt, playwright-core, pdfjs-dist)
#   scripts/setup.sh all     the above, plus Debian's Chromium for the browser tests, plus the Python side
#   scripts/setup.sh python  the Python side only: the project venv .venv/ (maturin, pytest, Dask, pandas,
#                            pyarrow, pinned below) and the `hoinghi` wheel built from crates/python into it
# Tools come from package registries only (crates.io, npm, Debian): Trunk never downloads (Trunk.toml: offline).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
what=${1:-all}
# The Python side's packages (PyPI), pinned. The venv is .venv/ at the root (git-ignored).
PY_PACKAGES=(maturin==1.16.0 pytest==9.2.0 "dask[distributed]==2026.8.0" pandas==3.1.1 pyarrow==26.0.1)
VENV=.venv
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

# The venv, its pinned packages, and the hoinghi wheel (rebuilt only when its Rust sources changed).
python_side() {
  if [ -x "$VENV/bin/python" ]; then
    skip "python venv" "$VENV, $("$VENV/bin/python" --version)"
  else
    step "python venv $VENV"
    python3 -m venv "$VENV"
  fi
  local missing
  missing=$("$VENV/bin/python" - "${PY_PACKAGES[@]}" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
missing = []
for spec in sys.argv[1:]:
    name, want = spec.split("==")
    try:
        ok = version(name.split("[")[0]) == want
    except PackageNotFoundError:
        ok = False
    if not ok:
        missing.append(spec)
print(" ".join(missing))
PY
)
  if [ -z "$missing" ]; then
    skip "python packages" "${PY_PACKAGES[*]}"
  else
    step "python packages $missing (pip)"
    local started=$SECONDS
    "$VENV/bin/pip" install --quiet --disable-pip-version-check $missing
    echo "setup: python packages installed in $((SECONDS - started)) s"
  fi
  # The wheel's inputs: the crates it is built from and the lock file.
  local sources
  sources=$(find crates/core crates/cli crates/decode crates/merge crates/python Cargo.toml Cargo.lock \
    -path '*/target' -prune -o -type f \( -name '*.rs' -o -name '*.toml' -o -name '*.tsv' -o -name '*.py' -o -name '*.pyi' -o -name Cargo.lock \) -print |
    LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
  if [ "$(cat "$VENV/.hoinghi-wheel" 2>/dev/null)" = "$sources" ] && "$VENV/bin/python" -c 'import hoinghi' 2>/dev/null; then
    skip "hoinghi wheel" "built from these sources ($sources)"
  else
    step "hoinghi wheel (maturin build --release, a few minutes)"
    local started=$SECONDS
    rm -rf target/wheels
    "$VENV/bin/maturin" build --quiet --release --manifest-path crates/python/Cargo.toml --out target/wheels
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/hoinghi-*.whl
    echo "setup: hoinghi wheel built and installed in $((SECONDS - started)) s"
    echo "$sources" > "$VENV/.hoinghi-wheel"
  fi
}

if [ "$what" = python ]; then
  python_side
  echo "setup: done"
  exit 0
fi

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
  python_side
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

# npm packages pinned in package.json / package-lock.json: wasm-opt (binaryen), playwright-core, and pdfjs-dist
# (the page's PDF reader, copied into dist/pdf/ by Trunk: index.html). pdfjs-dist's optional dependency
# (@napi-rs/canvas, 35 MB) only renders in Node: left out.
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
  npm ci --no-audit --no-fund --omit=optional
fi
echo "setup: done"
