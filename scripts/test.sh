#!/usr/bin/env bash
# The one command that runs every test (README: "Testing"). Needs only the Rust toolchain
# (cargo and rustc: rustc is the oracle the golden tests are checked against). Clippy's
# warnings fail the run when the toolchain has clippy (rustup's default profile does); a
# toolchain without it skips that step with a notice.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --workspace --all-targets
if cargo clippy --version >/dev/null 2>&1; then
    cargo clippy --workspace --all-targets -- -D warnings
else
    echo "scripts/test.sh: cargo clippy is not installed; lint step skipped" >&2
fi
cargo test --workspace --no-fail-fast -- --test-threads=2
