"""Fixtures for the UI tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tui_helpers import FIXTURE


@pytest.fixture
def doc_copy(tmp_path) -> Path:
    """The fixture document copied to a fresh folder (its review file is created beside it)."""
    target = tmp_path / "review_fixture.txt"
    shutil.copy(FIXTURE, target)
    return target
