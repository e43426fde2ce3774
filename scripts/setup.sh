#!/usr/bin/env bash
# Installs what building and testing Yardstick needs, and only what is missing.
#
# Idempotent: every step checks first and skips what is present, so `make test` and
# `make demo` can call it every time. It installs: the wasm32 Rust target (plus rustfmt and
# clippy), wasm-bindgen-cli at exactly the version Cargo.lock pins, the npm packages from
# package-lock.json (playwright-core, binaryen's wasm-opt, eslint), and — when running as
# root on Debian — Chromium, its chromedriver and zip. It never downloads a browser through
# Playwright and never uses Debian's wasm-opt (see ../README.md, "Toolchain").
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# `scripts/setup.sh bench` (from `make bench` only, after the full setup): the wasm32-wasip1
# target, which scripts/bench-wasm.mjs builds the store bench for. `make test` never needs it.
setup_bench() {
    command -v rustup >/dev/null || fail "rustup not found; install the wasm32-wasip1 target yourself"
    if ! rustup target list --installed | grep -qx wasm32-wasip1; then
        say "rustup target add wasm32-wasip1"
        rustup target add wasm32-wasip1
    fi
}
if [ "${1:-}" = bench ]; then
    setup_bench
    exit 0
fi

apt_updated=0
apt_install() {
    if ! is_root || ! command -v apt-get >/dev/null; then
        fail "missing $*; install it (Debian: sudo apt-get install -y $*) and run again"
    fi
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    say "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Rust -------------------------------------------------------------------------------
command -v cargo >/dev/null || fail "cargo not found; install Rust with rustup (https://rustup.rs)"
if command -v rustup >/dev/null; then
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    fi
    for component in rustfmt clippy; do
        if ! rustup component list --installed | grep -q "^$component"; then
            say "rustup component add $component"
            rustup component add "$component"
        fi
    done
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly; the version comes from Cargo.lock.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wanted" ] || fail "no wasm-bindgen entry in Cargo.lock"
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
    say "cargo install wasm-bindgen-cli --version $wanted (a few minutes; had '${have:-none}')"
    # No --locked: one of the CLI's locked dependencies is missing from the registry mirror.
    cargo install wasm-bindgen-cli --version "$wanted"
fi

# --- Browser ----------------------------------------------------------------------------
missing=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" ] || missing+=(chromium-driver)
command -v zip >/dev/null || missing+=(zip)
command -v node >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
fi

# --- npm --------------------------------------------------------------------------------
# node_modules/.package-lock.json is npm's own record of what it installed: when it is
# newer than package-lock.json, the tree is current.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
fi

say "ready (wasm-bindgen $wanted, $(node --version), $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | head -n1))"
