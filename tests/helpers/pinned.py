"""The rules the command-line and report tests were written against.

Those tests assert totals, exit codes and whole reports on the fixtures and seeds. They run on the
real rule packs cut down to these codes (`pinned_rules_folder`), so a default rule added to the
packs changes what it should (fixtures/EXPECTED.yaml, docs/rules.md, its own examples) and not
their numbers: tests/test_new_default_rule.py adds one and runs them. A new rule joins this list
when a test of the command line or a report is about it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

PINNED_RULES = frozenset({
    "CAUTRUC001", "CAUTRUC002", "CAUTRUC003", "CAUTRUC004", "CAUTRUC005",
    "CHINHTA001", "CHINHTA002", "CHINHTA003", "CHINHTA004", "CHINHTA005", "CHINHTA006", "CHINHTA007", "CHINHTA008",
    "CHISO001", "CHISO002",
    "INPUT001",
    "KENH001", "KENH002",
    "KETHUA001", "KETHUA002", "KETHUA003", "KETHUA004", "KETHUA005", "KETHUA006", "KETHUA007", "KETHUA008",
    "NHATQUAN001", "NHATQUAN002", "NHATQUAN003", "NHATQUAN004", "NHATQUAN005", "NHATQUAN006", "NHATQUAN007",
    "NHATQUAN008",
    "NOIDUNG001", "NOIDUNG002", "NOIDUNG003", "NOIDUNG004",
    "POLICY001", "POLICY002", "POLICY003",
    "SANPHAM001", "SANPHAM002",
    "THETHUC001", "THETHUC002", "THETHUC003", "THETHUC004", "THETHUC005", "THETHUC006", "THETHUC007",
    "THETHUC008", "THETHUC009", "THETHUC010",
})


def pinned_rules_folder(source: Path, target: Path) -> Path:
    """A rules folder at `target` (for PLAN_AUDIT_RULES): `source`'s word lists and its packs with only
    the pinned rules. A pack file whose rules are all pinned is copied as it is (its lines kept)."""
    target.mkdir(parents=True)
    for data in source.glob("*.yaml"):  # the lexicon and the other word lists the packs read
        shutil.copy(data, target / data.name)
    for path in sorted(source.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kept = [rule for rule in data["rules"] if rule["code"] in PINNED_RULES]
        (target / path.parent.name).mkdir(exist_ok=True)
        if len(kept) == len(data["rules"]):
            shutil.copy(path, target / path.parent.name / path.name)
        elif kept:
            text = yaml.safe_dump({**data, "rules": kept}, allow_unicode=True, sort_keys=False)
            (target / path.parent.name / path.name).write_text(text, encoding="utf-8")
    return target
