"""Figure marks as the widgets draw them: a glyph for every state (readable without colour) and a
style taken from the current theme (error, warning, verified, reviewer's mark)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App

from tui_review.review.session import ERROR, INVOLVED, OK, UNCHECKED, WARNING

GLYPHS = {ERROR: "✗", WARNING: "!", INVOLVED: "◦", OK: "✓", UNCHECKED: ""}
OWN_GLYPH = "★"
SEVERITY_GLYPHS = {"error": "✗", "warning": "!", "info": "·"}


def _colour(app: App, state: str) -> str | None:
    theme = app.current_theme
    if state == ERROR:
        return theme.error
    if state == WARNING:
        return theme.warning
    if state == OK:
        return theme.variables.get("verified") or theme.success or theme.primary
    if state == "own":
        return theme.variables.get("own-mark") or theme.secondary or theme.primary
    return None


def mark_style(app: App, state: str) -> Style:
    """Error: bold and underlined; warning: underlined; involved (an operand of a failing relation
    whose suspect is another figure): dim and underlined; verified: coloured; unchecked: plain."""
    colour = _colour(app, state)
    if state == ERROR:
        return Style(color=colour, bold=True, underline=True)
    if state == WARNING:
        return Style(color=colour, underline=True)
    if state == INVOLVED:
        return Style(dim=True, underline=True)
    if state in (OK, "own"):
        return Style(color=colour)
    return Style()


def severity_style(app: App, severity: str) -> Style:
    if severity == "error":
        return mark_style(app, ERROR)
    if severity == "warning":
        return Style(color=_colour(app, WARNING), bold=True)
    return Style(dim=True)


def marked(app: App, text: str, state: str, own: bool = False) -> Text:
    """A figure's printed text with its glyph (and ★ when the reviewer marked it)."""
    out = Text(text, style=mark_style(app, state))
    if GLYPHS.get(state):
        out.append(GLYPHS[state], style=mark_style(app, state))
    if own:
        out.append(OWN_GLYPH, style=mark_style(app, "own"))
    return out


def badge(app: App, errors: int, warnings: int) -> Text:
    """``✗2 !1`` before a tree node's label: open errors and warnings in its subtree."""
    parts = []
    if errors:
        parts.append(Text(f"✗{errors}", style=mark_style(app, ERROR)))
    if warnings:
        parts.append(Text(f"!{warnings}", style=Style(color=_colour(app, WARNING), bold=True)))
    return Text(" ").join(parts)
