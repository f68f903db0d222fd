#!/usr/bin/env python3
"""Mutation harness: plant one slip at a time in every printed number and count what the checks find.

    python scripts/mutate.py FILE_OR_DIR ... [--sample N] [--seed S] [--csv OUT.csv] [--top 20] [-j N]

For each document (text, Markdown or PDF) every printed number that claims something checkable
(see ``scripts/mutation/classify.py``) gets a digit changed, two digits swapped, the point moved
(×10), and is deleted; each copy is checked with the engine of ``tui-review check``. Prints one
row per document, the detection rate per claim kind (sum, change, growth, share, completion,
repeat, prose↔table, missing, other), and the most common classes of misses; ``--csv`` writes
every slip with its place and context. ``--sample N`` draws N numbers per document (seeded,
deterministic). ``localised``: a new error/warning names the slipped figure; ``any``: some new
error/warning appeared; ``as error``: a localised error; ``+info``: a localised finding of any
severity, info included (a ``binding`` note that the slipped figure cannot be the one meant);
``rounding``: slips the printed precision hides; ``checkable``: localised among the others;
``aside``: slips of the kind the document's words cannot decide (``scripts/mutation/honesty.py``,
rules R1–R7, counted per rule in the last column, named per slip in the CSV's ``set_aside``);
``decidable``: localised among the slips neither hidden by rounding nor set aside.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from mutation.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], __doc__))
