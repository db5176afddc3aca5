"""The plan must have a section of a kind: e.g. Nội dung, Hình thức, Tổ chức thực hiện.

A section counts when its heading names one of `kinds` (a merged heading "NỘI DUNG, HÌNH THỨC
TUYÊN TRUYỀN" is both noi_dung and hinh_thuc), or when its title matches `title_pattern`: a plan
that organizes its content by channel ("2. Tuyên truyền trên Cổng thông tin điện tử huyện") has its
forms of communication even without a heading called "Hình thức".

Example rule::

    check: requires_section
    params: {kinds: [to_chuc_thuc_hien]}

Passes::

    IV. TỔ CHỨC THỰC HIỆN
    1. Phòng Văn hóa và Thông tin huyện
    - Chủ trì, tham mưu UBND huyện triển khai Kế hoạch này.

Fails::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Tuyên truyền về cải cách thủ tục hành chính.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import Regex
from audit.engine.labels import section_label
from audit.model import Finding, Plan, SectionKind
from audit.parse.sections import walk
from audit.base.normalize import canonical_tones

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("section",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kinds: list[SectionKind] = Field(min_length=1, description="a section of any of these kinds satisfies the rule")
    title_pattern: Regex | None = Field(None, description="a section whose title matches this (case-insensitive) also counts")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    params: Params = rule.params
    sections, wanted = [section for section, _ in walk(plan.sections)], set(params.kinds)
    if any(not wanted.isdisjoint(section.kinds) for section in sections):
        return
    # Only then the titles: normalizing one costs a look at each of its words.
    pattern = re.compile(params.title_pattern, re.IGNORECASE) if params.title_pattern else None
    if pattern and any(pattern.search(canonical_tones(section.title)) for section in sections):
        return
    yield context.finding(rule, plan, section={lang: section_label(params.kinds[0], lang) for lang in ("vi", "en")})
