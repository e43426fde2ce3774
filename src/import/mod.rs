//! Importers for the platforms' own export files (CSV, XLSX, ZIP).
//!
//! Built in issue #4.
