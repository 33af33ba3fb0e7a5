# Sync benchmark (see mutex_contention.rs): two threads contend for one threading.Lock, each
# adding 1 to the shared counter N times.
import sys
import threading


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000000
    lock = threading.Lock()
    counter = [0]

    def work():
        for _ in range(n):
            with lock:
                counter[0] += 1

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"mutex_contention({n}) = {counter[0]}")


main()
