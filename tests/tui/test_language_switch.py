"""The interface language switched while the app runs (issue 17 item 4): L turns the footer, the
help, the palette and the panes' titles to English and back; nothing was fixed at import time."""

from __future__ import annotations

from textual.command import CommandPalette
from tui_helpers import run_async, settle

from tui_review import i18n
from tui_review.app import ReviewApp
from tui_review.screens.help import HelpScreen


def _footer(app) -> str:
    return app.screen._compositor.render_strips()[-1].text


@run_async
async def test_l_switches_the_language_of_footer_help_palette_and_panes(doc_copy):
    app = ReviewApp(doc_copy)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(pilot)
            assert "下一问题" in _footer(app)
            await pilot.press("L")
            await pilot.pause()
            assert i18n.get_lang() == "en"
            assert "Next" in _footer(app) and "下一问题" not in _footer(app)
            assert str(app.main.findings.border_title).startswith("3 Findings")
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert any(row.description == "Next" for row in app.screen.rows)
            await pilot.press("escape", "ctrl+p")
            await pilot.pause(0.3)
            assert isinstance(app.screen, CommandPalette)
            shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
            assert "Search for commands" in shown or "Next" in shown
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("L")
            await pilot.pause()
            assert i18n.get_lang() == "zh" and "下一问题" in _footer(app)
    finally:
        i18n.set_lang("zh")
