//! Tests of the static checks on whole sources: what is reported, and that programs rustc
//! accepts are not.
