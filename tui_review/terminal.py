"""Terminal safety: text from a document or a file name, made inert before a terminal shows it.

`printable(text)` is the one function every terminal-facing output calls (the CLI's text output,
its error lines, and every widget of the app). It keeps ``\\t`` and ``\\n`` and shows every other
control character as a visible escape (``\\x1b``, ``\\x9b``, ``\\x7f`` …): C0 controls, DEL, C1
controls, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder
what the reader sees. An escape sequence such as ``ESC]52;c;…BEL`` (set the clipboard) thus reaches
the screen as the harmless text ``\\x1b]52;c;…\\x07``. JSON and CSV outputs do not call it: they
keep the document's text exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, one_line: bool = False) -> str:
    """``text`` safe to write to a terminal: control characters shown as visible escapes.

    ``\\t`` and ``\\n`` are kept, unless ``one_line`` is set (for a name inside a one-line
    message), in which case ``\\n`` is escaped too. Anything not a string is ``str()``-ed first.
    """
    text = text if isinstance(text, str) else str(text)
    pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE
    if pattern.search(text) is None:  # the common case: nothing to replace, no copy
        return text
    return pattern.sub(_visible, text)


def runs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, bool]]:
    """``text[start:end]`` cut into runs ``(run_start, run_end, safe)``: a widget that maps what it
    draws back to offsets in ``text`` draws the safe runs as they are and the others through
    `printable`."""
    end = len(text) if end is None else end
    pos = start
    for match in _UNSAFE.finditer(text, start, end):
        if match.start() > pos:
            yield pos, match.start(), True
        yield match.start(), match.end(), False
        pos = match.end()
    if end > pos:
        yield pos, end, True
