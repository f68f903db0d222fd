"""Relation finders: what a document *claims* about its figures, as `Relation`s.

`find_relations(doc)` gathers every finder's relations. Finders are pure and live one per module:
prose claims (``prose``), the same quantity stated twice (``repeat``), table identities
(``tables``), prose ↔ table bindings (``prose_table``; ``named_cells`` for tables of no standard kind; ``self_evaluation`` for a
project's 绩效自评 summary and its table), rate columns of any table against
their own row (``table_ratios``). Tables the document should carry but does
not are no relation: the checks report them (`tui_review.checks.completeness`). Finders import
the contracts (`tui_review.contracts`) and the parsers, never the checks.
"""

from __future__ import annotations

from parsers.model import Document
from tui_review.contracts.relation import Relation
from tui_review.relations import named_cells, prose, prose_table, repeat, self_evaluation, table_ratios, tables

FINDERS = (prose, repeat, tables, prose_table, named_cells, self_evaluation, table_ratios)


def find_relations(doc: Document) -> list[Relation]:
    return [relation for finder in FINDERS for relation in finder.find(doc)]
