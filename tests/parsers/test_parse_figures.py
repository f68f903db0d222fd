"""Figures of the five seeds, checked by hand against the seed text: value, unit, role, sign, subject."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from seed_docs import SEEDS, cell, check, prose, seed

from parsers.model import Role

A, B, ACT, PREV, CHG, GR, SH, CO, CNT, OTH = (
    Role.AMOUNT, Role.BUDGET, Role.ACTUAL, Role.PREVIOUS, Role.CHANGE, Role.GROWTH, Role.SHARE, Role.COMPLETION, Role.COUNT, Role.OTHER,
)


# ---- 000: 2023 budget, lines broken by the PDF extractor -------------------------------------


def test_000_totals_and_their_changes():
    d = seed("000")
    check(prose(d, "收入、支出预算总计 354.72 万元", "354.72"), "354.72", "万元", A, "收入、支出总计", decimals=2)
    check(prose(d, "收、支预算总计各增加45.76 万元", "45.76"), "45.76", "万元", CHG, "收入、支出总计")
    check(prose(d, "增长 14.81 %。其中", "14.81"), "14.81", "%", GR, "收入、支出总计")
    check(prose(d, "（一）收入预算总计 354.72 万元", "354.72"), "354.72", "万元", A, "收入总计")
    check(prose(d, "1．本年收入合计 354.72 万元", "354.72"), "354.72", "万元", A, "本年收入合计")
    check(prose(d, "（二）支出预算总计 354.72 万元", "354.72"), "354.72", "万元", A, "支出总计")


def test_000_income_items():
    d = seed("000")
    check(prose(d, "（1）一般公共预算拨款收入 354.72 万元", "354.72"), "354.72", "万元", A, "一般公共预算拨款收入")
    check(prose(d, "与上年相比增加 45.76 万元，增长 14.81 %。主要原因为", "45.76"), "45.76", "万元", CHG, "一般公共预算拨款收入")
    check(prose(d, "（2）政府性基金预算拨款收入 0 万元", "0"), "0", "万元", A, "政府性基金预算拨款收入", decimals=0)
    # previous-year amounts named by their year inside a reason
    check(prose(d, "2022年大楼取暖费 36.42万元", "36.42"), "36.42", "万元", PREV, "大楼取暖费")
    check(prose(d, "上年结转收入 7.84万元", "7.84"), "7.84", "万元", PREV, "有上年结转收入")
    check(prose(d, "本年一般公共预算收入 354.72 万元，占 100 %", "100"), "100", "%", SH, "一般公共预算收入")


def test_000_decreases_carry_their_sign():
    d = seed("000")
    check(prose(d, "与上年相比减少 254.76 万元", "254.76"), "254.76", "万元", CHG, "一般公共服务（类）支出", sign=-1)
    check(prose(d, "减少 47.89 %", "47.89"), "47.89", "%", GR, "一般公共服务（类）支出", sign=-1)
    assert prose(d, "减少 47.89 %", "47.89").signed_value == Decimal("-47.89")
    check(prose(d, "工程款 300万元", "300"), "300", "万元", PREV, "政务服务中心另支付以前年度政务、人社、司法业务用房工程款")
    check(prose(d, "机构运行经费预\n算支出 70.40万元".replace("\n", ""), "70.40"), "70.40", "万元", A, "机构运行经费支出")
    check(prose(d, "与上年相比减少 11.58 万元", "11.58"), "11.58", "万元", CHG, "机构运行经费支出", sign=-1)


def test_000_items_of_a_class_take_the_heading_they_run_on_from():
    d = seed("000")
    item = "行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）"
    check(prose(d, "年初预算 7.8 万元", "7.8"), "7.8", "万元", B, item, decimals=1)
    check(prose(d, "年初预算 55.99 万元", "55.99"), "55.99", "万元", B, "政府办公厅（室）及相关机构事务（款）行政运行（项）")
    check(prose(d, "增长 0.79 %", "0.79"), "0.79", "%", GR, "政府办公厅（室）及相关机构事务（款）行政运行（项）")
    check(prose(d, "一般公共服务类年初预算数为 277.19 万元", "277.19"), "277.19", "万元", B, "一般公共服务类")
    check(prose(d, "与上年相比减少 254.73 万元", "254.73"), "254.73", "万元", CHG, "一般公共服务类", sign=-1)


def test_000_basic_expenditure_list_and_counts():
    d = seed("000")
    check(prose(d, "基本工资83.72万元", "83.72"), "83.72", "万元", A, "基本工资")
    check(prose(d, "印刷费 6 万元", "6"), "6", "万元", A, "印刷费")
    check(prose(d, "维修（护）费 3 万元", "3"), "3", "万元", A, "维修（护）费")
    check(prose(d, "共有车辆 1 辆", "1"), "1", "辆", CNT, "共有车辆")
    check(prose(d, "旗本级 1 个和二级单位 1 个", "1", 1), "1", "个", CNT, "二级单位")
    # a threshold is not an amount; the count after it keeps the whole noun phrase
    check(prose(d, "单价50万元（含）以上的通用设备", "50"), "50", "万元", OTH, "单价")
    check(prose(d, "以上的通用设备 0 台（套）", "0"), "0", "台（套）", CNT, "单价50万元（含）以上的通用设备")
    check(prose(d, "部门预算公开 12 张表", "12"), "12", "张", CNT, "部门预算公开")


def test_000_three_public_expenses():
    d = seed("000")
    check(prose(d, "“三公”经费预算支出 2 万元，其中因公出国", "2"), "2", "万元", A, "一般公共预算拨款安排的三公经费支出")
    check(prose(d, "公务用车购置及运行维护费支出 2万元，占100 %", "100"), "100", "%", SH, "公务用车购置及运行维护费支出")
    check(prose(d, "比上年预算增加 2万元，增长100 %", "2"), "2", "万元", CHG, "一般公共预算拨款安排的三公经费支出")


# ---- 001: 2023 final accounts, Markdown-like, OCR zeros, thousands separators -----------------


def test_001_totals_budget_previous_and_change():
    d = seed("001")
    check(prose(d, "收入、支出决算总计1724.62万元", "1724.62"), "1724.62", "万元", ACT, "收入、支出总计")
    check(prose(d, "与年初预算354.72万元相比", "354.72"), "354.72", "万元", B, "收入、支出总计")
    check(prose(d, "收、支各增加1369.90万元", "1369.90"), "1369.90", "万元", CHG, "收入、支出总计")
    check(prose(d, "增长386.19%", "386.19"), "386.19", "%", GR, "收入、支出总计")
    check(prose(d, "与上年决算795.72万元相比", "795.72"), "795.72", "万元", PREV, "收入、支出总计")
    check(prose(d, "增长116.74%", "116.74"), "116.74", "%", GR, "收入、支出总计")


def test_001_thousands_separators_and_letter_o():
    d = seed("001")
    f = prose(d, "收入决算总计1,724.62 万元", "1,724.62")
    check(f, "1724.62", "万元", ACT, "收入总计", decimals=2)
    check(prose(d, "1.本年收入决算合计 1,723.66 万元", "1,723.66"), "1723.66", "万元", ACT, "本年收入合计")
    check(prose(d, "增加 928.78 万元", "928.78"), "928.78", "万元", CHG, "本年收入合计")
    check(prose(d, "1.本年支出决算合计 1,723.94 万元", "1,723.94"), "1723.94", "万元", ACT, "本年支出合计")
    o = prose(d, "使用非财政拨款结余和专用结余O.OO万元", "O.OO")
    check(o, "0.00", "万元", A, "使用非财政拨款结余和专用结余", decimals=2)
    check(prose(d, "增长 O%", "O"), "0", "%", GR, "使用非财政拨款结余和专用结余", decimals=0)
    check(prose(d, "本年政府性基金预算财政拨款收入 O.OO 万元, 占 O.OO%", "O.OO", 1), "0.00", "%", SH, "政府性基金预算财政拨款收入")
    check(prose(d, "购置公务用车O辆", "O"), "0", "辆", CNT, "使用财政拨款购置公务用车")


def test_001_section_five_budget_actual_completion():
    d = seed("001")
    item = "人大事务（款）行政运行（项）"
    check(prose(d, "年初预算 55.99 万元,支出决算 375.54 万元", "55.99"), "55.99", "万元", B, item)
    check(prose(d, "年初预算 55.99 万元,支出决算 375.54 万元", "375.54"), "375.54", "万元", ACT, item)
    check(prose(d, "完成年初预算的 670.73%", "670.73"), "670.73", "%", CO, item)
    check(prose(d, "一般公共服务类决算数为1,627.50万元", "1,627.50"), "1627.50", "万元", ACT, "一般公共服务类")
    check(prose(d, "与年初预算相比增加1,350.31万元", "1,350.31"), "1350.31", "万元", CHG, "一般公共服务类")
    check(prose(d, "完成年初预算的 485.99%", "485.99"), "485.99", "%", CO, "一般公共预算财政拨款支出")
    check(prose(d, "年初预算 0 万元,支出决算 791.16 万元", "791.16"), "791.16", "万元", ACT, "政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）")


def test_001_three_public_expenses_and_procurement():
    d = seed("001")
    check(prose(d, "经费全年预算 6.04 万元", "6.04"), "6.04", "万元", B, "财政拨款三公经费")
    check(prose(d, "支出决算 6.04 万元,完成预算的 100.00%", "100.00"), "100.00", "%", CO, "财政拨款三公经费")
    check(prose(d, "增加2.44万元", "2.44"), "2.44", "万元", CHG, "公务用车运行维护费支出")
    check(prose(d, "政府采购支出总额 1,072.84 万元", "1,072.84"), "1072.84", "万元", A, "政府采购支出总额")
    check(prose(d, "占政府采购支出总额的 86.39%", "86.39"), "86.39", "%", SH, "政府采购授予中小企业合同金额")
    check(prose(d, "单价 100 万元(含)以上的设备(不含车辆)_0台".replace("_", ""), "0"), "0", "台（套）", CNT, "单价100万元（含）以上的设备（不含车辆）")


def test_001_amounts_in_a_reason_and_approximations():
    d = seed("001")
    check(prose(d, "保安保洁物业服务费 24 万", "24"), "24", "万元", PREV, "支付保安保洁物业服务费")
    check(prose(d, "取暖费 36.41 万元", "36.41"), "36.41", "万元", PREV, "缴纳了上年度取暖费")
    check(prose(d, "总投资 1000 余万元", "1000"), "1000", "万元", OTH, "我们实施了总投资")
    check(prose(d, "涉及余额 89 万余元", "89"), "89", "万元", OTH, "余额")  # 涉及 is the verb, not the name
    check(prose(d, "证照 71.2 万个", "71.2"), "71.2", "万个", CNT, "证照")
    check(prose(d, "项目经费共计15 万元", "15"), "15", "万元", A, "项目经费")


def test_001_project_self_evaluation_prose():
    d = seed("001")
    project = "旗政务服务大厅升级改造资金项目自评"
    check(prose(d, "全年预算数为 791.16 万元", "791.16"), "791.16", "万元", B, project)
    check(prose(d, "执行数为 791.16 万元", "791.16"), "791.16", "万元", ACT, project)
    check(prose(d, "项目自评得分 99.96 分", "99.96"), "99.96", "分", OTH, "项目自评得分")
    check(prose(d, "中标价 1734.047万元", "1734.047"), "1734.047", "万元", A, "中标价", decimals=3)
    # a contract price agreed in 2018 is not a previous-year amount
    check(prose(d, "中标价 41.2万元", "41.2"), "41.2", "万元", A, "中标价")


# ---- 001's performance tables: split digits, placed rows ---------------------------------------


def test_001_performance_table_cells():
    d = seed("001")
    t = d.table("T3")
    assert t.columns[6:11] == ["年度指标值", "实际完成值", "计量单位", "分值", "得分"]
    server = cell(d, "T3", 64, 7)  # 服务器: 5. 37 万元, digits split by a space
    check(server, "5.37", "万元", OTH, "服务器", decimals=2)
    assert server.text == "5. 37" and server.column == "实际完成值"
    assert any(n.kind == "split_digits" and n.cell == server.cell for n in d.normalisations)
    check(cell(d, "T3", 6, 7), "1", "个", CNT, "服务器")  # the same name in the 数量 block
    check(cell(d, "T3", 0, 9), "0.29", "分", OTH, "一体式电脑及平板电脑")
    check(cell(d, "T3", 54, 6), "100", "%", OTH, "工程完工率")
    check(cell(d, "T3", 28, 6), "26.11", "平方米", OTH, "模组")
    # a 定性 row placed by its words, its scores read
    check(cell(d, "T3", 98, 10), "6", "分", OTH, "规范行政审批行为提高政务服务公信力增强社会认同感")


def test_001_performance_funds_rows():
    d = seed("001")
    t = d.table("T4")
    assert t.unit == "万元" and t.columns[2:8] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"]
    check(cell(d, "T4", 0, 2), "84.05", "万元", B, "资金总额")
    check(cell(d, "T4", 0, 4), "84.05", "万元", ACT, "资金总额")
    check(cell(d, "T4", 0, 6), "100.00", "%", CO, "资金总额")
    check(cell(d, "T4", 1, 3), "84.05", "万元", B, "财政拨款")


# ---- 002: 2020 budget, full-width punctuation --------------------------------------------------


def test_002_figures():
    d = seed("002")
    check(prose(d, "收入预算176.65万元", "176.65"), "176.65", "万元", A, "收入")
    check(prose(d, "比2019年预算减少28.03万元", "28.03"), "28.03", "万元", CHG, "收入", sign=-1)
    check(prose(d, "下降13.7%", "13.7"), "13.7", "%", GR, "收入", sign=-1)
    check(prose(d, "基本支出129.91万元", "129.91"), "129.91", "万元", A, "基本支出")
    check(prose(d, "人员经费122.41万元", "122.41"), "122.41", "万元", A, "人员经费")
    # the share after a bracketed aside belongs to the item before the bracket
    check(prose(d, "），占比73.54%", "73.54"), "73.54", "%", SH, "基本支出")
    check(prose(d, "房屋租金、劳务费、物业费27.18万元", "27.18"), "27.18", "万元", A, "房屋租金、劳务费、物业费")
    check(prose(d, "本年预算比上年执行数增加0.1万元", "0.1"), "0.1", "万元", CHG, "财政拨款三公经费支出")
    check(prose(d, "公务接待费0万元，比上年预算数减少0万元", "0", 1), "0", "万元", CHG, "公务接待费", sign=-1)
    check(prose(d, "单位价值200万元以上", "200"), "200", "万元", OTH, "单位价值")
    check(prose(d, "共有车辆1辆", "1"), "1", "辆", CNT, "共有车辆")
    check(prose(d, "增长34.8 %", "34.8"), "34.8", "%", GR, "项目支出")


# ---- 003: codes in brackets ----------------------------------------------------------------


def test_003_function_and_economic_codes():
    d = seed("003")
    check(prose(d, "事业运行（2010350）92.74 万元", "92.74"), "92.74", "万元", A, "事业运行", code="2010350")
    check(prose(d, "较上年增加 41.87 万元", "41.87"), "41.87", "万元", CHG, "事业运行", code="2010350")
    check(prose(d, "住房公积金(2210201) 6.34 万元", "6.34"), "6.34", "万元", A, "住房公积金", code="2210201")
    check(prose(d, "工资福利支出(301) 111.91 万元", "111.91"), "111.91", "万元", A, "工资福利支出", code="301")
    check(prose(d, "对个人和家庭的补助（509）26.48 万元", "26.48"), "26.48", "万元", A, "对个人和家庭的补助", code="509")
    check(prose(d, "2023 年本部门预算收入 159.89 万元", "159.89"), "159.89", "万元", A, "收入")
    check(prose(d, "2023 年本部门预算收入较上年增加 46.78 万元", "46.78"), "46.78", "万元", CHG, "收入")
    check(prose(d, "公务接待费 0.07 万元", "0.07"), "0.07", "万元", A, "公务接待费")
    check(prose(d, "较上年减少 0.13 万元，减少的主要原因是 2022 年是新开户的预算单位，未按正常三公经费的比例做预算；", "0.13"), "0.13", "万元", CHG, "公务接待费", sign=-1)
    # a reason's year does not make the next item a previous-year amount
    check(prose(d, "公务用车运行维护费 0 万元", "0"), "0", "万元", A, "公务用车运行维护费")
    check(prose(d, "编制 7 人", "7"), "7", "人", CNT, "编制")
    check(prose(d, "下设 4 个股室", "4"), "4", "个", CNT, "股室")
    check(prose(d, "机关运行经费预算安排 3.5 万元", "3.5"), "3.5", "万元", B, "机关运行经费预算安排")


# ---- 004: 元 report, separators, previous-year amounts, chart data ----------------------------


def test_004_yuan_amounts_with_separators():
    d = seed("004")
    check(prose(d, "本年度单位收入预算为2,264,200.00元", "2,264,200.00"), "2264200.00", "元", B, "单位收入")
    check(prose(d, "人员经费支出为2,184,200.00元", "2,184,200.00"), "2184200.00", "元", B, "人员经费支出")
    check(prose(d, "本年度决算收入4,677,326.79元", "4,677,326.79"), "4677326.79", "元", ACT, "收入")
    check(prose(d, "其中人员经费支出4,049,552.76元", "4,049,552.76"), "4049552.76", "元", ACT, "人员经费支出")
    check(prose(d, "公用经费支出预算减少442，400.00元", "442，400.00"), "442400.00", "元", CHG, "公用经费支出", sign=-1)


def test_004_previous_year_amounts():
    d = seed("004")
    check(prose(d, "2020年度收入预算为1,204,328.55元", "1,204,328.55"), "1204328.55", "元", PREV, "收入")
    check(prose(d, "人员经费681,928.55元", "681,928.55"), "681928.55", "元", PREV, "人员经费")
    check(prose(d, "2020年度决算收入2,615,391.63元", "2,615,391.63"), "2615391.63", "元", PREV, "收入")
    check(prose(d, "公用经费887,193.91元", "887,193.91"), "887193.91", "元", PREV, "公用经费")
    check(prose(d, "比上年17,290.00元减少10151.83元", "17,290.00"), "17290.00", "元", PREV, "公务用车运行维护费")
    check(prose(d, "比上年17,290.00元减少10151.83元", "10151.83"), "10151.83", "元", CHG, "公务用车运行维护费", sign=-1)
    check(prose(d, "比年初预算20,000.00元减少12861.83元", "20,000.00"), "20000.00", "元", B, "公务用车运行维护费")


def test_004_change_growth_and_shares():
    d = seed("004")
    check(prose(d, "比2020年度收入2,615,391.63元增加2,061,935.16元", "2,061,935.16"), "2061935.16", "元", CHG, "收入")
    check(prose(d, "同比增加78.84%。", "78.84"), "78.84", "%", GR, "收入")
    check(prose(d, "占总收入（4,677,326.79）的86.58%", "86.58"), "86.58", "%", SH, "人员经费")
    # an unlabelled amount in money format takes the document's unit
    check(prose(d, "占总收入（4,677,326.79）的86.58%", "4,677,326.79"), "4677326.79", "元", A, "总收入")
    full = prose(d, "占总收入（4,677，326.79）的13.42%", "4,677，326.79")
    check(full, "4677326.79", "元", A, "总收入")
    check(prose(d, "财政拨款收入、支出决算总计4,677,326.79元", "4,677,326.79"), "4677326.79", "元", ACT, "财政拨款收入、支出总计")
    check(prose(d, "核定事业编制71名", "71"), "71", "名", CNT, "核定事业编制")
    check(prose(d, "入驻窗口工作人员180余人", "180"), "180", "人", CNT, "入驻窗口工作人员")


def test_004_chart_tables_rows_are_periods():
    d = seed("004")
    check(cell(d, "T5", 0, 2), "219800.00", "元", PREV, "公务用车")  # 2020年度
    check(cell(d, "T5", 1, 1), "112980.00", "元", A, "办公设备购置")  # 2021年度
    check(cell(d, "T4", 0, 1), "2184200.00", "元", B, "人员经费")  # 2021年度预算收入
    check(cell(d, "T4", 1, 2), "627774.03", "元", ACT, "公用经费")  # 2021年度决算支出
    check(cell(d, "T6", 0, 1), "54.21", "万元", PREV, "人员经费")  # 2020年
    check(cell(d, "T8", 0, 2), "88.72", "万元", PREV, "公用经费")  # 2020年决算
    check(cell(d, "T9", 1, 1), "405.12", "万元", ACT, "一般公共服务")  # 决算
    check(cell(d, "T9", 0, 4), "13.46", "万元", B, "住房保障支出")  # 预算


# ---- every seed ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(SEEDS))
def test_every_prose_figure_points_at_its_printed_text(key):
    d = seed(key)
    prose_figures = [f for f in d.figures if f.cell is None]
    assert prose_figures
    for f in prose_figures:
        assert d.text[f.start : f.end] == f.text, f.id
        assert f.id == f"P{f.start}"
        assert isinstance(f.value, Decimal)


@pytest.mark.parametrize("key", list(SEEDS))
def test_no_year_date_code_phone_or_document_number_is_a_figure(key):
    d = seed(key)
    for f in d.figures:
        if f.cell is not None:
            continue
        after = d.text[f.end : f.end + 3]
        before = d.text[max(0, f.start - 2) : f.start]
        assert not (len(f.text) == 4 and f.text.startswith(("19", "20")) and re.match(r"\s*年", after)), f"year {f.id}"
        assert not re.match(r"\s*[月日号〕】]", after) or f.unit, f"date or document number {f.id}: {f.text}{after}"
        assert not re.search(r"[〔【]$", before), f"document number {f.id}"
        assert f.text != "12345", f"hotline number {f.id}"
        assert not (f.unit is None and re.fullmatch(r"\d{7,}", f.text)), f"code or phone {f.id}"
        # a code in brackets is the figure's code, never a figure
        assert not (re.search(r"[（(]$", before) and re.match(r"[）)]", after) and len(f.text) in (3, 5, 7)), f.id


def test_codes_dates_and_markers_in_003_and_004_are_not_figures():
    texts3 = {f.text for f in seed("003").figures}
    assert not texts3 & {"2010350", "2019999", "2080505", "301", "302", "303", "501", "502", "509", "2023", "2022"}
    d4 = seed("004")
    values = {f.text for f in d4.figures if f.cell is None}
    assert not values & {"2021", "83", "90", "104", "19", "73", "12345"}  # years and 〔2021〕83号
    assert all(f.unit != "%" or not re.search(r"[×÷=＝]", d4.text[f.start - 2 : f.start]) for f in d4.figures if f.cell is None)
    assert "0475" not in {f.text for f in seed("000").figures}


def test_figure_counts_are_stable():
    counts = {key: len(seed(key).figures) for key in SEEDS}
    assert counts == {"000": 218, "001": 899, "002": 112, "003": 77, "004": 228}
