"""The steps `parsers.assemble` runs, each on a small hand-made input."""

from __future__ import annotations

from decimal import Decimal

from parsers.assemble import PageText, assemble, table_marker
from parsers.assemble_pages import RawPages, SourceMap
from parsers.assemble_sections import SectionIndex, build_sections
from parsers.assemble_units import Unit, lay_out, logical_units
from parsers.model import Document, Role, Table
from parsers.normalise import CleanLine, clean_lines
from parsers.table_figures import table_figures


def _units(text: str, given: dict[str, Table] | None = None) -> list[Unit]:
    return logical_units(clean_lines(text), given or {})


def test_a_line_broken_by_the_layout_is_joined_and_a_sentence_end_is_not():
    wide = "本部门2023年收入预算总额为一百万元，比上年增加十万元，主要原因是人员经费和公用经费"
    units = _units(f"{wide}\n增加所致。\n二、支出预算情况说明")
    assert [(u.kind, u.line.text) for u in units] == [
        ("prose", wide + "增加所致。"),
        ("prose", "二、支出预算情况说明"),
    ]


def test_a_table_marker_is_a_unit_of_its_own_holding_the_given_table():
    table = Table("T7", rows=[["1"]], columns=["金额"])
    units = _units(f"说明文字。\n{table_marker('T7')}\n后文。", {"T7": table})
    assert [u.kind for u in units] == ["prose", "marker", "prose"]
    assert units[1].table is table and units[1].table_id == "T7"


def test_lay_out_maps_each_character_and_each_newline_back_to_the_raw_text():
    units = [Unit("prose", CleanLine("ab", [10, 11])), Unit("prose", CleanLine("cde", [20, 21]))]
    text, src, placed = lay_out(units)
    assert text == "ab\ncde"
    # the newline maps to the next unit's first raw character; a short src is padded with its last
    assert src == [10, 11, 20, 20, 21, 21]
    assert [start for start, _ in placed] == [0, 3]


def test_page_starts_give_a_page_without_text_the_start_of_the_next():
    raw = RawPages.read([PageText(1, "甲"), PageText(3, "乙")])
    where = SourceMap(raw, src=[0, 1, 2])  # 甲, the newline after page 1, 乙
    assert where.page_starts() == [0, 2, 2]
    assert [where.page_of(k) for k in range(4)] == [1, 1, 3, 3]  # past the end: the last page


def test_source_map_gives_the_printed_characters_and_the_box_around_them():
    raw = RawPages.read([PageText(1, "１2", char_boxes=[(0, 0, 5, 10), (5, 2, 9, 12)])])
    where = SourceMap(raw, src=[0, 1])
    assert raw.has_boxes
    assert where.raw_text(0, 2) == "１2"
    assert where.bbox(0, 2) == (0, 0, 9, 12)


def test_sections_nest_by_level_and_end_where_one_of_their_level_or_above_begins():
    text = "一、收入情况\n（一）财政拨款\n内容。\n（二）其他收入\n二、支出情况\n内容。"
    units = _units(text)
    body, _, placed = lay_out(units)
    doc = Document(path="x.txt", sha256="0", text=body)
    spans = build_sections(doc, placed, lambda offset: None)
    tree = [(s.id, s.heading, s.start, s.end) for s in doc.sections()]
    assert tree == [
        ("1", "一、收入情况", 0, body.index("二、")),
        ("1.1", "（一）财政拨款", body.index("（一）"), body.index("（二）")),
        ("1.2", "（二）其他收入", body.index("（二）"), body.index("二、")),
        ("2", "二、支出情况", body.index("二、"), len(body)),
    ]
    assert spans[0] == (0, 2)  # the marker 一、 holds no figure
    index = SectionIndex(doc)
    assert [index.at(body.index(t)) for t in ("财政拨款", "内容", "其他", "支出")] == ["1.1", "1.1", "1.2", "2"]


def test_a_text_table_is_numbered_and_filed_under_its_section():
    text = "一、收入情况\n收入预算 100.00 万元。\n项目\t金额\n工资福利支出\t60.00\n商品和服务支出\t40.00\n"
    doc = assemble(path="x.txt", sha256="0", pages=[PageText(None, text)])
    assert [(t.id, t.section_id) for t in doc.tables] == [("T1", "1")]
    assert doc.section("1").table_ids == ["T1"]
    cells = {f.cell.row: f for f in doc.figures if f.cell is not None}
    assert (cells[0].subject, cells[0].value) == ("工资福利支出", Decimal("60.00"))


def test_a_chart_whose_rows_are_periods_takes_its_subject_from_the_column():
    table = Table("T1", rows=[["2022年决算", "5"], ["2023年预算", "6"]], columns=["年度", "公务接待费"])
    figures, issues, _ = table_figures(table, "万元", 2023)
    assert [(f.subject, f.role) for f in figures] == [("公务接待费", Role.PREVIOUS), ("公务接待费", Role.BUDGET)]
    assert issues == []


def test_a_unit_printed_in_a_row_holds_for_that_row_and_leaves_a_row_without_one_unitless():
    table = Table("T1", rows=[["车辆", "3", "辆"], ["经费", "12.5", ""]], columns=["项目", "数量", "说明"])
    figures, _, _ = table_figures(table, "万元", 2023)
    assert [(f.subject, f.unit, f.role) for f in figures] == [("车辆", "辆", Role.COUNT), ("经费", None, Role.AMOUNT)]


def test_a_malformed_cell_is_reported_and_an_o_for_zero_is_read_with_evidence():
    table = Table("T1", rows=[["工资", "54,7,774.03"], ["奖金", "1O.5"]], columns=["项目", "金额"])
    figures, issues, fixes = table_figures(table, "元", 2023)
    assert [f.value for f in figures] == [Decimal("10.5")]
    assert [(i.code, i.severity.value) for i in issues] == [("parse.malformed_number", "error"), ("parse.letter_o", "warning")]
    assert [(n.kind, n.before) for n in fixes] == [("letter_o", "1O.5")]
