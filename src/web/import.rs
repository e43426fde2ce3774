//! The wasm export for export files: `importFile(name, bytes, importedAt, onProgress)`.
//!
//! One call per file, run in the dashboard's import worker (`www/import-worker.js`) so a large
//! file never blocks the page. The bytes arrive as a `Uint8Array` copied once into wasm
//! memory (never as a JS string). The result stays in wasm as an opaque [`ImportedFile`]: its
//! summary crosses to JavaScript (small), and its observations and content records are
//! merged into the store's bytes without crossing at all (`mergeInto`), because turning a million observations into
//! JavaScript objects and back costs far more than reading the file. An import error becomes
//! an exception carrying the importer's sentence. Nothing here reads a cell:
//! `crate::import` does.

use chrono::{DateTime, Utc};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{persist, to_js, WebError};
use crate::import::{ImportResult, ImportSummary, Progress};
use crate::model::Scope;

/// A read file, held in wasm until it is merged (call `free()` when done with it).
#[wasm_bindgen]
#[derive(Debug)]
pub struct ImportedFile {
    result: ImportResult,
}

/// The file's summary as the dashboard shows it: the importer's summary, and how many of
/// its content records are posts with their text (the importer counts every record).
#[derive(Debug, Serialize)]
struct Summary<'a> {
    #[serde(flatten)]
    summary: &'a ImportSummary,
    /// Records of posts that carry the post's text.
    posts_with_text: usize,
}

/// Imports one export file. `importedAt` is the time of the reading (RFC 3339, since the
/// core has no clock); `onProgress`, when given, is called with a fraction from 0 to 1 every
/// few thousand rows. Throws when the file is refused; then nothing of it may be stored.
#[wasm_bindgen(js_name = "importFile")]
pub fn import_file(
    name: &str,
    bytes: &[u8],
    imported_at: &str,
    on_progress: Option<js_sys::Function>,
) -> Result<ImportedFile, JsError> {
    let imported_at: DateTime<Utc> = DateTime::parse_from_rfc3339(imported_at)
        .map_err(|source| WebError::ReadAt {
            text: imported_at.to_owned(),
            source,
        })?
        .with_timezone(&Utc);
    let mut report = |progress: Progress| {
        if let Some(callback) = &on_progress {
            // A throwing progress callback must not abort the import: its result is ignored.
            let _ = callback.call1(&JsValue::NULL, &JsValue::from_f64(progress.fraction));
        }
    };
    let result = crate::import::import_file_with_progress(name, bytes, imported_at, &mut report)
        .map_err(|error| JsError::new(&error.to_string()))?;
    Ok(ImportedFile { result })
}

#[wasm_bindgen]
impl ImportedFile {
    /// `{file, platform, kind, tables, language, period, rows_read, observation_count,
    /// content_count, diagnostics, posts_with_text}`.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> Result<JsValue, JsError> {
        to_js(&Summary {
            summary: &self.result.summary,
            posts_with_text: self
                .result
                .content
                .iter()
                .filter(|record| record.scope == Scope::Post && record.text.is_some())
                .count(),
        })
    }

    /// The observations as plain objects (for a preview; merging does not need them).
    pub fn observations(&self) -> Result<JsValue, JsError> {
        to_js(&self.result.observations)
    }

    /// Merges the observations and the content records into the store's bytes
    /// (`undefined` when nothing is stored yet), in one load and one save: `{bytes,
    /// report, content: {kept, refused}, total}`, as `mergeReading` returns. A refused
    /// record is listed with why and never stops the rest. The caller persists `bytes`.
    #[wasm_bindgen(js_name = "mergeInto")]
    pub fn merge_into(&self, stored: Option<Vec<u8>>) -> Result<JsValue, JsError> {
        to_js(&persist::merge(
            stored.as_deref(),
            &self.result.observations,
            self.result.content.iter().cloned(),
            Vec::new(),
        )?)
    }
}
