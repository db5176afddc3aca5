"""Waivers: findings a project accepts on purpose, each with a reason and, if it likes, an end date.

    waivers:
      - code: THETHUC001             # a rule code, or a prefix (THETHUC)
        plan: "drafts/**"            # a path pattern (audit/policy/globs.py) ...
        reason: Số văn bản chỉ có khi ban hành
      - code: KENH002
        plan: 15/KH-UBND             # ... or the plan's document number (number/symbol)
        concept: channel.zalo        # optional: only findings about this concept
        reason: Xã chưa có nhóm Zalo; đã báo cáo UBND huyện
        expires: 2026-06-30          # optional: waives up to and including this date

The list is a file of its own (a list, or the list under `waivers:`), named by the configuration's
`waivers` key, or written in the configuration itself; path patterns are relative to the folder of
the file they are written in. A waived finding is kept, marked `waived`
with the waiver's reason: reports count and list it apart, and it never fails the run. A waiver past
its date waives nothing and is a finding itself (POLICY001, at the waiver's line); a waiver that
matched no finding of the plans it names, when at least one of them was audited, is reported as
unused (POLICY002, info). A waiver naming no plan of the run says nothing: the run may check one
file while the waivers cover many.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import Field, TypeAdapter, ValidationError

from audit.model import Finding, Header
from audit.parse.docref import clean_symbol
from audit.policy.files import ConfigError, Strict, read_yaml, validation_error
from audit.policy.globs import PathPattern
from audit.base.normalize import fold

# "15/KH-UBND", "02/KH-BCĐ": a document number, not a path (no folder name is only digits with a symbol after)
_DOCUMENT_NUMBER = re.compile(r"^(\d+[a-z]?)/([A-ZĐ][A-ZĐ0-9]*(?:[-/][A-ZĐ0-9]+)*)$", re.IGNORECASE)


def _reference(number: str | None, symbol: str | None) -> tuple[str, str]:
    """Number and symbol compared as the graph compares them: "05" is "5", "KH-BCĐ" is "KH-BCD"."""
    return re.sub(r"^0+(?=\d)", "", number or "").lower(), fold(clean_symbol(symbol or "")).upper()


class WaiverEntry(Strict):
    """A finding accepted on purpose, with the reason, as written in the file."""

    code: str = Field(min_length=1)  # a rule code or prefix
    plan: str = Field(min_length=1)  # a path pattern, or the plan's document number ("15/KH-UBND")
    reason: str = Field(min_length=1)
    expires: dt.date | None = None  # waives up to and including this date
    concept: str | None = None


@dataclass(frozen=True)
class Waiver:
    entry: WaiverEntry
    source: str  # the file it is written in
    line: int | None
    base: Path  # that file's folder: path patterns are relative to it

    def expired(self, today: dt.date) -> bool:
        return self.entry.expires is not None and self.entry.expires < today

    @cached_property
    def _target(self) -> tuple[str, str] | PathPattern:
        """The document number and symbol the waiver names, or its path pattern."""
        number = _DOCUMENT_NUMBER.match(self.entry.plan.strip())
        return _reference(*number.groups()) if number else PathPattern(self.entry.plan, self.base)

    def names(self, path: str, header: Header | None) -> bool:
        """Whether the waiver's `plan` names the plan at `path` (by path pattern or, from the plan's
        `header`, document number)."""
        if isinstance(self._target, PathPattern):
            return self._target.matches(path)
        return header is not None and bool(header.symbol) and _reference(header.number, header.symbol) == self._target

    def waives(self, finding: Finding, header: Header | None) -> bool:
        return (
            finding.rule.startswith(self.entry.code.strip().upper())
            and (self.entry.concept is None or finding.concept == self.entry.concept)
            and self.names(finding.path, header)
        )


def inline_waivers(entries: list[WaiverEntry], config: Path | None, lines: dict[tuple, int]) -> list[Waiver]:
    """The waivers written in the configuration file itself."""
    base = config.resolve().parent if config else Path.cwd()
    return [Waiver(entry, str(config), lines.get(("waivers", index)), base) for index, entry in enumerate(entries)]


def read_waiver_file(path: Path) -> list[Waiver]:
    if not path.is_file():
        raise ConfigError(path, "", "config.not_found")
    data, lines = read_yaml(path)
    prefix: tuple = ()
    if isinstance(data, dict) and set(data) == {"waivers"}:
        data, prefix = data["waivers"], ("waivers",)
    if data is None:
        return []
    if not isinstance(data, list):
        raise ConfigError(path, "", "waivers.not_list", line=lines.get(()))
    try:
        entries = TypeAdapter(list[WaiverEntry]).validate_python(data)
    except ValidationError as error:
        inner = {key[len(prefix):]: line for key, line in lines.items() if key[:len(prefix)] == prefix}
        raise validation_error(path, error, WaiverEntry, inner, ".".join(prefix)) from None
    base = path.resolve().parent
    return [Waiver(entry, str(path), lines.get((*prefix, index)), base) for index, entry in enumerate(entries)]
