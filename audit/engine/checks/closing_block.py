"""The closing must carry what Nghị định 30/2020/NĐ-CP requires below the text: the signer's
position and name (`part: signer`; a draft not yet signed has no name, info under --draft), and
the "Nơi nhận" list ending with the office's own copy, "Lưu: VT, ..." (`part: recipients`). A draft's blank name (with its number and date blank too) and
a blank name in a portal copy are said by THETHUC009 and THETHUC010.

Example rule::

    check: closing_block
    params: {part: recipients}

Passes::

    I. TỔ CHỨC THỰC HIỆN
    Văn phòng UBND xã chủ trì thực hiện.

    Nơi nhận:
    - UBND thành phố;
    - Lưu: VP.

Fails::

    I. TỔ CHỨC THỰC HIỆN
    Văn phòng UBND xã chủ trì thực hiện.

    Nơi nhận:
    - UBND thành phố;
    - Các ngành đoàn thể.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import draft_severity
from audit.messages import both
from audit.model import Finding, Plan
from audit.parse.portal_copy import reported_together

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("problem",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    part: Literal["signer", "recipients"] = Field(description="the part of the closing that must be there")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    problem, line = (_signer if rule.params.part == "signer" else _recipients)(plan)
    if problem == "no_name" and "signer" in reported_together(plan):
        return
    if problem:
        yield context.finding(
            rule, plan, line=line, evidence=plan.line_text(line) if line else None,
            severity=draft_severity(context) if problem == "no_name" else None, problem=both(f"check.closing_block.{problem}"),
            suggestion=both("check.closing_block.no_archive.do") if problem == "no_archive" else None,
        )


def _signer(plan: Plan) -> tuple[str | None, int | None]:
    signer = plan.signer
    if signer is None:
        return "no_signer", None
    if signer.position is None and signer.authority is None:
        return "no_position", signer.line
    return ("no_name", signer.line) if signer.name is None else (None, None)


def _recipients(plan: Plan) -> tuple[str | None, int | None]:
    if not plan.recipients:
        return "no_recipients", None
    last = plan.recipients[-1]
    return (None, None) if last.text.lower().startswith("lưu") else ("no_archive", last.line)
