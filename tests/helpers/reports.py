"""Audit runs for the report tests: the fixture hierarchy audited once per language, and a run
with some findings waived, as the waiver stage leaves them before reporting.

    run = fixture_run("vi")
    waived = waive(run, "KETHUA006", "Hạn đã được gia hạn bằng văn bản")
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from tests.conftest import FIXTURES


@lru_cache(maxsize=None)
def fixture_run(lang: str = "vi"):
    """`plan-audit corpus fixtures/` with every enabled rule that is pinned (tests/helpers/pinned.py),
    as a CheckRun."""
    from audit.engine.context import CheckContext
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.run import audit_corpus
    from tests.helpers.pinned import PINNED_RULES

    rules = select_rules([rule for rule in load_rules() if rule.code in PINNED_RULES])
    return audit_corpus(FIXTURES, rules, CheckContext(lang=lang), jobs=1)


def waive(run, code: str, reason: str):
    """`run` with every finding of rule `code` waived for `reason`."""
    findings = [f.model_copy(update={"waived": True, "waiver_reason": reason}) if f.rule == code else f
                for f in run.findings]
    return replace(run, findings=findings)


SCRIPT = "<script>document.title='pwned'</script>"
IMAGE = "<img src=x onerror=\"document.title='pwned'\">"


def hostile_pair(folder: Path) -> tuple[Path, Path]:
    """A parent and a child plan (from the fixtures huyện Phù Lam and thị trấn Lâm Xuyên) whose text
    carries markup: a script in the child's title and in one of its evidence lines, an image with
    an onerror handler in that line and in the parent's Zalo task, which the child no longer meets.
    Returns (child, parent)."""
    parent = (FIXTURES / "2024-huyen-phu-lam.md").read_text(encoding="utf-8").splitlines()
    child = (FIXTURES / "2024-tt-lam-xuyen.md").read_text(encoding="utf-8").splitlines()
    assert "Zalo OA" in parent[80] and "trên địa bàn" in child[11] and "Zalo OA" in child[45]
    parent[80] += f" {IMAGE}"
    child[11] = child[11].replace("trên địa bàn", f"{SCRIPT} trên địa bàn")
    child[43] += f" {SCRIPT} {IMAGE}"
    child[45] = child[45].replace('quét mã để quan tâm Zalo OA "Chính quyền số Lam Giang" ngay tại', "đến")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "huyen.md").write_text("\n".join(parent) + "\n", encoding="utf-8")
    (folder / "thitran.md").write_text("\n".join(child) + "\n", encoding="utf-8")
    return folder / "thitran.md", folder / "huyen.md"
