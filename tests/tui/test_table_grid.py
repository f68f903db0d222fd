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
