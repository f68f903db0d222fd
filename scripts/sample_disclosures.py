"""Dev-only: invented departments' disclosures, every figure derived from one set of amounts in 元.

`FinalAccounts` (部门决算) and `Budget` (部门预算) hold a department's amounts per 功能分类 项 and
per 经济分类 款 in 元; every table cell and every prose figure is computed from them and rounded
half-up only when printed, so the documents are consistent by construction — including the
legitimate 0.01 gaps a 合计 shows against its rounded parts. `render_final` / `render_budget`
lay the documents out with `pdf_render.Writer`; an `edits` mapping replaces chosen printed texts
(a cell or a phrase) to plant documented errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from pdf_render import Cell, Layout, TableSpec, Writer

CLASSES = {
    "201": "一般公共服务支出",
    "20108": "审计事务",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "210": "卫生健康支出",
    "21011": "行政事业单位医疗",
    "221": "住房保障支出",
    "22102": "住房改革支出",
}
SUMMARY_CLASSES = [
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
    "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
    "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出",
    "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "抗疫特别国债安排的支出",
]
CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 → 一, 12 → 十二, 24 → 二十四."""
    if n <= 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


def wan(yuan: int) -> Decimal:
    return (Decimal(yuan) / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(yuan: int, grouped: bool = True) -> str:
    """A 万元 amount as printed in a table (grouped) or in prose."""
    return f"{wan(yuan):,}" if grouped else f"{wan(yuan)}"


def cell(yuan: int) -> str:
    """A table cell: blank for nothing, else the 万元 amount."""
    return money(yuan) if yuan else ""


def pct(part: int, whole: int) -> str:
    return f"{(Decimal(part) * 100 / Decimal(whole)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"


@dataclass
class Item:
    """One 功能分类 项 of the year: spending split as the tables need it, in 元."""

    code: str
    name: str
    staff: int = 0  # 基本支出 人员经费 (一般公共预算财政拨款)
    office: int = 0  # 基本支出 公用经费 (一般公共预算财政拨款)
    project: int = 0  # 项目支出 (一般公共预算财政拨款)
    other: int = 0  # 项目支出 from 其他收入 (not 财政拨款)
    carried: int = 0  # 财政拨款 received for it but carried to next year (income − spending)
    budget: int = 0  # 年初预算 (一般公共预算财政拨款)

    @property
    def fiscal(self) -> int:
        return self.staff + self.office + self.project

    @property
    def basic(self) -> int:
        return self.staff + self.office

    @property
    def spending(self) -> int:
        return self.fiscal + self.other


@dataclass
class Department:
    name: str
    year: int
    items: list[Item]
    economic: dict[str, tuple[str, int]]  # 经济分类 款 code → (name, 元); 301/303 staff, 302/310 office
    three_public_budget: dict[str, int]  # 出国, 购置, 运行, 接待 (元)
    three_public_actual: dict[str, int]
    opening: int  # 年初财政拨款结转和结余 (all 一般公共预算)
    previous: dict[str, int]  # last year's totals for the prose comparisons
    projects: list[tuple[str, int, int]] = field(default_factory=list)  # (name, budget, actual) extra project list

    def __post_init__(self) -> None:
        staff = sum(v for c, (_, v) in self.economic.items() if c[:3] in ("301", "303"))
        office = sum(v for c, (_, v) in self.economic.items() if c[:3] in ("302", "310"))
        if staff != sum(i.staff for i in self.items) or office != sum(i.office for i in self.items):
            raise ValueError("economic classification does not add up to the items' basic spending")

    # --- totals (元) -------------------------------------------------------------------------

    @property
    def fiscal_spending(self) -> int:
        return sum(i.fiscal for i in self.items)

    @property
    def other_income(self) -> int:
        return sum(i.other for i in self.items)

    @property
    def closing(self) -> int:
        return self.opening + sum(i.carried for i in self.items)

    @property
    def fiscal_income(self) -> int:
        return self.fiscal_spending + sum(i.carried for i in self.items)

    @property
    def income(self) -> int:
        return self.fiscal_income + self.other_income

    @property
    def spending(self) -> int:
        return self.fiscal_spending + self.other_income

    @property
    def basic(self) -> int:
        return sum(i.basic for i in self.items)

    @property
    def staff(self) -> int:
        return sum(i.staff for i in self.items)

    @property
    def office(self) -> int:
        return sum(i.office for i in self.items)

    @property
    def project(self) -> int:
        return sum(i.project + i.other for i in self.items)

    def total(self, code: str, attr: str) -> int:
        """An `Item` amount summed over a code at any level (类 3 / 款 5 / 项 7 digits)."""
        return sum(getattr(i, attr) for i in self.items if i.code.startswith(code))

    def codes(self) -> list[str]:
        """Every code in table order: 类, then its 款, then its 项."""
        out: list[str] = []
        for item in self.items:
            for cut in (3, 5, 7):
                if item.code[:cut] not in out:
                    out.append(item.code[:cut])
        return out

    def code_name(self, code: str) -> str:
        if len(code) == 7:
            return next(i.name for i in self.items if i.code == code)
        return CLASSES[code]

    def class_total(self, name: str, attr: str) -> int:
        """An amount summed over the 类 called ``name`` (0 for a 类 the department has none of)."""
        code = next((c for c, n in CLASSES.items() if n == name and len(c) == 3), None)
        return self.total(code, attr) if code else 0


@dataclass
class Errors:
    """Planted errors: printed texts replaced after every figure was computed."""

    cells: dict[tuple[str, str, int], str] = field(default_factory=dict)  # (table, row key, column) → text
    prose: list[tuple[str, str]] = field(default_factory=list)  # (exact phrase, replacement), each used once
    omit: set[str] = field(default_factory=set)  # tables left out (the 目录 still lists them)
    no_note: set[str] = field(default_factory=set)  # empty tables printed without their note


def _edit(errors: Errors, table: str, keys: list[str], rows: list[list[str]]) -> list[list[str]]:
    for (t, key, col), text in errors.cells.items():
        if t == table:
            rows[keys.index(key)][col] = text
    return rows


class FinalRenderer:
    """A 部门决算 in the 2024 Shanghai template's shape: 目录, 概况, nine tables, 情况说明, 名词解释."""

    TABLES = [
        ("T1", "收入支出决算总表"),
        ("T2", "收入决算表"),
        ("T3", "支出决算表"),
        ("T4", "财政拨款收入支出决算总表"),
        ("T5", "一般公共预算财政拨款支出决算表"),
        ("T6", "一般公共预算财政拨款基本支出决算表"),
        ("T7", "财政拨款“三公”经费支出决算表"),
        ("T8", "政府性基金预算财政拨款收入支出决算表"),
        ("T9", "国有资本经营预算财政拨款收入支出决算表"),
    ]

    def __init__(self, dept: Department, errors: Errors | None = None, *, spaced: bool = False) -> None:
        self.d = dept
        self.errors = errors or Errors()
        self.spaced = spaced  # see pdf_render._SpacedCanvas
        self.used: set[int] = set()

    def text(self, sentence: str) -> str:
        for i, (old, new) in enumerate(self.errors.prose):
            if i not in self.used and old in sentence:
                sentence = sentence.replace(old, new, 1)
                self.used.add(i)
        return sentence

    def render(self, path: str, layout: Layout = Layout()) -> None:
        d = self.d
        w = Writer(path, f"{d.name}{d.year}年度部门决算", spaced=self.spaced, layout=layout)
        w.new_page(furniture=False)
        w.y -= 220
        w.centred(d.name, 26)
        w.centred(f"{d.year}年度部门决算", 26)
        self.contents(w)
        self.overview(w)
        for key, title in self.TABLES:
            if key not in self.errors.omit:
                getattr(self, f"table_{key.lower()}")(w, title)
        if d.projects:
            self.project_table(w)
        self.explanation(w)
        self.glossary(w)
        w.save()
        if len(self.used) != len(self.errors.prose):
            raise ValueError("a planted prose error matched no sentence")

    # --- front matter ------------------------------------------------------------------------

    def contents(self, w: Writer) -> None:
        d = self.d
        w.new_page()
        w.centred("目  录", 16)
        entries = [f"第一部分 {d.name}概况", "一、主要职能", "二、部门决算单位构成", f"第二部分 {d.name}{d.year}年度部门决算表"]
        entries += [f"{cn(i + 1)}、{title}" for i, (_, title) in enumerate(self.TABLES)]
        entries += [f"第三部分 {d.name}{d.year}年度部门决算情况说明"]
        entries += [f"{cn(i + 1)}、{t}" for i, t in enumerate(EXPLANATION_HEADINGS)]
        entries += ["第四部分 名词解释"]
        w.lines(entries, 12)

    def overview(self, w: Writer) -> None:
        d = self.d
        w.new_page()
        w.heading(f"第一部分 {d.name}概况", 15)
        w.heading("一、主要职能", 13)
        for text in DUTIES:
            w.paragraph(text.format(name=d.name))
        w.heading("二、部门决算单位构成", 13)
        w.paragraph(f"从预算单位构成看，{d.name}部门决算包括：{d.name}本级决算、下属事业单位决算。纳入{d.name}{d.year}年度部门决算编制范围的单位包括：")
        spec = TableSpec("", [[Cell("序号"), Cell("单位名称"), Cell("备注")]], [["1", f"{d.name}（本级）", ""], ["2", f"{d.name}审计服务中心", "事业单位"]], [50, 220, 120], unit="")
        w.y -= 6
        w.table(spec, new_page=False)

    # --- the nine tables ---------------------------------------------------------------------

    def table_t1(self, w: Writer, title: str) -> None:
        d = self.d
        income = [
            ("一般公共预算财政拨款收入", d.fiscal_income), ("政府性基金预算财政拨款收入", 0), ("国有资本经营预算财政拨款收入", 0),
            ("上级补助收入", 0), ("事业收入", 0), ("经营收入", 0), ("附属单位上缴收入", 0), ("其他收入", d.other_income),
        ]
        rows, keys = [], []
        for i, name in enumerate(SUMMARY_CLASSES):
            left = [f"{cn(i + 1)}、{income[i][0]}", cell(income[i][1])] if i < len(income) else ["", ""]
            rows.append(left + [f"{cn(i + 1)}、{name}", cell(d.class_total(name, 'spending'))])
            keys.append(name)
        tail = [
            ("本年收入合计", d.income, "本年支出合计", d.spending),
            ("使用非财政拨款结余", 0, "结余分配", 0),
            ("年初结转和结余", d.opening, "年末结转和结余", d.closing),
            ("总计", d.income + d.opening, "总计", d.spending + d.closing),
        ]
        for a, va, b, vb in tail:
            rows.append([a, cell(va), b, cell(vb)])
            keys.append(b if b != "总计" else "总计")
        header = [[Cell("收入", 2), Cell("支出", 2)], [Cell("项目"), Cell("决算数"), Cell("项目"), Cell("决算数")]]
        spec = TableSpec(title, header, _edit(self.errors, "T1", keys, rows), [175, 70, 175, 70], tag="公开01表")
        w.table(spec)

    def _coded_rows(self, columns) -> tuple[list[list[str]], list[str]]:
        d = self.d
        rows, keys = [], []
        for code in d.codes():
            rows.append([code, d.code_name(code)] + [cell(fn(code)) for fn in columns])
            keys.append(code)
        return rows, keys

    def table_t2(self, w: Writer, title: str) -> None:
        d = self.d
        fiscal = lambda c: d.total(c, "fiscal") + d.total(c, "carried")  # noqa: E731
        other = lambda c: d.total(c, "other")  # noqa: E731
        rows = [["", "", "", "合计", cell(d.income), cell(d.fiscal_income), "", "", "", "", cell(d.other_income)]]
        keys = ["合计"]
        for code in d.codes():
            split = [code[:3], code[3:5], code[5:7]]
            rows.append(split + [d.code_name(code), cell(fiscal(code) + other(code)), cell(fiscal(code)), "", "", "", "", cell(other(code))])
            keys.append(code)
        header = [
            [Cell("项目", 4)] + [Cell(t, rowspan=3) for t in ("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")],
            [Cell("支出功能分类科目编码", 3), Cell("科目名称", rowspan=2)],
            [Cell("类"), Cell("款"), Cell("项")],
        ]
        spec = TableSpec(title, header, _edit(self.errors, "T2", keys, rows), [34, 30, 30, 190, 68, 68, 56, 56, 56, 56, 56], tag="公开02表")
        w.table(spec, landscape_page=True)

    def table_t3(self, w: Writer, title: str) -> None:
        d = self.d
        rows = [["", "合计", cell(d.spending), cell(d.basic), cell(d.project), "", "", ""]]
        keys = ["合计"]
        for code in d.codes():
            rows.append([code, d.code_name(code), cell(d.total(code, "spending")), cell(d.total(code, "basic")),
                         cell(d.total(code, "project") + d.total(code, "other")), "", "", ""])
            keys.append(code)
        header = [
            [Cell("项目", 2)] + [Cell(t, rowspan=2) for t in ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")],
            [Cell("功能分类科目编码"), Cell("科目名称")],
        ]
        spec = TableSpec(title, header, _edit(self.errors, "T3", keys, rows), [80, 220, 75, 70, 70, 62, 62, 76], tag="公开03表", repeat_header=True)
        w.table(spec, landscape_page=True)

    def table_t4(self, w: Writer, title: str) -> None:
        d = self.d
        funds = [("一般公共预算财政拨款", d.fiscal_income), ("政府性基金预算财政拨款", 0), ("国有资本经营预算财政拨款", 0)]
        rows, keys = [], []
        for i, name in enumerate(SUMMARY_CLASSES):
            left = [f"{cn(i + 1)}、{funds[i][0]}", cell(funds[i][1])] if i < 3 else ["", ""]
            value = cell(d.class_total(name, "fiscal"))
            rows.append(left + [f"{cn(i + 1)}、{name}", value, value, "", ""])
            keys.append(name)
        rows.append(["本年收入合计", cell(d.fiscal_income), "本年支出合计", cell(d.fiscal_spending), cell(d.fiscal_spending), "", ""])
        rows.append(["年初财政拨款结转和结余", cell(d.opening), "年末财政拨款结转和结余", cell(d.closing), cell(d.closing), "", ""])
        rows.append(["一、一般公共预算财政拨款", cell(d.opening), "", "", "", "", ""])
        rows.append(["二、政府性基金预算财政拨款", "", "", "", "", "", ""])
        rows.append(["三、国有资本经营预算财政拨款", "", "", "", "", "", ""])
        total = d.fiscal_income + d.opening
        rows.append(["总计", cell(total), "总计", cell(total), cell(total), "", ""])
        keys += ["本年支出合计", "年末财政拨款结转和结余", "年初一般公共预算", "年初政府性基金", "年初国有资本经营", "总计"]
        header = [
            [Cell("收入", 2), Cell("支出", 5)],
            [Cell("项目"), Cell("决算数"), Cell("项目"), Cell("合计"), Cell("一般公共预算财政拨款"), Cell("政府性基金预算财政拨款"), Cell("国有资本经营预算财政拨款")],
        ]
        spec = TableSpec(title, header, _edit(self.errors, "T4", keys, rows), [170, 70, 170, 70, 84, 84, 84], tag="公开04表")
        w.table(spec, landscape_page=True)

    def table_t5(self, w: Writer, title: str) -> None:
        d = self.d
        rows, keys = [], []
        for code in d.codes():
            rows.append([code, d.code_name(code), cell(d.total(code, "fiscal")), cell(d.total(code, "basic")),
                         cell(d.total(code, "staff")), cell(d.total(code, "office")), cell(d.total(code, "project"))])
            keys.append(code)
        rows.append(["", "合计", cell(d.fiscal_spending), cell(d.basic), cell(d.staff), cell(d.office), cell(sum(i.project for i in d.items))])
        keys.append("合计")
        header = [
            [Cell("科目编码", rowspan=3), Cell("科目名称", rowspan=3), Cell("支出", 5)],
            [Cell("合计", rowspan=2), Cell("基本支出", 3), Cell("项目支出", rowspan=2)],
            [Cell("小计"), Cell("人员经费"), Cell("公用经费")],
        ]
        spec = TableSpec(title, header, _edit(self.errors, "T5", keys, rows), [80, 230, 80, 80, 80, 80, 80], tag="公开05表")
        w.table(spec, landscape_page=True)

    def table_t6(self, w: Writer, title: str) -> None:
        d = self.d
        side = {k: [(c, n, v) for c, (n, v) in d.economic.items() if c[:3] in k] for k in (("301", "303"), ("302", "310"))}

        def listing(codes: tuple[str, ...]) -> list[tuple[str, str, int]]:
            out = []
            for head in codes:
                members = [(c, n, v) for c, n, v in side[codes] if c[:3] == head]
                out.append((head, ECONOMIC_CLASSES[head], sum(v for _, _, v in members)))
                out += members
            return out

        left, right = listing(("301", "303")), listing(("302", "310"))
        rows, keys = [], []
        for i in range(max(len(left), len(right))):
            a = [left[i][0], left[i][1], cell(left[i][2])] if i < len(left) else ["", "", ""]
            b = [right[i][0], right[i][1], cell(right[i][2])] if i < len(right) else ["", "", ""]
            rows.append(a + b)
            keys.append(f"{a[0]}|{b[0]}")
        rows.append(["人员经费合计", "", cell(d.staff), "公用经费合计", "", cell(d.office)])
        keys.append("合计")
        header = [[Cell("经济分类科目编码"), Cell("科目名称"), Cell("决算数"), Cell("经济分类科目编码"), Cell("科目名称"), Cell("决算数")]]
        spec = TableSpec(title, header, _edit(self.errors, "T6", keys, rows), [62, 130, 62, 62, 130, 62], tag="公开06表")
        w.table(spec)

    def table_t7(self, w: Writer, title: str) -> None:
        b, a = self.d.three_public_budget, self.d.three_public_actual

        def pair(key: str | tuple[str, ...]) -> list[str]:
            keys = (key,) if isinstance(key, str) else key
            return [money(sum(b[k] for k in keys)), money(sum(a[k] for k in keys))]

        row = pair(("出国", "购置", "运行", "接待")) + pair("出国") + pair(("购置", "运行")) + pair("购置") + pair("运行") + pair("接待")
        header = [
            [Cell("财政拨款“三公”经费", 12)],
            [Cell("合计", 2, 2), Cell("因公出国（境）费", 2, 2), Cell("公务用车购置及运行维护费", 6), Cell("公务接待费", 2, 2)],
            [Cell("小计", 2), Cell("公务用车购置费", 2), Cell("公务用车运行维护费", 2)],
            [Cell(t) for t in ("预算数", "决算数") * 6],
        ]
        spec = TableSpec(title, header, _edit(self.errors, "T7", ["三公"], [row]), [62] * 12, tag="公开07表")
        w.table(spec, landscape_page=True)

    def _empty_fund_table(self, w: Writer, key: str, title: str, fund: str) -> None:
        d = self.d
        header = [
            [Cell("科目编码", rowspan=2), Cell("科目名称", rowspan=2), Cell("年初结转和结余", rowspan=2), Cell("本年收入", rowspan=2), Cell("本年支出", 3), Cell("年末结转和结余", rowspan=2)],
            [Cell("合计"), Cell("基本支出"), Cell("项目支出")],
        ]
        notes = [] if key in self.errors.no_note else [f"注：{d.name}{d.year}年度没有{fund}预算财政拨款收入和支出，故本表无数据。"]
        spec = TableSpec(title, header, [["", "合计", "", "", "", "", "", ""]], [70, 200, 75, 70, 70, 70, 70, 75], tag=f"公开0{key[1]}表", notes=notes)
        w.table(spec, landscape_page=True)

    def table_t8(self, w: Writer, title: str) -> None:
        self._empty_fund_table(w, "T8", title, "政府性基金")

    def table_t9(self, w: Writer, title: str) -> None:
        self._empty_fund_table(w, "T9", title, "国有资本经营")

    def project_table(self, w: Writer) -> None:
        """项目支出决算表: one row per project (long departments run to hundreds of rows)."""
        rows = [[str(n), name, money(bud), money(act), pct(act, bud)] for n, (name, bud, act) in enumerate(self.d.projects, start=1)]
        header = [[Cell("序号"), Cell("项目名称"), Cell("年初预算数"), Cell("决算数"), Cell("完成率（%）")]]
        w.table(TableSpec("项目支出决算表", header, rows, [40, 240, 80, 80, 70], tag="附表"))

    # --- 情况说明 ------------------------------------------------------------------------------

    def explanation(self, w: Writer) -> None:
        d = self.d
        w.new_page()
        w.heading(f"第三部分 {d.name}{d.year}年度部门决算情况说明", 15)
        for heading, sentences in zip(EXPLANATION_HEADINGS, self.sections()):
            w.heading(f"{cn(EXPLANATION_HEADINGS.index(heading) + 1)}、{heading}", 13)
            for s in sentences:
                if s.startswith("（"):
                    w.heading(self.text(s), 12)
                else:
                    w.paragraph(self.text(s))

    def change(self, now: int, before: int, what: str) -> str:
        diff = now - before
        if diff == 0:
            return f"与{self.d.year - 1}年度相比，{what}持平。"
        word, trend = ("增加", "增长") if diff > 0 else ("减少", "下降")
        return f"与{self.d.year - 1}年度相比，{what}{word}{money(abs(diff), False)}万元，{trend}{pct(abs(diff), before)}%。"

    def sections(self) -> list[list[str]]:
        d = self.d
        total = d.income + d.opening
        fiscal_total = d.fiscal_income + d.opening
        general_budget = sum(i.budget for i in d.items)
        staff_items = "、".join(n for c, (n, v) in d.economic.items() if c[:3] in ("301", "303") and v)
        office_items = "、".join(n for c, (n, v) in d.economic.items() if c[:3] in ("302", "310") and v)
        b, a = d.three_public_budget, d.three_public_actual
        tp_b, tp_a = sum(b.values()), sum(a.values())
        classes = [c for c in d.codes() if len(c) == 3]
        out = [
            [f"{d.name}{d.year}年度收入支出总计{money(total, False)}万元。" + self.change(total, d.previous["total"], "收入支出总计") + "主要原因：审计项目增加，相应支出增加。"],
            [f"本年收入合计{money(d.income, False)}万元，其中：财政拨款收入{money(d.fiscal_income, False)}万元，占{pct(d.fiscal_income, d.income)}%；"
             f"其他收入{money(d.other_income, False)}万元，占{pct(d.other_income, d.income)}%。"],
            [f"本年支出合计{money(d.spending, False)}万元，其中：基本支出{money(d.basic, False)}万元，占{pct(d.basic, d.spending)}%；"
             f"项目支出{money(d.project, False)}万元，占{pct(d.project, d.spending)}%。"],
            [f"{d.name}{d.year}年度财政拨款收入支出总计{money(fiscal_total, False)}万元。" + self.change(fiscal_total, d.previous["fiscal_total"], "财政拨款收入支出总计") + "主要原因：审计业务经费增加。"],
            [
                "（一）一般公共预算财政拨款支出决算总体情况",
                f"一般公共预算财政拨款支出{money(d.fiscal_spending, False)}万元，占本年支出合计的{pct(d.fiscal_spending, d.spending)}%。"
                + self.change(d.fiscal_spending, d.previous["general"], "一般公共预算财政拨款支出") + "主要原因：审计业务经费增加。",
                "（二）一般公共预算财政拨款支出决算结构情况",
                f"一般公共预算财政拨款支出{money(d.fiscal_spending, False)}万元，主要用于以下方面："
                + "；".join(f"{CLASSES[c]}（类）{money(d.total(c, 'fiscal'), False)}万元，占{pct(d.total(c, 'fiscal'), d.fiscal_spending)}%" for c in classes) + "。",
                "（三）一般公共预算财政拨款支出决算具体情况",
                f"一般公共预算财政拨款支出年初预算为{money(general_budget, False)}万元，支出决算为{money(d.fiscal_spending, False)}万元，"
                f"完成年初预算的{pct(d.fiscal_spending, general_budget)}%。其中：",
            ] + [
                f"{n}、{CLASSES[i.code[:3]]}（类）{CLASSES[i.code[:5]]}（款）{i.name}（项）。年初预算为{money(i.budget, False)}万元，"
                f"支出决算为{money(i.fiscal, False)}万元，完成年初预算的{pct(i.fiscal, i.budget)}%。"
                + ("决算数与预算数持平。" if i.fiscal == i.budget else f"决算数{'大于' if i.fiscal > i.budget else '小于'}预算数的主要原因：按实际需要安排支出。")
                for n, i in enumerate((i for i in d.items if i.fiscal), start=1)
            ],
            [f"一般公共预算财政拨款基本支出{money(d.basic, False)}万元。其中：人员经费{money(d.staff, False)}万元，主要包括：{staff_items}；"
             f"公用经费{money(d.office, False)}万元，主要包括：{office_items}。"],
            [
                "（一）“三公”经费财政拨款支出决算总体情况说明",
                f"“三公”经费财政拨款支出年初预算为{money(tp_b, False)}万元，支出决算为{money(tp_a, False)}万元，完成预算的{pct(tp_a, tp_b)}%，"
                f"其中：因公出国（境）费支出决算为{money(a['出国'], False)}万元；公务用车购置及运行维护费支出年初预算为{money(b['购置'] + b['运行'], False)}万元，"
                f"支出决算为{money(a['购置'] + a['运行'], False)}万元，完成预算的{pct(a['购置'] + a['运行'], b['购置'] + b['运行'])}%；"
                f"公务接待费支出年初预算为{money(b['接待'], False)}万元，支出决算为{money(a['接待'], False)}万元，完成预算的{pct(a['接待'], b['接待'])}%。",
                "（二）“三公”经费财政拨款支出决算具体情况说明",
                f"{d.year}年度公务用车运行维护费支出决算为{money(a['运行'], False)}万元，公务接待费支出决算为{money(a['接待'], False)}万元。",
            ],
            [f"{d.name}{d.year}年度无政府性基金预算财政拨款收入和支出。"],
            [f"{d.name}{d.year}年度无国有资本经营预算财政拨款收入和支出。"],
            [f"{d.name}{d.year}年度实行全过程绩效管理：编报绩效目标的项目{len(d.projects) or 4}个。"] + [
                f"（{n}）{name}。年初预算为{money(bud, False)}万元，支出决算为{money(act, False)}万元，完成年初预算的{pct(act, bud)}%。"
                for n, (name, bud, act) in enumerate(d.projects, start=1)
            ],
            [
                "（一）机关运行经费支出情况",
                f"机关运行经费支出{money(d.office, False)}万元，" + self.change(d.office, d.previous["office"], "机关运行经费支出").replace(f"与{d.year - 1}年度相比，机关运行经费支出", f"比{d.year - 1}年度"),
            ],
        ]
        return out

    def glossary(self, w: Writer) -> None:
        w.new_page()
        w.heading("第四部分 名词解释", 15)
        for i, text in enumerate(GLOSSARY, start=1):
            w.paragraph(f"{cn(i)}、{text}")


EXPLANATION_HEADINGS = [
    "收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "财政拨款收入支出决算总体情况说明",
    "一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款基本支出决算情况说明", "财政拨款“三公”经费支出决算情况说明",
    "政府性基金预算财政拨款收入支出决算情况说明", "国有资本经营预算财政拨款收入支出决算情况说明", "预算绩效管理情况", "其他重要事项的情况说明",
]
ECONOMIC_CLASSES = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "310": "资本性支出"}
DUTIES = [
    "（一）贯彻执行国家有关审计工作的法律、法规、规章和方针政策，研究拟订本区审计工作的规划和实施办法。",
    "（二）对区级预算执行情况、决算草案以及其他财政收支情况进行审计监督，向区人民政府提出审计结果报告。",
    "（三）完成区委、区政府交办的其他任务。",
]
GLOSSARY = [
    "财政拨款收入：指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
    "其他收入：指除上述“财政拨款收入”“事业收入”“经营收入”等以外的收入。",
    "基本支出：指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。",
    "项目支出：指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。",
    "“三公”经费：指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    "机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
]
