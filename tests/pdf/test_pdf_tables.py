"""The tables the PDF reader extracts, pinned cell by cell (values, headers, title, unit, kind).

Golden files under ``golden/`` hold every table of each sample as extracted; they were reviewed
against the PDFs by hand. After an intended change, regenerate them with
``UPDATE_GOLDEN=1 python -m pytest tests/pdf/test_pdf_tables.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pdf_fixtures import INPUTS, REAL, SAMPLES

from parsers import pdf_page
from parsers.pdf import parse_pdf

GOLDEN = Path(__file__).resolve().parent / "golden"
# 公开01–09 in the order a 决算 prints them (written out here, not taken from the code under test)
STANDARD_ORDER = [
    "income_expenditure_summary",
    "income",
    "expenditure",
    "fiscal_summary",
    "general_budget_expenditure",
    "basic_expenditure",
    "three_public",
    "gov_fund",
    "state_capital",
]
PINNED = [SAMPLES / "demo_final_2024.pdf", SAMPLES / "demo_budget_2025.pdf", REAL]


def dump(doc) -> list[dict]:
    return [
        {
            "id": t.id,
            "title": t.title,
            "unit": t.unit,
            "kind": t.kind,
            "pages": t.pages,
            "columns": t.columns,
            "rows": t.rows,
            "notes": t.notes,
        }
        for t in doc.tables
    ]


@pytest.mark.parametrize("path", PINNED, ids=lambda p: p.stem)
def test_every_table_is_pinned(parsed, path):
    got = dump(parsed(path))
    golden = GOLDEN / f"{path.stem}.tables.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def by_title(doc, title):
    return next(t for t in doc.tables if t.title.endswith(title))


def test_multi_row_header_flattens_into_paths(parsed):
    table = by_title(parsed(SAMPLES / "demo_final_2024.pdf"), "一般公共预算财政拨款支出决算表")
    assert table.columns == [
        "科目编码",
        "科目名称",
        "支出 › 合计",
        "支出 › 基本支出 › 小计",
        "支出 › 基本支出 › 人员经费",
        "支出 › 基本支出 › 公用经费",
        "支出 › 项目支出",
    ]
    assert table.title == "公开05表 一般公共预算财政拨款支出决算表"
    assert table.unit == "万元"
    assert table.kind == "general_budget_expenditure"


def test_table_split_across_pages_is_joined_once(parsed):
    doc = parsed(SAMPLES / "demo_final_2024.pdf")
    spending = by_title(doc, "公开03表 支出决算表")
    assert spending.pages == [7, 8]
    codes = [row[0] for row in spending.rows]
    assert len(codes) == len(set(codes)) == 21  # 合计 + 4 类 + 4 款 + 12 项; the repeated header dropped
    assert spending.rows[-1][:3] == ["2210203", "购房补贴", "98.77"]
    assert spending.cell_pages[(len(spending.rows) - 1, 2)] == 8


def test_blank_cells_stay_blank_and_zero_stays_zero(parsed):
    three_public = by_title(parsed(SAMPLES / "demo_final_2024.pdf"), "财政拨款“三公”经费支出决算表")
    assert three_public.rows == [["14.00", "13.22", "0.00", "0.00", "13.00", "12.35", "0.00", "0.00", "13.00", "12.35", "1.00", "0.88"]]
    income = by_title(parsed(SAMPLES / "demo_final_2024.pdf"), "收入决算表")
    assert income.rows[0] == ["", "", "", "合计", "2,696.29", "2,690.12", "", "", "", "", "6.17"]


def test_multi_line_cells_are_merged(parsed):
    real = parsed(REAL)
    income = by_title(real, "收入决算表")
    names = [row[3] for row in income.rows]
    assert "机关事业单位基本养老保险缴费支出" in names  # printed over two lines
    basic = by_title(real, "一般公共预算财政拨款基本支出决算表")
    assert "因公出国（境）费用" in [row[6] for row in basic.rows]  # letter-spaced, wrapped


def test_notes_under_a_table_belong_to_it(parsed):
    fund = by_title(parsed(REAL), "政府性基金预算财政拨款收入支出决算表")
    assert fund.notes == ["注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"]
    assert fund.rows == [["合计", "", "", "", "", "", "", "", "", ""]]


def test_unruled_table_is_found_from_alignment(parsed):
    projects = by_title(parsed(SAMPLES / "demo_budget_2025.pdf"), "项目支出预算表")
    assert projects.kind == "project_expenditure"
    assert projects.columns == ["项目名称", "合计", "财政拨款", "其他资金"]
    assert projects.rows[-1] == ["合计", "4,963,569.00", "4,913,569.00", "50,000.00"]


def test_real_pdf_has_every_standard_table_titled_and_typed(parsed):
    doc = parsed(REAL)
    kinds = [t.kind for t in doc.tables if t.kind]
    assert kinds == STANDARD_ORDER
    assert all(t.unit == "万元" and t.title for t in doc.tables if t.kind)


def test_template_parses_with_its_standard_tables(parsed):
    from pdf_fixtures import TEMPLATE

    doc = parsed(TEMPLATE)
    assert [t.kind for t in doc.tables if t.kind] == STANDARD_ORDER


ROTATED_ROWS = [
    ["一、财政拨款收入", "30{n}.00", "一、一般公共服务支出", "28{n}.00"],
    ["二、其他收入", "50.00", "二、社会保障和就业支出", "70.00"],
    ["本年收入合计", "35{n}.00", "本年支出合计", "35{n}.00"],
]


@pytest.mark.parametrize("reader", ["pdfium", "pdfminer"])
def test_tables_on_rotated_pages_read_as_displayed(reader, monkeypatch):
    """Pages with /Rotate 90, 270 and 180 (a landscape section exported from Word or WPS) read
    upright: title, unit and every cell, by both glyph readers."""
    if reader == "pdfminer":  # the reader used where PDFium drops text
        monkeypatch.setattr(pdf_page, "_loses_text", lambda page, textpage: True)
    doc = parse_pdf(INPUTS / "rotated_pages.pdf")
    assert "一、收入支出决算总体情况说明" in doc.text
    assert [t.page for t in doc.tables] == [2, 3, 4]
    for n, (table, rotation) in enumerate(zip(doc.tables, (90, 270, 180)), start=1):
        assert table.title == f"表{n} 收入支出决算总表（旋转{rotation}度）"
        assert table.unit == "万元"
        assert table.columns == ["项目", "决算数", "项目", "决算数"]
        assert table.rows == [[cell.format(n=n) for cell in row] for row in ROTATED_ROWS]
