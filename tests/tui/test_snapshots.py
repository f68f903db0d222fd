"""Snapshots of the review app on the fixed fixture document: the main screen, a table, a finding's
detail, the help screen and the export dialog, in the dark and light themes, at 120×40 and 80×24.
The findings are pinned (``pinned.py``): a new rule in the engine does not redraw these pictures.

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and
look at the report before committing."""

from __future__ import annotations

import pytest
from tui_helpers import FIXTURE
from textual.widgets import Input

from pinned import pinned_check

from tui_review.app import ReviewApp
from tui_review.review.pipeline import LoadOptions
from tui_review.review.session import NodeRef

VIEWS = {
    "main": (),
    "detail": ("n", "4"),
    "table": (),
    "help": ("question_mark",),
    "export": ("e",),
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("theme", ["review-dark", "review-light"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_snapshot(view, theme, size, snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(FIXTURE.parent)  # paths on screen are relative: the same on every machine
    options = LoadOptions(review_path=tmp_path / "review.sqlite", check=pinned_check)
    app = ReviewApp(FIXTURE.relative_to(FIXTURE.parent), options=options, theme=theme)

    async def prepare(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.clear_notifications()
        if view == "table":
            await pilot.pause(0.1)  # the tree's own cursor placement after loading comes first
            pilot.app.main._go(NodeRef("table", "T1"))
            await pilot.pause(0.1)
            await pilot.press("2")
        for key in VIEWS[view]:
            await pilot.press(key)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause(0.1)  # the detail pane follows the cursor once it rests
        for _ in range(40):  # a loaded machine may run the settle timer late
            if pilot.app.main._detail_timer is None:
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=prepare)
