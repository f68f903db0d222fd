"""Rate columns of any table (执行率, 增长率, 占比) checked against their own row, on generated tables."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import pytest

from parsers.model import DocKind, Document, Severity, Table
from parsers.table_figures import table_figures
from tui_review.contracts.finding import Verdict
from tui_review.engine import check_document
from tui_review.relations import table_ratios


def _doc(table: Table, kind: DocKind = DocKind.FINAL, year: int = 2024) -> Document:
    figures, _, _ = table_figures(table, "万元", year)
    for f in figures:
        f.section_id = ""
    return Document(path="t.txt", sha256="", text="x", kind=kind, year=year, unit="万元", tables=[table], figures=figures)


def _money(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(1000, 900000)).scaleb(-2)


def _pct(value: Decimal, places: int = 2) -> str:
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _findings(doc: Document, rule: str):
    return [f for f in check_document(doc).findings if f.rule == rule]


def _completion_table(rng: random.Random, rows: int, slip: int | None) -> Table:
    body = []
    for i in range(rows):
        budget, actual = _money(rng), _money(rng)
        rate = _pct(actual / budget * 100)
        if i == slip:
            rate = _pct(Decimal(rate) + Decimal("1.11"))
        body.append([f"项目{i + 1}", str(budget), str(actual), rate])
    return Table("T1", body, ["项目名称", "全年预算数", "全年执行数", "执行率(%)"], title="项目执行情况表")


@pytest.mark.parametrize("seed", range(5))
def test_completion_rates_hold_on_generated_rows_and_a_slipped_rate_is_an_error(seed):
    rng = random.Random(seed)
    slip = rng.randrange(6)
    doc = _doc(_completion_table(rng, 6, slip))
    findings = _findings(doc, "table.completion")
    failing = [f for f in findings if f.verdict == Verdict.FAILS]
    assert len(findings) == 6
    assert len(failing) == 1 and failing[0].severity == Severity.ERROR
    assert failing[0].place.page is None and f"项目{slip + 1}" in failing[0].message_zh


def test_completion_prefers_the_full_year_budget_over_the_opening_budget():
    table = Table("T1", [["项目A", "50.00", "80.00", "60.00", "75.00"]],
                  ["项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率(%)"], title="绩效自评表")
    (rel,) = table_ratios.find(_doc(table))
    assert rel.denominator[0].figure.text == "80.00" and rel.uncertain is None
    assert _findings(_doc(table), "table.completion")[0].verdict.holds


def test_two_equally_likely_budget_columns_make_a_failure_a_warning_with_its_reason():
    table = Table("T1", [["项目A", "50.00", "80.00", "60.00", "90.00"]],
                  ["项目名称", "一般预算数", "专项预算数", "执行数", "执行率(%)"], title="执行表")
    (finding,) = _findings(_doc(table), "table.completion")
    assert finding.verdict == Verdict.FAILS and finding.severity == Severity.WARNING
    assert "无法唯一确定" in finding.message_zh


@pytest.mark.parametrize("seed", range(5))
def test_growth_rates_under_a_group_header_and_a_slipped_digit(seed):
    rng = random.Random(100 + seed)
    body = []
    slip = rng.randrange(5)
    for i in range(5):
        prev, cur = _money(rng), _money(rng)
        rate = _pct((cur - prev) / prev * 100)
        if i == slip:
            rate = rate.replace(rate.lstrip("-")[0], str((int(rate.lstrip("-")[0]) + 1) % 10), 1)
        body.append([f"20{i + 1}", f"支出{i + 1}", str(prev), str(cur), str(cur - prev), rate])
    table = Table("T1", body, ["科目编码", "科目名称", "2023年决算数", "2024年决算数", "比上年增减 › 金额", "比上年增减 › %"],
                  title="支出决算表")
    findings = _findings(_doc(table), "table.growth")
    assert len(findings) == 5
    assert [f.verdict == Verdict.FAILS for f in findings] == [i == slip for i in range(5)]


def test_a_growth_rate_over_a_zero_or_blank_base_is_not_judged():
    table = Table("T1", [["甲", "0.00", "10.00", "100.00"], ["乙", "", "10.00", "5.00"], ["丙", "10.00", "11.00", "10.00"]],
                  ["项目", "上年预算数", "本年预算数", "增长率(%)"], title="预算表")
    rels = table_ratios.find(_doc(table, DocKind.BUDGET))
    assert [r.target.text for r in rels] == ["10.00"]


def test_shares_of_the_total_row_with_sub_items_only_warned():
    table = Table("T1", [
        ["合计", "200.00", "100.00"],
        ["一、基本支出", "150.00", "75.00"],
        ["（一）人员经费", "100.00", "40.00"],  # of 基本支出 (66.67%) or of the total (50.00%)? the table does not say
        ["二、项目支出", "50.00", "26.00"],  # 25.00 printed as 26.00
    ], ["项目", "金额", "占比(%)"], title="支出结构表")
    findings = {f.stated: f for f in _findings(_doc(table), "table.share")}
    assert findings["75.00%"].verdict.holds
    assert findings["26.00%"].verdict == Verdict.FAILS and findings["26.00%"].severity == Severity.ERROR
    assert findings["40.00%"].severity == Severity.WARNING and "上级" in findings["40.00%"].message_zh


def test_rate_columns_printed_as_fractions_and_tables_without_rates_give_nothing():
    fractions = Table("T1", [["甲", "80.00", "60.00", "0.75"]], ["项目", "预算数", "执行数", "执行率"], title="表")
    plain = Table("T1", [["甲", "80.00", "60.00"]], ["项目", "预算数", "执行数"], title="表")
    assert table_ratios.find(_doc(fractions)) == [] and table_ratios.find(_doc(plain)) == []


@pytest.mark.parametrize(("path", "kind"), [
    (["执行率(%)"], "completion"), (["完成率"], "completion"), (["比上年增长%"], "growth"), (["增减率"], "growth"),
    (["比上年增减", "%"], "growth"), (["占比"], "share"), (["占支出合计%"], "share"), (["合计"], None), (["上年预算数"], None),
])
def test_rate_kind_by_header_segments(path, kind):
    assert table_ratios.rate_kind(path) == kind


def test_a_pdf_table_with_a_two_row_header_has_its_growth_column_read_and_a_slip_found(tmp_path):
    """Rendered with reportlab: the 比上年增减 group spans 金额 and %, so the rate column is known
    only from the header's two rows; a slipped rate is one error, the others hold."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from pdf_render import Cell, TableSpec, Writer  # noqa: PLC0415 (test extra, drawn here)

    from parsers import load_document

    rows = [["合计", "200.00", "250.00", "50.00", "25.00"], ["基本支出", "150.00", "175.00", "25.00", "16.67"],
            ["项目支出", "50.00", "75.00", "25.00", "60.00"]]  # 项目支出 grew 50.00%, printed 60.00
    header = [[Cell("项目", rowspan=2), Cell("2023年决算数", rowspan=2), Cell("2024年决算数", rowspan=2), Cell("比上年增减", colspan=2)],
              [Cell("金额"), Cell("%")]]
    path = tmp_path / "ratios.pdf"
    writer = Writer(str(path), "示例局2024年度部门决算", spaced=True)
    writer.new_page()
    writer.heading("示例局2024年度部门决算")
    writer.table(TableSpec("支出决算增减表", header, rows, [120, 80, 80, 70, 60]), new_page=False)
    writer.save()
    doc = load_document(path)
    findings = _findings(doc, "table.growth")
    assert sorted((f.stated, f.verdict == Verdict.FAILS) for f in findings) == [("16.67%", False), ("25.00%", False), ("60.00%", True)]
    assert next(f for f in findings if f.stated == "60.00%").severity == Severity.ERROR
