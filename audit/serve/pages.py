"""What each page of the workbench shows, made from a finished audit (`Result`): plain values for
the templates, which lay them out and escape them. Plans and findings are named by their position
in the run, never by a path the client sends.

    catalogue(result, lang)              # each plan: its issuer, parent, counts; unreadable files
    findings(result, filters, lang)      # the findings table, filtered by severity, rule and unit
    matrix(result)                       # the coverage matrix (audit/report/coverage.shares)
    hierarchy(result, expected, lang)    # the graph: who implements whom, unresolved, missing plans
    plan_lines(plan, findings)           # a plan's text with each finding at its line
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from audit.model import Finding, Plan
from audit.serve.workspace import Result

FILTERS = ("severity", "rule", "unit")


@dataclass
class PlanEntry:
    index: int
    path: str
    issuer: str | None = None
    title: str | None = None
    parent: int | None = None
    parent_path: str | None = None
    error: str | None = None
    counts: Counter = field(default_factory=Counter)  # severity (or "waived") -> number of findings


def catalogue(result: Result, lang: str) -> list[PlanEntry]:
    """Every input of the run in order, with its standing findings counted by severity."""
    index = result.index_of()
    entries = []
    for number, item in enumerate(result.shown.inputs):
        header = item.plan.header if item.plan else None
        parent = item.parent.path if item.parent else None
        entries.append(PlanEntry(number, item.path, header.issuer if header else None, header.title if header else None,
                                 index.get(parent), parent, item.error.message(lang) if item.error else None))
    for finding in result.findings:
        if finding.path in index:
            entries[index[finding.path]].counts["waived" if finding.waived else finding.severity.value] += 1
    return entries


def units(result: Result) -> dict[str, str]:
    """Each plan's issuing unit (or, without one, its file name), by its path."""
    return {item.path: (item.plan.header.issuer if item.plan and item.plan.header.issuer else Path(item.path).name)
            for item in result.shown.inputs}


def findings(result: Result, chosen: dict[str, str], path: str | None = None) -> list[tuple[int, Finding]]:
    """The findings (with their number in the run) that pass the chosen filters, of one plan if `path`."""
    unit_of = units(result)
    return [
        (number, finding) for number, finding in enumerate(result.findings)
        if (path is None or finding.path == path)
        and chosen.get("severity") in (None, "", finding.severity.value)
        and chosen.get("rule") in (None, "", finding.rule)
        and chosen.get("unit") in (None, "", unit_of.get(finding.path, finding.path))
    ]


def filter_choices(result: Result) -> dict[str, list[str]]:
    """The values each filter can take in this run."""
    unit_of = units(result)
    return {
        "severity": [s for s in ("error", "warning", "info") if any(f.severity.value == s for f in result.findings)],
        "rule": sorted({f.rule for f in result.findings}),
        "unit": sorted({unit_of.get(f.path, f.path) for f in result.findings}),
    }


def matrix(result: Result) -> list[dict]:
    """One row per plan with a parent: covered/total of each category and the copied share."""
    from audit.report.coverage import shares

    index = result.index_of()
    return [
        {"index": number, "path": item.path, "parent": item.parent.path, "parent_index": index.get(item.parent.path),
         "cells": shares(item.trace), "copied": round(item.trace.copied_share * 100)}
        for number, item in enumerate(result.shown.inputs) if item.trace is not None
    ]


def hierarchy(result: Result, expected: Path | None, lang: str) -> dict:
    """The `graph` command's document (audit/report/graph_report.py) for the session's plans, with
    each plan's place in the run and the tree of who implements whom."""
    from audit.graph import PlanGraph, load_expected, missing_units
    from audit.report.graph_report import graph_document

    plans = [item.plan for item in result.shown.inputs if item.plan is not None]
    problems = [item.error for item in result.shown.inputs if item.error is not None]
    graph = PlanGraph(plans)
    missing = missing_units(graph, load_expected(expected)) if expected else None
    data = graph_document(Path("."), problems, graph, missing, lang)
    documents = {doc["path"]: doc for doc in data["documents"]}

    def node(path: str) -> dict:
        return {**documents[path], "nodes": [node(child) for child in documents[path]["children"]]}

    data["tree"] = [node(path) for path in graph.roots()]
    data["index"] = result.index_of()
    data["expected"] = expected is not None
    return data


@dataclass
class SourceLine:
    number: int
    text: str
    findings: list[tuple[int, Finding]] = field(default_factory=list)


def plan_lines(plan: Plan, chosen: list[tuple[int, Finding]]) -> tuple[list[SourceLine], list[tuple[int, Finding]]]:
    """The plan's lines, each with the chosen findings at it, and the findings at no line of the text."""
    lines = [SourceLine(line.number, line.text) for line in plan.lines]
    at = {line.number: line for line in lines}
    loose = []
    for number, finding in chosen:
        (at[finding.line].findings if finding.line in at else loose).append((number, finding))
    return lines, loose
