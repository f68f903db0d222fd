"""Ratios the prose states (rules ``completion`` and ``share``): 完成…的 % against actual ÷
budget, and 占 % against part ÷ total (the total printed in the 占 clause, else the list's head)."""

from __future__ import annotations

import re
from decimal import Decimal

from parsers.identity import whole_funds
from parsers.model import Figure, Role
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.prose_table import cell_for
from tui_review.relations.prose_context import Ctx, amount_completing, budget_and_actual, closes_bracket, end_of, money, ratio_relation, sentence_bounds, span, start_of
from tui_review.relations.partitions import one_partition, same_partition, total_of
from tui_review.relations.table_index import name_key
from tui_review.relations.text_marks import marks


def completions(ctx: Ctx) -> list[Relation]:
    out: list[Relation] = []
    for comp in ctx.figs:
        if comp.role != Role.COMPLETION:
            continue
        budget, actual = budget_and_actual(ctx, start_of(comp))
        if budget is None and (completed := actual or amount_completing(ctx, start_of(comp))) is not None \
                and (under := _change_from_budget(ctx, comp, completed)) is not None:
            out.append(_completion_over_implied_budget(comp, completed, under))
            continue
        if budget is None or actual is None or (budget.value == actual.value == comp.value == 0):
            continue
        name = actual.subject or comp.subject
        out.append(ratio_relation("completion", comp, actual, budget, "完成", f"{name} 完成率 = 决算 ÷ 预算", f"completion of {name} = actual ÷ budget"))
    return out



# “…比年初预算减少 537.35 万元”: a change measured against the budget
FROM_BUDGET = re.compile(r"(?:比|较|与)\s*(?:年初|全年|调整后?的?)?预算数?\s*(?:相比)?\s*[，,]?\s*(?:增加|减少|超支|节约)了?\s*$")


def _change_from_budget(ctx: Ctx, comp: Figure, actual: Figure) -> Figure | None:
    """The change of ``actual`` against its budget stated right after the completion rate, in its
    sentence (“收入 1205.11 万元，完成年初预算的 70%，比年初预算减少 537.35 万元”)."""
    text = ctx.doc.text
    _, s_end = sentence_bounds(text, start_of(comp))
    nxt = next((f for f in ctx.between(end_of(comp), s_end) if money(f)), None)
    if nxt is None or nxt.role != Role.CHANGE or nxt.unit != actual.unit:
        return None
    clause = text[max(end_of(comp), start_of(nxt) - 20) : start_of(nxt)]
    return nxt if FROM_BUDGET.search(clause) else None


def _completion_over_implied_budget(comp: Figure, actual: Figure, change: Figure) -> Relation:
    """完成率 = actual ÷ (actual ∓ the change against the budget): the budget is implied."""
    name = actual.subject or comp.subject
    return Relation(
        rule="completion", kind=RelationKind.RATIO, terms=[Term(actual, 1)], target=comp,
        denominator=[Term(actual, 1), Term(change, -1)], word="完成",
        label_zh=f"{name} 完成率 = 决算 ÷ （决算 ∓ 与预算的差额）", label_en=f"completion of {name} = actual ÷ (actual ∓ its difference from the budget)",
        section_id=comp.section_id,
    )


# “占“三公”经费的 18.85%”, “占基本支出预算 81.25%”: a share whose base is named in words, not
# printed in its clause
BASE_NAME = re.compile(r"占\s*(?P<name>[^，,；;。：:\d%％（）()]{2,24}?)\s*(?:的|比重为?|比例为?|(?<=合计|总计|总额|预算|支出|收入|经费))\s*$")


def shares(ctx: Ctx, heads: dict[int, Figure]) -> list[Relation]:
    out: list[Relation] = []
    text = ctx.doc.text
    for share in ctx.figs:
        if share.role != Role.SHARE:
            continue
        share_start = start_of(share)
        line_start = _last_stop(text, "\n；;。", share_start) + 1
        clause_start = _part_right_before(ctx, _last_stop(text, "，,；;。\n", share_start) + 1, share_start)
        own_name = _named_part(text, clause_start, share_start)
        part = next(
            (f for f in reversed(ctx.between(line_start, clause_start)) if money(f) and not closes_bracket(text, end_of(f), clause_start)
             and (not own_name or re.sub(r"[\s“”\"]", "", f.subject).startswith(own_name))),
            None,
        )  # “…非税收入 31625 万元，税收占…的比重为 71.1%”: the share names its part (税收收入), not the nearest amount
        if part is None:
            continue
        inside = ctx.between(clause_start, share_start)
        total = inside[-1] if inside else heads.get(start_of(part))
        if not inside and any(f.role == Role.SHARE for f in ctx.between(end_of(part), share_start)):
            total = None  # “占总支出的 0.4%，占省本级支出的 1.6%”: a second share of one part is over another base
        uncertain = None
        base_name = ""
        if total is None and not BASE_NAME.search(text, clause_start, share_start):
            total = _partition_total(ctx, part)
            if total is None and (siblings := _partition_siblings(ctx, share)):
                out.append(_share_of_partition(share, part, siblings))
                continue
        if total is None:
            named = BASE_NAME.search(text, clause_start, share_start)
            if named is None:
                continue
            total, part = _named_base(ctx, part, named.group("name")), _sharper(ctx, part)
            if total is None:
                if _names_partition_total(part, named.group("name")) and (siblings := _partition_siblings(ctx, share)):
                    out.append(_share_of_partition(share, part, siblings))
                continue
            base_name = named.group("name")
            uncertain = _scope_differs(ctx, share, total, base_name)
        if total is part:
            continue
        if inside and total.unit is None:
            total.unit = part.unit  # "占总收入（4,677,326.79）的": the bracketed total is in the part's unit
        name, base = part.subject or share.subject, base_name or total.subject
        rel = ratio_relation(
            "share", share, part, total, "占",
            f"{name} 占比 = {name} ÷ {base or '合计'}" + (f"（{base}取自《{_title(ctx, total)}》）" if total.cell else ""),
            f"share of {name} = {name} ÷ {base or 'total'}" + (f" ({base} from {_title(ctx, total)})" if total.cell else ""),
        )
        rel.uncertain = uncertain
        out.append(rel)
    return out


HARD_LINE_END = "。；;：:！？!?"  # a line ending in these ends its item; any other line break is a wrap


def _part_right_before(ctx: Ctx, clause_start: int, share_start: int) -> int:
    """Where the share's own words begin: after an amount 占 directly follows in its clause (“民生支出
    666.1 亿元占地方一般公共预算支出的 70.2%”: 666.1 is the part, not the base), else the clause's start."""
    text = ctx.doc.text
    zhan = text.rfind("占", clause_start, share_start)
    before = [f for f in ctx.between(clause_start, zhan) if money(f)] if zhan != -1 else []
    if before and re.fullmatch(r"\s*(?:[千万亿]?元)?\s*", text[end_of(before[-1]) : zhan]):
        return end_of(before[-1])
    return clause_start


# the name a share's own clause gives its part before 占 (“税收占地方一般公共预算收入的比重”)
OWN_PART = re.compile(r"^\s*(?:其中|另外|此外)?[:：]?\s*(?P<name>[\u4e00-\u9fff“”\"]{2,20}?)\s*(?:收入|支出)?\s*占")


def _named_part(text: str, clause_start: int, share_start: int) -> str:
    m = OWN_PART.match(text[clause_start:share_start])
    return re.sub(r"[“”\"]", "", m.group("name")) if m else ""


def _last_stop(text: str, stops: str, pos: int) -> int:
    """The last of ``stops`` before ``pos``, passing over line breaks that only wrap a sentence
    (“…占基本支出预算\n81.25%”: a text typeset with hard line breaks)."""
    at = marks(text).last(stops, pos)
    for _ in range(WRAPS):
        if at <= 0 or text[at] != "\n" or text[at - 1] in HARD_LINE_END or text[at - 1] == "\n":
            break
        at = marks(text).last(stops, at)
    return at


WRAPS = 2  # line breaks passed over at most


def _title(ctx: Ctx, cell: Figure) -> str:
    table = ctx.doc.table(cell.cell.table_id) if cell.cell else None
    return (table.title or table.id) if table is not None else ""


def _partition_total(ctx: Ctx, part: Figure) -> Figure | None:
    """The total of the standard partition ``part`` belongs to (the 三公 items' “三公”经费, 人员 and
    公用经费's 基本支出), printed before it in the same section in the part's period."""
    key = _key(part.subject)
    total_name = total_of(key)
    if total_name is None:
        return None
    sec = ctx.doc.section(part.section_id)
    start = sec.start if sec is not None else 0
    return next((f for f in reversed(ctx.between(start, start_of(part))) if money(f) and ctx.period(f) == ctx.period(part) and total_name.match(_key(f.subject))), None)


def _names_partition_total(part: Figure, name: str) -> bool:
    """“占“三公”经费的…” after a 三公 item: the base named is the total of the part's partition."""
    key = _key(part.subject)
    total = total_of(key)
    return total is not None and total.match(_key(name)) is not None


def _key(name: str) -> str:
    """A name as a base is matched: 本年支出预算合计 ≡ 本年支出合计, 全部项目支出预算 ≡ 项目支出."""
    key = re.sub(r"^(?:全部|所有)", "", name_key(name))
    key = re.sub(r"(?<=.)(?:预算|决算)(?=合计|总计|小计)", "", key)
    key = re.sub(r"(?<=预算)(?:财政)?拨款", "", key)  # 一般公共预算财政拨款基本支出 ≡ 一般公共预算基本支出
    return re.sub(r"(?:支出|拨款|预算|决算)+$", "", key)


def _partition_siblings(ctx: Ctx, share: Figure) -> list[Figure]:
    """“基本支出 a，占 x%；项目支出 b，占 y%；…” with no total printed: when the list gives
    every member of a standard partition its amount and share, the total is their sum. The
    amounts, each the one just before a share of the list; [] when they form no partition, or when
    an amount comes without its share."""
    s_start, s_end = _share_lines(ctx, start_of(share))
    members: list[Figure] = []
    shares: list[Figure] = []
    last = s_start
    for f in ctx.between(s_start, s_end):
        if f.role != Role.SHARE:
            continue
        f_start, f_end = span(f)
        amounts = [a for a in ctx.between(last, f_start) if money(a)]
        if len(amounts) != 1:
            return []  # an amount without its share (“占,88.19%” unread): the listed shares are not all
        members.append(amounts[0])
        shares.append(f)
        last = f_end
    if len(members) < 2 or len({m.unit for m in members}) != 1 or len({ctx.period(m) for m in members}) != 1:
        return []
    names = [m.subject for m in members]
    if one_partition(names) or (same_partition(names) and _whole(shares)):
        return members
    return []


def _whole(shares: list[Figure]) -> bool:
    """Do the stated shares add up to 100% within their printed rounding (the list names every
    member of an open partition, such as the income sources)?"""
    slack = sum((s.half_ulp for s in shares), Decimal(0))
    return abs(sum((s.value for s in shares), Decimal(0)) - 100) <= slack


LIST_LINES = 24  # lines a list of items may run over


def _share_lines(ctx: Ctx, pos: int) -> tuple[int, int]:
    """The run of lines around ``pos`` in which every line states an amount and its share (a list
    typeset one item a line, each closed by ；or 。), bounded."""
    text = ctx.doc.text
    start, end = _line(text, pos)
    for _ in range(LIST_LINES):
        if start < 1 or not _states_a_share(ctx, *_line(text, start - 1)):
            break
        start = _line(text, start - 1)[0]
    for _ in range(LIST_LINES):
        if end >= len(text) or not _states_a_share(ctx, *_line(text, end + 1)):
            break
        end = _line(text, end + 1)[1]
    return start, end


def _line(text: str, pos: int) -> tuple[int, int]:
    m = marks(text)
    end = m.next("\n", pos)
    return m.last("\n", pos) + 1, (len(text) if end == -1 else end)


def _states_a_share(ctx: Ctx, start: int, end: int) -> bool:
    figs = ctx.between(start, end)
    return any(f.role == Role.SHARE for f in figs) and any(money(f) for f in figs)


def _share_of_partition(share: Figure, part: Figure, members: list[Figure]) -> Relation:
    name = share.subject or part.subject
    return Relation(
        rule="share",
        kind=RelationKind.RATIO,
        terms=[Term(part, 1)],
        target=share,
        denominator=[Term(m, 1) for m in members],
        word="占",
        label_zh=f"{name} 占比 = {name} ÷ 所列各项之和（{'、'.join(m.subject for m in members)}构成全部）",
        label_en=f"share of {name} = {name} ÷ the sum of the items listed (together the whole)",
        section_id=share.section_id,
    )


def _named_base(ctx: Ctx, part: Figure, name: str) -> Figure | None:
    """The quantity a share's base names: the table cell that states it in the part's period,
    else the nearest amount of that name the prose printed before, in the part's period, that can
    hold the part."""
    cell = cell_for(ctx.doc, part, ctx.tables(), name)
    if cell is not None:
        return cell
    key = _key(name)
    earlier = ctx.between(0, start_of(part))
    s_start, _ = sentence_bounds(ctx.doc.text, start_of(part))
    sentence = ctx.doc.text[s_start : start_of(part)]
    return next((f for f in reversed(earlier) if money(f) and ctx.period(f) == ctx.period(part) and _names(f, key)
                 and not (f.unit == part.unit and f.value < part.value)  # a whole is never less than its part
                 and not _other_level(_key(f.subject), key, sentence)), None)


# a level of government a name may open with: 旗级, 市本级, 本级, 全盟, 全市 …
LEVEL = re.compile(r"(?:(?:省|市|州|盟|县|区|旗|镇|乡)本?级|本级|全(?:省|市|州|盟|县|区|旗|镇|乡))$")


def _other_level(own: str, key: str, sentence: str) -> bool:
    """The amount's name is the base's name under a level of government (旗级一般公共预算收入) that
    the share's sentence does not speak of (全盟一般公共预算收入中，税收收入…，占一般公共预算收入的…)."""
    level = LEVEL.search(own[: len(own) - len(key)]) if own.endswith(key) else None
    return level is not None and level.group(0) not in sentence


def _names(fig: Figure, key: str) -> bool:
    """A prose figure is the base named: by the same key; by the key after the department's name
    (省检察院本年支出预算合计 names 本年支出合计); or by the name without its fund when the figure
    stands where that fund is spoken of (基本支出 under 一般公共预算… names 一般公共预算基本支出)."""
    own = _key(fig.subject)
    if own == key or (len(key) >= 4 and own.endswith(key)):
        return True
    funds = fig.identity.funds if fig.identity is not None else frozenset()
    return any(key.startswith(fund) and key[len(fund) :] == own for fund in funds)


def _sharper(ctx: Ctx, part: Figure) -> Figure:
    """The table's statement of ``part`` when it is printed more precisely and agrees with the
    prose within rounding (110 万元 in the prose, 110.00 in the table: one quantity, whose value
    the table pins to ±0.005)."""
    cell = cell_for(ctx.doc, part, ctx.tables(), part.subject)
    if cell is None or cell.unit != part.unit or cell.decimals <= part.decimals:
        return part
    return cell if abs(cell.value - part.value) <= cell.half_ulp + part.half_ulp else part


def _scope_differs(ctx: Ctx, share: Figure, base: Figure, name: str) -> tuple[str, str] | None:
    """A base found by its name in another place is the share's own only when both places speak
    of the same funds (fund words the document makes immaterial aside)."""
    mine, theirs = share.identity, base.identity
    if mine is None or theirs is None:
        return None
    whole = whole_funds(ctx.doc)
    if mine.funds - whole == theirs.funds - whole:
        return None
    return (f"占比的基数“{name}”取自资金口径可能不同的另一处", f"the base “{name}” comes from a place whose funds may differ")
