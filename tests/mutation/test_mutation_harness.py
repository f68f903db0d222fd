"""The mutation harness (scripts/mutation) measures what it says: a slip in a number a relation
covers is detected and named, a number that claims nothing checkable (a phone number, a year, a
count) is not counted, a deletion is a ``missing`` case, claim kinds are read from the words in
both number formats, and a PDF is mutated in its document model (one table cell)."""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from mutation import classify as C  # noqa: E402
from mutation.harness import Mutator, run_document  # noqa: E402
from mutation.perturb import delete, digit, perturbations, swap, x10  # noqa: E402
from mutation.source import load_source, text_source  # noqa: E402

from parsers.model import Table  # noqa: E402

DOC = """某某局2023年部门预算公开

一、收入预算情况说明
2023年收入预算合计1,234.56万元，其中：财政拨款收入1,000.00万元，其他收入234.56万元。收入预算比上年增加34.56万元。
二、其他说明
联系电话：0475-1234567。本单位共有在职人员25人，车辆3辆。
"""


@pytest.fixture(scope="module")
def mutator() -> Mutator:
    return Mutator(text_source(DOC, "t.txt"))


def _token(mutator: Mutator, printed: str):
    return next(t for t in mutator.tokens if t.text == printed)


def test_a_slip_in_a_part_of_a_checked_sum_is_detected_and_named(mutator):
    outcomes, why = mutator.run_token(_token(mutator, "1,000.00"), random.Random(1))
    assert why is None
    digit_slip = next(o for o in outcomes if o.slip == "digit")
    assert "sum" in digit_slip.kinds
    assert digit_slip.read and digit_slip.localised and digit_slip.any_new and digit_slip.error
    assert "sum.parts" in digit_slip.rules
    tenfold = next(o for o in outcomes if o.slip == "x10")  # 10,000.00 > the total: at least a binding note
    assert tenfold.mutated == "10,000.0" and tenfold.info


def test_a_change_with_no_printed_counterpart_is_counted_but_undetected(mutator):
    outcomes, _ = mutator.run_token(_token(mutator, "34.56"), random.Random(1))
    value_slips = [o for o in outcomes if o.slip != "delete"]
    assert value_slips and all(o.kinds == ("change",) for o in value_slips)
    assert not any(o.localised or o.any_new for o in value_slips)


def test_phone_numbers_years_and_counts_are_not_counted(mutator):
    reasons = {t.text: mutator.screen(t) for t in mutator.tokens}
    assert reasons["2023"] == "year"
    assert reasons["0475"] == reasons["1234567"] == "phone"
    assert reasons["25"] == reasons["3"] == "count"
    run = run_document(text_source(DOC, "t.txt"))
    assert {o.printed for o in run.outcomes} == {"1,234.56", "1,000.00", "234.56", "34.56"}
    assert run.excluded == {"year": 2, "phone": 2, "count": 2}  # 2023 in the title and in the text


def test_a_deletion_is_a_missing_case(mutator):
    outcomes, _ = mutator.run_token(_token(mutator, "234.56"), random.Random(1))
    deletion = next(o for o in outcomes if o.slip == "delete")
    assert deletion.kinds == ("missing",) and deletion.mutated == ""
    assert deletion.localised and "parse.missing_figure" in deletion.rules


@pytest.mark.parametrize("amount, pct", [("1,234.56", "%"), ("1234.56", "％")])
def test_claim_kinds_are_read_from_the_words(amount, pct):
    sentences = {
        "growth": f"支出比上年增长12.5{pct}。",
        "change": f"支出比上年增加{amount}万元。",
        "share": f"基本支出占支出合计的81.00{pct}。",
        "completion": f"支出完成年初预算的95.50{pct}。",
        "sum": f"支出合计{amount}万元，其中：基本支出1.00万元。",
    }
    amounts = C.Amounts({}, set())
    for kind, sentence in sentences.items():
        source = text_source(sentence)
        token = next(t for t in source.tokens() if t.text in (amount, "12.5", "81.00", "95.50"))
        assert C.prose_kinds(token.text, token.left, token.right, amounts) == [kind], sentence


def test_repeat_and_prose_table_kinds():
    value = C.value_of("1,234.56")
    assert value == Decimal("1234.56") == C.value_of("1234.56")
    repeated = C.Amounts({(value, "万元"): 2}, {Decimal("12345600")})
    assert C.prose_kinds("1234.56", "基本支出", "万元。", repeated) == ["repeat", "prose↔table"]
    once = C.Amounts({(value, "万元"): 1}, set())
    assert C.prose_kinds("1234.56", "基本支出", "万元。", once) == []


def test_table_cells_under_a_total_are_sums_and_code_columns_are_not_counted():
    table = Table("T1", rows=[["合计", "", "300.00"], ["基本支出", "301", "200.00"], ["项目支出", "302", "100.00"]],
                  columns=["项目", "科目编码", "金额"])
    amounts = C.Amounts({(Decimal("200.00"), "万元"): 1}, set())
    assert C.cell_kinds("200.00", C.CellPlace(table, 1, 2), amounts) == ["sum", "prose↔table"]
    assert C.excluded("301", "", "", in_cell=True, header="科目编码") == "code"
    assert C.excluded("201", "", "", in_cell=True, header="功能分类科目 › 类") == "code"
    assert C.excluded("08", "", "", in_cell=True, header="") == "code"
    assert C.excluded("201.00", "", "", in_cell=True, header="支出 › 合计") is None
    rates = Table("T2", rows=[["支出", "80.0", "95.5"]], columns=["项目", "占比", "执行率（%）"])
    assert C.cell_kinds("80.0", C.CellPlace(rates, 0, 1), amounts) == ["share"]
    assert C.cell_kinds("95.5", C.CellPlace(rates, 0, 2), amounts) == ["completion"]


@pytest.mark.parametrize("printed, tenfold", [("1,234.56", "12,345.6"), ("1234.56", "12345.6"), ("500", "5000"),
                                              ("１２．５", "１２５"), ("0.10", "1.0")])
def test_slips_are_printed_as_the_document_prints(printed, tenfold):
    rng = random.Random(3)
    assert x10(printed) == tenfold
    for _ in range(20):
        changed = digit(printed, rng)
        assert changed != printed and len(changed) == len(printed) and C.value_of(changed) != C.value_of(printed)
        swapped = swap(printed, rng)
        if printed == "500":  # 050 is no printed number: no swap applies
            assert swapped is None
            continue
        assert swapped != printed and sorted(swapped) == sorted(printed)
        assert swapped[0] not in "0０" or printed[0] in "0０"
    assert delete(printed) == ""


def test_a_zero_is_not_multiplied_and_equal_digits_are_not_swapped():
    assert x10("0.00") is None and swap("1.11", random.Random(0)) is None
    assert [kind for kind, _ in perturbations("0.00", random.Random(0))] == ["digit", "delete"]


def test_a_pdf_is_mutated_in_its_document_model(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    mutator = Mutator(load_source(ROOT / "sample_docs" / "demo_budget_2025.pdf"))
    cells = [t for t in mutator.tokens if t.in_cell and mutator.screen(t) is None]
    tables = mutator.source.tables
    token = next(t for t in cells if C.has_total(tables[t.table]) and C.value_of(t.text) and "合计" in " ".join(tables[t.table].rows[t.row]))
    outcomes, why = mutator.run_token(token, random.Random(0))
    assert why is None and outcomes
    assert all("sum" in o.kinds for o in outcomes if o.slip != "delete")
    assert any(o.localised for o in outcomes if o.slip == "digit")


def test_a_number_set_off_by_blanks_is_placed_when_deleted_and_split_decimals_are_one_number():
    source = text_source("某某局2023年部门预算\n一、收入预算\n收入预算合计 354.72 万元，其中：财政拨款收入 300.00 万元，其他收入 54.72 万元。\n分值 5. 37\n")
    mutator = Mutator(source)
    assert [t.text for t in mutator.tokens if mutator.screen(t) is None][-1] == "5. 37"
    outcomes, _ = mutator.run_token(_token(mutator, "300.00"), random.Random(0))
    deletion = next(o for o in outcomes if o.slip == "delete")
    assert deletion.read and deletion.localised  # the blank before it is where the texts first differ


def test_formula_constants_approximate_counts_and_bracketed_bases_are_not_rates():
    assert C.excluded("100", "预算支出完成率＝年终执行数÷调整预算数×", "%", in_cell=False) == "formula"
    assert C.excluded("11.5", "已完成实名注册", "万余人次，注册率达30%", in_cell=False) == "count"
    amounts = C.Amounts({}, set())
    # the base of a share, printed in brackets, is no rate that lost its %
    assert C.prose_kinds("4,677,326.79", "人员经费4,049,552.76元，占总收入（", "）的86.58%；", amounts) == []
    # a rate whose % was left out still is one
    assert C.prose_kinds("1412.35", "比上年增加1,234.00万元，增长", "，主要原因", amounts) == ["growth"]


def test_the_report_counts_a_slip_under_each_of_its_kinds_and_once_in_all_claims():
    from mutation.harness import Outcome
    from mutation.report import by_kind, misses_table

    def slip(kinds, localised):
        return Outcome("d.txt", 1, "12.50", "digit", "12.55", kinds, "@10", "支出【12.50】万元", True, localised, localised,
                       localised, localised, "")

    outcomes = [slip(("sum", "repeat"), True), slip(("sum",), False), slip(("other",), False), slip(("missing",), False)]
    tallies = by_kind(outcomes)
    assert (tallies["sum"].slips, tallies["sum"].localised) == (2, 1)
    assert (tallies["repeat"].slips, tallies["other"].slips, tallies["missing"].slips) == (1, 1, 1)
    assert (tallies["all claims (value)"].slips, tallies["all claims (value)"].localised) == (2, 1)
    listing = misses_table(outcomes)
    assert "of 2:" in listing and "other" not in listing


def test_deleting_a_zero_cell_is_no_missing_case_but_deleting_a_zero_in_prose_is():
    from mutation.detect import Site

    cell, prose = Site(table_id="T1", row=0, col=2), Site(offset=10)
    assert Mutator._counted_kinds(["sum"], "delete", cell, "0.00") == ()
    assert Mutator._counted_kinds(["sum"], "delete", cell, "12.00") == ("missing",)
    assert Mutator._counted_kinds(["change"], "delete", prose, "0") == ("missing",)  # 增加 万元: a figure is missing


def test_a_threshold_in_a_rule_claims_no_amount():
    # 单价100万元（含）以上的设备: a bound, not a statement of an amount a table cell could repeat
    repeated = C.Amounts({(Decimal("100"), "万元"): 2}, {Decimal("100")})
    assert C.prose_kinds("100", "单价", "万元（含）以上的设备0台", repeated) == []
    assert C.threshold("万元(含)以上") and C.threshold("万元以下") and not C.threshold("万元，比上年增加")


def test_a_growth_slip_the_printed_precision_hides_is_told_apart_from_a_miss():
    # 增加 0.44 on 55.70 is 0.79% (0.7833–0.7982% as printed): 0.78% still holds within rounding,
    # 0.97% fails; a slip of a change nothing binds is a plain miss
    doc = ("某某局2023年部门预算公开\n\n一、收入预算情况说明\n"
           "2023年收入预算56.14万元，比上年55.70万元增加0.44万元，增长0.79%。\n")
    hidden = Mutator(text_source(doc, "g.txt"))
    token = _token(hidden, "0.79")
    mutant, report = hidden.check(token, "0.78")
    from mutation.detect import locate
    from mutation.harness import within_rounding

    site = locate(hidden.base, mutant)
    assert site is not None and site.mutant is not None
    assert within_rounding(report, site.mutant.id, localised=False)
    mutant, report = hidden.check(token, "0.97")
    site = locate(hidden.base, mutant)
    assert not within_rounding(report, site.mutant.id, localised=False)  # it fails: a detection, not hidden


def test_the_report_leaves_slips_hidden_by_rounding_out_of_the_checkable_rate():
    from mutation.harness import Outcome
    from mutation.report import by_kind, misses_table

    def slip(localised, hidden):
        return Outcome("d.txt", 1, "0.79", "digit", "0.78", ("growth",), "@10", "增长【0.79】%", True, localised, localised,
                       localised, localised, "", within_rounding=hidden)

    outcomes = [slip(True, False), slip(False, True), slip(False, False)]
    tally = by_kind(outcomes)["growth"]
    assert (tally.slips, tally.localised, tally.hidden) == (3, 1, 1)
    assert tally.row("growth").split()[7] == "50.0%"  # checkable: 1 of the 2 not hidden by rounding
    assert "of 1:" in misses_table(outcomes)
