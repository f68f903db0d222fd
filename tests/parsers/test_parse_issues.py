"""What the parser finds wrong with the seeds' figures, each at its exact place, and its repairs."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from seed_docs import cell, prose, seed

from parsers.model import CellRef, Severity
from parsers.text import parse_text


def issues(doc, code):
    return [i for i in doc.issues if i.code == code]


def test_000_missing_figure_at_its_place():
    d = seed("000")
    (issue,) = d.issues
    assert (issue.code, issue.severity) == ("parse.missing_figure", Severity.ERROR)
    assert d.text[issue.start : issue.end] == issue.text == "合计万元"
    assert d.text[issue.start - 4 : issue.end + 1] == "支出预算合计万元，"  # “支出预算合计\n万元” joined back
    assert d.section_label(issue.section_id) == "第二部分 2023 年度部门预算情况说明 › 三、支出预算情况说明"


def test_001_letter_o_read_as_zero_with_a_warning_each():
    d = seed("001")
    found = issues(d, "parse.letter_o")
    assert len(found) == 11
    assert all(i.severity == Severity.WARNING and d.text[i.start : i.end] == i.text and i.text in ("O.OO", "O") for i in found)
    assert [n.kind for n in d.normalisations].count("letter_o") == 11
    fig = prose(d, "公务用车购置支出O.OO万元", "O.OO")
    assert fig.value == Decimal("0.00") and any(i.start == fig.start for i in found)


def test_001_digits_split_in_prose_are_errors_not_two_figures():
    d = seed("001")
    found = issues(d, "parse.malformed_number")
    assert [(i.text, i.severity) for i in found] == [("32 90", Severity.ERROR), ("78 91.5", Severity.ERROR)]
    assert all(d.text[i.start : i.end] == i.text for i in found)
    at = d.text.index("事项数 32 90 项")
    assert not [f for f in d.figures if f.cell is None and at <= f.start < at + 12]


def test_001_template_sign_is_a_warning():
    d = seed("001")
    (issue,) = issues(d, "parse.ambiguous_sign")
    assert d.text[issue.start : issue.end] == "增加(减少)"
    fig = prose(d, "增加(减少)5.71万元", "5.71")
    assert fig.sign == 1 and fig.subject == "卫生健康支出类"


def test_001_split_digits_in_cells_are_recorded():
    d = seed("001")
    split = [n for n in d.normalisations if n.kind == "split_digits"]
    assert len(split) == 250 and all(n.cell is not None for n in split)
    assert any(n.before == "5. 37" and n.after == "5.37" for n in split)


def test_004_malformed_numbers_and_percent():
    d = seed("004")
    (err,) = [i for i in issues(d, "parse.malformed_number") if i.severity == Severity.ERROR]
    assert d.text[err.start : err.end] == err.text == "54,7,774.03"
    assert d.section_label(err.section_id) == "二、收入支出预算执行情况分析 › （二）收入支出预算执行情况"
    assert not [f for f in d.figures if f.cell is None and f.start == err.start]  # never guessed
    (pct,) = issues(d, "parse.malformed_percent")
    assert pct.severity == Severity.WARNING and d.text[pct.start : pct.end] == pct.text == "78.84%%"
    assert prose(d, "同比增加78.84%%", "78.84").unit == "%"


def test_004_three_decimal_yuan_cell_is_a_warning():
    d = seed("004")
    (warn,) = [i for i in issues(d, "parse.malformed_number") if i.severity == Severity.WARNING]
    assert warn.cell == CellRef("T5", 1, 3) and warn.text == "225,976.861"
    assert d.table("T5").rows[1][3] == "225,976.861"
    fig = cell(d, "T5", 1, 3)
    assert fig.value == Decimal("225976.861") and fig.unit == "元" and fig.decimals == 3


def test_004_full_width_comma_inside_a_number_is_read_and_recorded():
    d = seed("004")
    fig = prose(d, "占总收入（4,677，326.79）", "4,677，326.79")
    assert fig.value == Decimal("4677326.79") and d.text[fig.start : fig.end] == "4,677，326.79"
    fixes = [n for n in d.normalisations if n.kind == "fullwidth_separator"]
    assert [(n.before, n.after) for n in fixes] == [("442，400.00", "442400.00"), ("4,677，326.79", "4677326.79")]
    assert fixes[1].start == fig.start


def test_002_and_003_have_no_issues():
    assert seed("002").issues == [] and seed("003").issues == []


def test_issue_counts():
    counts = {k: Counter(i.code for i in seed(k).issues) for k in ("000", "001", "004")}
    assert counts["001"]["parse.table_row_unaligned"] == 10
    assert sum(counts["004"].values()) == 3


def test_yuan_amounts_with_three_decimals_in_prose_warn():
    d = parse_text("2021年度某单位决算分析报告\n一、收支\n本年度货币资金225,976.861元。\n")
    (issue,) = d.issues
    assert issue.code == "parse.malformed_number" and issue.severity == Severity.WARNING
    assert d.text[issue.start : issue.end] == "225,976.861"
