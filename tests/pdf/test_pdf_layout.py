"""Reading order and page furniture, on hand-made glyphs and lines (no PDF needed)."""

from __future__ import annotations

from parsers.pdf_grid import grid_from_cells
from parsers.pdf_layout import Fragment, _claim_notes, _claim_title, furniture
from parsers.pdf_page import PageRead
from parsers.pdf_text import Glyph, cell_text, group_lines, paragraphs
from parsers.table_kinds import kind_of_title


def glyphs(text: str, x: float, top: float, size: float = 12.0, gap: float = 0.0) -> list[Glyph]:
    out = []
    for ch in text:
        width = size if ord(ch) > 0x2E80 else size / 2
        out.append(Glyph(ch, x, top, x + width, top + size))
        x += width + gap
    return out


def line(text: str, x: float, top: float, size: float = 12.0):
    return group_lines(glyphs(text, x, top, size))[0]


def test_cjk_is_joined_without_spaces_and_latin_words_keep_theirs():
    assert group_lines(glyphs("收入合计", 72, 100, gap=3.0))[0].text == "收入合计"
    assert group_lines(glyphs("ab", 72, 100) + glyphs("cd", 90, 100))[0].text == "ab cd"


def test_a_column_gap_separates_cells_and_lines_sort_top_to_bottom():
    lines = group_lines(glyphs("第二行", 72, 130) + glyphs("项目", 72, 100) + glyphs("决算数", 200, 101))
    assert [l.text for l in lines] == ["项目 决算数", "第二行"]


def test_wrapped_lines_become_one_paragraph_until_an_indent_or_a_heading():
    lines = [
        line("一、收入支出决算总体情况说明", 96, 100),
        line("本单位收入支出总计100.00万元，与上年相比增加", 96, 120),
        line("10.00万元。", 72, 136),
        line("主要原因：业务增加。", 96, 152),
    ]
    paras = paragraphs(lines, left=72, right=72 + 12 * 24)
    assert [p.text for p in paras] == [
        "一、收入支出决算总体情况说明",
        "本单位收入支出总计100.00万元，与上年相比增加10.00万元。",
        "主要原因：业务增加。",
    ]
    assert len(paras[1].boxes) == len(paras[1].text)


def test_a_cell_merges_its_lines_and_drops_letter_spacing():
    assert cell_text(group_lines(glyphs("因公出国（境）费", 10, 10, gap=6.0) + glyphs("用", 10, 26))) == "因公出国（境）费用"


def test_running_headers_and_page_numbers_are_furniture():
    pages = []
    for n in range(1, 5):
        page = PageRead(n, 595, 842)
        page.lines = [line("示例局2024年度部门决算", 200, 30, 9), line(f"正文第{n}页的内容各不相同", 72, 300), line(f"- {n} -", 290, 810, 9)]
        pages.append(page)
    dropped = furniture(pages)
    assert dropped == {(n, i) for n in range(1, 5) for i in (0, 2)}


def test_title_tag_and_unit_above_a_table_belong_to_it():
    table = grid_from_cells(1, [(72, 200, 300, 220), (300, 200, 500, 220)])
    fragment = Fragment(table)
    above = [line("第二部分 部门决算表", 72, 100), line("公开01表", 72, 140), line("收入支出决算总表", 200, 160), line("单位：万元", 400, 180)]
    assert _claim_title(fragment, above) == {1, 2, 3}
    assert (fragment.tag, fragment.title, fragment.unit) == ("公开01表", "收入支出决算总表", "万元")


def test_notes_under_a_table_belong_to_it():
    fragment = Fragment(grid_from_cells(1, [(72, 200, 300, 220), (300, 200, 500, 220)]))
    below = [line("注：本单位没有政府性基金预算财政拨款收入和支出，", 72, 230), line("故本表无数据。", 72, 246), line("二、收入决算表", 72, 300)]
    assert _claim_notes(fragment, below) == 2
    assert fragment.notes == ["注：本单位没有政府性基金预算财政拨款收入和支出，故本表无数据。"]


def test_table_kinds_by_title_most_specific_first():
    assert kind_of_title("公开04表 财政拨款收入支出决算总表") == "fiscal_summary"
    assert kind_of_title("收入支出决算总表") == "income_expenditure_summary"
    assert kind_of_title("一般公共预算财政拨款基本支出决算表") == "basic_expenditure"
    assert kind_of_title("一般公共预算“三公”经费支出表") == "three_public"
    assert kind_of_title("部门收支总表") == "income_expenditure_summary"
    assert kind_of_title("五、一般公共预算财政拨款支出决算情况说明") is None
