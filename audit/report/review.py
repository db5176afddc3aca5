"""The report a reviewer sends back to a plan's authors (`--format markdown` and `--format html`),
as plain content: for each plan, its header and the parent it implements, the parent's requirements
it misses (with the parent's wording and line: what the authors act on, so first) and those it meets
(with the plan's evidence line), what the parent only lists, the other findings, the waived ones,
and what to add. The formats lay this out and escape every text; nothing here is markup.

A review's plans come one at a time, as a corpus run's inputs are read (see `Spool`): a layout
writes each plan's part before the next plan is made, so a report never holds every plan at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from audit.engine.engine import CheckRun
from audit.model import Coverage, Finding, Severity
from audit.report.coverage import CATEGORIES, shares
from audit.report.json_report import summary
from audit.report.view import (
    PlanView, assigned_coverage, facts, location_for_reader, parent_location, plan_views, requirement_name,
    rules_by_code, share, to_add, words,
)


@dataclass
class Item:
    """One entry of a list: its text, a kind the layout may mark (a severity, "waived"), details."""

    text: str
    kind: str | None = None
    details: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    columns: list[str] = field(default_factory=list)  # a table when given
    rows: Iterable[list[str]] = field(default_factory=list)  # the overview's: an iterator, read once
    items: list[Item] = field(default_factory=list)
    ordered: bool = False
    empty: str = ""  # said when there is nothing
    linked: bool = False  # a table's first cells link to the plans' parts: row n to anchor(n + 1)
    compact: bool = False  # context more than verdict (met, only listed): a layout may shorten it in print


@dataclass
class PlanReport:
    heading: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    anchor: str = ""  # where the overview links to


@dataclass
class Review:
    lang: str
    title: str
    intro: str
    totals: list[tuple[str, str]]
    plans: Iterator[PlanReport]  # read once
    overview: Section | None = None  # several plans: a row each, findings and coverage, linking to its part


def review(run: CheckRun, lang: str = "vi") -> Review:
    w, counts = words(lang), summary(run.findings)
    totals = [(w["plans"], len(run.inputs)), (w[Severity.error], counts["errors"]),
              (w[Severity.warning], counts["warnings"]), (w[Severity.info], counts["infos"]),
              (w["waived"], counts["waived"])]
    met = assigned_coverage(run)
    if met is not None:
        totals.append((w["coverage"], share(*met)))
    rules = rules_by_code(run)
    plans = (replace(_plan(view, rules, lang), anchor=anchor(number))
             for number, view in enumerate(plan_views(run), 1))
    return Review(lang, w["report_title"], w["intro"], [(label, str(value)) for label, value in totals], plans,
                  _overview(run, lang) if len(run.inputs) > 1 else None)


def anchor(number: int) -> str:
    """The id of the `number`-th plan's part of a report."""
    return f"plan-{number}"


def _overview(run: CheckRun, lang: str) -> Section:
    """The coverage matrix: a row per plan (in the order of its part) with its findings by severity,
    the parent's requirements met by category, and the share copied from the parent; its rows made
    as a layout writes them, so a corpus's overview is never held whole."""
    w = words(lang)
    columns = [w["matrix.plan"], w[Severity.error], w[Severity.warning], w[Severity.info],
               *(w[f"matrix.{key}"] for key, _, _ in CATEGORIES), w["matrix.copied"]]
    return Section(w["overview"], columns, map(_overview_row, plan_views(run)), linked=True)


def _overview_row(view: PlanView) -> list[str]:
    item = view.item
    counts = [str(sum(f.severity == s for f in view.findings)) for s in (Severity.error, Severity.warning, Severity.info)]
    figures = shares(item.trace) if item and item.trace else {}
    cells = [f"{met}/{total}" if total else "–" for met, total in figures.values()] or ["–"] * len(CATEGORIES)
    copied = f"{round(item.trace.copied_share * 100)}%" if item and item.trace else "–"
    parent = f" ← {item.parent.path}" if item and item.parent else ""
    return [view.path + parent, *counts, *cells, copied]


def _plan(view: PlanView, rules: dict, lang: str) -> PlanReport:
    w = words(lang)
    plan = view.item.plan if view.item else None
    heading = view.path + (f": {plan.header.title}" if plan and plan.header.title else "")
    details = [(w["plan_file"], view.path), *facts(plan, lang)]
    if view.item and view.item.error:
        details.append((w["unreadable"].capitalize(), str(view.item.error)))
    if view.item and view.item.plan:
        details.append((w["parent"], _parent(view, lang)))
    sections = []
    if view.coverage:
        sections += [
            Section(f"{w['missing']} ({len(view.missing)})", [w["requirement"], w["parent_wording"]],
                    [[_requirement(c, lang, named=bool(c.requirement.concept)), _parent_line(c, lang)]
                     for c in view.missing], empty=w["none"]),
            Section(f"{w['met']} ({len(view.met)})", [w["requirement"], w["parent_plan"], w["evidence"]],
                    [[_requirement(c, lang), f"{w['line']} {c.requirement.parent_line}", _evidence(c, lang)]
                     for c in view.met],
                    empty=w["none"], compact=True),
        ]
        if view.listed_missing:
            sections.append(Section(f"{w['listed_missing']} ({len(view.listed_missing)})", items=[
                Item(f"{requirement_name(c, lang)} ({w['parent_line']} {c.requirement.parent_line})")
                for c in view.listed_missing], compact=True))
    sections.append(Section(f"{w['findings']} ({len(view.other_findings)})",
                            items=[_finding(f, lang) for f in view.other_findings], empty=w["none"]))
    if view.waived:
        sections.append(Section(f"{w['waived']} ({len(view.waived)})", items=[
            Item(f"{f.rule}: {f.message}", "waived", [location_for_reader(f), f"{w['reason']}: {f.waiver_reason or ''}"])
            for f in view.waived]))
    advice = to_add(view, rules, lang)
    sections.append(Section(w["to_add"], items=[Item(text) for text in advice], ordered=True, empty=w["none"]))
    return PlanReport(heading, details, sections)


def _parent(view: PlanView, lang: str) -> str:
    w, parent = words(lang), view.item.parent
    if parent is None:
        return w["no_parent"]
    described = ", ".join(value for _, value in facts(parent, lang))
    return f"{described} ({parent.path})" if described else parent.path


def _requirement(coverage: Coverage, lang: str, named: bool = True) -> str:
    """The kind of requirement and, when `named`, what it asks (a task's wording is long: the
    table of missing requirements gives it in its own column)."""
    w, requirement = words(lang), coverage.requirement
    kind = f"{w['category.' + requirement.category]} ({w['weight.' + requirement.weight]})"
    return f"{kind}: {requirement_name(coverage, lang)}" if named else kind


def _parent_line(coverage: Coverage, lang: str) -> str:
    return f"{words(lang)['line']} {coverage.requirement.parent_line}: {coverage.requirement.text}"


def _evidence(coverage: Coverage, lang: str) -> str:
    if not coverage.evidence:
        return "—"
    first = coverage.evidence[0]
    return f"{words(lang)['line']} {first.line}: {first.text}"


def _finding(finding: Finding, lang: str) -> Item:
    w = words(lang)
    details = [location_for_reader(finding)]
    if finding.evidence:
        details.append(f"» {finding.evidence}")
    where = parent_location(finding)
    if where:
        details.append(f"← {where}" + (f": {finding.parent_text}" if finding.parent_text else ""))
    return Item(f"{w[finding.severity]} {finding.rule}: {finding.message}", finding.severity.value, details)
