"""What a check is given besides the plan and its rule, and the one way a check makes a finding.

The context carries the language of messages, whether the plans are drafts (`--draft`: a blank
number, date or signature is then expected, and reported as info) and, for checks that compare a
plan with the plan it implements, the parent plan and the corpus graph (None when unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from audit.engine.fingerprint import document_key, fingerprint, subject_key
from audit.model import Finding, Plan, Severity

if TYPE_CHECKING:
    from audit.engine.packs import Rule

# A placeholder value: plain text, or one text per language ({"vi": ..., "en": ...}).
Value = str | int | dict[str, str]


@dataclass(frozen=True)
class ParentRef:
    """Where in the parent plan a finding is measured: its path, line and that line's text."""

    path: str
    line: int | None = None
    text: str | None = None

    @classmethod
    def at(cls, parent: Plan, line: int | None) -> ParentRef:
        return cls(parent.path, line, parent.line_text(line) if line else None)


@dataclass(frozen=True)
class CheckContext:
    lang: str = "vi"
    parent: Plan | None = None  # the nearest parent: the citation, dates, level and copying are its
    graph: Any = None
    draft: bool = False
    parents: tuple[Plan, ...] = ()  # every parent the plan implements, nearest first (none: `parent`)
    trace: Any = None  # the plan traced against its parents (trace.coverage.Trace), once per plan
    linked: bool = False  # the plan's parents were looked for in a corpus (`corpus`, `check --corpus`)
    kind: str = "auto"  # "plan": audit every document as a plan; "auto": a non-plan gets only its kind

    @property
    def all_parents(self) -> list[Plan]:
        return list(self.parents) or ([self.parent] if self.parent else [])

    def finding(
        self, rule: Rule, plan: Plan, *, line: int | None = None, concept: str | None = None,
        evidence: str | None = None, parent: ParentRef | None = None, suggestion: Value | None = None,
        severity: Severity | None = None, **values: Value,
    ) -> Finding:
        """A finding of `rule` on `plan`, its message filled in the context's language; `parent`
        points at the parent plan's line the finding is measured against; `severity` replaces the
        rule's (a draft's blank number is info under --draft)."""
        return make_finding(
            rule, self.lang, plan.path, document_key(plan, plan.path), line=line, concept=concept,
            evidence=evidence, parent=parent, suggestion=suggestion, severity=severity, **values,
        )


def make_finding(
    rule: Rule, lang: str, path: str, document: str, *, line: int | None = None,
    concept: str | None = None, evidence: str | None = None, parent: ParentRef | None = None,
    suggestion: Value | None = None, severity: Severity | None = None, **values: Value,
) -> Finding:
    """The Finding of `rule` for `path`; `document` identifies the plan in the fingerprint."""
    filled = {k: _in(lang, v) for k, v in values.items()}
    evidence = clip(evidence)
    return Finding(
        rule=rule.code, severity=severity or rule.severity, message=rule.message.get(lang).format_map(filled),
        path=path, line=line, concept=concept, evidence=evidence,
        suggestion=_in(lang, suggestion) if suggestion is not None else None,
        parent_path=parent.path if parent else None, parent_line=parent.line if parent else None,
        parent_text=parent.text if parent else None,
        fingerprint=fingerprint(rule.code, document, subject_key(concept, evidence or (parent.text if parent else None))),
    )


# A plan's longest paragraph is about a thousand characters. Evidence longer than this is cut, so a
# line that trips a rule many times is not copied whole into each finding (and each fingerprint).
MAX_EVIDENCE = 2_000


def clip(evidence: str | None) -> str | None:
    """`evidence`, cut to MAX_EVIDENCE characters (with "…" where it was cut)."""
    if evidence is None or len(evidence) <= MAX_EVIDENCE:
        return evidence
    return evidence[: MAX_EVIDENCE - 1] + "…"


def _in(lang: str, value: Value) -> str | int:
    """A placeholder value in `lang` (Vietnamese when the value has no text for it)."""
    return value.get(lang, value.get("vi", "")) if isinstance(value, dict) else value
