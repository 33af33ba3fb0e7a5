# Channels benchmark 2 in Python: N integers through a queue.Queue(maxsize=1024).
import sys
import threading
import queue


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
    q = queue.Queue(maxsize=1024)

    def produce():
        for i in range(n):
            q.put(i)

    t = threading.Thread(target=produce)
    t.start()
    s = 0
    for _ in range(n):
        s += q.get()
    t.join()
    print(f"chan_throughput({n}) = {s}")


main()
