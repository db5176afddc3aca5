"""What kind of document a parsed text is: a plan, or something that reaches a reviewer's folder with
the plans (an official letter, a report, a submission, a notice, a few lines copied from somewhere).

Only a plan is audited as a plan; auditing a công văn against the plan rules gives a page of false
findings. The kind is told from what the document says of itself, and a text is a plan unless it
says otherwise (a plan whose title line was lost must still be audited):

    plan        "KẾ HOẠCH" / "CHƯƠNG TRÌNH", a number "…/KH-…", or a Quyết định or Nghị quyết that
                carries a plan ("Về việc ban hành Kế hoạch …", a "KẾ HOẠCH" title further down)
    bao_cao, to_trinh, thong_bao, quyet_dinh, huong_dan, chi_thi, ...
                the type its title line names ("BÁO CÁO", "TỜ TRÌNH", ...)
    cong_van    no type line, and a "V/v ..." subject or a "Kính gửi:" address
    fragment    no type line, no number, and under `FRAGMENT_WORDS` words
"""

from __future__ import annotations

import re

from audit.model import Plan

PLAN = "plan"
FRAGMENT_WORDS = 150  # the shortest real plan runs to several hundred words
_PLAN_TYPES = {"KH", "CTr"}
_CARRIERS = {"QĐ", "NQ"}  # types that may carry a plan as their attachment
_KINDS = {"BC": "bao_cao", "TTr": "to_trinh", "TB": "thong_bao", "CV": "cong_van", "QĐ": "quyet_dinh",
          "NQ": "nghi_quyet", "HD": "huong_dan", "CT": "chi_thi", "BB": "bien_ban", "CĐ": "cong_dien"}
_LETTER = re.compile(r"^(?:V/v\b|Về việc\b|Kính gửi\s*:)", re.IGNORECASE)
_PLAN_TITLE = re.compile(r"^KẾ HOẠCH\b")


def document_kind(plan: Plan) -> str:
    """"plan", or the kind of document `plan` is instead (see the module's docstring)."""
    doc_type = plan.header.doc_type
    titled = "title" in plan.header.lines
    if doc_type in _PLAN_TYPES or (doc_type in _CARRIERS and _carries_plan(plan)):
        return PLAN
    if titled:
        return _KINDS.get(doc_type or "", PLAN)
    head = plan.lines[:40]
    if any(_LETTER.match(cell.strip()) for line in head for cell in (line.cells or [line.text])):
        return "cong_van"
    if plan.header.symbol is None and _words(plan) < FRAGMENT_WORDS:
        return "fragment"
    return PLAN


def _carries_plan(plan: Plan) -> bool:
    title = (plan.header.title or "").lower()
    after_title = plan.header.lines.get("title", 0)
    return "kế hoạch" in title or any(
        _PLAN_TITLE.match(line.text) for line in plan.lines if line.number > after_title)


def _words(plan: Plan) -> int:
    return sum(len(line.text.split()) for line in plan.lines)
