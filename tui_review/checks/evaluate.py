"""Evaluate one `Relation` against the printed figures: a `Finding` that shows its arithmetic.

Every figure stands for the interval its printed decimals allow (`intervals`). A relation fails
only when no values inside those intervals satisfy it; it holds "only thanks to rounding" when
the printed values themselves disagree but the intervals meet (verdict ``rounding``: it
holds). Guards against false alarms:

- a blank figure is unknown: the relation holds if it closes with the blank read as 0, otherwise
  it is not checked (verdict ``unchecked``), never an error;
- a total smaller than its largest part (all parts positive), or figures in units that cannot be
  compared, mean the wrong figure was bound: rule ``binding`` (info), not an inconsistency;
- a ratio whose denominator may be 0 cannot be checked, except that one stated as 100% over a
  base printed as 0 (or marked ``Relation.zero_base``) is a zero-base warning (a note for a growth
  rate: an item new this year), and a rate no value of the base can give (it lies between the
  quotient's two branches, `intervals.ratio_gap`) a warning;
- a relation with another reading the words allow (``Relation.alternative``) is reported only
  when neither reading holds.

Messages (Chinese and English) name each figure and print the sum or quotient with its
tolerance, so a reviewer can redo the arithmetic without opening the document.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import PurePath

from parsers.model import Document, Figure, Severity
from tui_review.checks import figures as F
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.checks.ids import relation_id
from tui_review.checks.outcome import Operands, Outcome
from tui_review.checks.intervals import (
    PERCENT,
    SIGNED_ROLES,
    Interval,
    compatible,
    quantize,
    quotient,
    ratio_gap,
    ratio_range,
    rounding_set,
    rounds_to,
)
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.config import Rule

BINDING_RULE = "binding"
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_SIGN_WORDS = {1: ("增加", "an increase"), -1: ("减少", "a decrease"), 0: ("持平", "no change")}


def evaluate(relation: Relation, doc: Document, rule: Rule) -> Finding:
    """The verdict on ``relation`` under ``rule`` (its severity and tolerances) — or, when it
    fails and another reading the words allow holds (its chain of alternatives), that reading's
    (under the claim's id)."""
    outcome = _outcome(relation, doc, rule)
    reading = relation.alternative
    while not outcome.verdict.holds and reading is not None:
        other = _outcome(reading, doc, rule)
        if other.verdict.holds:
            return replace(_finding(reading, doc, rule, other), finding_id=relation_id(relation, doc))
        reading = reading.alternative
    return _finding(relation, doc, rule, outcome)


def _outcome(relation: Relation, doc: Document, rule: Rule) -> Outcome:
    if relation.kind is RelationKind.SUM:
        return _sum(relation, doc, rule)
    if relation.kind is RelationKind.RATIO:
        return _ratio(relation, doc, rule)
    return _direction(relation, doc, rule)


# --- helpers shared by the three kinds ---------------------------------------------------------


def _coefficients(terms: list[Term]) -> dict[str, int]:
    out: dict[str, int] = {}
    for term in terms:
        out[term.figure.id] = out.get(term.figure.id, 0) + term.coeff
    return out


def _unit(figures: list[Figure], doc: Document) -> str | None:
    return next((f.unit for f in figures if f.unit is not None), doc.unit)


def _incompatible(figures: list[Figure], unit: str | None) -> list[str]:
    units = sorted({f.unit for f in figures if f.unit is not None})
    return units if any(not compatible(u, unit) for u in units) else []


def _label(relation: Relation, rule: Rule, lang: str) -> str:
    own = relation.label_en if lang == "en" else relation.label_zh
    return own or rule.title(lang)


def _tolerance(rule: Rule, stated: Decimal) -> Decimal:
    return rule.abs_tolerance + rule.rel_tolerance * abs(stated)


def _term_text(term: Term, ops: Operands, lang: str, first: bool, show_place: bool) -> str:
    fig = term.figure
    value = F.printed(fig)
    text = f"{F.name(fig, lang)} {value if F.signed(fig) >= 0 or first else f'({value})'}"
    if fig.unit is not None and fig.unit != ops.unit:
        text += f" {fig.unit}"
    if show_place and F.location(fig):
        text += f" ({F.location(fig)})" if lang == "en" else f"（{F.location(fig)}）"
    if first:
        return f"−{text}" if term.coeff < 0 else text
    return f"{'+' if term.coeff > 0 else '−'} {text}"


def _expression(terms: list[Term], ops: Operands, lang: str, show_place: bool = False) -> str:
    return " ".join(_term_text(t, ops, lang, i == 0, show_place) for i, t in enumerate(terms))


def _bracketed(terms: list[Term], ops: Operands, lang: str) -> str:
    text = _expression(terms, ops, lang)
    return f"({text})" if len(terms) > 1 else text


def _unit_suffix(ops: Operands, figures: list[Figure]) -> str:
    mixed = any(f.unit is not None and f.unit != ops.unit for f in figures)
    return f" {ops.unit}" if mixed and ops.unit else ""


def _blank_names(blanks: list[Figure], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(F.name(f, lang) for f in blanks)


def _unchecked_blanks(label: tuple[str, str], blanks: list[Figure]) -> Outcome:
    return Outcome(
        Verdict.UNCHECKED,
        "",
        f"{label[0]}：{_blank_names(blanks, 'zh')} 为空白（数值未知），按 0 计算也不成立，无法核对",
        f"{label[1]}: {_blank_names(blanks, 'en')} blank (value unknown) and the relation does not close "
        "with 0, so it cannot be checked",
        cap=Severity.INFO,
    )


def _binding_units(label: tuple[str, str], units: list[str]) -> Outcome:
    return Outcome(
        Verdict.BINDING,
        "",
        f"{label[0]}：单位不可比（{'、'.join(units)}），可能取错了数字，未作一致性判断",
        f"{label[1]}: units cannot be compared ({', '.join(units)}): probably the wrong figure was bound; not judged",
        rule=BINDING_RULE,
        cap=Severity.INFO,
    )


def _blank_note(blanks: list[Figure], lang: str) -> str:
    if not blanks:
        return ""
    if lang == "en":
        return f" ({_blank_names(blanks, 'en')} blank, read as 0)"
    return f"（{_blank_names(blanks, 'zh')} 为空白，按 0 计）"


# --- SUM: target = Σ coeff·term ----------------------------------------------------------------


def _sum(relation: Relation, doc: Document, rule: Rule) -> Outcome:
    target = relation.target
    if target is None:
        raise ValueError(f"a {relation.rule} SUM relation needs a target figure")
    label = (_label(relation, rule, "zh"), _label(relation, rule, "en"))
    figures = [target] + [t.figure for t in relation.terms]
    unit = _unit(figures, doc)
    if units := _incompatible(figures, unit):
        return _binding_units(label, units)
    ops = Operands(figures, unit)
    computed, point = ops.combine(_coefficients(relation.terms))
    stated_box, stated_point = ops.boxes[target.id], ops.points[target.id]
    extra = _tolerance(rule, stated_point)
    holds = computed.widen(extra).intersects(stated_box)
    if relation.partial:  # the listed parts need only not exceed their total
        holds = holds or computed.lo - extra <= stated_box.hi
    allowance = computed.radius + stated_box.radius + extra
    gap = stated_point - point
    if ops.blanks and not holds:
        return _unchecked_blanks(label, ops.blanks)
    big = None if holds else _larger_part(relation, ops, stated_box)
    single = len(relation.terms) == 1
    lhs = {lang: _expression(relation.terms, ops, lang, show_place=single) for lang in ("zh", "en")}
    result = f"{ops.number(point)}{_unit_suffix(ops, figures)}"
    tol = ops.bound(allowance)
    allows_zh = "舍入及配置容差允许的" if extra else "舍入允许的"
    allows_en = "rounding and the configured tolerance allow" if extra else "rounding allows"
    head_zh = f"{label[0]}：{lhs['zh']} = {result}（±{tol}），"
    head_en = f"{label[1]}: {lhs['en']} = {result} (±{tol}); "
    stated_zh = f"所列{F.name(target)} {F.printed(target)}"
    stated_en = f"the stated {F.name(target, 'en')} {F.printed(target)}"
    if relation.partial and holds and not computed.widen(extra).intersects(stated_box):
        verdict = Verdict.HOLDS  # a partial list below its total: exactly what was claimed
        zh = f"{head_zh}不超过{stated_zh}（所列为部分项目）"
        en = f"{head_en}does not exceed {stated_en} (the items listed are a part)"
    elif relation.partial and not holds:
        verdict = Verdict.FAILS
        zh = f"{head_zh}超过{stated_zh}，超出 {ops.number(abs(gap))}（部分项目之和不应大于总数）"
        en = f"{head_en}exceeds {stated_en} by {ops.number(abs(gap))} (a part cannot exceed its total)"
    elif holds:
        verdict = Verdict.HOLDS if gap == 0 else Verdict.ROUNDING
        zh = f"{head_zh}与{stated_zh} 一致"
        en = f"{head_en}agrees with {stated_en}"
        if gap:
            zh += f"（相差 {ops.number(abs(gap))}，在{allows_zh}范围内）"
            en += f" (off by {ops.number(abs(gap))}, within what {allows_en})"
    else:
        verdict = Verdict.FAILS
        zh = f"{head_zh}与{stated_zh} 不一致，差 {ops.number(abs(gap))}（超出{allows_zh} ±{tol}）"
        en = f"{head_en}does not agree with {stated_en}: off by {ops.number(abs(gap))} (beyond the ±{tol} {allows_en})"
    zh += _blank_note(ops.blanks, "zh") + _cites(relation, "zh")
    en += _blank_note(ops.blanks, "en") + _cites(relation, "en")
    expected = f"{ops.number(point)} [{ops.bound(point - allowance)}, {ops.bound(point + allowance)}]"
    outcome = Outcome(verdict, expected, zh, en, stated_value=stated_point, expected_value=point, unit=ops.unit or "")
    return _smaller_than_a_part(outcome, target, big) if big is not None else outcome


def _smaller_than_a_part(outcome: Outcome, target: Figure, big: Figure) -> Outcome:
    """A total below one of its (positive) parts: a figure is wrong, or the wrong figure was bound
    (row, column or sentence) — which of the two the arithmetic cannot tell, so a warning."""
    outcome.zh += (
        f"；所列{F.name(target)} {F.printed(target)} 小于其组成部分{F.name(big)} {F.printed(big)}："
        "某个数字有误，或取错了数字（行、列或句子），故仅作警告"
    )
    outcome.en += (
        f"; the stated {F.name(target, 'en')} {F.printed(target)} is smaller than its part {F.name(big, 'en')} "
        f"{F.printed(big)}: a figure is wrong, or the wrong figure was bound (row, column or sentence), hence a warning"
    )
    outcome.cap = Severity.WARNING
    return outcome


def _larger_part(relation: Relation, ops: Operands, stated: Interval) -> Figure | None:
    """The largest part, when the stated total is an amount, every part is positive and the
    total is below it (changes may legitimately offset each other: never a binding problem)."""
    target = relation.target
    if target is None or target.role in SIGNED_ROLES:
        return None
    if len(relation.terms) < 2 or any(t.coeff != 1 for t in relation.terms):
        return None
    parts = [t.figure for t in relation.terms]
    if any(ops.boxes[f.id].lo <= 0 for f in parts):
        return None
    big = max(parts, key=lambda f: ops.boxes[f.id].lo)
    return big if stated.hi < ops.boxes[big.id].lo else None


def _cites(relation: Relation, lang: str) -> str:
    if not relation.cites:
        return ""
    return f" (glossary: {relation.cites})" if lang == "en" else f"（名词解释：{relation.cites}）"


# --- RATIO: target % = Σ terms ÷ Σ denominator × 100 -------------------------------------------


def _over_zero_base(label: tuple[str, str], name: tuple[str, str], stated_txt: str, den: tuple[str, str], new_item: bool) -> Outcome:
    """100% stated over a base printed as 0: meaningless, at most a warning — a note for a growth
    rate, where 增长 100% is the usual way to say an item is new this year."""
    return Outcome(
        Verdict.ZERO_BASE,
        "",
        f"{label[0]}：{name[0]} {stated_txt} 的基数 {den[0]} 为 0，以 0 为基数的百分比没有意义",
        f"{label[1]}: {name[1]} {stated_txt} is stated over a zero base ({den[1]}): "
        "a percentage over 0 is meaningless",
        cap=Severity.INFO if new_item else Severity.WARNING,
    )


def _rate_of_nothing(
    label: tuple[str, str], name: tuple[str, str], stated: tuple[str, Decimal], num: tuple[str, str], den: tuple[str, str]
) -> Outcome:
    """A rate other than 0% or 100% stated where both its numerator and its base are printed as 0
    (“0 万元，增加 0 万元，增长 8%”): read as nothing over nothing the rate can only be 0. A 0
    printed without decimals may stand for a small amount, so at most a warning."""
    stated_txt = stated[0]
    return Outcome(
        Verdict.FAILS,
        "0",
        f"{label[0]}：{num[0]} 与基数 {den[0]} 均为 0，所列{name[0]} {stated_txt} 没有来由"
        "（若所印的 0 确为 0，比率只能为 0%；0 也可能是舍入后的小额）",
        f"{label[1]}: {num[1]} and its base {den[1]} are both 0, so the stated {name[1]} {stated_txt} has no "
        "source (if the printed 0s are exactly 0 the rate can only be 0%; a 0 may also be a small amount rounded)",
        stated_value=stated[1],
        expected_value=Decimal(0),
        unit=PERCENT,
        cap=Severity.WARNING,
    )


def _ratio(relation: Relation, doc: Document, rule: Rule) -> Outcome:
    target = relation.target
    if target is None:
        raise ValueError(f"a {relation.rule} RATIO relation needs a target figure")
    label = (_label(relation, rule, "zh"), _label(relation, rule, "en"))
    operands = [t.figure for t in relation.terms + relation.denominator]
    unit = _unit(operands, doc)
    units = _incompatible(operands, unit)
    if target.unit not in (None, PERCENT):
        units = sorted({*units, target.unit, *(f.unit for f in operands if f.unit)})
    if units:
        return _binding_units(label, units)
    ops = Operands(operands, unit)
    num, den = _coefficients(relation.terms), _coefficients(relation.denominator)
    _, num_point = ops.combine(num)
    den_box, den_point = ops.combine(den)
    stated_p, places = F.signed(target), target.decimals
    stated_txt = f"{F.printed(target)}%"
    num_zh, num_en = _bracketed(relation.terms, ops, "zh"), _bracketed(relation.terms, ops, "en")
    den_zh, den_en = _bracketed(relation.denominator, ops, "zh"), _bracketed(relation.denominator, ops, "en")
    name_zh, name_en = F.name(target), F.name(target, "en")
    if den_point == 0 and num_point == 0 and stated_p not in (0, 100) and not ops.blanks:
        return _rate_of_nothing(label, (name_zh, name_en), (stated_txt, stated_p), (num_zh, num_en), (den_zh, den_en))
    nil_base = den_box.lo == den_box.hi == 0 and num_point != 0  # a base printed as an exact nil: no rate means anything
    if (den_point == 0 or relation.zero_base) and (stated_p == 100 or nil_base):
        return _over_zero_base(label, (name_zh, name_en), stated_txt, (den_zh, den_en), new_item=relation.rule == "growth")
    extra = _tolerance(rule, stated_p)
    computed = None if den_point == 0 or relation.zero_base else ratio_range(num, den, ops.boxes)
    if computed is None:
        gap = ratio_gap(num, den, ops.boxes)
        if gap is not None and not ops.blanks and _out_of_reach(gap.scale(100), stated_p, places, extra):
            return _beyond_reach(label, name_zh, name_en, stated_txt, (den_zh, den_en), gap.scale(100), ops)
        return _unchecked_denominator(label, name_zh, name_en, stated_txt, den_zh, den_en, ops.number(den_point))
    computed = computed.scale(100)
    holds = rounds_to(computed.widen(extra), stated_p, places)
    if ops.blanks and not holds:
        return _unchecked_blanks(label, ops.blanks)
    point = quotient(num_point * 100, den_point)
    shown = places + 2
    lo, hi = quantize(computed.lo, shown, ROUND_FLOOR), quantize(computed.hi, shown, ROUND_CEILING)
    value = F.number(quantize(point, shown))
    head_zh = f"{label[0]}：{num_zh} ÷ {den_zh} × 100 = {value}%（可能范围 {F.number(lo)}%～{F.number(hi)}%），"
    head_en = f"{label[1]}: {num_en} ÷ {den_en} × 100 = {value}% (range {F.number(lo)}% to {F.number(hi)}%); "
    if holds:
        verdict = Verdict.HOLDS if quantize(point, places) == stated_p else Verdict.ROUNDING
        zh = f"{head_zh}与所列{name_zh} {stated_txt} 一致"
        en = f"{head_en}agrees with the stated {name_en} {stated_txt}"
    else:
        verdict = Verdict.FAILS
        zh = f"{head_zh}与所列{name_zh} {stated_txt} 不一致：范围内没有数值四舍五入后等于 {stated_txt}"
        en = (f"{head_en}does not agree with the stated {name_en} {stated_txt}: nothing in the range rounds "
              f"to {stated_txt}")
    zh += _blank_note(ops.blanks, "zh") + _cites(relation, "zh")
    en += _blank_note(ops.blanks, "en") + _cites(relation, "en")
    half = Decimal(5).scaleb(-(places + 1))
    agree_lo = quantize(computed.lo - half, shown, ROUND_FLOOR)
    agree_hi = quantize(computed.hi + half, shown, ROUND_CEILING)
    expected = f"{F.number(quantize(point, places))} [{F.number(agree_lo)}, {F.number(agree_hi)}]"
    return Outcome(verdict, expected, zh, en, stated_value=stated_p, expected_value=quantize(point, places), unit=PERCENT)


def _out_of_reach(gap: Interval, stated: Decimal, places: int, extra: Decimal) -> bool:
    """Every value the stated rate may stand for (its rounding, widened by the rule's tolerance)
    lies strictly inside ``gap``."""
    target, _, _ = rounding_set(stated, places)
    target = target.widen(extra)
    return gap.lo < target.lo and target.hi < gap.hi


def _beyond_reach(
    label: tuple[str, str], name_zh: str, name_en: str, stated: str, den: tuple[str, str], gap: Interval, ops: Operands
) -> Outcome:
    """A base whose rounding reaches 0 leaves the rate unbounded, but not every value possible:
    between the two branches lies a range it cannot take. At most a warning (the base is near 0)."""
    lo, hi = F.number(quantize(gap.lo, 2, ROUND_CEILING)), F.number(quantize(gap.hi, 2, ROUND_FLOOR))
    return Outcome(
        Verdict.FAILS,
        f"≤ {lo} 或 ≥ {hi}",
        f"{label[0]}：基数 {den[0]} 在舍入范围内可能接近 0，比率只能不大于 {lo}% 或不小于 {hi}%，所列{name_zh} {stated} 不可能",
        f"{label[1]}: the base {den[1]} may be near 0 within rounding, so the rate is at most {lo}% or at least {hi}%; "
        f"the stated {name_en} {stated} is impossible",
        cap=Severity.WARNING,
    )


def _unchecked_denominator(
    label: tuple[str, str], name_zh: str, name_en: str, stated: str, den_zh: str, den_en: str, den_value: str
) -> Outcome:
    return Outcome(
        Verdict.UNCHECKED,
        "",
        f"{label[0]}：{name_zh} {stated} 的分母 {den_zh} = {den_value} 可能为 0，无法核对",
        f"{label[1]}: the denominator of {name_en} {stated}, {den_en} = {den_value}, may be 0; cannot be checked",
        cap=Severity.INFO,
    )


# --- DIRECTION: sign(Σ terms) = expected_sign ---------------------------------------------------


def _direction(relation: Relation, doc: Document, rule: Rule) -> Outcome:
    if relation.expected_sign not in (-1, 0, 1) or not relation.terms:
        raise ValueError(f"a {relation.rule} DIRECTION relation needs terms and an expected sign of -1, 0 or 1")
    label = (_label(relation, rule, "zh"), _label(relation, rule, "en"))
    expected_sign = relation.expected_sign
    figures = [t.figure for t in relation.terms]
    unit = _unit(figures, doc)
    if units := _incompatible(figures, unit):
        return _binding_units(label, units)
    ops = Operands(figures, unit)
    box, point = ops.combine(_coefficients(relation.terms))
    box = box.widen(_tolerance(rule, point))
    if expected_sign > 0:
        contradicted = box.hi <= 0
    elif expected_sign < 0:
        contradicted = box.lo >= 0
    else:
        contradicted = not box.contains(Decimal(0))
    if ops.blanks and contradicted:
        return _unchecked_blanks(label, ops.blanks)
    word_zh = relation.word or _SIGN_WORDS[expected_sign][0]
    word_en = f"“{relation.word}” ({_SIGN_WORDS[expected_sign][1]})" if relation.word else _SIGN_WORDS[expected_sign][1]
    head_zh = f"{label[0]}：{_expression(relation.terms, ops, 'zh')} = {ops.number(point)}（可能范围 {_range(box, ops)}），"
    head_en = f"{label[1]}: {_expression(relation.terms, ops, 'en')} = {ops.number(point)} (range {_range(box, ops)}); "
    point_sign = (point > 0) - (point < 0)
    if contradicted:
        verdict = Verdict.FAILS
        zh = f"{head_zh}与“{word_zh}”不符"
        en = f"{head_en}contradicts {word_en}"
    else:
        verdict = Verdict.HOLDS if point_sign == expected_sign else Verdict.ROUNDING
        zh = f"{head_zh}与“{word_zh}”相符" + ("" if verdict is Verdict.HOLDS else "（仅在舍入范围内）")
        en = f"{head_en}consistent with {word_en}" + ("" if verdict is Verdict.HOLDS else " (only within rounding)")
    zh += _blank_note(ops.blanks, "zh")
    en += _blank_note(ops.blanks, "en")
    return Outcome(verdict, f"{ops.number(point)} {_range(box, ops)}", zh, en, expected_value=point, unit=ops.unit or "")


def _range(box: Interval, ops: Operands) -> str:
    return f"[{ops.bound(box.lo)}, {ops.bound(box.hi)}]"


# --- the finding ---------------------------------------------------------------------------------


def _finding(relation: Relation, doc: Document, rule: Rule, outcome: Outcome) -> Finding:
    anchor = relation.target or relation.terms[0].figure
    section_id = relation.section_id or anchor.section_id
    evidence = [] if relation.target is None else [F.evidence(relation.target, doc, 0, "stated")]
    evidence += [F.evidence(t.figure, doc, t.coeff, "term") for t in relation.terms]
    evidence += [F.evidence(t.figure, doc, t.coeff, "denominator") for t in relation.denominator]
    severity = rule.severity_or(Severity.ERROR)
    if outcome.cap is not None and _RANK[outcome.cap] < _RANK[severity]:
        severity = outcome.cap
    zh, en = outcome.zh, outcome.en
    if relation.uncertain is not None and not outcome.verdict.holds:
        if _RANK[Severity.WARNING] < _RANK[severity]:
            severity = Severity.WARNING
        zh += f"（对应关系不确定：{relation.uncertain[0]}）"
        en += f" (binding uncertain: {relation.uncertain[1]})"
    return Finding(
        finding_id=relation_id(relation, doc),
        document=PurePath(doc.path).name,
        rule=outcome.rule or relation.rule,
        severity=severity,
        verdict=outcome.verdict,
        section=doc.section_label(section_id),
        section_id=section_id,
        place=Place.of_figure(anchor, doc),
        stated=F.stated(relation.target) if relation.target is not None else relation.word,
        expected=outcome.expected,
        message_zh=zh,
        message_en=en,
        stated_value=outcome.stated_value,
        expected_value=outcome.expected_value,
        unit=outcome.unit,
        evidence=evidence,
        figure_ids=tuple(dict.fromkeys(f.id for f in relation.figures())),
    )

