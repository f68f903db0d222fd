"""The bundled sample disclosure that ``tui-review`` and ``tui-review check`` open with no file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_sample() -> Path:
    folder = resources.files("tui_review") / "sample"
    files = sorted(p for p in folder.iterdir() if p.name.endswith((".pdf", ".txt", ".md")))
    pdfs = [p for p in files if p.name.endswith(".pdf")]
    return Path(str((pdfs or files)[0]))
