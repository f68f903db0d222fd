"""Fixtures and paths for the render tests: an isolated document cache, each PDF parsed once per
session (the PDF tests' fixtures, `tests/pdf/pdf_fixtures.py`, reading with `load_document`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))

from pdf_fixtures import REAL, SAMPLES, own_cache, session_parser  # noqa: E402,F401

from parsers import load_document  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ERRORS = SAMPLES / "demo_final_2024_errors.pdf"  # reportlab sample with planted errors (CJK not embedded)
ROTATED = ROOT / "tests" / "pdf" / "inputs" / "rotated_pages.pdf"  # pages with /Rotate 90 and 270


@pytest.fixture(scope="session")
def parsed(tmp_path_factory):
    return session_parser(tmp_path_factory, load_document, "render-cache")
