"""The split view: a cross finding's place in the partner document, beside the document under review.

When the review was opened with its set (`tui_review.setcheck.SetCheck` as the load's check, as
the folder list does), each cross finding knows its partner file and figures. ``c`` on such a
finding jumps across: the partner's place opens in the second pane (`PartnerView`, in place of
the document tree); ``c`` again closes it. While it is open it follows the selection: another
cross finding shows its own partner place, any other finding closes it. ``c`` on anything else
keeps its meaning inside the document (the figure's counterparts).

Called from `MainScreen` at two points: ``action_counterpart`` asks `jump_across` first, and the
detail pane's update calls `follow`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_review.i18n import tr
from tui_review.review.session import Entry
from tui_review.setcheck import Across, SetCheck
from tui_review.widgets.partner_view import PartnerView

if TYPE_CHECKING:
    from tui_review.screens.main import MainScreen

SPLIT_CLASS = "-partner"


def across_of(screen: MainScreen, entry: Entry | None) -> Across | None:
    """Where the entry's cross finding points in its partner (None: not a cross finding of a set)."""
    check = getattr(screen.options, "check", None)
    if not isinstance(check, SetCheck) or entry is None or entry.finding is None:
        return None
    return check.across_of(entry.finding.finding_id)


def jump_across(screen: MainScreen) -> bool:
    """``c``: open (or close) the partner's place of the selected cross finding. False: the entry
    is no cross finding, and ``c`` keeps its meaning inside the document."""
    entry = screen.nav.target_entry()
    across = across_of(screen, entry)
    if across is None:
        return False
    if screen.has_class(SPLIT_CLASS):
        close(screen)
        return True
    if not _show(screen, across, screen.nav.detail_figure):
        screen.notify(tr("partner.unreadable", name=across.partner.name), severity="warning")
        return True
    if screen.has_class("-page"):
        screen.action_toggle_page()  # the page view and the partner share the tree's place
    screen.add_class(SPLIT_CLASS)
    if screen.doc_tree.has_focus:
        screen.action_focus_pane("content")
    return True


def follow(screen: MainScreen, entry: Entry | None, figure_id: str | None) -> None:
    """Keep an open split on the selection: a cross finding's partner place, else closed."""
    if not screen.has_class(SPLIT_CLASS):
        return
    across = across_of(screen, entry)
    if across is None or not _show(screen, across, figure_id):
        close(screen)


def close(screen: MainScreen) -> None:
    screen.remove_class(SPLIT_CLASS)


def _show(screen: MainScreen, across: Across, figure_id: str | None) -> bool:
    check = screen.options.check
    assert isinstance(check, SetCheck)
    partner = check.partner(across.partner)
    target = across.counterpart(figure_id)
    if partner is None or target is None:
        return False
    return screen.query_one(PartnerView).show(partner, target)
