"""What each plan of an audit covers of its parent's requirements: the coverage matrix (plans ×
categories, share covered) that ends the terminal report.

Categories are those a reviewer weighs differently: concepts the parent assigned to the plan's
level, tasks, reporting duties, and concepts the parent only lists (its own channels among them,
so that column is context, not a verdict).
"""

from __future__ import annotations

from pathlib import Path

from audit.engine.engine import CheckRun
from audit.trace.coverage import Trace

CATEGORIES = (  # (key, category, weight)
    ("concepts", "concept", "assigned"), ("tasks", "task", "assigned"),
    ("reports", "report", "assigned"), ("listed", "concept", "listed"),
)



def shares(result: Trace) -> dict[str, tuple[int, int]]:
    """Covered and total requirements of each category."""
    out = {}
    for key, category, weight in CATEGORIES:
        group = [c for c in result.coverage if c.requirement.category == category and c.requirement.weight == weight]
        out[key] = (sum(c.covered for c in group), len(group))
    return out


def coverage_matrix(run: CheckRun, console, lang: str = "vi") -> None:
    """One row per plan with a parent: covered/total and share for each category, and the copied share."""
    from rich import box
    from rich.table import Table

    from audit.report.view import words

    w = words(lang)
    # Readable at 80 columns: the parent under the plan's name, counts without percentages.
    table = Table(title=w["matrix.title"], title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(w["matrix.plan"], overflow="fold", min_width=24)
    for key in (*(key for key, _, _ in CATEGORIES), "copied"):
        table.add_column(w[f"matrix.{key}"], justify="right", no_wrap=True)
    for item in run.inputs:
        if item.trace is None:
            continue
        cells = [_cell(*value) for value in shares(item.trace).values()]
        name = Path(item.path).name + f"\n← {Path(item.parent.path).name}"
        table.add_row(name, *cells, f"{round(item.trace.copied_share * 100)}%")
    if table.row_count:
        console.print(table)


def _cell(covered: int, total: int) -> str:
    return f"{covered}/{total}" if total else "-"
