"""Guards against false alarms: blanks, doubtful bindings, and one note per place for rounding."""

from __future__ import annotations

from dataclasses import replace

from check_builders import document, fig, pct, ratio, total

from parsers.model import CellRef, Role, Table
from tui_review.engine import check_document
from tui_review.contracts.finding import Verdict
from tui_review.config import Config, load_config


def report_for(relations, tables=(), config=None):
    figures = list({f.id: f for r in relations for f in r.figures()}.values())
    return check_document(document(figures, tables), config, relations=relations)


def by_rule(report, rule):
    return [f for f in report.findings if f.rule == rule]


def test_a_blank_that_closes_as_zero_holds():
    relation = total(fig("354.72", "合计"), fig("354.72", "基本支出"), fig("—", "项目支出"))
    (finding,) = report_for([relation]).findings
    assert finding.holds and "项目支出 为空白，按 0 计" in finding.message_zh


def test_a_blank_is_unknown_not_zero():
    relation = total(fig("354.72", "合计"), fig("300.00", "基本支出"), fig("", "项目支出"))
    report = report_for([relation])
    assert not report.has_errors
    (note,) = report.findings
    assert (note.rule, note.severity, note.verdict) == ("unchecked", "info", Verdict.NOTE)
    assert "项目支出 为空白（数值未知）" in note.message_zh
    assert report.unchecked == 1 and report.checked == 0


def test_a_total_smaller_than_its_largest_part_fails_as_a_warning_that_says_the_binding_may_be_wrong():
    # a slipped digit (a part ×10) and a wrongly bound total look alike: a warning, never silence
    relation = total(fig("60.00", "支出合计"), fig("100.00", "基本支出"), fig("50.00", "项目支出"))
    (finding,) = report_for([relation]).findings
    assert (finding.rule, finding.severity, finding.verdict) == ("sum.parts", "warning", Verdict.FAILS)
    assert "所列支出合计 60.00 小于其组成部分基本支出 100.00" in finding.message_zh
    assert "取错了数字" in finding.message_zh


def test_binding_severity_and_switch_come_from_the_config(tmp_path):
    relation = total(fig("12", "人数", unit="人"), fig("6.00", "基本工资"), fig("6.00", "津贴补贴"))
    path = tmp_path / "config.toml"
    path.write_text('[rules.binding]\nseverity = "warning"\n', encoding="utf-8")
    (finding,) = report_for([relation], config=load_config(path)).findings
    assert finding.severity == "warning"
    path.write_text("[rules.binding]\nenabled = false\n", encoding="utf-8")
    assert report_for([relation], config=load_config(path)).findings == []


def test_units_that_cannot_be_compared_are_a_binding_problem():
    relation = total(fig("12", "人数", unit="人"), fig("6.00", "基本工资"), fig("6.00", "津贴补贴"))
    (finding,) = report_for([relation]).findings
    assert finding.verdict == Verdict.BINDING and "单位不可比" in finding.message_zh


def test_rounding_only_gaps_in_one_section_are_one_note():
    relations = [
        total(fig("284.32", "人员经费", section="1.1"), fig("200.00", section="1.1"), fig("84.33", section="1.1")),
        total(fig("354.72", "基本支出"), fig("284.32"), fig("70.41")),
        total(fig("70.40", "公用经费"), fig("32.40"), fig("38.01")),
        total(fig("100.00", "机构运行经费", section="2"), fig("50.00", section="2"), fig("50.01", section="2")),
        total(fig("100.00", "exact"), fig("50.00"), fig("50.00")),
    ]
    report = report_for(relations)
    assert [f.holds for f in report.findings if f.verdict in ("holds", "rounding")] == [True] * 5
    notes = by_rule(report, "rounding")
    assert len(notes) == 2  # 一、 (with its sub-section) and 二、
    first = next(n for n in notes if n.section_id == "1")
    assert "本节有 3 处数字仅因舍入而不完全相等" in first.message_zh
    assert "人员经费 284.32 万元（计算值 284.33" in first.message_zh
    assert (first.severity, first.failed) == ("info", True)
    assert len(first.figure_ids) == 9


def test_rounding_notes_gather_per_table():
    table = Table("T1", [["合计", "10"]], ["项目", "金额"], title="支出决算表", section_id="2")
    cells = [fig(t, unit="万元", cell=CellRef("T1", r, 1), section="2") for r, t in enumerate(["10.00", "4.00", "6.01"])]
    cells2 = [fig(t, unit="万元", cell=CellRef("T1", r, 2), section="2") for r, t in enumerate(["20.00", "10.00", "10.01"])]
    relations = [total(cells[0], cells[1], cells[2], rule="table.total"),
                 total(cells2[0], cells2[1], cells2[2], rule="table.total")]
    (note,) = by_rule(report_for(relations, tables=[table]), "rounding")
    assert note.location == "T1" and note.message_zh.startswith("本表（支出决算表）有 2 处")


def test_the_notes_can_be_switched_off():
    relation = total(fig("284.32", "人员经费"), fig("200.00"), fig("84.33"))
    rules = dict(Config.default().rules)
    rules["rounding"] = replace(rules["rounding"], enabled=False)
    report = report_for([relation], config=Config(rules=rules))
    assert by_rule(report, "rounding") == [] and report.findings[0].holds


def test_a_denominator_that_may_be_zero_is_not_checked():
    # 1 ÷ [−0.5, 0.5]: any rate of at least 100% (or at most −100%) is possible, 250% among them
    relation = ratio(pct("250"), [fig("1", role=Role.CHANGE)], [fig("0", role=Role.PREVIOUS)])
    report = report_for([relation])
    (note,) = report.findings
    assert note.rule == "unchecked" and "可能为 0，无法核对" in note.message_zh
    assert report.coverage_by_kind["percent"].checked == 0
