"""Slips of typing and templates, anywhere in the text (audit/text/hygiene.py has the details).

`slip: foreign_letters`: Cyrillic or Greek letters that look Latin ("топ" for "top").
`slip: doubled`: a word or phrase typed twice ("băng băng zôn", "xã, xã"), also by the abbreviation
that follows it ("cải CCHC"); `allowed` lists the reduplications the language uses on purpose.
`slip: placeholder`: a template's blanks left in (".../KH-UBND", "xxx", "[tên đơn vị]", "ngày tháng
năm"); a draft's blank header date ("ngày    tháng    năm 2024") is rule THETHUC002's, not this one's.

Example rule::

    check: text_slips
    params: {slip: doubled, allowed: [dần dần]}

Passes::

    I. HÌNH THỨC TUYÊN TRUYỀN
    - Tuyên truyền qua các hội nghị, băng zôn; dần dần mở rộng tuyên truyền truyền thống.

Fails::

    I. HÌNH THỨC TUYÊN TRUYỀN
    - Tuyên truyền qua các hội nghị, băng băng zôn tuyên truyền.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import change_to
from audit.model import Finding, Line, Plan
from audit.text import hygiene

PLACEHOLDERS = ("written", "detail")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slip: Literal["foreign_letters", "doubled", "placeholder"]
    allowed: list[str] = Field(default_factory=list)


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.text.normalize import canonical_tones

    slip = rule.params.slip
    allowed = frozenset(canonical_tones(a).lower() for a in rule.params.allowed)
    date_line = plan.header.lines.get("date")
    for line in plan.lines:
        for text in line.cells or [line.text]:
            for written, detail, suggestion in _slips(slip, text, allowed, line, date_line):
                yield context.finding(
                    rule, plan, line=line.number, evidence=line.text, written=written, detail=detail, suggestion=suggestion,
                )


def _slips(slip: str, text: str, allowed: frozenset[str], line: Line, date_line: int | None):
    if slip == "foreign_letters":
        for word in hygiene.foreign_words(text):
            yield word.word, ", ".join(word.letters), None
    elif slip == "doubled":
        for hit in hygiene.doubled_words(text, allowed):
            written = text[hit.start : hit.end]
            yield written, hit.phrase, change_to(hit.fix)
    elif line.number != date_line:
        for start, end in hygiene.placeholders(text):
            yield text[start:end], "", None
