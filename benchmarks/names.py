"""How long the name gazetteers take to load, and a lookup, in a fresh process on one core.

    python benchmarks/names.py

Issue 4's targets: loading under 300 ms, a lookup under 20 µs. The reference is a plain dict lookup
over the same keys, timed in the same run, to show what a lookup costs beyond hashing.
"""

from __future__ import annotations

import subprocess
import sys
import time

QUERIES = ["가목사", "습근평", "조양", "习近平", "Jiamusi", "훈춘", "룡강", "자무쓰", "연길", "대상"]


def load_ms() -> float:
    code = ("import time; t = time.perf_counter(); from yalu import names; names.index(); "
            "print((time.perf_counter() - t) * 1000)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return sorted(runs)[len(runs) // 2]


def main() -> None:
    from yalu import names

    keys, _ = names.index()
    rounds = 20000
    start = time.perf_counter()
    for _ in range(rounds):
        for q in QUERIES:
            names.lookup(q)
    ours = (time.perf_counter() - start) / (rounds * len(QUERIES)) * 1e6
    start = time.perf_counter()
    for _ in range(rounds):
        for q in QUERIES:
            keys.get(q)
    plain = (time.perf_counter() - start) / (rounds * len(QUERIES)) * 1e6
    print(f"load (fresh process, median of 5): {load_ms():8.1f} ms")
    print(f"lookup, mean over {len(QUERIES)} queries:   {ours:8.2f} µs")
    print(f"dict.get on the same index:          {plain:8.3f} µs")


if __name__ == "__main__":
    main()
