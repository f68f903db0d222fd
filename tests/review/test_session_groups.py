"""Suspect groups in the review session: one entry per group (members folded under it), marks that
put ✗ on the suspect and "involved" on the other operands, and a badge counted once per slip."""

from __future__ import annotations

from review_docs import make_doc, make_finding

from tui_review.contracts.finding import Suspect, SuspectFigure
from tui_review.contracts.place import Place
from tui_review.review.session import (
    ERROR,
    GROUP_KIND,
    INVOLVED,
    OK,
    Filters,
    NodeRef,
    ReviewSession,
)
from tui_review.review.store import ReviewStore


def _session(tmp_path):
    doc = make_doc()
    ids = [f.id for f in doc.figures]  # 354.72, 300.00, 50.00, 354.72 (prose), T1.0.1, T1.1.1
    total = make_finding(doc, "sum-1", (ids[0], ids[1], ids[2]))
    cross = make_finding(doc, "eq-2", ("T1.1.1", ids[1]), rule="equal")
    holds = make_finding(doc, "eq-1", (ids[3], "T1.0.1"), failed=False, rule="equal")
    slip = SuspectFigure(ids[1], "300.00", "财政拨款", "第一部分 收支情况", Place.of_figure(doc.figures[1], doc),
                         "304.72", "[304.705, 304.735]")
    suspect = Suspect("g-1", ((slip,),), 2, 0, "财政拨款 300.00 可能有误：应为 304.72", "may be wrong")
    for finding in (total, cross):
        finding.group, finding.suspect = "g-1", suspect
    path = tmp_path / "doc.txt"
    path.write_text(doc.text, encoding="utf-8")
    store = ReviewStore.open(path)
    store.sync(doc, [total, cross, holds])
    return ReviewSession(doc, [total, cross, holds], store), ids


def test_one_entry_per_group_with_its_members_folded_under_it(tmp_path):
    session, ids = _session(tmp_path)
    keys = [e.key for e in session.entries]
    assert keys[:3] == ["g-1", "sum-1", "eq-2"]  # members right after their group
    group = session.entry("g-1")
    assert group.kind == GROUP_KIND and (group.stated, group.expected) == ("300.00", "304.72")
    assert group.members == ("sum-1", "eq-2") and group.figure_ids == (ids[1],)
    assert [e.key for e in session.filtered(Filters())] == ["g-1"]
    assert session.toggle_group("g-1") and [e.key for e in session.filtered(Filters())] == keys
    assert not session.toggle_group("sum-1")  # a finding is no group


def test_the_suspect_carries_the_error_and_the_other_operands_are_involved(tmp_path):
    session, ids = _session(tmp_path)
    assert session.figure_state(ids[1]) == ERROR
    assert session.figure_state(ids[2]) == INVOLVED and session.figure_state("T1.1.1") == INVOLVED
    assert session.figure_state(ids[0]) == INVOLVED  # the stated total is not the suspect
    assert session.figure_state(ids[3]) == OK


def test_a_group_is_one_problem_in_the_tree_badges(tmp_path):
    session, _ = _session(tmp_path)
    assert session.badges()[NodeRef("section", "1")] == (1, 0)
