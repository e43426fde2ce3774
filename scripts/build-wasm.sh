#!/usr/bin/env bash
# Builds the wasm core for the extension into dist/pkg/: yardstick.js (the glue) and
# yardstick_bg.wasm.
#
# cargo (release profile: opt-level "z", LTO) → wasm-bindgen --target web → npm binaryen's
# wasm-opt -Oz. Never Debian's wasm-opt: version 108 breaks wasm-bindgen 0.2.130 output at
# run time (`WebAssembly.Table.set(): invalid address`).
set -euo pipefail
cd "$(dirname "$0")/.."

out=dist/pkg
wasm_opt=node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || { echo "build-wasm: $wasm_opt missing; run make setup" >&2; exit 1; }

cargo build --lib --target wasm32-unknown-unknown --release
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
    target/wasm32-unknown-unknown/release/yardstick.wasm
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/yardstick_bg.wasm" -o "$out/yardstick_bg.opt.wasm"
mv "$out/yardstick_bg.opt.wasm" "$out/yardstick_bg.wasm"

raw=$(wc -c <"$out/yardstick_bg.wasm")
gz=$(gzip -9 -c "$out/yardstick_bg.wasm" | wc -c)
echo "build-wasm: $out/yardstick_bg.wasm $raw bytes raw, $gz bytes gzip"
