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

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import change_to, texts_hit
from audit.model import Finding, Line, Plan
from audit.text import hygiene

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("written", "detail")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slip: Literal["foreign_letters", "doubled", "placeholder"] = Field(description="which slip is found")
    allowed: list[str] = Field(default_factory=list,
                               description="with slip: doubled, reduplications the language means")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    from audit.base.normalize import canonical_tones

    slip = _SLIPS[rule.params.slip]
    allowed = frozenset(canonical_tones(a).lower() for a in rule.params.allowed)
    date_line = plan.header.lines.get("date") if rule.params.slip == "placeholder" else None
    for line, text in _texts(plan, slip):
        for hit in slip.search(text, allowed):  # remembered per text: mostly ()
            if line.number != date_line:
                written, detail, suggestion = slip.describe(text, hit)
                yield context.finding(
                    rule, plan, line=line.number, evidence=line.text, written=written, detail=detail,
                    suggestion=suggestion,
                )


class _Slip(NamedTuple):
    search: Callable  # (text, allowed) -> hits: hygiene.py's search, remembered per text
    describe: Callable  # (text, hit) -> (written, detail, suggestion): what a finding says of a hit
    # A search that rules most texts out, run once over all of a plan's texts (in lower case with
    # `lower`); None where the slip's own gate costs more than remembering each text's answer.
    gate: re.Pattern | None = None
    lower: bool = False


def _texts(plan: Plan, slip: _Slip) -> list[tuple[Line, str]]:
    """The texts of the plan's lines (a table row's cells) the slip's search may find something in."""
    texts = [(line, text) for line in plan.lines for text in line.cells or (line.text,)]
    if slip.gate is None:
        return texts
    return [texts[i] for i in texts_hit([text for _, text in texts], slip.gate, lower=slip.lower)]


_SLIPS = {
    "foreign_letters": _Slip(lambda text, allowed: hygiene.foreign_words(text),
                             lambda text, word: (word.word, ", ".join(word.letters), None), hygiene.FOREIGN_BLOCKS),
    "doubled": _Slip(hygiene.doubled_words, lambda text, hit: (text[hit.start : hit.end], hit.phrase, change_to(hit.fix))),
    "placeholder": _Slip(lambda text, allowed: hygiene.placeholders(text),
                         lambda text, span: (text[span[0] : span[1]], "", None), hygiene.PLACEHOLDER_GATE, lower=True),
}
