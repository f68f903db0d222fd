"""Fixtures for the review tests: a hand-made document and its findings."""

from __future__ import annotations

import pytest
from review_docs import make_doc, make_finding

from parsers.model import Document


@pytest.fixture
def doc() -> Document:
    return make_doc()


@pytest.fixture
def findings(doc):
    ids = [f.id for f in doc.figures]
    return [
        make_finding(doc, "sum-1", (ids[0], ids[1], ids[2])),
        make_finding(doc, "eq-1", (ids[3], "T1.0.1"), failed=False, rule="equal"),
        make_finding(doc, "eq-2", ("T1.1.1", ids[1]), severity="warning", rule="equal"),
    ]
