"""Every error finding of the real disclosures, against tests/real/expected/*.toml.

    .venv/bin/python scripts/real_findings.py [--real DIR] [--warnings] [NAME ...]

For each PDF under ``../shared/real`` (or DIR; NAME filters by a part of the file name) prints each
error finding marked ``genuine`` or ``known_false`` (its entry in the expected file) or
``UNVERIFIED`` — a finding nobody has read against the page yet, printed as a draft entry — then
the entries no longer matched, the genuine errors still missed, and one count line per document.
``--warnings`` adds the warnings of the arithmetic rules (for review; the test checks errors only).
Uses the user's parse cache.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "real"))

from real_expected import EXPECTED, REAL, compare, describe, load, printable, real_pdfs  # noqa: E402

from parsers import load_document  # noqa: E402
from tui_review.config import Config  # noqa: E402
from tui_review.engine import check_document  # noqa: E402

ARITHMETIC = ("prose.table", "repeat", "sum.parts", "growth", "share", "change")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--real", type=Path, default=REAL)
    parser.add_argument("--warnings", action="store_true")
    args = parser.parse_args()
    if not args.real.is_dir():
        print(f"没有真实文档目录 / no folder of real documents: {args.real} (--real DIR or TUI_REVIEW_REAL_DOCS)",
              file=sys.stderr)
        return 2
    unverified = 0
    for pdf in real_pdfs(args.real):
        if args.names and not any(name in pdf.name for name in args.names):
            continue
        failing = check_document(load_document(pdf), Config.default()).failing()
        errors = [f for f in failing if f.severity == "error"]
        path = EXPECTED / f"{pdf.stem}.toml"
        print(f"== {printable(pdf.relative_to(args.real).as_posix())}")
        if not path.exists():
            print("   no expected file")
            unverified += len(errors)
            continue
        expected = load(path)
        kinds = {"genuine": 0, "known_false": 0, "missed": 0}
        for finding in errors:
            entries = expected.genuine + expected.known_false + expected.missed
            entry = next((e for e in entries if e.matches(finding)), None)
            if entry is None:
                unverified += 1
                print("   UNVERIFIED\n" + "\n".join("     " + line for line in describe(finding).splitlines()))
            else:
                kinds[entry.kind] += 1
                now = " (now found: move to [[genuine]])" if entry.kind == "missed" else ""
                print(f"   {entry.kind:<11} {printable(entry.label())}{now}")
        result = compare(errors, expected)
        for entry in result.lost:
            print(f"   LOST genuine {printable(entry.label())}")
        for entry in result.fixed:
            print(f"   FIXED (delete from the file) {printable(entry.label())}")
        for entry in expected.missed:
            if not any(entry.matches(f) for f in errors):
                print(f"   MISSED (not reported yet) {printable(entry.label())}")
        if args.warnings:
            for finding in failing:
                if finding.severity == "warning" and (finding.rule in ARITHMETIC or finding.rule.startswith("table.")):
                    print(f"   warning {finding.rule} p.{finding.page}: {printable(finding.message('zh'))}")
        print(f"   {len(errors)} errors: {kinds['genuine']} genuine, {kinds['known_false']} known false, "
              f"{len(result.unexpected)} unverified")
    print(f"unverified error findings: {unverified}")
    return 1 if unverified else 0


if __name__ == "__main__":
    sys.exit(main())
