//! The store: merges observations over time without counting anything twice.
//!
//! Built in issue #3.
