"""The export dialog writes the evidence pictures too, as ``export --evidence DIR`` does (issue 16
item 2): one PNG per finding and a picture column in the sheet. Offered for PDFs only."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from textual.widgets import Checkbox
from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.screens.export_dialog import ExportDialog

SAMPLE = Path(__file__).resolve().parents[2] / "sample_docs" / "demo_final_2024_errors.pdf"


@run_async
async def test_the_export_dialog_writes_the_sheet_with_its_pictures(tmp_path):
    doc = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, doc)
    app = ReviewApp(doc)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-evidence", Checkbox).value = True
        await pilot.pause()
        dialog.query_one("#export-path").focus()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "证据截图" in app.main.status_line.texts()[-1]
    sheet = tmp_path / "demo_final_2024_errors.review.csv"
    pictures = sorted((tmp_path / "demo_final_2024_errors.review-evidence").glob("*.png"))
    assert pictures
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    named = {row[-1] for row in rows[1:] if row[-1]}
    assert named and all((tmp_path / name).is_file() for name in named)


@run_async
async def test_a_text_document_is_not_offered_pictures(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and not app.screen.query("#export-evidence")
