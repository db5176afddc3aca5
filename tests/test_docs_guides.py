"""The guides in docs/ stay true: the example pack of docs/writing-rules.md loads and behaves as the
guide says, on a fixture plan that has the concept and one that lacks it."""

from __future__ import annotations

import re
from pathlib import Path

from audit.engine.context import CheckContext
from audit.engine.engine import run_rules
from audit.engine.packs import load_pack_file
from audit.pipeline import load_plan

ROOT = Path(__file__).resolve().parent.parent


def guide_pack(tmp_path: Path) -> Path:
    guide = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", guide, re.S).group(1)
    path = tmp_path / "diaphuong.yaml"
    path.write_text(block, encoding="utf-8")
    return path


def test_the_example_pack_of_the_guide_loads_and_finds_a_missing_loudspeaker(tmp_path):
    family = load_pack_file(guide_pack(tmp_path), pack="example")
    assert [rule.code for rule in family.rules] == ["DIAPHUONG001"]
    with_loudspeakers = load_plan(ROOT / "fixtures" / "2024-xa-kim-khe.md")
    assert with_loudspeakers.concept("channel.truyen_thanh")
    assert run_rules(with_loudspeakers, family.rules, CheckContext()) == []

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "ỦY BAN NHÂN DÂN XÃ AN KHÊ\nSố: 01/KH-UBND\nAn Khê, ngày 05 tháng 02 năm 2024\nKẾ HOẠCH\n"
        "Tuyên truyền cải cách hành chính năm 2024\nI. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n"
        "II. HÌNH THỨC TUYÊN TRUYỀN\n- Đăng tin trên Trang thông tin điện tử của xã.\n",
        encoding="utf-8",
    )
    findings = run_rules(load_plan(plan), family.rules, CheckContext())
    assert [(f.rule, f.line) for f in findings] == [("DIAPHUONG001", 8)]
    assert findings[0].message == 'Chưa nêu Đài truyền thanh / phát thanh cơ sở, loa; cần bổ sung ở phần "II. HÌNH THỨC TUYÊN TRUYỀN".'
