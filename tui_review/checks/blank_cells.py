"""Blank table cells: read as 0 where the table confirms it, reported where a figure is missing.

**Confirmed zeros.** A relation with a blank cell that does not close with the blank read as 0 is
"not checked" by the evaluator (the blank might hide a figure). When another relation of the
tables holds with that very blank as 0 (a 项目支出 column whose 款 = Σ 项 adds up with the blank
行政运行 cell), the table itself says the blank is 0: `read_as_zero` evaluates the relation again
with it as 0, so a slip elsewhere in the relation is found (``一般行政管理事务: 合计 129.63 =
基本支出 (blank) + 项目支出 129.23``), and the message says why the blank was read as 0.

**Missing figures** (rule ``table.blank``).

In these tables a blank cell usually means 0, and a relation that closes with the blank read as 0
holds (`evaluate`). When it does not close — the 合计 is larger than its other parts by some D, or
a blank 合计 stands over parts that add up to D — the table is inconsistent whichever way it is
read: either the blank cell lacks its figure (D) or another figure of the relation is wrong. The
evaluator keeps such a relation as "not checked" (a note); this check says, for each blank cell,
what figure the table's own arithmetic asks of it, as a warning:

- every relation through the cell must ask for the same value (within the rounding of the printed
  figures); when two or more do, the message says so — the figure is then missing for certain;
- the value asked must be positive (a negative one is no missing amount: something else is wrong);
- only relations within or between tables (``table.*``) whose identities are certain, and with no
  other blank that fails to close, are read.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import PurePath

from parsers import lexicon
from parsers.model import Document, Figure, Severity
from parsers.numbers import parse_cell
from tui_review.checks import figures as F
from tui_review.checks.evaluate import evaluate
from tui_review.checks.ids import digest
from tui_review.config import Config, Rule
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.contracts.relation import Relation, RelationKind, Term

RULE = "table.blank"


@dataclass(slots=True)
class _Ask:
    """What one relation asks of a blank cell: a value, within a rounding slack."""

    relation: Relation
    value: Decimal
    slack: Decimal


def _ask(relation: Relation, zeros: set[str]) -> tuple[Figure, _Ask] | None:
    """The one blank cell of a failing table relation and the value it would need, or None; the
    other blanks must be ``zeros`` (blanks the tables read as 0)."""
    target = relation.target
    if target is None or relation.kind != RelationKind.SUM or relation.partial or relation.uncertain is not None:
        return None
    figures = relation.figures()
    blanks = [f for f in figures if F.is_blank(f) and f.id not in zeros]
    if len(blanks) != 1 or blanks[0].cell is None or len({f.unit for f in figures}) != 1:
        return None
    blank = blanks[0]
    slack = sum((f.half_ulp for f in figures if not F.is_blank(f)), Decimal(0))
    parts = sum((t.figure.value * t.coeff for t in relation.terms if t.figure is not blank), Decimal(0))
    if blank is target:
        return blank, _Ask(relation, parts, slack)
    coeff = next(t.coeff for t in relation.terms if t.figure is blank)
    return blank, _Ask(relation, (target.value - parts) * coeff, slack)


def _structurally_empty(doc: Document, fig: Figure) -> bool:
    """A blank in a column or a row with no figure at all: the table prints nothing there (a
    category that does not occur, a wrapped label's second line, a spacer column)."""
    cell = fig.cell
    table = doc.table(cell.table_id) if cell is not None else None
    if cell is None or table is None:
        return True
    row, col = cell.row, cell.col
    column = [r[col] for r in table.rows if col < len(r)]
    if not any(parse_cell(c) for c in column):
        return True
    cells = table.rows[row]
    return not any(parse_cell(c) for c in cells) and not TOTAL_ROW.search("".join(c.strip() for c in cells))


# a row named as a total (收入总计, 一般公共预算资金 小计) is no wrapped label's second line: blank
# all along, it still misses its figure
TOTAL_ROW = re.compile(rf"\S(?:{lexicon.TOTAL_WORDS})$|{lexicon.TOTAL_ONLY.pattern}")


def _agree(asks: list[_Ask]) -> bool:
    lo = max(a.value - a.slack for a in asks)
    hi = min(a.value + a.slack for a in asks)
    return lo <= hi


def _finding(doc: Document, config: Config, blank: Figure, asks: list[_Ask], decimals: int) -> Finding | None:
    rule = config.rule(RULE)
    if rule is not None and not rule.enabled:
        return None
    value = F.number(asks[0].value.quantize(Decimal(1).scaleb(-decimals)))
    unit = blank.unit or ""
    where = F.name(blank)
    labels_zh = "；".join(a.relation.label_zh for a in asks)
    labels_en = "; ".join(a.relation.label_en for a in asks)
    if len(asks) > 1:
        zh = f"{where} 单元格空白，但表中 {len(asks)} 处合计均需此处为 {value}{unit}，应是漏填了数字（{labels_zh}）"
        en = f"{F.name(blank, 'en')}: the cell is blank, but {len(asks)} totals of the table all need {value} {unit} here: a figure is missing ({labels_en})"
    else:
        zh = f"{where} 单元格空白，按 0 计合计不成立：需此处为 {value}{unit}（可能漏填了数字，也可能是其他数字有误；{labels_zh}）"
        en = f"{F.name(blank, 'en')}: the cell is blank and the total does not close with 0: it needs {value} {unit} here (a figure may be missing, or another figure is wrong; {labels_en})"
    others = {f.id: f for a in asks for f in a.relation.figures() if f is not blank}
    return Finding(
        finding_id=digest(RULE, blank.id, labels_zh),
        document=PurePath(doc.path).name,
        rule=RULE,
        severity=rule.severity_or(Severity.WARNING) if rule is not None else Severity.WARNING,
        verdict=Verdict.FAILS,
        section=doc.section_label(blank.section_id),
        section_id=blank.section_id,
        place=Place.of_figure(blank, doc),
        stated="",
        expected=f"{value} {unit}".strip(),
        message_zh=zh,
        message_en=en,
        expected_value=asks[0].value,
        unit=unit,
        evidence=[F.evidence(f, doc, 1, "part") for f in others.values()],
        figure_ids=(blank.id, *others),
    )


def _zeros(evaluated: list[tuple[Relation, Finding]]) -> set[str]:
    """Blank cells some table relation holds with, read as 0: the table reads them as 0."""
    return {f.id for relation, finding in evaluated if relation.rule.startswith("table.") and finding.holds
            for f in relation.figures() if F.is_blank(f)}


def _with_zeros(relation: Relation, blanks: list[Figure]) -> Relation:
    decimals = max(f.decimals for f in relation.figures() if not F.is_blank(f))
    zero = {f.id: replace(f, text="（空白）", value=Decimal(0), decimals=decimals) for f in blanks}
    target = relation.target
    return replace(
        relation,
        terms=[Term(zero.get(t.figure.id, t.figure), t.coeff) for t in relation.terms],
        target=zero.get(target.id, target) if target is not None else None,
    )


def read_as_zero(evaluated: list[tuple[Relation, Finding]], doc: Document, rules: dict[int, Rule]) -> list[tuple[Relation, Finding]]:
    """``evaluated`` with each unchecked table relation whose blanks the table confirms as 0
    evaluated again with them as 0 (its rule registered in ``rules`` under the new relation)."""
    zeros = _zeros(evaluated)
    out = []
    for relation, finding in evaluated:
        blanks = [f for f in relation.figures() if F.is_blank(f)]
        if (finding.verdict != Verdict.UNCHECKED or not relation.rule.startswith("table.") or relation.kind != RelationKind.SUM
                or not blanks or not all(f.id in zeros for f in blanks)):
            out.append((relation, finding))
            continue
        settled = _with_zeros(relation, blanks)
        rules[id(settled)] = rules[id(relation)]
        again = evaluate(settled, doc, rules[id(relation)])
        names = "、".join(F.name(f) for f in blanks)
        again.message_zh += f"（{names} 为空白：表中其他合计按 0 计均成立，故按 0 计）"
        again.message_en += f" ({', '.join(F.name(f, 'en') for f in blanks)} blank: other totals of the tables hold with it as 0, so it is read as 0)"
        out.append((settled, again))
    return out


def blank_cell_findings(evaluated: list[tuple[Relation, Finding]], doc: Document, config: Config) -> list[Finding]:
    asked: dict[str, tuple[Figure, list[_Ask]]] = {}
    closed = _zeros(evaluated)
    for relation, finding in evaluated:
        if not relation.rule.startswith("table.") or finding.verdict != Verdict.UNCHECKED:
            continue
        ask = _ask(relation, closed)
        if ask is not None:
            asked.setdefault(ask[0].id, (ask[0], []))[1].append(ask[1])
    out: list[Finding] = []
    for fid, (blank, asks) in asked.items():
        if fid in closed or _structurally_empty(doc, blank) or not _agree(asks) or asks[0].value <= asks[0].slack:
            continue
        decimals = max(f.decimals for a in asks for f in a.relation.figures() if not F.is_blank(f))
        found = _finding(doc, config, blank, asks, decimals)
        if found is not None:
            out.append(found)
    return out
