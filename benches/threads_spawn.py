# Threads benchmark 1 (see threads_spawn.rs): spawn N threads, join them, sum results.
import sys
import threading


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    results = [0] * n

    def work(i):
        results[i] = i * 2 + 1

    threads = []
    for i in range(n):
        t = threading.Thread(target=work, args=(i,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    print(f"threads_spawn({n}) = {sum(results)}")


main()
