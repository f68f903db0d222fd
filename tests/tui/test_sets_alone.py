"""`tui-review FILE` opened alone: the partners of its set in its own folder are found, its cross
findings listed, and ``c`` opens the partner's place beside it."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.commands import open as open_command
from tui_review.config import Config

from test_folder_screen import folder_of_a_set, private_cache  # noqa: F401 — the seeds' 预算 + changed 决算; own cache


def opened_as_on_the_command_line(path: Path, *extra: str) -> ReviewApp:
    """The app as ``tui-review FILE [extra]`` builds it (`tui_review.commands.open`)."""
    parser = argparse.ArgumentParser()
    open_command.add_arguments(parser)
    args = parser.parse_args([str(path), *extra])
    return ReviewApp(path, options=open_command.load_options(args, Config.default()))


@run_async
async def test_a_final_accounts_opened_alone_lists_its_cross_error_and_c_opens_the_budget(tmp_path):
    from tui_review.widgets.partner_view import PartnerView

    folder = folder_of_a_set(tmp_path)
    app = opened_as_on_the_command_line(folder / "001_final.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        (cross,) = [e for e in main.session.entries if e.rule.startswith("cross.") and e.severity == "error"]
        assert "000_budget.txt" in cross.finding.document and cross.stated.startswith("364.72")
        main._draw(main.nav.select_entry(cross))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        partner = main.query_one(PartnerView)
        assert main.has_class("-partner") and partner.region.width > 0
        assert partner.partner == "000_budget.txt" and partner.figure.text == "354.72"


@run_async
async def test_no_cross_opens_the_file_alone(tmp_path):
    folder = folder_of_a_set(tmp_path)
    app = opened_as_on_the_command_line(folder / "001_final.txt", "--no-cross")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.session is not None
        assert not [e for e in app.main.session.entries if e.rule.startswith("cross.")]
