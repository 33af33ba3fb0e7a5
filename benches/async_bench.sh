#!/usr/bin/env bash
# Async benchmarks (issue 5, item 8): tasks_spawn (spawn and await N tasks) and tasks_sleep
# (N tasks each sleeping 10 ms) in TERAS, Go (goroutines) and native Rust on tokio
# (benches/native-async). Prints wall time and peak RSS (GNU time's %M) per implementation,
# and the memory per task: (peak RSS - RSS of the same program with N=1) / N.
#
# Usage: benches/async_bench.sh [TERAS_BINARY] [SPAWN_N] [SLEEP_N]
# Defaults: target/release/teras, 1000000, 100000. Needs /usr/bin/time; Go and cargo optional.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
TERAS="${1:-$HERE/../target/release/teras}"
SPAWN_N="${2:-1000000}"
SLEEP_N="${3:-100000}"
BUILD="$HERE/build"
mkdir -p "$BUILD"
if command -v go >/dev/null; then
    for w in tasks_spawn tasks_sleep; do
        go build -o "$BUILD/${w}_go" "$HERE/$w.go" || echo "go build $w failed"
    done
fi
if command -v cargo >/dev/null; then
    (cd "$HERE/native-async" && CARGO_TARGET_DIR="$BUILD/native-async-target" cargo build --release -q) || echo "tokio baseline build failed"
fi
TOKIO="$BUILD/native-async-target/release"

# measure LABEL N CMD...: "LABEL | seconds | peak KiB" and the output's first line.
measure() {
    local label="$1" n="$2"
    shift 2
    local out
    out=$( { /usr/bin/time -f "TIME %e %M" "$@" "$n" >"$BUILD/async_out.txt"; } 2>&1 | grep '^TIME' | tail -1)
    local secs kib
    secs=$(echo "$out" | awk '{print $2}')
    kib=$(echo "$out" | awk '{print $3}')
    local base
    base=$( { /usr/bin/time -f "TIME %e %M" "$@" 1 >/dev/null; } 2>&1 | grep '^TIME' | tail -1 | awk '{print $3}')
    local per
    per=$(awk -v k="$kib" -v b="$base" -v n="$n" 'BEGIN { if (n > 0 && k != "") printf "%.0f", (k - b) * 1024 / n; else print "?" }')
    echo "| $label | $n | ${secs:-fail} | ${kib:-?} | $per | $(head -1 "$BUILD/async_out.txt") |"
}

echo "| benchmark/impl | N | seconds | peak RSS KiB | bytes/task | output |"
echo "| --- | --- | --- | --- | --- | --- |"
for w in tasks_spawn tasks_sleep; do
    n=$SPAWN_N
    [ "$w" = tasks_sleep ] && n=$SLEEP_N
    measure "$w teras" "$n" "$TERAS" run "$HERE/$w.rs"
    [ -x "$BUILD/${w}_go" ] && measure "$w go" "$n" "$BUILD/${w}_go"
    [ -x "$TOKIO/$w" ] && measure "$w tokio" "$n" "$TOKIO/$w"
done
