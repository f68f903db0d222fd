"""The page view (v): the printed page of the current finding beside the extraction, its figures
boxed where their bboxes are; half-blocks in a terminal without graphics; zoom and page keys; the
text lines for a text document; a render in flight dropped when the reviewer moves on."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color
from tui_helpers import run_async, settle

from parsers.model import Document
from tui_review.app import ReviewApp
from tui_review.contracts.finding import Evidence, Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.render.marks import SUSPECT
from tui_review.render.picture import PAD
from tui_review.render.terminal import graphics_mode
from tui_review.render.viewport import ZOOM_STEP
from tui_review.review.export import entry_marks
from tui_review.review.pipeline import LoadOptions
from tui_review.widgets.page_view import PageView

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
ERRORS = SAMPLES / "demo_final_2024_errors.pdf"
REAL = SAMPLES / "real" / "上海市普陀区财政局2024年度部门决算.pdf"
NO_GRAPHICS = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch, tmp_path):
    """A terminal without any graphics protocol, and a private document cache."""
    for name in ("KITTY_WINDOW_ID", "TERM_PROGRAM", "KONSOLE_VERSION", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    for name, value in NO_GRAPHICS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


async def loaded(pilot) -> None:
    """Wait until the document is read and its review shown (the loading worker starts after the
    first paint, so on a busy machine one settle may come before it has begun; at most ~60 s)."""
    for _ in range(600):
        await settle(pilot)
        if pilot.app.main.session is not None:
            break
        await pilot.pause(0.1)
    assert pilot.app.main.session is not None
    await pilot.pause()


async def until_drawn(pilot) -> PageView:
    """Wait until the page view has drawn the latest render it was asked for (at most ~10 s)."""
    view = pilot.app.screen.query_one(PageView)
    for _ in range(200):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not view.busy:
            break
        await pilot.pause(0.05)
    assert not view.busy
    return view


async def to_a_finding_on_a_page(pilot) -> None:
    """Load, then ``n`` to the first finding with figures on a page (the first are about missing tables)."""
    await loaded(pilot)
    screen = pilot.app.screen
    for _ in range(10):
        await pilot.press("n")
        await pilot.pause()
        if entry_marks(screen.session, screen.session.entry(screen.entry_key)):
            break


def cell_at(view: PageView, col: int, row: int):
    """The (char, fg, bg) of the picture's cell (``row`` counted below the caption line)."""
    assert col >= 0
    strip = view._strips[row]
    x = 0
    for segment in strip:
        if x + len(segment.text) > col:
            style = segment.style
            fg = style.color.get_truecolor() if style.color else None
            return segment.text[col - x], tuple(fg) if fg else None, tuple(style.bgcolor.get_truecolor())
        x += len(segment.text)
    raise AssertionError(f"column {col} is outside the strip")


def expected_cells(bbox, shown):
    region, scale = shown.picture.region, shown.view.scale
    x0 = round((bbox[0] - PAD - region[0]) * scale)
    y0 = round((bbox[1] - PAD - region[1]) * scale)
    x1 = max(x0, round((bbox[2] + PAD - region[0]) * scale) - 1)
    y1 = max(y0, round((bbox[3] + PAD - region[1]) * scale) - 1)
    return (x0, y0 // 2, x1, y1 // 2)


@run_async
async def test_v_shows_the_findings_page_with_boxes_at_the_figures(tmp_path):
    app = ReviewApp(ERRORS, options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await to_a_finding_on_a_page(pilot)
        screen = app.screen
        await pilot.press("v")
        view = await until_drawn(pilot)
        assert screen.has_class("-page") and view.display and view.mode == "halfblock"
        entry = screen.session.entry(screen.entry_key)
        marks = entry_marks(screen.session, entry)
        shown = view.shown
        assert shown is not None and marks and shown.page == marks[0].page
        assert view._message.startswith(f"第 {shown.page}/{screen.session.doc.page_count} 页")
        drawn = {mark.figure_id: cells for mark, cells in shown.cell_boxes}
        assert marks[0].figure_id in drawn and shown.cell_boxes[-1][0].kind == SUSPECT
        for mark, cells in shown.cell_boxes:
            assert cells == expected_cells(mark.bbox, shown)
        # the suspect's outline is drawn in the theme's error colour: on its top edge (and its left
        # edge when that is in view; a wide cell zoomed to legibility runs past the pane's sides)
        x0, row0, x1, row1 = drawn[marks[0].figure_id]
        width = view._strips[0].cell_length
        error = tuple(Color.parse(app.current_theme.error).get_truecolor())
        assert 0 <= row0 < len(view._strips)
        assert error in cell_at(view, min(max((x0 + x1) // 2, 0), width - 1), row0)[1:]
        if 0 <= x0 < width:
            assert error in cell_at(view, x0, (row0 + row1) // 2)[1:]
        # moving on: the view follows the next finding with figures
        for _ in range(10):
            await pilot.press("n")
            view = await until_drawn(pilot)
            marks = entry_marks(screen.session, screen.session.entry(screen.entry_key))
            if marks:
                break
        assert view.shown.page == marks[0].page
        assert {m.figure_id for m, _ in view.shown.cell_boxes} <= {m.figure_id for m in marks}
        # v again hides it and gives the tree its column back
        await pilot.press("v")
        await pilot.pause()
        assert not screen.has_class("-page") and not view.display


@run_async
async def test_halfblock_fallback_zoom_and_pages(tmp_path):
    app = ReviewApp(REAL, options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("n", "v")
        view = await until_drawn(pilot)
        assert view.mode == "halfblock"
        chars = {segment.text[0] for strip in view._strips for segment in strip if segment.text}
        assert "▀" in chars  # two pixels a cell
        assert len(view._strips) == view.content_region.height - 1 and view._strips[0].cell_length == view.content_region.width
        scale, page = view.shown.view.scale, view.shown.page
        await pilot.press("plus")
        view = await until_drawn(pilot)
        assert view.shown.view.scale == pytest.approx(scale * ZOOM_STEP)
        await pilot.press("minus", "minus")
        view = await until_drawn(pilot)
        assert view.shown.view.scale == pytest.approx(scale / ZOOM_STEP)
        await pilot.press("right_square_bracket")
        view = await until_drawn(pilot)
        assert view.shown.page == page + 1
        await pilot.press("left_square_bracket", "left_square_bracket")
        view = await until_drawn(pilot)
        assert view.shown.page == page - 1
        # a render that comes back after the reviewer moved on is dropped
        before = (view.shown, view._message)
        view.post_message(PageView.Rendered(view._token - 1, None, [], "stale"))
        await pilot.pause()
        assert (view.shown, view._message) == before


@run_async
async def test_zoom_and_page_keys_pressed_while_their_page_renders_all_count(tmp_path):
    """A zoom or page key while the render of the one before is in flight adds to it: each key
    started from the view last drawn, so two quick ``+`` zoomed once and two ``]`` turned one page."""
    app = ReviewApp(REAL, options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("n", "v")
        view = await until_drawn(pilot)
        screen = app.screen
        scale, page = view.shown.view.scale, view.shown.page
        assert page + 2 <= view.shown.page_count
        screen.action_page("zoom_in")
        assert view.busy  # what the second key meets
        screen.action_page("zoom_in")
        view = await until_drawn(pilot)
        assert view.shown.view.scale == pytest.approx(scale * ZOOM_STEP**2)
        screen.action_page("next_page")
        screen.action_page("next_page")
        view = await until_drawn(pilot)
        assert view.shown.page == page + 2
        screen.action_page("previous_page")
        screen.action_page("zoom_out")
        screen.action_page("previous_page")
        view = await until_drawn(pilot)
        assert view.shown.page == page
        turned = view.shown.view.scale
        screen.action_page("zoom_out")  # once the keys' render landed, from what it drew
        view = await until_drawn(pilot)
        assert view.shown.view.scale == pytest.approx(turned / ZOOM_STEP)


@run_async
async def test_pages_are_rendered_once_per_scale_for_the_session(tmp_path, monkeypatch):
    from tui_review.render.pdf_pages import PdfPages

    calls: list[int] = []
    render = PdfPages.render

    def counted(self, number, scale, region=None):
        calls.append(number)
        return render(self, number, scale, region)

    monkeypatch.setattr(PdfPages, "render", counted)
    app = ReviewApp(REAL, options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("n", "v")
        view = await until_drawn(pilot)
        first = view.shown.page
        assert calls == [first]
        await pilot.press("right_square_bracket")
        await until_drawn(pilot)
        await pilot.press("left_square_bracket")
        view = await until_drawn(pilot)
        assert view.shown.page == first and calls == [first, first + 1]  # back: from the LRU


@run_async
async def test_a_text_document_shows_its_lines_with_the_figure(doc_copy):
    app = ReviewApp(doc_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        screen = app.screen
        for _ in range(10):  # to the first finding about figures
            await pilot.press("n")
            await pilot.pause()
            if screen.session.entry(screen.entry_key).figure_ids:
                break
        await pilot.press("v")
        view = await until_drawn(pilot)
        entry = screen.session.entry(screen.entry_key)
        figures = [screen.session.figures[f] for f in entry.figure_ids]
        text = "".join(strip.text.rstrip() for strip in view._strips)
        assert view.shown is None and view._message.startswith("正文第")
        assert all(figure.text in text for figure in figures if figure.start is not None), (entry.key, text)


def test_graphics_mode_from_the_environment_and_the_setting():
    assert graphics_mode("auto", NO_GRAPHICS) == "halfblock"
    assert graphics_mode("auto", {"TERM": "xterm-kitty"}) == "kitty"
    assert graphics_mode("auto", {"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}) == "sixel"
    assert graphics_mode("auto", {"TERM": "xterm-ghostty", "TERM_PROGRAM": "ghostty"}) == "kitty"
    assert graphics_mode("auto", {"TERM": "foot"}) == "sixel"
    assert graphics_mode("auto", {"TERM": "xterm-kitty", "TMUX": "/run/tmux-0/default,1,0"}) == "halfblock"
    assert graphics_mode("halfblock", {"TERM": "xterm-kitty"}) == "halfblock"
    assert graphics_mode("sixel", NO_GRAPHICS) == "sixel"


def test_the_graphics_setting_is_validated(tmp_path):
    from tui_review.config import ConfigError, load_config

    path = tmp_path / "config.toml"
    path.write_text('[ui]\ngraphics = "halfblock"\n', encoding="utf-8")
    assert load_config(path).ui.graphics == "halfblock"
    path.write_text('[ui]\ngraphics = "png"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="ui.graphics"):
        load_config(path)


def pinned_page_check(doc: Document, config=None):
    """One failing finding on page 10 of the published PDF: 合计 2,940.05 = 2,336.91 + 603.14 (held
    as failing so the picture is fixed, whatever the rules say)."""
    from types import SimpleNamespace

    cells = [next(f for f in doc.figures if f.page == 10 and f.cell is not None and f.text == text) for text in ("2,940.05", "2,336.91", "603.14")]
    evidence = [
        Evidence(f.id, f.text, f.value, f.unit, f.subject, str(f.role), "", Place.of_figure(f, doc), 0 if i == 0 else 1, "stated" if i == 0 else "term")
        for i, f in enumerate(cells)
    ]
    finding = Finding(
        finding_id="pin-page", document=doc.path, rule="table.total", severity="error", verdict=Verdict.FAILS, section="",
        section_id=cells[0].section_id, place=Place.of_figure(cells[0], doc), stated="2,940.05", expected="2,940.05",
        message_zh="合计应等于各项之和", message_en="the total should equal its parts", evidence=evidence,
        figure_ids=tuple(f.id for f in cells),
    )
    return SimpleNamespace(findings=[finding])


def test_snapshot_page_view_120x40(snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(REAL.parent)
    options = LoadOptions(review_path=tmp_path / "review.sqlite", check=pinned_page_check)
    app = ReviewApp(Path(REAL.name), options=options, theme="review-dark")

    async def prepare(pilot) -> None:
        await loaded(pilot)
        pilot.app.clear_notifications()
        await pilot.press("n", "v")
        await until_drawn(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=prepare)
