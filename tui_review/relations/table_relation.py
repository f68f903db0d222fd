"""The one way a table relation is built: a SUM over cells, with blank cells of categories the
table says do not occur left out; and the small lookups every table finder shares."""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.model import Figure
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.table_index import Panel, PanelRow, TableView


def title(view: TableView) -> str:
    return view.table.title or view.table.id


def sum_relation(rule: str, view: TableView, target: Figure | None, parts: Iterable[tuple[Figure | None, int]], zh: str, en: str, word: str = "") -> Relation | None:
    """A SUM relation, unless a cell is text or every figure in it is blank; blank cells of an
    all-blank column or row are left out (the table says that category does not occur)."""
    given = list(parts)
    terms = [(f, c) for f, c in given if f is not None]
    if target is None or not terms or len(terms) != len(given):
        return None
    terms = [(f, c) for f, c in terms if not view.structurally_empty(f)] or terms[:1]
    if not any(f.text for f in [target] + [f for f, _ in terms]):
        return None
    return Relation(
        rule=rule,
        kind=RelationKind.SUM,
        terms=[Term(f, c) for f, c in terms],
        target=target,
        word=word,
        label_zh=f"{title(view)}：{zh}",
        label_en=f"{title(view)}: {en}",
        section_id=view.table.section_id,
    )


def row_matching(view: TableView, panel: Panel, pattern: str) -> PanelRow | None:
    return next((r for r in view.rows(panel) if re.search(pattern, r.key)), None)
