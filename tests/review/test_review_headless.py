"""The review layer and the headless commands never import Textual (checked in a fresh process)."""

from __future__ import annotations

import subprocess
import sys


def test_review_layer_is_headless():
    code = (
        "import sys\n"
        "import tui_review.review.store, tui_review.review.session, tui_review.review.export\n"
        "import tui_review.review.pipeline, tui_review.commands.export, tui_review.commands.locate\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
