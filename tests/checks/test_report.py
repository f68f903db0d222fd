"""check_document: findings ok and failing, form findings, rule switches, coverage, stable ids."""

from __future__ import annotations

from decimal import Decimal

from dataclasses import replace

from check_builders import document, fig, pct, ratio, total

from parsers.model import CellRef, Normalisation, ParseIssue, Role, Severity
from tui_review.contracts.columns import json_record
from tui_review.contracts.finding import Judgement
from tui_review.engine import check_document
from tui_review.contracts.finding import Verdict
from tui_review.config import Config


def with_rule(rule_id, **changes):
    rules = dict(Config.default().rules)
    rules[rule_id] = replace(rules[rule_id], **changes)
    return Config(rules=rules)


def test_ok_and_failing_relations_are_both_findings_with_counts():
    ok = total(fig("100.00", "合计"), fig("60.00"), fig("40.00"))
    bad = total(fig("100.00", "合计"), fig("60.00"), fig("30.00"))
    report = check_document(document(ok.figures() + bad.figures()), relations=[ok, bad])
    assert [f.holds for f in report.findings] == [True, False]
    assert (report.relations, report.checked, report.verified, report.unchecked) == (2, 2, 1, 0)
    assert report.failed_relation_counts() == {"error": 1, "warning": 0, "info": 0}
    assert report.severity_counts() == {"error": 1, "warning": 0, "info": 0}
    assert report.status_counts() == {"ok": 1, "open": 1}
    assert report.has_errors and [f.finding_id for f in report.failing()] == [report.findings[1].finding_id]


def test_coverage_counts_amounts_percentages_and_counts_apart():
    checked = total(fig("100.00", "合计"), fig("60.00"), fig("40.00"))
    growth = ratio(pct("10.00"), [fig("10.00", role=Role.CHANGE)], [fig("100.00", role=Role.PREVIOUS)])
    loose = [fig("5.00"), fig("3", unit="辆", role=Role.COUNT), pct("20.00", role=Role.SHARE)]
    doc = document(checked.figures() + growth.figures() + loose)
    report = check_document(doc, relations=[checked, growth])
    assert (report.coverage.checked, report.coverage.extracted) == (5, 6)
    assert report.coverage.percent() == "83.3%"
    assert (report.coverage_by_kind["percent"].checked, report.coverage_by_kind["percent"].extracted) == (1, 2)
    assert (report.coverage_by_kind["count"].checked, report.coverage_by_kind["count"].extracted) == (0, 1)


def test_a_disabled_rule_is_not_evaluated():
    relation = total(fig("100.00", "合计"), fig("60.00"), fig("30.00"))
    report = check_document(document(relation.figures()), with_rule("sum.parts", enabled=False), [relation])
    assert report.findings == [] and report.relations == 0


def test_a_configured_severity_applies():
    relation = total(fig("100.00", "合计"), fig("60.00"), fig("30.00"))
    report = check_document(document(relation.figures()), with_rule("sum.parts", severity=Severity.WARNING), [relation])
    assert report.findings[0].severity == "warning" and not report.has_errors


def test_an_unknown_rule_is_an_error_and_a_notice_once():
    relations = [total(fig("100.00"), fig("60.00"), fig("30.00"), rule="table.mystery"),
                 total(fig("10.00"), fig("6.00"), fig("3.00"), rule="table.mystery")]
    report = check_document(document([f for r in relations for f in r.figures()]), relations=relations)
    assert [f.severity for f in report.findings] == ["error", "error"]
    assert report.notices == [("规则包中没有规则 table.mystery，按 error 处理",
                                "rule table.mystery is not in the rule pack; treated as an error")]


def test_parser_issues_keep_their_severity_unless_configured():
    doc = document()
    doc.issues = [
        ParseIssue("parse.missing_figure", Severity.ERROR, "缺少数字：“合计 万元”", "missing figure", "合计 万元",
                   section_id="1", start=40, end=45),
        ParseIssue("parse.malformed_percent", Severity.WARNING, "百分号重复", "doubled %", "78.84%%",
                   section_id="2", start=5100, end=5107),
    ]
    report = check_document(doc, relations=[])
    assert [(f.rule, f.severity, f.verdict, f.location) for f in report.findings] == [
        ("parse.missing_figure", "error", Verdict.FORM, "@40"), ("parse.malformed_percent", "warning", Verdict.FORM, "@5100")]
    assert report.findings[0].stated == "合计 万元"
    softer = check_document(doc, with_rule("parse.missing_figure", severity=Severity.INFO), [])
    assert softer.findings[0].severity == "info"
    assert len(check_document(doc, with_rule("parse.malformed_percent", enabled=False), []).findings) == 1


def test_parser_repairs_are_one_note_per_kind_and_place():
    doc = document()
    doc.normalisations = [Normalisation("split_digits", f"5. 3{i}", f"5.3{i}", start=200 + i * 10) for i in range(3)]
    doc.normalisations.append(Normalisation("split_digits", "1. 16", "1.16", cell=CellRef("T1", 0, 1)))
    doc.normalisations.append(Normalisation("letter_o", "O.OO", "0.00", start=300))
    doc.issues = [ParseIssue("parse.letter_o", Severity.WARNING, "字母 O", "letter O", "O.OO", section_id="1", start=300)]
    report = check_document(doc, relations=[])
    split = [f for f in report.findings if f.rule == "parse.split_digits"]
    assert len(split) == 2  # the prose section, and the table
    assert "（3 处，已按右侧数值读取）：“5. 30”→5.30、“5. 31”→5.31、“5. 32”→5.32" in split[0].message_zh
    assert [f.rule for f in report.findings].count("parse.letter_o") == 1  # the issue, not twice


def test_ids_are_stable_across_runs_and_offsets_and_collisions_are_suffixed():
    def build(shift):
        relations = []
        for _ in range(2):  # the same sentence twice in one section: "增加 0 万元"
            head = fig("5.00", "收入", role=Role.CHANGE)
            relations.append(total(head, fig("5.00", "收入"), (fig("0.00", "收入", role=Role.PREVIOUS), -1), rule="change"))
        for r in relations:
            for f in r.figures():
                f.start += shift
        return check_document(document([f for r in relations for f in r.figures()]), relations=relations)

    ids = [f.finding_id for f in build(0).findings]
    assert ids == [f.finding_id for f in build(0).findings] == [f.finding_id for f in build(1234).findings]
    assert ids[1] == ids[0] + "-2" and len(ids[0]) == 12


def test_the_id_changes_with_what_is_stated():
    a = total(fig("100.00", "合计"), fig("60.00"), fig("40.00"))
    b = total(fig("100.01", "合计"), fig("60.00"), fig("40.00"))
    ids = [check_document(document(r.figures()), relations=[r]).findings[0].finding_id for r in (a, b)]
    assert ids[0] != ids[1]


def test_json_shape_of_a_finding():
    relation = total(fig("100.00", "合计"), fig("60.00", "基本支出"), fig("30.00", "项目支出"))
    (finding,) = check_document(document(relation.figures()), relations=[relation]).findings
    out = json_record(finding, Judgement(), "en")
    assert out["message"].startswith("a total equals the sum of its parts: 基本支出 60.00 + 项目支出 30.00 = 90.00")
    assert (out["stated_value"], out["expected_value"], out["unit"]) == (Decimal("100.00"), Decimal("90.00"), "万元")
    assert out["evidence"][0] == {
        "figure_id": relation.target.id, "text": "100.00", "value": "100.00", "unit": "万元", "subject": "合计",
        "role": "amount", "section": "一、一般公共预算基本支出预算情况说明", "page": None,
        "location": f"@{relation.target.start}", "place": finding.place.as_dict(), "coeff": 0, "part": "stated"}
    assert finding.place.offset == relation.target.start and finding.place.heading == "一、一般公共预算基本支出预算情况说明"
