"""The `validate` benchmark: throughput against a plain orjson loop, wall time on all cores, peak RSS.

    python bench/validate/run.py [--messages 1000000] [--work /tmp/trackplan-bench-validate]

Generates the plan and log once (bench/validate/generate.py), then measures:

1. a plain one-core `orjson.loads` loop over the log (the yardstick);
2. `trackplan validate --jobs 1` and `--jobs N` (N = cores), end to end as a user runs it,
   with peak RSS; and the in-process throughput of the checking loop alone (no start-up);
3. peak RSS on a tenth of the log, to show memory does not grow with the input;

and checks that the planted violations are found exactly (every line and code, nothing else)
and that --jobs 1 and --jobs N print the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent
TRACKPLAN = [str(Path(sys.executable).parent / "trackplan")]


def orjson_loop(log: Path) -> float:
    start = time.perf_counter()
    with log.open("rb") as stream:
        for line in stream:
            try:  # noqa: SIM105 - the cheapest loop is the fairest yardstick
                orjson.loads(line)
            except orjson.JSONDecodeError:
                pass
    return time.perf_counter() - start


def run_validate(plan: Path, log: Path, jobs: int, *extra: str) -> tuple[float, bytes]:
    """Wall seconds and the JSON output of one run, as a user runs it."""
    start = time.perf_counter()
    done = subprocess.run(
        [*TRACKPLAN, "validate", str(plan), str(log), "--jobs", str(jobs), "--format", "json",
         *extra],
        capture_output=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"validate failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return wall, done.stdout


def peak_rss(plan: Path, log: Path, jobs: int) -> int:
    """Peak RSS in KiB via /usr/bin/time -v (max over the process and its workers)."""
    timer = Path("/usr/bin/time")
    if not timer.exists():
        return 0
    done = subprocess.run(
        [str(timer), "-v", *TRACKPLAN, "validate", str(plan), str(log), "--jobs", str(jobs),
         "--format", "json"],
        capture_output=True, check=False,
    )  # fmt: skip
    for line in done.stderr.decode().splitlines():
        if "Maximum resident set size" in line:
            return int(line.rsplit(":", 1)[1])
    return 0


def in_process_seconds(plan_dir: Path, log: Path) -> float:
    """The checking loop alone, one core, no interpreter start-up or imports."""
    from trackplan.loading.loader import load_plan
    from trackplan.validation.checking import Engine, Rules
    from trackplan.validation.inputs import make_source
    from trackplan.validation.split import Split

    engine = Engine(load_plan(plan_dir).plan, Rules())
    start = time.perf_counter()
    engine.check_log(make_source(log), Split())
    return time.perf_counter() - start


def check_planted(output: bytes, manifest: dict) -> str:
    found: dict[int, list[str]] = {}
    for diagnostic in json.loads(output)["diagnostics"]:
        found.setdefault(diagnostic["line"], []).append(diagnostic["code"])
    found = {line: sorted(codes) for line, codes in found.items()}
    planted = {int(line): sorted(codes) for line, codes in manifest["planted"].items()}
    if found == planted:
        return f"all {len(planted):,} planted violations found exactly, nothing else"
    missing = {k: v for k, v in planted.items() if found.get(k) != v}
    extra = {k: v for k, v in found.items() if planted.get(k) != v}
    return f"MISMATCH: {len(missing)} planted lines differ, {len(extra)} unexpected: {list(extra.items())[:5]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/trackplan-bench-validate"))
    args = parser.parse_args()
    work: Path = args.work / str(args.messages)
    manifest_path = work / "expected.json"
    if not manifest_path.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(work), "--messages", str(args.messages)],
                       check=True)  # fmt: skip
    manifest = json.loads(manifest_path.read_text())
    plan, log = work / "plan", work / "events.ndjson"
    size = log.stat().st_size
    cores = os.cpu_count() or 1
    count = manifest["messages"]
    print(
        f"log: {count:,} messages, {size / count:.0f} bytes each, {size / 2**20:.0f} MiB; {cores} cores"
    )

    yardstick = min(orjson_loop(log) for _ in range(2))
    print(f"orjson.loads loop, 1 core:        {yardstick:6.2f} s  {count / yardstick:10,.0f} msg/s")
    inner = min(in_process_seconds(plan, log) for _ in range(2))
    print(f"validate loop in-process, 1 core: {inner:6.2f} s  {count / inner:10,.0f} msg/s"
          f"  ratio {yardstick / inner:.2f}")  # fmt: skip
    one, out_one = run_validate(plan, log, 1)
    print(f"trackplan validate --jobs 1:      {one:6.2f} s  {count / one:10,.0f} msg/s"
          f"  ratio {yardstick / one:.2f} (start-up included)")  # fmt: skip
    many, out_many = run_validate(plan, log, cores)
    print(f"trackplan validate --jobs {cores}:      {many:6.2f} s  {count / many:10,.0f} msg/s")
    print("same output for --jobs 1 and --jobs", cores, ":", out_one == out_many)
    _, everything = run_validate(plan, log, cores, "--max-examples", "0")
    print("planted:", check_planted(everything, manifest))
    rss_one, rss_many = peak_rss(plan, log, 1), peak_rss(plan, log, cores)
    tenth = work / "tenth.ndjson"
    if not tenth.exists():
        with log.open("rb") as source, tenth.open("wb") as target:
            for number, line in enumerate(source):
                if number >= count // 10:
                    break
                target.write(line)
    rss_tenth = peak_rss(plan, tenth, 1)
    print(f"peak RSS: --jobs 1 {rss_one / 1024:.1f} MiB, --jobs {cores} {rss_many / 1024:.1f} MiB,"
          f" a tenth of the log {rss_tenth / 1024:.1f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
