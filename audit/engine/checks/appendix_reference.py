"""The appendix's caption "(Kèm theo Kế hoạch số 02/KH-UBND ngày 02/01/2024 của ...)" must name the
plan it is attached to: the header's own number, symbol and date (Nghị định 30/2020/NĐ-CP, Phụ lục
I). A caption left blank like the header of a draft is consistent with it.

Example rule::

    check: appendix_reference

Passes::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    I. NỘI DUNG
    Tuyên truyền thủ tục hành chính.
    PHỤ LỤC
    (Kèm theo Kế hoạch số 02/KH-UBND ngày 02/01/2024 của UBND xã Tiền Tiến)

Fails::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    I. NỘI DUNG
    Tuyên truyền thủ tục hành chính.
    PHỤ LỤC
    (Kèm theo Kế hoạch số 01/KH-UBND ngày 01/01/2024 của UBND xã Tiền Tiến)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import change_to, written_date
from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("written", "own")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    attached = plan.appendix.attached_to if plan.appendix else None
    header = plan.header
    if attached is None:
        return
    differs = [
        _number(attached.number) != _number(header.number) if attached.number and header.number else False,
        _symbol(attached.symbol) != _symbol(header.symbol) if attached.symbol and header.symbol else False,
        attached.date != header.date if attached.date and header.date else False,
    ]
    if not any(differs):
        return
    own = f"{header.number or ''}/{header.symbol or ''}" + (f" ngày {written_date(header.date)}" if header.date else "")
    written = f"{attached.number or ''}/{attached.symbol or ''}" + (f" ngày {written_date(attached.date)}" if attached.date else "")
    yield context.finding(
        rule, plan, line=attached.line, evidence=attached.text, written=written, own=own,
        suggestion=change_to(f"(Kèm theo Kế hoạch số {own} ...)"),
    )


def _number(number: str) -> int:
    return int("".join(ch for ch in number if ch.isdigit()) or 0)


def _symbol(symbol: str) -> str:
    return symbol.replace(" ", "").upper()
