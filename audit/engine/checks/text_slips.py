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
from audit.model import Finding, Plan
from audit.text import hygiene

PLACEHOLDERS = ("written", "detail")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slip: Literal["foreign_letters", "doubled", "placeholder"]
    allowed: list[str] = Field(default_factory=list)


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.text.normalize import canonical_tones

    slips = _SLIPS[rule.params.slip]
    allowed = frozenset(canonical_tones(a).lower() for a in rule.params.allowed)
    date_line = plan.header.lines.get("date") if rule.params.slip == "placeholder" else None
    for line in plan.lines:
        if line.number == date_line:
            continue
        for text in line.cells or (line.text,):
            for written, detail, suggestion in slips(text, allowed):  # remembered per text: mostly ()
                yield context.finding(
                    rule, plan, line=line.number, evidence=line.text, written=written, detail=detail, suggestion=suggestion,
                )


def _foreign_letters(text: str, allowed: frozenset[str]):
    return [(word.word, ", ".join(word.letters), None) for word in hygiene.foreign_words(text)]


def _doubled(text: str, allowed: frozenset[str]):
    return [(text[hit.start : hit.end], hit.phrase, change_to(hit.fix)) for hit in hygiene.doubled_words(text, allowed)]


def _placeholders(text: str, allowed: frozenset[str]):
    return [(text[start:end], "", None) for start, end in hygiene.placeholders(text)]


_SLIPS = {"foreign_letters": _foreign_letters, "doubled": _doubled, "placeholder": _placeholders}
