"""What the review store keeps when its file cannot take a change yet: the note editor's drafts
(in the file's ``drafts`` table, or in memory) and the recovery file written on a quit that cannot
wait. Mixed into `ReviewStore`."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from tui_review.review.paths import fitted_name
from tui_review.review.records import now as _now


class KeptMixin:
    path: Path
    read_only: bool
    _conn: sqlite3.Connection
    _drafts: dict[str, str]

    if TYPE_CHECKING:  # given by the store

        def pending_records(self) -> list[dict]: ...

    def write_recovery(self, path: str | os.PathLike) -> Path:
        """Write the pending changes to a recovery file (JSON) at ``path`` — for quitting while the
        review file cannot be written; nothing pending is lost. Returns the path written."""
        from tui_review.sheet import write_bytes

        payload = {"review_file": str(self.path), "written_at": _now(), "changes": self.pending_records()}
        data = json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8")
        return write_bytes(path, data, force=True)

    def recovery_path(self, sheet: str | os.PathLike) -> Path:
        """Where `write_recovery` puts its file: beside the review sheet ``sheet``."""
        sheet = Path(sheet)
        return sheet.with_name(fitted_name(sheet.stem, ".recovery.json"))

    # ── drafts (the note editor's text while it is typed) ─────────────────────────────────────────

    def save_draft(self, key: str, text: str) -> None:
        """Keep the note editor's text for ``key`` (a finding id or own id); survives a crash.
        A draft that cannot be written (read-only store, locked file) is kept in memory."""
        self._drafts[key] = text
        if self.read_only:
            return
        try:
            self._conn.execute("INSERT INTO drafts(key, text, updated_at) VALUES (?, ?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                               (key, text, _now()))
        except sqlite3.Error:
            pass

    def load_draft(self, key: str) -> str | None:
        if key in self._drafts:
            return self._drafts[key]
        try:
            row = self._conn.execute("SELECT text FROM drafts WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def clear_draft(self, key: str) -> None:
        self._drafts.pop(key, None)
        if self.read_only:
            return
        try:
            self._conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
        except sqlite3.Error:
            pass
