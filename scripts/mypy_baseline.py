#!/usr/bin/env python3
"""Hold the app's type errors to a baseline that only shrinks.

The engine is checked by plain ``mypy`` with no errors allowed (``[tool.mypy]`` in pyproject.toml).
The rest of ``tui_review`` (app, screens, widgets, commands) still has errors; this script runs
mypy on the whole package and compares its errors, without line numbers, to ``.mypy-baseline.txt``:

- an error that is not in the baseline fails (exit 1): fix it;
- a baseline entry mypy no longer reports fails too, so the baseline shrinks with every fix:
  run ``scripts/mypy_baseline.py --update`` and commit the shorter file.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / ".mypy-baseline.txt"
_ERROR = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*)$")


def errors(output: str) -> Counter[str]:
    """mypy's error lines as ``path: message [code]``, line numbers dropped, counted."""
    found: Counter[str] = Counter()
    for line in output.splitlines():
        m = _ERROR.match(line.strip())
        if m:
            found[f"{m['path']}: {m['message']}"] += 1
    return found


def compare(current: Counter[str], baseline: Counter[str]) -> tuple[list[str], list[str]]:
    """(new errors, baseline entries no longer reported), each as sorted lines."""
    new = sorted((current - baseline).elements())
    gone = sorted((baseline - current).elements())
    return new, gone


def run_mypy() -> str:
    cmd = [sys.executable, "-m", "mypy", "tui_review", "--no-error-summary", "--hide-error-context"]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False).stdout


def main(argv: list[str]) -> int:
    current = errors(run_mypy())
    if "--update" in argv:
        BASELINE.write_text("".join(f"{e}\n" for e in sorted(current.elements())), encoding="utf-8")
        print(f"mypy baseline: {sum(current.values())} errors written to {BASELINE.name}")
        return 0
    baseline = errors_from_file(BASELINE)
    new, gone = compare(current, baseline)
    for line in new:
        print(f"new mypy error: {line}")
    for line in gone:
        print(f"fixed, remove from {BASELINE.name}: {line}")
    if new or gone:
        print("run scripts/mypy_baseline.py --update after fixing, and commit .mypy-baseline.txt")
        return 1
    print(f"mypy baseline: {sum(current.values())} known errors in the app, no new one")
    return 0


def errors_from_file(path: Path) -> Counter[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return Counter(line for line in lines if line.strip())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
