"""Unruled tables found from aligned text alone (synthetic glyphs: exact positions, no PDF)."""

from __future__ import annotations

from parsers.pdf_grid import fill
from parsers.pdf_text import Glyph
from parsers.pdf_unruled import find_unruled

SIZE = 10.0


def line(top: float, *runs: tuple[float, str]) -> list[Glyph]:
    """Glyphs of one printed line: each run starts at its x; CJK one em wide, the rest half."""
    out = []
    for x, text in runs:
        for ch in text:
            width = SIZE if ord(ch) > 0x2E80 else SIZE / 2
            out.append(Glyph(ch, x, top, x + width, top + SIZE))
            x += width
    return out


def rows_of(glyph_lines: list[list[Glyph]]) -> list[list[list[str]]]:
    """Each table found, as the text of its grid (filled the way the page reader fills it)."""
    glyphs = [g for ln in glyph_lines for g in ln]
    out = []
    for table, used in find_unruled(1, glyphs):
        fill(table, used)
        out.append([[cell.text if cell else "" for cell in row] for row in table.owners()])
    return out


def test_a_short_table_under_its_header_is_found():
    page = [
        line(100, (60, "三、“三公”经费支出情况说明如下。")),
        line(130, (60, "项目"), (260, "预算数"), (360, "决算数")),
        line(150, (60, "公务接待费"), (260, "2.50"), (360, "2.40")),
        line(170, (60, "合计"), (260, "8.50"), (360, "8.40")),
        line(200, (60, "以上数据均为财政拨款。")),
    ]
    (rows,) = rows_of(page)
    assert rows == [["项目", "预算数", "决算数"], ["公务接待费", "2.50", "2.40"], ["合计", "8.50", "8.40"]]


def test_two_lines_with_figures_and_no_header_are_not_a_table():
    page = [
        line(100, (60, "收入合计"), (260, "354.72")),
        line(120, (60, "支出合计"), (260, "354.72")),
        line(150, (60, "以上为本年收支情况。")),
    ]
    assert rows_of(page) == []


def test_a_header_with_other_columns_than_the_body_does_not_make_a_short_table():
    page = [
        line(100, (60, "第一部分"), (400, "附件")),
        line(130, (60, "页码"), (160, "12")),
        line(150, (60, "份数"), (160, "3")),
    ]
    assert rows_of(page) == []


def test_three_body_rows_need_no_header():
    page = [line(100 + 20 * i, (60, f"项目{i}"), (260, f"{i}.00"), (360, f"{i}0.00")) for i in range(1, 4)]
    (rows,) = rows_of(page)
    assert rows == [[f"项目{i}", f"{i}.00", f"{i}0.00"] for i in range(1, 4)]
