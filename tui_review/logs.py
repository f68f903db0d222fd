"""The log file: where a bug's traceback goes, so the user sees one line and a maintainer the rest.

Engine modules log through the standard ``logging`` module under the ``tui_review`` and
``parsers`` loggers and never configure it; `setup()` (called once by the CLI and the app) sends
warnings and worse to ``log_path()``, a small rotating file in the per-user state directory
(``$XDG_STATE_HOME/tui-review/tui-review.log``, default ``~/.local/state/…``;
``TUI_REVIEW_LOG`` overrides it). The file is opened only when something is written, and a log
that cannot be written is silently skipped: logging never stops the tool. `tui-review locate`
prints the path.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

MAX_BYTES = 1 << 20
BACKUPS = 2
LOGGERS = ("tui_review", "parsers")


def log_path() -> Path:
    override = os.environ.get("TUI_REVIEW_LOG")
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "tui-review" / "tui-review.log"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """Opens its file on the first record, creating the folder; never raises, never prints."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        self.written = False


_handler: _QuietFileHandler | None = None


def setup() -> Path:
    """Route the engine's warnings and errors to the log file (once per process); its path."""
    global _handler
    path = log_path()
    if _handler is None or _handler.baseFilename != str(path.absolute()):
        if _handler is not None:
            for name in LOGGERS:
                logging.getLogger(name).removeHandler(_handler)
            _handler.close()
        _handler = _QuietFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
        _handler.setLevel(logging.WARNING)
        _handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
        for name in LOGGERS:
            logger = logging.getLogger(name)
            logger.addHandler(_handler)
            logger.setLevel(logging.INFO)
            logger.propagate = False  # never to a root handler that would print on the terminal
    return path


def log_exception(message: str, exc: BaseException, logger: str = "tui_review") -> Path | None:
    """Write ``message`` and ``exc``'s traceback to the log; the log's path, or None if it failed."""
    path = setup()
    _handler.written = True  # type: ignore[union-attr]
    logging.getLogger(logger).error(message, exc_info=(type(exc), exc, exc.__traceback__))
    return path if getattr(_handler, "written", False) and path.exists() else None
