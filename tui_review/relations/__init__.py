"""Relation finders: what a document *claims* about its figures, as `Relation`s.

`find_relations(doc)` gathers every finder's relations. Finders are pure and live one per module:
prose claims (``prose``), table identities (``tables``), prose ↔ table bindings (``prose_table``).
"""

from __future__ import annotations

from parsers.model import Document
from tui_review.checks.relation import Relation


def find_relations(doc: Document) -> list[Relation]:
    relations: list[Relation] = []
    return relations
