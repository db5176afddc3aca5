"""Adding a waiver to a waivers file, in the format the `waivers` configuration key reads
(audit/policy/waivers.py, docs/ci.md):

    waivers:
      - code: KETHUA001
        plan: xa/2024-xa-phuc-khe.pdf     # the plan's path, relative to the waivers file's folder
        concept: channel.zalo
        reason: Xã chưa lập Zalo OA; UBND huyện đã đồng ý lùi sang năm sau

The entry is appended as text, so the comments and layout of an existing file stay as they were;
the result is read back with the policy's own reader before it replaces the file (atomically), and
when appending cannot give a valid file (a list written inline, say) the whole list is written anew.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import yaml

from audit.model import Finding
from audit.policy.waivers import Waiver, WaiverEntry, read_waiver_file
from audit.report.output import write_atomic


def waiver_for(finding: Finding, plan_file: Path, waivers_file: Path, reason: str,
               expires: dt.date | None = None) -> WaiverEntry:
    """The entry waiving `finding` (its rule, its concept if any) in the plan stored at `plan_file`."""
    plan = os.path.relpath(plan_file.resolve(), waivers_file.resolve().parent)
    return WaiverEntry(code=finding.rule, plan=Path(plan).as_posix(), reason=reason.strip(), expires=expires,
                       concept=finding.concept)


def read_waivers(path: Path) -> list[Waiver]:
    """The waivers in `path`; none when it does not exist yet."""
    return read_waiver_file(path) if path.exists() else []


def add_waiver(path: Path, entry: WaiverEntry) -> list[Waiver]:
    """Append `entry` to the waivers file `path` (made if missing) and return all its waivers."""
    before = read_waivers(path)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    item = _dump(entry)
    if not old.strip():
        text = "waivers:\n" + _indent(item, "  ")
    else:
        text = old + ("" if old.endswith("\n") else "\n") + _indent(item, _item_indent(old))
    if not _valid(text, len(before) + 1):
        entries = [waiver.entry for waiver in before] + [entry]
        text = "waivers:\n" + "".join(_indent(_dump(e), "  ") for e in entries)
    write_atomic(path, text)
    return read_waiver_file(path)


def _dump(entry: WaiverEntry) -> str:
    data = entry.model_dump(by_alias=True, exclude_none=True)
    return yaml.safe_dump([data], allow_unicode=True, sort_keys=False, width=1000)


def _indent(item: str, indent: str) -> str:
    return "".join(indent + line if line.strip() else line for line in item.splitlines(keepends=True))


def _item_indent(text: str) -> str:
    """The indentation of the list's items in an existing file ("" for a bare list)."""
    found = re.search(r"^( *)- ", text, re.MULTILINE)
    return found.group(1) if found else "  "


def _valid(text: str, count: int) -> bool:
    """Whether `text` reads as a waivers file of `count` valid entries (as read_waiver_file reads it)."""
    from pydantic import TypeAdapter, ValidationError

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if isinstance(data, dict) and set(data) == {"waivers"}:
        data = data["waivers"]
    try:
        return isinstance(data, list) and len(TypeAdapter(list[WaiverEntry]).validate_python(data)) == count
    except ValidationError:
        return False
