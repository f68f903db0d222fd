"""The table grid: a multi-row header shows its group names over their columns (the 三公 table's
预算数 决算数 under each item), and the code and name columns stay put when scrolling sideways."""

from __future__ import annotations

from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.review.session import NodeRef
from tui_review.widgets.table_grid import header_rows


def test_group_names_stand_once_over_their_columns():
    names = ["项目", "合计 › 预算数", "合计 › 决算数", "因公出国（境）费 › 预算数", "因公出国（境）费 › 决算数"]
    assert header_rows(names) == [
        ["", "合计", "", "因公出国（境）费", ""],
        ["项目", "预算数", "决算数", "预算数", "决算数"],
    ]


def test_three_levels_and_a_repeated_leaf_under_different_groups():
    names = ["A › x › 1", "A › x › 2", "A › y › 1", "B › y › 1"]
    assert header_rows(names) == [["A", "", "", "B"], ["x", "", "y", "y"], ["1", "2", "1", "1"]]


def test_a_plain_header_is_one_row():
    assert header_rows(["项目", "决算数"]) == [["项目", "决算数"]]


@run_async
async def test_the_name_column_is_frozen_and_the_header_has_a_row_per_level(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        table = main.session.doc.tables[0]
        table.columns = ["项目", "本年 › 决算数"]  # a two-level header
        main._go(NodeRef("table", table.id))
        await pilot.pause()
        grid = main.table_grid
        assert grid.fixed_columns == 1  # 项目: the column before the first figure
        assert grid.header_height == 2
        assert [str(c.label) for c in grid.columns.values()] == ["\n项目", "本年\n决算数"]


@run_async
async def test_another_figure_of_the_table_shown_moves_the_cursor_without_filling_it_again(doc_copy, monkeypatch):
    """Filling a table measures and draws every cell and lays the screen out: ``j``/``n`` between
    findings of one table only move its cursor. A new own mark or theme fills it again."""
    from tui_review.widgets.table_grid import TableGrid

    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        session = main.session
        table = next(t for t in session.doc.tables if len(session.cell_figures(t.id)) >= 2)
        (first, a), (second, b) = list(session.cell_figures(table.id).items())[:2]
        fills: list[str] = []
        fill = TableGrid._fill
        monkeypatch.setattr(TableGrid, "_fill", lambda grid: fills.append(grid.table_id) or fill(grid))
        grid = main.table_grid
        main._go(NodeRef("table", table.id), a.id)
        await pilot.pause()
        main._go(NodeRef("table", table.id), b.id)
        await pilot.pause()
        assert fills == [table.id]
        assert grid.figure_id == b.id and tuple(grid.cursor_coordinate) == second
        session.store.add_own("figure", a.id, text=a.text)
        main._go(NodeRef("table", table.id), a.id)
        await pilot.pause()
        assert fills == [table.id, table.id]
        assert grid.figure_id == a.id and tuple(grid.cursor_coordinate) == first
        app.theme = "review-light" if app.theme != "review-light" else "review-dark"
        main._go(NodeRef("table", table.id), None)
        await pilot.pause()
        assert len(fills) == 3 and tuple(grid.cursor_coordinate) == (0, 0)


@run_async
async def test_j_onto_a_finding_in_another_table_keeps_that_finding_in_the_detail(tmp_path):
    """Showing a table for a finding highlighted its first cell on the way; reported, it made the
    screen leave the finding's figure, and the figure's highlight then opened the figure's FIRST
    finding: on the demo 决算 5 of 16 table findings reached with j/n put another finding in the
    detail pane, where s and a act (issue 14, item 1)."""
    app = _demo_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app, pilot)
        main = app.main
        await pilot.press("3")
        in_tables = 0
        for _ in range(len(main.nav.shown())):
            await pilot.press("j")
            await pilot.pause(0.1)
            entry = main.session.entry(main.findings.key or "")
            assert entry is not None and main.nav.detail_key == entry.key and main.findings.key == entry.key
            in_tables += entry.node is not None and entry.node.kind == "table"
        assert in_tables >= 5, "too few findings in tables: the test shows nothing"


@run_async
async def test_s_on_a_table_finding_keeps_it_in_the_detail_for_the_note(tmp_path):
    """n → s → a on a table finding: setting the status redraws the table's marks; the redraw's
    first-cell highlight, reported, made the screen reopen the figure at its first finding, so the
    note typed next went to another finding (the demo 决算: 4 table groups; issue 14, item 1)."""
    app = _demo_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app, pilot)
        main = app.main
        on_tables = 0
        for _ in range(len(main.nav.walk())):
            await pilot.press("n")
            await pilot.pause(0.1)
            key = main.nav.detail_key
            await pilot.press("s", "2")
            await pilot.pause(0.1)
            assert main.nav.detail_key == key and main.findings.key == key
            on_tables += main.content.current == "table"
        assert on_tables >= 4, "too few table findings: the test shows nothing"


def _demo_app(tmp_path) -> ReviewApp:
    """The app on a copy of the demo 决算 with errors (its review file in ``tmp_path``)."""
    import shutil
    from pathlib import Path

    from tui_review.review.pipeline import LoadOptions

    doc = tmp_path / "demo.pdf"
    shutil.copy(Path(__file__).resolve().parents[2] / "sample_docs" / "demo_final_2024_errors.pdf", doc)
    return ReviewApp(doc, options=LoadOptions(review_path=tmp_path / "r.sqlite"))


async def _loaded(app: ReviewApp, pilot) -> None:
    """Wait until the document is read and its review opened."""
    for _ in range(300):
        await settle(pilot)
        if app.main.session is not None:
            return
        await pilot.pause(0.1)
