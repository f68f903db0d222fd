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
from tui_review.relations import aliases, register
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
        if f.start is None or f.unit not in MONEY_UNITS or f.role not in REPEAT_ROLES:
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
            if _identity(doc, first).surely_other(_identity(doc, other), whole) or _levels_differ(doc, first, other) \
                    or _heading_years_differ(doc, first, other) or _insurance_funds_differ(doc, first, other):
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
        qualifier = _named_breakdown(doc.text, f)
    base = ""
    if f.role in (Role.CHANGE, Role.PREVIOUS):
        base = _base(doc.text, head if head is not None else f, f.role)
        if not base and not (free and f.role == Role.PREVIOUS):
            return None  # the words do not say what it is measured against: not comparable
    elif f.role == Role.BUDGET and ADJUSTED_BUDGET.search(_own_clause(doc.text, f)):
        base = "adjusted"  # 年初预算 32.4 亿元，调整预算数 31.5 亿元: two budgets of one quantity
    scope: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    if free:  # a free name is compared only within one scope (fund and part of the spending)
        identity = f.identity or identify(doc, f)
        funds = tuple(sorted(identity.funds - whole)) or _paragraph_fund(doc, f)
        scope = (funds, tuple(sorted(identity.parts)))
    if unique and key.endswith("费"):
        key += "（款）"  # the 经济分类 款 公务接待费 (of one kind of spending) is not the “三公” item of that name
    return Key(free, qualifier, key, _period(doc, f), base, scope)


ADJUSTED_BUDGET = re.compile(r"调整后?的?预算|预算调整|全年预算|变动后")


def _own_clause(text: str, f: Figure) -> str:
    at = f.start if f.start is not None else 0
    return text[max(marks(text).last("。；;\n，,", at) + 1, at - 40) : at]


def _paragraph_fund(doc: Document, f: Figure) -> tuple[str, ...]:
    """The budget fund the figure's paragraph names last before it, where its headings name none
    (one paragraph per fund, each closing with 收支相抵，年终结余 …)."""
    at = f.start if f.start is not None else 0
    paragraph = doc.text[max(marks(doc.text).last("\n", at) + 1, at - 400) : at]
    named = [(m.start(), fund) for fund, pattern in lexicon.FUNDS if fund != "财政拨款" for m in pattern.finditer(paragraph)]
    return (max(named)[1],) if named else ()


# “地方收入按构成分：税收收入 1035 万元…”: a breakdown whose total is named, not stated
NAMED_BREAKDOWN = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?)按[\u4e00-\u9fff]{1,6}分[:：]")


def _named_breakdown(text: str, f: Figure) -> str:
    """The total a breakdown opener of the figure's sentence names ("" when none): its parts are
    that total's, not the like-named parts of another total."""
    at = f.start if f.start is not None else 0
    named = list(NAMED_BREAKDOWN.finditer(text, max(marks(text).last("。\n", at) + 1, at - 200), at))
    return f"named/{named[-1].group('name')}" if named else ""


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
    levels = {_level(doc, a), _level(doc, b)}
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


# the level of government a figure is of, where its sentence or headings say: the whole region
# (全市：the city and its counties), the region's own level (市本级), or one place of it opening a
# clause on its revenue or spending (其中：鄞州区完成…；南昌县财政总收入…)
WHOLE_REGION = re.compile(r"全(?:省|市|州|盟|县|区|旗|镇|乡)")
OWN_LEVEL = re.compile(r"(?:省|市|州|盟|县|区|旗)?本级|(?:省|市|州|县|区)级(?!部门|单位)")
PLACE = re.compile(
    r"(?:^|(?<=[，,。；;：:\n]))\s*(?:其中[:：]?)?\s*(?P<place>(?!全)[\u4e00-\u9fff]{2,8}?(?:自治县|自治州|新区|园区|开发区|度假区|街道|区|县|市|镇|乡|旗|州|盟))"
    r"(?=完成|实现|财政(?!局|厅|所)|一般公共|地方|税收|收入|支出|累计)"
)

# another public body opening a clause on its money (a news page on several departments: 市旅游委，2015年
# “三公”经费…；市食药监局2015年“三公”经费…)
BODY = re.compile(
    r"(?:^|(?<=[，,。；;：:\n]))\s*(?:比如|例如|其中[:：]?)?\s*(?P<body>[\u4e00-\u9fff]{2,10}?(?:局|委员会|委|厅|办公室|办|院|中心))"
    r"\s*[，,]?\s*(?=(?:19|20)\d{2}\s*年|[“\"]?三公|财政拨款|部门|本年)"
)


def _own_body(doc: Document, body: str) -> bool:
    """The document's own department (named in its title or as its department), not another body."""
    own = (doc.department or "") + doc.title
    return body in own or bool(doc.department and doc.department in body)


def _level(doc: Document, f: Figure) -> str:
    """"全", "本级" or a place's name: the level its paragraph names last before the figure, else
    the headings above it; "" when nothing names one."""
    text = doc.text
    start = f.start or 0
    paragraph = text[max(marks(text).last("\n", start) + 1, start - 400) : start]
    named = [(m.start(), "全") for m in WHOLE_REGION.finditer(paragraph)] + [(m.start(), "本级") for m in OWN_LEVEL.finditer(paragraph)]
    named += [(m.start("place"), m.group("place")) for m in PLACE.finditer(paragraph)]
    named += [(m.start("body"), m.group("body")) for m in BODY.finditer(paragraph) if not _own_body(doc, m.group("body"))]
    if named:
        return max(named)[1]  # the level named last before the figure in its paragraph
    sec = doc.section(f.section_id)
    while sec is not None and sec.title:
        whole, own = WHOLE_REGION.search(sec.title), OWN_LEVEL.search(sec.title)
        if whole and not own:
            return "全"
        if own and not whole:
            return "本级"
        sec = doc.section(sec.parent_id) if sec.parent_id else None
    return ""


def _levels_differ(doc: Document, a: Figure, b: Figure) -> bool:
    la, lb = _level(doc, a), _level(doc, b)
    return bool(la and lb and la != lb)


def _heading_year(doc: Document, f: Figure) -> int | None:
    """The year the nearest heading above the figure that names one names."""
    sec = doc.section(f.section_id)
    while sec is not None and sec.title:
        years = set(lexicon.PERIOD_YEAR.findall(sec.title))
        if len(years) == 1:
            return int(years.pop())
        if years:
            return None  # a heading naming two years (2024年与2023年对比) says nothing of one figure
        sec = doc.section(sec.parent_id) if sec.parent_id else None
    return None


def _heading_years_differ(doc: Document, a: Figure, b: Figure) -> bool:
    """“二、2014年…执行情况” and “三、2015年…安排情况”: figures under headings of two years — or
    items naming two years (“2010年预算数 2711.65 万元、决算数 2488.79 万元，2011年预算数
    2687.06 万元”)."""
    ya, yb = _item_year(doc, a) or _heading_year(doc, a), _item_year(doc, b) or _heading_year(doc, b)
    return ya is not None and yb is not None and ya != yb


def _item_year(doc: Document, f: Figure) -> int | None:
    """The year named last before the figure in its sentence, where one is (not a comparison's
    base: 比2017年…)."""
    text = doc.text
    start = f.start or 0
    s_start = max(marks(text).last("。\n", start) + 1, start - 200)
    years = [m for m in lexicon.PERIOD_YEAR.finditer(text, s_start, start) if not re.search(r"(?:比|较|与|同)\s*$", text[max(0, m.start() - 3) : m.start()])]
    return int(years[-1].group(1)) if years else None


# a social insurance fund a paragraph speaks of: 全国社会保险基金, 企业职工基本养老保险基金, 失业保险基金 …
INSURANCE_FUND = re.compile(r"[\u4e00-\u9fff]{0,10}(?:保险|养老|医疗|失业|工伤|生育)[\u4e00-\u9fff]{0,6}基金")


def _insurance_fund(doc: Document, f: Figure) -> str:
    """The social insurance fund named last before the figure in its paragraph; "" when none."""
    start = f.start or 0
    found = INSURANCE_FUND.findall(doc.text, max(marks(doc.text).last("\n", start) + 1, start - 400), start)
    return found[-1] if found else ""


def _insurance_funds_differ(doc: Document, a: Figure, b: Figure) -> bool:
    """“本年收支结余 5086 亿元” of all the funds and “企业职工基本养老保险基金…本年收支结余 2371 亿元”:
    statements about two funds."""
    fa, fb = _insurance_fund(doc, a), _insurance_fund(doc, b)
    return bool(fa) and bool(fb) and fa != fb


def _identity(doc: Document, f: Figure) -> Identity:
    return f.identity or identify(doc, f)


def _heading_name(title: str) -> str:
    """A heading's name without the figures it states (``…（款）支出 1326.81 万元`` → ``…（款）支出``)."""
    return re.sub(r"[\d,，.．]+\s*(?:万元|亿元|元)?.*$", "", re.sub(r"\s+", "", title))
