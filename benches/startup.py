"""Benchmark: start-up (same program as startup.rs)."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1
print(f"startup {n}")
