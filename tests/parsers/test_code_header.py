"""A table whose columns are 科目, headed by a row of codes over (or under) a row of names, with its
periods as rows (issue 10): the header is read as a header, the codes give the 科目 their code, and
the table's arithmetic is checked as in the usual orientation (`parsers.table_codes`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from parsers.table_codes import code_header, is_pair
from tui_review.engine import check_document

TABLE = """某某局2024年度部门决算

一般公共预算财政拨款支出决算表
单位：万元
{header}
年初预算数\t620.00\t500.00\t80.00\t40.00
调整预算数\t642.00\t520.00\t80.00\t42.00
决算数\t{total}\t510.00\t78.00\t41.00
"""
CODES = "项目\t合计\t201\t208\t221"
NAMES = "\t\t一般公共服务支出\t社会保障和就业支出\t住房保障支出"


def _doc(tmp_path: Path, header: str, total: str = "629.00"):
    path = tmp_path / "doc.txt"
    path.write_text(TABLE.format(header=header, total=total), encoding="utf-8")
    return load_document(path)


@pytest.mark.parametrize("header", [f"{CODES}\n{NAMES}", f"{NAMES}\n{CODES}"], ids=["codes-over-names", "names-over-codes"])
def test_a_code_header_heads_one_row_per_subject(tmp_path, header):
    table = _doc(tmp_path, header).tables[0]
    assert table.columns == ["科目编码", "科目名称", "年初预算数", "调整预算数", "决算数"]
    assert [row[:2] for row in table.rows] == [["", "合计"], ["201", "一般公共服务支出"], ["208", "社会保障和就业支出"], ["221", "住房保障支出"]]
    assert table.rows[2][2:] == ["80.00", "80.00", "78.00"]


def test_the_subject_codes_reach_the_figures(tmp_path):
    doc = _doc(tmp_path, f"{CODES}\n{NAMES}")
    codes = {(f.code, f.subject, f.text) for f in doc.figures if f.cell is not None}
    assert ("208", "社会保障和就业支出", "78.00") in codes


def test_the_document_text_keeps_the_table_as_printed(tmp_path):
    doc = _doc(tmp_path, f"{CODES}\n{NAMES}")
    assert "项目\t合计\t201\t208\t221" in doc.text


def test_the_total_of_the_subjects_is_checked(tmp_path):
    ok = check_document(_doc(tmp_path, f"{CODES}\n{NAMES}"))
    totals = [f for f in ok.findings if f.rule == "table.total"]
    assert not [f for f in totals if str(f.verdict) == "fails"]
    slip = check_document(_doc(tmp_path, f"{CODES}\n{NAMES}", total="639.00"))
    failing = [f for f in slip.findings if f.rule == "table.total" and str(f.verdict) == "fails"]
    assert [f.stated for f in failing] == ["639.00 万元"]


def test_a_row_of_integer_amounts_under_a_names_header_is_no_code_header():
    assert is_pair(["合计", "21345", "23456"], ["项目", "基本支出", "项目支出"]) is None
    assert code_header([["项目", "基本支出", "项目支出"], ["合计", "21345", "23456"], ["其中", "201", "300"]]) is None


def test_codes_must_be_one_classification_in_order():
    names = ["", "一般公共服务支出", "住房保障支出"]
    assert is_pair(["项目", "201", "221"], names) == (1, 2)
    assert is_pair(["项目", "221", "201"], names) is None  # not in order: amounts, not codes
    assert is_pair(["项目", "201", "301"], names) is None  # two classifications
    assert is_pair(["项目", "201", "221"], ["", "一般公共服务支出", "12.00"]) is None


def test_a_code_and_name_label_pair_may_head_the_label_column():
    assert is_pair(["科目编码", "201", "221"], ["科目名称", "一般公共服务支出", "住房保障支出"]) == (1, 2)
    assert is_pair(["项目", "201", "221"], ["单位", "一般公共服务支出", "住房保障支出"]) is None
