"""The consistency engine: every relation a document states, checked with interval arithmetic.

`check_relations(doc, relations, config=None) -> CheckReport` evaluates each relation the finders
gave (`tui_review.engine` wires the finders to it: the checks never import them) under its rule
from the rule pack and the user's configuration, keeps relations that hold as ``ok`` findings (the
UI marks their figures verified), folds rounding-only agreements and uncheckable relations into
one note per section or table, adds the parser's form findings and the completeness findings (standard tables missing, empty tables without their note), gives
every finding a stable id and reports coverage.
Each step runs behind the fault barrier (``barrier``; `tui_review.engine` puts each finder
behind the same barrier): a bug becomes one ``internal.*`` warning and a log entry, and the rest
of the document is still checked.

Modules: ``intervals`` (Decimal interval arithmetic), ``evaluate`` (one relation → one finding),
``notes`` (per-place summaries), ``form`` (parser issues and repairs), ``ids`` (stable ids),
``figures`` (naming and placing figures in messages), ``completeness`` (tables a disclosure must
carry), ``structure`` (a file with no disclosure structure at all), ``names`` (placeholders, years,
department and 科目 names that disagree with the document's own), ``notice`` (findings that are no
arithmetic verdict), ``suspects`` (which figure is most likely wrong: groups of failing findings), ``report``
(`CheckReport`, `Coverage`). What comes in (`Relation`) and goes out (`Finding`) is declared in
`tui_review.contracts`.
"""

from __future__ import annotations

from pathlib import PurePath

from parsers.model import Document
from tui_review.checks import completeness, names, structure
from tui_review.checks import figures as F
from tui_review.checks.barrier import Barrier
from tui_review.checks.blank_cells import blank_cell_findings, read_as_zero
from tui_review.checks.evaluate import evaluate
from tui_review.checks.form import form_findings
from tui_review.checks.ids import deduplicate
from tui_review.checks.notes import notes
from tui_review.checks.rate_notes import rate_notes
from tui_review.checks.unbound import unbound_notes
from tui_review.checks.report import CHECKED_VERDICTS, KINDS, CheckReport, Coverage
from tui_review.checks.suspects import Group, find_groups
from tui_review.config import Config, Rule
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.relation import Relation

__all__ = ["CheckReport", "Coverage", "check_relations"]


def check_relations(
    doc: Document, relations: list[Relation], config: Config | None = None, barrier: Barrier | None = None
) -> CheckReport:
    """``barrier``: the one the finders ran behind (its faults join the findings), else a new one."""
    config = config or Config.default()
    barrier = barrier or Barrier(doc)
    unknown: dict[str, Rule] = {}
    evaluated: list[tuple[Relation, Finding]] = []
    rules: dict[int, Rule] = {}  # id(relation) → its rule, for the suspect search
    for relation in relations:
        rule = config.rule(relation.rule)
        if rule is None:
            rule = unknown.setdefault(relation.rule, Rule.fallback(relation.rule))
        if not rule.enabled:
            continue
        finding = barrier.run("check", relation.rule, evaluate, relation, doc, rule, default=None, section_id=_section_of(relation))
        if finding is None:
            continue
        if finding.rule != relation.rule:  # reported under the engine's own rule (binding)
            own = config.rule(finding.rule)
            if own is not None and not own.enabled:
                continue
            if own is not None and own.severity is not None:
                finding.severity = own.severity
        evaluated.append((relation, finding))
        rules[id(relation)] = rule
    evaluated = barrier.run("check", "table.blank", read_as_zero, evaluated, doc, rules, default=evaluated)
    findings = [f for _, f in evaluated if f.verdict != Verdict.UNCHECKED]
    findings += barrier.run("notes", "notes", notes, evaluated, doc, config, default=[])
    findings += barrier.run("notes", "unbound", unbound_notes, doc, relations, config, default=[])
    findings += barrier.run("notes", "unbound.table", rate_notes, doc, relations, config, default=[])
    findings += barrier.run("check", "table.blank", blank_cell_findings, evaluated, doc, config, default=[])
    findings += barrier.run("form", "form", form_findings, doc, config, default=[])
    findings += barrier.run("completeness", "completeness", completeness.findings, doc, config, default=[])
    findings += barrier.run("structure", "structure", structure.findings, doc, config, default=[])
    findings += barrier.run("names", "names", names.findings, doc, config, default=[])
    no_groups: list[Group] = []
    groups = barrier.run("check", "suspects", find_groups, evaluated, doc, lambda relation: rules[id(relation)], default=no_groups)
    findings += barrier.findings
    deduplicate(findings)
    coverage = _coverage(doc, evaluated)
    return CheckReport(
        document=PurePath(doc.path).name,
        findings=findings,
        coverage=coverage["amount"],
        coverage_by_kind=coverage,
        relations=len(evaluated),
        groups=groups,
        notices=[(f"规则包中没有规则 {rule_id}，按 error 处理", f"rule {rule_id} is not in the rule pack; treated as an error")
                 for rule_id in unknown],
    )


def _section_of(relation: Relation) -> str:
    if relation.section_id:
        return relation.section_id
    figures = relation.figures()
    return figures[0].section_id if figures else ""


def _coverage(doc: Document, evaluated: list[tuple[Relation, Finding]]) -> dict[str, Coverage]:
    checked = {fig.id for relation, finding in evaluated if finding.verdict in CHECKED_VERDICTS
               for fig in relation.figures()}
    out = {}
    for kind in KINDS:
        ids = [f.id for f in doc.figures if F.kind(f) == kind]
        out[kind] = Coverage(checked=sum(1 for i in ids if i in checked), extracted=len(ids))
    return out
