"""App-level messages: what the loading worker reports to the review screen, and the figure cursor
of the content panes (the section text and the table grid post the same two)."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from parsers.model import Document
from tui_review.review.session import ReviewSession


class LoadProgress(Message):
    """Pages parsed or relations checked; a newer one replaces an undelivered older one."""

    def __init__(self, done: int, total: int, stage: str) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.stage = stage

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


class DocumentPartial(Message):
    """The first pages of a long document: the tree can fill in before the whole file is read."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DocumentPartial)


class ReviewReady(Message):
    """The document is parsed and checked and its review store is open."""

    def __init__(self, session: ReviewSession, path: Path) -> None:
        super().__init__()
        self.session = session
        self.path = path


class FigureHighlighted(Message):
    """The figure cursor moved (``None``: onto a cell or place without a figure)."""

    def __init__(self, figure_id: str | None) -> None:
        super().__init__()
        self.figure_id = figure_id


class FigureOpened(Message):
    """Enter on a figure: open its finding."""

    def __init__(self, figure_id: str) -> None:
        super().__init__()
        self.figure_id = figure_id
