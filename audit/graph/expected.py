"""Expected units: which subordinate units of an issuer have no plan citing its plan, from a YAML
file {issuer: [subordinate issuer, ...]} (`plan-audit graph --expected`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from audit.graph.identity import issuer_text
from audit.graph.plan_graph import PlanGraph


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


def missing_units(graph: PlanGraph, expected: dict[str, list[str]]) -> list[MissingUnits]:
    """For each issuer of `expected` and each year it has plans, the subordinate units with
    no plan citing them; an issuer missing from the corpus is judged by the references to it."""
    report = []
    for issuer, units in expected.items():
        targets = _targets_of(graph, issuer)
        if not targets:
            report.append(MissingUnits(issuer, None, [], None, units, list(units)))
        for year, paths, reference, citing in targets:
            covered = {issuer_text(graph.plans[p].header.issuer) for p in citing}
            missing = [unit for unit in units if issuer_text(unit) not in covered]
            report.append(MissingUnits(issuer, year, paths, reference, units, missing))
    return report

def _targets_of(graph: PlanGraph, issuer: str) -> list[tuple[int | None, list[str], str | None, set[str]]]:
    """(year, the issuer's plans of that year, reference, the plans citing them): from the
    corpus when the issuer has plans there, else from the unresolved references to it."""
    wanted = issuer_text(issuer)
    by_year: dict[int | None, list[str]] = defaultdict(list)
    for path, plan in graph.plans.items():
        if issuer_text(plan.header.issuer) == wanted:
            by_year[plan.header.year].append(path)
    targets = []
    for year, paths in sorted(by_year.items(), key=lambda item: item[0] or 0):
        citing = {child for path in paths for child, _ in graph.graph.in_edges(path)} - set(paths)
        targets.append((year, paths, None, citing))
    if targets:
        return targets
    for group in graph.unresolved_groups():
        if issuer_text(group.key.issuer) == wanted:
            targets.append((group.key.year, [], group.key.reference, set(group.paths)))
    return targets


def load_expected(path: str | Path) -> dict[str, list[str]]:
    """The units expected under each issuer, from YAML: {issuer: [subordinate issuer, ...]}.
    Raises `ConfigError` (audit/base/yaml_lines.py) saying, in either language, what is wrong and where."""
    from audit.base.yaml_lines import ConfigError, read_yaml

    data, lines = read_yaml(Path(path))
    if not isinstance(data, dict):
        raise ConfigError(path, "", "graph.expected_shape", line=lines.get(()))
    for issuer, units in data.items():
        if not isinstance(issuer, str) or not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise ConfigError(path, str(issuer), "graph.expected_shape", line=lines.get((issuer,)))
    return data
