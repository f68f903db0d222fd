"""A document checked with its set: the cross findings it is home to, in its own ids."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from parsers import load_document
from tui_review.docsets import describe
from tui_review.review.store import ReviewStore
from tui_review.setcheck import SetCheck, home_prefix

from test_folder_check import no_user_config  # noqa: F401 — the same isolation (autouse)

from tui_review.i18n import rule_titles  # noqa: E402

CROSS_TITLES = {title for rule_id, title in rule_titles("zh").items() if rule_id.startswith("cross.")}

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


@pytest.fixture
def two_years(tmp_path):
    """2022 and 2023 预算 of one department; 2023's 比上年增加 25.00 does not fit 2022's total (20.00)."""
    earlier, later = tmp_path / "2022.txt", tmp_path / "2023.txt"
    earlier.write_text("某某局2022年度部门预算公开\n\n第一部分 2022年度部门预算情况说明\n\n一、收支预算总体情况说明\n\n"
                       "2022年度收入、支出预算总计 100.00 万元。\n", encoding="utf-8")
    later.write_text("某某局2023年度部门预算公开\n\n第一部分 2023年度部门预算情况说明\n\n一、收支预算总体情况说明\n\n"
                     "2023年度收入、支出预算总计 120.00 万元，比上年增加 25.00 万元。\n", encoding="utf-8")
    docs = {p: load_document(p) for p in (earlier, later)}
    return earlier, later, docs


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


def test_the_home_of_a_link_is_the_document_that_makes_the_claim():
    assert home_prefix("budget_final") == "b:"  # the 决算 restates the 预算's figures
    assert home_prefix("consecutive") == "b:"  # the later year states 上年 figures and changes
    assert home_prefix("text_tables") == "a:"  # the text file's prose reports its tables


def test_a_change_on_last_year_is_reviewed_in_the_later_year(two_years):
    """cross.previous_year states the earlier year's figure, yet the claim (比上年增加) is the later one's."""
    earlier, later, docs = two_years
    check = SetCheck([describe(d) for d in docs.values()])
    (warning,) = [f for f in cross_of(check(docs[later])) if f.failed]
    assert warning.rule == "cross.previous_year" and "25.00" in {e.text for e in warning.evidence}
    assert set(warning.figure_ids) <= {f.id for f in docs[later].figures}
    assert check.across_of(warning.finding_id).partner == earlier
    assert cross_of(check(docs[earlier])) == []


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
    cross = [r for r in rows if r["规则"] in CROSS_TITLES]
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
    assert [r["审核状态"] for r in rows if r["规则"] in CROSS_TITLES] == ["确认问题"]


def test_a_cross_finding_stands_at_its_home_figure_when_it_states_the_partners(two_years):
    earlier, later, docs = two_years
    (warning,) = [f for f in cross_of(SetCheck([describe(d) for d in docs.values()])(docs[later])) if f.failed]
    stated = next(e for e in warning.evidence if e.coeff == 0)
    assert stated.text == "100.00"  # the relation states the earlier year's figure …
    home = {f.id: f for f in docs[later].figures}
    first = home[warning.figure_ids[0]]
    assert warning.location == f"@{first.start}" and warning.section_id == first.section_id  # … it stands here
    assert "2023.txt" in warning.section


def test_a_cross_findings_note_stays_its_own_when_the_document_is_opened_alone(pair):
    """Opened without its set, the cross finding is absent: its note is kept (not moved onto another
    finding stating the same figure), and it is back on the cross finding once the set is open."""
    from tui_review.review.pipeline import LoadOptions, open_review

    budget, final = pair
    final_doc = load_document(final)
    check = SetCheck([describe(load_document(budget)), describe(final_doc)])
    (error,) = [f for f in cross_of(check(final_doc)) if f.failed]
    twin = replace(error, finding_id="same-figure-other-rule", rule="repeat", figure_ids=error.figure_ids)
    store = ReviewStore.open(final)
    store.sync(final_doc, [error])
    store.set_note(error, "查 2023 年预算")
    store.sync(final_doc, [twin])  # alone: only a finding of another rule states 364.72 万元
    assert store.review(twin.finding_id) is None and store.review(error.finding_id).note == "查 2023 年预算"
    store.close()
    session = open_review(final, LoadOptions(check=check))
    try:
        entry = session.entry(error.finding_id)
        assert entry is not None and entry.judgement.note == "查 2023 年预算"
    finally:
        session.store.close()
