"""The plan must name at least one of some words anywhere in its text (case and tone placement set
aside): a funding source ("kinh phí", "ngân sách"), for instance. One finding per plan, at no line,
when none is named.

Example rule::

    check: mentions_any
    params: {words: [kinh phí, ngân sách]}

Passes::

    IV. KINH PHÍ
    Kinh phí thực hiện từ nguồn ngân sách xã năm 2024.

Fails::

    IV. TỔ CHỨC THỰC HIỆN
    Văn phòng UBND xã chủ trì thực hiện kế hoạch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.model import Finding, Plan

PLACEHOLDERS = ("words",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(min_length=1, description="any one of these, as whole words, satisfies the rule")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.base.normalize import canonical_tones

    words = [canonical_tones(w).lower() for w in rule.params.words]
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")
    if not any(pattern.search(canonical_tones(line.text).lower()) for line in plan.lines):
        yield context.finding(rule, plan, words=", ".join(f'"{w}"' for w in rule.params.words))
