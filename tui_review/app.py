"""The Textual application: themes, keymap, app-wide actions and the command palette.

The review itself lives in `tui_review.screens.main.MainScreen`; this module only wires it up: it
registers the themes (built-in and the user's), applies the ``[keymap]`` overrides, starts the
review screen on a file, and serves the actions every screen shares (open, theme, help, quit).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import Screen

from themes import DEFAULT_THEME, builtin_themes, user_themes
from tui_review.i18n import get_lang, set_lang, textual_command, tr
from tui_review.keymap import KEYS, bindings, scope_label
from tui_review.review.export import default_export_path
from tui_review.review.pipeline import LoadOptions
from tui_review.review.store import ReviewStore
from tui_review.screens.confirm import ConfirmDialog
from tui_review.screens.help import HelpScreen, help_rows
from tui_review.screens.main import MainScreen
from tui_review.screens.open_file import OpenFileScreen, existing_folder
from tui_review.screens.palette import ReviewPalette
from tui_review.terminal import printable
from tui_review.ui_state import remember_theme, remembered_theme


class ReviewApp(App):
    CSS_PATH = ["styles/app.tcss", "styles/layout.tcss"]
    BINDINGS = bindings("app")

    def __init__(
        self,
        path: Path | None,
        *,
        options: LoadOptions = LoadOptions(),
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        user_theme_dir: Path | None = None,
        folder: Path | None = None,
        state_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.folder = folder  # ``tui-review DIR``: its document list opens over the review screen
        self.options = options
        self.keymap = dict(keymap or {})
        self.state_path = state_path  # where the theme chosen with t is remembered (None: nowhere)
        self.requested_theme = theme or remembered_theme(state_path) or DEFAULT_THEME
        self.user_theme_dir = user_theme_dir
        self.title = tr("app.title")
        self.theme_names: list[str] = []
        self.early_notices: list[tuple[str, str, float | None]] = []  # before the review screen is up
        self._asking_quit = False

    def on_mount(self) -> None:
        for theme in builtin_themes():
            self.register_theme(theme)
            self.theme_names.append(theme.name)
        self.theme_names.sort(key=lambda name: name != DEFAULT_THEME)
        if self.user_theme_dir is not None:
            found, errors = user_themes(self.user_theme_dir)
            for theme in found:
                self.register_theme(theme)
                self.theme_names.append(theme.name)
            for error in errors:
                self.notify(tr("theme.invalid", error=error), severity="warning", timeout=10)
        if self.requested_theme in self.available_themes:
            self.theme = self.requested_theme
        else:
            self.theme = DEFAULT_THEME
            self.notify(tr("theme.unknown", name=self.requested_theme), severity="warning")
        unknown = sorted(set(self.keymap) - {k.id for k in KEYS})
        if unknown:
            self.notify(tr("keymap.invalid", error=", ".join(unknown)), severity="warning", timeout=10)
        self.set_keymap(self.keymap)
        self.push_screen(MainScreen(self.path, self.options))
        if self.folder is not None:
            self.open_folder(self.folder)

    def open_folder(self, folder: Path) -> None:
        """The folder's document list; the chosen document opens in the review screen."""
        from tui_review.screens.folder import FolderScreen

        screen = FolderScreen(folder, self.options.config, self.options.password)

        def chosen(path: Path | None) -> None:
            if path is not None:  # opened with its set: its cross findings, and c across to a partner
                self.main.options = replace(self.main.options, check=screen.set_check())
                self.main.load(path)

        self.push_screen(screen, chosen)

    @property
    def main(self) -> MainScreen:
        """The review screen (it stays at the bottom of the stack for the app's whole life)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the review screen is not open")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Messages go to the review screen's status line, not to floating toasts (see
        `tui_review.widgets.status_line` for why); ``markup`` is ignored: messages are plain text."""
        text = f"{title}：{message}" if title else message
        try:
            line = self.main.status_line
        except (LookupError, NoMatches):
            self.early_notices.append((text, severity, timeout))
            return
        line.post(text, severity, self.NOTIFICATION_TIMEOUT if timeout is None else timeout)

    def clear_notifications(self) -> None:
        super().clear_notifications()
        self.early_notices.clear()
        try:
            self.main.status_line.clear_notices()
        except (LookupError, NoMatches):
            pass

    def action_open_file(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None and path.is_dir():
                self.open_folder(path)
            elif path is not None:
                self.main.load(path)

        main = self.main
        # the review on show; with none (every document tried failed), the last one tried
        shown = Path(main.session.doc.path) if main.session is not None else main.loading_path or self.path
        self.push_screen(OpenFileScreen(existing_folder(shown)), chosen)

    async def action_quit(self) -> None:
        """Quit; with changes the review file could not take, ask first and offer to write them
        to a recovery file beside the review sheet."""
        store = self._unsaved_store()
        if store is None:
            self.exit()
            return
        if self._asking_quit:
            return
        self._asking_quit = True
        sheet = default_export_path(self.main.review.doc.path)

        def answered(answer: str | None) -> None:
            self._asking_quit = False
            if answer == "drop":
                self.exit()
            elif answer == "recover":
                try:
                    written = store.write_recovery(store.recovery_path(sheet))
                except (OSError, ValueError) as exc:
                    self.notify(tr("quit.recovery_failed", error=exc), severity="error", timeout=10)
                    return
                self.exit(message=printable(tr("quit.recovered", path=written)))

        answers = [("recover", tr("quit.ask.recover")), ("stay", tr("quit.ask.stay")), ("drop", tr("quit.ask.drop"))]
        question = tr("quit.ask.question", count=store.pending_count)
        self.push_screen(ConfirmDialog(tr("quit.ask.title"), question, answers), answered)

    def _unsaved_store(self) -> ReviewStore | None:
        """The open review's store when it holds changes that still cannot be written."""
        try:
            session = self.main.session
        except LookupError:
            return None
        if session is None or not session.store.has_pending or session.store.retry():
            return None
        return session.store

    def action_toggle_lang(self) -> None:
        """Switch the interface between Chinese and English while the app runs: the footer, the
        help, the palette and the panes' titles are drawn again in the other language."""
        set_lang("en" if get_lang() == "zh" else "zh")
        self.title = tr("app.title")
        for screen in self.screen_stack:
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                relabel()
            screen.refresh_bindings()
        self.notify(tr("lang.changed"), timeout=3)

    def action_cycle_theme(self) -> None:
        names = self.theme_names
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        remember_theme(self.state_path, self.theme)
        self.notify(tr("theme.changed", name=self.theme), timeout=2)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        panes = list(screen.query("#tree, #section, #table, #findings"))
        self.push_screen(HelpScreen(help_rows(screen, panes, self.keymap)))

    def action_command_palette(self) -> None:
        """Textual's palette with the prompt in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ReviewPalette())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every action of the app and the review screen, named as in the footer
        (in the language of the moment), then those of Textual's own commands the app does not
        replace, named in that language too."""
        for key in KEYS:
            if key.scope == "app" and key.action != "command_palette":
                target: App | Screen = self
            elif key.scope == "main" and isinstance(screen, MainScreen):
                target = screen
            else:
                continue
            shown = key.key_display or self.get_key_display(Binding(key.key.split(",")[0], key.action))
            yield SystemCommand(key.description(), f"{shown}  ·  {scope_label(key.scope)}", partial(target.run_action, key.action))
        for command in super().get_system_commands(screen):
            named = textual_command(command.title)
            if named is not None:
                yield SystemCommand(named[0], named[1], command.callback, command.discover)
