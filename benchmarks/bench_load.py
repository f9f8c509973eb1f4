"""Print corpus load times: cold (empty datasets cache) and cached, each in a fresh process.

Usage: python benchmarks/bench_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

LOAD = (
    "import time, os; t=time.perf_counter(); import newsgold; "
    "d=newsgold.load_corpus(); n=sum(len(s) for s in d.values()); "
    "print(time.perf_counter()-t, n)"
)
IMPORT = "import time; t=time.perf_counter(); import datasets; print(time.perf_counter()-t, 0)"


def timed(code: str, cache: str) -> tuple[float, int]:
    env = {**os.environ, "HF_DATASETS_CACHE": cache, "HF_HUB_OFFLINE": "1",
           "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    cold, cached, imports = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            seconds, rows = timed(LOAD, cache)
            cold.append(seconds)
            cached.append(timed(LOAD, cache)[0])
            imports.append(timed(IMPORT, cache)[0])
    print(f"documents: {rows}; runs: {runs}; each figure is a fresh process (median, min-max)")
    for name, xs in (("import datasets", imports), ("load_corpus, cold cache", cold),
                     ("load_corpus, cached", cached)):
        print(f"{name:26s} {statistics.median(xs):6.3f} s  ({min(xs):.3f}-{max(xs):.3f})")


if __name__ == "__main__":
    main()
