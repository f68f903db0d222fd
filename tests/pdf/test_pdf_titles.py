"""Tables whose title and 部门/单位 line are printed as cells of the grid (WPS/Excel workbook exports)."""

from __future__ import annotations

from parsers.pdf_grid import RawCell, RawTable
from parsers.pdf_layout import Fragment
from parsers.pdf_tables import build_table
from parsers.pdf_titles import split_titled


def grid(rows: list[list[str]]) -> RawTable:
    """A ruled grid with one cell per non-empty text; an empty string continues the cell to its left."""
    n_cols = max(len(r) for r in rows)
    xs = [float(10 * c) for c in range(n_cols + 1)]
    ys = [float(10 * r) for r in range(len(rows) + 1)]
    table = RawTable(1, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys)
    for r, row in enumerate(rows):
        c = 0
        while c < n_cols:
            span = 1
            while c + span < n_cols and (c + span >= len(row) or row[c + span] == "") and row[c] and r < 2:
                span += 1  # title rows span the width
            text = row[c] if c < len(row) else ""
            table.cells.append(RawCell(r, c, 1, span, (xs[c], ys[r], xs[c + span], ys[r + 1]), text))
            c += span
    return table


def test_title_and_unit_rows_in_the_grid_become_the_tables_title_and_unit():
    raw = grid([
        ["“三公”经费支出预算表", "", ""],
        ["部门：某某办公厅单位：万元", "", ""],
        ["合计", "因公出国（境）费", "公务接待费"],
        ["97.00", "70.00", "27.00"],
    ])
    (part,) = split_titled(Fragment(raw))
    assert part.title == "“三公”经费支出预算表"
    assert part.unit == "万元"
    table = build_table("T1", [part])
    assert table.columns == ["合计", "因公出国（境）费", "公务接待费"]
    assert table.kind == "three_public"
    assert table.rows == [["97.00", "70.00", "27.00"]]


def test_a_title_row_inside_the_grid_starts_a_new_table():
    raw = grid([
        ["收支预算总表公开表一部门：某某办公厅单位：万元", "", ""],
        ["项目", "金额", ""],
        ["合计", "10.00", ""],
        ["财政拨款支出预算表（功能科目）公开表五", "", ""],
        ["功能科目编码", "功能科目名称", "金额"],
        ["201", "一般公共服务支出", "10.00"],
    ])
    first, second = split_titled(Fragment(raw, last_on_page=True))
    assert (first.title, second.title) == ("收支预算总表", "财政拨款支出预算表（功能科目）")
    assert not first.last_on_page and second.last_on_page
    assert build_table("T2", [second]).rows == [["201", "一般公共服务支出", "10.00"]]


def test_a_grid_without_title_rows_is_left_alone():
    raw = grid([["项目", "金额"], ["合计", "10.00"], ["一、财政拨款收入表", "10.00"]])
    fragment = Fragment(raw, title="收入预算表")
    assert split_titled(fragment) == [fragment]


def _lines(texts: list[str], bottom: float, right: float = 20.0) -> list:
    """Lines stacked upwards from ``bottom`` at a 12-point pitch, the last one nearest the table;
    a line's width is 11 points a character from x = 0, cut at ``right`` (the table's right edge)."""
    from parsers.pdf_text import Line

    out = []
    for i, text in enumerate(reversed(texts)):
        b = bottom - 2 - 12 * i
        out.append(Line(text, [None] * len(text), 0.0, b - 10, min(11.0 * len(text), right), b, 10.0))
    return list(reversed(out))


def test_a_title_wrapped_over_lines_above_its_department_line_is_read_whole():
    from parsers.pdf_layout import _claim_title

    raw = grid([["合计", "因公出国（境）费"], ["97.00", "70.00"]])
    raw.bbox = (0.0, 100.0, 300.0, 120.0)
    fragment = Fragment(raw)
    above = _lines(["第十部分 说明文字结束。", "十一、一般公共预算 三公 经费、会议费、培训费支出预", "“ ”", "算表", "部门： 江苏省某某厅 单位：万元"], 100.0, right=300.0)
    _claim_title(fragment, above)
    assert fragment.title == "十一、一般公共预算 三公 经费、会议费、培训费支出预算表"
    assert fragment.unit == "万元"


def test_a_prose_line_above_a_complete_title_is_not_joined_to_it():
    from parsers.pdf_layout import _claim_title

    raw = grid([["合计", "因公出国（境）费"], ["97.00", "70.00"]])
    raw.bbox = (0.0, 100.0, 300.0, 120.0)
    fragment = Fragment(raw)
    _claim_title(fragment, _lines(["一、收支预算总体情况", "收支预算总表"], 100.0, right=300.0))
    assert fragment.title == "收支预算总表"
