"""The mutation run over one document: every printed number (or a seeded sample), each slip of
`perturb`, the checks of ``tui-review check`` on the mutant, one `Outcome` per slip.

A number is first screened by its own words (`classify.excluded`); the first mutant then shows
where the parser put it (`detect.locate`): a number whose mutant parses the same (a page number
line), that is a 科目 code or 序号 column, or a bare prose number that claims nothing is not
counted (its reason is kept). Value slips (digit, swap, x10) count under each claim kind of the
number (or ``other``); a deletion counts as ``missing`` when the number is a prose amount or rate,
or a cell that takes part in a claim and is not 0 (a blank cell where 0 stood says the same).
Each slip also carries the kinds the document's words cannot decide for it, with the rule that sets
each aside (`honesty`); they stay among its kinds.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from mutation import classify as C
from mutation import honesty
from mutation.detect import WITH_INFO, Site, locate, new_findings, touches
from mutation.perturb import perturbations
from mutation.source import Source, Token, number_cell
from parsers.model import Document, Severity
from tui_review.checks import CheckReport
from tui_review.contracts.finding import Verdict
from tui_review.engine import check_document


CHECKED = (Verdict.HOLDS, Verdict.ROUNDING, Verdict.FAILS, Verdict.BINDING)


@dataclass(slots=True)
class Outcome:
    """One slip and what the checks made of it."""

    document: str
    token: int
    printed: str
    slip: str  # digit | swap | x10 | delete
    mutated: str
    kinds: tuple[str, ...]  # the claim kinds it is counted under
    where: str  # human place: page, table · row · column, or section heading
    context: str  # the words around it, the number in 【】
    read: bool  # the parser read it as a figure in the original
    localised: bool  # a new error/warning names it
    any_new: bool  # some new error/warning anywhere
    error: bool  # a new localised error
    info: bool  # a new localised finding of any severity, info included (a binding note)
    rules: str  # the rules of the new findings (localised first)
    within_rounding: bool = False  # not localised, and every relation of the slipped figure still holds,
    # one of them only within the rounding of the printed figures: no arithmetic can tell the slip
    set_aside: str = ""  # "kind:rule;…": kinds the document's words cannot decide for this slip (`honesty`)

    def aside(self) -> dict[str, str]:
        """Claim kind → the `honesty` rule that sets it aside for this slip."""
        return dict(part.split(":", 1) for part in self.set_aside.split(";") if part)


def within_rounding(report: CheckReport, figure_id: str | None, localised: bool) -> bool:
    """Is a slip that nothing named one that the printed precision hides? The slipped figure takes
    part in some checked relation of the mutant, none fails, and at least one holds only within the
    rounding of its figures (a growth rate 0.79% → 0.78% over 0.44 / 55.70 万元)."""
    if localised or figure_id is None:
        return False
    verdicts = [f.verdict for f in report.findings if figure_id in f.figure_ids and f.verdict in CHECKED]
    return Verdict.ROUNDING in verdicts and all(v.holds for v in verdicts)


@dataclass(slots=True)
class DocumentRun:
    document: str
    outcomes: list[Outcome] = field(default_factory=list)
    excluded: Counter = field(default_factory=Counter)  # reason → numbers not counted
    numbers: int = 0  # numbers found
    sampled: int = 0
    seconds: float = 0.0


class Mutator:
    """A document parsed and checked once, ready to check slips of its numbers."""

    def __init__(self, source: Source):
        self.source = source
        self.base = source.rebuild()
        self.report = check_document(self.base)
        self.tokens = source.tokens()
        self.amounts = self._amounts()
        self.words = honesty.Words.of(source, self.tokens)

    def _amounts(self) -> C.Amounts:
        prose: Counter = Counter()
        for t in self.tokens:
            unit = C.money_unit(t.right)
            value = C.value_of(t.text)
            if not t.in_cell and unit and value is not None and not C.threshold(t.right):
                prose[(value, unit)] += 1
        cells = {f.value for f in self.base.figures if f.cell is not None}
        return C.Amounts(dict(prose), cells)

    def check(self, token: Token, text: str) -> tuple[Document, CheckReport]:
        mutant = self.source.rebuild(token, text)
        return mutant, check_document(mutant)

    def source_cell(self, token: Token) -> tuple[str, int, int] | None:
        if not token.in_cell:
            return None
        return (self.source.tables[token.table].id, token.row, token.col)

    def screen(self, token: Token) -> str | None:
        header = ""
        if token.in_cell:
            table = self.source.tables[token.table]
            header = table.columns[token.col] if token.col < len(table.columns) else ""
        return C.excluded(token.text, token.left, token.right, in_cell=token.in_cell, header=header)

    def kinds(self, token: Token, site: Site) -> tuple[list[str], str | None]:
        """(claim kinds, reason not counted) once the site is known."""
        if site.in_cell:
            table = self.base.table(site.table_id)
            if table is None or site.row >= len(table.rows):
                return [], "cell not found"
            row = table.rows[site.row]
            if site.col < len(row) and not number_cell(row[site.col]):
                return self._prose_kinds(token)  # a number in the words of a cell: read as prose
            place = C.CellPlace(table, site.row, site.col)
            why = C.excluded(token.text, "", "", in_cell=True, header=place.header)
            if why:
                return [], why
            return C.cell_kinds(token.text, place, self.amounts), None
        return self._prose_kinds(token)

    def _prose_kinds(self, token: Token) -> tuple[list[str], str | None]:
        kinds = C.prose_kinds(token.text, token.left, token.right, self.amounts)
        if not kinds and C.unit_after(token.right) == "bare":
            return [], "bare number"
        return kinds, None

    def run_token(self, token: Token, rng: random.Random) -> tuple[list[Outcome], str | None]:
        slips = perturbations(token.text, rng)
        outcomes: list[Outcome] = []
        kinds: list[str] | None = None
        for slip, text in slips:
            mutant, report = self.check(token, text)
            site = locate(self.base, mutant, self.source_cell(token))
            if site is None:
                return [], "not in the parsed document"
            if kinds is None:
                kinds, why = self.kinds(token, site)
                if why:
                    return [], why
            counted = self._counted_kinds(kinds, slip, site, token.text)
            if not counted:
                continue
            outcome = self._outcome(token, slip, text, counted, site, mutant, report)
            aside = honesty.set_aside(self.words, token, text, counted, self.cell_header(site))
            outcome.set_aside = ";".join(f"{kind}:{rule}" for kind, rule in aside.items())
            outcomes.append(outcome)
        return outcomes, None

    def cell_header(self, site: Site) -> str | None:
        """The column header of the number cell the slip stands in (None: the number is read as prose)."""
        if not site.in_cell:
            return None
        table = self.base.table(site.table_id)
        if table is None or site.row >= len(table.rows):
            return None
        row = table.rows[site.row]
        if site.col < len(row) and not number_cell(row[site.col]):
            return None
        return C.CellPlace(table, site.row, site.col).header

    @staticmethod
    def _counted_kinds(kinds: list[str], slip: str, site: Site, printed: str) -> tuple[str, ...]:
        if slip != "delete":
            return tuple(kinds) or (C.OTHER,)
        if site.in_cell and (not kinds or C.value_of(printed) == 0):
            return ()  # a blank cell where 0 stood says the same
        return ("missing",)

    def _outcome(self, token: Token, slip: str, text: str, kinds: tuple[str, ...], site: Site, mutant: Document,
                 report: CheckReport) -> Outcome:
        fresh = new_findings(self.report, report, site)
        near = [f for f in fresh if touches(f, site, slip == "delete")]
        noted = [f for f in new_findings(self.report, report, site, WITH_INFO) if touches(f, site, slip == "delete")]
        rules = [f.rule for f in near] + [f"~{f.rule}" for f in fresh if f not in near]
        rules += [f"({f.rule})" for f in noted if f.severity == Severity.INFO]
        return Outcome(
            document=self.source.name, token=token.index, printed=token.text, slip=slip, mutated=text, kinds=kinds,
            where=self._where(site), context=self._context(token), read=site.figure is not None,
            localised=bool(near), any_new=bool(fresh), error=any(f.severity == Severity.ERROR for f in near), info=bool(noted),
            rules=";".join(dict.fromkeys(rules)),
            within_rounding=slip != "delete" and within_rounding(report, site.mutant.id if site.mutant else None, bool(near)),
        )

    def _where(self, site: Site) -> str:
        if site.in_cell:
            table = self.base.table(site.table_id)
            place = C.CellPlace(table, site.row, site.col) if table is not None else None
            title = (table.title or table.id) if table is not None else site.table_id
            label = f"{place.row_label} · {place.header}" if place is not None else ""
            page = f"p.{table.page} " if table is not None and table.page else ""
            return f"{page}{title} r{site.row + 1} c{site.col + 1} {label}".strip()
        fig = site.figure
        section = self.base.section_label(fig.section_id) if fig is not None else ""
        page = self.base.page_of(site.offset) if site.offset is not None else None
        return f"{'p.' + str(page) + ' ' if page else ''}@{site.offset} {section}".strip()

    @staticmethod
    def _context(token: Token) -> str:
        left = C.compact(token.left)[-24:]
        right = C.compact(token.right)[:16]
        return f"{left}【{token.text}】{right}"


def run_document(source: Source, *, sample: int | None = None, seed: int = 0,
                 progress: Callable[[int, int], None] | None = None) -> DocumentRun:
    started = time.perf_counter()
    mutator = Mutator(source)
    run = DocumentRun(source.name, numbers=len(mutator.tokens))
    candidates = []
    for token in mutator.tokens:
        why = mutator.screen(token)
        if why:
            run.excluded[why] += 1
        else:
            candidates.append(token)
    if sample is not None and sample < len(candidates):
        picker = random.Random(f"{seed}:{source.name}")
        candidates = sorted(picker.sample(candidates, sample), key=lambda t: t.index)
    run.sampled = len(candidates)
    for k, token in enumerate(candidates):
        rng = random.Random(f"{seed}:{source.name}:{token.index}")
        outcomes, why = mutator.run_token(token, rng)
        if why:
            run.excluded[why] += 1
        run.outcomes += outcomes
        if progress:
            progress(k + 1, len(candidates))
    run.seconds = time.perf_counter() - started
    return run
