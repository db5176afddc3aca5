"""`--format junit`: JUnit XML for CI test views (GitLab, Jenkins, Azure and others).

One testsuite per plan, one testcase per rule that ran on it: a rule with no finding passes; a rule
with findings gives one testcase per finding, failing for an error or a warning, passing with the
message in system-out for a note, skipped (with the reason) when waived. A file that could not be
read is a suite holding its INPUT001 failure.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from audit.engine.engine import CheckRun
from audit.model import Finding, Severity
from audit.report.view import PlanView, location, parent_location, plan_views, words

# Characters XML 1.0 cannot carry even escaped: a stray control character in a plan would
# otherwise make the whole report unreadable to the CI.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TOTALS = ("tests", "failures", "errors", "skipped")


def render(run: CheckRun, lang: str = "vi") -> str:
    return "".join(chunks(run, lang))


def chunks(run: CheckRun, lang: str = "vi") -> Iterator[str]:
    """The report a suite at a time, as `ET.indent` lays out the whole tree: the totals, which
    come first, are counted in a first pass over the plans."""
    totals = dict.fromkeys(TOTALS, 0)
    for suite in _suites(run, lang):
        totals = {key: totals[key] + int(suite.get(key)) for key in TOTALS}
    numbers = " ".join(f'{key}="{value}"' for key, value in totals.items())
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="plan-audit" {numbers}'
    closing = " />\n"  # no plan at all
    for index, suite in enumerate(_suites(run, lang)):
        ET.indent(suite, level=1)
        yield (">" if index == 0 else "") + "\n  " + ET.tostring(suite, encoding="unicode")
        closing = "\n</testsuites>\n"
    yield closing


def _suites(run: CheckRun, lang: str) -> Iterator[ET.Element]:
    codes = [rule.code for rule in run.rules]
    for view in plan_views(run):
        yield _suite(view, codes if view.item and view.item.plan else [], lang)


def _suite(view: PlanView, codes: list[str], lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(view.path))
    if view.item and view.item.parent:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="parent", value=_clean(view.item.parent.path))
    findings = view.findings + view.waived
    for code in codes + sorted({f.rule for f in findings} - set(codes)):
        own = sorted((f for f in findings if f.rule == code), key=lambda f: f.line or 0)
        if not own:
            ET.SubElement(suite, "testcase", name=code, classname=_clean(view.path), file=_clean(view.path))
        for finding in own:
            suite.append(_case(finding, lang))
    _count_cases(suite)
    return suite


def _case(finding: Finding, lang: str) -> ET.Element:
    # Two findings of one rule on one line (two missing concepts) differ by their concept.
    details = [f"{words(lang)['line']} {finding.line}"] if finding.line else []
    details += [finding.concept] if finding.concept else []
    name = f"{finding.rule} ({', '.join(details)})" if details else finding.rule
    case = ET.Element("testcase", name=name, classname=_clean(finding.path), file=_clean(finding.path))
    if finding.line:
        case.set("line", str(finding.line))
    if finding.waived:
        reason = finding.waiver_reason or ""
        ET.SubElement(case, "skipped", message=_clean(f"{words(lang)['waived']}: {reason}"))
        ET.SubElement(case, "system-out").text = _clean(_details(finding))
    elif finding.severity == Severity.info:
        ET.SubElement(case, "system-out").text = _clean(_details(finding))
    else:
        failure = ET.SubElement(case, "failure", message=_clean(finding.message), type=finding.severity.value)
        failure.text = _clean(_details(finding))
    return case


def _details(finding: Finding) -> str:
    """The finding as a reviewer reads it in a CI log: where, what, the evidence, the parent's line."""
    lines = [f"{location(finding)}: {finding.severity.value}: {finding.rule} {finding.message}"]
    if finding.evidence:
        lines.append(f"  » {finding.evidence}")
    where = parent_location(finding)
    if where:
        lines.append(f"  ← {where}" + (f": {finding.parent_text}" if finding.parent_text else ""))
    return "\n".join(lines)


def _count_cases(suite: ET.Element) -> None:
    """The totals JUnit readers show; findings are failures, never errors (the tool did not fail)."""
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(case.find("failure") is not None for case in cases)))
    suite.set("errors", "0")
    suite.set("skipped", str(sum(case.find("skipped") is not None for case in cases)))


def _clean(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)
