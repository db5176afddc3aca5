"""Whether a child plan meets what its parent asks, with the child's evidence lines.

- a concept: the child covers it (the matcher found it in the child's own text);
- a reporting duty: the child names reporting (deliverable.bao_cao, or a report period or deadline);
- a task naming no concept: a task to issue this very plan ("xây dựng, ban hành kế hoạch ...") is met
  by the plan itself; any other is met when one line of the child holds most of the task's key
  words (`task_share`, by default 60%, of at least 3 key words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.model import Coverage, Evidence, Line, Plan, Requirement
from audit.text.normalize import fold

ISSUE_PLAN_RE = re.compile(r"\b(xay dung|ban hanh)\b.{0,40}\bke hoach\b")
# Words that say nothing about what a task is: function words and the plan's own vocabulary.
STOPWORDS = frozenset(
    """va cua cac cho voi de trong tren tai theo ve la co duoc nhung mot so nay do khi tu den nham
    cung nhu hoac thi ma tot hien thuc hien tuyen truyen cai cach hanh chinh cchc cong tac ke hoach
    to chuc trien khai chu tri phoi hop tham muu ubnd uy ban nhan dan xa phuong thi tran huyen tinh
    thanh pho dia ban nam nang cao tang cuong day manh dam bao kip thoi thuong xuyen day du
    co quan don vi lien quan cap""".split()
)


def body_lines(plan: Plan) -> list[Line]:
    """The plan's own text: the lines after its header and preamble (the header is the form every
    plan shares, the preamble's citations name other documents)."""
    start = max([plan.preamble[1] if plan.preamble else 0, *plan.header.lines.values()])
    return [line for line in plan.lines if line.number > start]


def judge(requirement: Requirement, child: Plan, body: list[Line], task_share: float = 0.6) -> Coverage:
    """The coverage of one requirement by the child; `body` is the child's own text (no preamble)."""
    if requirement.category == "concept":
        hit = child.concept(requirement.concept or "")
        return Coverage(requirement=requirement, covered=hit is not None, evidence=hit.evidence[:3] if hit else [])
    if requirement.category == "report":
        return _report(requirement, child)
    if ISSUE_PLAN_RE.search(fold(requirement.text)):
        title_line = child.header.lines.get("title")
        evidence = [Evidence(line=title_line, text=child.header.title or "")] if title_line else []
        return Coverage(requirement=requirement, covered=True, evidence=evidence)
    return _task(requirement, body, task_share)


def _report(requirement: Requirement, child: Plan) -> Coverage:
    hit = child.concept("deliverable.bao_cao")
    if hit:
        return Coverage(requirement=requirement, covered=True, evidence=hit.evidence[:3])
    entries = [t for t in child.timeline if t.kind in ("period", "deadline") and "báo cáo" in t.text.lower()]
    evidence = [Evidence(line=t.line, text=t.text) for t in entries[:3]]
    return Coverage(requirement=requirement, covered=bool(entries), evidence=evidence)


def _task(requirement: Requirement, body: list[Line], task_share: float) -> Coverage:
    wanted = key_words(requirement.text)
    if len(wanted) < 3:  # too little to judge by words: not reported as missing
        return Coverage(requirement=requirement, covered=True)
    best, best_line = 0.0, None
    for line in body:
        share = len(wanted & key_words(line.text)) / len(wanted)
        if share > best:
            best, best_line = share, line
    if best >= task_share and best_line is not None:
        return Coverage(requirement=requirement, covered=True,
                        evidence=[Evidence(line=best_line.number, text=best_line.text, score=round(best, 2))])
    return Coverage(requirement=requirement, covered=False)


# A folded word of two characters or more (a one-letter word says nothing): a run of one character
# is passed over whole, so the runs found are the words of `[a-z0-9]+` that are longer than one.
_KEY_WORD = re.compile(r"[a-z0-9]{2,}")


@lru_cache(maxsize=16384)
def key_words(text: str) -> frozenset[str]:
    """The folded words of `text` that say what it is about."""
    return frozenset(_KEY_WORD.findall(fold(text))) - STOPWORDS


@dataclass(frozen=True)
class Trace:
    """A plan traced against its parent: each requirement with its coverage, and the copied share."""

    coverage: list[Coverage]
    localization: float


def trace(plan: Plan, parent: Plan) -> Trace:
    """Every requirement `parent` makes of `plan`, judged, and the share of `plan` copied from it."""
    from audit.trace.localization import localization
    from audit.trace.requirements import derive_requirements

    body = body_lines(plan)
    coverage = [judge(r, plan, body) for r in derive_requirements(parent, plan)]
    return Trace(coverage, localization(body, body_lines(parent)).share)
