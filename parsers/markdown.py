"""Markdown disclosures: the syntax a converter adds, turned into the plain-text forms the parser
already reads, line for line.

- ATX headings (``## 一、收入支出决算总体情况说明``): the hashes go, the title stays on its line, so
  the heading reader sees ``一、…`` as it would in a text file;
- pipe tables (a header row, a ``|---|--:|`` rule, then body rows): each row becomes its cells
  separated by tabs — the layout `parsers.text_tables` reads — and the rule row a blank line. Only a
  table with its rule row is one: lines that merely contain ``|`` (a flattened web table whose merged
  cells left empty runs) are not guessed at;
- block quotes (``> ``), bullets (``- ``, ``* ``, ``+ ``) and thematic breaks (``---``) at the start of
  a line go.

Everything else — emphasis, links, numbers — is left as written (the figure reader passes over
``**`` around a number). The number of lines never changes, so a line number in the converted text is
the line number in the file.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
BULLET = re.compile(r"^(\s*)(?:>\s?)+|^(\s*)[-*+]\s+(?=\S)")
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
RULE_CELL = re.compile(r":?-{1,}:?")
SUFFIXES = (".md", ".markdown")


def looks_like_markdown(path: str, text: str) -> bool:
    """A Markdown file by its name, or a text whose tables are pipe tables with their rule row."""
    return path.lower().endswith(SUFFIXES) or any(_is_rule(line) for line in text.split("\n"))


def to_plain_text(text: str) -> str:
    """The text with its Markdown syntax turned into plain-text layout, line for line."""
    lines = text.split("\n")
    out = list(lines)
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and _cells(lines[i]) is not None and _is_rule(lines[i + 1]):
            j = i + 2
            while j < len(lines) and _cells(lines[j]) is not None:
                j += 1
            out[i] = "\t".join(_cells(lines[i]) or [])
            out[i + 1] = ""
            for k in range(i + 2, j):
                out[k] = "\t".join(_cells(lines[k]) or [])
            i = j
            continue
        out[i] = _plain_line(lines[i])
        i += 1
    return "\n".join(out)


def _plain_line(line: str) -> str:
    heading = HEADING.match(line)
    if heading is not None:
        return heading.group(1)
    if THEMATIC_BREAK.match(line):
        return ""
    return BULLET.sub(lambda m: m.group(1) or m.group(2) or "", line, count=1)


def _cells(line: str) -> list[str] | None:
    """The cells of a pipe-table row, or None when the line is not one (fewer than two cells)."""
    stripped = line.strip()
    if "|" not in stripped:
        return None
    body = stripped[1:] if stripped.startswith("|") else stripped
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]
    return cells if len(cells) >= 2 else None


def _is_rule(line: str) -> bool:
    """The ``|---|:--:|`` row under a pipe table's header."""
    cells = _cells(line)
    return cells is not None and all(RULE_CELL.fullmatch(c.replace(" ", "")) for c in cells)
