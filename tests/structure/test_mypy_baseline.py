"""The app's mypy baseline (scripts/mypy_baseline.py): new errors and fixed ones are both reported."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "mypy_baseline.py"
spec = importlib.util.spec_from_file_location("mypy_baseline", SCRIPT)
assert spec is not None and spec.loader is not None
baseline = importlib.util.module_from_spec(spec)
spec.loader.exec_module(baseline)

OUTPUT = """\
tui_review/app.py:136: error: Incompatible types in assignment  [assignment]
tui_review/app.py:140:5: error: Incompatible types in assignment  [assignment]
tui_review/cli.py:34: note: this is a note, not an error
tui_review/cli.py:34: error: Return type "None" of "error"  [override]
"""


def test_errors_are_counted_without_line_numbers():
    assert baseline.errors(OUTPUT) == Counter({
        "tui_review/app.py: Incompatible types in assignment  [assignment]": 2,
        'tui_review/cli.py: Return type "None" of "error"  [override]': 1,
    })


def test_a_new_error_and_a_fixed_one_are_both_reported():
    known = baseline.errors(OUTPUT)
    now = known.copy()
    now["tui_review/app.py: Incompatible types in assignment  [assignment]"] -= 1  # one fixed
    now["tui_review/screens/main.py: Name \"x\" is not defined  [name-defined]"] += 1  # one new
    new, gone = baseline.compare(now, known)
    assert new == ['tui_review/screens/main.py: Name "x" is not defined  [name-defined]']
    assert gone == ["tui_review/app.py: Incompatible types in assignment  [assignment]"]
    assert baseline.compare(known, known) == ([], [])
