"""The headless engine in one call: a parsed document → every relation it states → checked findings.

`check_document(doc, config=None, relations=None)` is what the CLI, the review pipeline and the
benchmarks call. It is the one place that wires the relation finders (`tui_review.relations`) to
the checks (`tui_review.checks`), so neither layer imports the other; pass ``relations`` to check a
hand-made set instead of the finders'.
"""

from __future__ import annotations

from parsers.model import Document
from tui_review import relations as finders
from tui_review.checks import CheckReport, check_relations
from tui_review.checks.barrier import Barrier
from tui_review.config import Config
from tui_review.contracts.relation import Relation

__all__ = ["CheckReport", "check_document"]


def check_document(doc: Document, config: Config | None = None, relations: list[Relation] | None = None) -> CheckReport:
    barrier = Barrier(doc)
    if relations is None:
        relations = _find_relations(doc, barrier)
    return check_relations(doc, relations, config, barrier)


def _find_relations(doc: Document, barrier: Barrier) -> list[Relation]:
    """Every finder's relations, each finder behind the fault barrier: a finder that fails costs
    only its own relations (one ``internal.finder`` warning), never the document's check."""
    relations: list[Relation] = []
    for finder in finders.FINDERS:
        name = finder.__name__.rsplit(".", 1)[-1]
        relations += barrier.run("finder", name, finder.find, doc, default=[])
    return relations
