"""No English in the Chinese interface (issue 14 item 9): the help screen, the footer, the detail of
every finding, the filter values and the command palette are walked, and every ASCII word found must
be a key name, a unit or an identifier the reviewer types or reads in the document (table ids)."""

from __future__ import annotations

import re

from textual.command import CommandPalette
from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.screens.help import HelpScreen

ALLOWED = {
    # key names as keyboards print them
    "esc", "enter", "ctrl", "tab", "shift", "space", "delete", "del", "pgup", "pgdn", "home", "end", "up", "down",
    "left", "right", "super", "alt", "escape",
    "keymap",  # the config table the help screen names: typed as is
}
WORD = re.compile(r"[A-Za-z][A-Za-z]+")
IDENTIFIER = re.compile(r"^(?:T\d+|F\d+|PDF|CSV|JSON|TOML|PNG|SVG)$")  # a table's id as in the tree, file kinds


def english(text: str) -> set[str]:
    return {w for w in WORD.findall(text) if w.lower() not in ALLOWED and not IDENTIFIER.match(w)}


def _screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@run_async
async def test_the_chinese_interface_shows_no_english_words(doc_copy):
    app = ReviewApp(doc_copy)
    found: dict[str, set[str]] = {}

    def look(where: str, text: str) -> None:
        words = english(text.replace(doc_copy.name, ""))  # the file's own name is not the interface
        if words:
            found[where] = words

    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        main = app.main
        look("the review screen with its footer", _screen_text(app))
        for entry in main.session.entries:  # the detail of every finding, whatever its rule
            main._draw(main.nav.select_entry(entry))
            await pilot.pause()
            look(f"detail of {entry.rule}", "\n".join(main.detail.text_lines()))
            look(f"list row of {entry.rule}", _screen_text(app))
        for _ in range(len(main.session.rules()) + 1):  # every rule as a filter value
            await pilot.press("r")
            look("rule filter", str(main.findings.border_subtitle))
        for focus in ("1", "2", "3", "4"):
            await pilot.press(focus, "question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            look(f"help with pane {focus} focused", _screen_text(app))
            await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.pause(0.3)
        look("command palette", _screen_text(app))
        await pilot.press(*"zqzq")  # no command matches: Textual says so after half a second
        await pilot.pause(0.8)
        nothing = _screen_text(app)
        assert "没有匹配的命令" in nothing
        look("command palette, nothing matching", nothing.replace("zqzq", ""))
    assert found == {}, "\n".join(f"{k}: {sorted(v)}" for k, v in found.items())
