"""Esc while a document is read stops the reading for real (S3): the loader hands its cancel hook to
the parser, which stops the page-reading processes; the worker ends at once, nothing is opened."""

from __future__ import annotations

import threading

from tui_helpers import run_async

from parsers.errors import Cancelled
from tui_review.app import ReviewApp
from tui_review.review import pipeline


@run_async
async def test_esc_while_reading_stops_the_parser(doc_copy, monkeypatch):
    reading = threading.Event()
    seen: list[str] = []

    def endless_read(path, *, cancelled=None, **_):
        reading.set()
        for _ in range(1000):  # a long PDF; at most 10 s, so a broken test cannot hang
            if cancelled is not None and cancelled():
                seen.append("cancelled")
                raise Cancelled
            threading.Event().wait(0.01)
        seen.append("read to the end")
        raise AssertionError("the parser was never told to stop")

    monkeypatch.setattr(pipeline, "load_document", endless_read)
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            if reading.is_set():
                break
            await pilot.pause(0.01)
        assert app.main.is_loading
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == ["cancelled"]
        assert not app.main.is_loading and app.main.session is None
        assert "已取消读取" in app.main.status_line.texts()
