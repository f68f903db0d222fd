"""A figure's role with the document's own period folded in.

A 预算 document's 年初预算 figures are its amounts, and a 决算's (or an analysis report's) 决算
figures are its amounts: once folded, "the same quantity" compares like with like whatever words
each statement happened to use.
"""

from __future__ import annotations

from parsers.model import DocKind, Figure, Role


def own_period(kind: DocKind, fig: Figure) -> Role:
    if fig.role == Role.BUDGET and kind == DocKind.BUDGET:
        return Role.AMOUNT
    if fig.role == Role.ACTUAL and kind in (DocKind.FINAL, DocKind.ANALYSIS):
        return Role.AMOUNT
    return fig.role
