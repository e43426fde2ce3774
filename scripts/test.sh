#!/usr/bin/env bash
# Runs every test tier and ends with one summary line of counts:
#   make test: N passed, M failed (…per tier…)
#
# Tiers: cargo fmt --check; cargo clippy -D warnings (native, and wasm32 for src/web); eslint; native cargo test; wasm tests in
# headless Chromium (tests/web.rs); the extension build; Playwright end-to-end tests on the
# built extension (tests/e2e, node --test). A failing tier does not stop the independent
# ones after it, so one run shows everything that is wrong; the end-to-end tests need the
# build and are skipped (counted as failed) when it fails. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

logs=out/test-logs
rm -rf "$logs"
mkdir -p "$logs"
passed=0
failed=0
summary=()

# Counts "test result: ok. N passed; M failed" lines (cargo, wasm-bindgen-test-runner).
count_cargo() {
    awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
         END { printf "%d %d\n", p, f }' "$1"
}

# Counts node --test's "# pass N" / "# fail N" (also "ℹ pass N" from the spec reporter).
count_node() {
    awk '/^(# |ℹ )pass / { p += $3 } /^(# |ℹ )fail / { f += $3 } END { printf "%d %d\n", p, f }' "$1"
}

# run NAME KIND COMMAND...: runs one tier, its output to the terminal and to a log.
# KIND is "check" (one pass or fail), "cargo" or "node" (counts parsed from the output).
run() {
    local name=$1 kind=$2
    shift 2
    printf '\n=== %s: %s\n' "$name" "$*"
    local log="$logs/$name.log" status
    "$@" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    local p f
    case $kind in
        check) if [ "$status" -eq 0 ]; then p=1 f=0; else p=0 f=1; fi ;;
        cargo) read -r p f < <(count_cargo "$log") ;;
        node) read -r p f < <(count_node "$log") ;;
    esac
    # A failing command that reported no failed test (a build error) still counts as one.
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p))
    failed=$((failed + f))
    summary+=("$name $p/$((p + f))")
    return "$status"
}

run fmt check cargo fmt --all -- --check
run clippy check cargo clippy --all-targets -- -D warnings
# src/web/ and tests/web.rs exist only for wasm32: lint them there too.
run clippy-wasm check cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --test web --test web_campaign -- -D warnings
run eslint check node_modules/.bin/eslint www tests/e2e scripts
run cargo-test cargo cargo test --no-fail-fast
run wasm-test cargo cargo test --target wasm32-unknown-unknown --no-default-features --test web --test web_campaign
if run build check make --no-print-directory dist; then
    run e2e node node --test --test-concurrency=1 --test-reporter=tap tests/e2e/
else
    failed=$((failed + 1))
    summary+=("e2e skipped")
fi

printf '\nmake test: %d passed, %d failed (%s)\n' "$passed" "$failed" "$(IFS=,; echo "${summary[*]}" | sed 's/,/, /g')"
[ "$failed" -eq 0 ]
