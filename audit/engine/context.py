"""What a check is given besides the plan and its rule, and the one way a check makes a finding.

The context carries the language of messages and, for checks that compare a plan with the plan it
implements, the parent plan and the corpus graph (None when unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from audit.engine.fingerprint import document_key, fingerprint, subject_key
from audit.model import Finding, Plan

if TYPE_CHECKING:
    from audit.engine.packs import Rule

# A placeholder value: plain text, or one text per language ({"vi": ..., "en": ...}).
Value = str | int | dict[str, str]


@dataclass(frozen=True)
class CheckContext:
    lang: str = "vi"
    parent: Plan | None = None
    graph: Any = None

    def finding(
        self, rule: Rule, plan: Plan, *, line: int | None = None, concept: str | None = None,
        evidence: str | None = None, **values: Value,
    ) -> Finding:
        """A finding of `rule` on `plan`, its message filled in the context's language."""
        return make_finding(
            rule, self.lang, plan.path, document_key(plan, plan.path),
            line=line, concept=concept, evidence=evidence, **values,
        )


def make_finding(
    rule: Rule, lang: str, path: str, document: str, *, line: int | None = None,
    concept: str | None = None, evidence: str | None = None, **values: Value,
) -> Finding:
    """The Finding of `rule` for `path`; `document` identifies the plan in the fingerprint."""
    filled = {k: v.get(lang, v.get("vi", "")) if isinstance(v, dict) else v for k, v in values.items()}
    return Finding(
        rule=rule.code, severity=rule.severity, message=rule.message.get(lang).format_map(filled),
        path=path, line=line, concept=concept, evidence=evidence,
        fingerprint=fingerprint(rule.code, document, subject_key(concept, evidence)),
    )
