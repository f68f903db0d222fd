"""A suspect group in the app: one row in the findings list that Enter unfolds to its relations,
✗ on the suspect figures and the quieter ◦ ("involved") on the other operands."""

from __future__ import annotations

from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.review.session import ERROR, INVOLVED
from tui_review.widgets.finding_detail import FindingDetail
from tui_review.widgets.findings_list import FindingsList
from tui_review.widgets.marks import GLYPHS


@run_async
async def test_a_group_is_one_row_that_unfolds_and_marks_its_suspects(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(240, 40)) as pilot:  # wide: the whole row fits
        await settle(pilot)
        main = app.main
        session = main.session
        await pilot.press("exclamation_mark", "n")  # errors only: the income total's group
        group = session.entry(main.entry_key)
        (member,) = session.members(group.key)
        listed = lambda: [o.id for o in main.query_one(FindingsList)._options]
        assert group.key in listed() and member.key not in listed()  # folded: one row for the slip

        # the stated 354.72 agrees with a table: it is only involved; the parts are the suspects
        stated = next(e.figure_id for e in member.finding.evidence if e.coeff == 0)
        assert session.figure_state(stated) == INVOLVED
        assert {session.figure_state(f) for f in group.figure_ids} == {ERROR}
        assert GLYPHS[INVOLVED] and GLYPHS[INVOLVED] != GLYPHS[ERROR]

        await pilot.press("3", "enter")  # the findings pane; Enter unfolds the group
        await pilot.pause()
        assert listed().index(member.key) == listed().index(group.key) + 1
        prompt = main.query_one(FindingsList).get_option(group.key).prompt.plain
        assert "300.00 / 50.00 → 304.72 / 54.72" in prompt and "1 项关系不成立" in prompt and "▾" in prompt
        shown = "\n".join(main.query_one(FindingDetail).text_lines())  # the detail lists its relations
        assert "组内不成立的关系" in shown and "合计等于各组成部分之和：收入总计" in shown.replace("\n", "")
        await pilot.press("enter")  # and folds it again
        await pilot.pause()
        assert member.key not in listed()
