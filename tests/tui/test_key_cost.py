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


def record_frames_and(monkeypatch, label: str, owner: type, name: str) -> list[str]:
    """A log of "frame" for each frame the screen draws and ``label`` for each call of ``owner.name``."""
    events: list[str] = []
    refresh, call = Screen._compositor_refresh, getattr(owner, name)
    monkeypatch.setattr(Screen, "_compositor_refresh", lambda screen: events.append("frame") or refresh(screen))
    monkeypatch.setattr(owner, name, lambda obj, *args: events.append(label) or call(obj, *args))
    return events


@run_async
async def test_next_finding_opening_tree_nodes_lays_nothing_out(tmp_path, monkeypatch):
    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    layouts: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        app.clear_notifications()  # a toast timing out lays its rack out: on a slow machine, within the presses
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
    """The key's own handler moves the cursor, the content pane and what the review actions act on:
    one frame, not a frame for the cursor and another for the panes once a message came round."""
    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        findings = main.query_one(FindingsList)
        await pilot.press("3", "j")
        await pilot.pause(0.2)  # past the held-key settle time
        findings.action_cursor_down()  # what j runs; no message is handled before the checks
        assert findings.key is not None and main.entry_key == findings.key and main.detail_key == findings.key
        tree = main.query_one(DocumentTree)
        await pilot.press("1")
        await pilot.pause(0.2)
        before = main.node
        tree.action_cursor_down()
        assert tree.cursor_node is not None and tree.cursor_node.data != before
        assert main.node == tree.cursor_node.data


@run_async
async def test_the_detail_and_the_tree_follow_j_and_n_after_the_first_frame(tmp_path, monkeypatch):
    """``j`` and ``n`` draw their response (list cursor, content) first; the detail (3–30 ms of Rich
    layout) and the tree's cursor follow after that frame, and end on the finding chosen."""
    from tui_review.widgets.finding_detail import FindingDetail

    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        events = record_frames_and(monkeypatch, "detail", FindingDetail, "show_entry")
        for focus, key in (("3", "j"), ("1", "n")):
            await pilot.press(focus)
            for _ in range(4):
                await pilot.pause(0.1)  # past the held-key settle time
                events.clear()
                await pilot.press(key)
                await pilot.pause(0.1)
                assert "detail" in events and events.index("frame") < events.index("detail"), events
                shown = main.detail._shown
                assert shown is not None and shown[2].key == main.detail_key == main.entry_key


@run_async
async def test_the_tree_measures_each_label_once_and_again_only_when_it_changes(tmp_path, monkeypatch):
    """Opening a node rebuilds the tree's lines and its width: labels measured before are not
    measured again (hundreds of labels on a long document), a label that changed is."""
    from rich.text import Text

    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.main.query_one(DocumentTree)
        tree._build()
        measured: list[str] = []
        cell_len = Text.cell_len

        def counted(text):
            measured.append(text.plain)
            return cell_len.fget(text)

        monkeypatch.setattr(Text, "cell_len", property(counted))
        tree._build()
        assert measured == []
        node = next(n for n in tree._refs.values() if n.data is not None)
        node.set_label(Text("一个新的标题"))
        tree._build()
        assert measured == ["一个新的标题"]
        assert tree.get_label_width(node) == len("一个新的标题") * 2 + (2 if node.allow_expand else 0)


@run_async
async def test_pane_borders_are_set_only_when_their_text_changes(tmp_path):
    """Textual redraws a whole pane whenever its border text is set, even to the same text."""
    from tui_review.screens.main import _set_border

    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        content = app.main.content
        _set_border(content, "2 一节", "")
        refreshed: list[bool] = []
        refresh = content.refresh
        content.refresh = lambda *a, **k: refreshed.append(True) or refresh(*a, **k)  # type: ignore[method-assign]
        _set_border(content, "2 一节", "")
        assert refreshed == []
        content.border_title = "2 正文"  # set elsewhere meanwhile (a language switch)
        _set_border(content, "2 一节", "")
        assert content.border_title == "2 一节"


@run_async
async def test_the_tree_follows_n_after_the_first_frame(tmp_path, monkeypatch):
    """``n`` draws its response (list cursor, content, detail) before the tree's cursor moves: moving
    it can open closed nodes and scroll far (every visible line built and drawn again, a frame
    spanning the whole screen). The tree follows after that frame and ends on the node shown."""
    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        tree = main.query_one(DocumentTree)
        events = record_frames_and(monkeypatch, "tree", DocumentTree, "select_ref")
        moved = 0
        for _ in range(24):  # the sample's first ten findings are on its cover
            events.clear()
            before = main.node
            await pilot.press("n")
            await pilot.pause(0.1)
            if main.node == before:
                continue
            moved += 1
            assert "tree" in events and events.index("frame") < events.index("tree"), events
            assert tree.cursor_node is not None and tree.cursor_node.data == main.node
        assert moved, "no n moved to another node: the test shows nothing"


@run_async
async def test_the_list_follows_n_after_the_first_frame_unless_it_has_focus(tmp_path, monkeypatch):
    """``n`` from the tree or the text: the content pane is the response and the list's cursor
    follows after that frame (a list that scrolls to follow repaints every row). With the list
    focused its cursor is the response and moves in the first frame. The list taking focus before
    its cursor followed gets it at once, so Enter opens the finding ``n`` went to."""
    app = ReviewApp(deep_document(tmp_path), options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main, findings = app.main, app.main.query_one(FindingsList)
        events = record_frames_and(monkeypatch, "list", FindingsList, "select_key")
        for focus, list_first in (("1", False), ("3", True)):
            await pilot.press(focus)
            for _ in range(3):
                await pilot.pause(0.1)
                events.clear()
                await pilot.press("n")
                await pilot.pause(0.1)
                assert "list" in events and "frame" in events, events
                assert (events.index("list") < events.index("frame")) == list_first, events
                assert findings.key == main.entry_key
        await pilot.press("1")
        await pilot.pause(0.1)
        main.action_next_finding()
        findings.on_focus()  # the list takes focus before any frame: its cursor is there at once
        assert findings.key == main.entry_key
