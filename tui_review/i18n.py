"""Interface strings in Chinese (default) and English, and the current interface language.

``tr(key, **values)`` looks a string up in the current language. The language is set at start
(``set_lang``) from ``--lang`` or the config, and can be switched while the app runs (``L``): what
the app shows is looked up when it is drawn (binding descriptions through `keymap.describe`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

LANGS = ("zh", "en")
_current = "zh"

# key: (中文, English)
STRINGS: dict[str, tuple[str, str]] = {
    # titles and panes
    "app.title": ("部门预算/决算公开审核", "Budget disclosure review"),
    "pane.tree": ("文档结构", "Document"),
    "pane.content": ("正文", "Text"),
    "pane.findings": ("问题", "Findings"),
    "pane.detail": ("详情", "Detail"),
    "tree.cover": ("封面与目录", "Cover and contents"),
    "loading": ("正在读取 {name} …", "Reading {name} …"),
    "loading.stage.parse": ("解析页面", "parsing pages"),
    "loading.stage.check": ("核对关系", "checking relations"),
    "loading.stage.store": ("读取审核记录", "opening the review"),
    "loading.cancel": ("Esc 取消", "Esc to cancel"),
    "loading.cancelled": ("已取消读取", "Reading cancelled"),
    "loaded": ("{name}：{errors} 个错误，{warnings} 个警告，{notes} 条提示，{verified} 项核对通过", "{name}: {errors} errors, {warnings} warnings, {notes} notes, {verified} relations verified"),
    "read_only": ("只读", "read-only"),
    "progress": ("已审 {reviewed}/{total}", "reviewed {reviewed}/{total}"),
    "all.reviewed": ("所有问题都已设置状态", "Every finding has a status"),
    "walk.wrapped": ("已到末尾，从头开始", "Wrapped round to the first finding"),
    "delete.not_own": ("只能删除审核人员自己标记的问题", "Only the reviewer's own findings can be deleted"),
    "delete.title": ("删除这条审核发现？", "Delete this finding of yours?"),
    "delete.yes": ("删除", "Delete"),
    "delete.no": ("保留", "Keep"),
    "deleted.own": ("已删除", "Deleted"),
    "empty.content": ("在左侧选择章节或表格", "Choose a section or table on the left"),
    "empty.findings": ("没有符合条件的问题", "No findings match"),
    "empty.detail": ("选择一个问题或数字查看详情", "Choose a finding or a figure to see its detail"),
    "table.placeholder": ("▦ {id} {title}（在左侧打开此表）", "▦ {id} {title} (open it on the left)"),
    # severities, marks and statuses
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
    "status.open": ("待核", "open"),
    "status.confirmed": ("确认问题", "confirmed"),
    "status.dismissed": ("误报", "dismissed"),
    "status.follow-up": ("需补充说明", "follow-up"),
    "kind.own": ("审核人员发现", "reviewer's finding"),
    "kind.orphan": ("未关联批注", "unattached note"),
    "kind.group": ("可疑数字", "suspect"),
    "detail.group.members": ("组内不成立的关系", "Relations this suspect breaks"),
    "group.relations": ("{n} 项关系不成立", "breaks {n} relations"),
    "group.no_culprit": ("无法确定单一可疑数字 · {n} 项关系不成立", "no single culprit · {n} relations fail"),
    # findings list
    "filter.any": ("全部", "all"),
    "filter.scope.document": ("全文", "document"),
    "filter.scope.node": ("本节", "this section"),
    "filter.title": ("问题 {shown}/{total}", "Findings {shown}/{total}"),
    "filter.label": ("范围 {scope} · 严重程度 {severity} · 规则 {rule} · 状态 {status}", "scope {scope} · severity {severity} · rule {rule} · status {status}"),
    # detail
    "detail.rule": ("规则", "Rule"),
    "detail.status": ("审核状态", "Review status"),
    "detail.stated": ("文中数字", "Stated"),
    "detail.expected": ("应为", "Expected"),
    "detail.where": ("位置", "Where"),
    "detail.evidence": ("依据", "Evidence"),
    "detail.evidence.sign": ("符号", "Sign"),
    "detail.evidence.figure": ("数字", "Figure"),
    "detail.evidence.subject": ("项目", "Subject"),
    "detail.evidence.place": ("所在位置", "Place"),
    "detail.note": ("批注", "Note"),
    "detail.no_note": ("（无批注，按 a 添加）", "(no note; press a to add one)"),
    "detail.counterparts": ("对照（按 c 跳转，b 返回）", "Counterparts (c to jump, b to come back)"),
    "detail.figure": ("数字 {text}", "Figure {text}"),
    "detail.figure.unchecked": ("没有任何关系核对这个数字", "No relation checks this figure"),
    "detail.kept": ("文档已更改，此批注未能关联到当前的检查结果，已保留并会导出。", "The document changed and this note matches no current finding; it is kept and exported."),
    # dialogs
    "annotate.title": ("批注：{target}", "Note: {target}"),
    "annotate.mark_title": ("标记为审核发现：{target}", "Mark as the reviewer's finding: {target}"),
    "annotate.hint": ("Ctrl+S 或 F2 保存 · Esc 取消", "Ctrl+S or F2 to save · Esc to cancel"),
    "annotate.ask.title": ("批注尚未保存", "The note is not saved"),
    "annotate.ask.question": ("这条批注已修改但尚未保存。", "This note was changed and is not saved."),
    "annotate.ask.save": ("保存", "Save"),
    "annotate.ask.discard": ("放弃修改", "Discard"),
    "annotate.ask.edit": ("继续编辑", "Keep editing"),
    "annotate.restored": ("已恢复上次未保存的草稿", "The unsaved draft of last time is back"),
    "unsaved.banner": ("{count} 条修改尚未保存", "{count} changes not saved"),
    "unsaved.written": ("未保存的修改已写入审核文件", "The unsaved changes are written to the review file"),
    "quit.ask.title": ("有修改尚未保存", "Changes are not saved"),
    "quit.ask.question": ("审核文件现在无法写入，{count} 条修改尚未保存。", "The review file cannot be written now; {count} changes are not saved."),
    "quit.ask.recover": ("写入恢复文件并退出", "Write a recovery file and quit"),
    "quit.ask.stay": ("返回（稍后重试）", "Go back (retry later)"),
    "quit.ask.drop": ("放弃修改并退出", "Quit without them"),
    "quit.recovered": ("未保存的修改已写入恢复文件：{path}", "The unsaved changes were written to the recovery file: {path}"),
    "quit.recovery_failed": ("恢复文件写入失败：{error}", "Could not write the recovery file: {error}"),
    "place.page": ("第{page}页", "p.{page}"),
    "open.missing": ("没有这个文件或文件夹：{path}", "No such file or folder: {path}"),
    "no.finding.here": ("这个数字没有问题；按 m 可标记为审核发现", "This figure has no finding; press m to mark it"),
    "status.title": ("审核状态：{target}", "Review status: {target}"),
    "status.hint": ("数字键或 Enter 选择 · Esc 取消", "Number keys or Enter to choose · Esc to cancel"),
    "export.title": ("导出审核表", "Export the review sheet"),
    "export.path": ("保存到：", "Save to:"),
    "export.hint": ("Enter 导出 · Esc 取消", "Enter to export · Esc to cancel"),
    "export.exists": ("文件已存在：{path}。再按 Enter 覆盖，或修改路径。", "{path} exists. Press Enter again to overwrite, or change the path."),
    "export.done": ("审核表已导出：{path}（{rows} 行）", "Review sheet written: {path} ({rows} rows)"),
    "export.evidence": ("同时导出证据截图（每个问题一张 PNG）到：", "Also write the evidence pictures (one PNG per finding) to:"),
    "export.pictures.started": ("正在导出审核表和证据截图到 {folder} …", "Writing the sheet and the evidence pictures to {folder} …"),
    "export.pictures.done": ("审核表已导出：{path}（{rows} 行），证据截图 {count} 张：{folder}", "Review sheet written: {path} ({rows} rows), {count} pictures in {folder}"),
    "export.failed": ("导出失败", "Export failed"),
    "export.folder": ("整个文件夹一张表：{folder}（每份文档的问题，跨文档问题各列一次）",
                      "One sheet for the whole folder: {folder} (every document's findings, each cross finding once)"),
    "export.folder.started": ("正在导出文件夹 {folder} 的审核表 …", "Writing the sheet of the folder {folder} …"),
    "export.folder.done": ("文件夹审核表已导出：{path}（{rows} 行，证据截图 {count} 张，无法读取 {unreadable} 份）",
                           "Folder sheet written: {path} ({rows} rows, {count} pictures, {unreadable} unreadable)"),
    "open.title": ("打开文件", "Open a file"),
    "folder.title": ("文件夹：{folder}", "Folder: {folder}"),
    "folder.hint": ("Enter 打开所选文档 · Esc 关闭（计数随检查逐份填入）", "Enter opens the chosen document · Esc to close (counts fill in as each is checked)"),
    "folder.col.document": ("文档", "Document"),
    "folder.col.department": ("部门", "Department"),
    "folder.col.year": ("年度", "Year"),
    "folder.col.kind": ("类型", "Kind"),
    "folder.col.errors": ("错误", "Errors"),
    "folder.col.warnings": ("警告", "Warnings"),
    "folder.unreadable": ("无法读取", "unreadable"),
    "folder.col.progress": ("已审", "Reviewed"),
    "folder.failed": ("检查出错（{error}）", "check failed ({error})"),
    "partner.page": ("第{page}页", "p.{page}"),
    "partner.hint": ("c 关闭对照", "c closes"),
    "partner.unreadable": ("无法读取对照文档 {name}", "The partner document {name} cannot be read"),
    "open.hint": ("输入路径或在下方选择 · Enter 打开（文件夹再按 Enter 列出其中文档）· Esc 取消", "Type a path or pick one below · Enter to open (a folder: Enter again lists its documents) · Esc to cancel"),
    "search.title": ("搜索正文与数字（数值如 354.72）", "Search text and figures (values like 354.72)"),
    "search.hint": ("↑↓ 选择 · Enter 跳转 · Esc 关闭", "↑↓ choose · Enter to jump · Esc to close"),
    "search.none": ("没有结果", "No results"),
    "search.count": ("{count} 个结果", "{count} results"),
    "error.title": ("出错了", "Something went wrong"),
    "error.ok": ("知道了", "OK"),
    "palette.placeholder": ("搜索命令…", "Search for commands…"),
    "palette.no_matches": ("没有匹配的命令", "No matches found"),
    "help.title": ("按键帮助", "Keys"),
    "help.hint": ("按键可在配置文件 [keymap] 中修改 · Esc 关闭", "Keys can be changed in the config's [keymap] · Esc to close"),
    "help.focused": ("当前窗格", "Focused pane"),
    "help.other": ("其他窗格", "Other panes"),
    "help.key": ("按键", "Key"),
    "help.action": ("操作", "Action"),
    "help.pane": ("窗格", "pane"),
    "help.where": ("所在", "Where"),
    # notices
    "nothing.selected": ("先选择一个问题、数字或章节", "Choose a finding, a figure or a section first"),
    "no.counterpart": ("这个数字没有对照", "This figure has no counterpart"),
    "no.counterpart.finding": ("这个问题不涉及某一个数字，没有可对照的数字", "This finding is about no single figure: there is nothing to compare it with"),
    "no.history": ("没有可返回的位置", "Nowhere to go back to"),
    "saved.note": ("批注已保存", "Note saved"),
    "saved.status": ("状态已设为：{status}", "Status set to: {status}"),
    "saved.own": ("已标记为审核发现", "Marked as the reviewer's finding"),
    "lang.changed": ("界面语言：中文", "Interface language: English"),
    "theme.changed": ("主题：{name}", "Theme: {name}"),
    "theme.invalid": ("主题文件无效，已忽略：{error}", "Invalid theme file ignored: {error}"),
    "theme.unknown": ("没有名为 {name} 的主题，使用默认主题", "No theme named {name}; using the default"),
    "keymap.invalid": ("按键配置无效：{error}", "Invalid keymap: {error}"),
}


# Chinese names for Textual's own widget actions, as the help screen lists them
TEXTUAL_ACTIONS_ZH = {
    "app.focus_next": "下一个窗格",
    "app.focus_previous": "上一个窗格",
    "command_palette": "命令面板",
    "cursor_down": "下移",
    "cursor_up": "上移",
    "cursor_left": "左移",
    "cursor_right": "右移",
    "cursor_parent": "到上级",
    "cursor_parent_next_sibling": "到上级的下一项",
    "cursor_next_sibling": "到下一同级",
    "cursor_previous_sibling": "到上一同级",
    "first": "第一项",
    "last": "最后一项",
    "page_down": "下一页",
    "page_up": "上一页",
    "page_left": "向左翻页",
    "page_right": "向右翻页",
    "quit": "退出",
    "screen.copy_text": "复制所选文字",
    "scroll_down": "向下滚动",
    "scroll_up": "向上滚动",
    "scroll_end": "滚到末尾",
    "scroll_home": "滚到开头",
    "scroll_left": "向左滚动",
    "scroll_right": "向右滚动",
    "select": "选择",
    "select_cursor": "选择",
    "toggle_expand_all": "全部展开或折叠",
    "toggle_node": "展开或折叠",
}


# Textual's own palette commands the app keeps, by their English title: (中文, English) names and
# help; the others (Theme, Quit, Keys) are the app's own t, q and ? in the palette
TEXTUAL_COMMANDS = {
    "Maximize": (("最大化窗格", "把当前窗格放大到整个屏幕"), ("Maximize", "Maximize the focused widget")),
    "Minimize": (("还原窗格", "窗格恢复原来的大小"), ("Minimize", "Minimize the widget and restore to normal size")),
    "Screenshot": (("截图", "把当前屏幕保存为 SVG 图片"), ("Screenshot", "Save an SVG 'screenshot' of the current screen")),
}


def textual_command(title: str) -> tuple[str, str] | None:
    """Name and help of one of Textual's palette commands in the interface language, or None for
    one the app replaces with its own."""
    names = TEXTUAL_COMMANDS.get(title)
    if names is None:
        return None
    return names[1] if _current == "en" else names[0]


def action_label(action: str, description: str) -> str:
    """A binding's description in the interface language (Textual's own actions are in English)."""
    if _current == "zh":
        return TEXTUAL_ACTIONS_ZH.get(action, description)
    return description


def set_lang(lang: str) -> None:
    global _current
    if lang not in LANGS:
        raise ValueError(f"unknown interface language {lang!r} (zh or en)")
    _current = lang


def get_lang() -> str:
    return _current


def tr(key: str, **values) -> str:
    zh, en = STRINGS[key]
    text = en if _current == "en" else zh
    return text.format(**values) if values else text


def status_label(status: str) -> str:
    return tr(f"status.{status}")


def severity_label(severity: str) -> str:
    return tr(f"severity.{severity}") if f"severity.{severity}" in STRINGS else severity


def rule_title(rule_id: str) -> str:
    """A rule's title from the rule pack in the interface language (the id stays in JSON)."""
    return rule_titles(_current).get(rule_id, rule_id)


@cache
def rule_titles(lang: str) -> Mapping[str, str]:
    """Every rule's title in ``lang`` by id, the reviewer's own findings and suspect groups included."""
    from tui_review.config import load_rule_pack  # the pack is read once, when a title is first shown

    kinds = {"reviewer": STRINGS["kind.own"], "suspect": STRINGS["kind.group"]}
    titles = {rule_id: rule.title(lang) for rule_id, rule in load_rule_pack().items()}
    titles.update({rule_id: en if lang == "en" else zh for rule_id, (zh, en) in kinds.items()})
    return MappingProxyType(titles)
