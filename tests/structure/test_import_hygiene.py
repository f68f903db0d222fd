"""Run-time guard for the headless engine: importing and running it never loads Textual or Rich.

The import-linter contracts in ``pyproject.toml`` read the static import graph; they cannot see an
import made inside a function, nor one a dependency makes on our behalf. These tests import the
engine in a fresh interpreter, run it on a sample, and look at ``sys.modules`` (Harlequin's
``tests/unit_tests/test_import_hygiene.py`` does the same).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_docs" / "001_17aaca51ade6ba7f.txt"
FORBIDDEN = ("textual", "rich")

HEADLESS_IMPORTS = [
    "import parsers",
    "import tui_review.contracts",
    "import tui_review.relations",
    "import tui_review.checks",
    "import tui_review.engine",
    "import tui_review.sheet",
    "import tui_review.review.pipeline",
    "import tui_review.review.export",
    "import tui_review.commands.check",
    "import tui_review.commands.export",
]


def _leaked(code: str, *args: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))\n"
    proc = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    last = (proc.stdout.splitlines() or [""])[-1]
    return [m for m in last.split(",") if m]


@pytest.mark.parametrize("statement", HEADLESS_IMPORTS)
def test_headless_imports_do_not_load_the_tui(statement: str) -> None:
    assert _leaked(statement) == [], f"{statement!r} imported the TUI"


def test_checking_a_document_end_to_end_loads_no_tui(tmp_path) -> None:
    """`tui-review check` on a real sample, through the CLI entry point, in a clean interpreter."""
    code = (
        "import os, sys\n"
        f"os.environ['XDG_CACHE_HOME'] = {str(tmp_path)!r}\n"
        "from tui_review.cli import main\n"
        "code = main(['check', '--format', 'json', sys.argv[1]])\n"
        "assert code in (0, 1), code\n"
    )
    assert SAMPLE.exists()
    assert _leaked(code, str(SAMPLE)) == []


def test_the_probe_sees_textual_when_the_app_is_imported() -> None:
    """The guard can fail: importing the app does load Textual."""
    assert "textual" in _leaked("import tui_review.app")
