"""Parsing a `SourceText` into a `Plan`.

The layout of an official plan, top to bottom, and the module that reads each part:

    header     issuer | Quốc hiệu, Số: ..., place and date, KẾ HOẠCH + title   header.py
    preamble   Thực hiện ... / Căn cứ ...                                   preamble.py
    body       I. / 1. / a) sections; units and tasks; timeline             sections.py, units.py, timeline.py
    closing    Trên đây là ..., Nơi nhận, signer                            closing.py
    appendix   PHỤ LỤC (Kèm theo Kế hoạch số ...) and its table              closing.py

Parsing knows nothing of concepts or rules; it only says what the document states, and where.
"""

from __future__ import annotations

import re

from audit.model import Line, Plan, SourceText
from audit.parse.closing import (
    APPENDIX_RE, CLOSING_RE, RECIPIENTS_RE, columns, parse_appendix, parse_recipients, parse_signer,
)
from audit.parse.header import complete_header, find_title, parse_header
from audit.parse.obligations import parse_obligations
from audit.parse.kind import document_kind
from audit.parse.preamble import parse_mentions, parse_preamble
from audit.parse.sections import heading_of, parse_sections
from audit.parse.timeline import parse_timeline
from audit.parse.units import parse_units


def parse_plan(source: SourceText) -> Plan:
    plan, body_at, closing_at = _front(source)
    lines = source.lines
    body = lines[body_at:closing_at]
    last_body_line = body[-1].number if body else (lines[-1].number if lines else 0)
    plan.sections = parse_sections(body, last_body_line)
    plan.units = parse_units(body, plan.sections)
    plan.timeline = parse_timeline(lines[body_at:])
    plan.obligations = parse_obligations(body, plan.sections, plan.units, plan.appendix, plan.header.plan_year,
                                         plan.header.date)
    return plan


def parse_outline(source: SourceText) -> Plan:
    """What a corpus links plans by, without the body's structure: the plan `parse_plan` makes with
    its sections, units, timeline and obligations left empty and only the lines its references are
    on (the header, citations, mentions, appendix, closing and kind are the same). A few times
    cheaper than `parse_plan`: a corpus reads every plan's outline before it audits any."""
    plan = _front(source)[0]
    keep = {ref.line for ref in plan.mentions}
    plan.lines = [line for line in plan.lines if line.number in keep]
    plan.recipients, plan.signer, plan.appendix = [], None, None
    return plan


def _front(source: SourceText) -> tuple[Plan, int, int]:
    """The plan with its header, citations, mentions, closing, appendix and kind (no body
    structure yet), and where its body begins and ends (indexes into its lines)."""
    lines = source.lines
    title_at = find_title(lines)
    header, after_title = parse_header(lines, title_at)
    body_at = _body_start(lines, after_title)
    appendix_at = next((i for i in range(body_at, len(lines)) if APPENDIX_RE.match(lines[i].text)), len(lines))
    closing_at = _closing_start(lines, body_at, appendix_at)

    preamble_lines = lines[after_title:body_at]
    citations, preamble_refs, statement = parse_preamble(preamble_lines)
    recipients, signer = _closing(lines[closing_at:appendix_at])
    if not recipients:  # a Quyết định carrying a plan: its own closing stands above the plan
        recipients, signer = _closing(lines[body_at:appendix_at])
    appendix = parse_appendix(lines[appendix_at:])
    complete_header(header, statement, signer.authority if signer else None)

    attached_line = appendix.attached_to.line if appendix and appendix.attached_to else None
    mentions = preamble_refs + [
        ref for ref in parse_mentions(lines[body_at:]) if ref.line != attached_line
    ]
    plan = Plan(
        path=source.path, format=source.format, encoding=source.encoding, header=header,
        citations=citations, mentions=mentions,
        preamble=(preamble_lines[0].number, preamble_lines[-1].number) if preamble_lines else None,
        appendix=appendix, recipients=recipients, signer=signer, lines=lines,
    )
    plan.kind = document_kind(plan)
    return plan, body_at, closing_at


def _closing(lines: list[Line]):
    """Recipients from the left column, the signer from the right one (the same lines in plain text)."""
    left, right = columns(lines)
    recipients, after = parse_recipients(left)
    if after is None:
        return [], parse_signer(right)
    side_by_side = any(line.cells for line in lines)
    return recipients, parse_signer(right if side_by_side else right[after:])


def _body_start(lines: list[Line], start: int) -> int:
    """The first top-level heading ("I." or "1." or "Điều 1."), or the "QUYẾT ĐỊNH:" line."""
    for i in range(start, len(lines)):
        text = lines[i].text
        if text.rstrip(": ").upper() == "QUYẾT ĐỊNH" and text.endswith(":"):
            return i
        heading = heading_of(lines[i])
        if heading and heading[0] in ("roman", "arabic", "dieu", "decimal"):
            return i
    return start


_ATTACHED_RE = re.compile(r"^\(?\s*\*?\(?\s*Ban hành kèm theo (?:Quyết định|QĐ)", re.IGNORECASE)


def _closing_start(lines: list[Line], body_at: int, appendix_at: int) -> int:
    """The last "Trên đây là ..." or "Nơi nhận" before the appendix (a Quyết định carrying a plan
    has its own closing above the plan's body; the plan's closing is the last one)."""
    closing = appendix_at
    for i in range(appendix_at - 1, body_at - 1, -1):
        text = lines[i].text
        if _ATTACHED_RE.match(text):  # the plan a Quyết định carries, below the decision's closing
            return closing
        if RECIPIENTS_RE.match(text):
            closing = i
            if i > 0 and any(CLOSING_RE.match(lines[j].text) for j in range(max(body_at, i - 6), i)):
                closing = next(j for j in range(max(body_at, i - 6), i) if CLOSING_RE.match(lines[j].text))
            return closing
        if CLOSING_RE.match(text):
            return i
    return closing
