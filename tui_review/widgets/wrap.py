"""Line breaking for Chinese text: Rich breaks lines only at spaces, which leaves a short Latin
word alone on a line before a long run of Chinese; here a line may break between any two characters
except inside a run of digits and Latin letters, so a figure like ``1,724.62✗`` stays whole, and
(the usual Chinese rule, 禁则) never before a closing mark such as ，。） or after an opening one such
as （“."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

_GLUE = frozenset("0123456789.,%-+ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz✗✓★!()")
_NO_LINE_START = frozenset("，。、；：？！）」』】〉》”’％…·,.;:?!)%")
_NO_LINE_END = frozenset("（「『【〈《“‘(")


def break_offsets(plain: str, width: int) -> list[int]:
    """Where to break a paragraph into lines of ``width`` cells, Chinese style: between any two
    characters, except inside a run of digits and Latin letters (a figure such as ``1,724.62✗``
    never splits), before a closing mark or after an opening one; a line with no such place is
    cut where it must."""
    offsets: list[int] = []
    line_width = 0
    last_break = None  # offset of the last place a line may start
    start = 0
    for i, ch in enumerate(plain):
        prev = plain[i - 1] if i else ""
        if i > start and not (ch in _GLUE and prev in _GLUE) and ch not in _NO_LINE_START and prev not in _NO_LINE_END:
            last_break = i
        w = cell_len(ch)
        if line_width + w > width and i > start:
            cut = last_break if last_break is not None and last_break > start else i
            if cell_len(plain[cut:i]) + w > width:  # what the break carries over would not fit either
                cut = i
            offsets.append(cut)
            start = cut
            line_width = cell_len(plain[cut:i])
            last_break = None
        line_width += w
    return offsets


def wrap(text: Text, width: int) -> Text:
    """``text`` with line breaks inserted at ``width`` cells (existing newlines are kept); for
    display only: a space the line breaks at is dropped."""
    lines = []
    for line in text.split("\n", allow_blank=True):
        pieces = line.divide(break_offsets(line.plain, width))
        for n, piece in enumerate(pieces):  # the space a line breaks at is drawn on neither line
            if n < len(pieces) - 1 and piece.plain.endswith(" "):
                piece = piece[:-1]
            if n > 0 and piece.plain.startswith(" "):
                piece = piece[1:]
            lines.append(piece)
    return Text("\n").join(lines)
