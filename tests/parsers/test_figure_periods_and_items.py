"""A figure's period and subject where a sentence compares with a named year and lists ；-items
whose explanations run between them (the wording of Chongqing's 2018 department budgets)."""

from __future__ import annotations

from decimal import Decimal

from parsers.model import DocKind, Role
from parsers.text import parse_text

DOC = "某某委员会2018年部门预算情况说明\n二、部门预算情况说明\n"


def figures(text: str) -> dict[str, tuple[Role, str]]:
    doc = parse_text(DOC + text + "\n")
    return {f.text: (f.role, f.subject) for f in doc.figures}


def test_a_year_named_as_the_base_of_a_comparison_is_not_the_period_of_later_figures():
    found = figures(
        "其中：因公出国（境）费60万元，比2017年减少25.36万元，公务接待费290.5万元，比2017年减少26.7万元。"
    )
    assert found["290.5"] == (Role.AMOUNT, "公务接待费")  # not a 2017 figure: 比2017年 compared
    labelled = figures("2017年公务接待费317.2万元，2018年预算290.5万元。")
    assert labelled["317.2"][0] == Role.PREVIOUS  # a year labelling its figure still names the period


def test_an_explanation_ends_with_its_item_and_the_next_item_states_its_own_quantity():
    found = figures(
        "其中：基本支出61042.17万元，比2017年增加4824.58万元，主要原因是公用经费定额调标等,主要用于保障在职人员工资福利;"
        "项目支出263928.15万元，比2017年减少150086.1万元，主要原因是支出结构调整。"
    )
    assert found["4824.58"] == (Role.CHANGE, "基本支出")
    assert found["150086.1"] == (Role.CHANGE, "项目支出")


def test_numbers_given_in_order_for_quantities_named_together_are_not_read_as_one_quantity():
    text = (
        "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,"
        "各下降23.51%、38.28%。"
    )
    doc = parse_text(DOC + text + "\n")
    assert {f.text: f.role for f in doc.figures} == dict.fromkeys(
        ["4125.49", "4143.91", "1267.86", "2570.97", "23.51", "38.28"], Role.OTHER)
    notes = [i.text for i in doc.issues if i.code == "parse.series"]
    assert notes == ["4125.49,4143.91万元", "1267.86,2570.97万元", "23.51%、38.28%"]
    # a year after an amount starts no series; a 分别为 list keeps its amounts for the sum
    found = figures("2025年执行数为43269.3万元，2026年预算安排3845.49万元。")
    assert Role.OTHER not in (found["43269.3"][0], found["3845.49"][0])
    listed = figures("支出合计150.00万元，其中：基本支出、项目支出分别为100.00万元、50.00万元。")
    assert listed["100.00"][0] != Role.OTHER and listed["50.00"][0] != Role.OTHER


FINAL = "某某局2019年度部门决算\n三、“三公”经费支出决算情况说明\n"


def test_parts_listed_after_a_budget_and_an_actual_break_down_the_last_amount_stated():
    doc = parse_text(FINAL + (
        "2019年度“三公”经费财政拨款支出预算为44.52万元,2019年实际支出“三公经费”决算为22.62万元。"
        "其中公务接待费为20.10万元,占88.86%;公务用车运行维护费为2.52万元,占11.14%。\n"
    ))
    roles = {f.text: f.role for f in doc.figures}
    assert roles["44.52"] == Role.BUDGET and roles["22.62"] == Role.ACTUAL
    assert roles["20.10"] == roles["2.52"] == Role.ACTUAL  # parts of 22.62, not of the budget 44.52


def test_a_rate_after_a_listed_items_change_is_that_items_rate():
    doc = parse_text(FINAL + (
        "2019年度“三公”经费财政拨款支出决算数比2018年度减少0.28万元,降低3.09%,其中:"
        "公务用车购置及运行维护费支出决算减少0.29万元,降低3.31%;公务接待费支出决算增加0.01万元,增长3.45%。\n"
    ))
    subjects = {f.text: f.subject for f in doc.figures}
    assert subjects["3.09"] == subjects["0.28"] == "三公经费财政拨款支出"  # no “…比” left of 比2018年度
    assert subjects["3.31"] == "公务用车购置及运行维护费支出"
    assert subjects["3.45"] == "公务接待费支出"


def test_more_or_less_income_or_spending_is_a_change():
    doc = parse_text("某镇2010年财政决算\n一、财政收入情况\n"
                     "2010年全镇财政总收入61475万元,比上年增收15336万元,增长33.24%;财政支出5000万元,比上年减支120万元。\n")
    found = {f.text: (f.role, f.sign, f.subject) for f in doc.figures}
    assert found["15336"] == (Role.CHANGE, 1, "全镇财政总收入")  # not the previous year's income
    assert found["120"][:2] == (Role.CHANGE, -1)


def test_two_digit_kuan_and_xiang_codes_are_no_figures_and_complete_the_class_code():
    doc = parse_text("某区司法局2026年部门预算\n五、一般公共预算支出情况\n"
                     "6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。主要用于法制业务经费等支出。\n")
    (fig,) = doc.figures  # neither 06 nor 99项 is a figure
    assert fig.text == "3845.49" and fig.code == "2040699"


def test_an_amount_after_counts_is_the_money_of_what_was_counted():
    doc = parse_text("某局2015年度部门决算\n一、“三公”经费决算情况\n"
                     "公务用车费用中含公车购置费0万元。公务接待情况:本年度国内公务接待67批次,660人次,共12.8万元。"
                     "2015年“三公”经费决算数据比2014年“三公”经费决算数据减少16.5万元,下降18%。\n")
    subjects = {f.text: f.subject for f in doc.figures}
    assert subjects["12.8"] == subjects["67"] != subjects["0"]  # not the 购置费 of two sentences before
    assert subjects["16.5"] == subjects["18"] == "三公经费"


def test_a_rate_in_brackets_right_after_a_change_is_that_changes_rate():
    doc = parse_text(FINAL + "公务接待费2.30万元,较上年减少1.5万元(42.86%),主要原因是厉行节约;会议费3.00万元（占20%）。\n")
    found = {f.text: (f.role, f.sign) for f in doc.figures}
    assert found["42.86"] == (Role.GROWTH, -1)
    assert found["20"][0] == Role.SHARE  # a bracketed share keeps its own word


def test_a_funds_income_in_a_final_account_is_an_outturn_and_wei_yusuan_de_is_a_completion():
    doc = parse_text("某区2017年预算执行情况和2018年预算草案的报告\n一、2017年预算执行情况\n"
                     "2017年全区一般公共预算收入671163万元,较上年同比降低1.4%,为预算的100.1%。\n")
    found = {f.text: (f.role, f.subject) for f in doc.figures}
    assert found["671163"][0] in (Role.AMOUNT, Role.ACTUAL)  # 一般公共预算 names the fund, not a budget figure
    assert found["100.1"] == (Role.COMPLETION, found["671163"][1])
    final = parse_text("某局2017年度部门决算\n一、收入支出决算情况\n2017年一般公共预算支出671163万元,较上年同比降低1.4%;支出预算700000万元。\n")
    roles = {f.text: f.role for f in final.figures}
    assert roles["671163"] != Role.BUDGET and roles["700000"] == Role.BUDGET


def test_a_bare_zeng_or_jian_after_the_comparison_is_a_change_and_an_amount_reached_is_the_changed_quantitys():
    doc = parse_text(FINAL + (
        "1.工资福利支出较上年增18.67万元,增21.86%;2.商品和服务支出较上年减0.04万元,增0.01%。本年新增10.00万元设备。\n"
        "债务还本支出与2020年执行数相比增加133万元。相应结转下年减少133万元,为115,055万元。\n"))
    found = {f.text: (f.role, f.sign, f.subject) for f in doc.figures}
    assert found["18.67"] == (Role.CHANGE, 1, "工资福利支出") and found["21.86"] == (Role.GROWTH, 1, "工资福利支出")
    assert found["0.04"][:2] == (Role.CHANGE, -1)
    assert found["10.00"][0] != Role.CHANGE  # 新增 is an addition, not a change over last year
    assert [f.subject for f in doc.figures if f.text == "133"] == ["债务还本支出", "相应结转下年"]
    assert found["115,055"][2] == "相应结转下年" and found["115,055"][0] != Role.CHANGE


def test_a_cell_before_a_rate_is_not_split_digits_and_an_abbreviation_note_is_no_second_direction():
    doc = parse_text("某区2021年度决算\n一、收入情况\n企业所得税 564 600 850 141.67% 50.71% 个人所得税 615 650 650 100.00% 5.69%\n"
                     "地方一般公共预算收入90.2亿元,比2022年增长(以下简称“增长”)22.2%,为调整预算(以下简称“预算”)的109.1%。\n")
    codes = {i.code for i in doc.issues}
    assert "parse.malformed_number" not in codes and "parse.ambiguous_sign" not in codes
    found = {f.text: f.role for f in doc.figures}
    assert found["22.2"] == Role.GROWTH and found["109.1"] == Role.COMPLETION


def test_dangnian_shouru_keeps_its_name():
    doc = parse_text("某市2023年预算执行情况\n一、一般公共预算\n全市一般公共预算总收入637.58亿元,其中:当年收入292.14亿元,完成预算的101.7%。\n")
    assert {f.text: f.subject for f in doc.figures}["292.14"] == "当年收入"  # not the total's name


def test_the_same_period_of_last_year_is_no_part_of_a_subject():
    doc = parse_text("某市2018年上半年财政收支情况\n一、财政收支概况\n一般公共预算支出完成255,325万元,比上年同期增支14,484万元,增长6.01%。\n")
    assert {f.subject for f in doc.figures} == {"一般公共预算支出"}


def test_a_bare_zhichu_after_an_income_is_that_quantitys_spending():
    doc = parse_text("某市2013年社会保险基金决算\n一、基金收支\n这部分基金收入20790亿元,同比增长14%;支出16699亿元,同比增长12%。\n")
    assert {f.text: f.subject for f in doc.figures}["16699"] == "这部分基金支出"


def test_a_change_takes_the_quantity_a_figureless_clause_of_its_item_names_and_compares():
    doc = parse_text(FINAL + (
        "“三公”经费支出5.48万元,比去年增加1.55万元。其中,因公出国支出决算比预算无增减变化,比去年无增减变化;"
        "公务用车运行维护费支出决算比预算无增减变化,比去年增加 1.05 万元,增长 35.8%;"
        "公务接待费支出决算比预算无增减变化,比去年增加 0.5 万元,增长 50%。与上年相比,会议费增加0.2万元。\n"))
    subjects = {f.text: f.subject for f in doc.figures}
    assert subjects["1.05"] == subjects["35.8"] == "公务用车运行维护费支出"
    assert subjects["0.5"] == "公务接待费支出"
    assert subjects["0.2"] == "会议费"  # 与上年相比 names no quantity


def test_a_rate_or_change_printed_negative_after_its_word_is_read_with_its_sign():
    doc = parse_text(FINAL + "收入总计73728万元，比上年减少7653万元，增长-9.41%。支出总计65000万元，较上年增加－3500万元。1-6月份支出3000万元。\n")
    found = {f.text: (f.role, f.sign, f.subject) for f in doc.figures}
    assert found["9.41"] == (Role.GROWTH, -1, "收入总计")
    assert found["3500"] == (Role.CHANGE, -1, "支出总计")
    assert "6" not in found and "1" not in found  # a month range is no figure


def test_a_number_after_a_minus_in_a_formula_is_no_figure():
    doc = parse_text(FINAL + "计算公式为：支出增长率＝(本期支出总额÷上期支出总额-1)×100%。\n")
    assert not doc.figures


def test_an_amount_named_after_it_takes_that_name_but_a_comparison_after_it_does_not():
    doc = parse_text(FINAL + (
        "本年度我院事业收入5,738.74万元,占总收入的20.74%。其中5,498.23万元为高等学校学费、住宿费及成人教育收入。"
        "本年支出合计300万元,其中200万元为上年的95%。\n"))
    subjects = {f.text: f.subject for f in doc.figures}
    assert subjects["5,498.23"] == "高等学校学费、住宿费及成人教育收入"
    assert subjects["200"] != "上年"


def test_a_fund_name_in_the_title_does_not_make_a_final_account_a_budget():
    doc = parse_text("2023年某某厅一般公共预算财政拨款“三公”经费支出决算情况说明\n一、总体情况\n“三公”经费支出决算为62.07万元。\n")
    assert doc.kind == DocKind.FINAL


def test_the_budget_a_completion_is_measured_by_is_that_items_budget():
    doc = parse_text(FINAL + "公务用车运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%。\n")
    assert figures_of(doc)["29.6"] == (Role.BUDGET, "公务用车运行维护费支出")


def test_last_years_number_word_is_no_subject():
    doc = parse_text(FINAL + "2021年“三公”经费支出共计9.07万元,较年初预算数减少10.93万元, 较上年支出数减少0.71万元,下降7.83%。\n")
    assert figures_of(doc)["0.71"][1] == "三公经费支出"


def figures_of(doc) -> dict[str, tuple[Role, str]]:
    return {f.text: (f.role, f.subject) for f in doc.figures}


def test_a_change_right_after_a_bracket_is_of_the_amount_the_bracket_follows():
    doc = parse_text(DOC + (
        "“三公”经费502.4万元,比上年减少14.6万元。其中:公务用车购置及运行费500.00万元(公务用车购置费100.00万元,比上年增加0万元;"
        "公务用车运行维护费400.00万元,比上年增加0万元。)比上年增加1万元,增长0.2%;公务接待费2.4万元,比上年减少15.6万元。\n"))
    assert figures_of(doc)["1"] == (Role.CHANGE, "公务用车购置及运行费")


def test_the_budget_in_a_funds_name_does_not_make_an_outturn_a_budget():
    doc = parse_text(FINAL + "2019年一般公共预算安排“三公”经费决算数2364万元，比上年决算数下降16.77%。\n")
    assert figures_of(doc)["2364"][0] == Role.ACTUAL


def test_a_verb_leading_a_name_is_no_part_of_it():
    doc = parse_text(DOC + "本部门实现了绩效目标管理全覆盖，涉及一般公共预算当年拨款159.89万元；全区收入2416460万元，加上中央财政收入1692661万元。\n")
    assert figures_of(doc)["159.89"][1] == "一般公共预算当年拨款"
    assert figures_of(doc)["1692661"][1] == "中央财政收入"


def test_a_negative_growth_is_a_fall():
    doc = parse_text(FINAL + "“三公”经费4.77亿元，同比减少0.61亿元，负增长11.3%。\n")
    growth = next(f for f in doc.figures if f.text == "11.3")
    assert (growth.role, growth.sign, growth.subject) == (Role.GROWTH, -1, "三公经费")


def test_rates_given_in_order_joined_by_he_are_a_series():
    doc = parse_text(DOC + "中央、地方预算单位政府采购规模分别为2666.3亿元和30400.7亿元，占全国政府采购规模的8.1%和91.9%。\n")
    roles = {f.text: f.role for f in doc.figures}
    assert roles["8.1"] == roles["91.9"] == Role.OTHER  # which rate is which quantity's the text says only by order


def test_an_amount_right_after_jiao_or_bi_is_what_the_year_is_compared_with():
    doc = parse_text(FINAL + "2019年本单位运行经费支出6.39万元，较5.88万元增加了0.51万元，增加率为8.67%。\n")
    assert figures_of(doc)["5.88"][0] == Role.PREVIOUS


def test_an_amount_in_wan_yi_yuan_is_read_in_that_unit():
    doc = parse_text("2017年全国国有资产管理情况\n全国国有企业资产总额183.5万亿元，负债总额118.5万亿元；社保基金收入近4.5万亿。\n")
    units = {f.text: f.unit for f in doc.figures}
    assert units == {"183.5": "万亿元", "118.5": "万亿元", "4.5": "万亿元"}


def test_a_bare_other_side_after_a_list_is_the_heads_and_its_rate_too():
    doc = parse_text("2013年全国社会保险基金决算\n汇总中央和地方预算，2013年全国社会保险基金收入32829亿元，比上年增长9.9%，"
                     "其中保险费收入24664亿元，财政补贴收入7180亿元；支出27913亿元，比上年增长16.8%。\n")
    subjects = {f.text: f.subject for f in doc.figures}
    assert subjects["27913"] == subjects["16.8"] == "全国社会保险基金支出"
    assert subjects["9.9"] == "全国社会保险基金收入"


def test_the_aspect_a_sentence_opens_with_is_no_part_of_a_name():
    doc = parse_text("2021年上半年财政预算执行情况\n在政府性基金预算收支执行情况方面——全省政府性基金预算收入3631.5亿元，增长40.7%。\n")
    assert {f.subject for f in doc.figures} == {"全省政府性基金预算收入"}


def test_a_bare_years_spending_after_one_funds_income_is_that_funds():
    doc = parse_text("某检察院2019年度部门决算\n二、财政拨款收支情况\n"
                     "一般公共预算财政拨款本年收入979.53万元，比上年增加28.13万元；本年支出869.0万元，比上年增加240.09万元。\n"
                     "政府性基金预算财政拨款本年收入225.58万元，比上年增加161.78万元；本年支出225.58万元，比上年增加161.78万元。\n")
    subjects = {(f.text, f.start): f.subject for f in doc.figures}
    assert [s for (text, _), s in subjects.items() if text in ("869.0", "240.09")] == ["一般公共预算财政拨款本年支出"] * 2
    assert sorted(set(s for (text, _), s in subjects.items() if text in ("225.58", "161.78"))) == [
        "政府性基金预算财政拨款本年支出", "政府性基金预算财政拨款本年收入"]


def test_a_year_compared_with_and_printed_without_nian_is_no_part_of_the_name():
    doc = parse_text("某小学2025年单位预算情况说明\n二、收支\n收入较2024增加39.39万元，支出比2024年度增加39.39万元。\n")
    assert [f.subject for f in doc.figures] == ["收入", "支出"]


def test_a_nil_printed_0_is_exact_where_the_document_prints_decimals():
    decimal_doc = parse_text("某小学2025年单位预算\n一、收入\n收入1211.02万元，其中：一般公共预算拨款224.10万元，政府性基金预算拨款0万元，事业收入986.92万元。\n")
    (nil,) = [f for f in decimal_doc.figures if f.value == 0]
    assert nil.exact and nil.half_ulp == 0 and nil.text == "0"
    integer_doc = parse_text("某局2025年部门预算\n一、收入\n收入1211万元，其中：一般公共预算拨款224万元，政府性基金预算拨款0万元，事业收入987万元。\n")
    (nil,) = [f for f in integer_doc.figures if f.value == 0]
    assert not nil.exact and nil.half_ulp == Decimal("0.5")
