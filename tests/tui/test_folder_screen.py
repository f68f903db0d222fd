"""The folder dialog (`tui-review DIR`): every document listed, counts filled in, Enter opens one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from textual.widgets import DataTable
from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.screens.folder import FolderScreen
from tui_review.screens.main import MainScreen

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


@pytest.fixture(autouse=True)
def private_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def folder_of_two(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_c776e60c2084e5b6.txt", folder / "000_budget.txt")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    return folder


@run_async
async def test_a_folder_lists_its_documents_with_counts_and_enter_opens_one(tmp_path, monkeypatch):
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
    app = ReviewApp(None, folder=folder_of_two(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.session is None


@run_async
async def test_listing_a_folder_leaves_nothing_beside_a_reviewed_document(tmp_path):
    """The list reads each saved review for its progress: no -wal/-shm/-lock stays after quitting."""
    from tui_review.review.pipeline import open_review

    folder = folder_of_two(tmp_path)
    session = open_review(folder / "000_budget.txt")
    first = next(e for e in session.entries if e.finding is not None)
    session.store.set_note(first.finding, "批注")
    session.store.close()
    app = ReviewApp(None, folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FolderScreen)
        await pilot.press("escape")
        await pilot.press("q")
    assert sorted(p.name for p in folder.iterdir()) == ["000_budget.txt", "000_budget.txt.review.sqlite", "broken.pdf"]


def test_snapshot_folder_list(snap_compare, tmp_path, monkeypatch):
    """The list at 120×40 once every document is checked (the check pinned: no rule redraws it)."""
    from tui_review import engine
    from tui_review.checks.report import CheckReport, Coverage

    def pinned(doc, config=None, relations=None):
        return CheckReport(document=Path(doc.path).name, findings=[], coverage=Coverage(0, 0))

    monkeypatch.setattr(engine, "check_document", pinned)
    folder_of_two(tmp_path)
    monkeypatch.chdir(tmp_path)  # the title shows the folder as given: relative, the same everywhere
    app = ReviewApp(None, folder=Path("docs"), theme="review-dark")

    async def prepare(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(120, 40), run_before=prepare)


OPENING = "与年初预算354.72万元相比"  # seed 001's restatement of seed 000's 收入、支出总计


def folder_of_a_set(tmp_path: Path) -> Path:
    """Seed 000 (the 2023 预算) and a copy of seed 001 (its 决算) with one 年初预算 figure changed."""
    folder = tmp_path / "set"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_c776e60c2084e5b6.txt", folder / "000_budget.txt")
    final = (SAMPLES / "001_17aaca51ade6ba7f.txt").read_text(encoding="utf-8")
    (folder / "001_final.txt").write_text(final.replace(OPENING, "与年初预算364.72万元相比"), encoding="utf-8")
    return folder


async def across_on_a_cross_error(app, pilot):
    """Open the changed 决算 from the list, select its cross error and press c; the review screen."""
    await open_from_list(app, pilot, "001_final.txt")
    main = app.main
    cross = next(e for e in main.session.entries if e.rule.startswith("cross.") and e.severity == "error")
    main._draw(main.nav.select_entry(cross))
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause(0.1)
    return main


async def open_from_list(app, pilot, name: str) -> None:
    await settle(pilot)
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(app.folder / name)))
    await pilot.press("enter")
    await settle(pilot)


@run_async
async def test_the_list_shows_review_progress_from_each_documents_saved_review(tmp_path, monkeypatch):
    from parsers import load_document
    from tui_review.engine import check_document
    from tui_review.review.store import ReviewStore

    folder = folder_of_a_set(tmp_path)
    budget = folder / "000_budget.txt"
    problems = [f for f in check_document(load_document(budget)).findings if f.failed and f.severity != "info"]
    store = ReviewStore.open(budget)
    store.set_status(problems[0], "confirmed")
    store.close()
    app = ReviewApp(None, folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        reviewed = table.get_cell(str(budget), "folder.col.progress")
        final = table.get_cell(str(folder / "001_final.txt"), "folder.col.progress")
        assert reviewed.startswith("1/") and int(reviewed.split("/")[1]) >= 1
        assert final.startswith("0/")
        await open_from_list(app, pilot, "000_budget.txt")
        assert app.main.session.progress() == (1, int(reviewed.split("/")[1]))  # as the review screen counts


@run_async
async def test_c_on_a_cross_finding_opens_the_partner_beside_it_and_c_closes_it(tmp_path, monkeypatch):
    from tui_review.widgets.partner_view import PartnerView

    app = ReviewApp(None, folder=folder_of_a_set(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_list(app, pilot, "001_final.txt")
        main = app.main
        (cross,) = [e for e in main.session.entries if e.rule.startswith("cross.") and e.severity == "error"]
        assert "000_budget.txt" in cross.finding.document and "001_final.txt" in cross.finding.document
        main._draw(main.nav.select_entry(cross))
        await pilot.pause()
        assert not main.has_class("-partner")
        await pilot.press("c")
        await pilot.pause()
        partner = main.query_one(PartnerView)
        assert main.has_class("-partner") and partner.display and partner.region.width > 0
        assert partner.figure is not None and partner.figure.text == "354.72"  # the 预算's figure it restates
        assert partner.partner == "000_budget.txt" and "000_budget.txt" in str(partner.border_title)
        assert not main.doc_tree.region.width  # the partner takes the document tree's place
        await pilot.press("c")
        await pilot.pause()
        assert not main.has_class("-partner")


@run_async
async def test_the_split_follows_cross_findings_and_closes_on_any_other(tmp_path, monkeypatch):
    app = ReviewApp(None, folder=folder_of_a_set(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        main = await across_on_a_cross_error(app, pilot)
        assert main.has_class("-partner")
        other = next(e for e in main.session.entries if not e.rule.startswith("cross.") and e.node is not None)
        main._draw(main.nav.select_entry(other))
        await pilot.pause(0.1)
        assert not main.has_class("-partner")


@run_async
async def test_c_on_a_document_opened_alone_keeps_its_meaning_inside_the_document(tmp_path, monkeypatch):
    folder = folder_of_a_set(tmp_path)
    app = ReviewApp(folder / "001_final.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        assert not [e for e in main.session.entries if e.rule.startswith("cross.")]  # no set, no cross findings
        entry = next(e for e in main.session.entries if e.node is not None and e.figure_ids)
        main._draw(main.nav.select_entry(entry))
        await pilot.press("c")
        await pilot.pause()
        assert not main.has_class("-partner")


@run_async
async def test_o_on_a_folder_opens_its_document_list(tmp_path, monkeypatch):
    from textual.widgets import Input

    from tui_review.screens.open_file import OpenFileScreen

    folder = folder_of_a_set(tmp_path)
    app = ReviewApp(folder / "000_budget.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen)
        app.screen.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen)  # another folder typed: the dialog shows it first
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen)
        await pilot.press("enter")  # Enter on the folder shown: its document list
        await settle(pilot)
        assert isinstance(app.screen, FolderScreen) and app.screen.folder == folder
        assert app.screen.query_one(DataTable).row_count == 2


def test_snapshot_split_view(snap_compare, tmp_path, monkeypatch):
    """The split view at 120×40: the 决算's changed 年初预算 figure, the 预算's figure beside it."""
    folder_of_a_set(tmp_path)
    monkeypatch.chdir(tmp_path)
    app = ReviewApp(None, folder=Path("set"), theme="review-dark")

    async def prepare(pilot) -> None:
        await across_on_a_cross_error(app, pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=prepare)
