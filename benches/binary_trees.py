"""Benchmark 4: binary-trees (same program as binary_trees.rs); a node is a
tuple (left, right), a leaf is (None, None)."""
import sys


def bottom_up(depth):
    if depth > 0:
        return (bottom_up(depth - 1), bottom_up(depth - 1))
    return (None, None)


def check(node):
    total = 1
    left, right = node
    if left is not None:
        total += check(left)
    if right is not None:
        total += check(right)
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    min_depth = 4
    max_depth = max(min_depth + 2, n)

    stretch_depth = max_depth + 1
    print(f"stretch tree of depth {stretch_depth}\t check: {check(bottom_up(stretch_depth))}")

    long_lived = bottom_up(max_depth)

    depth = min_depth
    while depth <= max_depth:
        iterations = 1
        for _ in range(max_depth - depth + min_depth):
            iterations *= 2
        total = 0
        for _ in range(iterations):
            total += check(bottom_up(depth))
        print(f"{iterations}\t trees of depth {depth}\t check: {total}")
        depth += 2

    print(f"long lived tree of depth {max_depth}\t check: {check(long_lived)}")


main()
