# Hội Nghị: `make serve` and `make test` are the two entry points (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# wasm-opt comes from npm's binaryen (node_modules/.bin), Trunk and wasm-bindgen from ~/.cargo/bin.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

# The sub-path the page is served from. The one place it is written: the Pages
# workflow passes the repository name instead, the browser tests read it from here.
BASE_PATH ?= /hoinghi/
export BASE_PATH
# The shared data (eval sets) next to the clone.
SHARED ?= ../shared
export SHARED

.PHONY: setup setup-build serve test lint native python quality dist size-check e2e pages size bench-page

setup:
	scripts/setup.sh all

setup-build:
	scripts/setup.sh build

## make serve: set up, then serve the release build (the page users get) offline at http://127.0.0.1:8080
serve: setup-build
	@echo "Hội Nghị: serving the release build at http://127.0.0.1:8080/ (Ctrl+C stops; a change rebuilds it)"
	trunk serve --release --address 127.0.0.1 --port 8080 --public-url / --dist target/trunk-serve

## make test: set up, then every test: native crates, Python package (and its Dask example), quality floors,
## page build, browser
test: setup
	$(MAKE) --no-print-directory lint native python quality dist size-check e2e
	@echo "make test: PASS"

# Formatting (rustfmt.toml) and clippy's warnings fail the run, as a reviewer would.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -q -- -D warnings

native:
	cargo test

# The Python package (crates/python) against the CLI over every eval file, its errors and odd texts; then the
# Dask example on a LocalCluster of 2 workers, its Parquet tables checked against the CLI. setup.sh python
# rebuilds the wheel into .venv/ when its Rust sources changed (and skips it when not).
python:
	scripts/setup.sh python
	cargo build --release -q -p hoinghi-cli
	HOINGHI=$(CURDIR)/target/release/hoinghi .venv/bin/python -m pytest -q -p no:cacheprovider crates/python/tests

quality:
	scripts/quality-floors.sh

# The release build of the page under the sub-path, as GitHub Pages serves it.
dist:
	trunk build --release --public-url $(BASE_PATH)
	cp dist/index.html dist/404.html

e2e:
	node --test tests/e2e/

# What the Pages workflow runs (with BASE_PATH=/<repository>/).
pages: setup-build dist

size:
	@scripts/size.sh dist

# Prints the sizes; fails when the first load (page wasm, JS, snippets) grows past its budget in scripts/size.sh
# (a ratchet down to issue 13's 450 KB target, not met yet).
size-check:
	@scripts/size.sh --check dist

## make bench-page: loads 1,000, 5,000 and 10,000 distinct articles (from the corpus) into the built page in headless
## Chromium (after make dist) and prints one table of times, long tasks, memory, DOM size and how each grows;
## then the pictures (tests/e2e/bench-views.js): timeline frame times, graph layout, map first open
bench-page:
	node tests/e2e/bench.js
	node tests/e2e/bench-views.js

## make bench: one table, same corpus files: this core natively, in wasm (the page's extraction worker in
## headless Chromium; builds dist/ when it is older than the sources), and the Python peers (bench/README.md)
.PHONY: bench bench-core
# setup, not setup-build: the wasm row needs Chromium.
bench: setup
	bench/compare.sh

## make bench-scale: a corpus of ≥ 200 MB (../shared/corpus repeated, in target/bench-scale): the CLI at -j 1 and every
## core, its peak RSS on two sizes, Python's extract_many, the Dask example on 1 and 2 workers, underthesea on a sample
.PHONY: bench-scale
bench-scale:
	scripts/bench-scale.sh

## make bench-core: the core alone over the whole corpus: MB/s and peak memory
bench-core:
	cargo run --release -q -p hoinghi-core --example bench_corpus -- $(SHARED)/corpus 5

## make bench-linear: one generated article per shape, doubling in size: seconds, peak heap, ratios (README)
LINEAR_MB ?= 1 16
.PHONY: bench-linear
bench-linear:
	cargo run --release -q -p hoinghi-core --example bench_linear -- $(LINEAR_MB)
