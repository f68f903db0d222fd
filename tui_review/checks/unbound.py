"""Say what was not checked: claims the prose makes that no relation could bind.

A growth rate, a share, a completion rate or a stated change that enters no relation was read
but not checked — its base, its total or its counterpart could not be identified with
confidence. Rather than stay silent, one ``unbound`` note per section lists them, so a reviewer
knows which statements still need a human eye.
"""

from __future__ import annotations

import re

from parsers import lexicon
from parsers.model import Document, Figure, Role, Severity
from tui_review.checks.figures import evidence, number
from tui_review.checks.notes import note_section
from tui_review.checks.notice import notice
from tui_review.config import Config
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.contracts.relation import Relation
from tui_review.relations.text_marks import marks

RULE = "unbound"
CLAIMS = {
    Role.GROWTH: ("增减率", "growth rate"),
    Role.SHARE: ("占比", "share"),
    Role.COMPLETION: ("完成率", "completion rate"),
    Role.CHANGE: ("增减额", "change"),
}
TOTAL_WORDS = re.compile(r"合计|总计|结转|结余")  # totals and balances are money too


def unbound_notes(doc: Document, relations: list[Relation], config: Config) -> list[Finding]:
    bound = {id(f) for r in relations for f in r.figures()}
    by_section: dict[str, list[Figure]] = {}
    for fig in doc.figures:
        if fig.start is None or fig.role not in CLAIMS or id(fig) in bound or fig.value == 0 or _explains(doc.text, fig.start):
            continue
        if fig.role != Role.CHANGE and not (lexicon.MONEY_WORDS.search(fig.subject) or TOTAL_WORDS.search(fig.subject)):
            continue  # a rate of something else (办事材料精简 46.45%): no budget figure to check it by
        by_section.setdefault(note_section(doc, fig.section_id), []).append(fig)
    notes = [_note(doc, config, section_id, figs) for section_id, figs in by_section.items()]
    return [n for n in notes if n is not None]


def _explains(text: str, start: int) -> bool:
    """The figure stands in a 原因 explanation (“主要原因是…统一压减10%”): it illustrates, it
    claims nothing about the document's own figures."""
    sentence_start = max(marks(text).last("。\n", start), start - 300)  # indexed: no scan back
    return lexicon.REASON.search(text, sentence_start, start) is not None


def _item(fig: Figure, lang: str) -> str:
    word = CLAIMS[fig.role][1 if lang == "en" else 0]
    sign = "−" if fig.sign < 0 else ""
    unit = fig.unit or ""
    return f"{fig.subject} {word} {sign}{number(fig.value)}{unit}" if fig.subject else f"{word} {sign}{number(fig.value)}{unit}"


def _note(doc: Document, config: Config, section_id: str, figs: list[Figure]) -> Finding | None:
    n = len(figs)
    zh = f"本节有 {n} 处增减、比率陈述未找到可核对的基数或对应数字，未核对（请人工核对）：" + "；".join(_item(f, "zh") for f in figs)
    en = f"In this section, {n} change or ratio statement(s) found no base or counterpart to check against (check by hand): " + "; ".join(_item(f, "en") for f in figs)
    found = notice(doc, config, RULE, Severity.INFO, f"section/{doc.section_label(section_id)}", Place.of_figure(figs[0], doc),
                   "", zh, en, section_id, verdict=Verdict.NOTE)
    if found is not None:
        found.evidence = [evidence(f, doc, 0, "stated") for f in figs]
        found.figure_ids = tuple(f.id for f in figs)
    return found
