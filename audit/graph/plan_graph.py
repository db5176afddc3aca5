"""The plan graph: each plan a node (its path), each preamble citation that names another plan of the
corpus an edge child -> parent, with the queries reviewers ask (roots, unresolved parents, cycles,
duplicates)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from audit.graph.identity import (
    agreement,
    header_key,
    identity,
    is_plan_citation,
    issuer_text,
    ref_key,
)
from audit.graph.resolution import Resolution, index_documents, resolve
from audit.model import Citation, DocumentKey, Plan

PLAN_TYPES = {"KH", "QĐ"}  # what a "Căn cứ" parent can be: a plan, or the decision that issues one
# Lower rank is higher up. A provincial department (sở) and a district sit side by side.
LEVEL_RANK = {"trung_uong": 0, "tinh": 1, "so": 2, "huyen": 2, "xa": 3}


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
        self._index = index_documents(self.plans.values())
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
        """The thuc_hien citation's document (of several, the nearest level's: a ward implementing
        its city's and its province's plans answers to its city first), else a "Căn cứ" plan
        (KH/QĐ) of a higher level."""
        edges = sorted(
            ((data["line"], target, data) for _, target, data in self.graph.out_edges(path, data=True)
             if target != path),
            key=lambda edge: edge[0],
        )
        implemented = [target for _, target, data in edges if data["relation"] == "thuc_hien"]
        if implemented:
            return min(implemented, key=lambda target: -LEVEL_RANK.get(self.plans[target].header.level or "", -1))
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

    def parents(self, path: str) -> list[str]:
        """Every plan `path` implements: its parent first, then the other plans its "Thực hiện"
        citations name that sit above it, the nearest level first (a commune may implement both
        its district's and its province's plans)."""
        first = self._parents[path]
        if first is None:
            return []
        others = [target for _, target, data in self.graph.out_edges(path, data=True)
                  if target not in (path, first) and data["relation"] == "thuc_hien" and self._is_higher_plan(target, path)]
        others.sort(key=lambda target: (-LEVEL_RANK[self.plans[target].header.level or "tinh"], target))
        return [first, *others]

    def children(self, path: str) -> list[str]:
        return self._children.get(path, [])

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        """Each parent's children in path order: asked for every plan, a scan each would be quadratic."""
        found: dict[str, list[str]] = defaultdict(list)
        for child, parent in self._parents.items():
            if parent is not None:
                found[parent].append(child)
        return found

    def unresolved_of(self, path: str) -> list[Unresolved]:
        """The plan's citations that name no document of the corpus, in citation order."""
        return self._unresolved_by_plan.get(path, [])

    @cached_property
    def _unresolved_by_plan(self) -> dict[str, list[Unresolved]]:
        found: dict[str, list[Unresolved]] = defaultdict(list)
        for item in self.unresolved:
            found[item.plan.path].append(item)
        return found

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


def _fuller(a: DocumentKey, b: DocumentKey) -> DocumentKey:
    """The key that says more: the issuer with its place, a full date."""
    issuer = max((a.issuer, b.issuer), key=lambda i: len(issuer_text(i)))
    return a.model_copy(update={"issuer": issuer, "date": a.date or b.date, "year": a.year or b.year})
