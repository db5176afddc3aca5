"""`plan-audit check` for a person at a terminal: findings grouped by plan, then by severity, each
with its code, message, file:line and evidence.

Document text is data: everything is printed as rich `Text`, never parsed as markup, so a plan
containing "[bold]" or "[/]" prints as written. Colour comes from the console, which turns it off
when the output is not a terminal.
"""

from __future__ import annotations

from audit.engine.engine import CheckRun
from audit.model import Finding, Severity
from audit.report.json_report import summary

ORDER = (Severity.error, Severity.warning, Severity.info)
STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}
HEADINGS = {
    "vi": {Severity.error: "Lỗi", Severity.warning: "Cảnh báo", Severity.info: "Lưu ý"},
    "en": {Severity.error: "Errors", Severity.warning: "Warnings", Severity.info: "Notes"},
}
WORDS = {
    "vi": {"clean": "không có vấn đề", "summary": "Tổng: {errors} lỗi, {warnings} cảnh báo, {infos} lưu ý, {waived} được miễn; {files} tệp"},
    "en": {"clean": "no problems", "summary": "Total: {errors} errors, {warnings} warnings, {infos} notes, {waived} waived; {files} files"},
}


def check_rich(run: CheckRun, console, lang: str = "vi") -> None:
    """The findings of each plan, the totals, and the coverage matrix when plans have parents."""
    from rich.text import Text

    from audit.report.coverage import coverage_matrix

    for item in run.inputs:
        findings = [f for f in run.findings if f.path == item.path]
        title = item.plan.header.title if item.plan and item.plan.header.title else ""
        console.print(Text.assemble((item.path, "bold"), (f"  {title}" if title else "", "dim")))
        if not findings:
            console.print(Text(f"  ✓ {WORDS[lang]['clean']}", style="green"))
        for severity in ORDER:
            group = [f for f in findings if f.severity == severity]
            if group:
                console.print(Text(f"  {HEADINGS[lang][severity]} ({len(group)})", style=STYLE[severity]))
                for finding in group:
                    _print_finding(console, finding)
        console.print()
    counts = summary(run.findings) | {"files": len(run.inputs)}
    console.print(Text(WORDS[lang]["summary"].format(**counts), style="bold"))
    if any(item.trace for item in run.inputs):
        console.print()
        coverage_matrix(run, console, lang)


def _print_finding(console, finding: Finding) -> None:
    from rich.text import Text

    location = f"{finding.path}:{finding.line}" if finding.line else finding.path
    console.print(Text.assemble("    ", (finding.rule, STYLE[finding.severity]), "  ", finding.message))
    console.print(Text.assemble("      ", (location, "dim")))
    if finding.evidence:
        console.print(Text.assemble("      ", ("» ", "dim"), finding.evidence))
