"""The plan's citation of its parent must give the parent's own date and issuer (only when the
parent is known).

A citation with the wrong date names no document a reader can find: "Kế hoạch số 12/KH-UBND ngày
16/01/2024" when plan 12/KH-UBND is dated 26/01/2024. The finding is at the citation's line, with
the parent's date line (or its number line) as the parent line.

Example rule::

    check: cites_parent

Passes::

    ỦY BAN NHÂN DÂN THỊ TRẤN LÂM XUYÊN
    Số: 04/KH-UBND
    Lâm Xuyên, ngày 05 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    Thực hiện Kế hoạch số 12/KH-UBND ngày 26/01/2024 của Ủy ban nhân dân huyện Phù Lam về tuyên truyền CCHC năm 2024.
    I. MỤC ĐÍCH, YÊU CẦU

Fails::

    ỦY BAN NHÂN DÂN THỊ TRẤN LÂM XUYÊN
    Số: 04/KH-UBND
    Lâm Xuyên, ngày 05 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    Thực hiện Kế hoạch số 12/KH-UBND ngày 16/01/2024 của Ủy ban nhân dân huyện Phù Lam về tuyên truyền CCHC năm 2024.
    I. MỤC ĐÍCH, YÊU CẦU

Parent::

    ỦY BAN NHÂN DÂN HUYỆN PHÙ LAM
    Số: 12/KH-UBND
    Phù Lam, ngày 26 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import written_date
from audit.messages import both
from audit.model import Citation, Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("cited", "cited_date", "parent_date", "cited_issuer", "parent_issuer", "problem")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    from audit.engine.context import ParentRef
    from audit.trace.links import parent_citation

    parent = context.parent
    if parent is None:
        return
    citation = parent_citation(plan, parent)
    if citation is None:
        return
    problems = _problems(citation, parent)
    if not problems:
        return
    line = parent.header.lines.get("date") or parent.header.lines.get("number")
    yield context.finding(
        rule, plan, line=citation.line, evidence=citation.text,
        parent=ParentRef.at(parent, line),
        cited=citation.reference or "", cited_date=written_date(citation.date), parent_date=written_date(parent.header.date),
        cited_issuer=citation.issuer or "", parent_issuer=parent.header.issuer or "",
        problem={lang: "; ".join(p[lang] for p in problems) for lang in ("vi", "en")},
    )


def _problems(citation: Citation, parent: Plan) -> list[dict[str, str]]:
    """What the citation gets wrong, in both languages."""
    from audit.graph import issuer_agreement
    from audit.trace.links import date_disagrees

    found = []
    if date_disagrees(citation, parent):
        found.append(both("check.cites_parent.date", cited=written_date(citation.date),
                          actual=written_date(parent.header.date)))
    if citation.issuer and parent.header.issuer and issuer_agreement(citation.issuer, parent.header.issuer) is None:
        found.append(both("check.cites_parent.issuer", cited=citation.issuer, actual=parent.header.issuer))
    return found
