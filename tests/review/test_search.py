"""Search in a review: by value (``354.72`` finds every figure worth it), then text and table cells."""

from __future__ import annotations

import dataclasses

import pytest

from tui_review.review.session import NodeRef, ReviewSession
from tui_review.review.store import ReviewStore


@pytest.fixture
def session(doc, findings, tmp_path):
    labelled = {"T1.0.1": ("收入合计", "金额"), "T1.1.1": ("财政拨款", "金额")}
    doc.figures = [
        dataclasses.replace(f, subject=labelled[f.id][0], column=labelled[f.id][1]) if f.id in labelled else f
        for f in doc.figures
    ]
    path = tmp_path / "doc.txt"
    path.write_text(doc.text, encoding="utf-8")
    store = ReviewStore.open(path)
    store.sync(doc, findings)
    yield ReviewSession(doc, findings, store)
    store.close()


def test_a_value_finds_every_figure_worth_it_in_prose_and_tables(session):
    hits = session.search("354.72")
    assert [h.figure_id for h in hits] == [f.id for f in session.doc.figures if f.text == "354.72"]
    cell = next(h for h in hits if h.figure_id == "T1.0.1")
    assert cell.node == NodeRef("table", "T1")
    assert cell.snippet == "收入合计 · 金额 = 354.72"  # the row's label says which 354.72 this is
    prose = next(h for h in hits if h.figure_id.startswith("P"))
    assert prose.node == NodeRef("section", "1") and "354.72" in prose.snippet


def test_a_value_written_differently_still_matches(session):
    assert {h.figure_id for h in session.search("300")} == {"P" + str(session.doc.text.index("300.00")), "T1.1.1"}


def test_text_finds_prose_outside_figures_and_table_cells(session):
    prose = session.search("其他收入")
    assert [(h.node, h.figure_id) for h in prose] == [(NodeRef("section", "1"), None)]
    assert prose[0].offset == session.doc.text.index("其他收入") and prose[0].length == 4
    cells = session.search("财政拨款")
    assert any(h.node == NodeRef("table", "T1") and h.snippet == "财政拨款" for h in cells)


def test_an_empty_query_finds_nothing(session):
    assert session.search("   ") == []
