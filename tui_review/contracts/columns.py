"""The review sheet's columns, derived from the one finding record: adding a column is one line here.

Each `Column` names its key (the English header and the JSON key), its Chinese header and how its
cell is read from a `Finding` and the reviewer's `Judgement` in a language. ``check --format
csv/json``, the TUI's export and ``tui-review export`` all write these columns; nothing else lists
them. Numbers stay `Decimal` (``stated_value``, ``expected_value``) so Excel and WPS sort and sum
them; their unit has its own column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from tui_review.contracts.finding import Finding, Judgement, ReviewStatus, severity_label

Cell = Callable[[Finding, Judgement, str], object]


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # English header and JSON key
    zh: str  # Chinese header
    cell: Cell
    langs: tuple[str, ...] = ("zh", "en")  # the sheets that show it (JSON has every column)

    def header(self, lang: str = "zh") -> str:
        return self.key if lang == "en" else self.zh


def _status(finding: Finding, judgement: Judgement, lang: str) -> str:
    if finding.holds:
        return "ok" if lang == "en" else "一致"
    return ReviewStatus(judgement.status).label(lang)


COLUMNS: tuple[Column, ...] = (
    Column("document", "文档", lambda f, j, lang: f.document),
    Column("finding_id", "编号", lambda f, j, lang: f.finding_id),
    Column("severity", "严重程度", lambda f, j, lang: f.severity if lang == "en" else severity_label(f.severity, lang)),
    Column("rule", "规则", lambda f, j, lang: f.rule),
    Column("section", "章节", lambda f, j, lang: f.section),
    Column("page", "页码", lambda f, j, lang: f.page),
    Column("place", "位置", lambda f, j, lang: f.place.describe(lang)),
    Column("location", "定位", lambda f, j, lang: f.location, langs=("en",)),
    Column("stated", "所列（原文）", lambda f, j, lang: f.stated),
    Column("stated_value", "所列数值", lambda f, j, lang: f.stated_value),
    Column("expected_value", "应为数值", lambda f, j, lang: f.expected_value),
    Column("unit", "单位", lambda f, j, lang: f.unit),
    Column("expected", "应为（含舍入区间）", lambda f, j, lang: f.expected),
    Column("message", "说明", lambda f, j, lang: f.message(lang)),
    Column("status", "审核状态", _status),
    Column("note", "批注", lambda f, j, lang: j.note),
    Column("group", "可疑组", lambda f, j, lang: f.group),
)


RULE = next(c for c in COLUMNS if c.key == "rule")


def sheet_columns(lang: str = "zh") -> tuple[Column, ...]:
    return tuple(c for c in COLUMNS if lang in c.langs)


def headers(lang: str = "zh") -> list[str]:
    return [c.header(lang) for c in sheet_columns(lang)]


def sheet_row(finding: Finding, judgement: Judgement, lang: str = "zh",
              titles: Mapping[str, str] | None = None) -> dict[str, object]:
    """One review-sheet row: header (in ``lang``) → cell, in the order of ``headers(lang)``. With
    ``titles`` (rule id → title) a Chinese sheet names each rule by its title, as the app does."""
    row = {c.header(lang): c.cell(finding, judgement, lang) for c in sheet_columns(lang)}
    if titles is not None and lang == "zh":
        row[RULE.header(lang)] = titles.get(finding.rule, finding.rule)
    return row


def json_record(finding: Finding, judgement: Judgement, lang: str = "zh") -> dict[str, object]:
    """Every column by key, with raw values (``confirmed``, ``error``), the place and the evidence."""
    out: dict[str, object] = {c.key: c.cell(finding, judgement, "en") for c in COLUMNS}
    out["place"] = finding.place.describe(lang)
    out["message"] = finding.message(lang)
    out["verdict"] = str(finding.verdict)
    out["status"] = "ok" if finding.holds else str(judgement.status)
    out["group"] = finding.group or None
    out["place_parts"] = finding.place.as_dict()
    out["evidence"] = [e.as_dict() for e in finding.evidence]
    out["suspect"] = None if finding.suspect is None else finding.suspect.as_dict(lang)
    return out


def keys(columns: Sequence[Column] = COLUMNS) -> list[str]:
    return [c.key for c in columns]
