"""Benchmark 2: a tight integer loop (same program as int_loop.rs)."""
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000
    acc = 0
    for i in range(n):
        acc += i * 3 + 1
        if acc >= 1_000_000_007:
            acc -= 1_000_000_007
    print(f"int_loop({n}) = {acc}")


main()
