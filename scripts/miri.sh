#!/usr/bin/env bash
# Runs the unit tests that exercise teras's own `unsafe` code under Miri, which reports
# undefined behaviour (out-of-bounds or dangling accesses, data races, aliasing violations):
#   - interp/src/heap.rs: the reference-counted, try-locked `Heap<T>` (plain and threaded
#     modes, the last-handle free, `get_mut`);
#   - interp/src/vm/dispatch.rs: the unchecked register accesses of the inner loop, through
#     the hand-built bytecode programs of interp/src/vm/tests.rs;
#   - interp/src/value.rs: `DefRef`, the uncounted pointer to a pinned type definition.
# Not part of `scripts/test.sh` (a Miri build and run takes 10 to 20 minutes on 2 cores);
# run it after changing any `unsafe` block. Needs a nightly toolchain with the miri
# component (`rustup toolchain install nightly --component miri`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo +nightly miri --version >/dev/null 2>&1; then
    echo "scripts/miri.sh: needs nightly with miri: rustup toolchain install nightly --component miri" >&2
    exit 1
fi
cargo +nightly miri setup
# Type definitions are pinned for the life of the process on purpose (`value::DefRef`), so
# Miri's end-of-run leak check would report them.
export MIRIFLAGS="${MIRIFLAGS:--Zmiri-ignore-leaks}"
cargo +nightly miri test -p teras-interp --lib -- --test-threads=1 heap:: value:: vm::tests::
