"""`plan-audit check` and `corpus` for a person at a terminal: a summary panel (plans, findings by
severity, waived, share of the parents' assigned requirements met), then each plan with its findings
grouped by severity (code, message, file:line, the evidence line or, for a gap, the parent's line
and wording), its waived findings apart, and the coverage matrix.

Readable at 80 columns: long texts wrap under their own indentation. Document text is data:
everything is printed as rich `Text`, never parsed as markup, so a plan containing "[bold]" or
"[/]" prints as written. Colour comes from the console, which turns it off when the output is not
a terminal.
"""

from __future__ import annotations

from audit.engine.engine import CheckRun
from audit.model import Finding, Severity
from audit.report.json_report import summary
from audit.report.view import (
    PlanView, assigned_coverage, location_for_reader, parent_location, plan_views, share, words,
)

STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan", "waived": "magenta"}


def check_rich(run: CheckRun, console, lang: str = "vi") -> None:
    """The summary panel, each plan's findings, and the coverage matrix when plans have parents."""
    from audit.report.coverage import coverage_matrix

    console.print(summary_panel(run, lang))
    for view in plan_views(run):
        console.print()
        _print_plan(console, view, lang)
    if any(item.trace for item in run.inputs):
        console.print()
        coverage_matrix(run, console, lang)


def summary_panel(run: CheckRun, lang: str):
    """Plans read (and not), findings by severity, waived, and the assigned requirements met."""
    from rich.panel import Panel
    from rich.text import Text

    w, counts = words(lang), summary(run.findings)
    unreadable = sum(1 for item in run.inputs if item.plan is None)
    plans = f"{len(run.inputs)}" + (f" ({unreadable} {w['unreadable']})" if unreadable else "")
    text = Text.assemble(
        (f"{w['plans']}: ", "bold"), plans, "   ",
        *_count(w[Severity.error], counts["errors"], STYLE[Severity.error]), "   ",
        *_count(w[Severity.warning], counts["warnings"], STYLE[Severity.warning]), "   ",
        *_count(w[Severity.info], counts["infos"], STYLE[Severity.info]), "   ",
        *_count(w["waived"], counts["waived"], STYLE["waived"]),
    )
    met = assigned_coverage(run)
    if met is not None:
        text.append(f"\n{w['coverage']}: ", style="bold")
        text.append(share(*met))
    return Panel(text, title=Text(w["summary_title"], style="bold"), title_align="left", expand=False)


def _count(label: str, value: int, style: str) -> tuple:
    return (f"{label}: ", "bold"), (str(value), style if value else "")


def _print_plan(console, view: PlanView, lang: str) -> None:
    from rich.text import Text

    w = words(lang)
    console.print(Text(view.path, style="bold"))
    item = view.item
    if item and item.plan and item.plan.header.title:
        _indented(console, 2, Text(item.plan.header.title, style="dim"))
    if item and item.parent:
        _indented(console, 2, Text.assemble(("← ", "dim"), (item.parent.path, "dim")))
    if item and item.error and not view.findings:
        _indented(console, 2, Text(str(item.error), style="red"))
    if not view.findings and not (item and item.error):
        _indented(console, 2, Text(f"✓ {w['clean']}", style="green"))
    for severity, group in view.by_severity():
        _indented(console, 2, Text(f"{w[severity]} ({len(group)})", style=STYLE[severity]))
        for finding in group:
            _print_finding(console, finding, STYLE[severity])
    if view.waived:
        _indented(console, 2, Text(f"{w['waived']} ({len(view.waived)})", style=STYLE["waived"]))
        for finding in view.waived:
            _print_finding(console, finding, STYLE["waived"])
            _indented(console, 6, Text.assemble((f"{w['reason']}: ", "dim"), finding.waiver_reason or ""))


def _print_finding(console, finding: Finding, style: str) -> None:
    from rich.text import Text

    _indented(console, 4, Text.assemble((finding.rule, style), "  ", finding.message))
    _indented(console, 6, Text(location_for_reader(finding), style="dim"))
    if finding.evidence:
        _indented(console, 6, Text.assemble(("» ", "dim"), finding.evidence))
    where = parent_location(finding)
    if where:
        _indented(console, 6, Text.assemble(("← ", "dim"), (where, "dim"),
                                            *((" ", finding.parent_text) if finding.parent_text else ())))


def _indented(console, left: int, text) -> None:
    """`text` with every wrapped line under the first, `left` columns in."""
    from rich.padding import Padding

    text.overflow = "fold"  # a path longer than the line is cut across lines, never lost
    console.print(Padding(text, (0, 0, 0, left), expand=False))
