"""The number and symbol in "Số: 02/KH-UBND" must be well formed (Nghị định 30/2020/NĐ-CP, Phụ lục
I and III): a number below 10 written with a leading zero ("02", not "2"); a symbol made of a type
code of Phụ lục III and the issuer's code joined by "-"; and the type code that of the title
("KẾ HOẠCH" is KH, "QUYẾT ĐỊNH" is QĐ). A blank number is a draft's (rule THETHUC001).

Example rule::

    check: number_symbol

Passes::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

Fails::

    Số: 2/QĐ-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import change_to
from audit.messages import both
from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("problems",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    header = plan.header
    line = header.lines.get("number")
    if line is None or not header.symbol:
        return
    problems, suggestion = symbol_problems(header.number, header.symbol, title_code(plan))
    if problems:
        yield context.finding(
            rule, plan, line=line, evidence=plan.line_text(line), suggestion=change_to(suggestion),
            problems={lang: "; ".join(p[lang] for p in problems) for lang in ("vi", "en")},
        )


def title_code(plan: Plan) -> str | None:
    """The type code of the title line ("KẾ HOẠCH" -> KH), or None without a title."""
    from audit.parse.docref import TYPE_CODES
    from audit.parse.header import TITLE_RE

    line = plan.header.lines.get("title")
    m = TITLE_RE.match(plan.line_text(line)) if line else None
    return TYPE_CODES.get(m.group("type").lower()) if m else None


def symbol_problems(number: str | None, symbol: str, expected: str | None) -> tuple[list[dict], str | None]:
    """What is wrong with "number/symbol", each in both languages, and the corrected form."""
    from audit.parse.docref import KNOWN_CODES

    problems = []
    parts = symbol.split("-")
    code = parts[0]
    fixed_number, fixed_code = number, code
    if number and len(number) == 1:
        fixed_number = f"0{number}"
        problems.append(both("check.number_symbol.leading_zero", number=fixed_number))
    if len(parts) < 2 or not all(re.fullmatch(r"[A-ZĐ][A-Za-zĐđ0-9]*", p) for p in parts):
        problems.append(both("check.number_symbol.shape"))
    elif code not in KNOWN_CODES and code != "UBND":
        problems.append(both("check.number_symbol.unknown_code", code=code))
    if expected and code in KNOWN_CODES and code != expected:
        fixed_code = expected
        problems.append(both("check.number_symbol.other_type", expected=expected, code=code))
    suggestion = None
    if problems and (fixed_number != number or fixed_code != code):
        suggestion = f"Số: {fixed_number or ''}/{'-'.join([fixed_code, *parts[1:]])}"
    return problems, suggestion
