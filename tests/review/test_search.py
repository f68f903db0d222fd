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


def test_a_query_typed_with_spaces_finds_the_text_printed_without_or_across_a_line(session):
    assert [h.offset for h in session.search("其中 财政拨款")] == [session.doc.text.index("其中财政拨款")]
    assert [h.offset for h in session.search("收支情况 收入合计")] == [session.doc.text.index("收支情况\n收入合计")]


def test_a_figure_printed_after_a_word_is_found_by_the_pair_typed_with_a_space(session):
    hits = session.search("收入合计 354.72")
    assert hits and hits[0].offset == session.doc.text.index("收入合计 354.72")


def test_a_search_told_to_stop_gives_up(session):
    from tui_review.review.search import SearchCancelled

    with pytest.raises(SearchCancelled):
        session.search("354.72", cancelled=lambda: True)


def test_a_search_over_a_150_by_150_grid_looks_at_its_cancel_hook_as_it_goes(doc, findings, tmp_path):
    from parsers.model import Table
    from tui_review.review.search import SearchCancelled

    grid = Table("T9", [[f"项目{r}-{c}" for c in range(150)] for r in range(150)], [f"列{c}" for c in range(150)], title="大表", section_id="2")
    doc.tables.append(grid)
    path = tmp_path / "doc.txt"
    path.write_text(doc.text, encoding="utf-8")
    store = ReviewStore.open(path)
    try:
        session = ReviewSession(doc, findings, store)
        calls = []

        def cancelled() -> bool:
            calls.append(1)
            return len(calls) > 3

        with pytest.raises(SearchCancelled):
            session.search("不存在的文字", cancelled=cancelled)
        assert len(calls) == 4  # stopped at the first look after the key, not after 22,500 cells
        assert session.search("项目149-149") and len(session.search("项目")) == 200  # bounded
    finally:
        store.close()
