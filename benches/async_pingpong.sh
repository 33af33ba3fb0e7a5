#!/usr/bin/env bash
# The async ping-pong benchmark (issue 5, item 8): TERAS (benches/async_pingpong.rs on
# tokio::sync::mpsc), Go (async_pingpong.go) and native Rust on tokio
# (native/src/bin/async_pingpong_tokio.rs), N round trips (default 10^6), best of RUNS (3).
# Usage: benches/async_pingpong.sh [N] [RUNS]   (TERAS=path/to/release/teras to choose it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
n="${1:-1000000}"
runs="${2:-3}"
teras="${TERAS:-$here/../target/release/teras}"
build="$here/build"
mkdir -p "$build"
if command -v go >/dev/null; then go build -o "$build/async_pingpong_go" "$here/async_pingpong.go"; fi
(cd "$here/native" && CARGO_TARGET_DIR="$build/native-target" cargo build --release --quiet --bin async_pingpong_tokio)
best() {
    local b=""
    for _ in $(seq "$runs"); do
        local s e t
        s=$(date +%s.%N)
        "$@" >/dev/null
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        if [ -z "$b" ] || (( $(echo "$t < $b" | bc) )); then b=$t; fi
    done
    echo "$b"
}
t_teras=$(best "$teras" run "$here/async_pingpong.rs" "$n")
t_go=n/a
if [ -x "$build/async_pingpong_go" ]; then t_go=$(best "$build/async_pingpong_go" "$n"); fi
t_rust=$(best "$build/native-target/release/async_pingpong_tokio" "$n")
echo "| benchmark | teras | go | rust (tokio) | teras/go |"
echo "| --- | --- | --- | --- | --- |"
ratio=n/a
if [ "$t_go" != n/a ]; then ratio=$(echo "scale=2; $t_teras / $t_go" | bc); fi
echo "| async_pingpong($n) | ${t_teras}s | ${t_go}s | ${t_rust}s | ${ratio}x |"
