"""What a key costs the screen, counted rather than timed: a key that moves to the next finding
redraws the panes it changes and never lays the whole screen out (a layout repaints every pane,
tens of milliseconds on a long document; issue 14's speed)."""

from __future__ import annotations

import shutil

from textual.screen import Screen
from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.review.pipeline import LoadOptions
from tui_review.samples import sample_text
from tui_review.widgets.document_tree import DocumentTree
from tui_review.widgets.findings_list import FindingsList


def deep_document(tmp_path):
    """The bundled sample: its findings sit in sections the tree shows closed at first."""
    doc = tmp_path / "sample.txt"
    shutil.copy(sample_text(), doc)
    return doc


@run_async
async def test_next_finding_opening_tree_nodes_lays_nothing_out(tmp_path, monkeypatch):
    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    layouts: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        tree = app.main.query_one(DocumentTree)
        lines_before = tree.last_line
        refresh_layout = Screen._refresh_layout

        def counted(screen, *args, **kwargs):
            layouts.append(type(screen).__name__)
            return refresh_layout(screen, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        opened = False
        for _ in range(12):
            await pilot.press("n")
            await pilot.pause(0.15)
            opened = opened or tree.last_line > lines_before
        assert opened, "no n opened a closed node: the test shows nothing"
        assert layouts == []
        node = tree.cursor_node
        assert node is not None and node.data == app.main.node  # the tree shows where n went
        assert tree.virtual_size.height == tree.last_line + 1  # and knows its new length


@run_async
async def test_a_move_in_the_list_or_tree_updates_the_other_panes_before_the_next_frame(tmp_path):
    """The key's own handler moves the cursor and redraws the detail and content panes: one frame,
    not a frame for the cursor and another for the panes once a message came round."""
    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        findings = main.query_one(FindingsList)
        await pilot.press("3", "j")
        await pilot.pause(0.2)  # past the held-key settle time
        findings.action_cursor_down()  # what j runs; no message is handled before the checks
        assert findings.key is not None and main.entry_key == findings.key and main.detail_key == findings.key
        shown = main.detail._shown
        assert shown is not None and shown[2].key == findings.key  # drawn, not only decided
        tree = main.query_one(DocumentTree)
        await pilot.press("1")
        await pilot.pause(0.2)
        before = main.node
        tree.action_cursor_down()
        assert tree.cursor_node is not None and tree.cursor_node.data != before
        assert main.node == tree.cursor_node.data
