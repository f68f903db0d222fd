"""The contracts between the engine's layers: plain, typed values and nothing else.

Relation finders (`tui_review.relations`) hand the checks `Relation`s made of `Term`s
(``relation``); the checks hand the review store, the app and the sheet `Finding`s with their
`Evidence` (``finding``). Both sides import these modules and nothing of each other, so the
arrows run one way: review → checks → relations → contracts → parsers.
"""

from tui_review.contracts.finding import Evidence, Finding, Verdict
from tui_review.contracts.relation import Relation, RelationKind, Term

__all__ = ["Evidence", "Finding", "Relation", "RelationKind", "Term", "Verdict"]
