"""Prose ↔ table: an amount the 情况说明 states and the table cell it reports (rule ``prose.table``).

A prose figure is bound to a cell when its subject names a quantity a standard table prints —
收入支出总计, 本年收入合计 and each income source, 基本支出 / 项目支出, 财政拨款收入支出总计,
一般公共预算财政拨款支出 (and its 基本 / 项目 parts), 人员经费 / 公用经费, each “三公” item,
政府性基金 / 国有资本经营 spending, or a 功能分类 科目 named by its code or by its chain
(``一般公共服务支出（类）财政事务（款）行政运行（项）``) — and the cell's column means what the
figure's role means (a 决算's 年初预算 only binds to a 预算数 column; its 决算 or plain amount to
a 决算 or plain column). Each quantity lists the tables that print it, most specific first, and
the figure binds to the first one present; whether the tables agree with each other is
``table.cross``'s job. The relation's target is the prose figure: a finding cites both places.
"""

from __future__ import annotations

import re

from parsers.model import DocKind, Document, Figure, Role
from parsers.numbers import MONEY_UNITS
from parsers.table_figures import column_role
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.prose_sections import part_heads
from tui_review.relations.table_index import SEPARATOR, PanelRow, TableView, column, leaf, name_key, standard_views

BINDABLE_ROLES = (Role.AMOUNT, Role.BUDGET, Role.ACTUAL)
LEVELS = re.compile(r"（(类|款|项)）")
ROLE_TAIL = re.compile(r"(?:支出)?(?:年初预算|预算|决算)数?$")

PERIOD_ONLY = re.compile(r"(?:(?:19|20)\d{2}年度?)?(?:本年|全年|年初|调整)?(?:支出)?(?:预算|决算|执行)数?")
PERIOD_SEGMENT = r"[^›]*(?:预算|决算|执行|上年|本年)[^›]*"


def item(name: str) -> str:
    """A column whose header path ends with the segment ``name``, optionally followed only by
    period segments (预算数 / 决算数 …): exact segments, so 运行维护费 never matches a 小计 under it."""
    return rf"(?:^|› ){name}(?: › {PERIOD_SEGMENT})*$"


THREE_PUBLIC_TOTAL = item("(?:合计|总计)")
OTHER_THAN_THREE = re.compile(r"会议费|培训费")

# (pattern on the prose subject, [(table kind, row pattern or None for the data row, column pattern)])
# A "{0}" in a pattern is filled with the subject's first group.
QUANTITIES: list[tuple[re.Pattern[str], list[tuple[str, str | None, str | None]]]] = [
    (re.compile(r"^(?:收入支出|收支)总计$"), [("income_expenditure_summary", r"总计$", None)]),
    (re.compile(r"^收入总计$"), [("income_expenditure_summary", r"总计$", None)]),
    (re.compile(r"^(?:本年)?收入合计$"), [("income_expenditure_summary", r"本年收入合计", None), ("income", r"^合计$", column("本年收入合计"))]),
    (re.compile(r"^(?:本年)?支出合计$"), [("income_expenditure_summary", r"本年支出合计", None), ("expenditure", r"^合计$", column("本年支出合计"))]),
    (re.compile(r"^(财政拨款|上级补助|事业|经营|附属单位上缴|其他)收入$"), [("income", r"^合计$", column("{0}收入"))]),
    (re.compile(r"^(基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)$"), [("expenditure", r"^合计$", column("{0}"))]),
    (re.compile(r"^财政拨款(?:收入支出|收支)总计$"), [("fiscal_summary", r"总计$", None)]),
    (re.compile(r"^一般公共预算财政拨款支出$"), [("general_budget_expenditure", r"^合计$", column("合计")), ("fiscal_summary", r"本年支出合计", r"一般公共预算")]),
    (re.compile(r"^一般公共预算财政拨款(基本支出|项目支出)$"), [("general_budget_expenditure", r"^合计$", column("{0}"))]),
    (re.compile(r"^(人员经费|公用经费)$"), [("basic_expenditure", r"^{0}", None), ("basic_expenditure", r"^合计$", column("{0}")), ("general_budget_expenditure", r"^合计$", column("{0}"))]),
    (re.compile(r"^(政府性基金|国有资本经营)预算财政拨款支出$"), [("fiscal_summary", r"本年支出合计", r"{0}")]),
    (re.compile(r"^“?三公”?经费(?:财政拨款)?(?:支出)?$"), [("three_public", None, item("“?三公”?经费 › (?:小计|合计)")), ("three_public", None, THREE_PUBLIC_TOTAL)]),
    (re.compile(r"^因公出国（境）费(?:支出)?$"), [("three_public", None, item("因公出国（境）费"))]),
    (re.compile(r"^公务用车购置及运行(?:维护)?费(?:支出)?$"), [("three_public", None, item("公务用车购置及运行(?:维护)?费(?: › (?:小计|合计))?"))]),
    (re.compile(r"^公务用车购置费(?:支出)?$"), [("three_public", None, item("(?:公务用车)?购置费"))]),
    (re.compile(r"^公务用车运行(?:维护)?费(?:支出)?$"), [("three_public", None, item("(?:公务用车)?运行(?:维护)?费"))]),
    (re.compile(r"^公务接待费(?:支出)?$"), [("three_public", None, item("公务接待费"))]),
]

# Tables that print 功能分类 科目 with their amount, by what the prose section is about.
CLASSIFIED_TABLES = (
    (re.compile(r"政府性基金"), ("gov_fund",)),
    (re.compile(r"国有资本经营"), ("state_capital",)),
    (re.compile(r"一般公共预算|财政拨款支出"), ("general_budget_expenditure", "expenditure")),
    (re.compile(r"支出"), ("expenditure", "general_budget_expenditure")),
)


def _period(role: Role, kind: DocKind) -> Role:
    """A role with the document's own period folded in: a 决算's amount is its 决算."""
    if role == Role.AMOUNT:
        return Role.BUDGET if kind == DocKind.BUDGET else Role.ACTUAL
    return role


def _fits(view: TableView, column: str, fig: Figure, kind: DocKind) -> bool:
    return _period(column_role(column, view.doc.year), kind) == _period(fig.role, kind)


def _locate(view: TableView, row_pattern: str | None, col_pattern: str | None, fig: Figure, kind: DocKind) -> Figure | None:
    """The one cell of ``view`` that states ``fig``'s quantity in ``fig``'s period, or None.

    With no row pattern the table has one data row per period (or one data row in all): the
    cell is chosen by the period its own row and column give it, never by position; two
    candidate cells of the same period are ambiguous and bind nothing."""
    for panel in view.panels:
        cols = [c for c in panel.value_cols if col_pattern is None or re.search(col_pattern, view.table.columns[c])]
        if row_pattern is not None:
            rows = [r.row for r in view.rows(panel) if not r.code and re.search(row_pattern, r.key)][:1]
            cells = [view.figure(rows[0], c) for c in cols if _fits(view, view.table.columns[c], fig, kind)] if rows else []
            if cells:
                return cells[0]
            continue
        data_rows = [r for r in range(len(view.table.rows)) if any(view.has_value(r, c) for c in panel.value_cols)]
        for c in cols:
            stated = [cell for r in data_rows if (cell := view.figure(r, c)) is not None]
            matching = [cell for cell in stated if _period(cell.role, kind) == _period(fig.role, kind)]
            if len(matching) == 1:
                return matching[0]
            if len(matching) > 1:
                return None
    return None


FUND_PARTS = re.compile(r"^(基本支出|项目支出)$")


def _subject(fig: Figure, head: Figure | None) -> str:
    """The figure's subject for matching; a 基本/项目支出 listed under a fund's total is that fund's."""
    subject = ROLE_TAIL.sub("", name_key(fig.subject)) or name_key(fig.subject)
    if head is not None and FUND_PARTS.match(subject) and name_key(head.subject).startswith("一般公共预算财政拨款"):
        return f"一般公共预算财政拨款{subject}"
    return subject


def _fill(pattern: str | None, m: re.Match[str]) -> str | None:
    return pattern.replace("{0}", re.escape(m.group(1))) if pattern and m.groups() else pattern


def _named(fig: Figure, subject: str, by_kind: dict[str, TableView], kind: DocKind) -> tuple[TableView, Figure] | None:
    for pattern, places in QUANTITIES:
        m = pattern.match(subject)
        if not m:
            continue
        for table_kind, row, col in places:
            view = by_kind.get(table_kind)
            if view is None:
                continue
            if col == THREE_PUBLIC_TOTAL and any(OTHER_THAN_THREE.search(c) for c in view.table.columns):
                continue  # that table's 合计 also holds 会议费 and 培训费: the 三公 total is its 小计
            cell = _locate(view, _fill(row, m), _fill(col, m), fig, kind)
            if cell is not None:
                return view, cell
        return None
    return None


def _chain(subject: str) -> list[str]:
    """``一般公共服务支出（类）财政事务（款）行政运行（项）`` → its names, 类 first."""
    parts = LEVELS.split(subject)
    names = [name_key(p).rstrip("（") for p in parts[0::2]]
    return [n for n in names if n] if len(parts) > 1 else []


def _names_match(code: str, rows: dict[str, PanelRow], names: list[str]) -> bool:
    """Do the rows of ``code`` and its parents carry ``names``? The last name may be cut short
    (a heading wrapped or clipped), so it only has to open the row's name."""
    for i, name in enumerate(names):
        row = rows.get(code[: 3 + 2 * i])
        last = i == len(names) - 1
        if row is None or not (row.key == name or last and len(name) >= 4 and row.key.startswith(name)):
            return False
    return True


def _classified(fig: Figure, by_kind: dict[str, TableView], doc: Document, kind: DocKind) -> tuple[TableView, Figure] | None:
    names = _chain(fig.subject)
    if not names and not fig.code:
        return None
    section = doc.section_label(fig.section_id)
    kinds = next((k for pattern, k in CLASSIFIED_TABLES if pattern.search(section)), ("general_budget_expenditure", "expenditure"))
    for table_kind in kinds:
        view = by_kind.get(table_kind)
        if view is None:
            continue
        for panel in view.panels:
            rows = {r.code: r for r in view.rows(panel) if r.code}
            target = rows.get(fig.code) if fig.code else None
            if target is None and names:
                target = next((r for code, r in rows.items() if len(code) == 1 + 2 * len(names) and _names_match(code, rows, names)), None)
            if target is None:
                continue
            cols = [c for c in panel.value_cols if re.search(r"合计$", view.table.columns[c].split(SEPARATOR)[-1]) and _fits(view, view.table.columns[c], fig, kind)]
            cols = cols or [c for c in panel.value_cols[:1] if _fits(view, view.table.columns[c], fig, kind)]
            # else the one column that is nothing but the figure's period (年初预算数 | 决算数)
            cols = cols or [c for c in panel.value_cols if PERIOD_ONLY.fullmatch(name_key(view.table.columns[c])) and _fits(view, view.table.columns[c], fig, kind)]
            if cols:
                cell = view.figure(target.row, cols[0])
                return (view, cell) if cell is not None else None  # a text cell states no amount
    return None


def cell_for(doc: Document, fig: Figure, by_kind: dict[str, TableView], name: str | None = None) -> Figure | None:
    """The table cell stating ``fig``'s quantity in ``fig``'s period (as `find` binds it), or None.
    With ``name``, the cell of the standard quantity that name denotes (a share's base named in
    words, “占“三公”经费的…”), by name only."""
    if name is not None:
        bound = _named(fig, ROLE_TAIL.sub("", name_key(name)) or name_key(name), by_kind, doc.kind)
    else:
        bound = _named(fig, _subject(fig, None), by_kind, doc.kind) or _classified(fig, by_kind, doc, doc.kind)
    return bound[1] if bound is not None else None


def _place(view: TableView, cell: Figure) -> str:
    """Where ``cell`` stands in its table, for the messages: its row's name › its column's leaf."""
    ref = cell.cell
    if ref is None:
        raise ValueError(f"figure {cell.id} is bound as a table cell but has no cell reference")
    return SEPARATOR.join(p for p in (view.row_name(ref.row, ref.col), leaf(cell.column)) if p)


def find(doc: Document) -> list[Relation]:
    by_kind = standard_views(doc)
    if not by_kind:
        return []
    heads = part_heads(doc)
    out = []
    for fig in doc.figures:
        if fig.start is None or fig.unit not in MONEY_UNITS or fig.role not in BINDABLE_ROLES:
            continue
        subject = _subject(fig, heads.get(fig.start))
        bound = _named(fig, subject, by_kind, doc.kind) or _classified(fig, by_kind, doc, doc.kind)
        if bound is None:
            continue
        view, cell = bound
        place = _place(view, cell)
        out.append(
            Relation(
                rule="prose.table",
                kind=RelationKind.SUM,
                terms=[Term(cell)],
                target=fig,
                word="",
                label_zh=f"情况说明中的{fig.subject}应与《{view.table.title or view.table.id}》{place}一致",
                label_en=f"the {fig.subject} stated in the prose should agree with {view.table.title or view.table.id} ({place})",
                section_id=fig.section_id,
                uncertain=None if fig.identity is None or fig.identity.complete else (
                    f"情况说明中的科目名称“{fig.subject}”可能不完整", f"the name “{fig.subject}” in the prose may be incomplete"),
            )
        )
    return out
