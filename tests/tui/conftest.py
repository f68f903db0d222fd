"""Shared setup for the UI tests: the fixed fixture document, an app factory, and settle()."""

from __future__ import annotations

import asyncio
import functools
import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "review_fixture.txt"


@pytest.fixture
def doc_copy(tmp_path) -> Path:
    """The fixture document copied to a fresh folder (its review file is created beside it)."""
    target = tmp_path / "review_fixture.txt"
    shutil.copy(FIXTURE, target)
    return target


async def settle(pilot) -> None:
    """Wait until the loading worker is done and every message it posted is handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def run_async(test):
    """Run an ``async def`` test with asyncio (the suite has no async plugin)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
