"""Issue 14, "wrong or lost work": every review action lands on the finding the reviewer sees, a
note typed in one burst is saved whole, opening a file after a failed start works, and messages
keep every character."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from pinned import _figure, _finding
from textual import events
from tui_helpers import FIXTURE, run_async, settle

from tui_review.app import ReviewApp
from tui_review.review.pipeline import LoadOptions
from tui_review.screens.annotate import AnnotateScreen
from tui_review.screens.confirm import ConfirmDialog
from tui_review.screens.error_dialog import ErrorDialog
from tui_review.screens.main import MainScreen
from tui_review.screens.open_file import OpenFileScreen
from tui_review.screens.status_picker import StatusPicker
from tui_review.widgets.findings_list import FindingsList


def two_findings_on_one_figure(doc, config=None) -> SimpleNamespace:
    """The income total fails twice: as a sum of its parts and against the table's total (the
    situation of a real PDF where a figure is both a `repeat` and a `prose.table`)."""
    income, fiscal, other = _figure(doc, "354.72"), _figure(doc, "300.00"), _figure(doc, "50.00")
    total_cell = _figure(doc, "354.72", cell=True)
    return SimpleNamespace(findings=[
        _finding(doc, "f-sum", "sum.parts", "error", "open", [income, fiscal, other], "350.00",
                 "收入总计与分项之和不一致", "income total differs from its parts"),
        _finding(doc, "f-table", "prose.table", "error", "open", [income, total_cell], "354.70",
                 "正文收入总计与表中合计不一致", "the prose income total differs from the table"),
    ])


def app_on(tmp_path, check=two_findings_on_one_figure) -> ReviewApp:
    doc = tmp_path / "review_fixture.txt"
    shutil.copy(FIXTURE, doc)
    return ReviewApp(doc, options=LoadOptions(review_path=tmp_path / "review.sqlite", check=check))


async def highlight_in_list(pilot, key: str) -> None:
    findings = pilot.app.main.query_one(FindingsList)
    await pilot.press("3")
    for _ in range(len(pilot.app.main.session.entries) + 2):
        if findings.key == key:
            return
        await pilot.press("j")
    raise AssertionError(f"{key} is not in the list")


@run_async
async def test_status_and_note_land_on_the_finding_the_detail_shows_not_the_figures_first(tmp_path):
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        await highlight_in_list(pilot, "f-table")
        await pilot.press("enter")  # the content pane takes the focus, its cursor on 354.72
        await pilot.pause(0.1)
        await pilot.press("a")
        assert isinstance(app.screen, AnnotateScreen)
        assert "说明与表格一致" in app.screen.title_text and "354.72" in app.screen.title_text
        app.screen.editor.insert("表中为 354.70")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, StatusPicker) and "说明与表格一致" in app.screen.title_text
        await pilot.press("2")
        await pilot.pause()
        store = main.session.store
        assert (store.review("f-table").status, store.review("f-table").note) == ("confirmed", "表中为 354.70")
        assert store.review("f-sum") is None or (store.review("f-sum").status, store.review("f-sum").note) == ("open", "")


@run_async
async def test_back_after_counterpart_restores_the_finding_that_was_shown(tmp_path):
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        await highlight_in_list(pilot, "f-table")
        await pilot.press("enter")
        await pilot.pause(0.1)
        await pilot.press("c")  # to the table's total
        await pilot.pause(0.1)
        await pilot.press("b")
        await pilot.pause(0.1)
        assert main.entry_key == "f-table" and main.query_one(FindingsList).key == "f-table"


def burst(app, text: str, *keys: str) -> None:
    """Keys in one terminal read: all queued before the app handles the first."""
    for ch in text:
        app._driver.send_message(events.Key(ch, ch))
    for key in keys:
        app._driver.send_message(events.Key(key, None))


@run_async
async def test_a_note_typed_and_saved_in_one_burst_is_saved_whole(tmp_path):
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n", "a")
        assert isinstance(app.screen, AnnotateScreen)
        key = app.main.entry_key
        burst(app, "收入合计与分项之和差4.72万元", "ctrl+s")
        await pilot.pause(0.3)
        assert isinstance(app.screen, MainScreen)
        assert app.main.session.store.review(key).note == "收入合计与分项之和差4.72万元"


@run_async
async def test_escape_on_a_changed_note_asks_before_throwing_it_away(tmp_path):
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n", "a")
        key = app.main.entry_key
        app.screen.editor.insert("草稿")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no answer: back to the note, the text still there
        assert isinstance(app.screen, AnnotateScreen) and app.screen.editor.text == "草稿"
        await pilot.press("escape")
        app.screen.query_one("#answer-save").press()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.session.store.review(key).note == "草稿"
        await pilot.press("a")
        await pilot.press("escape")  # unchanged: closes at once
        assert isinstance(app.screen, MainScreen)


@run_async
async def test_open_after_a_missing_file_starts_in_an_existing_folder(tmp_path):
    missing = tmp_path / "no-such-folder" / "x.pdf"
    app = ReviewApp(missing)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the error dialog
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen) and app.screen.folder == tmp_path
        beside = ("notes.review.sqlite", "notes.review.sqlite-wal", "notes.review.sqlite-shm", "notes.review.csv")
        for name in beside:  # a review, its SQLite files, a sheet: never documents to open
            (tmp_path / name).write_bytes(b"")
        shutil.copy(FIXTURE, tmp_path / "review_fixture.txt")
        await pilot.pause(0.3)
        tree = app.screen.query_one("#open-tree")
        await tree.reload()
        names = {str(node.label) for node in tree.root.children}
        assert "review_fixture.txt" in names and not names & set(beside)
        field = app.screen.query_one("#open-path")
        field.value = "nothing-here.pdf"
        await pilot.press("enter")
        assert isinstance(app.screen, OpenFileScreen)
        assert "nothing-here.pdf" in str(app.screen.query_one("#open-warning").render())
        field.value = "review_fixture.txt"  # relative to the folder on show, not the working directory
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.main.session is not None
        assert Path(app.main.session.doc.path) == tmp_path / "review_fixture.txt"
    assert app.return_code in (0, None)


async def until_error_dialog(pilot) -> None:
    """Wait until the failed load's error dialog is up (the load runs in a worker; ~20 s at most)."""
    for _ in range(200):
        await settle(pilot)
        if isinstance(pilot.app.screen, ErrorDialog):
            return
        await pilot.pause(0.1)
    raise AssertionError(f"no error dialog: {pilot.app.screen!r}")


@run_async
async def test_a_document_that_fails_to_open_never_becomes_the_current_one(tmp_path):
    """o on a damaged PDF in another folder: the error is said; the review on show stays the
    current one (its heading, its review file, where the next o starts), and a later failure at
    start-up leaves o starting in the folder of the document tried last, not the one before."""
    other = tmp_path / "other"
    other.mkdir()
    broken = other / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a PDF")
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        opened = Path(app.main.session.doc.path)
        await pilot.press("o")
        await pilot.pause()
        field = app.screen.query_one("#open-path")
        field.value = str(broken)
        await pilot.press("enter")
        await until_error_dialog(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert Path(app.main.session.doc.path) == opened
        assert opened.name in app.main.status_line.heading and "broken" not in app.main.status_line.heading
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen) and app.screen.folder == opened.parent
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("3", "n", "s", "2")  # a status still lands in the review on show
        await pilot.pause()
        assert app.main.session.store.path == tmp_path / "review.sqlite"
    missing = tmp_path / "gone" / "x.pdf"
    app = ReviewApp(missing)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the error dialog
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#open-path").value = str(broken)
        await pilot.press("enter")
        await until_error_dialog(pilot)
        await pilot.press("enter")  # the second error
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen) and app.screen.folder == other


@run_async
async def test_messages_keep_every_chinese_character_where_panes_meet(tmp_path):
    """Toasts floating over the panes lost the character standing across a pane's edge."""
    doc = tmp_path / "review_fixture.txt"
    shutil.copy(FIXTURE, doc)
    app = ReviewApp(doc)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.clear_notifications()
        for lead in ("", "审", "审审"):  # the message's characters on both column parities
            app.notify(lead + "状态已设为：确认问题")
        await pilot.pause(0.5)
        screen_text = [strip.text for strip in app.screen._compositor.render_strips()]
        shown = [line for line in screen_text if "确认" in line or "状态已" in line]
        assert len(shown) >= 2 and all("状态已设为：确认问题" in line for line in shown), shown


@run_async
async def test_the_reviewers_own_finding_can_be_deleted_after_asking(tmp_path):
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("2", "j", "j", "m")  # a figure of the text, marked
        app.screen.editor.insert("分项与合计不符")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [own] = [e for e in main.session.entries if e.kind == "own"]
        main._draw(main.nav.select_entry(own))
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        app.screen.query_one("#answer-delete").press()
        await pilot.pause()
        assert not [e for e in main.session.entries if e.kind == "own"]
        assert main.session.store.own_findings() == []


@run_async
async def test_enter_right_after_focusing_the_list_opens_the_highlighted_finding(tmp_path):
    """``3`` then Enter at once: the list's cursor is on its first row and Enter opens that finding
    (it used to do nothing until the first ``j``)."""
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        findings = main.query_one(FindingsList)
        first = main.nav.shown()[0].key
        await pilot.press("3", "enter")
        await pilot.pause(0.1)
        assert findings.key == first
        assert main.detail_key == first and main.entry_key == first
        assert app.focused is not findings  # Enter opened it: the content pane shows its place


@run_async
async def test_the_heading_counts_the_findings_reviewed(tmp_path):
    """“已审 X/Y” on the status line (issue 14 item 8): 0 at first, then every finding given a
    status (each member of a suspect group counts), as the session counts them."""
    app = app_on(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        reviewed, total = main.session.progress()
        assert reviewed == 0 and total > 0 and f"已审 0/{total}" in main.status_line.heading
        await pilot.press("3", "n", "s", "2")
        await pilot.pause()
        reviewed, _ = main.session.progress()
        assert reviewed > 0 and f"已审 {reviewed}/{total}" in main.status_line.heading
