"""The search dialog never blocks the keyboard (S11): the search runs in a worker after the typing
pauses, the next key cancels the search still running, Enter waits for the answer to what was typed."""

from __future__ import annotations

import threading

from textual.widgets import Input, OptionList
from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.review.search import SearchCancelled
from tui_review.review.session import ReviewSession
from tui_review.screens.search import SearchScreen


class SlowSearch:
    """A search that runs until it is cancelled (a huge grid), except for the query ``fast``."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.queries: list[str] = []
        self.cancelled: list[str] = []
        self.real = ReviewSession.search

    def __call__(self, session, query, limit=200, cancelled=None):
        self.queries.append(query)
        if query.endswith("fast"):
            return self.real(session, "354.72", limit, cancelled)
        self.started.set()
        for _ in range(1000):  # at most 10 s, so a broken test cannot hang
            if cancelled is not None and cancelled():
                self.cancelled.append(query)
                raise SearchCancelled
            threading.Event().wait(0.01)
        return []


async def _wait(pilot, event: threading.Event) -> None:
    for _ in range(500):
        if event.is_set():
            return
        await pilot.pause(0.01)
    raise AssertionError("the search never started")


@run_async
async def test_typing_goes_on_while_a_search_runs_and_the_next_key_cancels_it(doc_copy, monkeypatch):
    slow = SlowSearch()
    monkeypatch.setattr(ReviewSession, "search", lambda session, query, limit=200, cancelled=None: slow(session, query, limit, cancelled))
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("x")
        await _wait(pilot, slow.started)  # the search of "x" is running in its worker …
        await pilot.press("y", "z")  # … and the keys still reach the input
        assert app.screen.query_one(Input).value == "xyz"
        for _ in range(100):
            if "x" in slow.cancelled:
                break
            await pilot.pause(0.02)
        assert "x" in slow.cancelled  # the next key stopped it
        await pilot.press(*"fast")
        screen = app.screen
        for _ in range(200):  # the pause after the last key, then the search
            if getattr(screen, "searched", None) == "xyzfast":
                break
            await pilot.pause(0.02)
        assert isinstance(screen, SearchScreen) and screen.searched == "xyzfast"
        assert screen.query_one(OptionList).option_count > 0


@run_async
async def test_enter_right_after_typing_chooses_from_the_answer_to_what_was_typed(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"354.72", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.detail_key is not None or app.main.nav.figure_id is not None
