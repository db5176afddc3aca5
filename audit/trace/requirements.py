"""What a parent plan asks of a child plan.

    5. Ủy ban nhân dân các xã, thị trấn                        <- a unit that is the child's level
    - Tổ chức tuyên truyền trên Zalo, đo lường sự hài lòng ... <- assigned: concepts channel.zalo, indicator.sipas
    - Gửi báo cáo 6 tháng, năm về Phòng Nội vụ ...             <- assigned: a reporting duty
    II. NỘI DUNG / III. HÌNH THỨC: Cổng TTĐT, PAR INDEX ...     <- listed: concepts the parent names

A requirement "assigned" to the child (a task given to the child's level, or to the child by name)
weighs more than one the parent merely "listed" in its content and forms. A task that names
concepts becomes one requirement per concept, with the task's line; a task naming none is judged
as a whole (coverage.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.model import Plan, Requirement, Task
from audit.parse.sections import kinds_in, section_spans
from audit.text.normalize import fold

LISTING_KINDS = {"noi_dung", "hinh_thuc", "san_pham"}
# How a unit name addresses every body of a level ("UBND các xã, phường, thị trấn"), folded.
LEVEL_ADDRESS = {
    "xa": re.compile(r"\b(cac xa|cap xa|cac phuong|xa, phuong|phuong, xa|xa, thi tran)\b"),
    "huyen": re.compile(r"\b(cac huyen|cap huyen|cac quan|huyen, thi xa|huyen, thanh pho|huyen, quan)\b"),
    "so": re.compile(r"\b(cac so|so, ban, nganh|cac co quan chuyen mon thuoc)\b"),
}
REPORT_RE = re.compile(r"\bbao cao\b")


def concept_family(concept_id: str) -> str:
    return concept_id.split(".", 1)[0]


def addresses(unit_name: str, level: str | None, issuer: str | None) -> bool:
    """Whether a unit of the parent names the child: its whole level, or the child itself."""
    name = _body(unit_name)
    pattern = LEVEL_ADDRESS.get(level or "")
    if pattern and pattern.search(name):
        return True
    own = _body(issuer or "")
    return bool(own) and (name == own or name.startswith(own + " "))


@lru_cache(maxsize=1024)  # a parent's unit names, asked of each child
def _body(name: str) -> str:
    return " ".join(fold(name).replace("uy ban nhan dan", "ubnd").split())


def assigned_tasks(parent: Plan, child: Plan) -> list[Task]:
    """The parent's tasks for the child: under units that address the child, and appendix rows
    whose lead unit (chủ trì) addresses it."""
    level, issuer = child.header.level, child.header.issuer
    tasks = [t for u in parent.units if addresses(u.name, level, issuer) for t in u.tasks]
    for table in parent.appendix.tables if parent.appendix else []:
        lead = next((c for c in table.columns if "chu tri" in fold(c)), None)
        task_column = next((c for c in table.columns if fold(c).startswith(("noi dung", "nhiem vu"))), None)
        if not lead or not task_column:
            continue
        for row, line in zip(table.rows, table.row_lines):
            if addresses(row.get(lead, ""), level, issuer):
                tasks.append(Task(text=row.get(task_column, ""), line=line, role="chu_tri"))
    return tasks


def derive_requirements(parent: Plan, child: Plan, families: set[str] | None = None) -> list[Requirement]:
    """Every requirement the parent sets for the child, in the parent's line order. The answer
    depends on the parent's tasks for the child only, which the children of one level share unless
    the parent names one of them; each parent rule and the trace ask for it: the last few answers
    are kept, with the parent plan they were read from."""
    tasks = assigned_tasks(parent, child)
    key = (tuple(t.line for t in tasks), frozenset(families or ()))
    for asked, of, answer in _RECENT:
        if of is parent and asked == key:
            return list(answer)
    answer = _derive(parent, tasks, families)
    _RECENT.insert(0, (key, parent, answer))
    del _RECENT[16:]
    return list(answer)


_RECENT: list[tuple[tuple, Plan, list[Requirement]]] = []


def _derive(parent: Plan, assigned: list[Task], families: set[str] | None) -> list[Requirement]:
    """The requirements of `parent` for a child it gives the tasks `assigned` (see `assigned_tasks`)."""
    tasks = {t.line: t for t in assigned}
    concept_lines: set[int] = set()
    found: list[Requirement] = []
    spans = section_spans(parent.sections)
    for hit in parent.concepts:
        if families and concept_family(hit.id) not in families:
            continue
        in_tasks = [e for e in hit.evidence if e.line in tasks]
        listed = [e for e in hit.evidence if LISTING_KINDS & set(kinds_in(spans, e.line))]
        concept_lines.update(e.line for e in in_tasks)
        if in_tasks:
            first = in_tasks[0]
            found.append(Requirement(id=f"concept:{hit.id}", category="concept", concept=hit.id,
                                     weight="assigned", text=tasks[first.line].text, parent_line=first.line))
        elif listed:
            found.append(Requirement(id=f"concept:{hit.id}", category="concept", concept=hit.id,
                                     weight="listed", text=listed[0].text, parent_line=listed[0].line))
    for line, task in tasks.items():
        if line in concept_lines or not task.text:
            continue
        category = "report" if REPORT_RE.search(fold(task.text)) else "task"
        found.append(Requirement(id=f"{category}:{line}", category=category, weight="assigned",
                                 text=task.text, parent_line=line))
    return sorted(found, key=lambda r: (r.parent_line, r.id))
