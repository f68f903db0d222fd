"""Longer fuzz run of the hardening properties (not part of CI).

    python scripts/fuzz.py [--seconds N] [--examples N]

Runs the property tests of ``tests/hardening/test_properties_fuzz.py`` (a printed amount parses
back to its Decimal; the text parser never raises and its prose offsets point at the printed text)
with many more examples, repeating until the time is up, and prints how many examples ran and any
falsifying example Hypothesis found.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "hardening")]

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis_props import amounts, check_amount, check_text, texts  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--examples", type=int, default=2000, help="examples per property per round")
    args = parser.parse_args(argv)
    counts = {"amounts": 0, "texts": 0}
    failures: list[str] = []
    config = settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=False)

    @config
    @given(amounts())
    def prop_amounts(case):
        counts["amounts"] += 1
        check_amount(case)

    @config
    @given(texts)
    def prop_texts(text):
        counts["texts"] += 1
        check_text(text)

    started = time.monotonic()
    rounds = 0
    while time.monotonic() - started < args.seconds:
        for prop in (prop_amounts, prop_texts):
            try:
                prop()
            except Exception:  # a falsifying example: report it, keep fuzzing the other property
                failures.append(traceback.format_exc(limit=3))
        rounds += 1
    elapsed = time.monotonic() - started
    print(f"fuzz: {elapsed:.0f} s, {rounds} rounds, {counts['amounts']} amount examples, {counts['texts']} text examples, {len(failures)} failures")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
