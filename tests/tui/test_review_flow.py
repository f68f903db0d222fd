"""Whole reviews driven with Pilot: load, walk, annotate, set a status, mark, export, reopen."""

from __future__ import annotations

import csv
from pathlib import Path

from tui_helpers import run_async, settle
from textual.widgets import TextArea

from tui_review.app import ReviewApp
from tui_review.i18n import rule_title
from tui_review.contracts.columns import headers, sheet_columns
from tui_review.review.session import NodeRef
from tui_review.screens.error_dialog import ErrorDialog
from tui_review.screens.export_dialog import ExportDialog
from tui_review.screens.main import MainScreen
from tui_review.screens.navigation import Navigator
from tui_review.widgets.document_tree import DocumentTree
from tui_review.widgets.findings_list import FindingsList


def read_sheet(path: Path) -> list[dict]:
    """The exported sheet (the app's language: Chinese), its rows keyed by column key."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel/WPS
    key_of = {c.header("zh"): c.key for c in sheet_columns("zh")}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == headers("zh")
        return [{key_of[h]: v for h, v in row.items()} for row in reader]


async def write_note(pilot, text: str) -> None:
    area = pilot.app.screen.query_one(TextArea)
    area.insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


@run_async
async def test_a_whole_review_survives_quit_and_reopen(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        errors = [e for e in main.session.entries if e.severity == "error"]
        assert len(errors) >= 2
        await pilot.press("exclamation_mark", "n")  # errors only, then the first in reading order: the income total's group
        group = main.session.entry(main.entry_key)  # its suspects: 300.00 or 50.00 (354.72 agrees with a table)
        assert group.kind == "group" and group.severity == "error" and group.stated == "300.00 / 50.00"
        (first,) = main.session.members(group.key)
        assert first.stated.startswith("354.72")
        assert main.node == NodeRef("section", "2.1")
        assert main.query_one("#section").figure_id == group.figure_ids[0]

        await pilot.press("a")
        await write_note(pilot, "收入合计与分项之和差 4.72 万元\n请单位补充说明")
        await pilot.press("s", "2")  # 确认问题
        await pilot.pause()

        # a status stays on its finding (a note typed next belongs to it); u goes on to the next
        # error still to review: 三公经费
        assert main.session.entry(main.entry_key).key == group.key
        await pilot.press("u")
        await pilot.pause()
        second = main.session.entry(main.entry_key)
        assert second.stated.startswith("8.50")
        (second,) = main.session.members(second.key)
        await pilot.press("s", "4")  # 需补充说明
        await pilot.pause()

        await pilot.press("2", "j")  # the content pane, then its first figure: a reviewer's own finding
        marked_figure = main.query_one("#section").figure_id
        await pilot.press("m")
        await write_note(pilot, "公务用车数与上年不一致")
        assert [e.kind for e in main.session.entries].count("own") == 1

        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        sheet = doc_copy.with_name("review_fixture.review.csv")
        rows = read_sheet(sheet)
        await pilot.press("q")

    by_id = {r["finding_id"]: r for r in rows}
    assert by_id[first.key]["status"] == "确认问题"
    assert by_id[first.key]["note"] == "收入合计与分项之和差 4.72 万元\n请单位补充说明"
    assert by_id[first.key]["severity"] == "错误" and by_id[first.key]["rule"] == "合计等于各组成部分之和"
    assert by_id[second.key]["status"] == "需补充说明" and by_id[second.key]["note"] == ""
    [own] = [r for r in rows if r["finding_id"].startswith("own-")]
    assert (own["rule"], own["status"], own["note"]) == ("审核人员发现", "确认问题", "公务用车数与上年不一致")
    assert all(r["document"] == "review_fixture.txt" for r in rows)

    again = ReviewApp(doc_copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = again.main.session
        assert not session.store.read_only  # the first app let go of the review file when it quit
        restored = session.entry(first.key)
        assert (restored.status, restored.note) == ("confirmed", "收入合计与分项之和差 4.72 万元\n请单位补充说明")
        assert session.entry(second.key).status == "follow-up"
        [own_entry] = [e for e in session.entries if e.kind == "own"]
        assert own_entry.figure_ids == (marked_figure,) and own_entry.note == "公务用车数与上年不一致"
        badges = session.badges()
        assert badges[NodeRef("section", "2")][0] == 0  # both errors have a status: none left to review

        # export again: the dialog warns that the file exists, a second Enter overwrites
        await pilot.press("e")
        await pilot.press("enter")
        assert isinstance(again.screen, ExportDialog)
        assert "已存在" in str(again.screen.query_one("#export-warning").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, MainScreen)
    assert read_sheet(sheet) == rows


@run_async
async def test_an_unreadable_file_shows_a_dialog_and_the_app_stays_usable(tmp_path, doc_copy):
    app = ReviewApp(tmp_path / "missing.pdf")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "missing.pdf" in str(app.screen.query_one("#error-message").render())
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen) and app.main.session is None
        app.main.load(doc_copy)  # the same app opens another file
        await settle(pilot)
        assert app.main.session is not None
        titles = {command.title for command in app.get_system_commands(app.main)}
        assert {"下一问题", "批注", "状态", "标记", "导出", "搜索", "对照", "返回", "主题", "帮助"} <= titles


@run_async
async def test_search_by_value_and_counterpart_jumps(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("slash", *"8.50", "enter")
        await pilot.pause()
        assert main.node == NodeRef("section", "2.3")
        assert main.session.figures[main.query_one("#section").figure_id].text == "8.50"
        await pilot.press("c")  # the parts of that total
        jumped = main.query_one("#section").figure_id
        assert main.session.figures[jumped].text in ("2.50", "6.50")
        await pilot.press("b")
        assert main.session.figures[main.query_one("#section").figure_id].text == "8.50"


@run_async
async def test_keymap_from_config_changes_keys_and_help(doc_copy):
    app = ReviewApp(doc_copy, keymap={"main.next_finding": "x"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert app.main.entry_key is None
        await pilot.press("x")
        assert app.main.entry_key is not None
        await pilot.press("question_mark")
        table = app.screen.query_one("#help-table")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert any(r[0] == "x" and r[1] == "下一问题" for r in rows)
        # the review keys come first, whichever pane has the focus (here the tree, with its own keys)
        where = [r[2] for r in rows]
        focused = [i for i, w in enumerate(where) if w.startswith("当前窗格")]
        reviewing = [i for i, w in enumerate(where) if w == where[[r[0] for r in rows].index("x")]]
        assert reviewing[0] == 0 and focused and max(reviewing) < min(focused)


@run_async
async def test_every_action_runs_on_a_loaded_document(doc_copy):
    """Every app and review-screen action, by its stable name (dialogs closed with Escape)."""
    from tui_review.keymap import KEYS

    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in KEYS:
            if key.scope not in ("app", "main") or key.action == "quit":
                continue
            target = app if key.scope == "app" else app.main
            await target.run_action(key.action)
            await pilot.pause()
            while app.screen is not app.main:
                await pilot.press("escape")
                await pilot.pause()
        assert app.main.session is not None
        from tui_review import i18n

        assert i18n.get_lang() == "en"  # L ran once: English
        await app.run_action("toggle_lang")
        assert i18n.get_lang() == "zh"
        titles = {command.title for command in app.get_system_commands(app.main)}
        assert {"下一问题", "批注", "状态", "标记", "导出", "搜索", "对照", "返回", "主题", "帮助"} <= titles


@run_async
async def test_the_tree_fills_in_from_a_partial_document(doc_copy):
    from parsers import load_document
    from tui_review.messages import DocumentPartial
    from tui_review.widgets.document_tree import DocumentTree

    app = ReviewApp(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.main.post_message(DocumentPartial(load_document(doc_copy)))
        await pilot.pause()
        tree = app.main.query_one(DocumentTree)
        labels = [str(node.label) for node in tree.root.children]
        assert any("第二部分" in label for label in labels)


@run_async
async def test_the_detail_pane_shows_the_finding_under_the_cursor_after_quick_presses(doc_copy):
    """Presses closer than the settle delay (a held key) still leave the detail on the last finding."""
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        detail = main.query_one("#detail")
        for presses in (("n",), ("n", "n"), ("n", "n", "n"), ("N",)):
            await pilot.press(*presses)
            await pilot.pause(0.1)
            entry = main.session.entry(main.entry_key)
            shown = "".join(detail.text_lines()).replace(" ", "")  # lines are wrapped and padded
            assert rule_title(entry.rule).replace(" ", "") in shown, (presses, entry.rule, shown)
            assert entry.stated.replace(" ", "") in shown


@run_async
async def test_keys_arriving_together_leave_every_pane_on_the_last_finding(doc_copy, monkeypatch):
    """Two ``n`` in one terminal read (a fast typist, a held key): the selection must settle on the
    second finding. Cursor moves the screen makes itself must not come back as the reader's moves:
    they did, and the screen swung between the two findings hundreds of times a second."""
    selected: list[str] = []
    select_entry = Navigator.select_entry

    def spy(self, entry, **kwargs):
        selected.append(entry.key)
        return select_entry(self, entry, **kwargs)

    monkeypatch.setattr(Navigator, "select_entry", spy)
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        walk = [e for e in main.session.filtered(main.filters) if e.node is not None and e.severity != "info"]
        assert len(walk) >= 2 and walk[0].node != walk[1].node
        third = walk[2 % len(walk)]  # with two findings the third n wraps round to the first
        await pilot.press("n")
        await pilot.pause(0.15)
        # Handled back to back, before the messages of the first reach the screen: what happens when a
        # terminal read carries several keys (posting Key events lets the queues interleave instead).
        main.action_next_finding()
        main.action_next_finding()
        await pilot.pause(0.3)
        assert selected == [walk[0].key, walk[1].key, third.key]
        assert (main.entry_key, main.node, main.query_one(FindingsList).key) == (third.key, third.node, third.key)
        tree_node = main.query_one(DocumentTree).cursor_node
        assert tree_node is not None and tree_node.data == third.node
        assert rule_title(third.rule).replace(" ", "") in "".join(main.query_one("#detail").text_lines()).replace(" ", "")


@run_async
async def test_n_s_a_puts_status_and_note_on_the_same_finding(doc_copy):
    # the walk of issue 14: n → s → a on each error; a note never lands on another finding
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        for n in range(2):
            await pilot.press("n")
            await pilot.pause()
            key = main.entry_key
            await pilot.press("s", "2")
            await pilot.pause()
            await pilot.press("a")
            await write_note(pilot, f"note {n}")
            entry = main.session.entry(key)
            assert main.entry_key == key
            notes = [m.note for m in main.session.members(key)] if entry.kind == "group" else [entry.note]
            assert all(note == f"note {n}" for note in notes), notes
