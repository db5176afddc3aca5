"""A term of the lexicon written with a slip: the matcher found it only once diacritics were set
aside ("Công thông tin điện tử" for "Cổng thông tin điện tử") or as a near spelling ("nghiêm yết"
for "niêm yết"). The plan is credited with the concept all the same; this rule asks for the
spelling to be put right, and suggests the lexicon's own.

Example rule::

    check: misspelt_term

Passes::

    III. HÌNH THỨC TUYÊN TRUYỀN
    - Đăng tải trên Cổng thông tin điện tử của xã; niêm yết công khai tại bộ phận một cửa.

Fails::

    III. HÌNH THỨC TUYÊN TRUYỀN
    - Đăng tải trên Công thông tin điện tử của xã.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import change_to
from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("written", "detail")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    from audit.text.lexicon import load_lexicon
    from audit.text.matcher import EXACT_SCORE

    lexicon = load_lexicon()
    for hit in plan.concepts:
        for evidence in hit.evidence:
            if evidence.score is None or evidence.score >= EXACT_SCORE or not evidence.matched:
                continue
            meant = _as_written(evidence.matched, _nearest_alias(evidence.matched, lexicon.concepts[hit.id].alias_specs()))
            yield context.finding(
                rule, plan, line=evidence.line, evidence=evidence.text, written=evidence.matched, detail=meant,
                suggestion=change_to(meant),
            )


def _nearest_alias(written: str, aliases) -> str:
    """The alias the writer meant: the one spelt most like what was written."""
    from rapidfuzz.fuzz import ratio

    return max((alias.text for alias in aliases), key=lambda text: ratio(text.lower(), written.lower()))


def _as_written(written: str, alias: str) -> str:
    """The alias in the case the plan used: all capitals, a capital first letter, or as listed."""
    if written.isupper():
        return alias.upper()
    if written[:1].isupper():
        return alias[:1].upper() + alias[1:]
    return alias
