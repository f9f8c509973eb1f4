"""Print the wall time of `newsgold leaderboard` from a cold and from a warm prediction cache
(target on 2 cores: cold under 2 minutes).

Each run is a fresh `newsgold leaderboard --quiet` process writing its reports into a temporary
folder, with the prediction cache in a temporary folder (``NEWSGOLD_CACHE``): empty for the cold
run, filled by it for the warm one. Besides the wall time it prints the CPU seconds of the
process and all its children (other load on the machine stretches the wall time, not the CPU
time), the load average when the run started, the seconds spent running and scoring (from the
report) against the rest (start-up and writing the reports), and the extractors that spent the
most seconds on pages.

Usage: python benchmarks/bench_leaderboard.py [leaderboard options, e.g. --workers 2 --only X]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], cache: Path, out: Path) -> dict:
    """One leaderboard process: wall and CPU seconds, load average, and its JSON report."""
    load = os.getloadavg()[0]
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(["newsgold", "leaderboard", "--quiet", "--out", str(out), *args], check=True,
                   env={**os.environ, "NEWSGOLD_CACHE": str(cache)}, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    report = json.loads((out / "leaderboard.json").read_text(encoding="utf-8"))
    return {"wall": wall, "cpu": children_cpu() - cpu, "load": load, "report": report}


def describe(label: str, figures: dict) -> None:
    report = figures["report"]
    running = report["run"]["seconds"]
    print(f"{label:5s} wall {figures['wall']:6.1f} s | CPU {figures['cpu']:6.1f} s | load average "
          f"at start {figures['load']:.1f} | running and scoring {running:6.1f} s, start-up and "
          f"reports {figures['wall'] - running:5.1f} s")


def main() -> None:
    args = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="bench-leaderboard-") as tmp:
        cache, out = Path(tmp) / "cache", Path(tmp) / "reports"
        cold = run(args, cache, out)
        warm = run(args, cache, out)
    report = cold["report"]
    print(f"{' '.join(['newsgold leaderboard', *args])}: {len(report['extractors'])} extractors, "
          f"{report['dataset']['documents']} documents ({report['dataset']['config']}/"
          f"{report['dataset']['split']}), {report['settings']['workers']} workers, "
          f"{os.cpu_count()} CPUs")
    describe("cold", cold)
    describe("warm", warm)
    slowest = sorted(report["extractors"], key=lambda e: -(e["runtime"]["total"] or 0))[:5]
    print("page seconds in the cold run (slowest extractors): " + ", ".join(
        f"{e['name']} {e['runtime']['total'] or 0:.1f} s" for e in slowest))
    failed = [e for e in warm["report"]["extractors"] if e["problems"]["error"]["count"]]
    if failed:
        print("pages run again in the warm run (failures are not cached): " + ", ".join(
            f"{e['name']} {e['problems']['error']['count']}" for e in failed))


if __name__ == "__main__":
    main()
