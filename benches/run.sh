#!/usr/bin/env bash
# Run the teras benchmarks side by side with Lua 5.4, LuaJIT, CPython, Go and native Rust.
#
#   benches/run.sh            full sizes, BENCH_RUNS runs each (default 5)
#   benches/run.sh --quick    small sizes, for a smoke check
#   benches/run.sh --skip-build [bench.py options...]   reuse the existing binaries
#
# Steps: install lua5.4, luajit, python3 and golang-go with apt-get when missing; build
# teras with `cargo build --release -p teras` (into $CARGO_TARGET_DIR or target/); compile
# each NAME.rs with `rustc -O` and each NAME.go with `go build` (as NAME_go) into
# benches/build/; then bench.py runs everything, checks
# that all outputs agree and prints the Markdown table. A teras that does not build
# or fails on a program shows up as "fail" in the table; the script keeps going.
# Every other option is passed to bench.py (see `python3 benches/bench.py --help`).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

skip_build=0
pass=()
for a in "$@"; do
    case "$a" in
        --skip-build) skip_build=1 ;;
        -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) pass+=("$a") ;;
    esac
done

log() { printf '==> %s\n' "$*" >&2; }

# 1. Interpreters.
missing=()
command -v lua5.4 >/dev/null 2>&1 || missing+=(lua5.4)
command -v luajit >/dev/null 2>&1 || missing+=(luajit)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
if [ "${#missing[@]}" -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1; then
        sudo=""
        if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
        log "installing ${missing[*]} with apt-get"
        $sudo apt-get update -qq || log "warning: apt-get update failed"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" \
            || log "warning: could not install ${missing[*]}; their columns will read n/a"
    else
        log "warning: no apt-get; install ${missing[*]} yourself (their columns will read n/a)"
    fi
fi
if ! command -v python3 >/dev/null 2>&1; then
    log "error: python3 is required to run the benchmark driver (benches/bench.py)"
    exit 1
fi

# 2. teras, release build.
target_dir="${CARGO_TARGET_DIR:-$root/target}"
teras_bin="${TERAS_BIN:-$target_dir/release/teras}"
if [ "$skip_build" -eq 0 ] && [ -z "${TERAS_BIN:-}" ]; then
    log "building teras: cargo build --release -p teras (target dir $target_dir)"
    if ! (cd "$root" && cargo build --release -p teras); then
        if [ -x "$teras_bin" ]; then
            log "warning: the teras build failed; measuring the OLD binary $teras_bin"
        else
            log "warning: the teras build failed; the teras column will read fail"
        fi
    fi
fi

# 3. Native Rust oracles: the same .rs files, compiled by rustc -O.
build="$here/build"
mkdir -p "$build"
if [ "$skip_build" -eq 0 ]; then
    for src in "$here"/*.rs; do
        name="$(basename "$src" .rs)"
        if [ ! -x "$build/$name" ] || [ "$src" -nt "$build/$name" ]; then
            log "rustc -O $name.rs"
            rustc -O --edition 2021 -o "$build/$name" "$src" \
                || log "warning: rustc failed on $name.rs; the rust column will read fail"
        fi
    done
    if command -v go >/dev/null 2>&1; then
        for src in "$here"/*.go; do
            [ -e "$src" ] || continue
            name="$(basename "$src" .go)"
            if [ ! -x "$build/${name}_go" ] || [ "$src" -nt "$build/${name}_go" ]; then
                log "go build $name.go"
                (cd "$build" && GOCACHE="${GOCACHE:-$build/.gocache}" go build -o "$build/${name}_go" "$src") \
                    || log "warning: go build failed on $name.go; the go column will read fail"
            fi
        done
    fi
    # Native baselines with crates (crossbeam-channel): benches/native, as NAME_cb.
    if command -v cargo >/dev/null 2>&1; then
        log "cargo build --release (benches/native: crossbeam-channel baselines)"
        if (cd "$here/native" && cargo build --release --quiet --target-dir "$build/native-target"); then
            for exe in "$build"/native-target/release/*_cb; do
                [ -x "$exe" ] && cp "$exe" "$build/"
            done
        else
            log "warning: benches/native did not build; the rust-cb column will read n/a"
        fi
    fi
fi

# 4. Measure and print the table.
exec python3 "$here/bench.py" --teras "$teras_bin" --build-dir "$build" "${pass[@]}"
