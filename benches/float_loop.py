"""Benchmark 3: Leibniz series for pi (same program as float_loop.rs)."""
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    total = 0.0
    sign = 1.0
    for k in range(n):
        total += sign / (2.0 * k + 1.0)
        sign = -sign
    print(f"float_loop({n}) = {4.0 * total:.12f}")


main()
