"""The review screen's navigation model without an app: cursor, detail, history, filters,
counterpart cycling, next unreviewed; and the order and counts the session gives it."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from pinned import _figure, _finding, pinned_check
from tui_helpers import FIXTURE

from tui_review.review.pipeline import LoadOptions, open_review
from tui_review.review.session import NodeRef
from tui_review.screens.navigation import Navigator


def with_a_note_and_a_second_finding(doc, config=None) -> SimpleNamespace:
    """The pinned findings, a second failing finding on the income total, and an engine note."""
    findings = pinned_check(doc).findings
    income, total_cell = _figure(doc, "354.72"), _figure(doc, "354.72", cell=True)
    findings.append(_finding(doc, "pin-repeat", "repeat", "error", "open", [income, total_cell], "354.70",
                             "同一数字两处不一致", "the same figure differs"))
    findings.insert(0, _finding(doc, "pin-note", "rounding", "info", "open", [_figure(doc, "300.00")], "",
                                "舍入说明", "rounding note"))
    return SimpleNamespace(findings=findings)


@pytest.fixture
def nav(tmp_path):
    doc = tmp_path / "review_fixture.txt"
    shutil.copy(FIXTURE, doc)
    session = open_review(doc, LoadOptions(review_path=tmp_path / "r.sqlite", check=with_a_note_and_a_second_finding))
    yield Navigator(session)
    session.store.close()


def test_entries_in_document_order_with_the_engines_notes_last(nav):
    keys = [e.key for e in nav.session.entries]
    assert keys == ["pin-income", "pin-repeat", "pin-three", "pin-table", "pin-note"]


def test_n_walks_the_problems_in_order_and_says_when_it_wraps(nav):
    steps = [nav.step(1) for _ in range(5)]
    assert [s.selection.entry.key for s in steps] == ["pin-income", "pin-repeat", "pin-three", "pin-table", "pin-income"]
    assert [s.wrapped for s in steps] == [False, False, False, False, True]
    assert nav.step(-1).wrapped and nav.entry_key == "pin-table"
    nav.cycle_severity(), nav.cycle_severity(), nav.cycle_severity()  # errors, warnings, notes
    assert nav.filters.severity == "info" and [e.key for e in nav.walk()] == ["pin-note"]


def test_review_actions_target_the_entry_the_detail_shows(nav):
    income = nav.session.entry("pin-income").figure_ids[0]
    nav.select_entry(nav.session.entry("pin-repeat"))  # chosen in the list
    assert nav.target_entry().key == "pin-repeat" and nav.detail_figure == income
    nav.figure_id = None
    nav.figure_moved(income)  # the content cursor onto the same figure: its first failing finding
    assert nav.target_entry().key == "pin-income"
    lone = _figure(nav.session.doc, "20.00")
    nav.figure_moved(lone.id)
    assert nav.target_entry() is None and nav.mark_target().target_id == lone.id


def test_counterparts_cycle_and_back_returns_to_the_entry_shown(nav):
    nav.show_node(NodeRef("section", "2.1"))
    entry = nav.session.entry("pin-repeat")
    nav.select_entry(entry)
    origin = nav.figure_id
    others = [f.id for f in nav.session.counterparts(origin)]
    seen = []
    current = origin
    for _ in range(len(others) + 1):
        current = nav.counterpart(current)
        nav.jump_to_figure(current)
        seen.append(current)
    assert seen == others + others[:1] and len(nav.history) == 1
    back = nav.back()
    assert back.node == NodeRef("section", "2.1") and nav.target_entry().key == "pin-repeat"
    assert nav.back() is None


def test_next_unreviewed_skips_entries_with_a_status(nav):
    store = nav.session.store
    store.set_status(nav.session.entry("pin-repeat").finding, "confirmed")
    nav.session.refresh()
    assert nav.next_unreviewed().selection.entry.key == "pin-income"
    assert nav.next_unreviewed().selection.entry.key == "pin-three"
    for key in ("pin-income", "pin-three", "pin-table"):
        store.set_status(nav.session.entry(key).finding, "dismissed")
    nav.session.refresh()
    assert nav.next_unreviewed().selection is None
    assert nav.session.progress() == (4, 4)


def test_filters_cycle_and_the_scope_follows_the_node(nav):
    nav.show_node(NodeRef("section", "2.3"))
    nav.toggle_scope()
    assert [e.key for e in nav.shown()] == ["pin-three"]
    assert nav.show_node(NodeRef("section", "2.1")) and {e.key for e in nav.shown()} == {"pin-income", "pin-repeat", "pin-note"}
    nav.cycle_status()
    assert nav.filters.status == "open"
    nav.cycle_rule()
    assert nav.filters.rule == nav.session.rules()[0]


def test_counts_split_notes_from_warnings_and_badges_count_what_is_left(nav):
    session = nav.session
    assert session.counts() == {"errors": 3, "warnings": 1, "notes": 1, "verified": 2}
    section = NodeRef("section", "2.1")
    assert session.badges()[section] == (2, 0)
    session.store.set_status(session.entry("pin-income").finding, "confirmed")
    session.refresh()
    assert session.badges()[section] == (1, 0)  # 确认问题 is decided too, not only 误报
