//! Rust formatting: format-string parsing and number rendering exactly as std does.
