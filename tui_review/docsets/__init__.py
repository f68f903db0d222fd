"""Document sets: disclosures that belong together, found from their metadata alone.

``identity`` says what one document is (department, year, kind, prose and/or tables) as a small
`DocInfo`; ``grouping`` puts one department's documents in a `DocSet` and links a year's 预算 to
its 决算, consecutive years of one kind, and a text file to its tables file. ``discover`` finds
the disclosures under a folder. Pure: no Textual, no output.
"""

from __future__ import annotations

from pathlib import Path

from tui_review.docsets.grouping import DocSet, Link, LinkKind, group
from tui_review.docsets.identity import (
    DocInfo,
    department_key,
    describe,
    same_department,
)

DISCLOSURE_SUFFIXES = (".pdf", ".txt", ".md")

__all__ = [
    "DocInfo",
    "DocSet",
    "Link",
    "LinkKind",
    "department_key",
    "describe",
    "discover",
    "expand",
    "group",
    "same_department",
]


def discover(folder: Path) -> list[Path]:
    """Every disclosure file under ``folder`` (PDF, text, Markdown; not README.md), sorted."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in DISCLOSURE_SUFFIXES or path.name.lower() == "readme.md":
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_file():
            found.append(path)
    return found


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders replaced by the disclosures under them."""
    out: list[Path] = []
    for path in paths:
        out += discover(path) if path.is_dir() else [path]
    return out
