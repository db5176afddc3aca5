"""`--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub code scanning and others).

One run: the tool with every rule that ran (help from the rule's rationale, a link to its entry
in docs/rules.md), and a result per finding. A result points at the plan's line; a finding about
an absence that only has the parent's line points at line 1 of the plan, with the parent's line as
a related location. Paths under the working folder are relative to `%SRCROOT%` (the folder the
check ran in), so a service maps them onto the repository; that folder's own absolute URI is given
only with --absolute-paths (it is the reviewer's path). Our fingerprint (stable when lines
move) is the partial fingerprint; a waived finding carries an external suppression with its reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from audit.engine.engine import CheckRun
from audit.engine.packs import Rule
from audit.model import Finding, Severity
from audit.report.json_stream import json_chunks, materialized
from audit.report.view import words

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Where the project is published: docs/rules.md is read there (helpUri).
PROJECT_URL = "https://github.com/plan-audit/plan-audit"
RULES_DOC = f"{PROJECT_URL}/blob/main/docs/rules.md"
ROOT_ID = "%SRCROOT%"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
FINGERPRINT_KEY = "planAudit/v1"


def render(run: CheckRun, lang: str = "vi", absolute: bool = False) -> str:
    return "".join(chunks(run, lang, absolute))


def chunks(run: CheckRun, lang: str = "vi", absolute: bool = False) -> Iterator[str]:
    """The report's text, a result at a time (see `json_stream`)."""
    return json_chunks(_document(run, lang, absolute=absolute))


def sarif_document(run: CheckRun, lang: str = "vi", cwd: Path | None = None, absolute: bool = False) -> dict:
    return materialized(_document(run, lang, cwd, absolute))


def _document(run: CheckRun, lang: str, cwd: Path | None = None, absolute: bool = False) -> dict:
    """The log with its results as an iterator."""
    from audit.report.view import rules_by_code

    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    rules = sorted(rules_by_code(run).values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "plan-audit", "version": _version(), "semanticVersion": _version(),
                "informationUri": PROJECT_URL, "rules": [_rule(rule, lang) for rule in rules],
            }},
            "originalUriBaseIds": {ROOT_ID: {"uri": cwd.as_uri() + "/"} if absolute else {}},
            "columnKind": "unicodeCodePoints",
            "results": (_result(finding, index, cwd, lang) for finding in run.findings),
        }],
    }


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("plan-audit")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def _rule(rule: Rule, lang: str) -> dict:
    w = words(lang)
    title, rationale = rule.title.get(lang), rule.rationale.get(lang)
    help_uri = f"{RULES_DOC}#{rule.code}"
    return {
        "id": rule.code,
        "name": "".join(word.capitalize() for word in re.findall(r"[A-Za-z0-9]+", rule.title.en)),
        "shortDescription": {"text": title},
        "fullDescription": {"text": rationale},
        "help": {
            "text": f"{rationale}\n\n{w['sarif.reference']}: {rule.reference}\n{w['sarif.more']}: {help_uri}",
            "markdown": f"**{title}**\n\n{rationale}\n\n*{w['sarif.reference']}:* {rule.reference}\n\n"
                        f"[{w['sarif.more']}: {rule.code}]({help_uri})",
        },
        "helpUri": help_uri,
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": [rule.family, rule.pack or "core"]},
    }


def _result(finding: Finding, index: dict[str, int], cwd: Path, lang: str) -> dict:
    result = {"ruleId": finding.rule}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    result |= {
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, finding.line or 1, cwd, finding.evidence)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if finding.parent_path and finding.parent_line:
        parent = _location(finding.parent_path, finding.parent_line, cwd, finding.parent_text)
        text = words(lang)["sarif.parent"]
        result["relatedLocations"] = [{"id": 1, **parent, "message": {"text": text}}]
    if finding.waived:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": finding.waiver_reason or ""}]
    return result


def _location(path: str, line: int, cwd: Path, snippet: str | None) -> dict:
    region: dict = {"startLine": line}
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": artifact(path, cwd), "region": region}}


def artifact(path: str, cwd: Path) -> dict:
    """The file's URI: relative to %SRCROOT% when it lies under the working folder, else absolute."""
    from audit.report.view import under

    relative = under(path, cwd)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": ROOT_ID}
