"""The document tree: sections in reading order, each table under its section, and badges that
count the open errors (✗) and warnings (!) in every subtree.

Opening or closing a node changes only the tree's own lines: Textual's tree asks for a layout of
the whole screen then (and again for its new virtual size), which repaints every pane — on a long
document the costliest part of a key like ``n``. Once the tree is laid out it redraws itself and
its scrollbar instead; its size never depends on its lines (a grid cell), and a scrollbar that
appears or goes still lays the screen out (Textual's own check).

A cursor move by the reader is reported to ``on_move`` (the review screen) at once, in the key's
own handler, so the content pane changes in the frame that moves the cursor (as a message it
reached the screen two hops and one frame later)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Self

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from parsers.model import Document, Section
from tui_review.i18n import tr
from tui_review.keymap import bindings
from tui_review.review.session import NodeRef, has_cover, tables_of
from tui_review.widgets.marks import badge
from tui_review.terminal import printable


class DocumentTree(Tree[NodeRef]):
    BINDINGS = bindings("tree")

    class NodeChosen(Message):
        """The cursor moved onto a section or table."""

        def __init__(self, ref: NodeRef) -> None:
            super().__init__()
            self.ref = ref

    class NodeOpened(Message):
        """Enter on a section or table: open it in the content pane."""

        def __init__(self, ref: NodeRef) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None, on_move: Callable[[NodeRef], None] | None = None) -> None:
        self._label_widths: dict[int, tuple[object, int]] = {}  # node id → (its label, the label's cells); Tree measures while it starts
        super().__init__(tr("pane.tree"), id=id)
        self._on_move = on_move  # called with the node's ref; without it, `NodeChosen` is posted
        self._quiet = False
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._refs: dict[NodeRef, TreeNode[NodeRef]] = {}
        self._labels: dict[NodeRef, str] = {}
        self._badges: dict[NodeRef, tuple[int, int]] = {}
        self._own_lines_only = False  # set while the tree rebuilds its lines after it was laid out

    def load(self, doc: Document, badges: dict[NodeRef, tuple[int, int]] | None = None) -> None:
        """(Re)build the tree for ``doc``, keeping the cursor on the same node when it still exists."""
        current = self.cursor_node.data if self.cursor_node is not None else None
        self._badges = badges or {}
        self.clear()
        self._refs.clear()
        self._label_widths.clear()
        self._labels.clear()
        if has_cover(doc):
            self._add(self.root, NodeRef("section", doc.root.id), tr("tree.cover"), leaf=True)
        for section in doc.root.children:
            self._add_section(self.root, doc, section)
        if current is not None and current in self._refs:
            self.select_ref(current)

    def _add_section(self, parent: TreeNode[NodeRef], doc: Document, section: Section) -> None:
        tables = tables_of(doc, section.id, section)
        leaf = not section.children and not tables
        node = self._add(parent, NodeRef("section", section.id), section.heading, leaf=leaf, expand=section.level <= 2)
        for table_id in tables:
            table = doc.table(table_id)
            title = table.title if table is not None else ""
            self._add(node, NodeRef("table", table_id), f"▦ {table_id} {title}".rstrip(), leaf=True)
        for child in section.children:
            self._add_section(node, doc, child)

    def _add(self, parent: TreeNode[NodeRef], ref: NodeRef, label: str, *, leaf: bool, expand: bool = False) -> TreeNode[NodeRef]:
        self._labels[ref] = printable(label, one_line=True)
        text = self._label(ref)
        node = parent.add_leaf(text, data=ref) if leaf else parent.add(text, data=ref, expand=expand)
        self._refs[ref] = node
        return node

    def _label(self, ref: NodeRef) -> Text:
        errors, warnings = self._badges.get(ref, (0, 0))
        marks = badge(self.app, errors, warnings)
        return marks + Text(" " if marks else "") + Text(self._labels[ref])

    def set_badges(self, badges: dict[NodeRef, tuple[int, int]]) -> None:
        """Redraw the badges (after a review change or a theme change)."""
        self._badges = badges
        for ref, node in self._refs.items():
            node.set_label(self._label(ref))

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        return super().refresh(*regions, repaint=repaint, layout=layout and not self._own_lines_only, recompose=recompose)

    def _invalidate(self) -> None:
        with self._lines_only():
            super()._invalidate()

    def _build(self) -> None:
        before = self.virtual_size
        with self._lines_only():
            super()._build()
        if self._own_lines_only_allowed() and self.virtual_size != before:
            self._scroll_update(self.virtual_size)  # the scrollbar's range (and whether it shows)

    def _own_lines_only_allowed(self) -> bool:
        return bool(self.container_size)  # laid out once: the first layout sizes everything

    @contextmanager
    def _lines_only(self) -> Iterator[None]:
        self._own_lines_only = self._own_lines_only_allowed()
        try:
            yield
        finally:
            self._own_lines_only = False

    def get_label_width(self, node: TreeNode[NodeRef]) -> int:
        """The label's width without rendering it (Textual's default renders every label of the
        tree each time a node opens: tens of milliseconds on a long document)."""
        icon = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else ""
        label = node.label  # measured once per label: a node opened by a key measures every line again
        known = self._label_widths.get(node.id)
        if known is None or known[0] is not label:
            known = self._label_widths[node.id] = (label, label.cell_len if isinstance(label, Text) else cell_len(str(label)))
        return cell_len(icon) + known[1]

    def select_ref(self, ref: NodeRef) -> None:
        """Put the cursor on ``ref``, opening its ancestors (in the same frame); unlike a move by the
        reader, it posts no `NodeChosen`."""
        node = self._refs.get(ref)
        if node is None:
            return
        closed = []
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:
                closed.append(parent)
            parent = parent.parent
        for parent in closed:
            parent.expand()
        if closed:
            self.get_node_at_line(0)  # lays the opened lines out now: the node's line is known
        self._move_quietly(node)

    def _move_quietly(self, node: TreeNode[NodeRef]) -> None:
        """Move the cursor without reporting it: a move the screen asked for is no reader's choice, and
        reported late (after the next key) it would send the screen back to a node it has left."""
        self._quiet = True
        try:
            with self.prevent(Tree.NodeHighlighted):
                self.move_cursor(node)
        finally:
            self._quiet = False

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        before = self.cursor_node
        super().watch_cursor_line(previous_line, line)
        node = self.cursor_node
        if self._quiet or node is None or node is before or node.data is None:
            return
        if self._on_move is not None:
            self._on_move(node.data)
        else:
            self.post_message(self.NodeChosen(node.data))

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        event.stop()  # reported by `watch_cursor_line`, in the same frame

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeRef]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.NodeOpened(event.node.data))
