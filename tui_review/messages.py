"""App-level messages, as dataclasses (after Toolong): what the loading worker reports to the review
screen, the figure cursor of the content panes (the section text and the table grid post the same
two), and the search worker's answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from parsers.model import Document
from tui_review.review.search import SearchHit
from tui_review.review.session import ReviewSession


@dataclass
class LoadProgress(Message):
    """Pages parsed or relations checked; a newer one replaces an undelivered older one."""

    done: int
    total: int
    stage: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


@dataclass
class DocumentPartial(Message):
    """The first pages of a long document: the tree can fill in before the whole file is read."""

    document: Document

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DocumentPartial)


@dataclass
class ReviewReady(Message):
    """The document is parsed and checked and its review store is open."""

    session: ReviewSession
    path: Path


@dataclass
class FigureHighlighted(Message):
    """The figure cursor moved (``None``: onto a cell or place without a figure)."""

    figure_id: str | None


@dataclass
class FigureOpened(Message):
    """Enter on a figure: open its finding."""

    figure_id: str


@dataclass
class SearchDone(Message):
    """The search worker's answer to one query."""

    query: str
    hits: list[SearchHit]
