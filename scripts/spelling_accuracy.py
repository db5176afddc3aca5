"""Precision and recall of the spelling rules (CHINHTA005-008) on the labelled texts of
tests/data/spelling, and what they report on other plans (the seeds, the fixtures) to be read
by hand:

    .venv/bin/python scripts/spelling_accuracy.py [PLAN ...]

A finding is right when a label has its line and its quoted text contains the label's; a label is
found when some finding is right for it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

SPELLING = ("CHINHTA005", "CHINHTA006", "CHINHTA007", "CHINHTA008")
LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "spelling"


def spelling_findings(path: Path):
    from audit.engine.context import CheckContext
    from audit.engine.engine import run_rules
    from audit.engine.packs import load_rules
    from audit.pipeline import load_plan

    rules = [r for r in load_rules() if r.code in SPELLING]
    return run_rules(load_plan(path), rules, CheckContext())


def score(folder: Path = LABELLED) -> tuple[int, int, int, int]:
    """(right findings, all findings, labels found, all labels) over the folder's texts."""
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    right = total = found = 0
    for name, expected in labels.items():
        got = spelling_findings(folder / name)
        hit = [any(f.line == label["line"] and label["written"] in f.message for f in got) for label in expected]
        right += sum(any(f.line == label["line"] and label["written"] in f.message for label in expected) for f in got)
        total += len(got)
        found += sum(hit)
    return right, total, found, sum(len(v) for v in labels.values())


def main(paths: list[str]) -> None:
    right, total, found, labels = score()
    print(f"labelled texts: precision {right}/{total}, recall {found}/{labels}")
    for path in paths:
        for f in spelling_findings(Path(path)):
            print(f"{path}:{f.line}: {f.rule} {f.message}")


if __name__ == "__main__":
    main(sys.argv[1:])
