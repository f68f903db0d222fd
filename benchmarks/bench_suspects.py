"""Benchmark: what the suspect search adds to ``check`` on the generated disclosures; print it.

    python benchmarks/bench_suspects.py [--pages 300] [--slips 0,10,40] [--repeat 3] [--keep DIR]

The documents are `bench_parse`'s (the invented audit bureau's 部门决算, projects scaled to the
page count). Each is parsed once; then, for each number of planted slips (×10 on figures drawn,
seeded, from those in at least one relation, written into the parsed document in memory), the
relation finders and the checks run ``--repeat`` times and the best run is kept:

- ``check``: `find_relations` + `check_relations`, the suspect search included (what ``tui-review
  check`` does after parsing);
- ``suspects``: the part of that spent in `find_groups` (timed around the call);
- ``share``: suspects ÷ (check − suspects): what the search adds to the checks (the issue's
  bound: ≤ 10 %); ``of cli``: the same against parse + check.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import bench_parse

from parsers.model import Document, Figure
from tui_review import checks
from tui_review import relations as finders
from tui_review.checks import figures as F


class _Timed:
    """`find_groups` with the time spent in it summed up."""

    def __init__(self) -> None:
        self.real = checks.find_groups
        self.seconds = 0.0
        self.groups = 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            groups = self.real(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
        self.groups = len(groups)
        return groups


def plant(doc: Document, count: int, seed: int = 7) -> list[tuple[Figure, Decimal, str]]:
    """``count`` figures that take part in a relation, times ten; what to restore."""
    held = {fig.id for relation in finders.find_relations(doc) for fig in relation.figures()}
    pool = [f for f in doc.figures if f.id in held and f.value and not F.is_blank(f)]
    chosen = random.Random(seed).sample(pool, min(count, len(pool)))
    undo = []
    for fig in chosen:
        undo.append((fig, fig.value, fig.text))
        fig.value *= 10
        fig.text = F.number(fig.value.quantize(Decimal(1).scaleb(-fig.decimals)), F.grouped(fig))
    return undo


def measure(doc: Document, repeat: int) -> tuple[float, float, int, int]:
    """Best ``check`` and its ``suspects`` seconds over ``repeat`` runs; relations; groups."""
    timed = _Timed()
    checks.find_groups = timed
    best = (float("inf"), 0.0)
    relations = groups = 0
    try:
        for _ in range(repeat):
            timed.seconds = 0.0
            started = time.perf_counter()
            found = finders.find_relations(doc)
            report = checks.check_relations(doc, found)
            wall = time.perf_counter() - started
            if wall < best[0]:
                best = (wall, timed.seconds)
            relations, groups = report.relations, len(report.groups)
    finally:
        checks.find_groups = timed.real
    return best[0], best[1], relations, groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="300", help="page counts, comma-separated")
    parser.add_argument("--slips", default="0,10,40", help="slips planted, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the documents into this folder and keep them")
    args = parser.parse_args()
    from parsers.pdf import parse_pdf

    folder = args.keep or Path(tempfile.mkdtemp(prefix="tui-review-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'pages':>5} {'slips':>5} {'relations':>9} {'groups':>6} {'parse s':>8} {'check s':>8} "
          f"{'suspects s':>10} {'share':>7} {'of cli':>7}")
    for target in (int(p) for p in args.pages.split(",")):
        path, pages = bench_parse.make_document(folder, target)
        started = time.perf_counter()
        doc = parse_pdf(str(path))
        parse = time.perf_counter() - started
        for slips in (int(s) for s in args.slips.split(",")):
            undo = plant(doc, slips)
            try:
                check, suspects, relations, groups = measure(doc, args.repeat)
            finally:
                for fig, value, text in undo:
                    fig.value, fig.text = value, text
            share = suspects / (check - suspects)
            of_cli = suspects / (parse + check - suspects)
            print(f"{pages:>5} {slips:>5} {relations:>9} {groups:>6} {parse:>8.2f} {check:>8.3f} "
                  f"{suspects:>10.4f} {share:>7.1%} {of_cli:>7.2%}")
    if args.keep is None:
        print(f"(documents were generated in {folder})")


if __name__ == "__main__":
    main()
