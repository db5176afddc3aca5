"""What each plan of an audit covers of its parent's requirements: the entries of the JSON report
and the coverage matrix (plans × categories, share covered) that ends the terminal report.

Categories are those a reviewer weighs differently: concepts the parent assigned to the plan's
level, tasks, reporting duties, and concepts the parent only lists (its own channels among them,
so that column is context, not a verdict).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit.model import Coverage, Plan

CATEGORIES = (  # (key, category, weight)
    ("concepts", "concept", "assigned"), ("tasks", "task", "assigned"),
    ("reports", "report", "assigned"), ("listed", "concept", "listed"),
)
HEADINGS = {
    "vi": {"plan": "Kế hoạch ← cấp trên", "concepts": "Được giao", "tasks": "Nhiệm vụ", "reports": "Báo cáo",
           "listed": "Liệt kê", "copied": "Sao chép",
           "title": "Mức độ đáp ứng kế hoạch cấp trên (đáp ứng/yêu cầu)"},
    "en": {"plan": "Plan ← parent", "concepts": "Assigned", "tasks": "Tasks", "reports": "Reports",
           "listed": "Listed", "copied": "Copied", "title": "Coverage of the parent plan (met/asked)"},
}


@dataclass(frozen=True)
class Trace:
    """A plan traced against its parent: each requirement with its coverage, and the copied share."""

    coverage: list[Coverage]
    localization: float


def trace(plan: Plan, parent: Plan) -> Trace:
    from audit.trace.coverage import body_lines, judge
    from audit.trace.localization import localization
    from audit.trace.requirements import derive_requirements

    body = body_lines(plan)
    coverage = [judge(r, plan, body) for r in derive_requirements(parent, plan)]
    return Trace(coverage, localization(body, body_lines(parent)).share)


def trace_json(result: Trace | None) -> dict:
    """The plan entry's parent-related keys: requirements with status and evidence, copied share."""
    if result is None:
        return {"requirements": [], "localization": None}
    return {
        "requirements": [
            {"id": c.requirement.id, "category": c.requirement.category, "weight": c.requirement.weight,
             "concept": c.requirement.concept, "parent_line": c.requirement.parent_line,
             "text": c.requirement.text, "status": "covered" if c.covered else "missing",
             "evidence": [{"line": e.line, "text": e.text} for e in c.evidence]}
            for c in result.coverage
        ],
        "localization": round(result.localization, 3),
    }


def shares(result: Trace) -> dict[str, tuple[int, int]]:
    """Covered and total requirements of each category."""
    out = {}
    for key, category, weight in CATEGORIES:
        group = [c for c in result.coverage if c.requirement.category == category and c.requirement.weight == weight]
        out[key] = (sum(c.covered for c in group), len(group))
    return out


def coverage_matrix(rows: list[tuple[str, str | None, Trace | None]], console, lang: str = "vi") -> None:
    """One row per plan with a parent: covered/total and share for each category, and the copied share."""
    from rich import box
    from rich.table import Table

    words = HEADINGS[lang]
    # Readable at 80 columns: the parent under the plan's name, counts without percentages.
    table = Table(title=words["title"], title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(words["plan"], overflow="fold", min_width=24)
    for key in (*(key for key, _, _ in CATEGORIES), "copied"):
        table.add_column(words[key], justify="right", no_wrap=True)
    for path, parent, result in rows:
        if result is None:
            continue
        cells = [_cell(*value) for value in shares(result).values()]
        name = Path(path).name + (f"\n← {Path(parent).name}" if parent else "")
        table.add_row(name, *cells, f"{round(result.localization * 100)}%")
    if table.row_count:
        console.print(table)


def _cell(covered: int, total: int) -> str:
    return f"{covered}/{total}" if total else "-"
