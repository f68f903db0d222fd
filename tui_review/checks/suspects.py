"""Which figure is most likely wrong: one slip, one group of findings.

A single misprinted figure breaks every relation it takes part in — a 合计 row, the same figure
in another table, a share in the prose — and each of those reports the *stated* figure as wrong,
which is often the correct one. After every relation is evaluated, `find_groups` looks, over each
connected component of failing relations (figures as nodes), for the cheapest set of figures
whose change makes every failing relation of the component hold:

- a figure can fix a relation only if some value for it makes the relation hold: that value is
  solved with interval arithmetic (`suspect_solve.needed_interval`: SUM, RATIO and DIRECTION) and the
  candidate printed at the figure's decimals is re-evaluated by the checks' own `evaluate`;
- the cost of a set is its size plus the relations that hold now and would break under the
  change: a figure that agrees with three other tables is vouched for three times;
- equally cheap sets are ties, reported as such and never guessed — unless exactly one of them also
  makes hold a relation the checks declined to judge (verdict ``binding``: a total below its part,
  as a part printed ×10 makes it); past the search bounds
  (relations, candidates, set size, trials) the component has "no single culprit".

Failing relations explained by linked figures of the best set form one group; every member
finding carries the group's id and its `Suspect`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from parsers.model import Document, Figure
from tui_review.checks import figures as F
from tui_review.checks.evaluate import evaluate
from tui_review.checks.ids import digest
from tui_review.checks.intervals import Interval
from tui_review.checks.suspect_solve import INF, changed, needed_interval, printed_value, substituted
from tui_review.checks.suspect_text import suspect_of
from tui_review.config import Rule
from tui_review.contracts.finding import Finding, Suspect, Verdict
from tui_review.contracts.relation import Relation

MAX_RELATIONS = 16  # failing relations in one component
MAX_CANDIDATES = 48  # figures that could be changed in one component
MAX_SET = 3  # figures changed together
MAX_TRIALS = 400  # candidate sets re-evaluated per component
MAX_TIES = 3  # equally good explanations still worth listing

_HOLDING = (Verdict.HOLDS, Verdict.ROUNDING)

RuleOf = Callable[[Relation], Rule]


@dataclass(slots=True)
class Group:
    """Failing findings explained by one suspect (or one set of figures changed together)."""

    group_id: str
    members: list[Finding]
    options: list[dict[str, Decimal]]  # figure id → printed value it would need; [] no culprit
    figures: dict[str, Figure] = field(default_factory=dict)
    needed: dict[str, Interval] = field(default_factory=dict)  # figure id → values that would do
    broken: int = 0
    suspect: Suspect | None = None


# --- one component ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Component:
    failing: list[int]  # indices into the failing relations
    holding: set[int] = field(default_factory=set)  # holding relations touching its figures


@dataclass(slots=True)
class _Outcome:
    values: dict[str, Decimal]
    needed: dict[str, Interval]
    broken: int

    @property
    def cost(self) -> tuple[int, int]:
        return (len(self.values) + self.broken, self.broken)


class _Search:
    """The cheapest explanations of one component's failing relations."""

    def __init__(self, engine: _Engine, component: _Component) -> None:
        self.engine = engine
        self.failing = component.failing
        self.holding = sorted(component.holding)
        self.trials = 0

    def run(self) -> list[_Outcome] | None:
        """The best outcomes (ties), or ``None`` past the bounds."""
        e = self.engine
        if len(self.failing) > MAX_RELATIONS:
            return None
        hits: dict[str, int] = {}
        for bit, index in enumerate(self.failing):
            for fig in e.failing[index][0].figures():
                if not F.is_blank(fig):
                    hits[fig.id] = hits.get(fig.id, 0) | (1 << bit)
        if len(hits) > MAX_CANDIDATES:
            return None
        everything = (1 << len(self.failing)) - 1
        order = sorted(hits, key=lambda i: (-hits[i].bit_count(), i))
        best: list[_Outcome] = []
        for size in range(1, MAX_SET + 1):
            if best and size > best[0].cost[0]:
                break
            for chosen in combinations(order, size):
                mask = 0
                for fid in chosen:
                    mask |= hits[fid]
                if mask != everything:
                    continue
                if self.trials >= MAX_TRIALS:
                    return None
                self.trials += 1
                outcome = self._try(chosen)
                if outcome is None:
                    continue
                if not best or outcome.cost < best[0].cost:
                    best = [outcome]
                elif outcome.cost == best[0].cost:
                    best.append(outcome)
        return self._settled(best) if len(best) > 1 else best or None

    def _settled(self, tied: list[_Outcome]) -> list[_Outcome]:
        """A tie the document settles after all: the one option whose change also makes relations
        hold that the checks declined to judge (verdict ``binding``: a total below its part, as a
        misprinted part ×10 makes it); otherwise the tie as it is."""
        e = self.engine
        rescued = []
        for outcome in tied:
            replaced = {fid: changed(e.figures[fid], value) for fid, value in outcome.values.items()}
            unjudged = {i for fid in outcome.values for i in e.binding_of.get(fid, [])}
            rescued.append(sum(1 for i in unjudged if self._holds(e.binding[i], replaced)))
        top = max(rescued)
        return [tied[rescued.index(top)]] if top and rescued.count(top) == 1 else tied

    def peel(self) -> list[tuple[_Outcome, list[int]]]:
        """When no exact explanation is found: single figures that each fix several failing
        relations (at least two) better than any other figure fixing any of the same relations
        (more fixed, fewer verified relations broken), with the relations each fixes."""
        e = self.engine
        inside = set(self.failing)
        self.trials = 0
        scored: list[tuple[tuple[int, int], _Outcome, list[int]]] = []
        for fid in sorted({f.id for i in self.failing for f in e.failing[i][0].figures() if not F.is_blank(f)}):
            own = [i for i in e.failing_of.get(fid, []) if i in inside]
            if len(own) < 2 or self.trials >= MAX_TRIALS:
                continue
            self.trials += 1
            fig = e.figures[fid]
            need: Interval | None = None
            for i in own:  # the relations a single value can satisfy together, in order
                narrower = self._intersect([e.failing[i]], fig, {}, need)
                if narrower is not None:
                    need = narrower
            if need is None:
                continue
            value = printed_value(need, fig)
            replaced = {fid: changed(fig, value)}
            fixed = [i for i in own if self._holds(e.failing[i], replaced)]
            broken = sum(1 for i in e.holding_of.get(fid, []) if not self._holds(e.holding[i], replaced))
            if len(fixed) >= 2 and broken < len(fixed) - 1:
                scored.append(((len(fixed) - broken, -broken), _Outcome({fid: value}, {fid: need}, broken), fixed))
        scored.sort(key=lambda item: item[0], reverse=True)
        taken: set[int] = set()
        out = []
        for score, outcome, fixed in scored:
            rivals = [f for s, _, f in scored if s == score and f is not fixed and set(f) & set(fixed)]
            if rivals or taken & set(fixed):
                continue  # a tie, or relations a better figure explains already
            taken.update(fixed)
            out.append((outcome, fixed))
        return out

    def _relations_of(self, fid: str) -> tuple[list[int], list[int]]:
        e = self.engine
        return e.failing_of.get(fid, []), e.holding_of.get(fid, [])

    def _try(self, chosen: Sequence[str]) -> _Outcome | None:
        """Solve the chosen figures one by one; None when they cannot fix every failing relation."""
        e = self.engine
        pending = list(chosen)
        values: dict[str, Decimal] = {}
        needed: dict[str, Interval] = {}
        replaced: dict[str, Figure] = {}
        while pending:
            for fid in pending:
                fig = e.figures[fid]
                failing, holding = self._relations_of(fid)
                ready = [i for i in failing if self._solvable(e.failing[i][0], fid, pending)]
                soft = [i for i in holding if self._solvable(e.holding[i][0], fid, pending)]
                if not ready and not soft:
                    continue
                need = self._intersect([e.failing[i] for i in ready], fig, replaced)
                if need is None:
                    return None
                for i in soft:  # keep the relations that hold, where some value still can
                    narrower = self._intersect([e.holding[i]], fig, replaced, need)
                    if narrower is not None:
                        need = narrower
                if need is None:
                    return None
                values[fid] = printed_value(need, fig)
                needed[fid] = need
                replaced[fid] = changed(fig, values[fid])
                pending.remove(fid)
                break
            else:
                return None
        if not all(self._holds(e.failing[i], replaced) for i in self.failing):
            return None
        touched = {i for fid in chosen for i in e.holding_of.get(fid, [])}
        broken = sum(1 for i in touched if not self._holds(e.holding[i], replaced))
        return _Outcome(values, needed, broken)

    @staticmethod
    def _solvable(relation: Relation, fid: str, pending: list[str]) -> bool:
        return not any(f.id in pending and f.id != fid for f in relation.figures())

    def _intersect(
        self, pairs: list[tuple[Relation, Finding]], fig: Figure, replaced: dict[str, Figure],
        start: Interval | None = None,
    ) -> Interval | None:
        need = start if start is not None else Interval(-INF, INF)
        for relation, _ in pairs:
            own = needed_interval(substituted(relation, replaced), fig, self.engine.doc, self.engine.rule_of(relation))
            if own is None:
                return None
            own = own.widen(fig.half_ulp) if not (own.lo.is_infinite() or own.hi.is_infinite()) else own
            if not own.intersects(need):
                return None
            need = Interval(max(need.lo, own.lo), min(need.hi, own.hi))
        if need.lo.is_infinite() and need.hi.is_infinite():
            return None
        return need

    def _holds(self, pair: tuple[Relation, Finding], replaced: dict[str, Figure]) -> bool:
        relation, _ = pair
        if not any(f.id in replaced for f in relation.figures()):
            return pair[1].verdict in _HOLDING
        finding = evaluate(substituted(relation, replaced), self.engine.doc, self.engine.rule_of(relation))
        return finding.verdict in _HOLDING


class _Engine:
    """Indexes over one document's evaluated relations."""

    def __init__(self, evaluated: list[tuple[Relation, Finding]], doc: Document, rule_of: RuleOf) -> None:
        self.doc = doc
        self.rule_of = rule_of
        self.failing = [(r, f) for r, f in evaluated if f.verdict == Verdict.FAILS]
        self.figures: dict[str, Figure] = {}
        self.failing_of: dict[str, list[int]] = {}
        for index, (relation, _) in enumerate(self.failing):
            for fig in relation.figures():
                self.figures[fig.id] = fig
                bucket = self.failing_of.setdefault(fig.id, [])
                if not bucket or bucket[-1] != index:
                    bucket.append(index)
        self.holding: list[tuple[Relation, Finding]] = []
        self.holding_of: dict[str, list[int]] = {}
        self.binding: list[tuple[Relation, Finding]] = []  # relations the checks did not judge
        self.binding_of: dict[str, list[int]] = {}
        for relation, finding in evaluated:
            if finding.verdict in _HOLDING:
                pairs, by_figure = self.holding, self.holding_of
            elif finding.verdict == Verdict.BINDING:
                pairs, by_figure = self.binding, self.binding_of
            else:
                continue
            touched = {f.id for f in relation.figures() if f.id in self.failing_of}
            if not touched:
                continue
            pairs.append((relation, finding))
            for fid in touched:
                by_figure.setdefault(fid, []).append(len(pairs) - 1)

    def components(self, subset: Iterable[int] | None = None) -> list[_Component]:
        """Failing relations linked by a shared figure, or by a holding relation over figures of
        both (figures that may have to change together); only those in ``subset`` if given."""
        inside = set(range(len(self.failing)) if subset is None else subset)
        parent = {i: i for i in inside}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(indices: Iterable[int]) -> None:
            roots = sorted({find(i) for i in indices if i in inside})
            for other in roots[1:]:
                parent[other] = roots[0]

        for indices in self.failing_of.values():
            union(indices)
        for relation, _ in self.holding:
            union(i for f in relation.figures() for i in self.failing_of.get(f.id, []))
        out: dict[int, _Component] = {}
        for index in sorted(inside):
            out.setdefault(find(index), _Component([])).failing.append(index)
        for component in out.values():
            for index in component.failing:
                for fig in self.failing[index][0].figures():
                    component.holding.update(self.holding_of.get(fig.id, []))
        return list(out.values())


# --- groups -------------------------------------------------------------------------------------


def find_groups(evaluated: list[tuple[Relation, Finding]], doc: Document, rule_of: RuleOf) -> list[Group]:
    """The suspect groups of a document's failing relations (verdict ``fails``), in document order
    of their first member; each member finding gets the group's id and `Suspect`."""
    engine = _Engine(evaluated, doc, rule_of)
    groups: list[Group] = []
    for component in engine.components():
        groups += _groups_of(engine, component)
    order = {id(finding): i for i, (_, finding) in enumerate(evaluated)}
    groups.sort(key=lambda g: min(order[id(f)] for f in g.members))
    for group in groups:
        group.suspect = suspect_of(group, doc, MAX_SET)
        for finding in group.members:
            finding.group = group.group_id
            finding.suspect = group.suspect
    return groups


def _groups_of(engine: _Engine, component: _Component) -> list[Group]:
    search = _Search(engine, component)
    best = search.run()
    members = [engine.failing[i] for i in component.failing]
    if best is not None and len(best) <= MAX_TIES:
        return _explained(engine, component, best)
    peeled = search.peel()
    if not peeled:
        return [_group(members, [], engine)]
    groups, explained = [], set()
    for outcome, fixed in peeled:
        group = _group([engine.failing[i] for i in fixed], [outcome.values], engine)
        group.needed, group.broken = outcome.needed, outcome.broken
        groups.append(group)
        explained.update(fixed)
    for rest in engine.components(i for i in component.failing if i not in explained):
        groups += _groups_of(engine, rest)
    return groups


def _explained(engine: _Engine, component: _Component, best: list[_Outcome]) -> list[Group]:
    """Groups of an exactly explained component: one per linked cluster of the best set, or one
    listing every option when several are equally good."""
    members = [engine.failing[i] for i in component.failing]
    if len(best) > 1:
        group = _group(members, [o.values for o in best], engine)
        group.broken = best[0].broken
        for outcome in best:
            group.needed.update(outcome.needed)
        return [group]
    outcome = best[0]
    clusters = _clusters(engine, list(outcome.values), [engine.failing[i][0] for i in component.failing])
    out = []
    for cluster in clusters:
        pairs = [pair for pair in members if any(f.id in cluster for f in pair[0].figures())]
        group = _group(pairs, [{fid: outcome.values[fid] for fid in cluster}], engine)
        group.needed = {fid: outcome.needed[fid] for fid in cluster}
        group.broken = outcome.broken if len(clusters) == 1 else 0
        out.append(group)
    return out


def _clusters(engine: _Engine, chosen: list[str], failing: list[Relation]) -> list[list[str]]:
    """The chosen figures, linked when some relation (failing, or holding and touched) has both."""
    relations = failing + [engine.holding[i][0] for fid in chosen for i in engine.holding_of.get(fid, [])]
    clusters = [[fid] for fid in chosen]
    for relation in relations:
        ids = {f.id for f in relation.figures()}
        linked = [c for c in clusters if ids & set(c)]
        if len(linked) > 1:
            merged = [fid for c in linked for fid in c]
            clusters = [c for c in clusters if c not in linked] + [merged]
    return clusters


def _group(pairs: list[tuple[Relation, Finding]], options: list[dict[str, Decimal]], engine: _Engine) -> Group:
    members = [f for _, f in pairs]
    figures = {fid: engine.figures[fid] for option in options for fid in option}
    return Group(
        group_id="g" + digest("group", sorted(f.finding_id for f in members))[:11],
        members=members,
        options=options,
        figures=figures,
    )
