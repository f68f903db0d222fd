"""The engine, config, sheet writer and check command never import Textual (they run headless)."""

from __future__ import annotations

import subprocess
import sys


def test_no_textual_import():
    code = (
        "import sys\n"
        "import tui_review.checks, tui_review.checks.evaluate, tui_review.config, tui_review.sheet\n"
        "import tui_review.commands.check\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
