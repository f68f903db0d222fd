"""Helpers for the UI tests: the fixed fixture document, settle() and run_async()."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "review_fixture.txt"


async def settle(pilot) -> None:
    """Wait until the loading worker (started after the first paint) is done and its messages handled."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def run_async(test):
    """Run an ``async def`` test with asyncio (the suite has no async plugin)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
