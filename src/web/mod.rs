//! The only wasm-bindgen exports.
