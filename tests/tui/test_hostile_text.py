"""S1 in the app: escape sequences and C1 controls in a document's text, its headings, its table
cells and its file name reach the screen as visible escapes (``\\x1b]52…``), in every pane and
dialog, never as raw control characters."""

from __future__ import annotations

from textual.widgets import Input, Label
from tui_helpers import FIXTURE, run_async, settle

from tui_review.app import ReviewApp

OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CLEAR = "\x1b[2J"
CSI = "\x9b31m"


def _dangerous(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F]


def _screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _hostile_copy(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("一、主要职能", f"一、主要职能{CLEAR}", 1)
    text = text.replace("示例单位负责", f"示例单位{OSC52}负责", 1)
    text = text.replace("2023年度收入总计354.72万元", f"2023年度收入{CSI}总计354.72万元", 1)
    text = text.replace("其他收入\t50.00", f"其他收入{CSI}\t50.00", 1)
    path = tmp_path / f"evil{CLEAR}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@run_async
async def test_every_pane_and_dialog_shows_control_characters_as_visible_escapes(tmp_path):
    app = ReviewApp(_hostile_copy(tmp_path))
    seen: list[str] = []
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)

        async def look() -> None:
            await pilot.pause()
            shown = _screen_text(app)
            bad = [shown[max(0, i - 60) : i + 20] for i, c in enumerate(shown) if c in _dangerous(c)]
            assert not bad, bad
            seen.append(shown)

        await look()  # tree with the headings, the status line with the file name
        for keys in (("1", "j", "j", "enter"), ("3", "n"), ("3", "n", "n"), ("2",)):
            await pilot.press(*keys)
            await look()
        main = app.main
        for node in main.session.doc.tables:  # each table in the grid
            from tui_review.review.session import NodeRef

            main._go(NodeRef("table", node.id))
            await look()
        await pilot.press("slash", *"其他收入")
        for _ in range(50):
            await pilot.pause(0.02)
            if getattr(app.screen, "searched", None) == "其他收入":
                break
        await look()  # search results
        await pilot.press("escape", "e")
        await look()  # the export dialog names the file
        await pilot.press("escape", "o")
        await pilot.pause()
        await look()  # the open dialog lists the folder
        app.screen.query_one(Input).value = str(tmp_path / f"missing{OSC52}.pdf")  # as if pasted
        await pilot.press("enter")
        await pilot.pause()
        warning = str(app.screen.query_one("#open-warning", Label).render())  # the dialog names it
        assert not _dangerous(warning) and "missing\\x1b]52" in warning
    everything = "\n".join(seen)
    for visible in ("\\x1b[2J", "\\x1b]52", "\\x9b31m"):
        assert visible in everything, visible
