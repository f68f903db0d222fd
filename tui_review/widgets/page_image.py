"""The page view's real image, through a terminal graphics protocol (Kitty, Sixel), with textual-image.

Which way a page is drawn is decided once, at start-up: `choose` takes the ``[ui] graphics``
setting (``auto`` guesses from the environment: `tui_review.render.terminal.graphics_mode`),
whether stdout is a terminal and whether textual-image could be loaded, and gives ``kitty``,
``sixel`` or ``halfblock`` with the reason in words. `preload` loads textual-image only when a
protocol is wanted and stdout is a terminal, before the app takes the terminal: the library asks
the terminal for its cell size and capabilities while it is imported (each question waits at most
0.1 s), which cannot work once Textual reads the input — so it is never imported later, never
under tests, CI or a pipe, and never for ``halfblock``. Anything that fails on the way (not
installed, an error while importing) falls back to half-blocks, said in the page view's caption.

`protocol_widget(mode)` is the image widget class for a protocol once preloaded (None otherwise);
`cell_pixels()` the terminal's cell size in pixels as the library measured it.

Both protocols' encodings are made off the UI thread: textual-image encodes a picture when its
widget draws, on the UI thread (Sixel 40–70 ms a page, Kitty's base64 PNG 7–16 ms), and a key
pressed meanwhile waits. `encoder(mode)` gives the page view's worker the encoding (the library's
Sixel encoder; Kitty's PNG as the library makes it), which it runs beside rendering the page; the
widgets `protocol_widget` gives draw that pre-encoded data (`EncodedPicture`) when the picture they
draw is exactly the one encoded (whole, at its own pixel size), and encode as the library does
otherwise (Sixel scrolled partly out of view, a resized pane).
"""

from __future__ import annotations

import base64
import io
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from tui_review.render.terminal import graphics_mode

PROTOCOLS = ("kitty", "sixel")
_WIDGETS = {"kitty": "TGPImage", "sixel": "SixelImage"}
DEFAULT_CELL = (10, 20)  # pixels of a cell when the terminal does not say (the library's VT340 guess)

_loaded: dict[str, object] = {}  # "module": textual_image.widget once preloaded; "error": why not


@dataclass(frozen=True, slots=True)
class Choice:
    mode: str  # kitty | sixel | halfblock
    reason: str  # why, in English (for the log and the caption's tooltip)


def choose(setting: str, environ: Mapping[str, str], *, tty: bool, available: bool) -> Choice:
    """The drawing mode for this terminal: the setting (or the environment's guess), as far as it can
    be honoured here."""
    wanted = graphics_mode(setting, environ)
    if wanted not in PROTOCOLS:
        return Choice("halfblock", "set to halfblock" if setting == "halfblock" else "no graphics protocol detected")
    if not tty:
        return Choice("halfblock", f"{wanted} wanted, but stdout is not a terminal")
    if not available:
        return Choice("halfblock", f"{wanted} wanted, but textual-image cannot be loaded: {_loaded.get('error', 'not loaded')}")
    return Choice(wanted, f"{wanted} ({'set' if setting != 'auto' else 'detected'})")


def preload(setting: str, environ: Mapping[str, str] | None = None) -> Choice:
    """At start-up, before the app runs: load textual-image when a protocol is wanted here."""
    environ = os.environ if environ is None else environ
    tty = bool(sys.__stdout__ and sys.__stdout__.isatty() and sys.__stdin__ and sys.__stdin__.isatty())
    if graphics_mode(setting, environ) in PROTOCOLS and tty and "module" not in _loaded:
        try:
            _loaded["module"] = import_module("textual_image.widget")
        except Exception as exc:  # noqa: BLE001 — not installed, or a terminal it cannot talk to
            _loaded["error"] = f"{type(exc).__name__}: {exc}"
    choice = choose(setting, environ, tty=tty, available="module" in _loaded)
    _loaded["choice"] = choice
    return choice


def current() -> Choice | None:
    """What `preload` chose (None when it did not run: tests, headless commands)."""
    choice = _loaded.get("choice")
    return choice if isinstance(choice, Choice) else None


def protocol_widget(mode: str) -> type | None:
    """textual-image's widget class for ``mode``, when it was preloaded; None for half-blocks."""
    module = _loaded.get("module")
    if mode not in PROTOCOLS or module is None:
        return None
    widget = getattr(module, _WIDGETS[mode], None)
    if not isinstance(widget, type):
        return None
    if mode == "sixel":
        return _pre_encoded_sixel(widget) or widget
    return _pre_encoded_tgp(widget) or widget


def encoder(mode: str) -> Callable[[Any], str] | None:
    """The encoding of a picture for ``mode``'s protocol, for a worker thread; None when the library is
    not loaded (half-blocks) or its Sixel encoder moved (its widget then encodes as before)."""
    if "module" not in _loaded:
        return None
    if mode == "kitty":
        return kitty_png
    return sixel_encoder() if mode == "sixel" else None


def kitty_png(picture: Any) -> str:
    """The picture as the Kitty protocol carries it from textual-image: a PNG (compression level 2),
    base64."""
    buffer = io.BytesIO()
    picture.save(buffer, format="png", compress_level=2)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def sixel_encoder() -> Callable[[Any], str] | None:
    """textual-image's Sixel encoder (picture → escape sequence), for a worker thread; None when the
    library is not loaded or its encoder moved."""
    if "module" not in _loaded:
        return None
    try:
        encode = import_module("textual_image._sixel").image_to_sixels
    except Exception:  # noqa: BLE001 — a private module of the library: the widget encodes as before
        return None
    return lambda picture: str(encode(picture))


def _pre_encoded_sixel(widget: type) -> type | None:
    """textual-image's Sixel widget drawing the data the worker encoded (`EncodedPicture`) when it draws
    that very picture. None when the library's drawing part is not where it was (the plain widget then)."""
    cached = _loaded.get("sixel widget")
    if isinstance(cached, type):
        return cached
    try:
        impl = import_module("textual_image.widget.sixel")._ImageSixelImpl
    except Exception:  # noqa: BLE001 — a private class of the library
        return None

    class _PreEncodedImpl(impl):  # type: ignore[misc, valid-type]
        def _image_to_sixels(self, image: Any, sixel_options: Any = None, background: Any = None) -> str:
            ready = getattr(self.parent, "pre_encoded", None)
            if isinstance(ready, EncodedPicture) and ready.fits(self.image, image, sixel_options):
                return ready.data
            return str(super()._image_to_sixels(image, sixel_options, background))

    class PreEncodedSixelImage(widget, Renderable=getattr(widget, "_Renderable", None)):  # type: ignore[call-arg]
        pre_encoded: EncodedPicture | None = None

        def compose(self) -> Any:
            yield _PreEncodedImpl(self.image, self._sixel_options)

    _loaded["sixel widget"] = PreEncodedSixelImage
    return PreEncodedSixelImage


def _pre_encoded_tgp(widget: type) -> type | None:
    """textual-image's Kitty widget sending the PNG the worker encoded when it sends that very picture
    at its own size. None when the library's renderable is not where it was (the plain widget then)."""
    cached = _loaded.get("kitty widget")
    if isinstance(cached, type):
        return cached
    if not hasattr(widget, "_Renderable"):  # not textual-image's widget (a stand-in)
        return None
    try:
        renderable = import_module("textual_image.renderable.tgp").Image
    except Exception:  # noqa: BLE001 — the library's module layout
        return None

    class _PreEncodedTGP(renderable):  # type: ignore[misc, valid-type]
        ready: EncodedPicture | None = None
        source: Any = None

        def _send_image_to_terminal(self, width: int, height: int) -> None:
            ready = self.ready
            if ready is None or not ready.fits_size(self.source, (width, height)):
                super()._send_image_to_terminal(width, height)
                return
            pixels: Any = self._image_data  # type: ignore[has-type]
            self._image_data = _Encoded(ready.data)  # the library's own sending, of the worker's PNG
            try:
                super()._send_image_to_terminal(width, height)
            finally:
                self._image_data = pixels

    class PreEncodedTGPImage(widget, Renderable=_PreEncodedTGP):  # type: ignore[call-arg]
        pre_encoded: EncodedPicture | None = None

        def render(self) -> Any:
            drawn = super().render()
            if isinstance(drawn, _PreEncodedTGP):
                drawn.ready, drawn.source = self.pre_encoded, self.image
            return drawn

    _loaded["kitty widget"] = PreEncodedTGPImage
    return PreEncodedTGPImage


class _Encoded:
    """Stands in for textual-image's pixel data once encoded: scaling to its own size, then base64."""

    def __init__(self, data: str) -> None:
        self.data = data

    def scaled(self, width: int, height: int) -> _Encoded:
        return self

    def to_base64(self) -> str:
        return self.data


@dataclass(frozen=True, slots=True)
class EncodedPicture:
    """A picture and its encoding for the terminal's protocol, made in the worker."""

    picture: Any  # the PIL image handed to the widget
    data: str

    def fits(self, source: Any, drawn: Any, options: Any) -> bool:
        """Sixel: is ``drawn`` (what the widget is about to encode, from ``source``) this picture, whole
        and unscaled, with the library's default options? An RGB picture's encoding ignores the background."""
        return source is self.picture and options is None and drawn.size == self.picture.size and self.picture.mode == "RGB"

    def fits_size(self, source: Any, size: tuple[int, int]) -> bool:
        """Kitty: is the widget about to send this picture at its own pixel size?"""
        return source is self.picture and tuple(size) == self.picture.size


def cell_pixels() -> tuple[int, int]:
    """(width, height) of one terminal cell in pixels, as textual-image measured it at start-up."""
    if "module" not in _loaded:
        return DEFAULT_CELL
    try:
        size = import_module("textual_image._terminal").get_cell_size()
        return (int(size.width), int(size.height))
    except Exception:  # noqa: BLE001 — a private helper of the library: its guess if it moved
        return DEFAULT_CELL
