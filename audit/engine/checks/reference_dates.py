"""The dates of the documents a plan cites must be whole and possible.

`problem: after_plan`: a document dated after the plan itself (or, for an undated plan, after its
year), most often a typo in the year ("Nghị định 61/2024/NĐ-CP ngày 16/8/2024" in a plan of
02/01/2024). `problem: no_year`: a date written without its year ("Quyết định số 3396/QĐ-UBND ngày
15 tháng 12"), so the document cannot be identified. `problem: conflicting`: one document cited with
two different dates; the finding is at the second date, naming the first one's line.

Example rule::

    check: reference_dates
    params: {problem: after_plan}

Passes::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    I. NỘI DUNG
    Tuyên truyền Nghị định 122/2018/NĐ-CP ngày 17/9/2018 của Chính phủ.

Fails::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    I. NỘI DUNG
    Tuyên truyền Nghị định 61/2024/NĐ-CP ngày 16/8/2024 về hương ước.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import written_date
from audit.model import DocRef, Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("reference", "written", "plan_date", "first_date", "other_line")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    problem: Literal["after_plan", "no_year", "conflicting"] = Field(
        description="which problem of a cited date is found")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    refs = sorted(plan.citations + plan.mentions, key=lambda r: r.line)
    problem = rule.params.problem
    if problem == "after_plan":
        yield from _after_plan(plan, refs, rule, context)
    elif problem == "no_year":
        for ref in refs:
            if ref.date is None and ref.date_text and not re.search(r"(?:19|20)\d{2}", ref.date_text):
                yield _finding(plan, ref, rule, context)
    else:
        yield from _conflicting(plan, refs, rule, context)


def _after_plan(plan: Plan, refs: list[DocRef], rule, context) -> Iterator[Finding]:
    header = plan.header
    if header.date is None and header.year is None:
        return
    for ref in refs:
        when = ref.date
        late = (when > header.date) if (when and header.date) else (when is not None and when.year > (header.year or 9999))
        if late:
            plan_date = written_date(header.date) if header.date else str(header.year)
            yield _finding(plan, ref, rule, context, plan_date=plan_date)


def _conflicting(plan: Plan, refs: list[DocRef], rule, context) -> Iterator[Finding]:
    first: dict[str, DocRef] = {}
    for ref in refs:
        key = _key(ref)
        if key is None or ref.date is None:
            continue
        seen = first.setdefault(key, ref)
        if seen.date != ref.date:
            yield _finding(plan, ref, rule, context, other_line=seen.line, first_date=written_date(seen.date))


def _key(ref: DocRef) -> str | None:
    """One document's identity: its number and symbol ("05/KH-UBND"), the number without zeros."""
    reference = ref.reference
    if reference is None or not ref.number:
        return None
    return reference.replace(ref.number, str(int(re.sub(r"\D", "", ref.number) or 0)), 1).upper()


def _finding(plan: Plan, ref: DocRef, rule, context, **values) -> Finding:
    return context.finding(
        rule, plan, line=ref.line, evidence=plan.line_text(ref.line), reference=ref.reference or ref.text[:60],
        written=ref.date_text or "", **{"plan_date": "", "first_date": "", "other_line": 0, **values},
    )
