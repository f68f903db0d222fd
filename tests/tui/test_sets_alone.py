"""`tui-review FILE` opened alone: the partners of its set in its own folder are found, its cross
findings listed, and ``c`` opens the partner's place beside it."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from tui_helpers import run_async, settle

from tui_review.app import ReviewApp
from tui_review.commands import open as open_command
from tui_review.config import Config

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
OPENING = "与年初预算354.72万元相比"  # seed 001's restatement of seed 000's 收入、支出总计


@pytest.fixture(autouse=True)
def private_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def side_by_side(tmp_path: Path) -> Path:
    """Seed 000 (the 2023 预算) beside a copy of seed 001 (its 决算) with one 年初预算 figure changed."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_c776e60c2084e5b6.txt", folder / "000_budget.txt")
    final = (SAMPLES / "001_17aaca51ade6ba7f.txt").read_text(encoding="utf-8")
    (folder / "001_final.txt").write_text(final.replace(OPENING, "与年初预算364.72万元相比"), encoding="utf-8")
    return folder


def opened_as_on_the_command_line(path: Path, *extra: str) -> ReviewApp:
    """The app as ``tui-review FILE [extra]`` builds it (`tui_review.commands.open`)."""
    parser = argparse.ArgumentParser()
    open_command.add_arguments(parser)
    args = parser.parse_args([str(path), *extra])
    return ReviewApp(path, options=open_command.load_options(args, Config.default()))


@run_async
async def test_a_final_accounts_opened_alone_lists_its_cross_error_and_c_opens_the_budget(tmp_path):
    from tui_review.widgets.partner_view import PartnerView

    folder = side_by_side(tmp_path)
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
    folder = side_by_side(tmp_path)
    app = opened_as_on_the_command_line(folder / "001_final.txt", "--no-cross")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.session is not None
        assert not [e for e in app.main.session.entries if e.rule.startswith("cross.")]
