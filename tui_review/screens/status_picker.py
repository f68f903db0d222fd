"""The review-status picker: 待核 / 确认问题 / 误报 / 需补充说明, by number key or cursor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_review.i18n import status_label, tr
from tui_review.keymap import bindings
from tui_review.review.store import STATUSES
from tui_review.screens.dialog import Dialog


class StatusPicker(Dialog[str | None]):
    BINDINGS = bindings("status", "dialog")

    def __init__(self, target: str, current: str) -> None:
        super().__init__(tr("status.title", target=target), tr("status.hint"))
        self.target = target
        self.current = current

    def compose_body(self) -> ComposeResult:
        yield OptionList(*(Option(f"{i}  {status_label(s)}", id=s) for i, s in enumerate(STATUSES, 1)), id="statuses")

    def on_mount(self) -> None:
        options = self.query_one("#statuses", OptionList)
        options.highlighted = STATUSES.index(self.current) if self.current in STATUSES else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, status: str) -> None:
        self.dismiss(status)
