"""Expected findings of the real disclosures in ``../shared/real``, and matching findings against them.

Each real PDF has ``expected/<file stem>.toml`` (UTF-8), written by a person who read every error
finding against the printed page:

- ``[[genuine]]``: an error the document itself contains (the hand arithmetic is in ``why``).
  It must still be found.
- ``[[known_false]]``: an error the engine raises today although the document is right (``cause``
  names the class of mistake, ``reading`` says what the right reading is). Tolerated until the
  engine is fixed; an entry that no longer matches must be deleted (the list only shrinks).
- ``[[missed]]``: an error the document contains that the engine does not report yet (``rule`` may
  be left out: which rule will catch it is the engine's business). Once an error finding matches
  it, it must move to ``[[genuine]]`` with that finding's rule.

Any other error finding fails. An entry is keyed by what survives engine changes: the rule, the
page, the stated figure as printed and (optionally) one other figure of the finding as printed —
never a finding id, a table index or an offset.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui_review.contracts.finding import Finding

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
# the shared folder sits beside the repository: <repo>/../shared/real (a checkout elsewhere, such as
# a git worktree, names the folder in TUI_REVIEW_REAL_DOCS)
REAL = Path(os.environ.get("TUI_REVIEW_REAL_DOCS") or Path(__file__).resolve().parents[2].parent / "shared" / "real")

# pytest stash: document path → labels of the known false errors still raised (printed at the end)
KNOWN_FALSE = pytest.StashKey[dict[str, list[str]]]()

# why a false error was raised: the classes of issue 10 (figure identity)
CAUSES = (
    "binding by position",
    "subject destroyed by layout",
    "equality assumed where the domain gives <= or a partial list",
    "header misread",
    "extraction error",
    "other",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One hand-verified error finding: genuine, or a known false alarm."""

    kind: str  # "genuine", "known_false" or "missed"
    rule: str  # "" (a missed error only): any rule
    page: int  # 0: a finding placed on no page
    stated: str  # the stated figure as printed ("71.73", "1,471.70"; a form finding's text)
    counterpart: str | None  # another figure of the finding as printed, if it is needed to tell it apart
    note: str  # genuine, missed: `why`; known_false: `cause` — `reading`

    def label(self) -> str:
        other = f" vs {self.counterpart}" if self.counterpart else ""
        return f"{self.rule or 'any rule'} p.{self.page} {self.stated}{other}"

    def matches(self, finding: Finding) -> bool:
        if self.rule and finding.rule != self.rule:
            return False
        if (finding.page or 0) != self.page or stated_text(finding) != self.stated:
            return False
        return self.counterpart is None or self.counterpart in other_texts(finding)


@dataclass(frozen=True, slots=True)
class Expected:
    path: Path  # the expected file
    document: str  # the PDF's path under ../shared/real
    sha256: str  # first 16 hex digits of the PDF the entries were verified on
    genuine: tuple[Entry, ...]
    known_false: tuple[Entry, ...]
    missed: tuple[Entry, ...] = ()


def stated_text(finding: Finding) -> str:
    """The stated figure as printed; a finding without a stated figure (a form finding) by its text."""
    for evidence in finding.evidence:
        if evidence.part == "stated":
            return evidence.text
    return finding.stated


def other_texts(finding: Finding) -> set[str]:
    return {e.text for e in finding.evidence if e.part != "stated"}


def _entry(kind: str, raw: dict, where: str) -> Entry:
    for key in ("rule", "page", "stated") if kind != "missed" else ("page", "stated"):
        if key not in raw:
            raise ValueError(f"{where}: [[{kind}]] entry without {key!r}")
    if kind in ("genuine", "missed"):
        if not raw.get("why"):
            raise ValueError(f"{where}: {kind} p.{raw['page']} {raw['stated']} without a `why` (the hand arithmetic)")
        note = raw["why"]
    else:
        if raw.get("cause") not in CAUSES:
            raise ValueError(f"{where}: known_false {raw['rule']} p.{raw['page']}: cause must be one of {CAUSES}")
        if not raw.get("reading"):
            raise ValueError(f"{where}: known_false {raw['rule']} p.{raw['page']} without a `reading`")
        note = f"{raw['cause']} — {raw['reading']}"
    return Entry(kind, raw.get("rule", ""), int(raw["page"]), str(raw["stated"]), raw.get("counterpart"), note)


def load(path: Path) -> Expected:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    where = path.name
    return Expected(
        path=path,
        document=data["document"],
        sha256=data["sha256"],
        genuine=tuple(_entry("genuine", raw, where) for raw in data.get("genuine", [])),
        known_false=tuple(_entry("known_false", raw, where) for raw in data.get("known_false", [])),
        missed=tuple(_entry("missed", raw, where) for raw in data.get("missed", [])),
    )


# the findings across documents (``cross.*``: a 预算 and its 决算, consecutive years, a text and its
# tables), in the same entry format; ``document = "*"``
CROSS = EXPECTED / "_cross.toml"


def expected_files() -> list[Path]:
    """The per-document expected files (the cross-document file apart)."""
    return sorted(path for path in EXPECTED.glob("*.toml") if path != CROSS)


def real_pdfs(root: Path = REAL) -> list[Path]:
    return sorted(root.rglob("*.pdf"))


def sha256_16(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@dataclass(slots=True)
class Comparison:
    unexpected: list[Finding]  # error findings in no entry
    lost: list[Entry]  # genuine errors no longer found
    fixed: list[Entry]  # known false alarms no longer raised (delete them from the file)
    known_false_seen: list[Entry]  # known false alarms still raised
    now_found: list[Finding]  # errors matching a [[missed]] entry (move it to [[genuine]])

    @property
    def ok(self) -> bool:
        return not (self.unexpected or self.lost or self.fixed or self.now_found)


def compare(errors: Iterable[Finding], expected: Expected) -> Comparison:
    errors = list(errors)
    entries = expected.genuine + expected.known_false
    unverified = [f for f in errors if not any(entry.matches(f) for entry in entries)]
    now_found = [f for f in unverified if any(entry.matches(f) for entry in expected.missed)]
    unexpected = [f for f in unverified if f not in now_found]
    lost = [entry for entry in expected.genuine if not any(entry.matches(f) for f in errors)]
    seen = [entry for entry in expected.known_false if any(entry.matches(f) for f in errors)]
    fixed = [entry for entry in expected.known_false if entry not in seen]
    return Comparison(unexpected, lost, fixed, seen, now_found)


def printable(text: str) -> str:
    """Document text made safe for a terminal: control and format characters shown as escapes."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def describe(finding: Finding) -> str:
    """One finding as a draft expected-file entry (printable), for the person who verifies it."""
    lines = [f'rule = "{finding.rule}"', f"page = {finding.page or 0}", f'stated = "{printable(stated_text(finding))}"']
    others = sorted(other_texts(finding))
    if others:
        lines.append(f'counterpart = "{printable(others[0])}"')
    lines.append(f"# {printable(finding.message('zh'))}")
    return "\n".join(lines)
