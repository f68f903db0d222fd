"""The same quantity stated more than once must agree (rule ``repeat``), over a register of quantities.

Every prose money figure is entered in a register under a `Key`: its name (the subject without
clause words, `register.clean`; an alias the document establishes is entered under its canonical
name, `aliases.names`), its role in the document's period (a 预算 document's 年初预算 is its amount),
the base of a change (上年 vs 年初预算) and the stage of a previous figure. Parts of a list are
qualified by their list's head, so 人员经费's 其他交通费用 is not compared with 公用经费's. Statements
under one key with different values (rounding-aware, checked by `tui_review.checks`) fail.

Names the domain fixes (standard rows, 类/款/项) fail as errors when both identities are certain;
other names that still name one sum of money (`register.free_name`: "2022年大楼取暖费") are compared
only within one scope and never within one sentence, and fail at most as warnings saying so.
What keeps two statements of one name apart (level, place, body, year, fund) is `scopes`'.
Equal values under different names prove nothing and are never compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from parsers import lexicon
from parsers.model import Document, Figure, Role
from parsers.numbers import MONEY_UNITS, convert
from tui_review.contracts.relation import Relation, RelationKind, Term
from parsers.identity import Identity, identify, whole_funds
from tui_review.relations import aliases, register, scopes
from tui_review.relations.period import own_period
from tui_review.relations.text_marks import marks

# Names that denote one quantity wherever they are printed (the standard tables' row names);
# other subjects ("共涉及资金", "其他交通费用") can name different quantities in different places.
STANDARD_QUANTITIES = re.compile(
    r"(收入总计|支出总计|收入合计|支出合计|基本支出|项目支出|人员经费|公用经费|三公经费|因公出国（境）费|公务用车购置及运行维护费|"
    r"公务用车购置费?|公务用车运行维护费|公务接待费|机关运行经费|机构运行经费|政府采购支出总额|年初结转和结余|年末结转和结余|上年结转结余|"
    r"一般公共预算财政拨款支出|一般公共预算拨款收入|政府性基金预算财政拨款支出|国有资本经营预算财政拨款支出)$"
)
CLASSIFIED = re.compile(r"（(?:类|款|项)）|(?:类|款|项)$")
LEVEL_MARK = re.compile(r"（(?:类|款|项)）|(?<=[\u4e00-\u9fff])(?:类|款|项)$")
PERIOD_ZH = {"amount": "本期", "budget": "预算", "actual": "决算", "previous": "上年", "change": "增减额"}
REPEAT_ROLES = (Role.AMOUNT, Role.BUDGET, Role.ACTUAL, Role.PREVIOUS, Role.CHANGE)


def subject_key(subject: str) -> str:
    key = LEVEL_MARK.sub("", subject)
    key = re.sub(r"[（）]", "", key)
    key = EXPENSE_SUFFIX.sub("", key)  # 公务接待费预算支出 ≡ 公务接待费: the stage is the key's period
    key = re.sub(r"(支出|拨款)$", "", key)
    return key


def _period(doc: Document, f: Figure) -> str:
    return own_period(doc.kind, f).value


def _base(text: str, anchor: Figure, role: Role) -> str:
    """What a change is measured against, or which previous figure it is: budget or actual.

    Read from the words before ``anchor`` (the figure itself, or the total of its list) in its
    sentence; "" when they do not say.
    """
    at = anchor.start
    if at is None:
        return ""
    stops = "。；;\n，," if role == Role.CHANGE and anchor.role == Role.CHANGE else "。；;\n"
    start = max(marks(text).last(stops, at) + 1, at - 240)
    words = text[start:at]
    previous = re.search(r"上年|去年|同期|(?:19|20)\d{2}\s*年", words)
    if role == Role.CHANGE and not previous:
        return "budget" if re.search(r"年初预算|预算数", words) else ""
    if re.search(r"执行数|决算|实际", words):
        return "previous-actual"
    if re.search(r"预算", words):
        return "previous-budget"
    return "previous" if role == Role.CHANGE and previous else ""


def find(doc: Document) -> list[Relation]:
    from tui_review.relations.prose_sections import part_heads

    list_heads = part_heads(doc)
    whole = whole_funds(doc)
    one_fund = "一般公共预算" in whole
    groups: dict[Key, list[Figure]] = defaultdict(list)
    shown: dict[Key, str] = {}  # the name a group's label shows
    for f in doc.figures:
        if f.start is None or f.unit not in MONEY_UNITS or f.role not in REPEAT_ROLES or register.one_of_several(doc, f):
            continue
        for name in aliases.names(register.clean(f.subject), one_fund):
            key = _register_key(doc, f, name, list_heads.get(f.start), whole)
            if key is not None:
                groups[key].append(f)
                shown.setdefault(key, name if key.free or name in aliases.CANONICAL else f.subject)
    out: list[Relation] = []
    seen: set[tuple[str, str]] = set()
    for key, figs in groups.items():
        free, name, period = key.free, shown[key], key.period
        first = figs[0]
        for other in figs[1:]:
            if other.value == first.value and other.unit == first.unit and other.sign == first.sign:
                continue  # identical statements: nothing to check, and no noise
            if (first.id, other.id) in seen or free and register.same_sentence(doc, first, other):
                continue
            if first.code and other.code and first.code != other.code:
                continue  # two 科目 of one name (其他支出 under two 款): two quantities
            if _identity(doc, first).surely_other(_identity(doc, other), whole) or scopes.levels_differ(doc, first, other) \
                    or scopes.heading_years_differ(doc, first, other) or scopes.insurance_funds_differ(doc, first, other):
                continue  # 收入合计 of the 一般公共预算 section and of the 政府性基金 one; 全市 and 市本级
            seen.add((first.id, other.id))
            out.append(
                Relation(
                    rule="repeat",
                    kind=RelationKind.SUM,
                    target=other,
                    terms=[Term(first, 1)],  # changes compare as signed values
                    word="重复",
                    label_zh=f"“{name}”（{PERIOD_ZH.get(period, period)}）多处表述应相同",
                    label_en=f"“{name}” ({period}) must be the same wherever stated",
                    section_id=other.section_id,
                    uncertain=_uncertainty(doc, first, other, whole, name if free else None),
                )
            )
    return out


class Key(NamedTuple):
    """A quantity of the register: statements with one key state one quantity."""

    free: bool  # a name the domain does not fix (not a standard row, not a 类/款/项)
    qualifier: str  # the total a listed part belongs to ("" when none or the department's own)
    name: str  # the name without level marks and a closing 支出/拨款 (`subject_key`)
    period: str  # the figure's role in the document's period (`own_period`)
    base: str  # a change's base, a previous figure's stage ("" when not needed)
    scope: tuple[tuple[str, ...], tuple[str, ...]]  # free names: funds and parts of the place


def _standard(name: str) -> bool:
    """A standard row's name, also with the 支出 an expense item is often stated with (因公出国（境）费支出,
    公务接待费预算支出)."""
    return bool(STANDARD_QUANTITIES.search(name) or STANDARD_QUANTITIES.search(EXPENSE_SUFFIX.sub("", name)))


EXPENSE_SUFFIX = re.compile(r"(?<=费)(?:预算|决算)?支出$")


def _register_key(doc: Document, f: Figure, name: str, head: Figure | None, whole: frozenset[str]) -> Key | None:
    """Where ``f``, stated under ``name``, is entered in the register (None: a name that does not
    denote one quantity wherever it is printed)."""
    key = subject_key(name)
    unique = bool(CLASSIFIED.search(name) or f.code)  # a 类/款/项 name is unique
    if name in aliases.LOOSE:
        free = True
    elif _standard(name) or name in aliases.CANONICAL or len(key) >= 4 and unique:
        free = False
    elif register.free_name(name):
        free = True
    else:
        return None
    # other names are qualified by the total they are listed under
    # a department total (一般公共预算财政拨款支出 …) listed under a side's total is the department's
    unique = unique or name in aliases.DEPARTMENT_TOTALS and head is not None and SIDE_TOTAL.match(register.clean(head.subject)) is not None
    qualifier = _qualifier(doc, head) if head is not None and not unique and not _whole(head) else ""
    if head is None and free:
        qualifier = scopes.named_breakdown(doc.text, f)
    base = ""
    if f.role in (Role.CHANGE, Role.PREVIOUS):
        base = _base(doc.text, head if head is not None else f, f.role)
        if not base and not (free and f.role == Role.PREVIOUS):
            return None  # the words do not say what it is measured against: not comparable
    elif f.role == Role.BUDGET and scopes.ADJUSTED_BUDGET.search(scopes.own_clause(doc.text, f)):
        base = "adjusted"  # 年初预算 32.4 亿元，调整预算数 31.5 亿元: two budgets of one quantity
    scope: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    if free:  # a free name is compared only within one scope (fund and part of the spending)
        identity = f.identity or identify(doc, f)
        funds = tuple(sorted(identity.funds - whole)) or tuple(sorted(set(scopes.paragraph_fund(doc, f)) - whole))
        scope = (funds, tuple(sorted(identity.parts)))
    if unique and key.endswith("费"):
        key += "（款）"  # the 经济分类 款 公务接待费 (of one kind of spending) is not the “三公” item of that name
    return Key(free, qualifier, key, _period(doc, f), base, scope)


# a department's own grand total (本年支出合计, 支出预算总计, 省检察院本年收入合计 …): its parts are the
# department's, as a part stated on its own is
GRAND_TOTAL = re.compile(r"^(?:[^\d（）]{0,12}?本年|部门)?(?:收入|支出)(?:预算|决算)?(?:总计|合计)$")


# a side's total: "本部门预算支出 X 万元，其中一般公共预算拨款支出…", "财政拨款收入 X 万元，其中…"
SIDE_TOTAL = re.compile(r"^(?:本部门|部门)?(?:本年)?(?:预算|决算)?(?:财政拨款)?(?:收入|支出)(?:预算|决算)?(?:总计|合计)?$")


def _whole(head: Figure) -> bool:
    return bool(GRAND_TOTAL.match(subject_key(head.subject))) and not lexicon.words_in(head.subject, lexicon.FUNDS)


def _qualifier(doc: Document, head: Figure) -> str:
    """What a listed part is a part of: its total's value (in 万元) and period. Two lists whose
    totals agree break down one quantity whatever each calls it (支出预算总计 / 本年支出合计), and
    totals that differ keep their parts apart (人员经费's 其他交通费用 is not 公用经费's); a balanced
    budget's equal income and spending totals are kept apart by their side."""
    value = convert(head.value, head.unit, "万元") if head.unit in MONEY_UNITS else head.value
    side = "收入" if "收" in head.subject and "支" not in head.subject else "支出" if "支" in head.subject else ""
    return f"{side}/{value.normalize()}/{head.unit in MONEY_UNITS}/{_period(doc, head)}"


def _uncertainty(
    doc: Document, a: Figure, b: Figure, whole: frozenset[str], free_name: str | None = None
) -> tuple[str, str] | None:
    """Why two statements of one name may still be two quantities (None: certainly one). Fund
    words the document makes immaterial (``whole``) are left out of the comparison; ``free_name``:
    the name is not one the domain fixes (not a standard row, not a 类/款/项)."""
    why = _identity(doc, a).why_not_same(_identity(doc, b), whole)
    if why is not None:
        return why
    sec_a, sec_b = doc.section(a.section_id), doc.section(b.section_id)
    if sec_a is not None and sec_b is not None and sec_a is not sec_b and sec_a.parent_id == sec_b.parent_id and _heading_name(sec_a.title) == _heading_name(sec_b.title):
        return ("两个并列标题名称相同而数字不同，标题中的科目名称可能不完整",
                "two sibling headings carry the same name with different figures: the name may be incomplete")
    levels = {scopes.level(doc, a), scopes.level(doc, b)}
    if len(levels) == 2 and "" in levels:
        named = {"全": "全辖区"}.get("".join(levels), "".join(levels))
        return (f"一处写明是{named}的数，另一处未写明范围（可能是另一级次或全辖区的数）",
                f"one statement is stated to be of {named}, the other names no level or place: it may be another level's or the whole region's")
    if a.subject_from_before or b.subject_from_before:
        return ("一处所在的句子没有写明名称，名称取自更前面的句子（中间隔着别的句子），可能说的是另一个数",
                "one statement's sentence names nothing: its name comes from an earlier sentence past another one, and it may state another amount")
    if register.reason_without_period(doc, a) or register.reason_without_period(doc, b):
        return ("一处位于原因说明中且未写明年度，可能说的是上年的数",
                "one statement stands in a reason clause that names no year: it may be last year's amount")
    if free_name in aliases.LOOSE:
        return (f"“{free_name[2:]}”未写明是总计还是本年合计（两者相差结转结余），两处可能说的是不同的数",
                f"“{free_name[2:]}” does not say whether it is the 总计 or the year's 合计 (they differ by the carry-over)")
    if free_name is not None:
        return (f"“{free_name}”不是标准科目或表格行名称，两处可能说的是不同的数",
                f"“{free_name}” is no standard subject or table row: the two places may state different amounts")
    return None


def _identity(doc: Document, f: Figure) -> Identity:
    return f.identity or identify(doc, f)


def _heading_name(title: str) -> str:
    """A heading's name without the figures it states (``…（款）支出 1326.81 万元`` → ``…（款）支出``)."""
    return re.sub(r"[\d,，.．]+\s*(?:万元|亿元|元)?.*$", "", re.sub(r"\s+", "", title))
