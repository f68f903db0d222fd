"""Tables of a mutation run: per document, per claim kind, the most common classes of misses; the
detail CSV (one row per slip).

Per claim kind: ``rounding`` counts slips nothing named whose relations all still hold, one only
within the rounding of the printed figures; ``checkable`` = localised ÷ (slips − rounding);
``aside`` counts the other slips the document's words cannot decide (`honesty`, by rule in the last
column); ``decidable`` = localised ÷ (slips − rounding − aside), where a localised slip set aside
leaves the numerator with the denominator (it was caught by another claim of the number).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from mutation.classify import KINDS, OTHER
from mutation.harness import DocumentRun, Outcome


@dataclass(slots=True)
class Tally:
    slips: int = 0
    localised: int = 0
    any_new: int = 0
    error: int = 0
    info: int = 0
    hidden: int = 0  # within the rounding of the printed figures: no arithmetic can tell them
    aside: int = 0  # not hidden by rounding, but the document's words cannot decide them (`honesty`)
    aside_localised: int = 0
    rules: Counter = field(default_factory=Counter)  # honesty rule → slips it set aside

    def add(self, outcome: Outcome, rule: str | None = None) -> None:
        """Count a slip; ``rule``: the honesty rule that sets it aside under this tally's kind."""
        self.slips += 1
        self.hidden += outcome.within_rounding
        self.localised += outcome.localised
        self.any_new += outcome.any_new
        self.error += outcome.error
        self.info += outcome.info
        if rule and not outcome.within_rounding:
            self.aside += 1
            self.aside_localised += outcome.localised
            self.rules[rule] += 1

    def row(self, label: str) -> str:
        decidable = _rate(self.localised - self.aside_localised, self.slips - self.hidden - self.aside)
        return (f"{label:<22} {self.slips:>6} {_rate(self.localised, self.slips):>10} {_rate(self.any_new, self.slips):>10} "
                f"{_rate(self.error, self.slips):>10} {_rate(self.info, self.slips):>10} {self.hidden:>8} "
                f"{_rate(self.localised, self.slips - self.hidden):>10} {self.aside:>6} {decidable:>10}  "
                + " ".join(f"{rule}:{n}" for rule, n in sorted(self.rules.items())))


def _rate(part: int, whole: int) -> str:
    return "—" if not whole else f"{100 * part / whole:.1f}%"


HEADER = (f"{'':<22} {'slips':>6} {'localised':>10} {'any':>10} {'as error':>10} {'+info':>10} {'rounding':>8} "
          f"{'checkable':>10} {'aside':>6} {'decidable':>10}  by rule")
# rounding: slips not named whose figure's relations all still hold, one only within rounding;
# checkable: localised among the slips that are not of that kind; aside: the rest the words cannot
# decide; decidable: localised among the slips neither hidden by rounding nor set aside


def by_kind(outcomes: Iterable[Outcome]) -> dict[str, Tally]:
    tallies = {kind: Tally() for kind in (*KINDS, OTHER)}
    claims = Tally()
    for outcome in outcomes:
        aside = outcome.aside()
        for kind in outcome.kinds:
            tallies[kind].add(outcome, aside.get(kind))
        claimed = [k for k in outcome.kinds if k not in (OTHER, "missing")]
        if claimed:
            undecided = all(k in aside for k in claimed)
            claims.add(outcome, "/".join(sorted({aside[k] for k in claimed})) if undecided else None)
    tallies["all claims (value)"] = claims
    return tallies


def kind_table(outcomes: list[Outcome], title: str) -> str:
    lines = [title, HEADER]
    for kind, tally in by_kind(outcomes).items():
        lines.append(tally.row(kind))
    return "\n".join(lines)


def document_table(runs: list[DocumentRun]) -> str:
    lines = [f"{'document':<40} {'numbers':>7} {'counted':>7} {'excluded':>8} {'slips':>6} {'localised':>10} {'any':>8} {'seconds':>8}"]
    for run in runs:
        claims = [o for o in run.outcomes if any(k not in (OTHER,) for k in o.kinds)]
        tally = Tally()
        for o in claims:
            tally.add(o)
        counted = len({o.token for o in run.outcomes})
        lines.append(f"{_short(run.document)} {run.numbers:>7} {counted:>7} {sum(run.excluded.values()):>8} {tally.slips:>6} "
                     f"{_rate(tally.localised, tally.slips):>10} {_rate(tally.any_new, tally.slips):>8} {run.seconds:>8.1f}")
    return "\n".join(lines)


def excluded_table(runs: list[DocumentRun]) -> str:
    total: Counter = Counter()
    for run in runs:
        total.update(run.excluded)
    return "not counted: " + ", ".join(f"{reason} {n}" for reason, n in total.most_common())


def _short(name: str, width: int = 40) -> str:
    # CJK characters take two columns: cut by display width
    out, used = "", 0
    for ch in name:
        w = 2 if ord(ch) > 0x2E80 else 1
        if used + w > width - 1:
            return out + "…" + " " * (width - used - 1)
        out += ch
        used += w
    return out + " " * (width - used)


def miss_class(outcome: Outcome) -> str:
    """A class of misses: the claim kind, prose or cell, and the words that make the claim (the
    table and column for a cell, the word before the number for prose)."""
    kind = "/".join(outcome.kinds)
    if " r" in outcome.where and " c" in outcome.where and not outcome.where.split()[0].startswith("@"):
        table = re.sub(r"^p\.\d+ ", "", outcome.where)
        title = re.split(r" r\d+ c\d+ ", table)[0]
        column = table.split(" · ")[-1] if " · " in table else ""
        title = re.sub(r"[\d\s]+", "", title)[:24]
        return f"{kind} · cell · {title} · {column[-16:]}" + (" · not read" if not outcome.read else "")
    before = outcome.context.split("【")[0]
    word = re.findall(r"[\u4e00-\u9fff]+", before)
    cue = word[-1][-4:] if word else ""
    after = outcome.context.split("】")[-1][:2]
    return f"{kind} · prose · …{cue}【n】{after}" + (" · not read" if not outcome.read else "")


def misses_table(outcomes: list[Outcome], top: int = 20) -> str:
    """The most common classes of slips no localised error or warning named; slips of numbers that
    claim nothing recognised (``other``) are left out: they are no coverage gap of a claim."""
    missed = [o for o in outcomes if not o.localised and not o.within_rounding and o.kinds != (OTHER,)
              and not all(k in o.aside() for k in o.kinds)]
    classes: dict[str, list[Outcome]] = {}
    for o in missed:
        classes.setdefault(miss_class(o), []).append(o)
    ranked = sorted(classes.items(), key=lambda kv: -len(kv[1]))[:top]
    lines = [f"top {len(ranked)} classes of undetected slips of claims (not localised, not hidden by rounding, "
             f"not set aside by the words), of {len(missed)}:"]
    for name, members in ranked:
        example = members[0]
        lines.append(f"{len(members):>5}  {name}")
        lines.append(f"       e.g. {example.document} {example.where[:60]} {example.slip} {example.printed}→{example.mutated or '∅'}: {example.context}")
    return "\n".join(lines)


def write_csv(path: str, outcomes: list[Outcome]) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        fields = list(Outcome.__dataclass_fields__)
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for o in outcomes:
            row = asdict(o)
            row["kinds"] = "/".join(o.kinds)
            writer.writerow(row)
