"""Baselines: the findings a project had when it started using plan-audit, accepted all at once so
that only new findings fail a run.

    plan-audit corpus plans/ --write-baseline .plan-audit-baseline.yaml   # writes it, exits 0
    plan-audit corpus plans/ --baseline .plan-audit-baseline.yaml         # only new findings fail

A finding is in the baseline when its fingerprint is (audit/engine/fingerprint.py: the rule, the
plan's document number or file name, and the concept or evidence text; no line numbers, so lines
moving leave it matched). It is then marked waived with the reason "baseline": counted and listed
apart, never failing the run. An entry whose plan was audited but whose finding is gone is stale
(POLICY003, info, at the entry's line), so a fixed problem is taken out of the file.

Each entry keeps the rule, path and message for the people who read the file; only `fingerprint`
is matched. Paths are written relative to the baseline's folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from audit.model import Finding
from audit.policy.files import ConfigError, read_yaml, validation_error

BASELINE_REASON = "baseline"
SCHEMA_VERSION = 1


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fingerprint: str
    rule: str
    path: str
    message: str = ""


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    findings: list[Entry]


@dataclass(frozen=True)
class BaselineEntry:
    entry: Entry
    source: str
    line: int | None
    base: Path

    def plan_path(self) -> Path:
        return (self.base / self.entry.path).resolve()


def read_baseline(path: str | Path) -> list[BaselineEntry]:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(path, "", "config.not_found")
    data, lines = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError(path, "", "baseline.not_baseline", line=lines.get(()))
    try:
        baseline = BaselineFile.model_validate(data)
    except ValidationError as error:
        raise validation_error(path, error, BaselineFile, lines) from None
    base = path.resolve().parent
    return [BaselineEntry(entry, str(path), lines.get(("findings", index)), base)
            for index, entry in enumerate(baseline.findings)]


def baseline_text(findings: list[Finding], path: str | Path) -> str:
    """The baseline of `findings` as YAML, one entry per finding, paths relative to `path`'s folder."""
    import yaml

    base = Path(path).resolve().parent
    entries = sorted({f.fingerprint: _entry(f, base) for f in findings}.values(), key=lambda e: (e.path, e.rule, e.fingerprint))
    document = BaselineFile(findings=entries).model_dump(mode="json")
    head = ("# plan-audit baseline: findings accepted as they are. Written by --write-baseline; matched by\n"
            "# fingerprint only (rule, path and message are for people). Read with --baseline FILE.\n")
    return head + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)


def _entry(finding: Finding, base: Path) -> Entry:
    return Entry(fingerprint=finding.fingerprint, rule=finding.rule,
                 path=Path(os.path.relpath(Path(finding.path).resolve(), base)).as_posix(), message=finding.message)
