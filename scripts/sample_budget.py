"""Dev-only: the invented audit bureau's 2025 部门预算 — tables in 元, prose in 万元 (Shanghai style).

Nine standard tables plus an unruled 项目支出预算表 (aligned text, no ruling: the parser's
text-alignment fallback). Every figure comes from the amounts below, so the document is consistent.
"""

from __future__ import annotations

from decimal import Decimal

from pdf_render import Cell, TableSpec, Writer
from sample_disclosures import CLASSES, cn, money, pct

NAME, YEAR = "示例区审计局", 2025
# 项 → (name, 人员经费, 公用经费, 项目支出) in 元, all 一般公共预算
ITEMS = {
    "2010801": ("行政运行", 10_456_789, 1_398_765, 0),
    "2010802": ("一般行政管理事务", 0, 0, 1_345_678),
    "2010804": ("审计业务", 0, 0, 3_567_891),
    "2010850": ("事业运行", 2_398_765, 467_891, 0),
    "2080505": ("机关事业单位基本养老保险缴费支出", 1_256_789, 0, 0),
    "2101101": ("行政单位医疗", 789_012, 0, 0),
    "2210201": ("住房公积金", 1_478_901, 0, 0),
}
OTHER_INCOME = 50_000  # 其他收入, spent on 2010802 projects
ECONOMIC = {  # 款 → (name, 人员经费, 公用经费)
    "30101": ("基本工资", 4_123_456, 0), "30102": ("津贴补贴", 5_234_567, 0), "30108": ("机关事业单位基本养老保险缴费", 1_256_789, 0),
    "30110": ("职工基本医疗保险缴费", 789_012, 0), "30113": ("住房公积金", 1_478_901, 0), "30199": ("其他工资福利支出", 0, 0),
    "30201": ("办公费", 0, 234_567), "30211": ("差旅费", 0, 123_456), "30217": ("公务接待费", 0, 10_000),
    "30231": ("公务用车运行维护费", 0, 125_000), "30299": ("其他商品和服务支出", 0, 0),
    "30302": ("退休费", 345_678, 0),
}
PROJECTS = [("审计业务专项", 2_567_891, 2_567_891, 0), ("审计信息系统运维", 1_000_000, 1_000_000, 0),
            ("审计宣传与培训", 845_678, 795_678, 50_000), ("审计档案整理", 550_000, 550_000, 0)]
THREE_PUBLIC = {"出国": 0, "接待": 10_000, "购置": 0, "运行": 125_000}


def yuan(v: int) -> str:
    return f"{Decimal(v):,.2f}" if v else ""


def _economic() -> dict[str, tuple[str, int, int]]:
    out = dict(ECONOMIC)
    staff = sum(s for _, s, _, _ in ITEMS.values())
    office = sum(o for _, _, o, _ in ITEMS.values())
    out["30199"] = ("其他工资福利支出", staff - sum(s for c, (_, s, _) in out.items() if c != "30199"), 0)
    out["30299"] = ("其他商品和服务支出", 0, office - sum(o for c, (_, _, o) in out.items() if c != "30299"))
    return out


def _codes() -> list[str]:
    out: list[str] = []
    for code in ITEMS:
        for cut in (3, 5, 7):
            if code[:cut] not in out:
                out.append(code[:cut])
    return out


def _sum(code: str, part: int) -> int:
    return sum(v[part] for c, v in ITEMS.items() if c.startswith(code))


def _name(code: str) -> str:
    return ITEMS[code][0] if len(code) == 7 else CLASSES.get(code, {"20108": "审计事务"}.get(code, ""))


def render_budget(path: str) -> None:
    staff, office, project = _sum("", 1), _sum("", 2), _sum("", 3)
    fiscal = staff + office + project
    total = fiscal + OTHER_INCOME
    w = Writer(path, f"{NAME}{YEAR}年度部门预算")
    w.new_page(furniture=False)
    w.y -= 220
    w.centred(NAME, 26)
    w.centred(f"{YEAR}年度部门预算", 26)
    w.new_page()
    w.heading(f"第一部分 {NAME}{YEAR}年度部门预算说明", 15)
    w.heading("一、收支预算总体情况", 13)
    w.paragraph(f"按照全口径预算的原则，{YEAR}年度收入预算总计{money(total, False)}万元，支出预算总计{money(total, False)}万元。"
                f"财政拨款收入预算{money(fiscal, False)}万元，其他收入预算{money(OTHER_INCOME, False)}万元。")
    w.heading("二、一般公共预算支出预算情况", 13)
    w.paragraph(f"一般公共预算财政拨款支出预算{money(fiscal, False)}万元，其中：基本支出{money(staff + office, False)}万元，项目支出{money(project, False)}万元。主要内容如下：")
    for n, (code, (name, s, o, p)) in enumerate(ITEMS.items(), start=1):
        w.paragraph(f"{n}.“{CLASSES[code[:3]]}（类）{_name(code[:5])}（款）{name}（项）”{money(s + o + p, False)}万元，主要用于本单位履行职能的{('基本' if s + o else '项目')}支出。")
    w.heading("三、“三公”经费预算情况", 13)
    tp = sum(THREE_PUBLIC.values())
    w.paragraph(f"{YEAR}年度“三公”经费预算数为{money(tp, False)}万元，其中：因公出国（境）费{money(THREE_PUBLIC['出国'], False)}万元，"
                f"公务接待费{money(THREE_PUBLIC['接待'], False)}万元，公务用车购置及运行费{money(THREE_PUBLIC['购置'] + THREE_PUBLIC['运行'], False)}万元。")
    w.heading("四、机关运行经费预算", 13)
    w.paragraph(f"{YEAR}年度机关运行经费预算{money(office, False)}万元，占一般公共预算基本支出的{pct(office, staff + office)}%。")

    codes = _codes()
    classes = [c for c in codes if len(c) == 3]
    income_rows = [["一、财政拨款收入", yuan(fiscal)], ["1.一般公共预算", yuan(fiscal)], ["2.政府性基金预算", ""], ["3.国有资本经营预算", ""],
                   ["二、事业收入", ""], ["三、事业单位经营收入", ""], ["四、其他收入", yuan(OTHER_INCOME)]]
    spend_rows = [[f"{cn(i + 1)}、{CLASSES[c]}", yuan(_sum(c, 1) + _sum(c, 2) + _sum(c, 3) + (OTHER_INCOME if c == "201" else 0))] for i, c in enumerate(classes)]
    height = max(len(income_rows), len(spend_rows))
    rows = [(income_rows[i] if i < len(income_rows) else ["", ""]) + (spend_rows[i] if i < len(spend_rows) else ["", ""]) for i in range(height)]
    rows += [["本年收入合计", yuan(total), "本年支出合计", yuan(total)], ["上年结转结余", "", "年末结转结余", ""], ["收入总计", yuan(total), "支出总计", yuan(total)]]
    w.table(TableSpec("财务收支预算总表", [[Cell("收入", 2), Cell("支出", 2)], [Cell("项目"), Cell("预算数"), Cell("项目"), Cell("预算数")]], rows, [150, 90, 150, 90], unit="单位：元", tag="表1"))

    rows = [["", "", "", "合计", yuan(total), yuan(fiscal), "", "", yuan(OTHER_INCOME)]]
    for c in codes:
        other = OTHER_INCOME if "2010802".startswith(c) else 0
        amount = _sum(c, 1) + _sum(c, 2) + _sum(c, 3)
        rows.append([c[:3], c[3:5], c[5:7], _name(c), yuan(amount + other), yuan(amount), "", "", yuan(other)])
    header = [[Cell("功能分类科目", 4), Cell("合计", rowspan=2), Cell("财政拨款收入", rowspan=2), Cell("事业收入", rowspan=2), Cell("事业单位经营收入", rowspan=2), Cell("其他收入", rowspan=2)],
              [Cell("类"), Cell("款"), Cell("项"), Cell("名称")]]
    w.table(TableSpec("收入预算总表", header, rows, [36, 30, 30, 190, 88, 88, 70, 80, 80], unit="单位：元", tag="表2"), landscape_page=True)

    rows = [["", "合计", yuan(total), yuan(staff + office), yuan(project + OTHER_INCOME)]]
    for c in codes:
        other = OTHER_INCOME if "2010802".startswith(c) else 0
        rows.append([c, _name(c), yuan(_sum(c, 1) + _sum(c, 2) + _sum(c, 3) + other), yuan(_sum(c, 1) + _sum(c, 2)), yuan(_sum(c, 3) + other)])
    w.table(TableSpec("支出预算总表", [[Cell("科目编码"), Cell("科目名称"), Cell("合计"), Cell("基本支出"), Cell("项目支出")]], rows, [70, 200, 90, 90, 90], unit="单位：元", tag="表3"))

    rows = [["一、一般公共预算", yuan(fiscal)] + spend[:1] + [spend[1], spend[1], "", ""] if i == 0 else (
        [["", ""], ["二、政府性基金预算", ""], ["三、国有资本经营预算", ""]][i] if i < 3 else ["", ""]) + [spend[0], spend[1], spend[1], "", ""]
        for i, spend in enumerate([[f"{cn(i + 1)}、{CLASSES[c]}", yuan(_sum(c, 1) + _sum(c, 2) + _sum(c, 3))] for i, c in enumerate(classes)])]
    rows += [["收入总计", yuan(fiscal), "支出总计", yuan(fiscal), yuan(fiscal), "", ""]]
    header = [[Cell("收入", 2), Cell("支出", 5)], [Cell("项目"), Cell("预算数"), Cell("项目"), Cell("合计"), Cell("一般公共预算"), Cell("政府性基金预算"), Cell("国有资本经营预算")]]
    w.table(TableSpec("财政拨款收支预算总表", header, rows, [140, 90, 160, 90, 90, 90, 90], unit="单位：元", tag="表4"), landscape_page=True)

    rows = [[c, _name(c), yuan(_sum(c, 1) + _sum(c, 2) + _sum(c, 3)), yuan(_sum(c, 1) + _sum(c, 2)), yuan(_sum(c, 3))] for c in codes]
    rows.append(["", "合计", yuan(fiscal), yuan(staff + office), yuan(project)])
    w.table(TableSpec("一般公共预算支出功能分类预算表", [[Cell("科目编码"), Cell("科目名称"), Cell("合计"), Cell("基本支出"), Cell("项目支出")]], rows, [70, 200, 90, 90, 90], unit="单位：元", tag="表5"))

    for n, fund in ((6, "政府性基金"), (7, "国有资本经营")):
        note = f"注：{NAME}{YEAR}年度没有使用{fund}预算拨款安排的支出，本表为空表。"
        w.table(TableSpec(f"{fund}预算支出功能分类预算表", [[Cell("科目编码"), Cell("科目名称"), Cell("合计"), Cell("基本支出"), Cell("项目支出")]],
                          [["", "合计", "", "", ""]], [70, 200, 90, 90, 90], unit="单位：元", tag=f"表{n}", notes=[note]))

    economic = _economic()
    rows = []
    for head, title in (("301", "工资福利支出"), ("302", "商品和服务支出"), ("303", "对个人和家庭的补助")):
        members = [(c, v) for c, v in economic.items() if c[:3] == head]
        s, o = sum(v[1] for _, v in members), sum(v[2] for _, v in members)
        rows.append([head, "", title, yuan(s + o), yuan(s), yuan(o)])
        rows += [[head, c[3:], n, yuan(a + b), yuan(a), yuan(b)] for c, (n, a, b) in members]
    rows.append(["", "", "合计", yuan(staff + office), yuan(staff), yuan(office)])
    header = [[Cell("经济分类科目", 3), Cell("合计", rowspan=2), Cell("人员经费", rowspan=2), Cell("公用经费", rowspan=2)], [Cell("类"), Cell("款"), Cell("名称")]]
    w.table(TableSpec("一般公共预算基本支出部门预算经济分类预算表", header, rows, [40, 34, 190, 90, 90, 90], unit="单位：元", tag="表8"))

    t = THREE_PUBLIC
    row = [money(sum(t.values())), money(t["出国"]), money(t["接待"]), money(t["购置"] + t["运行"]), money(t["购置"]), money(t["运行"]), money(office)]
    header = [[Cell("合计", rowspan=2), Cell("因公出国（境）费", rowspan=2), Cell("公务接待费", rowspan=2), Cell("公务用车购置及运行费", 3), Cell("机关运行经费预算数", rowspan=2)],
              [Cell("小计"), Cell("购置费"), Cell("运行费")]]
    w.table(TableSpec("“三公”经费和机关运行经费预算表", header, [row], [80, 90, 80, 70, 70, 70, 100], tag="表9"), landscape_page=True)

    rows = [[name, yuan(a), yuan(f), yuan(o) or "0.00"] for name, a, f, o in PROJECTS]
    rows.append(["合计", yuan(sum(p[1] for p in PROJECTS)), yuan(sum(p[2] for p in PROJECTS)), yuan(sum(p[3] for p in PROJECTS))])
    w.new_page()
    w.table(TableSpec("项目支出预算表", [[Cell("项目名称"), Cell("合计"), Cell("财政拨款"), Cell("其他资金")]], rows, [200, 100, 100, 100], unit="单位：元", tag="表10", ruled=False), new_page=False)
    w.save()
