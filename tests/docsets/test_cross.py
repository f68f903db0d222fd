"""Cross-document relations: 预算 ↔ 决算 年初预算, 上年 figures, text ↔ tables, with certainty."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from parsers import load_document
from parsers.text import parse_text
from tui_review.cli import main
from tui_review.crosscheck import check_pair
from tui_review.relations.cross import pair_document, subject_key

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
BUDGET_2023 = SAMPLES / "000_c776e60c2084e5b6.txt"
FINAL_2023 = SAMPLES / "001_17aaca51ade6ba7f.txt"
OPENING = "与年初预算354.72万元相比"  # seed 001's restatement of seed 000's 收入、支出总计

BUDGET_TABLE = (
    "某某局2023年度部门预算公开\n\n第一部分 2023年度部门预算表\n\n一、一般公共预算财政拨款支出预算表\n\n单位：万元\n\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "201\t一般公共服务支出\t100.00\t80.00\t20.00\n"
    "2010301\t行政运行\t80.00\t80.00\t0.00\n"
    "2010350\t事业运行\t20.00\t0.00\t20.00\n"
)
FINAL_TABLE = (
    "某某局2023年度部门决算公开\n\n第一部分 2023年度部门决算表\n\n一、一般公共预算财政拨款支出决算表\n\n单位：万元\n\n"
    "科目编码\t科目名称\t年初预算数\t决算数\n"
    "201\t一般公共服务支出\t100.00\t95.00\n"
    "2010301\t行政运行\t80.00\t77.00\n"
    "2010350\t事业运行\t{opening}\t18.00\n"
)
EARLIER = (
    "某某局2022年度部门预算公开\n\n第一部分 2022年度部门预算情况说明\n\n一、收支预算总体情况说明\n\n"
    "2022年度收入、支出预算总计 100.00 万元。\n"
)
LATER = (
    "某某局2023年度部门预算公开\n\n第一部分 2023年度部门预算情况说明\n\n一、收支预算总体情况说明\n\n"
    "2023年度收入、支出预算总计 120.00 万元，比上年增加 {change} 万元。\n"
)


@pytest.fixture(autouse=True)
def no_user_config(monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    monkeypatch.setenv("HOME", "/nonexistent")


def failing(findings):
    return [f for f in findings if f.failed]


def test_seed_budget_and_final_accounts_agree_on_every_opening_budget_they_share():
    findings = check_pair("budget_final", load_document(BUDGET_2023), load_document(FINAL_2023))
    assert len(findings) == 9 and not failing(findings)
    stated = {f.stated for f in findings}
    assert "354.72 万元" in stated and "221.20 万元" in stated
    # the 三公 figures seed 001 gives are 全年预算 (adjusted), never compared with the 预算's 年初 figures
    assert "6.04 万元" not in stated


def test_a_changed_opening_budget_is_a_cross_error_naming_both_documents(tmp_path):
    changed = tmp_path / FINAL_2023.name
    text = FINAL_2023.read_text(encoding="utf-8")
    assert text.count(OPENING) == 1
    changed.write_text(text.replace(OPENING, "与年初预算364.72万元相比"), encoding="utf-8")
    (error,) = failing(check_pair("budget_final", load_document(BUDGET_2023), load_document(changed)))
    assert (error.rule, error.severity, error.stated) == ("cross.budget_final", "error", "364.72 万元")
    assert error.document == f"{BUDGET_2023.name} ↔ {FINAL_2023.name}"
    assert f"《{FINAL_2023.name}》" in error.section  # the stated figure's place names its document
    assert BUDGET_2023.name in error.message_zh and "差 10.00" in error.message_zh
    # each place is an offset into its own document's text, not into the pair's
    own = next(f for f in load_document(changed).figures if f.text == "364.72")
    budget = next(f for f in load_document(BUDGET_2023).figures if f.text == "354.72")
    assert {e.location for e in error.evidence} == {f"@{own.start}", f"@{budget.start}"}
    assert error.location == f"@{own.start}"


def test_the_check_command_reports_the_cross_error_and_exits_1(tmp_path, capsys):
    changed = tmp_path / FINAL_2023.name
    changed.write_text(FINAL_2023.read_text(encoding="utf-8").replace(OPENING, "与年初预算364.72万元相比"),
                       encoding="utf-8")
    shutil.copy(BUDGET_2023, tmp_path / BUDGET_2023.name)
    code = main(["check", str(tmp_path / BUDGET_2023.name), str(changed), "--format", "json", "--jobs", "1"])
    rows = json.loads(capsys.readouterr().out)
    cross = [r for r in rows if r["rule"].startswith("cross.")]
    assert code == 1 and len(cross) == 1 and cross[0]["severity"] == "error"
    assert BUDGET_2023.name in cross[0]["document"] and FINAL_2023.name in cross[0]["document"]
    assert main(["check", str(tmp_path / BUDGET_2023.name), str(changed), "--format", "json", "--no-cross"]) == 1
    assert not [r for r in json.loads(capsys.readouterr().out) if r["rule"].startswith("cross.")]


def test_tables_compare_opening_budget_cells_by_code_and_column():
    budget = parse_text(BUDGET_TABLE, path="budget.txt")
    final = parse_text(FINAL_TABLE.format(opening="20.00"), path="final.txt")
    findings = check_pair("budget_final", budget, final)
    assert len(findings) == 3 and not failing(findings)
    wrong = parse_text(FINAL_TABLE.format(opening="21.00"), path="final.txt")
    (error,) = failing(check_pair("budget_final", budget, wrong))
    assert error.severity == "error" and "2010350" in error.message_zh and error.location == "b:T1[r3,c3]"


def test_a_change_on_last_year_implies_last_years_figure_but_only_as_a_warning():
    earlier = parse_text(EARLIER, path="2022.txt")
    holds = check_pair("consecutive", earlier, parse_text(LATER.format(change="20.00"), path="2023.txt"))
    assert len(holds) == 1 and not failing(holds)
    (off,) = failing(check_pair("consecutive", earlier, parse_text(LATER.format(change="25.00"), path="2023.txt")))
    assert off.rule == "cross.previous_year" and off.severity == "warning"
    assert "上年执行数" in off.message_zh and "uncertain" in off.message_en


def test_subjects_lose_fund_period_and_role_words_but_keep_the_fund_apart():
    assert subject_key("一般公共预算拨款安排的三公经费支出") == ("三公经费", "一般公共预算")
    assert subject_key("财政拨款三公经费") == ("三公经费", "财政拨款")
    assert subject_key("收入、支出总计") == subject_key("收入支出总计")
    assert subject_key("因公出国（境）费支出") == ("因公出国（境）费", "")
    assert subject_key("一般公共预算财政拨款支出") == ("支出", "一般公共预算")


def test_the_pair_names_each_document_and_keeps_both_texts_addressable():
    first, second = load_document(BUDGET_2023), load_document(FINAL_2023)
    pair = pair_document(first, second)
    assert [s.title for s in pair.root.children] == [f"《{BUDGET_2023.name}》", f"《{FINAL_2023.name}》"]
    fig = next(f for f in pair.figures if f.id.startswith("b:P") and f.text == "354.72")
    assert pair.text[fig.start : fig.end] == "354.72"
    assert pair.section_label(fig.section_id).startswith(f"《{FINAL_2023.name}》")
    assert len(pair.figures) == len(first.figures) + len(second.figures)


def test_text_tables_binds_the_prose_of_one_file_to_the_tables_of_the_other():
    text = parse_text(
        "某某局2023年度部门预算公开\n\n第一部分 2023年度部门预算情况说明\n\n一、“三公”经费支出预算情况说明\n\n"
        "2023年“三公”经费预算 12.00 万元，其中：因公出国（境）费 10.00 万元，公务接待费 3.00 万元。\n",
        path="text.txt",
    )
    tables = parse_text(
        "某某局2023年度部门预算公开表\n\n“三公”经费支出预算表\n\n单位：万元\n\n"
        "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\n12.00\t10.00\t0.00\t2.00\n",
        path="tables.txt",
    )
    tables.tables[0].kind = "three_public"  # as the PDF reader names it from the title
    findings = check_pair("text_tables", text, tables)
    assert len(findings) == 3
    (error,) = failing(findings)
    assert (error.rule, error.severity, error.stated, error.location) == ("cross.text_tables", "error", "3.00 万元", "@103")
    assert "tables.txt" in error.message_zh and error.evidence[1].location == "b:T1[r1,c4]"


def test_a_failing_cross_finder_costs_its_pair_only(monkeypatch):
    from tui_review.crosscheck import cross_findings
    from tui_review.docsets import describe
    from tui_review.relations import cross

    def broken(pair):
        raise ValueError("a finder's bug")

    monkeypatch.setitem(cross.FINDERS, "budget_final", broken)
    infos = [describe(load_document(BUDGET_2023)), describe(load_document(FINAL_2023))]
    (finding,) = cross_findings(infos)
    assert (finding.rule, finding.severity) == ("internal.finder", "warning")
    assert "ValueError" in finding.message_en and BUDGET_2023.name in finding.document


def test_only_the_first_change_after_a_figure_implies_last_years_figure():
    """``减少100万元，减少9.52``: the second is a rate printed without its %, not another change."""
    later = parse_text(LATER.format(change="20.00 万元，增加 16.67"), path="2023.txt")
    changes = [f for f in later.figures if str(f.role) == "change"]
    assert [f.text for f in changes] == ["20.00", "16.67"]  # the parser reads both as changes
    findings = check_pair("consecutive", parse_text(EARLIER, path="2022.txt"), later)
    assert len(findings) == 1 and not failing(findings)


THREE_PUBLIC_BUDGET = (
    "某局2023年度部门预算公开表\n\n“三公”经费支出预算表\n\n单位：万元\n\n"
    "合计\t因公出国（境）费\t公务用车购置费\t公务接待费\n12.00\t10.00\t0.00\t2.00\n"
)
THREE_PUBLIC_FINAL = (
    "某局2023年度部门决算公开表\n\n“三公”经费支出决算表\n\n单位：万元\n\n"
    "{budget} 因公出国（境）费\t{budget} 公务接待费\t决算数 因公出国（境）费\t决算数 公务接待费\n10.00\t3.00\t9.00\t1.00\n"
)


@pytest.mark.parametrize(("budget", "severity"), [("年初预算数", "error"), ("预算数", "warning"), ("全年预算数", None)])
def test_three_public_items_are_compared_item_by_item(budget, severity):
    before = parse_text(THREE_PUBLIC_BUDGET, path="b.txt")
    after = parse_text(THREE_PUBLIC_FINAL.format(budget=budget), path="f.txt")
    before.tables[0].kind = after.tables[0].kind = "three_public"  # as the PDF reader names them
    findings = check_pair("budget_final", before, after)
    if severity is None:  # a full-year (adjusted) budget is not what the 预算 published
        assert findings == []
        return
    assert len(findings) == 2
    (off,) = failing(findings)
    assert off.severity == severity and "公务接待费" in off.message_zh and off.stated == "3.00 万元"


def test_previous_year_cells_are_compared_by_code():
    earlier = parse_text(BUDGET_TABLE.replace("2023", "2022"), path="2022.txt")
    later = parse_text(
        "某某局2023年度部门预算公开\n\n第一部分 2023年度部门预算表\n\n一、一般公共预算财政拨款支出预算表\n\n单位：万元\n\n"
        "科目编码\t科目名称\t上年预算数\t本年预算数\n201\t一般公共服务支出\t100.00\t110.00\n2010301\t行政运行\t81.00\t90.00\n",
        path="2023.txt",
    )
    findings = check_pair("consecutive", earlier, later)
    assert len(findings) == 2
    (off,) = failing(findings)
    assert (off.rule, off.severity, off.stated) == ("cross.previous_year", "error", "81.00 万元")
    assert "2010301" in off.message_zh
