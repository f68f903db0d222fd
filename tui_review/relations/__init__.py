"""Relation finders: what a document *claims* about its figures, as `Relation`s.

`find_relations(doc)` gathers every finder's relations. Finders are pure and live one per module:
prose claims (``prose``), the same quantity stated twice (``repeat``), table identities
(``tables``), prose ↔ table bindings (``prose_table``).
"""

from __future__ import annotations

import importlib

from parsers.model import Document
from tui_review.checks.relation import Relation

FINDERS = ("prose", "repeat", "tables", "prose_table")


def find_relations(doc: Document) -> list[Relation]:
    relations: list[Relation] = []
    for name in FINDERS:
        try:
            module = importlib.import_module(f"tui_review.relations.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tui_review.relations.{name}":
                raise
            continue  # a finder not written yet
        relations.extend(module.find(doc))
    return relations
