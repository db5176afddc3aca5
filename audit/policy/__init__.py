"""What a project decides about findings, outside the rule packs: its configuration file
(`config.py`), per-path ignores, waivers (`waivers.py`) and a baseline (`baseline.py`).

    settings = resolve({"select": ("KENH",), "config": None, ...}, FORMATS)  # command line over the file
    run.findings = apply_policy(run, rules, settings)

Rules still run on every plan; the policy then drops the findings a per-path setting ignores, marks
waived the findings a waiver or the baseline accepts (a waiver first), and adds its own findings
(POLICY001-003) about the waiver and baseline files, when those rules are selected.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from audit.engine.context import make_finding
from audit.engine.packs import POLICY_FAMILY, Rule
from audit.model import Finding, Header
from audit.policy.baseline import BASELINE_REASON, BaselineEntry
from audit.policy.config import Settings
from audit.policy.waivers import Waiver

if TYPE_CHECKING:
    from audit.engine.engine import CheckRun

EXPIRED, UNUSED, STALE = POLICY_FAMILY.rules


def apply_policy(run: CheckRun, rules: list[Rule], settings: Settings, today: dt.date | None = None) -> list[Finding]:
    """The run's findings under the project's policy, followed by the policy's own findings."""
    # Headers only (waivers name plans by number): a corpus run's plans are read one at a time, and
    # only when a waiver or the baseline may need them (reading them costs a tenth of a cached run).
    plans = {item.path: item.plan.header for item in run.inputs if item.plan is not None} \
        if settings.waivers or settings.baseline else {}
    findings = [f for f in run.findings
                if not any(rule.applies_to(f.path) and _coded(f.rule, rule.codes) for rule in settings.per_path)]
    today = today or dt.date.today()
    live = [w for w in settings.waivers if not w.expired(today)]
    baseline = {entry.entry.fingerprint for entry in settings.baseline}
    used: set[int] = set()
    out = []
    for finding in findings:
        waiver = next((w for w in live if w.waives(finding, plans.get(finding.path))), None)
        if waiver is not None:
            used.add(id(waiver))
            finding = finding.model_copy(update={"waived": True, "waiver_reason": waiver.entry.reason})
        elif finding.fingerprint in baseline:
            finding = finding.model_copy(update={"waived": True, "waiver_reason": BASELINE_REASON})
        out.append(finding)
    codes = {rule.code for rule in rules}
    own = [_waiver_finding(EXPIRED, w, settings.lang) for w in settings.waivers if w.expired(today)]
    own += [_waiver_finding(UNUSED, w, settings.lang) for w in live if id(w) not in used and _could_match(w, codes, plans)]
    own += _stale([e for e in settings.baseline if e.entry.rule in codes], findings, plans, settings.lang)
    return out + [f for f in own if f.rule in codes]


def _coded(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(prefix.strip().upper()) for prefix in prefixes)


def _could_match(waiver: Waiver, codes: set[str], plans: dict[str, Header]) -> bool:
    """Whether this run could have shown a waiver's finding: one of its rules ran on a plan it names."""
    return any(_coded(code, (waiver.entry.code,)) for code in codes) and \
        any(waiver.names(path, header) for path, header in plans.items())


def _waiver_finding(rule: Rule, waiver: Waiver, lang: str) -> Finding:
    entry = waiver.entry
    return make_finding(
        rule, lang, waiver.source, Path(waiver.source).name, line=waiver.line, concept=entry.concept,
        evidence=f"{entry.code} · {entry.plan} · {entry.reason}",
        code=entry.code, plan=entry.plan, expires=entry.expires.isoformat() if entry.expires else "",
    )


def _stale(baseline: list[BaselineEntry], findings: list[Finding], plans: dict[str, Header], lang: str) -> list[Finding]:
    """Baseline entries for plans audited in this run whose finding no longer comes up."""
    present = {f.fingerprint for f in findings}
    audited = {Path(path).resolve() for path in plans}
    return [
        make_finding(STALE, lang, item.source, Path(item.source).name, line=item.line,
                     evidence=f"{item.entry.rule} · {item.entry.path} · {item.entry.fingerprint}",
                     code=item.entry.rule, message=item.entry.message)
        for item in baseline
        if item.entry.fingerprint not in present and item.plan_path() in audited
    ]
