"""The fault barrier: a bug in one finder or check costs its own findings, never the document's.

`Barrier.run(stage, name, call)` calls ``call()``; an unexpected exception (a bug in the tool's
code, not the document's fault) is logged with its traceback under the ``tui_review.checks``
logger (the CLI and the app send it to the log file, see `tui_review.logs`) and becomes one
``internal.*`` warning finding naming what failed and, when known, the section. Repeats of
the same fault (the same stage, name and section) add no further finding. Rules:
``internal.finder`` (a relation finder) and ``internal.check`` (an evaluation or a summary step). The other finders'
and checks' findings still arrive, and the exit code follows them: a warning never makes it 1.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import PurePath
from typing import TypeVar

from parsers.model import Document, Severity
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.checks.ids import digest

log = logging.getLogger("tui_review.checks")
log.addHandler(logging.NullHandler())  # unconfigured (a library caller): nothing on stderr

T = TypeVar("T")

# what failed, per stage: (Chinese, English) names
_STAGES = {
    "finder": ("关系查找", "relation finder"),
    "check": ("核对规则", "check of rule"),
    "notes": ("汇总说明", "summary notes"),
    "form": ("数字形式检查", "form check"),
    "completeness": ("完整性检查", "completeness check"),
}


class Barrier:
    """Runs the steps of one document's check; collects one finding per distinct fault."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.findings: list[Finding] = []
        self._seen: set[tuple[str, str, str]] = set()

    def run(self, stage: str, name: str, call: Callable[..., T], *args, default: T, section_id: str = "") -> T:
        try:
            return call(*args)
        except Exception as exc:  # noqa: BLE001 — the barrier's purpose: any bug, one finding
            self._fault(stage, name, section_id, exc)
            return default

    def _fault(self, stage: str, name: str, section_id: str, exc: Exception) -> None:
        key = (stage, name, section_id)
        log.error("%s %s failed on %s (section %r)", stage, name, self.doc.path, section_id or "-",
                  exc_info=(type(exc), exc, exc.__traceback__))
        if key in self._seen:
            return
        self._seen.add(key)
        self.findings.append(self._finding(stage, name, section_id, type(exc).__name__))

    def _finding(self, stage: str, name: str, section_id: str, error: str) -> Finding:
        what_zh, what_en = _STAGES.get(stage, (stage, stage))
        section = self.doc.section_label(section_id) if section_id else ""
        where_zh = f"（{section}）" if section else ""
        where_en = f" (in {section})" if section else ""
        return Finding(
            finding_id=digest(f"internal.{stage}", name, section),
            document=PurePath(self.doc.path).name,
            rule="internal.finder" if stage == "finder" else "internal.check",
            severity=Severity.WARNING,
            verdict=Verdict.NOTE,
            section=section,
            section_id=section_id,
            place=Place(),
            stated="",
            expected="",
            message_zh=f"内部错误：{what_zh} {name} 出错（{error}）{where_zh}，其结果未列出，其余检查照常；"
            f"详情见日志（tui-review locate）",
            message_en=f"internal error: the {what_en} {name} failed ({error}){where_en}; its results are missing, "
            f"the other checks ran; details in the log (tui-review locate)",
        )
