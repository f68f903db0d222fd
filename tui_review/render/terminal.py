"""Which way the page view draws a page in this terminal: a graphics protocol or half-blocks.

`graphics_mode` reads only the environment (never queries the terminal, which would race Textual
for its input): Kitty (``TERM=xterm-kitty``, ``KITTY_WINDOW_ID``) and terminals that speak its
protocol's Unicode placeholders (Ghostty) → ``kitty``; known Sixel terminals (``TERM`` of foot,
mlterm, contour; WezTerm, Konsole and iTerm2 ≥ 3.5 through ``TERM_PROGRAM`` / ``KONSOLE_VERSION``:
their Kitty support lacks the placeholders textual-image draws with) → ``sixel``; anything else, and every terminal
inside tmux or screen (which do not pass images through by default), → ``halfblock``. The
``[ui] graphics`` setting overrides the guess. Whether the app can draw a protocol at all is
`tui_review.widgets.page_image`'s business: without textual-image, or off a terminal, half-blocks.
"""

from __future__ import annotations

from collections.abc import Mapping

KITTY_PROGRAMS = ("ghostty",)
SIXEL_TERMS = ("foot", "mlterm", "contour", "yaft")
SIXEL_PROGRAMS = ("iterm.app", "wezterm")


def graphics_mode(setting: str, environ: Mapping[str, str]) -> str:
    """``kitty``, ``sixel`` or ``halfblock`` for this terminal; ``setting`` other than ``auto`` wins."""
    if setting != "auto":
        return setting
    term = environ.get("TERM", "").lower()
    program = environ.get("TERM_PROGRAM", "").lower()
    if term.startswith(("screen", "tmux")) or "TMUX" in environ:
        return "halfblock"
    if "kitty" in term or "KITTY_WINDOW_ID" in environ or program in KITTY_PROGRAMS:
        return "kitty"
    if term.startswith(SIXEL_TERMS) or program in SIXEL_PROGRAMS or "KONSOLE_VERSION" in environ:
        return "sixel"
    return "halfblock"
