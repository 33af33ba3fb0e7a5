#!/usr/bin/env bash
# The one command that runs every test (README: "Testing"). Needs only the Rust toolchain
# (cargo and rustc: rustc is the oracle the golden tests are checked against).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --workspace --all-targets
cargo test --workspace --no-fail-fast -- --test-threads=2
