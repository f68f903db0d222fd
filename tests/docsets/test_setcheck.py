"""A document checked with its set: the cross findings it is home to, in its own ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parsers import load_document
from tui_review.docsets import describe
from tui_review.setcheck import SetCheck, home_prefix

from test_folder_check import no_user_config  # noqa: F401 — the same isolation (autouse)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
BUDGET_2023 = SAMPLES / "000_c776e60c2084e5b6.txt"
FINAL_2023 = SAMPLES / "001_17aaca51ade6ba7f.txt"
OPENING = "与年初预算354.72万元相比"


@pytest.fixture
def pair(tmp_path) -> tuple[Path, Path]:
    budget, final = tmp_path / BUDGET_2023.name, tmp_path / FINAL_2023.name
    shutil.copy(BUDGET_2023, budget)
    final.write_text(FINAL_2023.read_text(encoding="utf-8").replace(OPENING, "与年初预算364.72万元相比"), encoding="utf-8")
    return budget, final


def cross_of(report):
    return [f for f in report.findings if f.rule.startswith("cross.")]


def test_the_cross_error_lives_in_the_document_that_states_it_in_its_own_ids(pair):
    budget, final = pair
    final_doc, budget_doc = load_document(final), load_document(budget)
    check = SetCheck([describe(budget_doc), describe(final_doc)])
    report = check(final_doc)
    cross = cross_of(report)
    assert len(cross) == 9  # the nine 年初预算 relations of seed 000 ↔ 001, all kept by the 决算
    (error,) = [f for f in cross if f.failed]
    assert error.severity == "error" and budget.name in error.document and final.name in error.document
    stated = next(f for f in final_doc.figures if f.text == "364.72")
    assert error.figure_ids == (stated.id,) and error.location == f"@{stated.start}"
    where = check.across_of(error.finding_id)
    partner_figure = next(f for f in budget_doc.figures if f.id == where.counterpart(stated.id))
    assert where.partner == budget and partner_figure.text == "354.72"
    assert check.partner(budget) is not None
    # the 预算 is home to none of them: each cross finding is reviewed once
    assert cross_of(check(budget_doc)) == [] and check.across == {}


def test_a_document_without_a_partner_gets_its_own_findings_only(pair):
    budget, _ = pair
    doc = load_document(budget)
    assert cross_of(SetCheck([describe(doc)])(doc)) == []


def test_the_home_of_a_finding_is_the_side_of_its_stated_figure():
    from tui_review.contracts.finding import Evidence, Finding
    from tui_review.contracts.place import Place

    def ev(figure_id, coeff):
        return Evidence(figure_id, "1", 1, None, "", "", "", Place(), coeff)

    finding = Finding("f", "a ↔ b", "cross.x", "error", "fails", "", "", Place(), "", "", "", "",
                      evidence=[ev("a:P1", 1), ev("b:P2", 0)])
    assert home_prefix(finding) == "b:"
    finding.evidence = [ev("a:P1", 0), ev("b:P2", 1)]
    assert home_prefix(finding) == "a:"


def test_a_folder_exports_one_sheet_with_each_cross_finding_once(pair, tmp_path, capsys):
    import csv
    import io

    from tui_review.cli import main

    budget, final = pair
    out = tmp_path / "sheet.csv"
    assert main(["export", str(budget.parent), "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    documents = {r["文档"] for r in rows}
    assert {budget.name, final.name} <= documents  # one sheet, a document column
    cross = [r for r in rows if r["规则"].startswith("cross.")]
    assert len(cross) == 1 and cross[0]["文档"] == f"{budget.name} ↔ {final.name}"
    assert cross[0]["审核状态"] == "待核"
    # reviewed once, in the 决算's review: the folder sheet carries that judgement
    from tui_review.review.store import ReviewStore

    final_doc = load_document(final)
    check = SetCheck([describe(load_document(budget)), describe(final_doc)])
    (error,) = [f for f in cross_of(check(final_doc)) if f.failed]
    store = ReviewStore.open(final)
    store.set_status(error, "confirmed")
    store.close()
    assert main(["export", str(budget.parent), "-o", str(out), "--force"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["审核状态"] for r in rows if r["规则"].startswith("cross.")] == ["确认问题"]
