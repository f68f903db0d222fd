"""A scrollable pane of pre-rendered lines (Textual's Line API), the base of the text and detail panes.

Content is rendered once per width into strips and only the visible lines are drawn, so a long
section scrolls without cost. Showing new content sets the virtual size without a screen layout
(Textual lays out and repaints the whole screen for every virtual-size change): only the pane and
its scrollbar are drawn again, and a layout happens only when the scrollbar appears or goes. A
``Static`` inside a scrolling container costs two or three layouts (its height, then the
container's scrollbars, then the container again), each a full repaint.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_review.widgets.wrap import wrap


class StripView(ScrollView, can_focus=True):
    def __init__(self, *, id: str | None = None, placeholder: Text | None = None) -> None:
        super().__init__(id=id)
        self._strips: list[Strip] = []
        self._width = 0
        self._placeholder = placeholder  # drawn, wrapped, while there are no strips
        self._placeholder_strips: tuple[int, list[Strip]] = (0, [])  # (width, strips)
        self._line_style = Style()  # the pane's style, for the lines of one rendering pass

    @property
    def line_count(self) -> int:
        return len(self._strips)

    def content_width(self) -> int:
        """The width to render for: the pane's, less borders, padding and scrollbar."""
        return max(8, self.scrollable_content_region.width or self.size.width or 80)

    def render_strips(self, renderable: RenderableType, width: int) -> list[Strip]:
        console = self.app.console
        lines = console.render_lines(renderable, console.options.update_width(width), pad=False)
        return [Strip(line) for line in lines]

    def set_strips(self, strips: list[Strip], width: int, placeholder: Text | None = None) -> None:
        """Show ``strips`` (rendered for ``width``); with none, show ``placeholder`` if given."""
        self._strips, self._width = strips, width
        if placeholder is not self._placeholder:
            self._placeholder, self._placeholder_strips = placeholder, (0, [])
        self._set_virtual_size(Size(width, len(strips)))
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        if size == self.virtual_size:
            return
        if not self.container_size:  # not laid out yet: the first layout sizes everything
            self.virtual_size = size
            return
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)  # the scrollbar's range; showing or hiding it is a layout (Textual's)

    def text_lines(self) -> list[str]:
        """The rendered lines as plain text (what the pane shows, scrolled or not)."""
        return [strip.text for strip in self._strips]

    def render_lines(self, crop: Region) -> list[Strip]:
        self._line_style = self.rich_style  # once a pass: Textual walks every ancestor's styles for it
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        style = self._line_style
        width = self.size.width
        if not self._strips:
            placeholder = self._placeholder_lines(self.content_width())
            if y < len(placeholder):
                return placeholder[y].extend_cell_length(width, style)
            return Strip.blank(width, style)
        if index >= len(self._strips):
            return Strip.blank(width, style)
        strip = self._strips[index].crop(self.scroll_offset.x, self.scroll_offset.x + width)
        return strip.extend_cell_length(width).apply_style(style)

    def _placeholder_lines(self, width: int) -> list[Strip]:
        if self._placeholder is None:
            return []
        if self._placeholder_strips[0] != width:
            self._placeholder_strips = (width, self.render_strips(wrap(self._placeholder, width), width))
        return self._placeholder_strips[1]
