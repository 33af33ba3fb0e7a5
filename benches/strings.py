"""Benchmark 5: strings and a hash map (same program as strings.rs)."""
import sys

SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to"]


def make_word(n):
    word = ""
    k = n + 1
    while k > 0:
        word += SYLLABLES[k % 8]
        k //= 8
    return word


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000

    counts = {}
    for i in range(n):
        word = make_word((i * 7919) % 10007)
        key = f"{word}-{i % 7}"
        counts[key] = counts.get(key, 0) + 1

    checksum = 0
    most = 0
    for key, count in counts.items():
        checksum = (checksum + len(key) * 31 * count + count) % 1_000_000_007
        if count > most:
            most = count

    parts = []
    for i in range(n // 10):
        parts.append(make_word(i))
        parts.append(" ")
    text = "".join(parts)

    print(f"strings({n}): distinct {len(counts)} most {most} checksum {checksum} text {len(text)}")


main()
