//! The `teras` command.
fn main() {}
