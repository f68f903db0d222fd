"""Fixtures and paths for the render tests: an isolated document cache, each PDF parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from parsers.model import Document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_docs"
ERRORS = SAMPLES / "demo_final_2024_errors.pdf"  # reportlab sample with planted errors (CJK not embedded)
REAL = SAMPLES / "real" / "上海市普陀区财政局2024年度部门决算.pdf"  # a published PDF, fonts embedded
ROTATED = ROOT / "tests" / "pdf" / "inputs" / "rotated_pages.pdf"  # pages with /Rotate 90 and 270


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Every test writes the document cache into its own folder, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def parsed(tmp_path_factory):
    """``parsed(path) -> Document``: each file parsed once per session, with a private cache."""
    done: dict[Path, Document] = {}
    folder = tmp_path_factory.mktemp("render-cache")

    def parse(path: Path) -> Document:
        if path not in done:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("XDG_CACHE_HOME", str(folder))
                done[path] = load_document(path)
        return done[path]

    return parse
