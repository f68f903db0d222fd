"""Checks on PDFs: the clean samples give no error, the planted errors are each found, and the
real published PDF's table identities hold (its one genuine prose error is reported)."""

from __future__ import annotations

import re

from pdf_fixtures import REAL, SAMPLES

from tui_review.engine import check_document
from tui_review.checks import completeness
from tui_review.relations import prose_table, tables


def failures(doc):
    report = check_document(doc)
    return [f for f in report.findings + completeness.findings(doc) if f.failed and f.severity != "info"]


def test_clean_final_has_no_error_but_rounding_gaps(parsed):
    doc = parsed(SAMPLES / "demo_final_2024.pdf")
    report = check_document(doc)
    assert failures(doc) == []
    rounding = [f for f in report.findings if f.rule == "rounding" and f.location.startswith("T")]
    assert rounding, "the clean sample's totals carry legitimate 0.01 gaps"
    assert report.relations > 250


def test_clean_budget_has_no_error(parsed):
    doc = parsed(SAMPLES / "demo_budget_2025.pdf")
    assert failures(doc) == []
    bound = prose_table.find(doc)
    assert any(r.terms[0].figure.unit == "元" and r.target.unit == "万元" for r in bound)


def planted():
    """(number, place, rules) of each row of the key file."""
    key = (SAMPLES / "demo_final_2024_errors.key.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d) \| ([^|]+) \|[^|]+\|[^|]+\| ([^|]+) \|$", key, re.M)
    return [(int(n), place.strip(), re.findall(r"`([a-z._]+)`", rules)) for n, place, rules in rows]


def test_every_planted_error_is_found(parsed):
    doc = parsed(SAMPLES / "demo_final_2024_errors.pdf")
    found = failures(doc)
    rows = planted()
    assert [n for n, _, _ in rows] == list(range(1, 9))
    for n, place, rules in rows:
        page = re.search(r"\(p\.(\d+)\)", place)
        for rule in rules:
            hits = [f for f in found if f.rule == rule and (page is None or int(page.group(1)) in {f.page, *(e.page for e in f.evidence)})]
            assert hits, f"planted error {n} ({place}) raised no {rule}"


def test_real_pdf_table_identities_hold(parsed):
    doc = parsed(REAL)
    relations = tables.find(doc)
    assert len(relations) > 150
    report = check_document(doc, relations=relations)
    # only the table relations are checked here, so the prose's claims are all "unbound" notes
    assert [f for f in report.findings if f.failed and f.rule not in ("rounding", "unbound")] == []


def test_real_pdf_prose_error_is_reported_with_both_places(parsed):
    doc = parsed(REAL)
    report = check_document(doc, relations=prose_table.find(doc))
    errors = [f for f in report.findings if f.failed and f.rule == "prose.table"]
    assert len(errors) == 1
    (error,) = errors
    assert error.page == 21 and error.stated.startswith("0.3")  # 财政拨款收入支出总计0.3万元
    assert "2,961.68" in error.message_zh and "T5" in error.message_zh  # the 财政拨款收支总表's 总计


def test_real_pdf_prose_amounts_bind_to_their_cells(parsed):
    doc = parsed(REAL)
    bound = {r.target.text: r.terms[0].figure for r in prose_table.find(doc)}
    assert bound["2336.91"].column == "基本支出"
    assert bound["1511.89"].cell.table_id == "T6"  # 行政运行（项） in 一般公共预算财政拨款支出决算表
    assert bound["2152.26"].text == "2,152.26"  # 人员经费 in 基本支出决算表


def test_real_pdf_is_complete(parsed):
    assert completeness.findings(parsed(REAL)) == []
