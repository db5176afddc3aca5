"""What every report of a run says, whatever its format: each plan with its findings by severity
(waived ones apart), what it meets and misses of its parent, what to add; the totals; and the
words for them in Vietnamese and English. Formats only lay this out.

    for view in plan_views(run):
        view.by_severity()     # [(Severity.error, [Finding, ...]), ...], standing findings only
        view.waived            # findings a waiver accepted: listed apart, never failing
        view.met, view.missing # the parent's requirements, with the plan's evidence or none
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from audit.engine.engine import Audited, CheckRun
from audit.engine.packs import Rule
from audit.messages import MESSAGES, msg
from audit.model import Coverage, Finding, Header, Plan, Severity

SEVERITIES = (Severity.error, Severity.warning, Severity.info)

# A severity's heading ("Lỗi", "Errors") is the report word of this key.
_SEVERITY_HEADINGS = {Severity.error: "errors", Severity.warning: "warnings", Severity.info: "notes"}


@lru_cache(maxsize=2)
def words(lang: str) -> dict:
    """Every report word in `lang` (audit/messages.py, keys "report.*") by its key without the
    prefix, and each severity's heading by the `Severity` too. Shared: read it, never change it."""
    out: dict = {key.removeprefix("report."): msg(key, lang) for key in MESSAGES if key.startswith("report.")}
    out.update({severity: out[key] for severity, key in _SEVERITY_HEADINGS.items()})
    return out


@dataclass
class PlanView:
    """One plan of the run (or a file that is not an input, such as a waiver file, when a finding
    is about it: `item` None) with its standing and waived findings."""

    path: str
    item: Audited | None = None
    findings: list[Finding] = field(default_factory=list)  # standing: they count and may fail
    waived: list[Finding] = field(default_factory=list)

    def by_severity(self) -> list[tuple[Severity, list[Finding]]]:
        groups = [(s, [f for f in self.findings if f.severity == s]) for s in SEVERITIES]
        return [(s, group) for s, group in groups if group]

    @property
    def coverage(self) -> list[Coverage]:
        return self.item.trace.coverage if self.item and self.item.trace else []

    @property
    def met(self) -> list[Coverage]:
        return [c for c in self.coverage if c.covered]

    @property
    def missing(self) -> list[Coverage]:
        """What the parent assigned or asked for and the plan lacks (the verdict)."""
        return [c for c in self.coverage if not c.covered and c.requirement.weight == "assigned"]

    @property
    def other_findings(self) -> list[Finding]:
        """Standing findings that are not one of the missing requirements already listed."""
        gaps = {(c.requirement.parent_line, c.requirement.concept) for c in self.missing}
        parent = self.item.parent.path if self.item and self.item.parent else None
        return [f for f in self.findings
                if not (f.parent_path == parent and (f.parent_line, f.concept) in gaps)]

    @property
    def listed_missing(self) -> list[Coverage]:
        """Concepts the parent merely lists and the plan does not name: context, not a verdict."""
        return [c for c in self.coverage if not c.covered and c.requirement.weight == "listed"]


def plan_views(run: CheckRun) -> Iterator[PlanView]:
    """The inputs in order, then any other file a finding is about; one at a time, as a corpus
    run's inputs are read (see `Spool`)."""
    by_path: dict[str, PlanView] = {}
    for finding in run.findings:
        view = by_path.setdefault(finding.path, PlanView(finding.path))
        (view.waived if finding.waived else view.findings).append(finding)
    shown = set()
    for item in run.inputs:
        if item.path not in shown:  # a file named twice is one plan
            shown.add(item.path)
            view = by_path.pop(item.path, None) or PlanView(item.path)
            view.item = item
            yield view
    yield from by_path.values()


def rules_by_code(run: CheckRun) -> dict[str, Rule]:
    """The rules that ran, and the packs' rule for any finding whose rule is not among them."""
    known = {rule.code: rule for rule in run.rules}
    if any(f.rule not in known for f in run.findings):
        from audit.engine.packs import load_rules

        known |= {rule.code: rule for rule in load_rules() if rule.code not in known}
    return known


def assigned_coverage(run: CheckRun) -> tuple[int, int] | None:
    """Met and total requirements the parents assigned, over every plan with a known parent (None
    when no plan has one): counted in one pass over the inputs, holding none of them."""
    met = total = 0
    traced = False
    for item in run.inputs:
        if item.trace:
            traced = True
            assigned = [c for c in item.trace.coverage if c.requirement.weight == "assigned"]
            met, total = met + sum(c.covered for c in assigned), total + len(assigned)
    return (met, total) if traced else None


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({round(100 * part / whole)}%)" if whole else f"{part}/{whole}"


def location(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}" if finding.line else finding.path


def location_for_reader(finding: Finding) -> str:
    """`location`, with where a reader finds the line in a PDF or .docx: "path:12 (trang 3)". For
    the reports people read; machine formats keep "path:line" (tools parse it)."""
    return f"{location(finding)} ({finding.where})" if finding.where else location(finding)


def parent_location(finding: Finding) -> str | None:
    if not finding.parent_path:
        return None
    return f"{finding.parent_path}:{finding.parent_line}" if finding.parent_line else finding.parent_path


def under(path: str, cwd: Path) -> str | None:
    """`path` relative to the folder `cwd` (POSIX slashes), or None when it lies outside it."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(cwd)).as_posix()
    except ValueError:
        return None


def to_add(view: PlanView, rules: dict[str, Rule], lang: str) -> list[str]:
    """What the authors should add or change, one line per standing finding: its suggestion, or
    the rule's title (what a plan must have), then where (the plan's line, the parent's line);
    repeated advice once."""
    out: list[str] = []
    for finding in view.findings:
        w = words(lang)
        places = [f"{w['line']} {finding.line}"] if finding.line else []
        places += [f"{w['parent_line']} {finding.parent_line}"] if finding.parent_line else []
        line = to_add_one(finding, rules, lang) + (f" ({'; '.join(places)})" if places else "")
        if line not in out:
            out.append(line)
    return out


def to_add_one(finding: Finding, rules: dict[str, Rule], lang: str) -> str:
    """What to do about one finding: its suggestion, "Add: <concept>", or the rule's title."""
    if finding.suggestion:
        return finding.suggestion
    if finding.concept:
        from audit.engine.labels import concept_label

        return f"{words(lang)['add']}: {concept_label(finding.concept, lang)}"
    rule = rules.get(finding.rule)
    return rule.title.get(lang) if rule else finding.message


def facts(plan: Plan | None, lang: str) -> list[tuple[str, str]]:
    """A plan's header as a reviewer names it: number, date of issue, issuer (what is known)."""
    if plan is None:
        return []
    w, h = words(lang), plan.header
    pairs = [(w["number"], header_number(h)), (w["date"], header_date(h, lang)), (w["issuer"], h.issuer)]
    return [(label, value) for label, value in pairs if value]


def header_number(header: Header) -> str | None:
    """"05/KH-UBND", "…/KH-UBND" for a blank number, or None."""
    return f"{header.number or '…'}/{header.symbol}" if header.symbol else header.number


def header_date(header: Header, lang: str) -> str | None:
    if header.date:
        return header.date.isoformat() if lang == "en" else header.date.strftime("%d/%m/%Y")
    return header.date_text


def requirement_name(coverage: Coverage, lang: str) -> str:
    """What the parent asks for, in a few words: the concept's name, or the parent's wording."""
    requirement = coverage.requirement
    if requirement.concept:
        from audit.engine.labels import concept_label

        name = concept_label(requirement.concept, lang)
        return f"{name}: {requirement.item}" if requirement.item else name
    return requirement.text
