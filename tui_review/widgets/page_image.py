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
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module

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
    return widget if isinstance(widget, type) else None


def cell_pixels() -> tuple[int, int]:
    """(width, height) of one terminal cell in pixels, as textual-image measured it at start-up."""
    if "module" not in _loaded:
        return DEFAULT_CELL
    try:
        size = import_module("textual_image._terminal").get_cell_size()
        return (int(size.width), int(size.height))
    except Exception:  # noqa: BLE001 — a private helper of the library: its guess if it moved
        return DEFAULT_CELL
