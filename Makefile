# Yardstick's entry points. `make demo` and `make test` work on a fresh machine: both run
# `make setup` first, which installs only what is missing (scripts/setup.sh).
#
#   make demo    build, then show the extension on the bundled sample pages
#   make test    every test tier; ends with "make test: N passed, M failed"
#   make dist    dist/chrome/ (unpacked, also Edge), dist/firefox/, versioned zips
#   make bench   cargo benches, the store bench again in wasm, the in-browser benchmark
#   make fuzz    the long property-test run over the value parsers
#   make lint    rustfmt, clippy and eslint only
#   make setup   install the toolchain pieces that are missing
#   make clean   remove build output

.PHONY: all demo test dist wasm bench fuzz lint setup clean

all: dist

setup:
	@scripts/setup.sh

wasm: setup
	scripts/build-wasm.sh

dist: wasm
	node scripts/bundle.mjs

test: setup
	scripts/test.sh

demo: dist
	node scripts/demo.mjs

# The native bench output is kept so the wasm run of the store bench (same program, built
# for wasm32-wasip1, run by V8 through node:wasi) can print wasm/native ratios.
bench: dist
	@scripts/setup.sh bench
	@mkdir -p out/bench
	bash -o pipefail -c 'cargo bench --benches 2>&1 | tee out/bench/cargo-bench.txt'
	node scripts/bench-wasm.mjs --native out/bench/cargo-bench.txt
	node scripts/bench-browser.mjs

fuzz:
	PROPTEST_CASES=200000 cargo test --release --test fuzz_values

lint: setup
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	node_modules/.bin/eslint www tests/e2e scripts

clean:
	rm -rf dist out www/pkg
	cargo clean
