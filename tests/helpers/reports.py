"""Audit runs for the report tests: the fixture hierarchy audited once per language, and a run
with some findings waived, as the waiver stage leaves them before reporting.

    run = fixture_run("vi")
    waived = waive(run, "KETHUA006", "Hạn đã được gia hạn bằng văn bản")
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from tests.conftest import FIXTURES


@lru_cache(maxsize=None)
def fixture_run(lang: str = "vi"):
    """`plan-audit corpus fixtures/` with every enabled rule, as a CheckRun."""
    from audit.engine.context import CheckContext
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.engine.parents import audit_inputs, corpus_inputs

    return audit_inputs(corpus_inputs(FIXTURES), select_rules(load_rules()), CheckContext(lang=lang))


def waive(run, code: str, reason: str):
    """`run` with every finding of rule `code` waived for `reason`."""
    findings = [f.model_copy(update={"waived": True, "waiver_reason": reason}) if f.rule == code else f
                for f in run.findings]
    return replace(run, findings=findings)
