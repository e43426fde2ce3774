//! Why a whole export file was refused: the typed error of [`crate::import`].
//!
//! A file is refused only when nothing in it can be trusted (not an export we know, a broken
//! archive, no rows at all). A bad row or cell is never an error here: it becomes a
//! [`crate::model::Diagnostic`] while the rest of the file imports. Every message says what
//! went wrong, where, and what the user can do; this module must not format user data into
//! anything but these messages.

/// A file the importer refused; nothing from it may be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file holds no bytes (or only a byte-order mark and blank lines).
    #[error("{file}: the file is empty; export it again from the platform")]
    Empty { file: String },

    /// The bytes are a ZIP archive (or an XLSX workbook) that cannot be opened or read.
    #[error(
        "{file}: the {container} is damaged or truncated ({reason}); download the export again"
    )]
    Corrupt {
        file: String,
        container: &'static str,
        reason: String,
    },

    /// The file is a format the importer does not read at all (a PDF, an image, an old .xls).
    #[error("{file}: this is {what}, not a CSV, XLSX or ZIP export; {hint}")]
    UnsupportedFormat {
        file: String,
        what: &'static str,
        hint: &'static str,
    },

    /// The file is readable tabular data, but no sheet matches an export Yardstick knows.
    #[error(
        "{file}: not a platform export Yardstick recognises. It looks like {looks_like}. \
         Supported exports: {supported}"
    )]
    Unrecognised {
        file: String,
        looks_like: String,
        supported: String,
    },

    /// An archive nests too deep or holds too much to be an analytics export.
    #[error("{file}: {reason}; an analytics export is never this large, so it was not opened")]
    TooLarge { file: String, reason: String },
}

/// The importer's result type.
pub type Result<T> = std::result::Result<T, ImportError>;
