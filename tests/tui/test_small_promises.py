"""Small promises of the reviewer's day (issue 14 item 12): the theme chosen with t is remembered,
c on a finding about no single figure says so, no lock file is left beside the document, a number
split by a space is marked in the text."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui_helpers import run_async, settle

from rich.color import Color

from tui_review.app import ReviewApp


@run_async
async def test_the_theme_chosen_with_t_is_remembered(doc_copy, tmp_path):
    state = tmp_path / "config" / "state.toml"
    app = ReviewApp(doc_copy, state_path=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.theme
        await pilot.press("t")
        chosen = app.theme
        assert chosen != before
    again = ReviewApp(doc_copy, state_path=state)
    assert again.requested_theme == chosen
    assert ReviewApp(doc_copy, theme="review-contrast", state_path=state).requested_theme == "review-contrast"  # --theme wins
    state.write_text("theme = [broken", encoding="utf-8")
    assert ReviewApp(doc_copy, state_path=state).requested_theme == "review-dark"


@run_async
async def test_c_on_a_finding_about_no_figure_says_so(tmp_path):
    doc = tmp_path / "missing_table.txt"  # its 目录 lists a table the document does not print
    shutil.copy(Path(__file__).resolve().parents[2] / "sample_docs" / "001_17aaca51ade6ba7f.txt", doc)
    app = ReviewApp(doc)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        missing = next(e for e in main.session.entries if e.rule == "completeness.table_missing")
        main._draw(main.nav.select_entry(missing))
        await pilot.press("3", "c")
        await pilot.pause()
        assert main.status_line.texts()[-1] == "这个问题不涉及某一个数字，没有可对照的数字"


@run_async
async def test_quitting_leaves_only_the_review_file_beside_the_document(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "n", "s", "2")
        await pilot.pause()
        await pilot.press("q")
    names = sorted(p.name for p in doc_copy.parent.iterdir())
    assert names == sorted([doc_copy.name, f"{doc_copy.name}.review.sqlite"])


@run_async
async def test_a_read_only_window_quitting_after_the_writer_leaves_only_the_review_file(doc_copy):
    """A second window opens read-only; the first (the writer) quits before it: nothing stays."""
    from tui_review.review.store import ReviewStore

    writer = ReviewStore.open(doc_copy)
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.session.store.read_only
        writer.close()
        await pilot.press("q")
    names = sorted(p.name for p in doc_copy.parent.iterdir())
    assert names == sorted([doc_copy.name, f"{doc_copy.name}.review.sqlite"])


@run_async
async def test_a_number_split_by_a_space_is_marked_in_the_text_as_a_flagged_figure_is(tmp_path):
    """“压缩办事时限 78 91.5 个工作日”: the parser reads no figure there (one number or two?) and
    reports it; the section view marks the printed text with the error's style and glyph."""
    doc = tmp_path / "spaced.txt"
    shutil.copy(Path(__file__).resolve().parents[2] / "sample_docs" / "001_17aaca51ade6ba7f.txt", doc)
    app = ReviewApp(doc)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        split = next(e for e in main.session.entries if e.rule == "parse.malformed_number" and e.stated == "78 91.5")
        main._draw(main.nav.select_entry(split))
        await pilot.pause()
        view = main.section_view
        strips = [strip for strip in view._strips if "78 91.5" in strip.text]
        assert strips and "78 91.5✗" in strips[0].text
        error = app.current_theme.error
        marks = [seg for seg in strips[0] if seg.text and seg.text in "78 91.5✗" and seg.style and seg.style.color]
        assert marks and all(seg.style.bold and seg.style.color.triplet == Color.parse(error).triplet for seg in marks)
