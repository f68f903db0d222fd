"""A blank table cell where a figure is missing (rule ``table.blank``).

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

from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from parsers.model import Document, Figure, Severity
from parsers.numbers import parse_cell
from tui_review.checks import figures as F
from tui_review.checks.ids import digest
from tui_review.config import Config
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.contracts.relation import Relation, RelationKind

RULE = "table.blank"


@dataclass(slots=True)
class _Ask:
    """What one relation asks of a blank cell: a value, within a rounding slack."""

    relation: Relation
    value: Decimal
    slack: Decimal


def _ask(relation: Relation) -> tuple[Figure, _Ask] | None:
    """The one blank cell of a failing table relation and the value it would need, or None."""
    target = relation.target
    if target is None or relation.kind != RelationKind.SUM or relation.partial or relation.uncertain is not None:
        return None
    figures = relation.figures()
    blanks = [f for f in figures if F.is_blank(f)]
    if len(blanks) != 1 or blanks[0].cell is None or len({f.unit for f in figures}) != 1:
        return None
    blank = blanks[0]
    slack = sum((f.half_ulp for f in figures if f is not blank), Decimal(0))
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
    return not any(parse_cell(c) for c in column) or not any(parse_cell(c) for c in table.rows[row])


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


def blank_cell_findings(evaluated: list[tuple[Relation, Finding]], doc: Document, config: Config) -> list[Finding]:
    asked: dict[str, tuple[Figure, list[_Ask]]] = {}
    closed: set[str] = set()  # blank cells some relation closes with 0: the table reads them as 0
    for relation, finding in evaluated:
        if not relation.rule.startswith("table."):
            continue
        blanks = [f.id for f in relation.figures() if F.is_blank(f)]
        if finding.verdict != Verdict.UNCHECKED:
            if finding.holds:
                closed.update(blanks)
            continue
        ask = _ask(relation)
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
