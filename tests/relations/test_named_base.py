"""A share whose base is named in words (占“三公”经费的 x%) is checked against the quantity that
name denotes: the table cell stating it in the part's period, else the prose amount of that name;
the part is read at the table's precision when the table states it too."""

from __future__ import annotations

from parsers.identity import identify_all
from parsers.model import Table
from parsers.table_figures import table_figures
from parsers.text import parse_text
from tui_review.engine import check_document
from tui_review.relations import prose

BUDGET_DOC = "2017 年度某某局（部门）预算\n第三部分 2017 年度部门预算情况说明\n"
THREE_PUBLIC_COLUMNS = [
    "合计", "“三公”经费 › 小计", "“三公”经费 › 因公出国（境）费", "“三公”经费 › 公务用车购置及运行维护费 › 小计",
    "“三公”经费 › 公务接待费", "会议费", "培训费",
]
SHARES = (
    "十一、一般公共预算“三公”经费支出预算情况说明\n"
    "2017年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出110万元，占“三公”经费的18.85%；"
    "公务用车购置及运行费支出317.8万元，占“三公”经费的54.39%；公务接待费支出156.55万元，占“三公”经费的26.79%。\n"
)


def with_table(text: str, title: str = "一般公共预算“三公”经费、会议费、培训费支出预算表"):
    doc = parse_text(text)
    table = Table("T1", [["1,452.35", "584.35", "110.00", "317.80", "156.55", "168.00", "700.00"]], THREE_PUBLIC_COLUMNS, title=title, kind="three_public")
    figures, _, _ = table_figures(table, "万元", 2017)
    doc.tables.append(table)
    doc.figures += figures
    identify_all(doc)
    return doc


def shares(doc):
    return {r.target.text: r for r in prose.find(doc) if r.rule == "share"}


def test_a_base_named_in_words_is_the_tables_cell_and_the_part_is_read_at_the_tables_precision():
    found = shares(with_table(BUDGET_DOC + SHARES))
    rel = found["18.85"]
    assert [t.figure.text for t in rel.terms] == ["110.00"]  # the table pins 110 to ±0.005
    assert [t.figure.text for t in rel.denominator] == ["584.35"]  # the 三公 小计, not the 合计 with 会议费/培训费
    assert rel.uncertain is None and "“三公”经费" in rel.label_zh
    assert {"54.39", "26.79"} <= set(found)


def test_a_base_from_a_table_of_another_scope_is_uncertain():
    rel = shares(with_table(BUDGET_DOC + SHARES, title="财政拨款“三公”经费支出预算表"))["18.85"]
    assert rel.uncertain is not None


def test_a_base_named_in_words_and_printed_before_in_the_prose():
    text = BUDGET_DOC + (
        "七、“三公”经费支出预算情况说明\n“三公”经费预算支出200.00万元。\n"
        "公务接待费支出50.00万元，占“三公”经费的25.00%。\n"
    )
    (rel,) = shares(parse_text(text)).values()
    assert [t.figure.text for t in rel.denominator] == ["200.00"]


def test_a_share_whose_base_is_named_nowhere_makes_no_relation():
    text = BUDGET_DOC + "七、其他\n公务接待费支出50.00万元，占某项经费的25.00%。\n"
    assert shares(parse_text(text)) == {}


def test_a_bare_share_of_a_three_public_item_is_of_the_three_public_total_printed_before():
    text = BUDGET_DOC + (
        "七、财政拨款“三公”经费支出情况说明\n2017年度财政拨款“三公”经费支出 6.04万元。"
        "因公出国（境）费支出0.00万元，占0.00%；公务用车购置及运行维护费支出6.04万元，占100.00%；公务接待费支出0万元，占0%。\n"
    )
    found = shares(parse_text(text))
    assert [t.figure.text for t in found["100.00"].denominator] == ["6.04"]


def test_a_thousands_separator_does_not_cut_the_clause_of_a_bracketed_base():
    text = BUDGET_DOC + "一、支出\n人员经费4,049,552.76元，占总收入（4,677，326.79）的86.58%。\n"
    (rel,) = shares(parse_text(text)).values()
    assert [t.figure.text for t in rel.denominator] == ["4,677，326.79"]


FINAL_DOC = "2023 年度示例局（部门）决算\n第三部分 2023 年度部门决算情况说明\n"


def test_a_change_against_the_budget_takes_the_budget_from_the_classes_table_row():
    name = "一般公共服务支出（类）"
    text = FINAL_DOC + f"四、一般公共预算财政拨款支出决算具体情况\n{name}决算数为1,627.50万元，与年初预算相比增加1,350.31万元。\n"
    doc = parse_text(text)
    table = Table("T1", [["201", "一般公共服务支出", "277.19", "1,627.50"]], ["科目编码", "科目名称", "年初预算数", "决算数"],
                  title="一般公共预算财政拨款支出决算表", kind="general_budget_expenditure")
    figures, _, _ = table_figures(table, "万元", 2023)
    doc.tables.append(table)
    doc.figures += figures
    identify_all(doc)
    (rel,) = [r for r in prose.find(doc) if r.rule == "change"]
    assert [t.figure.text for t in rel.terms] == ["1,627.50", "277.19"]


SPENDING_SHARES = (
    "三、支出预算情况说明\n2017年度支出预算合计万元，其中：\n基本支出 354.72 万元，占 100 %；\n项目支出 0 万元，占 0 %；\n"
    "事业单位经营支出 0 万元，占 0 %；\n上缴上级支出 0 万元，占 0 %。\n"
)


def test_shares_of_a_standard_partition_without_its_total_are_of_the_members_sum():
    rel = next(r for r in prose.find(parse_text(BUDGET_DOC + SPENDING_SHARES)) if r.rule == "share" and r.target.text == "100")
    assert [t.figure.text for t in rel.denominator] == ["354.72", "0", "0", "0"]
    failing = check_document(parse_text(BUDGET_DOC + SPENDING_SHARES.replace("占 100 %", "占 90 %"))).findings
    assert any(f.rule == "share" and f.failed and f.severity.value == "error" for f in failing)


def test_shares_of_items_that_are_no_standard_partition_get_no_sum_as_base():
    text = BUDGET_DOC + "三、支出预算情况说明\n其中：\n办公费 3.00 万元，占 30 %；\n印刷费 7.00 万元，占 70 %。\n"
    assert not any(r.rule == "share" for r in prose.find(parse_text(text)))


def test_a_base_named_with_all_of_is_the_quantity_it_names():
    text = BUDGET_DOC + (
        "三、支出预算情况说明\n项目支出46.74万元，其中房屋租金27.18万元。\n"
        "四、其他\n公开填报绩效目标的项目支出预算46.74万元，占全部项目支出预算的100%。\n"
    )
    rel = next(r for r in prose.find(parse_text(text)) if r.rule == "share" and r.target.text == "100")
    assert [t.figure.text for t in rel.denominator] == ["46.74"]


def test_three_public_shares_named_in_words_with_no_total_anywhere_are_of_the_items_sum():
    # the 三公 total is printed neither in the prose nor in a table: the three items are all of it
    text = BUDGET_DOC + (
        "九、“三公”经费支出预算情况说明\n2017年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出199.25万元，"
        "占“三公”经费的25.96%；公务用车购置及运行费支出183.6万元，占“三公”经费的23.92%；公务接待费支出384.75万元，占“三公”经费的50.12%。\n"
    )
    found = shares(parse_text(text))
    assert [t.figure.text for t in found["25.96"].denominator] == ["199.25", "183.6", "384.75"]
    slipped = check_document(parse_text(text.replace("23.92%", "32.92%"))).findings
    assert any(f.rule == "share" and f.failed and "32.92" in f.stated for f in slipped)


def test_a_partition_typeset_one_item_a_line_closed_by_full_stops():
    text = BUDGET_DOC + (
        "一、收入预算情况说明\n收入预算合计20849.45万元，其中：\n一般公共预算收入20702.25万元，占99.29%。\n财政专户管理资金147.20万元，占0.71%。\n"
    )
    found = shares(parse_text(text))
    assert {"99.29", "0.71"} <= set(found)
    assert [t.figure.text for t in found["0.71"].denominator] == ["20849.45"]  # the list's printed total
    # with no total printed, the parts' sum is the base only where they are the whole: income
    # sources are an open partition, and shares that do not make 100% leave sources unlisted
    untotalled = text.replace("收入预算合计20849.45万元，其中：\n", "")
    assert [t.figure.text for t in shares(parse_text(untotalled))["0.71"].denominator] == ["20702.25", "147.20"]
    some = untotalled.replace("占99.29%", "占90.29%").replace("占0.71%", "占0.65%")
    assert not {"90.29", "0.65"} & set(shares(parse_text(some)))


def test_a_base_named_without_de_after_a_total_word_and_printed_after_the_departments_name():
    text = BUDGET_DOC + (
        "三、支出预算情况说明\n省委办公厅本年支出预算合计20849.45万元，其中：基本支出9964.07万元。\n"
        "四、财政拨款支出情况说明\n省委办公厅2017年财政拨款预算支出20702.25万元，占本年支出合计99.29%。\n"
    )
    rel = shares(parse_text(text))["99.29"]
    assert [t.figure.text for t in rel.denominator] == ["20849.45"]
    assert [t.figure.text for t in shares(parse_text(text.replace("合计99.29%", "合计的99.29%")))["99.29"].denominator] == ["20849.45"]


def test_a_base_named_with_its_fund_is_the_amount_stated_where_that_fund_is_spoken_of():
    text = BUDGET_DOC + (
        "二、一般公共预算支出预算情况\n一般公共预算财政拨款支出预算2316.05万元，其中：基本支出1824.69万元，项目支出491.36万元。\n"
        "三、机关运行经费预算\n2025年度机关运行经费预算186.67万元，占一般公共预算基本支出的10.23%。\n"
    )
    rel = shares(parse_text(text))["10.23"]
    assert [t.figure.text for t in rel.denominator] == ["1824.69"]


def test_a_base_named_without_de_before_the_share_and_the_part_is_the_shares_subject():
    text = BUDGET_DOC + (
        "五、一般公共预算支出情况说明\n1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%。其中:\n"
        "工资福利支出预算 716052.51 元,占基本支出预算81.25%,同比减少 148979.48 元。\n"
        "商品和服务支出预算 165247.88 元,占基本支出预算18.76%,同比减少 17291.92 元。\n"
    )
    found = shares(parse_text(text))
    assert [t.figure.text for t in found["18.76"].denominator] == ["881300.39"]
    assert found["18.76"].target.subject == "商品和服务支出"  # the part, not the base named after 占


def test_a_named_amount_smaller_than_the_part_is_not_its_base():
    text = (
        "某县2022年财政预算执行情况\n一、财政收入\n全年实现财政总收入32.8亿元，增长5.1%。其中：一般公共财政预算收入18.6亿元，增长3.2%；"
        "税收收入23.3亿元，占财政收入比重70.8%。\n"
    )
    assert [r for r in prose.find(parse_text(text)) if r.rule == "share"] == []


def test_a_named_amount_of_a_level_the_shares_sentence_does_not_speak_of_is_not_its_base():
    text = (
        "某盟2020年预算执行情况\n一、一般公共预算\n全盟一般公共预算收入完成310682万元。其中，旗级一般公共预算收入277034万元。"
        "从收入结构看，全盟一般公共预算收入中，税收收入213251万元，占一般公共预算收入的68.6%。\n"
    )
    shares = [r for r in prose.find(parse_text(text)) if r.rule == "share"]
    assert all(t.figure.text != "277034" for r in shares for t in r.denominator)
