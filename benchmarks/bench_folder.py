"""Benchmark: folder review throughput (documents per minute) on 1 core and on N.

    python benchmarks/bench_folder.py [DIR] [--cores 1,2] [--warm]

Runs ``tui-review check DIR --output <tmp> --jobs C`` as a user does, start-up included, once per
core count C, the run (and every process it starts) pinned to the first C cores of the machine
(``sched_setaffinity``), and prints documents, wall time, CPU time, documents per minute and the
speed-up over one core. Pinning matters: one document's PDF is already read by two page-reading
processes (``parsers.pdf.WORKERS``), so ``--jobs 1`` alone uses both cores of a two-core machine.
Each run has its own empty parse cache (``XDG_CACHE_HOME`` in a temporary folder), so every
document is parsed from scratch — what a reviewer sees on a folder the tool has not read yet;
``--warm`` parses once first and measures the runs on the filled cache (checks only). The cross
checks at the end read the linked documents from the cache the run itself filled. DIR defaults to
``../shared/real`` beside the checkout, else the bundled ``sample_docs``.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_folder() -> Path:
    shared = ROOT.parent.parent / "shared" / "real"
    return shared if shared.is_dir() else ROOT / "sample_docs"


def run(folder: Path, jobs: int, cache: Path) -> tuple[float, float, int, int, int]:
    """Wall seconds, CPU seconds (every process of the run), documents in the summary, unreadable
    documents, exit status; on the first ``jobs`` cores, ``jobs`` documents at a time."""
    cores = sorted(os.sched_getaffinity(0))[:jobs]
    out = Path(tempfile.mkdtemp(prefix="bench_folder_out_"))
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), HOME=str(cache))
    try:
        started, cpu_before = time.perf_counter(), _children_cpu()
        done = subprocess.run(
            [sys.executable, "-m", "tui_review", "check", str(folder), "--output", str(out), "--jobs", str(jobs), "--force"],
            env=env, capture_output=True, text=True, cwd=ROOT, preexec_fn=lambda: os.sched_setaffinity(0, cores),
        )
        wall, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
        summary = out / "summary.csv"
        if not summary.exists():
            raise SystemExit(f"no summary written (exit {done.returncode}): {done.stderr[-400:]}")
        rows = list(csv.DictReader(io.StringIO(summary.read_text(encoding="utf-8-sig"))))
        return wall, cpu, len(rows), sum(1 for r in rows if r["unreadable"]), done.returncode
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=default_folder())
    parser.add_argument("--cores", default="1,2", help="comma-separated core counts (default 1,2); as many jobs")
    parser.add_argument("--warm", action="store_true", help="measure on a filled parse cache (checks only)")
    args = parser.parse_args()
    counts = [int(c) for c in args.cores.split(",")]
    print(f"folder: {args.folder}  ({os.cpu_count()} CPUs, cache {'warm' if args.warm else 'cold'})")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'cores':>5} {'docs':>5} {'unreadable':>10} {'wall s':>8} {'cpu s':>7} {'docs/min':>9} {'speed-up':>9} {'exit':>4}")
    first_rate = None
    shared_cache = Path(tempfile.mkdtemp(prefix="bench_folder_cache_")) if args.warm else None
    try:
        if shared_cache is not None:
            run(args.folder, max(counts), shared_cache)  # fill the cache
        for jobs in counts:
            cache = shared_cache or Path(tempfile.mkdtemp(prefix="bench_folder_cache_"))
            try:
                wall, cpu, docs, unreadable, code = run(args.folder, jobs, cache)
            finally:
                if shared_cache is None:
                    shutil.rmtree(cache, ignore_errors=True)
            rate = docs / wall * 60
            first_rate = first_rate or rate
            print(f"{jobs:>5} {docs:>5} {unreadable:>10} {wall:>8.1f} {cpu:>7.1f} {rate:>9.1f} {rate / first_rate:>8.2f}x {code:>4}")
    finally:
        if shared_cache is not None:
            shutil.rmtree(shared_cache, ignore_errors=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("cpu s: user + system time of every process of the run; when it is far below cores × wall, the run was")
    print("starved of CPU by other work on the machine (a busy machine cannot show the speed-up of more processes)")


if __name__ == "__main__":
    main()
