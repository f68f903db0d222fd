"""A document checked with its set: its own findings plus the cross findings it is home to.

The app reviews one document at a time, but a cross finding (`tui_review.crosscheck.check_pair`)
ties two. Each cross finding is shown, and reviewed, once — in its *home* document, the one whose
words make the claim about the other (`home_prefix`: the 决算, the later year, the text file) —
so its status and note live in that document's review store and its row in that
document's sheet. `localise` rewrites a pair finding into the home document's own ids (the
``a:``/``b:`` prefixes of `tui_review.relations.cross.pair_document` removed from its figures,
places and section) and says where its other figures are in the partner document (`Across`):
the split view opens the partner there.

`SetCheck(infos)` is a `LoadOptions.check`: the document's own checks, then every link of
``infos`` that involves it, keeping the `Across` of each cross finding by id and the partner
documents it read; with ``beside=True`` a document opened alone is checked with the partners
found in its own folder (`partners_beside`). `describe_file` says what one file is (or why it cannot be read), for building
``infos``. Pure: no Textual.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from parsers.model import Document
from tui_review.checks.report import CheckReport
from tui_review.config import Config
from tui_review.contracts.finding import Evidence, Finding
from tui_review.contracts.place import Place
from tui_review.crosscheck import check_pair
from tui_review.docsets import DocInfo, Link, LinkKind, describe, group
from tui_review.docsets.nearby import MAX_PARTNERS, glance_folder, might_pair, one_per_role
from tui_review import engine
from tui_review.relations.cross import FIRST, SECOND

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Across:
    """Where a cross finding's other figures are: the partner file and its own figure ids."""

    finding_id: str
    partner: Path
    figures: dict[str, str]  # the home document's figure id → the partner's figure it is checked against
    partner_figures: tuple[str, ...]  # every partner figure of the finding, in evidence order

    def counterpart(self, home_figure: str | None) -> str | None:
        """The partner figure ``c`` shows for a home figure (the first one when it has none of its own)."""
        if home_figure is not None and home_figure in self.figures:
            return self.figures[home_figure]
        return self.partner_figures[0] if self.partner_figures else None


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return str(a) == str(b)


def home_prefix(link_kind: str) -> str:
    """``a:`` or ``b:``: the side of a link whose document makes the claim about the other — the
    决算 (its 年初预算 restates the 预算), the later year (its 上年 figures and changes are about the
    earlier one), the text file (its prose reports its tables file). The reviewer meets the finding
    where the claim is printed, whichever figure the relation happens to state."""
    return FIRST if link_kind == LinkKind.TEXT_TABLES else SECOND


def _strip(value: str, prefix: str) -> str:
    return value[len(prefix):] if value.startswith(prefix) else value


def _own_place(place: Place, prefix: str) -> Place:
    return replace(place, table_id=_strip(place.table_id, prefix)) if place.table_id else place


def localise(finding: Finding, prefix: str, partner: Path, home: Document | None = None) -> tuple[Finding, Across]:
    """The finding in the ids of the side ``prefix`` names (``home``: that document, for the section
    ids of its figures), and where its other figures are."""
    other = SECOND if prefix == FIRST else FIRST
    home_ids = [_strip(f, prefix) for f in finding.figure_ids if f.startswith(prefix)]
    partner_ids = [_strip(f, other) for f in finding.figure_ids if f.startswith(other)]
    evidence: list[Evidence] = []
    for ev in finding.evidence:
        if ev.figure_id.startswith(prefix):
            evidence.append(replace(ev, figure_id=_strip(ev.figure_id, prefix), place=_own_place(ev.place, prefix)))
        else:  # the partner's figure keeps its pair id: no figure of the home document has it
            evidence.append(replace(ev, place=_own_place(ev.place, other)))
            if ev.figure_id.startswith(other) and _strip(ev.figure_id, other) not in partner_ids:
                partner_ids.append(_strip(ev.figure_id, other))
    local = replace(finding, evidence=evidence, figure_ids=tuple(home_ids), **_home_place(finding, evidence, prefix, home))
    return local, Across(finding.finding_id, partner, _pairs(finding, prefix, other), tuple(partner_ids))


def _home_place(finding: Finding, evidence: list[Evidence], prefix: str, home: Document | None) -> dict:
    """Where the finding stands in the home document: its stated figure's place when that figure is
    the home document's, else the place of its first figure there (a finding listed in one document
    never points into the other's text)."""
    stated = next((e for e in finding.evidence if e.coeff == 0), None)
    if stated is None or stated.figure_id.startswith(prefix):
        return {"place": _own_place(finding.place, prefix), "section_id": _strip(finding.section_id, prefix)}
    first = next((e for e, raw in zip(evidence, finding.evidence) if raw.figure_id.startswith(prefix)), None)
    if first is None:
        return {}
    figure = next((f for f in home.figures if f.id == first.figure_id), None) if home is not None else None
    return {"place": first.place, "section": first.section, "section_id": figure.section_id if figure else finding.section_id}


def _pairs(finding: Finding, prefix: str, other: str) -> dict[str, str]:
    """Each home figure with the partner figure of the same relation: the stated one faces the
    partner's first term, a term faces the partner's stated figure."""
    home = [e for e in finding.evidence if e.figure_id.startswith(prefix)]
    away = [e for e in finding.evidence if e.figure_id.startswith(other)]
    if not away:
        return {}
    return {_strip(e.figure_id, prefix): _strip(away[min(i, len(away) - 1)].figure_id, other) for i, e in enumerate(home)}


def links_of(path: str | Path, infos: list[DocInfo]) -> list[Link]:
    """The links of ``infos`` that involve the document at ``path``."""
    return [link for docset in group(infos) for link in docset.links
            if same_file(link.first.path, path) or same_file(link.second.path, path)]


def partners_beside(
    doc: Document, config: Config | None = None, password: str | None = None
) -> tuple[list[DocInfo], dict[Path, Document]]:
    """The document's own `DocInfo` and those of its partners in its own folder, with the partners
    read (`tui_review.docsets.nearby`: glanced at first, only the likely ones read whole, then
    grouped as a folder is; one partner per role)."""
    from parsers import InputError, load_document

    own = describe(doc)
    likely = [g.path for g in glance_folder(doc.path, password) if might_pair(own, g.info)]
    infos, read = [own], {}
    for path in likely[:MAX_PARTNERS]:
        try:
            partner = load_document(path, password=password, limits=config.pdf if config is not None else None)
        except (InputError, MemoryError):
            continue
        read[path] = partner
        infos.append(describe(partner))
    kept = {Path(p) for link in one_per_role(links_of(doc.path, infos), doc.path)
            for p in (link.first.path, link.second.path)}
    return [i for i in infos if i is own or Path(i.path) in kept], {p: d for p, d in read.items() if p in kept}


class SetCheck:
    """A `LoadOptions.check` that adds the cross findings a document is home to (see the module
    docstring). ``across`` and ``partners`` describe the document checked last.

    ``beside``: a document that is not one of ``infos`` (a file opened alone) is checked with the
    partners found in its own folder (`partners_beside`). ``folder``: the folder whose documents
    ``infos`` describes, when the set is a folder's (the export dialog offers one sheet for it)."""

    def __init__(
        self, infos: Iterable[DocInfo] = (), *, password: str | None = None, beside: bool = False, folder: Path | None = None
    ) -> None:
        self.infos = list(infos)
        self.password = password
        self.beside = beside
        self.folder = folder
        self.across: dict[str, Across] = {}
        self.partners: dict[Path, Document] = {}
        self.found_beside: list[tuple[str, str]] = []  # (zh, en): each partner found beside it, and why
        self._lock = threading.Lock()

    def __call__(self, doc: Document, config: Config | None = None) -> CheckReport:
        report = engine.check_document(doc, config)  # looked up at call time (tests pin it)
        infos, read = self._set_of(doc, config)
        across: dict[str, Across] = {}
        partners: dict[Path, Document] = {}
        linked = links_of(doc.path, infos)
        for link in linked:
            found = self._link_findings(link, doc, config, partners, read)
            report.relations += len(found)  # each cross finding is one relation evaluated
            for finding, where in found:
                report.findings.append(finding)
                across[finding.finding_id] = where
        with self._lock:
            self.across, self.partners = across, partners
            self.found_beside = [_beside_line(link, doc.path) for link in linked] if read else []
        return report

    def _set_of(self, doc: Document, config: Config | None) -> tuple[list[DocInfo], dict[Path, Document]]:
        if not self.beside or any(same_file(i.path, doc.path) for i in self.infos):
            return self.infos, {}
        try:
            return partners_beside(doc, config, self.password)
        except Exception:  # noqa: BLE001 — a bug in looking beside costs the partners, never the document
            log.exception("looking for the partners of %s", doc.path)
            return [], {}

    def _link_findings(
        self, link: Link, doc: Document, config: Config | None, partners: dict[Path, Document],
        read: dict[Path, Document],
    ) -> list[tuple[Finding, Across]]:
        from parsers import InputError, load_document

        home_is_first = same_file(link.first.path, doc.path)
        partner_path = Path(link.second.path if home_is_first else link.first.path)
        try:
            partner = partners.get(partner_path) or read.get(partner_path) or load_document(partner_path, password=self.password)
        except InputError:
            return []
        first, second = (doc, partner) if home_is_first else (partner, doc)
        ours = FIRST if home_is_first else SECOND
        if home_prefix(link.kind) != ours:
            return []  # the partner is home to this link's findings: each is reviewed once, there
        kept = [localise(finding, ours, partner_path, doc) for finding in check_pair(str(link.kind), first, second, config)]
        if kept:
            partners[partner_path] = partner
        return kept

    def across_of(self, finding_id: str | None) -> Across | None:
        with self._lock:
            return self.across.get(finding_id or "")

    def partner(self, path: Path) -> Document | None:
        with self._lock:
            return self.partners.get(path)


def _beside_line(link: Link, path: str) -> tuple[str, str]:
    home_is_first = same_file(link.first.path, path)
    partner = link.second if home_is_first else link.first
    if home_prefix(link.kind) == (FIRST if home_is_first else SECOND):
        return (f"与同一文件夹中的 {partner.name} 一起核对（{link.why_zh}）",
                f"checked with {partner.name} beside it ({link.why_en})")
    return (f"同一文件夹中的 {partner.name} 与本文档成组（{link.why_zh}）；两者之间的跨文档问题列在 {partner.name} 中",
            f"{partner.name} beside it belongs with this document ({link.why_en}); "
            f"the findings between them are listed in {partner.name}")


@dataclass(frozen=True, slots=True)
class Described:
    path: Path
    info: DocInfo | None
    unreadable: str = ""  # the one-line reason when it could not be read


def describe_file(path: Path, config: Config, password: str | None = None) -> Described:
    from parsers import InputError, load_document

    try:
        return Described(path, describe(load_document(path, password=password, limits=config.pdf)))
    except InputError as exc:
        return Described(path, None, exc.line())
    except MemoryError:
        return Described(path, None, f"{path}: 内存不足，未能读完 / out of memory while reading")
