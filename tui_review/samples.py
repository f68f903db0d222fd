"""The bundled sample disclosure that ``tui-review`` and ``tui-review check`` open with no file.

The sample is ``demo_final_2024_errors.pdf`` (a 决算 with tables and planted errors), shipped in the
package. The app reviews a copy of it in the per-user data directory (`sample_for_review`), so its
review file and exported sheet are written there, never inside the installed package.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from tui_review.review.paths import user_data_dir

SAMPLE = "demo_final_2024_errors.pdf"


def _files() -> list[Path]:
    folder = resources.files("tui_review") / "sample"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".pdf", ".txt", ".md")))


def bundled_sample() -> Path:
    """The sample in the package (read-only use: check, outline, figures)."""
    files = _files()
    return next((p for p in files if p.name == SAMPLE), files[0])


def sample_text() -> Path:
    """The bundled plain-text disclosure (benchmarks build long documents from it)."""
    return next(p for p in _files() if p.suffix == ".txt")


def sample_for_review() -> Path:
    """A copy of the sample in the per-user data directory, refreshed when the package's differs;
    its review file and export go beside it. Falls back to the package's file when the data
    directory cannot be written."""
    source = bundled_sample()
    target = user_data_dir() / "sample" / source.name
    try:
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    except OSError:
        return source
    return target
