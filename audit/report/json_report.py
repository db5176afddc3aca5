"""`plan-audit check --format json` (CONTRACT.md, schema_version 1).

    {"schema_version": 1,
     "plans": [{"path": ..., "parent": null, "error": null, "header": {...},
                "coverage": [{"concept": "channel.zalo", "evidence": [{"line": 57, "text": "..."}]}]}],
     "findings": [{"rule": "KENH001", "severity": "warning", "message": ..., "path": ..., "line": 12,
                   "concept": ..., "evidence": ..., "fingerprint": ..., "parent_path": null, ...}],
     "summary": {"errors": 0, "warnings": 0, "infos": 0, "waived": 0}}

Findings are problems only; what a plan covers is in its own entry, with evidence lines.
"""

from __future__ import annotations

import json

from audit.engine.engine import Audited, CheckRun
from audit.model import Finding

SCHEMA_VERSION = 1
HEADER_FIELDS = ("doc_type", "number", "symbol", "date", "issuer", "level", "year", "title")


def check_json(run: CheckRun) -> str:
    return json.dumps(check_document(run), ensure_ascii=False, indent=2)


def check_document(run: CheckRun) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "plans": [_plan_entry(item) for item in run.inputs],
        "findings": [f.model_dump(mode="json") for f in run.findings],
        "summary": summary(run.findings),
    }


def summary(findings: list[Finding]) -> dict[str, int]:
    """Counts by severity of the findings that stand; waived ones are counted apart, never dropped."""
    standing = [f for f in findings if not f.waived]
    count = {level: sum(1 for f in standing if f.severity.value == level) for level in ("error", "warning", "info")}
    return {
        "errors": count["error"], "warnings": count["warning"], "infos": count["info"],
        "waived": len(findings) - len(standing),
    }


def _plan_entry(item: Audited) -> dict:
    if item.plan is None:
        return {"path": item.path, "parent": None, "error": str(item.error), "header": None, "coverage": []}
    header = item.plan.header.model_dump(mode="json")
    return {
        "path": item.path,
        "parent": None,
        "error": None,
        "header": {key: header[key] for key in HEADER_FIELDS},
        "coverage": [
            {"concept": hit.id, "evidence": [{"line": e.line, "text": e.text} for e in hit.evidence]}
            for hit in item.plan.concepts
        ],
    }
