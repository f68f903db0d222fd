"""Benchmark: the mutation harness's detection table for the seeds and the sample PDFs; print it.

    python benchmarks/bench_mutation.py [--sample 60] [--seed 0] [--real [DIR]] [--csv OUT.csv] [-j N]

Corpora: the seeds (``sample_docs/*.txt``, copies of ``../shared/seeds``), the sample PDFs
(``sample_docs/*.pdf``) and, with ``--real``, the real PDFs (``../shared/real`` or DIR or
``$TUI_REVIEW_REAL_DOCS``). Each document is parsed once and ``--sample`` of its checkable numbers
(seeded; ``--sample 0`` takes every number) each get a digit changed, two digits swapped, ×10 and a
deletion (``scripts/mutate.py``, ``scripts/mutation/``). Prints, per corpus, one row per document
and the rate per claim kind: ``localised`` (a new error or warning names the slipped figure),
``any`` (some new error or warning), ``as error``, ``+info`` (info findings too), ``checkable``
(localised of the slips not hidden by rounding), ``aside`` and ``decidable`` (localised of the slips
the document's words can decide, `mutation.honesty`); then the most common classes of misses.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from mutation.cli import print_report, run_all  # noqa: E402
from mutation.report import kind_table, write_csv  # noqa: E402

REAL = Path(os.environ.get("TUI_REVIEW_REAL_DOCS") or ROOT.parent / "shared" / "real")


def corpora(real: Path | None) -> dict[str, list[Path]]:
    out = {
        "seeds": sorted((ROOT / "sample_docs").glob("*.txt")),
        "sample PDFs": sorted((ROOT / "sample_docs").glob("*.pdf")),
    }
    if real is not None:
        out["real PDFs"] = sorted(real.rglob("*.pdf"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=60, help="numbers per document (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--real", nargs="?", const=REAL, type=Path, default=None)
    parser.add_argument("--csv", default=None)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args()
    sample = args.sample or None
    every = []
    summaries = []
    for name, paths in corpora(args.real).items():
        if not paths:
            print(f"{name}: no documents")
            continue
        started = time.perf_counter()
        runs = run_all(paths, sample, args.seed, args.jobs)
        print(f"\n=== {name}: {len(paths)} documents, {time.perf_counter() - started:.0f} s ===")
        print_report(runs, name, args.top)
        outcomes = [o for run in runs for o in run.outcomes]
        every += outcomes
        summaries.append(kind_table(outcomes, name))
    print("\n=== summary ===")
    print("\n\n".join(summaries))
    if args.csv:
        write_csv(args.csv, every)
    return 0


if __name__ == "__main__":
    sys.exit(main())
