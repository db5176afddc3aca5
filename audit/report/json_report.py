"""`plan-audit check --format json` (CONTRACT.md, schema_version 1).

    {"schema_version": 1,
     "plans": [{"path": ..., "parent": null, "error": null, "header": {...},
                "coverage": [{"concept": "channel.zalo", "evidence": [{"line": 57, "text": "..."}]}],
                "requirements": [...], "localization": 0.12}],
     "findings": [{"rule": "KENH001", "severity": "warning", "message": ..., "path": ..., "line": 12,
                   "concept": ..., "evidence": ..., "fingerprint": ..., "parent_path": null, ...}],
     "summary": {"errors": 0, "warnings": 0, "infos": 0, "waived": 0}}

Findings are problems only; what a plan covers is in its own entry, with evidence lines. The schema
is docs/schema/check.schema.json (the tests validate every report against it: extend both together).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine.engine import Audited, CheckRun
from audit.model import Finding
from audit.report.json_stream import json_chunks, materialized
from audit.trace.coverage import Trace

SCHEMA_VERSION = 1
HEADER_FIELDS = ("doc_type", "number", "symbol", "date", "issuer", "level", "year", "title")


def render(run: CheckRun, lang: str = "vi") -> str:
    return "".join(chunks(run, lang))


def chunks(run: CheckRun, lang: str = "vi") -> Iterator[str]:
    """The report's text, a plan or a finding at a time (see `json_stream`)."""
    return json_chunks(_document(run, lang))


def check_document(run: CheckRun, lang: str = "vi") -> dict:
    return materialized(_document(run, lang))


def _document(run: CheckRun, lang: str) -> dict:
    """The report with its plans and findings as iterators: a corpus run's plans are read one at a time."""
    return {
        "schema_version": SCHEMA_VERSION,
        "plans": (_plan_entry(item, lang) for item in run.inputs),
        "findings": (f.model_dump(mode="json") for f in run.findings),
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


def _plan_entry(item: Audited, lang: str) -> dict:
    entry = {"path": item.path, "parent": item.parent.path if item.parent else None,
             "error": item.error.message(lang) if item.error else None, "header": None, "coverage": []}
    if item.plan is not None:
        header = item.plan.header.model_dump(mode="json")
        entry["header"] = {key: header[key] for key in HEADER_FIELDS}
        entry["coverage"] = [
            {"concept": hit.id, "evidence": [{"line": e.line, "text": e.text} for e in hit.evidence]}
            for hit in item.plan.concepts
        ]
    return entry | trace_json(item.trace)


def trace_json(result: Trace | None) -> dict:
    """The plan entry's parent-related keys: requirements with status and evidence, copied share."""
    if result is None:
        return {"requirements": [], "localization": None}
    return {
        "requirements": [_requirement_json(c) for c in result.coverage],
        "localization": round(result.copied_share, 3),
    }


def _requirement_json(coverage) -> dict:
    requirement = coverage.requirement
    item = {"item": requirement.item} if requirement.item else {}  # only where one kind is asked for
    return {"id": requirement.id, "category": requirement.category, "weight": requirement.weight,
            "concept": requirement.concept, **item, "parent_line": requirement.parent_line,
            "text": requirement.text, "status": coverage.status,
            "evidence": [{"line": e.line, "text": e.text} for e in coverage.evidence]}
