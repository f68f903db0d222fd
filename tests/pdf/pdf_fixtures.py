"""Fixtures and paths for the PDF tests: an isolated document cache, each sample parsed once per session.

`own_cache` and `session_parser` serve the render tests too (``tests/render/render_fixtures.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parsers.model import Document
from parsers.pdf import parse_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
INPUTS = Path(__file__).resolve().parent / "inputs"
REAL = SAMPLES / "real" / "上海市普陀区财政局2024年度部门决算.pdf"
TEMPLATE = SAMPLES / "real" / "部门决算模板-2024-上海.pdf"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Every test writes the document cache into its own folder, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def session_parser(tmp_path_factory, read: Callable[[Path], Document], folder: str) -> Callable[[Path], Document]:
    """``parse(path) -> Document``: each file read once (by ``read``) per session, with a private cache."""
    done: dict[Path, Document] = {}
    cache = tmp_path_factory.mktemp(folder)

    def parse(path: Path) -> Document:
        if path not in done:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("XDG_CACHE_HOME", str(cache))
                done[path] = read(path)
        return done[path]

    return parse


@pytest.fixture(scope="session")
def parsed(tmp_path_factory):
    return session_parser(tmp_path_factory, parse_pdf, "session-cache")
