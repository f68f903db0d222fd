"""Never lose a note (issue 13 item 4, S5/S12): a save the review file refuses stays pending under
a banner and is retried; quitting with it asks and can write a recovery file; the note editor keeps
a draft that comes back when the note is opened again, and Esc with typed text asks first."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager

from textual.widgets import TextArea
from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.review.export import default_export_path
from tui_review.screens.annotate import AnnotateScreen
from tui_review.screens.confirm import ConfirmDialog


@contextmanager
def file_held_by_another_process(path):
    """Another writer holding the review file (an exclusive SQLite transaction)."""
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        blocker.rollback()
        blocker.close()


async def _to_first_finding(pilot):
    await settle(pilot)
    await pilot.press("3", "n")
    await pilot.pause()


async def _type_a_note(pilot, text: str) -> str:
    """Open the note editor on the first finding and type ``text`` (unsaved); the finding's key."""
    await _to_first_finding(pilot)
    key = pilot.app.main.entry_key
    await pilot.press("a")
    await pilot.press(*text)
    await pilot.pause()
    return key


@run_async
async def test_a_refused_save_stays_pending_under_a_banner_and_is_retried(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_first_finding(pilot)
        main = app.main
        store = main.session.store
        with file_held_by_another_process(store.path):
            await pilot.press("s", "2")
            await pilot.pause()
            assert store.pending_count == 1
            assert main.status_line.banner == "1 条修改尚未保存"
            assert not isinstance(app.screen, ConfirmDialog)  # no modal: the review goes on
            assert main.session.entry(main.entry_key).status == "confirmed"  # the change is on screen
            main.retry_unsaved()  # the timer's retry, while the file is still held
            assert main.status_line.banner == "1 条修改尚未保存"
        main.retry_unsaved()
        assert store.pending_count == 0 and main.status_line.banner == ""
        row = sqlite3.connect(store.path).execute("SELECT status FROM reviews").fetchall()
        assert row == [("confirmed",)]


@run_async
async def test_quitting_with_unsaved_changes_asks_and_writes_a_recovery_file(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_first_finding(pilot)
        store = app.main.session.store
        with file_held_by_another_process(store.path):
            await pilot.press("a")
            app.screen.query_one(TextArea).insert("单位未说明差额")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert store.pending_count == 1
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)  # not gone: it asks
            assert app.is_running
            await pilot.click("#answer-recover")
            await pilot.pause()
    recovery = store.recovery_path(default_export_path(doc_copy))
    changes = json.loads(recovery.read_text(encoding="utf-8"))["changes"]
    assert [c["note"] for c in changes] == ["单位未说明差额"]


@run_async
async def test_go_back_from_the_quit_question_keeps_the_app(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_first_finding(pilot)
        store = app.main.session.store
        with file_held_by_another_process(store.path):
            await pilot.press("s", "3")
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            await pilot.click("#answer-stay")
            await pilot.pause()
            assert app.is_running and not isinstance(app.screen, ConfirmDialog)
        await pilot.press("q")  # the file is free again: written, no question
        await pilot.pause()
        assert not app.is_running
    assert store.pending_count == 0


@run_async
async def test_a_note_typed_but_not_saved_comes_back_as_a_draft(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        key = await _type_a_note(pilot, "abc")
        app.exit()  # the terminal closes with the editor open
    again = ReviewApp(doc_copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await _to_first_finding(pilot)
        assert again.main.entry_key == key
        await pilot.press("a")
        await pilot.pause()
        editor = again.screen
        assert isinstance(editor, AnnotateScreen) and editor.restored
        assert editor.editor.text == "abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = again.main.session
        assert session.entry(key).note == "abc"
        assert session.store.load_draft(f"note:{key}") is None  # saved: the draft is gone


@run_async
async def test_esc_with_typed_text_asks_and_discard_drops_the_draft(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        key = await _type_a_note(pilot, "xyz")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#answer-discard")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotateScreen)
        store = app.main.session.store
        assert store.load_draft(f"note:{key}") is None
        assert app.main.session.entry(key).note == ""
