"""Cross-document relations: what two linked disclosures claim about each other's figures.

A pair is read as one `Document` (`pair_document`): each document's sections under a top section
named after its file (so every place a finding cites names its document), the second document's
ids prefixed, its offsets shifted past the first's text. Relations (rule ids ``cross.*``):

- ``cross.budget_final`` — a 决算's 年初预算 figure equals the same year's 预算 figure;
- ``cross.previous_year`` — a document's 上年 figure equals the previous year's document's figure
  (预算 ↔ 预算 上年预算数, 决算 ↔ 决算 上年决算数), and a stated change (比上年增加 X) implies the
  previous year's figure (this year's − X);
- ``cross.text_tables`` — the prose of a text file against the cells of its tables file: the
  prose ↔ table finder (`prose_table.find`) run over the pair, keeping the bindings that cross.

Figures are matched as the same quantity only by the same 功能分类 code in the same standard table
and column, or by the same subject in the prose. Whatever the words leave open — which fund, 年初
or adjusted budget, whether 比上年 compares with last year's budget or its outturn — is named in
`Relation.uncertain`, and the checks cap such a failure at a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePath

from parsers.model import (
    Block,
    CellRef,
    DocKind,
    Document,
    Figure,
    Role,
    Section,
    Table,
)
from parsers.numbers import MONEY_UNITS
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations import prose_table
from tui_review.relations.table_index import SEPARATOR, name_key

FIRST, SECOND = "a:", "b:"
RULE_BUDGET_FINAL = "cross.budget_final"
RULE_PREVIOUS_YEAR = "cross.previous_year"
RULE_TEXT_TABLES = "cross.text_tables"

# a fund named in a subject or its section, most specific first
FUNDS = (
    ("政府性基金", "政府性基金"),
    ("国有资本经营", "国有资本经营"),
    ("一般公共预算", "一般公共预算"),
    ("财政拨款", "财政拨款"),
)
FUND_WORDS = re.compile(r"一般公共预算|政府性基金预算?|国有资本经营预算?|财政拨款|拨款|安排的?")
ROLE_WORDS = re.compile(r"(?:年初|全年|调整后?)?(?:预算|决算|执行)数?|上年|本年度?|当年")
TRAILING_SPEND = re.compile(r"(?<=..)支出$")  # 因公出国（境）费支出 ≡ 因公出国（境）费, but 支出 alone stays
PUNCT = re.compile(r"[、，,：:“”\"'‘’\s]")
LEVEL_TAGS = re.compile(r"（(?:类|款|项)）")
TOTAL_COLUMN = re.compile(r"^(?:合计|小计|总计|金额|本年支出合计)$")
PART_COLUMN = re.compile(r"^(基本支出|项目支出|人员经费|公用经费)$")
OPENING_BUDGET = re.compile(r"年初预算")
ADJUSTED_BUDGET = re.compile(r"全年预算|调整(?:后)?预算|预算调整")
PREVIOUS_BUDGET = re.compile(r"上年预算")
PREVIOUS_OUTTURN = re.compile(r"上年(?:决算|执行|实际)")
MIN_KEY = 4  # a subject shorter than this (合计, 其中, 支出) names nothing on its own


# --------------------------------------------------------------------------- the pair as one document


def _copy_sections(section: Section, prefix: str, shift: int, parent: str) -> Section:
    copy = Section(prefix + section.id, section.title, section.marker, section.level + 1, section.start + shift,
                   section.end + shift, section.page, parent, [], [prefix + t for t in section.table_ids])
    copy.children = [_copy_sections(c, prefix, shift, copy.id) for c in section.children]
    return copy


def _copy_figure(fig: Figure, prefix: str, shift: int) -> Figure:
    cell = CellRef(prefix + fig.cell.table_id, fig.cell.row, fig.cell.col) if fig.cell is not None else None
    return replace(fig, id=prefix + fig.id, section_id=prefix + fig.section_id, cell=cell,
                   start=None if fig.start is None else fig.start + shift,
                   end=None if fig.end is None else fig.end + shift)


def _copy_table(table: Table, prefix: str, shift: int) -> Table:
    return replace(table, id=prefix + table.id, section_id=prefix + table.section_id,
                   start=None if table.start is None else table.start + shift,
                   end=None if table.end is None else table.end + shift)


def pair_document(first: Document, second: Document, *, second_prose: bool = True) -> Document:
    """Both documents as one: sections under a top section per file, ids prefixed ``a:`` / ``b:``.

    ``second_prose=False`` leaves the second document's prose figures out (a tables file whose
    prose is only headings and notes)."""
    shift = len(first.text) + 1
    pair = Document(path=first.path, sha256=f"{first.sha256}+{second.sha256}", text=first.text + "\n" + second.text,
                    kind=first.kind, year=first.year, department=first.department, unit=first.unit or second.unit,
                    title=first.title)
    for prefix, doc, offset in ((FIRST, first, 0), (SECOND, second, shift)):
        top = Section(prefix.rstrip(":"), f"《{PurePath(doc.path).name}》", "", 1, offset, offset + len(doc.text),
                      None, pair.root.id)
        top.children = [_copy_sections(c, prefix, offset, top.id) for c in doc.root.children]
        top.table_ids = [prefix + t for t in doc.root.table_ids]
        pair.root.children.append(top)
        pair.tables += [_copy_table(t, prefix, offset) for t in doc.tables]
        pair.blocks += [Block(b.kind, b.start + offset, b.end + offset, prefix + b.section_id, b.page,
                              None if b.table_id is None else prefix + b.table_id) for b in doc.blocks]
        keep_prose = prefix == FIRST or second_prose
        pair.figures += [_copy_figure(f, prefix, offset) for f in doc.figures if f.cell is not None or keep_prose]
    return pair


def _from(fig: Figure, prefix: str) -> bool:
    return fig.id.startswith(prefix)


# --------------------------------------------------------------------------- identities


def _fund_in(text: str) -> str:
    return next((fund for word, fund in FUNDS if word in text), "")


def fund_of(fig: Figure, pair: Document) -> str:
    """The fund a figure's subject names, else the nearest section that names one; "" if none."""
    for place in [fig.subject] + [s.title for s in reversed(pair.section_path(fig.section_id))]:
        if fund := _fund_in(place):
            return fund
    return ""


def subject_key(subject: str) -> tuple[str, str]:
    """A prose subject as (the quantity it names, the fund its own words name): no period or role
    words, no punctuation. ``一般公共预算拨款安排的三公经费支出`` → (三公经费, 一般公共预算)."""
    key = PUNCT.sub("", name_key(subject))
    fund = _fund_in(key)
    key = TRAILING_SPEND.sub("", ROLE_WORDS.sub("", FUND_WORDS.sub("", key)).strip("的"))
    return key.replace("收入支出总计", "收支总计"), fund


def _named(key: tuple[str, str]) -> bool:
    return len(key[0]) + len(key[1]) >= MIN_KEY and len(key[0]) >= 2


def _words_before(pair: Document, fig: Figure, width: int = 24) -> str:
    if fig.start is None:
        return ""
    clause = re.split(r"[。；;\n]", pair.text[max(0, fig.start - width) : fig.start])[-1]
    return clause


def _is_money(fig: Figure) -> bool:
    return fig.unit in MONEY_UNITS and bool(fig.text.strip())


def _current(fig: Figure, kind: DocKind) -> bool:
    """A figure of its document's own period and kind (a 预算's budget, a 决算's outturn)."""
    if fig.role == Role.AMOUNT:
        return True
    return fig.role == (Role.BUDGET if kind == DocKind.BUDGET else Role.ACTUAL)


def _unique(figs: list[Figure]) -> Figure | None:
    """The one figure a key names; None when the document states different values under it."""
    if not figs or len({(f.value, f.unit) for f in figs}) > 1:
        return None
    return figs[0]


def _prose_index(pair: Document, prefix: str, keep) -> dict[tuple[str, str], list[Figure]]:
    index: dict[tuple[str, str], list[Figure]] = {}
    for fig in pair.figures:
        if not _from(fig, prefix) or fig.start is None or not _is_money(fig) or not keep(fig):
            continue
        key = subject_key(fig.subject)
        if _named(key):
            index.setdefault(key, []).append(fig)
    return index


def _match(index: dict[tuple[str, str], list[Figure]], fig: Figure, pair: Document) -> tuple[Figure | None, list[tuple[str, str]]]:
    """The other document's figure for the quantity ``fig`` names, with what is uncertain about it.

    The same subject under another fund's name is a candidate only when the funds may coincide
    (财政拨款 and 一般公共预算: a warning at most); two different funds are two quantities."""
    key = subject_key(fig.subject)
    other = _unique(index.get(key, []))
    if other is None:
        near = [figs for (k, f), figs in index.items() if k == key[0] and f != key[1]]
        other = _unique(near[0]) if len(near) == 1 else None
    if other is None:
        return None, []
    mine, theirs = fund_of(fig, pair), fund_of(other, pair)
    if mine == theirs:
        return other, []
    if {mine, theirs} - {"", "财政拨款", "一般公共预算"}:
        return None, []  # 政府性基金 / 国有资本经营 against another fund: not one quantity
    return other, [(f"资金范围不同（{mine or '未说明'} / {theirs or '未说明'}）",
                    f"the funds named differ ({mine or 'none'} / {theirs or 'none'})")]


def _column_class(column: str) -> str:
    """``合计`` or a named part (基本支出 …) of a column path, ignoring period words; "" otherwise."""
    parts = column.split(SEPARATOR)
    for part in reversed(parts):
        part = ROLE_WORDS.sub("", name_key(part))
        if not part and len(parts) == 1:
            return "合计"  # a lone period column (年初预算数, 决算数) is the row's total
        if TOTAL_COLUMN.match(part):
            return "合计"
        if m := PART_COLUMN.match(part):
            return m.group(1)
    return ""


def table_key(table: Table) -> str:
    """The standard kind, else the title without ordinal and period words (一、…支出预算表 ≡ …支出决算表)."""
    if table.kind:
        return table.kind
    title = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*", "", name_key(table.title))
    return ROLE_WORDS.sub("", re.sub(r"^\d{4}年度?", "", title))


def _table_index(pair: Document, prefix: str, keep) -> dict[tuple[str, str, str], list[Figure]]:
    kinds = {t.id: table_key(t) for t in pair.tables}
    index: dict[tuple[str, str, str], list[Figure]] = {}
    for fig in pair.figures:
        if not _from(fig, prefix) or fig.cell is None or not fig.code or not _is_money(fig) or not keep(fig):
            continue
        kind, column = kinds.get(fig.cell.table_id), _column_class(fig.column)
        if kind and column:
            index.setdefault((kind, fig.code, column), []).append(fig)
    return index


# --------------------------------------------------------------------------- relations


def _equal(rule: str, stated: Figure, other: Figure, zh: str, en: str, uncertain: tuple[str, str] | None = None) -> Relation:
    return Relation(rule=rule, kind=RelationKind.SUM, terms=[Term(other)], target=stated, word="",
                    label_zh=zh, label_en=en, section_id=stated.section_id, uncertain=uncertain)


def _names(pair: Document) -> tuple[str, str]:
    tops = pair.root.children
    return tops[0].title, tops[1].title


def budget_final(pair: Document) -> list[Relation]:
    """The 决算 (second)'s 年初预算 figures against the 预算 (first)'s figures."""
    budget_name, final_name = _names(pair)
    out: list[Relation] = []
    budget_prose = _prose_index(pair, FIRST, lambda f: _current(f, DocKind.BUDGET))
    for fig in pair.figures:
        if not _from(fig, SECOND) or fig.start is None or fig.role != Role.BUDGET or not _is_money(fig):
            continue
        words = _words_before(pair, fig)
        if ADJUSTED_BUDGET.search(words):
            continue  # an adjusted budget is not what the 预算 published
        if not _named(subject_key(fig.subject)):
            continue
        other, fund_doubts = _match(budget_prose, fig, pair)
        if other is None:
            continue
        doubts = []
        if not OPENING_BUDGET.search(words):
            doubts.append(("未写明是年初预算（可能是调整后预算）", "not stated to be the opening (年初) budget; it may be the adjusted one"))
        doubts += fund_doubts
        out.append(_equal(RULE_BUDGET_FINAL, fig, other,
                          f"{final_name}中的年初预算{fig.subject}应等于{budget_name}中的{other.subject}",
                          f"the opening budget {fig.subject} in {final_name} should equal {other.subject} in {budget_name}",
                          _joined(doubts)))
    out += _tables(pair, RULE_BUDGET_FINAL,
                   stated=lambda f: f.role == Role.BUDGET and bool(OPENING_BUDGET.search(f.column)),
                   other=lambda f: _current(f, DocKind.BUDGET),
                   zh="{b}中{code}的年初预算应等于{a}中的同一科目", en="the opening budget of {code} in {b} should equal the same item in {a}")
    out += _three_public(pair, RULE_BUDGET_FINAL,
                         stated=lambda f: f.role == Role.BUDGET and not ADJUSTED_BUDGET.search(f.column),
                         other=lambda f: _current(f, DocKind.BUDGET),
                         doubt=lambda f: None if OPENING_BUDGET.search(f.column) else _joined([(
                             "“三公”经费表的预算数未写明是年初预算（可能是全年预算）",
                             "the “三公” table's budget column is not stated to be the opening budget (it may be the full-year one)")]),
                         zh="{b}“三公”经费表中{code}的预算数应等于{a}中的同一项", en="the budget of {code} in the “三公” table of {b} should equal the same item in {a}")
    return out


def previous_year(pair: Document) -> list[Relation]:
    """The later document (second)'s 上年 figures against the earlier one (first)'s own figures."""
    early_name, late_name = _names(pair)
    kind = pair.kind
    early = _prose_index(pair, FIRST, lambda f: _current(f, kind))
    out: list[Relation] = []
    late_current: dict[str, list[Figure]] = {}
    late_changes: dict[str, list[Figure]] = {}
    for fig in pair.figures:
        if _from(fig, SECOND) and fig.start is not None and _is_money(fig):
            if _current(fig, kind):
                late_current.setdefault(fig.section_id, []).append(fig)
            elif fig.role == Role.CHANGE:
                late_changes.setdefault(fig.section_id, []).append(fig)
    for fig in pair.figures:
        if not _from(fig, SECOND) or fig.start is None or not _is_money(fig):
            continue
        if not _named(subject_key(fig.subject)):
            continue
        if fig.role == Role.PREVIOUS:
            words = _words_before(pair, fig)
            if kind == DocKind.BUDGET and PREVIOUS_OUTTURN.search(words):
                continue  # last year's outturn: last year's 预算 never printed it
            other, fund_doubts = _match(early, fig, pair)
            if other is None:
                continue
            out.append(_equal(RULE_PREVIOUS_YEAR, fig, other,
                              f"{late_name}中的上年{fig.subject}应等于{early_name}中的{other.subject}",
                              f"the previous year's {fig.subject} in {late_name} should equal {other.subject} in {early_name}",
                              _joined(_previous_doubts(words, kind) + fund_doubts)))
        elif fig.role == Role.CHANGE and fig.sign in (-1, 1):
            current = _stated_with(fig, late_current.get(fig.section_id, []), late_changes.get(fig.section_id, []))
            other, fund_doubts = _match(early, fig, pair) if current is not None else (None, [])
            if current is None or other is None:
                continue
            doubts = [("“比上年”的基数可能是上年预算，也可能是上年执行数", "a change “on last year” may be measured from last year's budget or its outturn")]
            doubts += fund_doubts
            out.append(Relation(rule=RULE_PREVIOUS_YEAR, kind=RelationKind.SUM, terms=[Term(current), Term(fig, -1)],
                                target=other, word="比上年", uncertain=_joined(doubts),
                                label_zh=f"{late_name}中的{current.subject}减去比上年的增减额，应等于{early_name}中的{other.subject}",
                                label_en=f"{current.subject} in {late_name} less its change on last year should equal "
                                         f"{other.subject} in {early_name}",
                                section_id=fig.section_id))
    out += _tables(pair, RULE_PREVIOUS_YEAR,
                   stated=lambda f: f.role == Role.PREVIOUS,
                   other=lambda f: _current(f, kind),
                   zh="{b}中{code}的上年数应等于{a}中的同一科目", en="the previous-year figure of {code} in {b} should equal the same item in {a}")
    out += _three_public(pair, RULE_PREVIOUS_YEAR, stated=lambda f: f.role == Role.PREVIOUS, other=lambda f: _current(f, kind),
                         doubt=lambda f: None,
                         zh="{b}“三公”经费表中{code}的上年数应等于{a}中的同一项", en="the previous-year {code} in the “三公” table of {b} should equal the same item in {a}")
    return out


def _previous_doubts(words: str, kind: DocKind) -> list[tuple[str, str]]:
    if kind == DocKind.BUDGET and not PREVIOUS_BUDGET.search(words):
        return [("未写明是上年预算数（可能是上年执行数）", "not stated to be last year's budget (it may be last year's outturn)")]
    if kind == DocKind.FINAL and not PREVIOUS_OUTTURN.search(words):
        return [("未写明是上年决算数", "not stated to be last year's final accounts")]
    return []


def _stated_with(change: Figure, candidates: list[Figure], changes: list[Figure]) -> Figure | None:
    """The current figure a change is stated against: the nearest one before it with its subject,
    when this change is the first after it (``减少100万元，减少9.52`` — a rate printed without its
    % — is a second change of the same figure, not another amount)."""
    if change.start is None:
        return None
    before = [f for f in candidates if f.start is not None and f.start < change.start
              and f.subject == change.subject and change.start - f.start < 120]
    if not before:
        return None
    current = before[-1]
    first = any(c is not change and c.start is not None and current.start < c.start < change.start for c in changes)  # type: ignore[operator]
    return None if first else current


def _tables(pair: Document, rule: str, *, stated, other, zh: str, en: str) -> list[Relation]:
    """Cells of the second document against cells of the first: same table kind, code and column."""
    first_name, second_name = _names(pair)
    first = _table_index(pair, FIRST, other)
    out = []
    for (kind, code, column), figs in _table_index(pair, SECOND, stated).items():
        mine, theirs = _unique(figs), _unique(first.get((kind, code, column), []))
        if mine is None or theirs is None:
            continue
        place = f"{code}（{column}）"
        out.append(_equal(rule, mine, theirs, zh.format(a=first_name, b=second_name, code=place),
                          en.format(a=first_name, b=second_name, code=f"{code} ({column})")))
    return out


# the items of a “三公” table, by a column path's segment (the table has no codes)
THREE_PUBLIC_ITEMS = (
    ("公务用车购置及运行维护费", re.compile(r"购置及运行")),
    ("因公出国（境）费", re.compile(r"因公出国")),
    ("公务接待费", re.compile(r"公务接待")),
    ("公务用车购置费", re.compile(r"^(?:公务用车)?购置费$")),
    ("公务用车运行维护费", re.compile(r"^(?:公务用车)?运行(?:维护)?费$")),
    ("“三公”经费", re.compile(r"^“?三公”?经费$")),
)


def three_public_item(column: str) -> str:
    """The “三公” item a column of a “三公” table prints (its 小计 / 合计 is its parent's), or ""."""
    segments = [ROLE_WORDS.sub("", name_key(p)) for p in column.split(SEPARATOR)]
    segments = [p for p in segments if p]
    if segments and segments[-1] in ("小计", "合计"):
        segments = segments[:-1]
    if not segments:
        return ""
    return next((item for item, pattern in THREE_PUBLIC_ITEMS if pattern.search(segments[-1])), "")


def _three_public(pair: Document, rule: str, *, stated, other, doubt, zh: str, en: str) -> list[Relation]:
    """The “三公” table of the second document against the first's, item by item."""
    first_name, second_name = _names(pair)
    kinds = {t.id: t.kind for t in pair.tables}

    def index(prefix: str, keep) -> dict[str, list[Figure]]:
        out: dict[str, list[Figure]] = {}
        for fig in pair.figures:
            if (_from(fig, prefix) and fig.cell is not None and kinds.get(fig.cell.table_id) == "three_public"
                    and _is_money(fig) and keep(fig) and (item := three_public_item(fig.column))):
                out.setdefault(item, []).append(fig)
        return out

    first = index(FIRST, other)
    out = []
    for item, figs in index(SECOND, stated).items():
        mine, theirs = _unique(figs), _unique(first.get(item, []))
        if mine is not None and theirs is not None:
            out.append(_equal(rule, mine, theirs, zh.format(a=first_name, b=second_name, code=item),
                              en.format(a=first_name, b=second_name, code=item), doubt(mine)))
    return out


def text_tables(pair: Document) -> list[Relation]:
    """The prose of the first (text) document bound to the cells of the second (tables) document."""
    text_name, tables_name = _names(pair)
    out = []
    for relation in prose_table.find(pair):
        figures = relation.figures()
        if not any(_from(f, FIRST) for f in figures) or not any(_from(f, SECOND) for f in figures):
            continue
        relation.rule = RULE_TEXT_TABLES
        relation.label_zh = f"{text_name}：{relation.label_zh}（表格见{tables_name}）"
        relation.label_en = f"{text_name}: {relation.label_en} (tables in {tables_name})"
        out.append(relation)
    return out


def _joined(doubts: list[tuple[str, str]]) -> tuple[str, str] | None:
    if not doubts:
        return None
    return "；".join(d[0] for d in doubts), "; ".join(d[1] for d in doubts)


FINDERS = {"budget_final": budget_final, "consecutive": previous_year, "text_tables": text_tables}


def find(link_kind: str, first: Document, second: Document) -> tuple[Document, list[Relation]]:
    """The pair as one document and the relations a link of ``link_kind`` states between them."""
    pair = pair_document(first, second, second_prose=link_kind != "text_tables")
    if link_kind == "text_tables":
        pair.kind = first.kind
    return pair, FINDERS[link_kind](pair)


__all__ = ["find", "pair_document", "subject_key"]
