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

Sixel: textual-image encodes the picture when its widget draws, on the UI thread (40–70 ms a page,
a key pressed meanwhile waits). `sixel_encoder()` gives the library's encoder to the page view's
worker, which encodes the picture beside rendering it; the widget `protocol_widget("sixel")` gives
draws that pre-encoded data when the picture it draws is exactly the one encoded (whole, unscaled)
and encodes as the library does otherwise (scrolled partly out of view, a resized pane).
"""

from __future__ import annotations

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
    return widget


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
    """textual-image's Sixel widget drawing the data the worker encoded (`SixelPicture`) when it draws
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
            if isinstance(ready, SixelPicture) and ready.fits(self.image, image, sixel_options):
                return ready.data
            return str(super()._image_to_sixels(image, sixel_options, background))

    class PreEncodedSixelImage(widget, Renderable=getattr(widget, "_Renderable", None)):  # type: ignore[call-arg]
        pre_encoded: SixelPicture | None = None

        def compose(self) -> Any:
            yield _PreEncodedImpl(self.image, self._sixel_options)

    _loaded["sixel widget"] = PreEncodedSixelImage
    return PreEncodedSixelImage


@dataclass(frozen=True, slots=True)
class SixelPicture:
    """A picture and its Sixel encoding, made in the worker."""

    picture: Any  # the PIL image handed to the widget
    data: str

    def fits(self, source: Any, drawn: Any, options: Any) -> bool:
        """Is ``drawn`` (what the widget is about to encode, from ``source``) this picture, whole and
        unscaled, with the library's default options? An RGB picture's encoding ignores the background."""
        return source is self.picture and options is None and drawn.size == self.picture.size and self.picture.mode == "RGB"


def cell_pixels() -> tuple[int, int]:
    """(width, height) of one terminal cell in pixels, as textual-image measured it at start-up."""
    if "module" not in _loaded:
        return DEFAULT_CELL
    try:
        size = import_module("textual_image._terminal").get_cell_size()
        return (int(size.width), int(size.height))
    except Exception:  # noqa: BLE001 — a private helper of the library: its guess if it moved
        return DEFAULT_CELL
