"""What the relation finders hand the checks: a `Relation` names figures and how they must agree.

A relation is a *claim the document makes* ("X，其中 A、B", "比上年增加 C，增长 D%", a 合计 row).
It carries no arithmetic verdict: `tui_review.checks.evaluate` decides, with interval arithmetic,
whether the printed figures can all be true at once.

Kinds:
- ``SUM``: ``target = Σ coeff·figure`` over ``terms`` (``target ≥ Σ`` when ``partial``) (sum of parts, balance, change = current −
  previous, components of change, table totals, code hierarchies). A single term with coeff 1 is
  an equality (a repeated figure, prose vs table cell, one table vs another); units may differ
  (元 vs 万元) and are converted exactly.
- ``RATIO``: ``target % = (Σ terms) ÷ (Σ denominator) × 100`` (growth, share, completion).
- ``DIRECTION``: ``sign(Σ terms)`` must be ``expected_sign`` (+1 增加/大于, −1 减少/小于, 0 持平).

Figures enter the arithmetic signed (``Figure.signed_value``: ``减少 8.31`` is −8.31, ``下降
16.79%`` is −16.79), so a relation is plain arithmetic: growth over ``current − change`` is
``denominator=[Term(current), Term(change, -1)]`` whatever the direction. The evaluator finds zero
bases itself (a denominator printed as 0); ``zero_base`` lets a finder mark one it knows of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from parsers.model import Figure


class RelationKind(StrEnum):
    SUM = "sum"
    RATIO = "ratio"
    DIRECTION = "direction"


@dataclass(frozen=True, slots=True)
class Term:
    figure: Figure
    coeff: int = 1  # +1 or -1


@dataclass(slots=True)
class Relation:
    rule: str  # rule id in the rule pack: "sum.parts", "balance", "change", "growth", …
    kind: RelationKind
    terms: list[Term]
    target: Figure | None = None  # the stated figure (None only for DIRECTION)
    denominator: list[Term] = field(default_factory=list)  # RATIO only
    expected_sign: int | None = None  # DIRECTION only
    word: str = ""  # the words that make the claim (其中, 增加, 大于, 合计 …): shown in messages
    label_zh: str = ""  # what is being checked, e.g. "人员经费 = 各明细之和"
    label_en: str = ""
    section_id: str = ""
    zero_base: bool = False  # RATIO over a zero base stated as 100% → warning, not error
    cites: str = ""  # for ``definition``: the glossary sentence relied on
    # Why a figure of the relation may not be the quantity it needs (zh, en); a failure of an
    # uncertain relation is at most a warning and says why. None: every identity is certain.
    uncertain: tuple[str, str] | None = None
    # SUM only: the terms are a partial list of the target's parts, so the document only claims
    # Σ terms ≤ target (机关运行经费 ≤ 公用经费 where 事业单位 exist; a 其中 list not known complete)
    partial: bool = False
    # Another reading of the same claim the words allow (a change after a list's last part may be
    # the total's): the claim is reported only when neither reading holds.
    alternative: Relation | None = None

    def figures(self) -> list[Figure]:
        out = [self.target] if self.target is not None else []
        out += [t.figure for t in self.terms] + [t.figure for t in self.denominator]
        return out
