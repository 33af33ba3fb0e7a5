#!/usr/bin/env python3
"""Compare two teras binaries side by side with lua5.4 and python3 on the sequential workloads.

Usage: python3 benches/interleave.py BASE_TERAS NEW_TERAS [ROUNDS]

Each round runs every workload once per implementation, in turn (base, new, lua, python), so
machine noise falls on all of them alike; the table gives the median wall time in ms over the
rounds. bench.py measures one teras binary against every implementation; this script exists
for before/after comparisons of the interpreter itself.
"""
import statistics
import subprocess
import sys
import time

WORKLOADS = [("startup", "1"), ("fib", "32"), ("int_loop", "100000000"), ("float_loop", "10000000"),
             ("binary_trees", "16"), ("strings", "1000000")]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, new = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    impls = {
        "base": lambda b, n: [base, "run", f"benches/{b}.rs", n],
        "new": lambda b, n: [new, "run", f"benches/{b}.rs", n],
        "lua": lambda b, n: ["lua5.4", f"benches/{b}.lua", n],
        "python": lambda b, n: ["python3", f"benches/{b}.py", n],
    }
    times = {}
    for _ in range(rounds):
        for b, n in WORKLOADS:
            for k, cmd in impls.items():
                t = time.perf_counter()
                subprocess.run(cmd(b, n), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                times.setdefault((b, k), []).append((time.perf_counter() - t) * 1000)
    print("| benchmark | base teras | new teras | lua5.4 | python3 | new/lua | python/new | new/base |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for b, n in WORKLOADS:
        m = {k: statistics.median(times[(b, k)]) for k in impls}
        print(f"| {b}({n}) | {m['base']:.0f} | {m['new']:.0f} | {m['lua']:.0f} | {m['python']:.0f} "
              f"| {m['new'] / m['lua']:.2f}x | {m['python'] / m['new']:.2f}x | {m['new'] / m['base']:.2f}x |")


if __name__ == "__main__":
    main()
