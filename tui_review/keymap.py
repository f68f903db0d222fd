"""Every key binding of the app, with a stable id, in one table; the list of defaults is generated.

Widgets and screens take their ``BINDINGS`` from ``bindings(scope)``; the ids are what the config's
``[keymap]`` table overrides (it goes straight to ``App.set_keymap``). ``python -m tui_review.keymap``
prints the default keymap as TOML (the shipped copy is ``tui_review/data/default_keymap.toml``,
kept in step by a test).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from tui_review.i18n import action_label, get_lang


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    key: str
    action: str
    zh: str
    en: str
    scope: str  # app | main | tree | content | table | findings | modal names
    show: bool = True
    key_display: str | None = None
    priority: bool = False

    def description(self) -> str:
        return self.en if get_lang() == "en" else self.zh


SCOPES = {
    "app": ("全局", "Everywhere"),
    "main": ("审核界面", "Review screen"),
    "tree": ("文档结构", "Document tree"),
    "content": ("正文", "Text"),
    "table": ("表格", "Table"),
    "findings": ("问题列表", "Findings list"),
    "annotate": ("批注窗口", "Note dialog"),
    "status": ("状态窗口", "Status dialog"),
    "dialog": ("对话框", "Dialogs"),
}

KEYS: tuple[Key, ...] = (
    # everywhere
    Key("app.quit", "q", "quit", "退出", "Quit", "app"),
    Key("app.help", "question_mark,f1", "help", "帮助", "Help", "app", key_display="?"),
    Key("app.theme", "t", "cycle_theme", "主题", "Theme", "app"),
    Key("app.open", "o", "open_file", "打开", "Open", "app"),
    Key("app.lang", "L", "toggle_lang", "切换为英文界面", "Switch to Chinese", "app", show=False),
    Key("app.palette", "ctrl+p", "command_palette", "命令面板", "Commands", "app", show=False, priority=True),
    # the review screen
    Key("main.next_finding", "n", "next_finding", "下一问题", "Next", "main"),
    Key("main.previous_finding", "N,p", "previous_finding", "上一问题", "Previous", "main", key_display="N"),
    Key("main.search", "slash", "search", "搜索", "Search", "main", key_display="/"),
    Key("main.annotate", "a", "annotate", "批注", "Note", "main"),
    Key("main.status", "s", "set_status", "状态", "Status", "main"),
    Key("main.mark", "m", "mark", "标记", "Mark", "main"),
    Key("main.next_unreviewed", "u", "next_unreviewed", "下一待核", "Next unreviewed", "main"),
    Key("main.delete_own", "delete,x", "delete_own", "删除我的标记", "Delete my finding", "main", show=False),
    Key("main.export", "e", "export", "导出", "Export", "main"),
    Key("main.counterpart", "c", "counterpart", "对照", "Counterpart", "main"),
    Key("main.back", "b", "back", "返回", "Back", "main"),
    Key("main.cancel_load", "escape", "cancel_load", "取消读取", "Cancel loading", "main", show=False),
    Key("main.scope", "g", "toggle_scope", "范围", "Scope", "main", show=False),
    Key("main.filter_severity", "exclamation_mark", "cycle_severity", "按严重程度筛选", "Filter severity", "main", show=False, key_display="!"),
    Key("main.filter_rule", "r", "cycle_rule", "按规则筛选", "Filter rule", "main", show=False),
    Key("main.filter_status", "f", "cycle_status", "按审核状态筛选", "Filter status", "main", show=False),
    Key("main.page_view", "v", "toggle_page", "原貌", "Printed page", "main", show=False),
    Key("main.page_zoom_in", "plus,equals_sign", "page('zoom_in')", "放大原貌", "Zoom the page in", "main", show=False, key_display="+"),
    Key("main.page_zoom_out", "minus", "page('zoom_out')", "缩小原貌", "Zoom the page out", "main", show=False, key_display="-"),
    Key("main.page_next", "right_square_bracket", "page('next_page')", "原貌下一页", "Next printed page", "main", show=False, key_display="]"),
    Key("main.page_previous", "left_square_bracket", "page('previous_page')", "原貌上一页", "Previous printed page", "main", show=False, key_display="["),
    Key("main.pane_left", "h", "pane(-1)", "左一窗格", "Pane left", "main", show=False),
    Key("main.pane_right", "l", "pane(1)", "右一窗格", "Pane right", "main", show=False),
    Key("main.focus_tree", "1", "focus_pane('tree')", "文档结构", "Document pane", "main", show=False),
    Key("main.focus_content", "2", "focus_pane('content')", "正文/表格", "Text pane", "main", show=False),
    Key("main.focus_findings", "3", "focus_pane('findings')", "问题列表", "Findings pane", "main", show=False),
    Key("main.focus_detail", "4", "focus_pane('detail')", "详情", "Detail pane", "main", show=False),
    # panes
    Key("tree.down", "j", "cursor_down", "下移", "Down", "tree", show=False),
    Key("tree.up", "k", "cursor_up", "上移", "Up", "tree", show=False),
    Key("content.next_figure", "j,down", "next_figure", "下一个数字", "Next figure", "content", show=False),
    Key("content.previous_figure", "k,up", "previous_figure", "上一个数字", "Previous figure", "content", show=False),
    Key("content.open_figure", "enter", "open_figure", "查看数字的问题", "Open the figure's finding", "content", show=False),
    Key("content.page_down", "pagedown,space", "page_down", "下一页", "Page down", "content", show=False),
    Key("content.page_up", "pageup", "page_up", "上一页", "Page up", "content", show=False),
    Key("table.down", "j", "cursor_down", "下一行", "Next row", "table", show=False),
    Key("table.up", "k", "cursor_up", "上一行", "Previous row", "table", show=False),
    Key("findings.down", "j", "cursor_down", "下一条", "Next", "findings", show=False),
    Key("findings.up", "k", "cursor_up", "上一条", "Previous", "findings", show=False),
    # dialogs
    Key("annotate.save", "ctrl+s,f2", "save", "保存", "Save", "annotate", priority=True),
    Key("dialog.close", "escape", "close", "取消", "Cancel", "dialog", priority=True),
    Key("status.open", "1", "choose('open')", "待核", "Open", "status"),
    Key("status.confirmed", "2", "choose('confirmed')", "确认问题", "Confirmed", "status"),
    Key("status.dismissed", "3", "choose('dismissed')", "误报", "Dismissed", "status"),
    Key("status.follow_up", "4", "choose('follow-up')", "需补充说明", "Follow-up", "status"),
)


_BY_ID = {k.id: k for k in KEYS}


def bindings(*scopes: str, ordered: bool = False) -> list[Binding]:
    """Textual bindings of the given scopes, described in the current interface language.

    ``ordered``: no priority bindings, so each key waits for the keys typed before it (a text
    editor's save must not overtake the text)."""
    return [
        Binding(
            k.key,
            k.action,
            k.description(),
            show=k.show,
            key_display=k.key_display,
            priority=k.priority and not ordered,
            tooltip=k.description(),
            id=k.id,
        )
        for k in KEYS
        if k.scope in scopes
    ]


def describe(binding: Binding) -> str:
    """A binding's description in the language of the moment: the keymap's own bindings by their
    id (their ``description`` was fixed when the class was defined), Textual's by their action."""
    key = _BY_ID.get(binding.id or "")
    return key.description() if key is not None else action_label(binding.action, binding.description)


def scope_label(scope: str) -> str:
    zh, en = SCOPES[scope]
    return en if get_lang() == "en" else zh


def default_keymap_toml() -> str:
    """The default keymap as a TOML ``[keymap]`` table, one commented line per binding."""
    lines = [
        "# tui-review default key bindings (generated by `python -m tui_review.keymap`).",
        "# Copy any line into the [keymap] table of your config to change a key;",
        "# several keys for one action are separated by commas.",
        "",
        "[keymap]",
    ]
    scope = None
    for k in KEYS:
        if k.scope != scope:
            scope = k.scope
            zh, en = SCOPES[scope]
            lines.append(f"# {zh} / {en}")
        lines.append(f'"{k.id}" = "{k.key}"  # {k.zh} / {k.en}')
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(default_keymap_toml(), end="")
