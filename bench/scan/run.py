"""Measure `trackplan scan` throughput in files per second, end to end.

    python bench/scan/run.py [--jobs 2] [--repeat 5] [--out bench/out/scan]

Generates two synthetic repositories with generate.py (each a git work tree, so files are
listed the way a real checkout is) and times the real command line on each, Python start-up
included:

- typical: 20,000 files, 5% of them call an SDK (target: at least 5,000 files/s);
- all-calls: 4,000 files, every one calls an SDK 1-3 times (target: at least 500 files/s).

Prints the best and the median of `--repeat` runs: on a shared machine the best run is the
one least disturbed by other work, the median shows the spread. A second table gives the
CPU time of one in-process scan with `--jobs 1` (files per CPU-second, start-up excluded):
a figure that other work on the machine barely moves.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCENARIOS = (
    # name, files, share of files with calls, target files/s
    ("typical", 20_000, 0.05, 5_000),
    ("all-calls", 4_000, 1.0, 500),
)


def prepare(out: Path, name: str, files: int, share: float) -> Path:
    target = out / name
    stamp = target / ".generated"
    wanted = f"{files} {share}\n"
    if not (stamp.is_file() and stamp.read_text() == wanted):
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                str(target),
                "--files",
                str(files),
                "--share",
                str(share),
            ],
            check=True,
        )
        subprocess.run(["git", "init", "-q", str(target)], check=True)
        stamp.write_text(wanted)
    return target


def time_scan(target: Path, jobs: int) -> float:
    command = [
        str(Path(sys.executable).with_name("trackplan")),
        "scan",
        str(REPO / "plans"),
        str(target),
        "--format",
        "json",
        "--jobs",
        str(jobs),
        "--fail-on",
        "never",
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode())
    return elapsed


def cpu_rate(target: Path) -> tuple[float, int]:
    """CPU seconds of one in-process scan with one worker, and the calls it found."""
    from trackplan.config import Settings
    from trackplan.loading.loader import load_plan
    from trackplan.scanning import scan_code

    plan = load_plan(REPO / "plans").plan
    start = time.process_time()
    report = scan_code(plan, Settings(root=target), [target], jobs=1)
    return time.process_time() - start, int(report.summary["calls_found"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "scan")
    args = parser.parse_args()
    print(f"trackplan scan, --jobs {args.jobs}, best and median of {args.repeat} runs")
    print(
        f"{'scenario':<10} {'files':>7} {'best s':>7} {'median s':>9} {'files/s':>8} {'target':>7}"
    )
    for name, files, share, target in SCENARIOS:
        folder = prepare(args.out, name, files, share)
        times = sorted(time_scan(folder, args.jobs) for _ in range(args.repeat))
        best, median = times[0], statistics.median(times)
        rate = files / best
        verdict = "ok" if rate >= target else f"missed by {1 - rate / target:.0%}"
        print(
            f"{name:<10} {files:>7} {best:>7.2f} {median:>9.2f} {rate:>8,.0f}"
            f" {target:>7,} {verdict}"
        )
    print()
    print("one process, --jobs 1, CPU time")
    print(f"{'scenario':<10} {'files':>7} {'calls':>7} {'cpu s':>7} {'files/cpu-s':>12}")
    for name, files, _, _ in SCENARIOS:
        cpu, calls = cpu_rate(args.out / name)
        print(f"{name:<10} {files:>7} {calls:>7} {cpu:>7.2f} {files / cpu:>12,.0f}")


if __name__ == "__main__":
    main()
