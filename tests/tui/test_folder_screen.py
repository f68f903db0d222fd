"""The folder dialog (`tui-review DIR`): every document listed, counts filled in, Enter opens one."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable
from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.screens.folder import FolderScreen
from tui_review.screens.main import MainScreen

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def folder_of_two(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_c776e60c2084e5b6.txt", folder / "000_budget.txt")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    return folder


@run_async
async def test_a_folder_lists_its_documents_with_counts_and_enter_opens_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = folder_of_two(tmp_path)
    app = ReviewApp(None, folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FolderScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        budget, broken = str(folder / "000_budget.txt"), str(folder / "broken.pdf")
        assert table.get_cell(budget, "folder.col.year") == "2023"
        assert table.get_cell(budget, "folder.col.kind") == "预算"
        assert table.get_cell(budget, "folder.col.errors").isdigit()
        assert table.get_cell(broken, "folder.col.errors") == "无法读取"
        table.move_cursor(row=table.get_row_index(budget))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.main.session is not None and Path(app.main.session.doc.path).name == "000_budget.txt"


@run_async
async def test_escape_closes_the_list_and_leaves_the_review_screen(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = ReviewApp(None, folder=folder_of_two(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.session is None


def test_snapshot_folder_list(snap_compare, tmp_path, monkeypatch):
    """The list at 120×40 once every document is checked (the check pinned: no rule redraws it)."""
    from tui_review import engine
    from tui_review.checks.report import CheckReport, Coverage

    def pinned(doc, config=None, relations=None):
        return CheckReport(document=Path(doc.path).name, findings=[], coverage=Coverage(0, 0))

    monkeypatch.setattr(engine, "check_document", pinned)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder_of_two(tmp_path)
    monkeypatch.chdir(tmp_path)  # the title shows the folder as given: relative, the same everywhere
    app = ReviewApp(None, folder=Path("docs"), theme="review-dark")

    async def prepare(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(120, 40), run_before=prepare)
