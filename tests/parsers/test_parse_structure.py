"""Section trees, metadata and tables of the five seeds."""

from __future__ import annotations

import pytest
from seed_docs import SEEDS, seed

from parsers.model import DocKind


def headings(section) -> list[str]:
    return [s.heading for s in section.children]


def child(section, heading: str):
    return next(s for s in section.children if s.heading == heading)


@pytest.mark.parametrize(
    "key, kind, year, department, unit, title",
    [
        ("000", DocKind.BUDGET, 2023, "科左中旗政务服务局", "万元", "2023 年度科左中旗政务服务局（部门）预算公开"),
        ("001", DocKind.FINAL, 2023, "科尔沁左翼中旗政务服务局", "万元", "2023 年度科尔沁左翼中旗政务服务局(部门)决算公开文档"),
        ("002", DocKind.BUDGET, 2020, "奈曼旗政务服务局", "万元", ""),
        ("003", DocKind.BUDGET, 2023, "柞水县政务服务中心", "万元", "柞水县政务服务中心 2023 年度部门综合预算说明"),
        ("004", DocKind.ANALYSIS, 2021, "奈曼旗政务服务中心", "元", "奈曼旗政务服务中心2021年度部门决算分析报告"),
    ],
)
def test_metadata(key, kind, year, department, unit, title):
    d = seed(key)
    assert (d.kind, d.year, d.department, d.unit, d.title) == (kind, year, department, unit, title)
    assert len(d.sha256) == 64 and d.page_count is None


def test_000_tree():
    d = seed("000")
    assert headings(d.root) == [
        "第一部分 部门概况",
        "第二部分 2023 年度部门预算情况说明",
        "第三部分 名词解释",
        "第四部分 预算公开联系方式及信息反馈渠道",
        "第五部分 部门预算公开表",
    ]
    part2 = child(d.root, "第二部分 2023 年度部门预算情况说明")
    assert [s.marker for s in part2.children] == [f"{n}、" for n in "一二三四五六七八九十"] + ["十一、", "十二、", "十三、", "十四、"]
    assert headings(part2)[0] == "一、收支预算总体情况说明" and headings(part2)[-1] == "十四、项目绩效目标情况说明"
    # 1.…18. on lines of their own
    duties = child(child(d.root, "第一部分 部门概况"), "一、主要职能职责")
    assert [s.marker for s in duties.children] == [f"{n}." for n in range(1, 19)]
    assert duties.children[0].title == "继续抓好简政放权工作"
    # the ladder below 一、: （一） › 1． › （1）
    one = child(part2, "一、收支预算总体情况说明")
    income = child(one, "（一）收入预算总计 354.72 万元")
    assert headings(child(income, "1．本年收入合计 354.72 万元"))[:2] == ["（1）一般公共预算拨款收入 354.72 万元", "（2）政府性基金预算拨款收入 0 万元"]
    # a 项 heading broken over two lines by the PDF extractor is read whole
    five = child(part2, "五、一般公共预算支出预算情况说明")
    social = child(five, "（二）社会保障和就业支出（类）")
    assert headings(social) == [
        "1.行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
        "2.行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
        "3.其他社会保障和就业支出（款）其他社会保障和就业支出（项）",
    ]
    assert headings(child(d.root, "第三部分 名词解释"))[0] == "一、财政拨款"


def test_001_tree_comes_from_the_body_not_the_toc():
    d = seed("001")
    assert headings(d.root) == [
        "第一部分 部门概况",
        "第二部分 部门决算情况说明",
        "第三部分 名词解释",
        "第四部分 决算公开联系方式及信息反馈渠道",
        "第五部分 部门决算表",
    ]
    toc = [b for b in d.blocks if b.kind == "toc"]
    assert len(toc) == 1
    assert d.text[toc[0].start : toc[0].end].startswith("目 录\n第一部分 部门概况")
    body = child(d.root, "第一部分 部门概况")
    assert body.start > toc[0].end  # the body's heading, not the TOC's
    # the TOC's 第五部分 lists 一、收入支出决算总表…: none of that becomes a section
    assert child(d.root, "第五部分 部门决算表").children == []
    part2 = child(d.root, "第二部分 部门决算情况说明")
    assert len(part2.children) == 14 and headings(part2)[7] == '八、财政拨款"三公"经费支出决算情况说明'


def test_001_run_on_paragraph_gives_items_1_to_18():
    d = seed("001")
    duties = child(child(d.root, "第一部分 部门概况"), "一、主要职能、职责")
    assert [s.marker for s in duties.children] == [f"{n}." for n in range(1, 19)]
    assert [s.title for s in duties.children][:3] == ["继续抓好简政放权工作", "积极开展政务服务质量评估", "全力抓好营商环境优化工作"]
    assert duties.children[17].title == "加强电子政务和政府门户网站管理工作"
    # the items start inside paragraphs: their offsets point at their markers
    for s in duties.children:
        assert d.text[s.start : s.start + len(s.marker)] == s.marker


def test_001_headings_with_a_year_and_numbers_in_their_titles():
    d = seed("001")
    results = child(child(child(d.root, "第二部分 部门决算情况说明"), "十四、预算绩效情况说明"), "(二)部门决算中项目绩效自评结果")
    assert headings(results) == [
        "1.2023 年旗政务服务大厅升级改造资金项目自评综述",
        "2.旗政务,人社,司法业务用房建设项目自评综述",
        "3.旗政务、人社、司法业务用房配电工程项目自评综述",
    ]
    one = child(child(d.root, "第二部分 部门决算情况说明"), "一、收入支出决算总体情况说明")
    assert headings(one) == ["(一)收入决算总计1,724.62 万元", "(二)支出决算总计 1,724.62 万元"]


def test_002_and_003_trees():
    d = seed("002")
    assert headings(d.root) == [
        "第一部分 部门概况",
        "第二部分 2020年部门预算安排情况说明",
        "第三部分 其他公开事项说明",
        "第四部分 名词解释",
        "第五部分 预算公开联系方式及信息反馈渠道",
        "第六部分 部门预算公开表",
    ]
    assert headings(child(d.root, "第二部分 2020年部门预算安排情况说明"))[3] == "四、财政拨款“三公”经费预算情况说明"
    d = seed("003")  # no 第X部分: 一、 is the top level
    assert headings(d.root) == [
        "一、部门主要职责及机构设置",
        "二、2023 年年度部门工作任务",
        "三、部门预算单位构成",
        "四、部门人员情况说明",
        "五、2023 年部门预算收支说明",
        "六、部门预算“三公”经费等情况",
        "七、部门国有资产占有使用及资产购置情况说明",
        "八、部门政府采购情况",
        "九、部门预算绩效目标说明",
        "十、机关运行经费安排情况",
        "十一、专业名词解释",
    ]
    economic = child(child(child(d.root, "五、2023 年部门预算收支说明"), "（三）一般公共预算拨款支出明细情况"), "3.支出按经济科目分类的明细情况")
    assert [s.marker for s in economic.children] == ["(1)", "(2)"]  # “(1) 2023 年…”: a heading, not the number 1


def test_004_tree():
    d = seed("004")
    assert headings(d.root) == [
        "一、单位情况",
        "二、收入支出预算执行情况分析",
        "三、本年度部门决算等财务工作开展情况",
        "一、行政单位财务分析指标",
        "二、事业单位财务分析指标",
    ]
    units = child(child(child(d.root, "一、单位情况"), "（一）基本情况"), "2．机构情况，包括当年变动情况及原因")
    assert [s.marker for s in units.children] == [f"（{n}）" for n in range(1, 10)]
    assert units.children[8].title == "12345市民服务热线分中心"  # a title may start with digits
    assert headings(child(d.root, "一、行政单位财务分析指标"))[0] == "1.支出增长率"


@pytest.mark.parametrize("key", list(SEEDS))
def test_sections_nest_and_cover_their_text(key):
    d = seed(key)
    for s in d.sections():
        assert s.start < s.end <= len(d.text)
        for c in s.children:
            assert s.start <= c.start and c.end <= s.end and c.level > s.level
        assert d.text[s.start :].startswith(s.marker)


# ---- tables ----------------------------------------------------------------------------------


def test_units_tables_of_000_002_003():
    for key, title, rows in (
        ("000", "", [["1", "科尔沁左翼中旗政务服务局（本级）", "财政拨款的行政单位"], ["2", "科尔沁左翼中旗政务服务中心", "公益一类事业单位"]]),
        ("002", "单位情况表", [["1", "奈曼旗政务服务局本级", "财政拨款的行政单位"], ["2", "奈曼旗政务服务中心", "全额拨款事业单位"]]),
    ):
        d = seed(key)
        (t,) = d.tables
        assert (t.id, t.title, t.shape) == ("T1", title, (2, 3))
        assert t.header_rows == [["序号", "单位名称", "单位性质"]] and t.columns == ["序号", "单位名称", "单位性质"]
        assert t.rows == rows
        assert list(t.frame().columns) == ["序号", "单位名称", "单位性质"]
        assert not [f for f in d.figures if f.cell is not None]  # serial numbers are not figures
    (t,) = seed("003").tables
    assert (t.shape, t.columns, t.rows, t.section_id) == ((1, 2), ["序号", "单位名称"], [["1", "柞水县政务服务中心"]], "3")


def test_001_tables():
    d = seed("001")
    shapes = {t.id: t.shape for t in d.tables}
    assert shapes == {"T1": (2, 3), "T2": (2, 8), "T3": (105, 12), "T4": (4, 8), "T5": (13, 12), "T6": (6, 9), "T7": (11, 12)}
    assert d.table("T1").rows[0] == ["1", "科尔沁左翼中旗政务服务局", "财政拨款的行政单位"]
    indicators = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值", "实际完成值"]
    for tid in ("T3", "T5", "T7"):
        assert d.table(tid).columns[:8] == indicators
    # every placed indicator row has its 指标性质 under 指标性质
    for tid in ("T3", "T5"):
        for row in d.table(tid).rows:
            if any(row[6:11]) and "总分" not in row:  # the 总分 row spans the label columns
                assert row[4] in ("正向", "反向", "定性", ""), (tid, row)
    assert d.table("T4").title == "项目支出绩效自评表" and d.table("T2").section_id == d.table("T3").section_id
    # the OCR-damaged funds rows of the first table are reported, not guessed
    unplaced = [i for i in d.issues if i.code == "parse.table_row_unaligned"]
    assert len(unplaced) == 10
    assert all(d.text[i.start : i.end] == i.text for i in unplaced)
    assert any("957. 15" in i.text for i in unplaced)
    assert not [f for f in d.figures if f.cell is not None and f.cell.table_id == "T2"]


def test_004_chart_tables():
    d = seed("004")
    assert [(t.id, t.shape, t.unit) for t in d.tables] == [
        ("T1", (1, 5), "元"), ("T2", (1, 3), "元"), ("T3", (1, 3), "元"), ("T4", (2, 4), None), ("T5", (2, 4), "元"),
        ("T6", (2, 4), "万元"), ("T7", (2, 4), "万元"), ("T8", (2, 4), "万元"), ("T9", (2, 5), "万元"),
    ]
    t5 = d.table("T5")  # 办公设备购置/公务用车/货币资金: 单位：元 printed above the table
    assert t5.columns == ["", "办公设备购置", "公务用车", "货币资金"]
    assert t5.rows == [["2020年度", "0", "219,800.00", "13,806.72"], ["2021年度", "112,980.00", "219,800.00", "225,976.861"]]
    t1 = d.table("T1")
    assert t1.columns == ["", "公务接待费", "人均支出", "公务用车运行维护费", "人均支出"] and t1.rows == [["2021年度", "0", "0", "7138.17", "0"]]
    t9 = d.table("T9")
    assert t9.title == "支出功能科目预、决算对比"
    assert t9.columns == ["", "一般公共服务", "社会保障和就业", "卫生健康支出", "住房保障支出"]
    assert t9.rows == [["预算", "200.71", "37.06", "14.37", "13.46"], ["决算", "405.12", "50.86", "11.75", "0"]]
    assert [d.table(t).title for t in ("T6", "T7", "T8")] == ["收入、支出年初安排情况", "收入预、决算执行情况", "收入、支出上下年对比"]
    values = d.table("T8").values()
    assert str(values.iloc[0, 1]) == "172.82" and values.iloc[0, 0] is None


@pytest.mark.parametrize("key", list(SEEDS))
def test_tables_are_blocks_in_their_sections(key):
    d = seed(key)
    table_blocks = [b for b in d.blocks if b.kind == "table"]
    assert [b.table_id for b in table_blocks] == [t.id for t in d.tables]
    for t in d.tables:
        owner = d.section(t.section_id) if t.section_id else d.root
        assert t.id in owner.table_ids
        assert all(len(r) == len(t.columns) for r in t.rows)
