"""The page view in a terminal with a graphics protocol: which way a page is drawn (the setting, the
environment, a terminal or not, textual-image loadable or not), and the picture handed to the
protocol's image widget at the terminal's pixel size, its boxes where the figures are."""

from __future__ import annotations

import sys
import types

import pytest
from rich.color import Color
from textual.widget import Widget
from tui_helpers import run_async
from test_page_view import ERRORS, to_a_finding_on_a_page, until_drawn

from tui_review.app import ReviewApp
from tui_review.render.marks import SUSPECT
from tui_review.review.pipeline import LoadOptions
from tui_review.widgets import page_image
from tui_review.widgets.page_image import Choice, choose, preload

KITTY = {"TERM": "xterm-kitty"}
PLAIN = {"TERM": "xterm-256color"}


@pytest.fixture(autouse=True)
def nothing_preloaded(monkeypatch, tmp_path):
    monkeypatch.setattr(page_image, "_loaded", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_the_mode_follows_the_setting_then_the_environment_as_far_as_it_can_be_honoured():
    assert choose("auto", KITTY, tty=True, available=True) == Choice("kitty", "kitty (detected)")
    assert choose("auto", {"TERM": "foot"}, tty=True, available=True).mode == "sixel"
    assert choose("sixel", PLAIN, tty=True, available=True) == Choice("sixel", "sixel (set)")
    assert choose("auto", PLAIN, tty=True, available=True).mode == "halfblock"
    assert choose("halfblock", KITTY, tty=True, available=True) == Choice("halfblock", "set to halfblock")
    assert choose("auto", {**KITTY, "TMUX": "/run/tmux/default,1,0"}, tty=True, available=True).mode == "halfblock"
    # a protocol wanted but not possible here: half-blocks, saying why
    off_tty = choose("kitty", PLAIN, tty=False, available=True)
    assert off_tty.mode == "halfblock" and "not a terminal" in off_tty.reason
    missing = choose("auto", KITTY, tty=True, available=False)
    assert missing.mode == "halfblock" and "textual-image" in missing.reason


def test_preload_never_loads_the_library_off_a_terminal_nor_for_halfblocks(monkeypatch):
    monkeypatch.delitem(sys.modules, "textual_image.widget", raising=False)
    assert preload("kitty", KITTY).mode == "halfblock"  # pytest's stdout is no terminal
    assert preload("halfblock", KITTY).mode == "halfblock"
    assert "module" not in page_image._loaded and "textual_image.widget" not in sys.modules
    assert page_image.protocol_widget("kitty") is None


class FakeProtocolImage(Widget):
    """Stands in for textual-image's widget: keeps the picture it is given."""

    image = None


@run_async
async def test_a_protocol_terminal_gets_the_page_as_an_image_at_its_pixel_size(tmp_path, monkeypatch):
    module = types.SimpleNamespace(TGPImage=FakeProtocolImage, SixelImage=FakeProtocolImage)
    monkeypatch.setattr(page_image, "_loaded", {"module": module, "choice": Choice("kitty", "test")})
    monkeypatch.setattr(page_image, "cell_pixels", lambda: (8, 16))
    app = ReviewApp(ERRORS, options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await to_a_finding_on_a_page(pilot)
        await pilot.press("v")
        view = await until_drawn(pilot)
        await pilot.pause()
        assert view.mode == "kitty" and view._strips == []  # no half-blocks drawn
        image_widget = view.image_widget
        assert isinstance(image_widget, FakeProtocolImage)
        columns, rows = view._picture_size()
        picture = image_widget.image
        assert picture is view.shown.picture.image and picture.size == (columns * 8, rows * 16)
        assert image_widget.region.y == view.content_region.y + 1  # below the caption line
        assert "Kitty" in view._message
        # the suspect's box is drawn in the error colour on the picture, at its place
        error = tuple(Color.parse(app.current_theme.error).get_truecolor())
        (x0, y0, x1, y1) = next(box for mark, box in view.shown.picture.boxes if mark.kind == SUSPECT)
        top = max(0, min(y0, picture.height - 1))
        assert picture.convert("RGB").getpixel((max(0, min((x0 + x1) // 2, picture.width - 1)), top)) == error


@run_async
async def test_a_sixel_terminal_gets_the_page_encoded_in_the_worker_never_on_the_ui_thread(tmp_path, monkeypatch):
    """textual-image encodes Sixel when its widget draws, on the UI thread (40–70 ms a page): the
    page view's worker encodes it beside rendering, and the widget draws that data."""
    import threading

    widget_module = pytest.importorskip("textual_image.widget")  # stdout is no terminal here: nothing is asked
    sixel_widget_module = sys.modules["textual_image.widget.sixel"]
    encoder_module = sys.modules["textual_image._sixel"]
    encoded_on: list[str] = []
    real_encode = encoder_module.image_to_sixels

    def encode(image, options=None, background=None):
        encoded_on.append(threading.current_thread().name)
        return real_encode(image, options, background)

    monkeypatch.setattr(encoder_module, "image_to_sixels", encode)
    monkeypatch.setattr(sixel_widget_module, "image_to_sixels", encode)  # the widget's own encoding
    monkeypatch.setattr(page_image, "_loaded", {"module": widget_module, "choice": Choice("sixel", "test")})
    monkeypatch.setattr(page_image, "cell_pixels", lambda: (10, 20))
    app = ReviewApp(ERRORS, options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await to_a_finding_on_a_page(pilot)
        await pilot.press("v")
        view = await until_drawn(pilot)
        await pilot.pause()
        await pilot.pause()
        image_widget = view.image_widget
        assert view.mode == "sixel" and image_widget is not None
        assert image_widget.pre_encoded is not None and image_widget.pre_encoded.picture is view.shown.picture.image
        drawn = "".join(segment.text for strip in image_widget.children[0].render_lines(image_widget.children[0].region.reset_offset) for segment in strip)
        assert image_widget.pre_encoded.data in drawn  # the widget drew the worker's encoding
        assert encoded_on and threading.main_thread().name not in encoded_on, encoded_on


@run_async
async def test_a_kitty_terminal_gets_the_page_encoded_in_the_worker_never_on_the_ui_thread(tmp_path, monkeypatch):
    """textual-image makes Kitty's PNG when its widget draws, on the UI thread (7–16 ms a page): the
    page view's worker encodes it beside rendering, and the widget sends that data."""
    import threading

    widget_module = pytest.importorskip("textual_image.widget")
    tgp = sys.modules["textual_image.renderable.tgp"]
    sent: list[dict] = []
    monkeypatch.setattr(tgp, "_send_tgp_message", lambda **message: sent.append(message))  # no terminal here
    encoded_on: list[str] = []
    real_png = page_image.kitty_png

    def png(picture):
        encoded_on.append(threading.current_thread().name)
        return real_png(picture)

    monkeypatch.setattr(page_image, "kitty_png", png)
    pixel_data = sys.modules["textual_image._pixeldata"].PixelData
    library_encoded: list[str] = []
    real_to_base64 = pixel_data.to_base64
    monkeypatch.setattr(pixel_data, "to_base64", lambda self: library_encoded.append("ui") or real_to_base64(self))
    monkeypatch.setattr(page_image, "_loaded", {"module": widget_module, "choice": Choice("kitty", "test")})
    monkeypatch.setattr(page_image, "cell_pixels", lambda: (10, 20))
    app = ReviewApp(ERRORS, options=LoadOptions(review_path=tmp_path / "r.sqlite"))
    async with app.run_test(size=(120, 40)) as pilot:
        await to_a_finding_on_a_page(pilot)
        await pilot.press("v")
        view = await until_drawn(pilot)
        await pilot.pause()
        await pilot.pause()
        image_widget = view.image_widget
        assert view.mode == "kitty" and image_widget is not None
        encoded = image_widget.pre_encoded
        assert encoded is not None and encoded.picture is view.shown.picture.image is image_widget.image
        payload = "".join(message.get("payload") or "" for message in sent if message.get("f") == 100)
        assert payload == encoded.data  # the widget sent the worker's PNG
        assert encoded_on and threading.main_thread().name not in encoded_on, encoded_on
        assert library_encoded == []  # the library encoded nothing on the UI thread
        # the picture is whole cells, shown at its own size (never stretched to the pane)
        picture = encoded.picture
        assert picture.width % 10 == 0 and picture.height % 20 == 0
        assert (image_widget.size.width, image_widget.size.height) == (picture.width // 10, picture.height // 20)
