"""``scripts/mutate.py``: arguments, the documents to run, the printed tables and the CSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from mutation.harness import DocumentRun, run_document
from mutation.report import document_table, excluded_table, kind_table, misses_table, write_csv
from mutation.source import load_source

SUFFIXES = (".pdf", ".txt", ".md")


def documents(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            # a folder's README describes the folder; it is no disclosure
            out += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                          and not p.name.upper().startswith("README"))
        else:
            out.append(path)
    return out


def run_path(args: tuple[str, int | None, int]) -> DocumentRun:
    path, sample, seed = args
    return run_document(load_source(path), sample=sample, seed=seed)


def run_all(paths: list[Path], sample: int | None, seed: int, jobs: int = 1, quiet: bool = False) -> list[DocumentRun]:
    tasks = [(str(p), sample, seed) for p in paths]
    if jobs > 1 and len(tasks) > 1:
        from multiprocessing import get_context

        with get_context("spawn").Pool(jobs) as pool:
            return pool.map(run_path, tasks, chunksize=1)
    runs = []
    for task in tasks:
        runs.append(run_path(task))
        if not quiet:
            print(f"  {Path(task[0]).name}: {len(runs[-1].outcomes)} slips in {runs[-1].seconds:.1f}s", file=sys.stderr)
    return runs


def print_report(runs: list[DocumentRun], title: str, top: int = 20) -> None:
    outcomes = [o for run in runs for o in run.outcomes]
    print(document_table(runs))
    print(excluded_table(runs))
    print()
    print(kind_table(outcomes, f"{title}: detection per claim kind"))
    print()
    print(misses_table(outcomes, top))


def main(argv: list[str], description: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mutate.py", description=description or __doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="documents or folders (.pdf .txt .md)")
    parser.add_argument("--sample", type=int, default=None, help="numbers drawn per document (seeded; 0: every number)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--csv", default=None, help="write every slip here")
    parser.add_argument("--top", type=int, default=20, help="classes of misses listed")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="documents checked in parallel")
    args = parser.parse_args(argv)
    paths = documents(args.paths)
    if not paths:
        print("no documents", file=sys.stderr)
        return 2
    runs = run_all(paths, args.sample or None, args.seed, args.jobs)  # --sample 0: every number, as the benchmark reads it
    print_report(runs, "all documents", args.top)
    if args.csv:
        write_csv(args.csv, [o for run in runs for o in run.outcomes])
    return 0
