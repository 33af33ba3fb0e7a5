# Threads benchmark 2 (see threads_cpu.rs): a CPU-bound loop split over T threads.
# CPython's global interpreter lock lets only one thread run Python code at a time.
import sys
import threading

P = 1_000_000_007


def part(lo, hi, out, k):
    acc = 0
    for i in range(lo, hi):
        acc += i % 1000 * 3 + 1
        if acc >= P:
            acc -= P
    out[k] = acc


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    t = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    out = [0] * t
    threads = [threading.Thread(target=part, args=(n * k // t, n * (k + 1) // t, out, k)) for k in range(t)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    total = 0
    for r in out:
        total = (total + r) % P
    print(f"threads_cpu({n}) = {total}")


main()
