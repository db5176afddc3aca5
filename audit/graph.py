"""The plan graph: which plan of a corpus implements which, and what is missing.

Each plan is a node (its path); each preamble citation that names another plan of the corpus is
an edge child -> parent with the citation's relation, line and text. A citation is matched to a
document by number and symbol, then date (or year) and issuer, as a reviewer would: "5/KH-UBND" is
"05/KH-UBND", "UBND" is "Ủy ban nhân dân", "Hoá" is "Hóa", and "của Ủy ban nhân dân tỉnh" (the
place left out) is the province's document when only one matches. A province often issues its
plan as a Quyết định with the plan attached, so a plan is also known by the document it is
attached to ("Ban hành kèm theo Quyết định số 925/QĐ-UBND ...").

Only citations of directive documents can name a plan: plans and decisions, resolutions,
directives, programmes (KH, QĐ, NQ, CT, CTr, ...). Laws, decrees and circulars (numbers with a year:
61/2018/NĐ-CP), reports and submissions (BC, TTr) are left out of the graph and the unresolved list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from audit.model import Citation, DocRef, DocumentKey, Plan
from audit.parse.docref import canonical_body, clean_symbol
from audit.text.normalize import fold

DIRECTIVE_TYPES = {"KH", "QĐ", "NQ", "CT", "CTr", "ĐA", "PA", "HD", "KL", None}  # None: type not written
PLAN_TYPES = {"KH", "QĐ"}  # what a "Căn cứ" parent can be: a plan, or the decision that issues one
# Lower rank is higher up. A provincial department (sở) and a district sit side by side.
LEVEL_RANK = {"trung_uong": 0, "tinh": 1, "so": 2, "huyen": 2, "xa": 3}
_UNIT_WORDS = ("xa", "phuong", "thi tran", "huyen", "quan", "thi xa", "thanh pho", "tinh", "dac khu")
_ATTACHED_RE = re.compile(r"^\W*(ban hanh\s+)?kem theo\s+(quyet dinh|ke hoach)\b")

Agreement = Literal["exact", "weak"]


# --- identity ------------------------------------------------------------------------------


def header_key(plan: Plan) -> DocumentKey | None:
    """The plan's own identity, or None for a draft without a number (which nobody can cite)."""
    h = plan.header
    if not h.number or not h.symbol:
        return None
    return DocumentKey(
        doc_type=h.doc_type, number=h.number, symbol=h.symbol, reference=f"{h.number}/{h.symbol}",
        date=h.date, year=h.date.year if h.date else None, issuer=h.issuer,
    )


def ref_key(ref: DocRef) -> DocumentKey:
    return DocumentKey(
        doc_type=ref.doc_type, number=ref.number, symbol=ref.symbol, reference=ref.reference,
        date=ref.date, year=ref.number_year or (ref.date.year if ref.date else None), issuer=ref.issuer,
    )


def document_keys(plan: Plan) -> list[DocumentKey]:
    """Every identity a plan can be cited by: its header, and the decision it is attached to."""
    keys = [key for key in [header_key(plan)] if key]
    for ref in plan.mentions:
        if ref.number and _ATTACHED_RE.match(fold(plan.line_text(ref.line))):
            keys.append(ref_key(ref))
    return keys


def is_plan_citation(ref: DocRef) -> bool:
    """Whether a citation could name a plan of the corpus (not a law, decree, report, ...)."""
    return bool(ref.number and ref.symbol) and ref.doc_type in DIRECTIVE_TYPES and not ref.number_year


def _number(number: str | None) -> str:
    return re.sub(r"^0+(?=\d)", "", number or "").lower()


def _symbol(symbol: str | None) -> str:
    return fold(clean_symbol(symbol or "")).upper()


def issuer_text(issuer: str | None) -> str:
    """An issuer folded for comparison: "UBND huyện Định Hoá" and "Ủy ban nhân dân huyện Định Hóa"
    agree; a decision signed by the head ("Chủ tịch UBND tỉnh", "Bộ trưởng Bộ Nội vụ") is the body's."""
    if not issuer:
        return ""
    text = " ".join(fold(canonical_body(issuer)).split())
    return re.sub(r"^(chu tich|bo truong)\s+", "", text)


def issuer_agreement(cited: str | None, own: str | None) -> Agreement | None:
    """"exact" for the same body; "weak" when one side is missing or leaves out the place
    ("Ủy ban nhân dân tỉnh" for "Ủy ban nhân dân tỉnh Gia Lai"); None for another body."""
    a, b = issuer_text(cited), issuer_text(own)
    if not a or not b:
        return "weak"
    if a == b:
        return "exact"
    short, long = sorted((a, b), key=len)
    rest = long[len(short):]
    if rest.startswith(" ") and (short.endswith(_UNIT_WORDS) or rest.strip().startswith(_UNIT_WORDS)):
        return "weak"
    return None


def agreement(cited: DocumentKey, doc: DocumentKey, dated: bool = True) -> Agreement | None:
    """Whether a cited reference names a document: number and symbol agree, and the date (or at
    least the year) where both sides give it; then how well the issuers agree. With `dated`
    False the dates are not compared (to point out a citation that has the date wrong)."""
    if _number(cited.number) != _number(doc.number) or _symbol(cited.symbol) != _symbol(doc.symbol):
        return None
    if dated and not _dates_agree(cited, doc):
        return None
    return issuer_agreement(cited.issuer, doc.issuer)


def _dates_agree(cited: DocumentKey, doc: DocumentKey) -> bool:
    if cited.date and doc.date:
        return cited.date == doc.date
    return not (cited.year and doc.year) or cited.year == doc.year


def identity(key: DocumentKey) -> tuple:
    """Two files with this same tuple are the same document filed twice."""
    return _number(key.number), _symbol(key.symbol), key.year, issuer_text(key.issuer)


# --- the graph -----------------------------------------------------------------------------


@dataclass
class Resolution:
    """Where a citation leads: one document (`target`), or none and why."""

    target: str | None = None
    candidates: list[str] = field(default_factory=list)  # several documents fit: ambiguous
    other_dates: list[str] = field(default_factory=list)  # same number and issuer, another date


@dataclass
class Unresolved:
    """A plan citation that names no document of the corpus, with the near misses."""

    plan: Plan
    citation: Citation
    resolution: Resolution


@dataclass
class UnresolvedGroup:
    """One cited reference missing from the corpus, with every plan that cites it."""

    key: DocumentKey
    cited_by: list[Unresolved]

    @property
    def paths(self) -> list[str]:
        return sorted({item.plan.path for item in self.cited_by})


@dataclass
class MissingUnits:
    """The expected subordinate units with no plan citing `issuer`'s plan of `year`: its plans in
    the corpus (`paths`: often a Quyết định and the plan it carries), or the reference plans cite
    when it is not in the corpus."""

    issuer: str
    year: int | None
    paths: list[str]
    reference: str | None
    expected: list[str]
    missing: list[str]


class PlanGraph:
    """The corpus as a networkx DiGraph child -> parent, with the queries reviewers ask."""

    def __init__(self, plans: list[Plan]) -> None:
        import networkx as nx

        self.graph = nx.DiGraph()
        self.plans: dict[str, Plan] = {}
        self.unresolved: list[Unresolved] = []
        for plan in sorted(plans, key=lambda p: p.path):
            self.plans[plan.path] = plan
            self.graph.add_node(plan.path)
        self._index = _index(self.plans.values())
        for plan in self.plans.values():
            for citation in plan.citations:
                if is_plan_citation(citation):
                    self._link(plan, citation)

    def _link(self, plan: Plan, citation: Citation) -> None:
        resolution = resolve(self._index, ref_key(citation), plan)
        target = resolution.target
        if target is None:
            self.unresolved.append(Unresolved(plan, citation, resolution))
            return
        old = self.graph.get_edge_data(plan.path, target)
        if old is None or (old["relation"] == "can_cu" and citation.relation == "thuc_hien"):
            self.graph.add_edge(plan.path, target, relation=citation.relation, line=citation.line,
                                text=citation.text)

    # --- hierarchy

    @cached_property
    def _parents(self) -> dict[str, str | None]:
        return {path: self._choose_parent(path) for path in self.plans}

    def _choose_parent(self, path: str) -> str | None:
        """The thuc_hien citation's document, else a "Căn cứ" plan (KH/QĐ) of a higher level."""
        edges = sorted(
            ((data["line"], target, data) for _, target, data in self.graph.out_edges(path, data=True)
             if target != path),
            key=lambda edge: edge[0],
        )
        for _, target, data in edges:
            if data["relation"] == "thuc_hien":
                return target
        for _, target, _data in edges:
            if self._is_higher_plan(target, path):
                return target
        return None

    def _is_higher_plan(self, parent: str, child: str) -> bool:
        upper, lower = self.plans[parent].header, self.plans[child].header
        if upper.doc_type not in PLAN_TYPES or upper.level is None or lower.level is None:
            return False
        return LEVEL_RANK[upper.level] < LEVEL_RANK[lower.level]

    def parent(self, path: str) -> str | None:
        return self._parents[path]

    def children(self, path: str) -> list[str]:
        return [child for child, parent in self._parents.items() if parent == path]

    def roots(self) -> list[str]:
        """Plans with no parent in the corpus: the tops of the tree."""
        return [path for path, parent in self._parents.items() if parent is None]

    def link(self, child: str, parent: str) -> dict:
        """The edge's attributes: relation, line and text of the citation."""
        return self.graph.edges[child, parent]

    def no_parent(self) -> list[str]:
        """Plans below the central level whose parent is not in the corpus (or never cited)."""
        return [path for path in self.roots() if self.plans[path].header.level != "trung_uong"]

    # --- problems

    def unresolved_groups(self) -> list[UnresolvedGroup]:
        """Unresolved citations, one group per cited document, in order of first citing plan."""
        return self._groups

    @cached_property
    def _groups(self) -> list[UnresolvedGroup]:
        groups: list[UnresolvedGroup] = []
        for item in self.unresolved:
            key = ref_key(item.citation)
            group = next((g for g in groups if agreement(key, g.key) or agreement(g.key, key)), None)
            if group is None:
                groups.append(UnresolvedGroup(key, [item]))
                continue
            group.cited_by.append(item)
            group.key = _fuller(group.key, key)
        return groups

    def cycles(self) -> list[list[str]]:
        """Each group of plans citing each other round (a strongly connected component), in sorted
        order: a ring of citations from its first path in citation order; plans that cite each other
        in more than one ring, as their sorted paths. Not every ring of such a group: 11 plans that
        all cite each other hold millions of them."""
        import networkx as nx

        found = []
        for component in nx.strongly_connected_components(self.graph):
            first = min(component)
            if len(component) == 1 and not self.graph.has_edge(first, first):
                continue
            group = self.graph.subgraph(component)
            if group.number_of_edges() > len(component):  # more than one ring
                found.append(sorted(component))
                continue
            ring = [first]  # strongly connected with one edge a plan: a single ring, followed round
            while len(ring) < len(component):
                ring.append(next(iter(group.successors(ring[-1]))))
            found.append(ring)
        return sorted(found)

    def duplicates(self) -> list[tuple[DocumentKey, list[str]]]:
        """Documents filed more than once: same number, symbol, year and issuer."""
        by_identity: dict[tuple, list[tuple[DocumentKey, str]]] = defaultdict(list)
        for plan in self.plans.values():
            key = header_key(plan)
            if key:
                by_identity[identity(key)].append((key, plan.path))
        return [(found[0][0], [path for _, path in found]) for found in by_identity.values() if len(found) > 1]

    def missing_units(self, expected: dict[str, list[str]]) -> list[MissingUnits]:
        """For each issuer of `expected` and each year it has plans, the subordinate units with
        no plan citing them; an issuer missing from the corpus is judged by the references to it."""
        report = []
        for issuer, units in expected.items():
            targets = self._targets_of(issuer)
            if not targets:
                report.append(MissingUnits(issuer, None, [], None, units, list(units)))
            for year, paths, reference, citing in targets:
                covered = {issuer_text(self.plans[p].header.issuer) for p in citing}
                missing = [unit for unit in units if issuer_text(unit) not in covered]
                report.append(MissingUnits(issuer, year, paths, reference, units, missing))
        return report

    def _targets_of(self, issuer: str) -> list[tuple[int | None, list[str], str | None, set[str]]]:
        """(year, the issuer's plans of that year, reference, the plans citing them): from the
        corpus when the issuer has plans there, else from the unresolved references to it."""
        wanted = issuer_text(issuer)
        by_year: dict[int | None, list[str]] = defaultdict(list)
        for path, plan in self.plans.items():
            if issuer_text(plan.header.issuer) == wanted:
                by_year[plan.header.year].append(path)
        targets = []
        for year, paths in sorted(by_year.items(), key=lambda item: item[0] or 0):
            citing = {child for path in paths for child, _ in self.graph.in_edges(path)} - set(paths)
            targets.append((year, paths, None, citing))
        if targets:
            return targets
        for group in self.unresolved_groups():
            if issuer_text(group.key.issuer) == wanted:
                targets.append((group.key.year, [], group.key.reference, set(group.paths)))
        return targets


def _fuller(a: DocumentKey, b: DocumentKey) -> DocumentKey:
    """The key that says more: the issuer with its place, a full date."""
    issuer = max((a.issuer, b.issuer), key=lambda i: len(issuer_text(i)))
    return a.model_copy(update={"issuer": issuer, "date": a.date or b.date, "year": a.year or b.year})


def _index(plans) -> dict[tuple[str, str], list[tuple[DocumentKey, str]]]:
    index: dict[tuple[str, str], list[tuple[DocumentKey, str]]] = defaultdict(list)
    for plan in plans:
        for key in document_keys(plan):
            index[_number(key.number), _symbol(key.symbol)].append((key, plan.path))
    return index


def resolve(index, cited: DocumentKey, citing: Plan) -> Resolution:
    """The one document `cited` names. Exact issuer matches win over weak ones; among several
    documents (different issuers), the one in the citing plan's own place wins; copies of one
    document resolve to the first. Without a match, the documents that differ only by date."""
    entries = index.get((_number(cited.number), _symbol(cited.symbol)), [])
    found = [(agreement(cited, key), key, path) for key, path in entries]
    found = [f for f in found if f[0]]
    found = [f for f in found if f[0] == "exact"] or found
    documents: dict[tuple, tuple[DocumentKey, str]] = {}
    for _, key, path in found:
        documents.setdefault(identity(key), (key, path))
    if len(documents) > 1 and citing.header.place:
        place = " " + issuer_text(citing.header.place)
        local = {k: v for k, v in documents.items() if issuer_text(v[0].issuer).endswith(place)}
        documents = local or documents
    if len(documents) == 1:
        return Resolution(target=next(iter(documents.values()))[1])
    if documents:
        return Resolution(candidates=sorted(path for _, path in documents.values()))
    return Resolution(other_dates=[path for key, path in entries if agreement(cited, key, dated=False)])


def load_expected(path: str | Path) -> dict[str, list[str]]:
    """The units expected under each issuer, from YAML: {issuer: [subordinate issuer, ...]}.
    Raises `ConfigError` (audit/policy/files.py) saying, in either language, what is wrong and where."""
    from audit.policy.files import ConfigError, read_yaml

    data, lines = read_yaml(Path(path))
    if not isinstance(data, dict):
        raise ConfigError(path, "", "graph.expected_shape", line=lines.get(()))
    for issuer, units in data.items():
        if not isinstance(issuer, str) or not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise ConfigError(path, str(issuer), "graph.expected_shape", line=lines.get((issuer,)))
    return data
