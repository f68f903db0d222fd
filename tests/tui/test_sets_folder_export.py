"""The export dialog of a document opened from a folder offers one sheet for the whole folder, as
``tui-review export DIR`` writes it."""

from __future__ import annotations

import csv

from textual.widgets import Checkbox, DataTable, Input

from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.screens.export_dialog import ExportDialog

from test_folder_screen import folder_of_a_set, private_cache  # noqa: F401 — the seeds' 预算 + changed 决算; own cache

from tui_review.i18n import rule_titles  # noqa: E402

CROSS_TITLES = {title for rule_id, title in rule_titles("zh").items() if rule_id.startswith("cross.")}


async def export_dialog_of(app, pilot, name: str | None) -> ExportDialog:
    await settle(pilot)
    if name is not None:  # chosen from the folder list
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(app.folder / name)))
        await pilot.press("enter")
        await settle(pilot)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


@run_async
async def test_the_dialog_writes_one_sheet_for_the_folder_the_document_was_opened_from(tmp_path):
    folder = folder_of_a_set(tmp_path)
    app = ReviewApp(None, folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await export_dialog_of(app, pilot, "001_final.txt")
        path = dialog.query_one("#export-path", Input)
        assert path.value == str(folder / "001_final.review.csv")
        dialog.query_one("#export-folder", Checkbox).value = True
        await pilot.pause()
        assert path.value == str(tmp_path / "set.review.csv")  # the folder's sheet, beside the folder
        path.focus()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "文件夹审核表已导出" in app.main.status_line.texts()[-1]
    with (tmp_path / "set.review.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"000_budget.txt", "001_final.txt"} <= {r["文档"] for r in rows}
    cross = [r for r in rows if r["规则"] in CROSS_TITLES]
    assert [r["文档"] for r in cross] == ["000_budget.txt ↔ 001_final.txt"]  # once, as in the 决算


@run_async
async def test_a_document_opened_alone_is_offered_its_own_sheet_only(tmp_path):
    folder = folder_of_a_set(tmp_path)
    app = ReviewApp(folder / "001_final.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await export_dialog_of(app, pilot, None)
        assert not dialog.query("#export-folder")
