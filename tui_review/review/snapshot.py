"""The copy of a finding the review store keeps with each review, as SQLite columns.

The columns are the `Finding` fields marked ``kept`` (`tui_review.contracts.finding.KEPT`): a
field marked there is stored, read back and migrated into older review files without any list
here. Values are written as text: enums by value, `Decimal` exactly, the `Place` as JSON.

``migrate_reviews`` brings a review file of an older version up to date in place: it adds the
columns it lacks and, for files written before places were typed (schema 1: ``page`` and a
``location`` such as ``T3[r2,c4]`` or ``@923``), fills ``place`` from them once. Old columns are
left as they were, so nothing a reviewer saved is lost.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from tui_review.contracts.finding import Finding, Severity, Verdict
from tui_review.contracts.place import Place

SNAPSHOT_COLUMNS = tuple(f.name for f in fields(Finding) if f.metadata.get("kept"))
_DEFAULT_VERDICT = Verdict.FAILS  # a review written before verdicts were kept was on a failing finding


def snapshot_of(finding: Finding) -> Finding:
    """The kept part of ``finding`` (no evidence, no figure ids)."""
    return replace(finding, evidence=[], figure_ids=())


def encode_snapshot(finding: Finding) -> dict[str, str | None]:
    return {name: _encode(getattr(finding, name)) for name in SNAPSHOT_COLUMNS}


def _encode(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Place):
        return json.dumps(value.as_dict(), ensure_ascii=False)
    return str(value)


def decode_snapshot(finding_id: str, row: dict[str, Any]) -> Finding:
    """A snapshot from a row of ``reviews`` (columns it lacks read as empty)."""
    text = {name: "" if row.get(name) is None else str(row[name]) for name in SNAPSHOT_COLUMNS}
    return Finding(
        finding_id=finding_id,
        document="",
        rule=text["rule"],
        severity=_enum(Severity, text["severity"], Severity.ERROR),
        verdict=_enum(Verdict, text["verdict"], _DEFAULT_VERDICT),
        section=text["section"],
        section_id=text["section_id"],
        place=_place(text["place"], row),
        stated=text["stated"],
        expected=text["expected"],
        message_zh=text["message_zh"],
        message_en=text["message_en"],
        stated_value=_decimal(text["stated_value"]),
        expected_value=_decimal(text["expected_value"]),
        unit=text["unit"],
    )


def _enum(kind: type, value: str, default: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        return default


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value else None
    except InvalidOperation:
        return None


def _place(value: str, row: dict[str, Any]) -> Place:
    if value:
        try:
            return Place(**json.loads(value))
        except (ValueError, TypeError):
            pass
    page = row.get("page")
    return Place.from_code(str(row.get("location") or ""), int(page) if isinstance(page, int) else None)


def migrate_reviews(conn: sqlite3.Connection) -> None:
    """Add the snapshot columns an older ``reviews`` table lacks; fill ``place`` from ``page`` and
    ``location`` where a schema-1 file has them. Runs inside the caller's transaction."""
    existing = {row[1] for row in conn.execute("PRAGMA table_info(reviews)")}
    for name in SNAPSHOT_COLUMNS:
        if name not in existing:
            conn.execute(f"ALTER TABLE reviews ADD COLUMN {name} TEXT")
    if "place" in existing or "location" not in existing:
        return
    rows = conn.execute("SELECT finding_id, page, location FROM reviews").fetchall()
    for finding_id, page, location in rows:
        place = Place.from_code(location or "", page if isinstance(page, int) else None)
        conn.execute("UPDATE reviews SET place = ? WHERE finding_id = ?", (_encode(place), finding_id))
