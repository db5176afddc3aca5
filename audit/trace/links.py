"""The link between a child plan and its parent: the citation, dates, levels and the deadline.

A commune may implement its district's plan or directly the province's; a district, a provincial
department implement the province's; since 1/7/2025 there is no district level (Luật 72/2025/QH15,
NQ 202/2025/QH15), so a commune implements the province's plan directly.
"""

from __future__ import annotations

import datetime as dt
import re

from audit.graph import agreement, document_keys, ref_key
from audit.model import Citation, Plan
from audit.trace.coverage import ISSUE_PLAN_RE
from audit.trace.requirements import obligations_for, terms_for
from audit.base.normalize import fold

TWO_TIER_FROM = dt.date(2025, 7, 1)
PARENT_LEVELS = {  # child level -> the levels its parent may have
    "before": {"xa": {"huyen", "tinh"}, "huyen": {"tinh"}, "so": {"tinh"}, "tinh": {"trung_uong"}},
    "after": {"xa": {"tinh"}, "so": {"tinh"}, "tinh": {"trung_uong"}},
}


def parent_citation(child: Plan, parent: Plan) -> Citation | None:
    """The child's preamble citation that names the parent by number and symbol (date aside)."""
    keys = document_keys(parent)
    for citation in child.citations:
        if any(agreement(ref_key(citation), key, dated=False) for key in keys):
            return citation
    return None


def audit_parent(graph, path: str) -> str | None:
    """The plan `path` is audited against: its parent in the graph, else the one corpus document its
    "Thực hiện" citation names by number and issuer with another date (the graph's near miss), so
    that the wrong date is reported rather than the whole parent audit silently skipped."""
    parent = graph.parent(path)
    if parent is not None:
        return parent
    for item in graph.unresolved:
        near = item.resolution.other_dates
        if item.plan.path == path and item.citation.relation == "thuc_hien" and len(near) == 1:
            return near[0]
    return None


def date_disagrees(citation: Citation, parent: Plan) -> bool:
    """The citation names the parent's number but another date."""
    keys = [k for k in document_keys(parent) if agreement(ref_key(citation), k, dated=False)]
    return bool(citation.date) and all(k.date and k.date != citation.date for k in keys)


def plan_date(plan: Plan) -> dt.date | None:
    return plan.header.date


def allowed_parent_levels(child: Plan) -> set[str] | None:
    """The levels the child's parent may have, or None when the child's level is unknown."""
    when = plan_date(child) or (dt.date(child.header.year, 12, 31) if child.header.year else None)
    era = "after" if when and when >= TWO_TIER_FROM else "before"
    return PARENT_LEVELS[era].get(child.header.level or "")


def subordinate_deadline(parent: Plan, child: Plan) -> tuple[dt.date, int, str] | None:
    """The date by which the parent asks the child to issue its plan, with the parent's line:
    the child's own date on a duty of its that is about issuing a plan ("... ban hành kế hoạch
    ... trước ngày 31/01/2024"; "các sở trước ngày 15/01, UBND cấp xã trước ngày 31/01"), else a
    date on a parent line about issuing subordinate plans that is no other unit's duty."""
    own = {o.line: o for o in obligations_for(parent, child)}
    candidates = []
    for obligation in own.values():
        if ISSUE_PLAN_RE.search(fold(obligation.text)):
            for deadline in terms_for(obligation.terms, child.header.level).deadlines:
                candidates.append((False, obligation.line, deadline.date, parent.line_text(obligation.line)))
    # a date the parent gives units the plan is not (known only when the plan's level is)
    others = {o.line for o in parent.obligations} - set(own) if child.header.level else set()
    for entry in parent.timeline:
        if (entry.kind != "deadline" or entry.line in own or entry.line in others
                or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.value)):
            continue
        text = parent.line_text(entry.line)
        if ISSUE_PLAN_RE.search(fold(text)):
            candidates.append((True, entry.line, dt.date.fromisoformat(entry.value), text))
    if not candidates:
        return None
    _, line, when, text = min(candidates)
    return when, line, text
