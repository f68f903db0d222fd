"""Plant one slip at a time into a parsed document and see whether the suspect search names it.

    python scripts/plant_slips.py [FILE ...] [--per-doc N] [--seed S] [--kinds digit,swap,x10]

For each document (default: the sample PDFs), figures that take part in at least one checked
relation are drawn (at most ``--per-doc``, seeded), and each gets, one at a time, a slip of each
kind, written into the parsed `Document` in memory:

- ``digit``: one digit changed (position and new digit drawn from the seed);
- ``swap``: two neighbouring different digits swapped (2122.22 → 2212.22);
- ``x10``: the value times ten, printed with the same decimals.

Then the relation finders, the checks and the suspect search run again, and the slip is scored:

- ``top``: a group's only explanation includes the planted figure;
- ``tie``: the planted figure is among a group's equally good explanations;
- ``missed``: some relation fails but no group names the figure;
- ``silent``: no relation the slip touches fails (nothing to explain).

Results are split by the relations that held the figure in the clean document: ``1``; ``≥2 ind``
(two or more whose only common figure is this one: the document can outvote the slip); ``≥2``
(two or more that share another figure as well, so a slip in either is a tie the document cannot
settle); ``≥2 all`` sums both (the issue's target: ≥ 90 % ``top``). Prints a table; nothing is
written.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import load_document
from parsers.model import Document, Figure
from tui_review import relations as finders
from tui_review.checks import CheckReport, check_relations
from tui_review.checks import figures as F
from tui_review.checks.evaluate import evaluate
from tui_review.config import Config, Rule
from tui_review.contracts.finding import Verdict

KINDS = ("digit", "swap", "x10")
BANDS = ("≥2 ind", "≥2", "1")
DEFAULT_DOCS = sorted((ROOT / "sample_docs").glob("*.pdf"))
_CHECKED = (Verdict.HOLDS, Verdict.ROUNDING, Verdict.FAILS)


def check(doc: Document) -> CheckReport:
    return check_relations(doc, finders.find_relations(doc))


def relation_bands(doc: Document) -> dict[str, str]:
    """Each figure's band in the clean document: ``1`` (one checked relation, holding or
    failing), ``≥2`` (two or more, all sharing another figure too: the document cannot tell the
    two apart) or ``≥2 ind`` (two or more whose only common figure is this one)."""
    config = Config.default()
    held: dict[str, list[set[str]]] = {}
    for relation in finders.find_relations(doc):
        rule = config.rule(relation.rule) or Rule.fallback(relation.rule)
        if rule.enabled and evaluate(relation, doc, rule).verdict in _CHECKED:
            ids = {fig.id for fig in relation.figures()}
            for fid in ids:
                held.setdefault(fid, []).append(ids)
    bands = {}
    for fid, sets in held.items():
        if len(sets) == 1:
            bands[fid] = "1"
        else:
            bands[fid] = "≥2 ind" if set.intersection(*sets) == {fid} else "≥2"
    return bands


def slipped(value: Decimal, decimals: int, kind: str, rng: random.Random) -> Decimal | None:
    """``value`` with one slip of ``kind``, or None when that slip leaves it unchanged."""
    if kind == "x10":
        return value * 10 if value else None
    digits = list(format(abs(value).quantize(Decimal(1).scaleb(-decimals)), "f"))
    places = [i for i, c in enumerate(digits) if c.isdigit()]
    if kind == "digit":
        i = rng.choice(places)
        digits[i] = rng.choice([d for d in "0123456789" if d != digits[i]])
    else:
        pairs = [(a, b) for a, b in itertools.pairwise(places) if b == a + 1 and digits[a] != digits[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        digits[a], digits[b] = digits[b], digits[a]
    out = Decimal("".join(digits))
    return None if out == abs(value) else out


def plant(fig: Figure, value: Decimal) -> tuple[Decimal, str]:
    """Write ``value`` into ``fig`` as its printed text; the old value and text, to restore."""
    old = fig.value, fig.text
    fig.value = value
    fig.text = F.number(value.quantize(Decimal(1).scaleb(-fig.decimals)), F.grouped(fig))
    return old


def score(report: CheckReport, fig_id: str) -> str:
    fails = [f for f in report.findings if f.verdict == Verdict.FAILS and fig_id in f.figure_ids]
    if not fails:
        return "silent"
    for group in report.groups:
        if group.suspect is None:
            continue
        options = [{s.figure_id for s in option} for option in group.suspect.options]
        if any(fig_id in o for o in options):
            return "top" if len(options) == 1 else "tie"
    return "missed"


def run_document(
    path: Path, per_doc: int, kinds: tuple[str, ...], seed: int, verbose: bool = False
) -> Counter[tuple[str, str]]:
    doc = load_document(path)
    bands = relation_bands(doc)
    rng = random.Random(f"{seed}:{path.name}")
    candidates = [f for f in doc.figures if f.id in bands and not F.is_blank(f)]
    if len(candidates) > per_doc:
        candidates = rng.sample(candidates, per_doc)
    tally: Counter[tuple[str, str]] = Counter()
    for fig in candidates:
        band = bands[fig.id]
        for kind in kinds:
            value = slipped(fig.value, fig.decimals, kind, rng)
            if value is None:
                continue
            old = plant(fig, value)
            try:
                outcome = score(check(doc), fig.id)
            finally:
                fig.value, fig.text = old
            tally[(band, outcome)] += 1
            if verbose and outcome in ("missed", "tie"):
                print(f"  {outcome}: {path.name} {fig.id} {F.name(fig)} {fig.text} → {value} ({kind}, {band})")
    return tally


def _line(name: str, tally: Counter[tuple[str, str]], band: str) -> str:
    n = {k: tally[(band, k)] for k in ("top", "tie", "missed", "silent")}
    detected = n["top"] + n["tie"] + n["missed"]
    rate = f"{100 * n['top'] / detected:5.1f}%" if detected else "    —"
    with_ties = f"{100 * (n['top'] + n['tie']) / detected:5.1f}%" if detected else "    —"
    return (f"{name:<34} {band:>6} {detected:>6} {n['top']:>5} {n['tie']:>5} {n['missed']:>6} {n['silent']:>6}"
            f"  {rate}  {with_ties}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--per-doc", type=int, default=60, help="figures drawn per document")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--verbose", action="store_true", help="name each missed or tied slip")
    args = parser.parse_args()
    kinds = tuple(k for k in args.kinds.split(",") if k in KINDS)
    total: Counter[tuple[str, str]] = Counter()
    print(f"{'document':<34} {'rel':>6} {'failed':>6} {'top':>5} {'tie':>5} {'missed':>6} {'silent':>6}"
          "   top%  top+tie%")
    started = time.perf_counter()
    for path in args.files or DEFAULT_DOCS:
        tally = run_document(path, args.per_doc, kinds, args.seed, args.verbose)
        total += tally
        for band in BANDS:
            print(_line(path.name[:34], tally, band))
    for band in BANDS:
        print(_line("ALL", total, band))
    both: Counter[tuple[str, str]] = Counter()
    for (band, outcome), n in total.items():
        if band != "1":
            both[("≥2 all", outcome)] += n
    print(_line("ALL", both, "≥2 all"))
    print(f"({time.perf_counter() - started:.0f} s; 'failed' = slips some relation caught; top% of those)")


if __name__ == "__main__":
    main()
