//! The wasm export for export files: `importFile(name, bytes, importedAt, onProgress)`.
//!
//! One call per file, run in the dashboard's import worker (`www/import-worker.js`) so a large
//! file never blocks the page. The bytes arrive as a `Uint8Array` copied once into wasm
//! memory (never as a JS string); the result crosses back as a plain object: the file's
//! summary (platform, kind, language, period, rows, diagnostics) and its observations. An
//! import error becomes an exception carrying the importer's sentence. Nothing here reads a
//! cell: `crate::import` does.

use chrono::{DateTime, Utc};
use wasm_bindgen::prelude::*;

use super::{to_js, WebError};

/// Imports one export file. `importedAt` is the time of the reading (RFC 3339, since the
/// core has no clock); `onProgress`, when given, is called with a fraction from 0 to 1 every
/// few thousand rows. Returns `{file, platform, kind, tables, language, period, rows_read,
/// observation_count, diagnostics, observations}`; throws when the file is refused, and then
/// nothing of it may be stored.
#[wasm_bindgen(js_name = "importFile")]
pub fn import_file(
    name: &str,
    bytes: &[u8],
    imported_at: &str,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let imported_at: DateTime<Utc> = DateTime::parse_from_rfc3339(imported_at)
        .map_err(|source| WebError::ReadAt {
            text: imported_at.to_owned(),
            source,
        })?
        .with_timezone(&Utc);
    let mut report = |progress: crate::import::Progress| {
        if let Some(callback) = &on_progress {
            // A throwing progress callback must not abort the import: its result is ignored.
            let _ = callback.call1(&JsValue::NULL, &JsValue::from_f64(progress.fraction));
        }
    };
    let result = crate::import::import_file_with_progress(name, bytes, imported_at, &mut report)
        .map_err(|error| JsError::new(&error.to_string()))?;
    to_js(&result)
}
