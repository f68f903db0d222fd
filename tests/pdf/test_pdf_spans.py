"""Logical columns of ruled tables printed over several physical columns (`parsers.table_spans`),
header rows that only continue the header, names wrapped over ruled rows and printed rows drawn
over several ruled rows (`parsers.table_wraps`), open table borders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.pdf_grid import RawCell, RawTable
from parsers.pdf_layout import Fragment
from parsers.pdf_ruling import _closing_edges
from parsers.pdf_tables import build_table, group_fragments
from parsers.table_spans import logical_columns, merge_columns

REAL_DOCS = Path(os.environ.get("TUI_REVIEW_REAL_DOCS") or Path(__file__).resolve().parents[2].parent / "shared" / "real")
COURT_2018 = REAL_DOCS / "jiangsu" / "省法院2018年度部门预算公开.pdf"

# (row, col, row_span, col_span, text); every other grid position gets a blank 1×1 cell
Spec = tuple[int, int, int, int, str]


def grid(xs: list[float], n_rows: int, cells: list[Spec], page: int = 1, ink_room: float | None = None, pitch: float = 20.0) -> RawTable:
    """A ruled grid: the given cells, blank 1×1 cells wherever none covers. ``ink_room``: the room
    each non-blank cell's text leaves in its cell (points; None: the text fills a third of it);
    ``pitch``: the rows' height (each text is one 10-point line, set in the middle of its cell)."""
    ys = [pitch * r for r in range(n_rows + 1)]
    table = RawTable(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys)
    covered = set()
    for row, col, row_span, col_span, text in cells:
        box = (xs[col], ys[row], xs[col + col_span], ys[row + row_span])
        width = box[2] - box[0]
        used = width - ink_room if ink_room is not None else width / 3
        middle = (box[1] + box[3]) / 2
        ink = (box[0] + (width - used) / 2, middle - 5, box[0] + (width + used) / 2, middle + 5) if text else None
        table.cells.append(RawCell(row, col, row_span, col_span, box, text, ink, 10.0 if text else 0.0))
        covered |= {(r, c) for r in range(row, row + row_span) for c in range(col, col + col_span)}
    for r in range(n_rows):
        for c in range(len(xs) - 1):
            if (r, c) not in covered:
                table.cells.append(RawCell(r, c, 1, 1, (xs[c], ys[r], xs[c + 1], ys[r + 1])))
    table.cells.sort(key=lambda c: (c.row, c.col))
    return table


def built(*fragments: Fragment):
    (group,) = group_fragments(list(fragments))
    return build_table("T1", group)


# three logical columns, each printed as sliver | column | sliver (the 省法院 tables)
STAGGERED_XS = [62.0, 67.0, 185.0, 190.0, 195.0, 411.0, 417.0, 422.0, 532.0, 537.0]


def staggered() -> RawTable:
    return grid(STAGGERED_XS, 4, [
        (0, 1, 1, 1, "科目编码"), (0, 4, 1, 1, "科目名称"), (0, 7, 1, 1, "金额"),
        (1, 4, 1, 1, "合计"), (1, 7, 1, 1, "18,570.82"),
        (2, 0, 1, 3, "301"), (2, 3, 1, 3, "工资福利支出"), (2, 7, 1, 1, "13,747.87"),
        (3, 0, 1, 3, "30101"), (3, 3, 1, 3, "基本工资"), (3, 6, 1, 3, "2,679.68"),
    ])


def test_staggered_physical_columns_read_as_the_three_printed_columns():
    raw = staggered()
    table = built(Fragment(raw))
    assert table.columns == ["科目编码", "科目名称", "金额"]
    assert table.rows == [
        ["", "合计", "18,570.82"],
        ["301", "工资福利支出", "13,747.87"],
        ["30101", "基本工资", "2,679.68"],
    ]
    # each figure keeps the box of the cell it was printed in
    spanning = next(c for c in raw.cells if c.text == "2,679.68")
    single = next(c for c in raw.cells if c.text == "13,747.87")
    assert table.cell_bboxes[(2, 2)] == spanning.bbox
    assert table.cell_bboxes[(1, 2)] == single.bbox
    assert {table.cell_pages[(i, 2)] for i in range(3)} == {1}


def test_a_header_that_names_two_columns_keeps_them_apart_though_no_row_fills_both():
    raw = grid([0.0, 100.0, 200.0, 300.0], 3, [
        (0, 0, 1, 1, "项目"), (0, 1, 1, 1, "基本支出"), (0, 2, 1, 1, "项目支出"),
        (1, 0, 1, 1, "甲"), (1, 1, 1, 1, "5.00"),
        (2, 0, 1, 1, "乙"), (2, 2, 1, 1, "7.00"),
    ])
    assert logical_columns(raw, has_header=True) == [(0, 1), (1, 2), (2, 3)]
    assert built(Fragment(raw)).rows == [["甲", "5.00", ""], ["乙", "", "7.00"]]


def test_a_cell_drawn_across_two_named_columns_does_not_merge_them():
    # 支出 spans 基本支出 | 项目支出, whose names stand side by side in the row below
    raw = grid([0.0, 100.0, 200.0, 300.0], 3, [
        (0, 0, 2, 1, "项目"), (0, 1, 1, 2, "支出"),
        (1, 1, 1, 1, "基本支出"), (1, 2, 1, 1, "项目支出"),
        (2, 0, 1, 1, "合计"), (2, 1, 1, 2, "12.00"),
    ])
    assert logical_columns(raw, has_header=True) == [(0, 1), (1, 2), (2, 3)]


def test_without_a_header_a_spanning_cell_is_no_evidence_of_one_column():
    # columns 1 and 2 both hold figures of their own; one row's figure is drawn across both
    raw = grid([0.0, 100.0, 200.0, 300.0], 3, [
        (0, 0, 1, 1, "甲"), (0, 1, 1, 2, "5.00"),
        (1, 0, 1, 1, "乙"), (1, 2, 1, 1, "7.00"),
        (2, 0, 1, 1, "丙"), (2, 1, 1, 1, "6.00"),
    ])
    assert logical_columns(raw, has_header=False) == [(0, 1), (1, 2), (2, 3)]
    assert logical_columns(raw, has_header=True) == [(0, 1), (1, 3)]


def test_slivers_without_text_join_the_columns_their_cells_are_drawn_with():
    # one-cell-wide names and figures, slivers between them; “三公”经费 spans the slivers too
    xs = [0.0, 5.0, 40.0, 45.0, 50.0, 90.0, 95.0, 100.0, 140.0, 145.0]
    raw = grid(xs, 3, [
        (0, 0, 1, 3, ""), (0, 3, 1, 6, "“三公”经费"),
        (1, 1, 1, 1, "合计"), (1, 4, 1, 1, "小计"), (1, 7, 1, 1, "公务接待费"),
        (2, 1, 1, 1, "30.00"), (2, 4, 1, 1, "20.00"), (2, 7, 1, 1, "10.00"),
    ])
    merged = merge_columns(raw, logical_columns(raw, has_header=True))
    assert merged.n_cols == 3
    table = built(Fragment(raw))
    assert table.columns == ["合计", "“三公”经费 › 小计", "“三公”经费 › 公务接待费"]
    assert table.rows == [["30.00", "20.00", "10.00"]]


def test_rows_under_the_header_that_only_continue_it_are_header():
    # 小计 and the tail 费 of a wrapped name sit in rows a header cell is drawn down into
    raw = grid([0.0, 50.0, 100.0, 150.0], 5, [
        (0, 0, 4, 1, "合计"), (0, 1, 1, 2, "“三公”经费"),
        (1, 1, 1, 1, ""), (1, 2, 1, 1, "因公出"),
        (2, 1, 2, 1, "小计"), (2, 2, 1, 1, "国（境）"),
        (3, 2, 1, 1, "费"),
        (4, 0, 1, 1, "30.00"), (4, 1, 1, 1, "20.00"), (4, 2, 1, 1, "20.00"),
    ], ink_room=4.0)
    table = built(Fragment(raw))
    assert table.rows == [["30.00", "20.00", "20.00"]]
    assert table.columns == ["合计", "“三公”经费 › 小计", "“三公”经费 › 因公出国（境）费"]


def test_a_row_label_row_that_no_header_cell_reaches_stays_a_row():
    raw = grid([0.0, 100.0, 200.0], 3, [
        (0, 0, 1, 1, "项目"), (0, 1, 1, 1, "金额"),
        (1, 0, 1, 1, "合计"),
        (2, 0, 1, 1, "小计"),
    ])
    assert built(Fragment(raw)).rows == [["合计", ""], ["小计", ""]]


def test_a_group_name_centred_over_its_column_is_not_a_wrapped_name():
    raw = grid([0.0, 100.0, 200.0], 3, [
        (0, 0, 2, 1, "收入"), (0, 1, 1, 1, "支出"),
        (1, 1, 1, 1, "支出用途"),
        (2, 0, 1, 1, "10.00"), (2, 1, 1, 1, "10.00"),
    ])
    assert built(Fragment(raw)).columns == ["收入", "支出 › 支出用途"]


def test_a_continuation_page_is_placed_on_the_merged_columns():
    first = Fragment(staggered(), title="八、一般公共预算基本支出预算表", last_on_page=True)
    xs = [62.0, 190.0, 417.0, 422.0, 532.0, 537.0]
    rest = grid(xs, 2, [
        (0, 0, 1, 1, "30102"), (0, 1, 1, 1, "津贴补贴"), (0, 2, 1, 3, "6,494.60"),
        (1, 0, 1, 1, "302"), (1, 1, 1, 1, "商品和服务支出"), (1, 3, 1, 1, "3,407.38"),
    ], page=2)
    table = built(first, Fragment(rest, first_on_page=True))
    assert table.pages == [1, 2]
    assert table.rows[-2:] == [["30102", "津贴补贴", "6,494.60"], ["302", "商品和服务支出", "3,407.38"]]
    assert table.cell_pages[(4, 2)] == 2


def test_a_header_carried_over_a_page_break_leads_the_columns_under_it():
    top = grid([0.0, 5.0, 200.0, 400.0], 1, [(0, 1, 1, 1, "收入"), (0, 2, 1, 1, "支出")])
    rest = grid([0.0, 100.0, 200.0, 300.0, 400.0], 3, [
        (0, 0, 1, 1, "项目名称"), (0, 1, 1, 1, "金额"), (0, 2, 1, 1, "项目名称"), (0, 3, 1, 1, "金额"),
        (1, 0, 1, 1, "一、一般公共预算"), (1, 1, 1, 1, "9.00"), (1, 2, 1, 1, "一、基本支出"), (1, 3, 1, 1, "9.00"),
        (2, 0, 1, 1, "收入合计"), (2, 1, 1, 1, "9.00"), (2, 2, 1, 1, "支出合计"), (2, 3, 1, 1, "9.00"),
    ], page=2)
    table = built(Fragment(top, title="四、财政拨款收支预算总表", last_on_page=True), Fragment(rest, first_on_page=True))
    assert table.title == "四、财政拨款收支预算总表"
    assert table.kind == "fiscal_summary"
    assert table.pages == [1, 2]
    assert table.columns == ["收入 › 项目名称", "收入 › 金额", "支出 › 项目名称", "支出 › 金额"]
    assert table.header_rows[0] == ["收入", "", "支出", ""]
    assert table.rows[-1] == ["收入合计", "9.00", "支出合计", "9.00"]
    assert table.cell_pages[(1, 3)] == 2


def test_pages_after_a_carried_header_continue_the_columns_under_it():
    top = grid([0.0, 5.0, 200.0, 400.0], 1, [(0, 1, 1, 1, "收入"), (0, 2, 1, 1, "支出")])
    xs = [0.0, 100.0, 200.0, 300.0, 400.0]
    under = grid(xs, 2, [
        (0, 0, 1, 1, "项目名称"), (0, 1, 1, 1, "金额"), (0, 2, 1, 1, "项目名称"), (0, 3, 1, 1, "金额"),
        (1, 0, 1, 1, "一、一般公共预算"), (1, 1, 1, 1, "9.00"), (1, 2, 1, 1, "一、基本支出"), (1, 3, 1, 1, "9.00"),
    ], page=2)
    last = grid(xs, 1, [(0, 0, 1, 1, "收入合计"), (0, 1, 1, 1, "9.00"), (0, 2, 1, 1, "支出合计"), (0, 3, 1, 1, "9.00")], page=3)
    table = built(
        Fragment(top, title="四、财政拨款收支预算总表", last_on_page=True),
        Fragment(under, first_on_page=True, last_on_page=True),
        Fragment(last, first_on_page=True),
    )
    assert table.pages == [1, 2, 3]
    assert table.rows == [["一、一般公共预算", "9.00", "一、基本支出", "9.00"], ["收入合计", "9.00", "支出合计", "9.00"]]


def offset_rows(tail: str, pitch: float) -> RawTable:
    """A 收支总表 body whose right-hand name starts a ruled row above its row and wraps into one below."""
    return grid([0.0, 100.0, 200.0, 300.0, 400.0], 6, [
        (0, 0, 1, 1, "项目"), (0, 1, 1, 1, "金额"), (0, 2, 1, 1, "项目"), (0, 3, 1, 1, "金额"),
        (1, 0, 1, 1, "1.一般公共预算"), (1, 1, 1, 1, "9.00"), (1, 2, 1, 1, "二、项目支出"), (1, 3, 1, 1, "5.00"),
        (2, 2, 2, 1, "三、单位预留机动经"),
        (3, 0, 2, 1, "2.政府性基金预算"), (3, 3, 2, 1, "4.00"),
        (4, 2, 2, 1, tail),
    ], ink_room=4.0, pitch=pitch)


def test_a_name_wrapped_into_a_ruled_row_of_its_own_is_one_printed_row_with_its_figure():
    table = built(Fragment(offset_rows("费", pitch=8.0)))
    assert table.rows == [
        ["1.一般公共预算", "9.00", "二、项目支出", "5.00"],
        ["2.政府性基金预算", "", "三、单位预留机动经费", "4.00"],
    ]


@pytest.mark.parametrize(("tail", "pitch"), [("三、其他支出", 8.0), ("其他支出", 30.0)], ids=["item of its own", "a row's spacing"])
def test_a_name_under_a_full_cell_is_no_wrap_when_it_opens_an_item_or_sits_a_row_lower(tail, pitch):
    rows = built(Fragment(offset_rows(tail, pitch=pitch))).rows
    assert ["", "", tail, ""] in rows
    assert not any("三、单位预留机动经" + tail in row for row in rows)


def test_a_name_over_two_rows_each_with_an_item_of_its_own_keeps_both_rows():
    raw = grid([0.0, 100.0, 200.0, 300.0], 4, [
        (0, 0, 1, 1, "项目"), (0, 2, 1, 1, "金额"),
        (1, 0, 2, 1, "上年结转和结余资金"), (1, 1, 1, 1, "小计"), (1, 2, 1, 1, "3.00"),
        (2, 1, 1, 1, "其中：动用上年结转"), (2, 2, 1, 1, "1.00"),
        (3, 0, 1, 1, "合计"), (3, 2, 1, 1, "3.00"),
    ])
    assert built(Fragment(raw)).rows == [
        ["上年结转和结余资金", "小计", "3.00"], ["", "其中：动用上年结转", "1.00"], ["合计", "", "3.00"],
    ]


def _vertical(x: float, top: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top}


def _horizontal(x0: float, x1: float, y: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0}


def test_an_open_top_row_gets_its_border():
    vertical = [_vertical(x, 71.0, 89.0) for x in (62.0, 190.0, 417.0, 537.0)]
    vertical += [_vertical(x, 89.0, 107.0) for x in (62.0, 190.0, 417.0, 537.0)]
    horizontal = [_horizontal(62.0, 537.0, 89.0), _horizontal(62.0, 537.0, 107.0)]
    added = _closing_edges(vertical, horizontal)
    assert [(e["x0"], e["x1"], e["top"]) for e in added] == [(62.0, 537.0, 71.0)]


def test_column_rules_with_no_ruling_across_them_are_no_open_row():
    # a chart's grid: rules at one height with nothing drawn across them at either end
    vertical = [_vertical(x, 71.0, 89.0) for x in (62.0, 190.0, 417.0, 537.0)]
    assert _closing_edges(vertical, [_horizontal(600.0, 700.0, 89.0), _horizontal(600.0, 700.0, 10.0)]) == []


def test_rules_ending_inside_a_drawn_table_close_nothing():
    # a header whose sub-column rules start under a drawn row: the table's own top is above them
    vertical = [_vertical(x, 40.0, 100.0) for x in (0.0, 300.0)] + [_vertical(x, 60.0, 100.0) for x in (100.0, 200.0)]
    horizontal = [_horizontal(x0, x1, y) for y in (40.0, 100.0) for x0, x1 in ((0.0, 150.0), (150.0, 300.0))]
    horizontal += [_horizontal(100.0, 300.0, 60.0)]
    assert _closing_edges(vertical, horizontal) == []


@pytest.mark.skipif(not COURT_2018.exists(), reason="the real Jiangsu PDFs are not beside the repository")
def test_court_2018_tables_read_on_their_printed_columns(parsed):
    doc = parsed(COURT_2018)
    by_title = {t.title.split("江苏省高级人民法院")[-1]: t for t in doc.tables}
    basic = by_title["一般公共预算基本支出预算表"]
    assert basic.columns == ["科目编码", "科目名称", "金额"]
    assert basic.pages == [13, 14]
    rows = {r[0]: r for r in basic.rows}
    assert rows["301"] == ["301", "工资福利支出", "13,747.87"]
    assert rows["30231"] == ["30231", "公务用车运行维护费", "266.80"]  # the open first row of page 14
    three = by_title["“三公”经费、会议费、培训费支出预算表"]
    assert [c.split(" › ")[-1] for c in three.columns] == [
        "合计", "小计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费", "培训费",
    ]
    assert three.rows == [["2,558.26", "620.75", "170.00", "266.80", "", "266.80", "183.95", "271.26", "1,666.25"]]
    summary = by_title["收支预算总表"]
    assert ["2.政府性基金预算", "", "三、国防支出", "", "三、单位预留机动经费", "3,258.06"] in summary.rows
    fiscal = by_title["财政拨款收支预算总表"]
    assert fiscal.pages == [10, 11]
    assert fiscal.columns == ["收入 › 项目名称", "收入 › 金额", "支出 › 支出用途 › 项目名称", "支出 › 支出用途 › 金额"]


TEXTS = ["", "", "", "甲", "乙", "项目", "合计", "1.00", "2.50", "30.00"]


@st.composite
def ruled_grids(draw) -> RawTable:
    """Random ruled grids: cells of 1–2 rows by 1–3 columns tiling the grid, texts names or figures."""
    n_rows, n_cols = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    covered: set[tuple[int, int]] = set()
    cells: list[Spec] = []
    for r in range(n_rows):
        for c in range(n_cols):
            if (r, c) in covered:
                continue
            row_span = draw(st.integers(1, min(2, n_rows - r)))
            col_span = 1
            while col_span < min(3, n_cols - c) and (r, c + col_span) not in covered and draw(st.booleans()):
                col_span += 1
            row_span = row_span if all((r + 1, c + k) not in covered for k in range(col_span)) else 1
            covered |= {(r + i, c + k) for i in range(row_span) for k in range(col_span)}
            cells.append((r, c, row_span, col_span, draw(st.sampled_from(TEXTS))))
    table = grid([20.0 * c for c in range(n_cols + 1)], n_rows, cells)
    for cell in table.cells:
        cell.ink = None  # no text fills its cell: nothing is read as wrapped
    return table


@settings(max_examples=200, deadline=None)
@given(ruled_grids())
def test_merging_never_loses_a_text_nor_puts_two_in_one_cell(raw):
    texts = sorted(c.text for c in raw.cells if c.text)
    table = built(Fragment(raw))
    got = sorted(t for row in table.header_rows + table.rows for t in row if t)
    assert got == texts  # each text once, none joined with another
