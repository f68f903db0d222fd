"""At 80 columns the footer, cut at its right end, still shows the help key: it comes first."""

from __future__ import annotations

from tui_helpers import run_async, settle

from tui_review.app import ReviewApp


@run_async
async def test_the_help_key_is_on_the_footer_at_80_columns(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen._compositor.render_strips()[-1].text
        assert footer.lstrip().startswith("? 帮助"), footer
        await pilot.press("3")  # another pane focused: its keys join, ? stays first
        await pilot.pause()
        assert app.screen._compositor.render_strips()[-1].text.lstrip().startswith("? 帮助")
