"""Benchmark 1: naive recursive Fibonacci (same program as fib.rs)."""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    print(f"fib({n}) = {fib(n)}")


main()
