"""The plan must commit to as much as its parent asks: as many items, as often, by the parent's date
for its level, reported to the body the parent names (only when the parent is known).

The parent's line and the plan's line that takes the duty up are read with one grammar
(audit/parse/terms.py): "ít nhất 02 tin, bài mỗi tháng", "hằng quý", "trước ngày 10/12/2024",
"gửi về Sở Nội vụ". A term the plan does not state is not a finding (the plan may follow the
parent's); a term it states is compared. `term` picks the comparison:

- quantity: fewer items for the year ("01 tin mỗi tháng" where 02 were asked; "06 tin mỗi quý"
  equals "02 tin mỗi tháng");
- frequency: less often (hằng năm where hằng quý was asked);
- deadline: a date after the parent's date for the plan's own level (where one sentence gives each
  level its date, the plan's level's is the one compared);
- recipient: reports sent to another body than the parent names;
- defunct_recipient: in a plan dated from 1/7/2025, reports sent to a body of the district level,
  which no longer exists.

Example rule::

    check: parent_terms
    params: {term: quantity}

Passes::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    II. HÌNH THỨC TUYÊN TRUYỀN
    - Phát 02 tin, bài mỗi tháng trên đài truyền thanh xã.

Fails::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    II. HÌNH THỨC TUYÊN TRUYỀN
    - Phát 01 tin, bài mỗi tháng trên đài truyền thanh xã.

Parent::

    IV. TỔ CHỨC THỰC HIỆN
    1. Ủy ban nhân dân các xã, phường
    - Phát ít nhất 02 tin, bài mỗi tháng trên đài truyền thanh cơ sở.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import commitment_findings
from audit.messages import msg
from audit.model import Finding, Plan, Terms
from audit.trace.coverage import same_item

PLACEHOLDERS = ("concept_label", "parent_text", "parent_line", "asked", "given")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    term: Literal["quantity", "frequency", "deadline", "recipient", "defunct_recipient"] = Field(
        description="the term compared: how many, how often, by when, to whom, to a body that no longer exists")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    term = rule.params.term
    return commitment_findings(
        plan, rule, context, lambda coverage: term in coverage.shortfalls,
        lambda coverage: {"asked": _said(term, coverage.requirement.terms),
                          "given": _said(term, _compared(term, coverage.commitment.terms, coverage.requirement.terms))})


def _compared(term: str, given: Terms, asked: Terms) -> Terms:
    """The child's terms the parent's were compared with: for counts, those of the items asked
    ("600 tờ" for "1.000 tờ gấp", not the "27 xã, phường" they go to), all when none is."""
    if term != "quantity":
        return given
    same = [q for q in given.quantities if any(same_item(q, wanted) for wanted in asked.quantities)]
    return given.model_copy(update={"quantities": same}) if same else given


def _said(term: str, terms: Terms) -> dict[str, str]:
    """What a line states of `term`, in each language: its own words for counts, dates and bodies."""
    if term == "quantity":
        words = "; ".join(q.text for q in terms.quantities)
    elif term == "frequency":
        return {lang: msg(f"terms.frequency.{terms.frequency}", lang) for lang in ("vi", "en")} if terms.frequency else {}
    elif term == "deadline":
        words = "; ".join(d.text for d in terms.deadlines)
    else:
        words = "; ".join(terms.recipients)
    return {"vi": words, "en": words}
