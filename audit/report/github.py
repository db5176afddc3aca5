"""`--format github`: GitHub Actions workflow commands, one annotation per standing finding:

    ::error file=plans/xa.md,line=42,title=KETHUA001::Không có "Zalo", mà kế hoạch cấp trên giao ...

errors as `error`, warnings as `warning`, notes as `notice`. Values are escaped as the runner
reads them (% CR LF in the message; also : and , in properties), so document text cannot end a
command early or start another. Waived findings are plain log lines after the annotations, with
their reason: shown, never annotated, never failing. A closing line gives the totals.
"""

from __future__ import annotations

from pathlib import Path

from audit.engine.engine import CheckRun
from audit.model import Finding, Severity
from audit.report.json_report import summary
from audit.report.view import location, plan_views, under, words

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def render(run: CheckRun, lang: str = "vi") -> str:
    w, annotations, log = words(lang), [], []
    for view in plan_views(run):  # one pass: a corpus run's plans are read one at a time
        annotations += [annotation(f, Path.cwd()) for f in view.findings]
        log += [f"{w['waived']}: {location(f)}: {f.rule} {f.message} ({w['reason']}: {f.waiver_reason or ''})"
                for f in view.waived]
    counts = summary(run.findings)
    log.append(f"plan-audit: {counts['errors']} {w[Severity.error].lower()}, "
               f"{counts['warnings']} {w[Severity.warning].lower()}, {counts['infos']} {w[Severity.info].lower()}, "
               f"{counts['waived']} {w['waived'].lower()}")
    # A log line is one line (document text may hold line breaks) and never starts with "::".
    return "\n".join(annotations + [" ".join(line.splitlines()) for line in log]) + "\n"


def annotation(finding: Finding, cwd: Path) -> str:
    properties = {"file": under(finding.path, cwd) or finding.path}
    if finding.line:
        properties["line"] = str(finding.line)
    properties["title"] = finding.rule
    fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {fields}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
