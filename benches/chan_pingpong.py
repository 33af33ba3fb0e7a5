# Channels benchmark 1 in Python: ping-pong between two threads over two queue.Queue.
import sys
import threading
import queue


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    ping, pong = queue.Queue(), queue.Queue()

    def echo():
        for _ in range(n):
            pong.put(ping.get() + 1)

    t = threading.Thread(target=echo)
    t.start()
    v = 0
    for _ in range(n):
        ping.put(v)
        v = pong.get()
    t.join()
    print(f"chan_pingpong({n}) = {v}")


main()
