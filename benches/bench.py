#!/usr/bin/env python3
"""Run the teras benchmarks side by side and print a Markdown table of medians.

Each workload in this directory exists as NAME.rs (a TERAS program that is also
valid Rust; `rustc -O` builds the native oracle from the same file), NAME.lua
(runs on Lua 5.4 and LuaJIT, the latter also with its JIT off: `luajit -joff`,
column luajit-i, the best interpreter without a JIT at hand) and NAME.py. This script runs every implementation
BENCH_RUNS times (rounds interleave the implementations so that a burst of
machine load hits them all alike), measures wall time with time.perf_counter
around subprocess, checks that every implementation prints exactly what the
native Rust binary prints, and prints:

    benchmark | teras | lua5.4 | luajit | luajit-i | python3 | go | rust | rust-cb | teras/rust | teras/lua | python/teras

A missing or failing implementation is a "fail" (or "n/a" when the interpreter
is not installed) in its cell, never an abort, so the table is useful before the
VM runs everything. Exit status: 0, or 1 when some output disagreed with rust's.

Usually called by run.sh, which installs the interpreters and builds teras and
the Rust binaries first. Standalone:
    python3 bench.py --teras ../target/release/teras --build-dir build [--quick]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (full size, quick size); the size is the program's first argument.
WORKLOADS = [
    ("fib", "32", "24"),
    # Start-up: a program that does nothing (issue 3: teras's prelude is compiled lazily).
    ("startup", "1", "1"),
    ("int_loop", "100000000", "1000000"),
    ("float_loop", "10000000", "100000"),
    ("binary_trees", "16", "8"),
    ("strings", "1000000", "20000"),
    # Threads (issue 4, item 10): no Lua versions (Lua has no threads).
    ("threads_spawn", "10000", "1000"),
    ("threads_cpu_1", "20000000", "200000"),
    ("threads_cpu_2", "20000000", "200000"),
    # Channels (issue 4, item 10): rust-cb is native Rust with crossbeam-channel.
    ("chan_pingpong", "100000", "2000"),
    ("chan_throughput", "10000000", "100000"),
    # Sync (issue 4, item 10): two threads contending for one mutex.
    ("mutex_contention", "5000000", "50000"),
]

# Workloads that run another workload's files with extra arguments after the size.
WORKLOAD_FILE = {"threads_cpu_1": "threads_cpu", "threads_cpu_2": "threads_cpu"}
WORKLOAD_EXTRA = {"threads_cpu_1": ["1"], "threads_cpu_2": ["2"]}

IMPLS = ["teras", "lua5.4", "luajit", "luajit-i", "python3", "go", "rust", "rust-cb"]
# Implementations that may be absent (their cells read n/a, not fail).
OPTIONAL_IMPLS = ("lua5.4", "luajit", "luajit-i", "python3", "go", "rust-cb")

# Issue 4's targets for the thread benchmarks.
SPAWN_TARGET = 1.5  # threads_spawn: teras time <= 1.5 x native Rust
SPEEDUP_TARGET = 1.8  # threads_cpu: 1 thread / 2 threads >= 1.8
CHAN_TARGETS = {"chan_pingpong": 1.5, "chan_throughput": 5.0}  # teras time <= x native Rust
CHAN_TARGETS["mutex_contention"] = 5.0  # the same kind of target (teras time <= 5 x native Rust)

# The targets for the VM without a JIT (issue 3, item 8).
LUA_TARGET = 1.5  # teras time <= 1.5 x Lua 5.4 time, on these workloads
LUA_TARGET_WORKLOADS = ("fib", "int_loop")
PYTHON_TARGET = 2.0  # python3 time >= 2 x teras time, on every workload


@dataclass
class Result:
    """What one implementation did on one workload."""

    times_ms: List[float] = field(default_factory=list)
    output: Optional[str] = None
    status: str = "ok"  # ok | fail | n/a | mismatch
    detail: str = ""

    def median(self) -> Optional[float]:
        if self.status in ("ok", "mismatch") and self.times_ms:
            return statistics.median(self.times_ms)
        return None


def command_for(impl: str, name: str, size: str, args) -> Optional[List[str]]:
    """The command line that runs `name` with `impl`, or None when unavailable (the
    interpreter is not installed, or the workload has no version in that language)."""
    file = WORKLOAD_FILE.get(name, name)
    extra = WORKLOAD_EXTRA.get(name, [])
    if impl == "teras":
        return [args.teras, "run", os.path.join(HERE, file + ".rs"), size] + extra
    if impl == "rust":
        return [os.path.join(args.build_dir, file), size] + extra
    if impl == "rust-cb":
        # Built from benches/native (crossbeam-channel) by run.sh; only some workloads have one.
        exe = os.path.join(args.build_dir, file + "_cb")
        return [exe, size] + extra if os.path.exists(exe) else None
    if impl == "go":
        if not os.path.exists(os.path.join(HERE, file + ".go")):
            return None
        return [os.path.join(args.build_dir, file + "_go"), size] + extra
    if impl in ("lua5.4", "luajit", "luajit-i"):
        # luajit-i: LuaJIT's interpreter alone (`-joff`), a reference for an interpreter
        # without a JIT (issue 3's targets are for teras's VM without one).
        exe = shutil.which("luajit" if impl == "luajit-i" else impl)
        src = os.path.join(HERE, file + ".lua")
        flags = ["-joff"] if impl == "luajit-i" else []
        return [exe] + flags + [src, size] + extra if exe and os.path.exists(src) else None
    if impl == "python3":
        src = os.path.join(HERE, file + ".py")
        return [args.python, src, size] + extra if os.path.exists(src) else None
    return None


def unavailable_reason(impl: str, cmd: Optional[List[str]]) -> Optional[str]:
    """Why `cmd` cannot run at all (missing binary), or None."""
    if cmd is None:
        return f"{impl} is not installed or has no version of this workload"
    exe = cmd[0]
    if os.sep in exe:
        if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
            return f"{exe} does not exist (build failed or not built yet)"
    elif shutil.which(exe) is None:
        return f"{exe} is not on PATH"
    return None


def run_once(cmd: List[str], timeout: float):
    """Run cmd once; return (elapsed ms, stdout, None) or (None, None, error)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, None, f"timed out after {timeout:g} s"
    except OSError as err:
        return None, None, f"could not start: {err}"
    elapsed = (time.perf_counter() - start) * 1000.0
    out = proc.stdout.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", errors="replace").strip()
        lines = err.splitlines()
        if len(lines) > 25:
            lines = lines[:25] + [f"... ({len(lines) - 25} more lines)"]
        msg = f"exit code {proc.returncode}"
        if lines:
            msg += "; stderr:\n" + "\n".join(lines)
        if out.strip():
            msg += "\nstdout:\n" + out.strip()[:2000]
        return None, None, msg
    return elapsed, out, None


def first_difference(expected: str, got: str) -> str:
    """A short description of where two outputs first differ."""
    exp_lines, got_lines = expected.splitlines(), got.splitlines()
    for i in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[i] if i < len(exp_lines) else "<end of output>"
        g = got_lines[i] if i < len(got_lines) else "<end of output>"
        if e != g:
            return f"line {i + 1}: expected {e!r}, got {g!r}"
    return "outputs differ only in trailing newline/whitespace"


def fmt_ms(res: Result) -> str:
    if res.status == "n/a":
        return "n/a"
    if res.status == "fail":
        return "fail"
    med = res.median()
    if med is None:
        return "fail"
    text = f"{med:.0f}" if med >= 10 else f"{med:.1f}"
    return text + (" MISMATCH" if res.status == "mismatch" else "")


def ratio(num: Optional[float], den: Optional[float]) -> Optional[float]:
    if num is None or den is None or den <= 0:
        return None
    return num / den


def fmt_ratio(r: Optional[float]) -> str:
    if r is None:
        return "-"
    return f"{r:.2f}x" if r < 100 else f"{r:.0f}x"


def verdict(value: Optional[float], ok: bool) -> str:
    if value is None:
        return "not measured"
    return "met" if ok else "NOT met"


def tool_version(cmd: List[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    text = (proc.stdout or proc.stderr).decode("utf-8", errors="replace").strip()
    return text.splitlines()[0] if text else "unknown"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--teras", default=os.environ.get("TERAS_BIN", ""),
                   help="path of the teras binary (default: $TERAS_BIN)")
    p.add_argument("--build-dir", default=os.path.join(HERE, "build"),
                   help="where run.sh put the rustc -O binaries")
    p.add_argument("--python", default=shutil.which("python3") or sys.executable,
                   help="python3 interpreter to benchmark")
    p.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")),
                   help="runs per implementation (default: $BENCH_RUNS or 5)")
    p.add_argument("--timeout", type=float,
                   default=float(os.environ.get("BENCH_TIMEOUT", "300")),
                   help="seconds before one run counts as failed (default 300)")
    p.add_argument("--quick", action="store_true", help="small sizes, for smoke checks")
    p.add_argument("--only", default="",
                   help="comma-separated workloads to run (default: all)")
    p.add_argument("--impls", default=",".join(IMPLS),
                   help="comma-separated implementations (default: all)")
    p.add_argument("--output", default="", help="also write the Markdown report here")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if not args.teras:
        args.teras = os.path.join(os.path.dirname(HERE), "target", "release", "teras")
    return args


def main(argv) -> int:
    args = parse_args(argv)
    only = [w for w in args.only.split(",") if w]
    impls = [i for i in args.impls.split(",") if i]
    for impl in impls:
        if impl not in IMPLS:
            print(f"unknown implementation {impl!r}; known: {', '.join(IMPLS)}", file=sys.stderr)
            return 2
    workloads = [w for w in WORKLOADS if not only or w[0] in only]
    if not workloads:
        print(f"no workload matches --only {args.only!r}", file=sys.stderr)
        return 2

    results = {}  # (workload, impl) -> Result
    cmds = {}
    for name, full, quick in workloads:
        size = quick if args.quick else full
        for impl in impls:
            cmd = command_for(impl, name, size, args)
            res = Result()
            reason = unavailable_reason(impl, cmd)
            if reason:
                res.status = "n/a" if impl in OPTIONAL_IMPLS else "fail"
                res.detail = reason
            results[(name, impl)] = res
            cmds[(name, impl)] = cmd

    mode = "quick" if args.quick else "full"
    print(f"# teras benchmarks ({mode} sizes, {args.runs} runs each, median wall time)",
          file=sys.stderr)
    for rnd in range(args.runs):
        for name, _full, _quick in workloads:
            for impl in impls:
                res = results[(name, impl)]
                if res.status != "ok":
                    continue  # unavailable or already failed: do not retry
                elapsed, out, err = run_once(cmds[(name, impl)], args.timeout)
                if err is not None:
                    res.status = "fail"
                    res.detail = f"run {rnd + 1}: {err}"
                    summary = " | ".join([l.strip() for l in err.splitlines() if l.strip()][:3])
                    print(f"  {name:13} {impl:8} FAILED: {summary}", file=sys.stderr)
                    continue
                if res.output is None:
                    res.output = out
                elif out != res.output:
                    res.status = "fail"
                    res.detail = (f"output changed between runs: "
                                  f"{first_difference(res.output, out)}")
                    continue
                res.times_ms.append(elapsed)
                print(f"  round {rnd + 1}/{args.runs}  {name:13} {impl:8} {elapsed:10.1f} ms",
                      file=sys.stderr)

    # Cross-check every output against the native Rust binary's (the oracle);
    # without rust, against the first implementation that ran.
    mismatches = []
    for name, _full, _quick in workloads:
        ref_impl = "rust" if results.get((name, "rust"), Result(status="n/a")).status == "ok" \
            else next((i for i in impls if results[(name, i)].status == "ok"), None)
        if ref_impl is None:
            continue
        expected = results[(name, ref_impl)].output or ""
        for impl in impls:
            res = results[(name, impl)]
            if impl != ref_impl and res.status == "ok" and res.output != expected:
                res.status = "mismatch"
                res.detail = (f"output differs from {ref_impl}'s: "
                              f"{first_difference(expected, res.output or '')}")
                mismatches.append((name, impl, res.detail))

    lines = []
    lines.append(f"Machine: {cpu_model()}, {os.cpu_count()} CPUs. Sizes: {mode}. "
                 f"Median of {args.runs} runs, wall time in ms.")
    lines.append("")
    header = ["benchmark"] + IMPLS + ["teras/rust", "teras/lua", "python/teras"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    targets = []
    for name, full, quick in workloads:
        size = quick if args.quick else full
        row = [f"{name}({size})"]
        for impl in IMPLS:
            res = results.get((name, impl))
            row.append(fmt_ms(res) if res else "-")

        def med(impl, name=name):
            res = results.get((name, impl))
            return res.median() if res and res.status == "ok" else None

        t, lua, py, rs = med("teras"), med("lua5.4"), med("python3"), med("rust")
        t_lua, py_t = ratio(t, lua), ratio(py, t)
        row += [fmt_ratio(ratio(t, rs)), fmt_ratio(t_lua), fmt_ratio(py_t)]
        lines.append("| " + " | ".join(row) + " |")
        if name in CHAN_TARGETS:
            t_rs = ratio(t, rs)
            targets.append(f"- {name}: teras/rust = {fmt_ratio(t_rs)} "
                           f"(target <= {CHAN_TARGETS[name]}x): "
                           + verdict(t_rs, t_rs is not None and t_rs <= CHAN_TARGETS[name]))
            continue
        if name.startswith("threads_"):
            if name == "threads_spawn":
                t_rs = ratio(t, rs)
                targets.append(f"- threads_spawn: teras/rust = {fmt_ratio(t_rs)} "
                               f"(target <= {SPAWN_TARGET}x): "
                               + verdict(t_rs, t_rs is not None and t_rs <= SPAWN_TARGET))
            continue
        if name in LUA_TARGET_WORKLOADS:
            targets.append(f"- {name}: teras/lua = {fmt_ratio(t_lua)} (target <= {LUA_TARGET}x): "
                           + verdict(t_lua, t_lua is not None and t_lua <= LUA_TARGET))
        targets.append(f"- {name}: python/teras = {fmt_ratio(py_t)} "
                       f"(target >= {PYTHON_TARGET}x): "
                       + verdict(py_t, py_t is not None and py_t >= PYTHON_TARGET))
        # What the best interpreters at hand reach on the same workload, for scale.
        refs = [(label, ratio(py, med(impl))) for label, impl in
                (("LuaJIT's interpreter (-joff)", "luajit-i"), ("LuaJIT with its JIT", "luajit"))]
        refs = [f"{label} {fmt_ratio(r)}" for label, r in refs if r is not None]
        if refs:
            targets.append(f"  (python3's time over theirs in the same run: {', '.join(refs)})")

    speedups = []
    for impl in IMPLS:
        one, two = results.get(("threads_cpu_1", impl)), results.get(("threads_cpu_2", impl))
        if one and two and one.status == "ok" and two.status == "ok":
            speedups.append((impl, ratio(one.median(), two.median())))
    if speedups:
        lines.append("")
        lines.append("Parallel speedup of threads_cpu (time on 1 thread / time on 2 threads): "
                     + ", ".join(f"{impl} {fmt_ratio(sp)}" for impl, sp in speedups) + ".")
        sp = dict(speedups).get("teras")
        targets.append(f"- threads_cpu: teras speedup on 2 threads = {fmt_ratio(sp)} "
                       f"(target >= {SPEEDUP_TARGET}x): "
                       + verdict(sp, sp is not None and sp >= SPEEDUP_TARGET))

    lines.append("")
    lines.append("Versions: "
                 + "; ".join([
                     f"teras: {tool_version([args.teras, '--version'])}",
                     f"lua5.4: {tool_version(['lua5.4', '-v'])}",
                     f"luajit: {tool_version(['luajit', '-v'])}",
                     f"python3: {tool_version([args.python, '--version'])}",
                     f"go: {tool_version(['go', 'version'])}",
                     f"rustc: {tool_version(['rustc', '--version'])}",
                 ]))
    lines.append("")
    lines.append("Targets (issue 3, item 8; thread benchmarks: issue 4, item 10):")
    lines.extend(targets)

    problems = [(n, i, r.detail) for (n, i), r in results.items()
                if r.status in ("fail", "mismatch")]
    if problems:
        lines.append("")
        lines.append("Failures and mismatches:")
        for name, impl, detail in problems:
            lines.append(f"- {name} / {impl}: " + detail.replace("\n", "\n    "))
    report = "\n".join(lines)
    print(report)

    if mismatches:
        bar = "!" * 72
        print(f"\n{bar}\nOUTPUT MISMATCH: these implementations printed something else than "
              f"native Rust:", file=sys.stderr)
        for name, impl, detail in mismatches:
            print(f"  {name} / {impl}: {detail}", file=sys.stderr)
        print(bar, file=sys.stderr)

    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(report + "\n")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
