"""Running rules: the checks of the selected rules on each plan, and reading failures as findings.

    rules = select_rules(load_rules(), select=["KENH", "CHISO001"], ignore=[])
    findings = run_rules(plan, rules, CheckContext(lang="vi"))

The engine knows no output format; the checks know no other checks.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from audit.engine.checks import load_kind
from audit.engine.context import CheckContext, make_finding
from audit.engine.fingerprint import document_key
from audit.engine.packs import INPUT_RULE, Rule
from audit.engine.where import located
from audit.model import Finding, Plan, Severity
from audit.read.errors import InputError
from audit.base.normalize import visible_path

KIND_CHECK = "document_kind"  # the check that says a document is no plan (audit/engine/checks/document_kind.py)

if TYPE_CHECKING:
    from audit.trace.coverage import Trace


class SelectionError(ValueError):
    """A --select / --ignore code that names no rule: most likely a typo, so it is refused."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"'{code}' matches no rule code (see `plan-audit rules`)")


def select_rules(rules: list[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules whose code starts with a selected code or prefix (all when none) and with no ignored
    one; an opt-in rule (enabled: false) only when its full code is selected."""
    select, ignore = _codes(select), _codes(ignore)
    for code in select + ignore:
        if not any(rule.code.startswith(code) for rule in rules):
            raise SelectionError(code)
    return [
        rule for rule in rules
        if (rule.enabled or rule.code in select)
        and (not select or any(rule.code.startswith(c) for c in select))
        and not any(rule.code.startswith(c) for c in ignore)
    ]


def run_rules(plan: Plan, rules: list[Rule], context: CheckContext) -> list[Finding]:
    """Every finding of `rules` on `plan`, in line order (findings without a line first, by code).
    With a parent, the plan is traced against its parents first (unless the context brings the
    trace), so every check reads the one trace the reports read."""
    if context.parent is not None and context.trace is None:
        context = replace(context, trace=traced(plan, context.all_parents, rules))
    findings: list[Finding] = []
    if plan.kind != "plan" and context.kind != "plan":  # a letter or a note: only what it is
        rules = [rule for rule in rules if rule.check == KIND_CHECK]
    for rule in rules:
        kind = load_kind(rule.check)
        if kind is not None:  # INPUT001 has no check kind: it comes from reading, not from a plan
            findings.extend(capped(kind.check(plan, rule, context)))
    findings = located(ocr_noted(one_gap_per_concept(findings), plan, context.lang), plan, context.lang)
    return sorted(findings, key=lambda f: (f.line or 0, f.rule))


def ocr_noted(findings: list[Finding], plan: Plan, lang: str) -> list[Finding]:
    """Findings on a line read by OCR, or on a plan with such lines (something not found), say so:
    the letters may be misread, and the reviewer should look at the scan before acting."""
    read_by_ocr = {line.number for line in plan.lines if line.ocr}
    if not read_by_ocr:
        return findings
    from audit.messages import msg

    on_line, in_plan = msg("finding.ocr_line", lang), msg("finding.ocr_plan", lang)
    return [
        finding.model_copy(update={"message": f"{finding.message} {on_line if finding.line in read_by_ocr else in_plan}"})
        if finding.line in read_by_ocr or finding.line is None else finding
        for finding in findings
    ]


def traced(plan: Plan, parents: list[Plan], rules: list[Rule]) -> Trace:
    """The plan's trace against its parents with the pack's settings: the task share of the rules
    that judge tasks, the similarity of the copy rule."""
    from audit.trace.coverage import Settings, trace

    settings = Settings()
    for rule in rules:
        for name in ("task_share", "similarity"):
            if hasattr(rule.params, name):
                settings = replace(settings, **{name: getattr(rule.params, name)})
    return trace(plan, parents, settings)


# A reviewer reads a handful of findings of one rule on one line; a line that trips a rule hundreds
# of times (a broken or hostile file) would only make the report grow with the square of the line.
MAX_PER_LINE = 20


def capped(findings: Iterable[Finding]) -> Iterator[Finding]:
    """`findings` of one rule, at most MAX_PER_LINE on any one line."""
    counts: dict[int, int] = {}
    for finding in findings:
        if finding.line is not None:
            counts[finding.line] = counts.get(finding.line, 0) + 1
            if counts[finding.line] > MAX_PER_LINE:
                continue
        yield finding


def one_gap_per_concept(findings: list[Finding]) -> list[Finding]:
    """A missing concept is reported once for each parent line that asks for it: where a pack rule
    (CHISO002: no SIPAS) and the parent audit (KETHUA001: SIPAS asked by the parent) both report it,
    the reviewer gets the parent's, which names the line that asks."""
    best: dict[str, Finding] = {}
    for finding in findings:
        if finding.concept and (finding.concept not in best or _says_more(finding, best[finding.concept])):
            best[finding.concept] = finding
    return [f for f in findings if not f.concept or best[f.concept] is f
            or (f.parent_line is not None and best[f.concept].parent_line is not None)]


def _says_more(finding: Finding, other: Finding) -> bool:
    return (finding.parent_line is not None, finding.severity.rank) > (other.parent_line is not None, other.severity.rank)


def input_finding(error: InputError, lang: str) -> Finding:
    """The finding of a file that could not be read (INPUT001), with the reader's message."""
    return make_finding(INPUT_RULE, lang, error.path, document_key(None, error.path), error=error.message(lang))


def _codes(values: Iterable[str]) -> list[str]:
    """Codes from repeatable, comma-separated options: ["KENH,CHISO001", "NOIDUNG"]."""
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


@dataclass
class Audited:
    """One input of a run: the plan, or the reason it could not be read; and the parent plan it
    is audited against, when known, with what the plan covers of it (`trace`)."""

    path: str
    plan: Plan | None = None
    error: InputError | None = None
    parent: Plan | None = None
    trace: Trace | None = None
    others: list[Plan] = field(default_factory=list)  # further parents it implements, nearest first
    linked: bool = False  # its parents were looked for in a corpus

    @property
    def parents(self) -> list[Plan]:
        return [self.parent, *self.others] if self.parent else []

    def __post_init__(self) -> None:
        self.path = visible_path(self.path)  # the path as reports print it, like Plan.path


class Spool(Sequence[Audited]):
    """A run's inputs kept out of memory, for a corpus of any size: each one is pickled into an
    unnamed temporary file when it is stored, and read back when a report reaches it, so a report
    holds one plan (its concepts with evidence, its trace) at a time, never the whole run.

        inputs = Spool(3)
        inputs[2] = item     # stored in any order (results come back grouped by parent)
        for item in inputs:  # read in index order, a fresh copy each time
            ...
    """

    def __init__(self, size: int) -> None:
        self._file = tempfile.TemporaryFile(prefix="plan-audit-run-")  # gone when closed or at exit
        self._spans: list[tuple[int, int] | None] = [None] * size

    def __setitem__(self, index: int, item: Audited) -> None:
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._spans[index] = (self._file.seek(0, 2), len(data))
        self._file.write(data)

    def __getitem__(self, index: int) -> Audited:  # type: ignore[override]  # no slices
        offset, size = self._spans[index]
        self._file.seek(offset)
        return pickle.loads(self._file.read(size))

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[Audited]:
        return (self[index] for index in range(len(self)))


@dataclass
class CheckRun:
    """What an audit reports: every input, the rules that ran on them, and the findings over all
    of them. The inputs are a list, or for a corpus a `Spool`: a report reads them one at a time,
    in a single pass where it can."""

    inputs: Sequence[Audited] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    @property
    def read_any(self) -> bool:
        return any(item.plan is not None for item in self.inputs)


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    """Whether any finding that is not waived is at or above the `fail_on` level ("never": none)."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(not f.waived and f.severity.rank >= threshold for f in findings)
