"""The parent audit (KETHUA rules) on the fixture hierarchy: each deliberate defect about the link to
the parent (fixtures/README.md) is found with its code, concept, line and parent line, and the clean
plans raise no parent finding at default settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.engine.context import CheckContext
from audit.engine.engine import run_rules, select_rules
from audit.engine.packs import load_rules
from audit.run import audit_corpus
from audit.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def corpus_run():
    rules = select_rules(load_rules(), select=["KETHUA"])
    return audit_corpus(FIXTURES, rules, CheckContext(lang="vi"), jobs=1)


def findings_of(run, name: str):
    return [f for f in run.findings if Path(f.path).name == name]


def summary(findings):
    return [(f.rule, f.line, f.concept, Path(f.parent_path).name, f.parent_line) for f in findings]


def test_phuc_khe_misses_zalo_and_sipas_assigned_by_the_district(corpus_run):
    found = findings_of(corpus_run, "2024-xa-phuc-khe.pdf")
    assert [(r, c, p, pl) for r, _, c, p, pl in summary(found)] == [
        ("KETHUA001", "channel.zalo", "2024-huyen-phu-lam.md", 81),
        ("KETHUA001", "indicator.sipas", "2024-huyen-phu-lam.md", 83),
    ]
    assert all(f.severity.value == "error" for f in found)
    assert "Zalo OA" in found[0].parent_text and "SIPAS" in found[1].parent_text
    assert "Zalo" in found[0].message and "dòng 81" in found[0].message


def test_dong_lam_misses_the_survey_assigned_by_the_city(corpus_run):
    found = findings_of(corpus_run, "2024-phuong-dong-lam.txt")
    assert [(r, c, p, pl) for r, _, c, p, pl in summary(found)] == [
        ("KETHUA001", "deliverable.khao_sat", "2024-tp-ben-lam.txt", 72),
    ]
    assert "khảo sát" in found[0].parent_text


def test_truc_lam_issued_after_the_citys_deadline(corpus_run):
    found = findings_of(corpus_run, "2024-phuong-truc-lam.txt")
    assert summary(found) == [("KETHUA006", 9, None, "2024-tp-ben-lam.txt", 66)]
    assert "18/03/2024" in found[0].message and "29/02/2024" in found[0].message


def test_lam_xuyen_cites_the_district_plan_with_the_wrong_date(corpus_run):
    found = findings_of(corpus_run, "2024-tt-lam-xuyen.md")
    assert summary(found) == [("KETHUA005", 14, None, "2024-huyen-phu-lam.md", 9)]
    assert "16/01/2024" in found[0].message and "26/01/2024" in found[0].message
    assert "ngày 26 tháng 01 năm 2024" in found[0].parent_text


def test_kim_khe_is_copied_from_the_city_plan(corpus_run):
    found = findings_of(corpus_run, "2024-xa-kim-khe.md")
    assert [(f.rule, f.line, Path(f.parent_path).name) for f in found] == [("KETHUA008", 20, "2024-tp-ben-lam.txt")]
    assert found[0].message.split("%")[0].isdigit() and int(found[0].message.split("%")[0]) >= 50
    assert "Nhân dân thành phố" in found[0].evidence and "Nhân dân thành phố" in found[0].parent_text


@pytest.mark.parametrize("name", [
    "2024-huyen-phu-lam.md", "2024-tp-ben-lam.txt", "2025-xa-phu-lam.md", "2024-so-noi-vu.txt",
])
def test_clean_plans_raise_no_parent_finding(corpus_run, name):
    item = next(i for i in corpus_run.inputs if Path(i.path).name == name)
    assert item.parent is not None, f"{name}: parent not resolved"
    assert findings_of(corpus_run, name) == []


def test_only_kim_khe_is_above_the_copy_threshold(corpus_run):
    shares = {Path(i.path).name: i.trace.copied_share for i in corpus_run.inputs if i.trace}
    assert shares.pop("2024-xa-kim-khe.md") >= 0.5
    assert max(shares.values()) < 0.5


def test_listed_concepts_are_opt_in():
    rules = load_rules()
    assert "KETHUA004" not in [r.code for r in select_rules(rules)]
    assert "KETHUA004" not in [r.code for r in select_rules(rules, select=["KETHUA"])]
    assert [r.code for r in select_rules(rules, select=["KETHUA004"])] == ["KETHUA004"]


def test_listed_concepts_when_selected_point_at_the_parent_listing():
    rules = select_rules(load_rules(), select=["KETHUA004"])
    child, parent = load_plan(FIXTURES / "2024-tp-ben-lam.txt"), load_plan(FIXTURES / "2024-tinh-lam-giang.md")
    found = run_rules(child, rules, CheckContext(parent=parent))
    # the city holds only dialogue meetings (hội nghị đối thoại, a channel of its own), none of the
    # meetings the province lists
    assert {(f.concept, f.parent_line) for f in found} == {
        ("channel.bao_chi", 93), ("channel.hoi_nghi", 101), ("channel.hoi_thi", 103)}
    assert all(f.severity.value == "info" for f in found)


# --- level_fits: the 2025 two-tier hierarchy


def level_findings(tmp_path: Path, child: str, parent: str):
    (tmp_path / "child.md").write_text(child, encoding="utf-8")
    (tmp_path / "parent.md").write_text(parent, encoding="utf-8")
    rules = select_rules(load_rules(), select=["KETHUA007"])
    return run_rules(load_plan(tmp_path / "child.md"), rules, CheckContext(parent=load_plan(tmp_path / "parent.md")))


COMMUNE_2025 = """ỦY BAN NHÂN DÂN XÃ PHÙ LAM
Số: 03/KH-UBND
Phù Lam, ngày 28 tháng 7 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025
Thực hiện Kế hoạch số {ref} của {issuer} về tuyên truyền cải cách hành chính.
I. MỤC ĐÍCH, YÊU CẦU
"""
DISTRICT = """ỦY BAN NHÂN DÂN HUYỆN PHÙ LAM
Số: 12/KH-UBND
Phù Lam, ngày 26 tháng 6 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
"""


def test_a_2025_commune_citing_the_province_directly_fits(tmp_path):
    child = (FIXTURES / "2025-xa-phu-lam.md").read_text(encoding="utf-8")
    parent = (FIXTURES / "2025-tinh-lam-giang.md").read_text(encoding="utf-8")
    assert level_findings(tmp_path, child, parent) == []


def test_a_2025_commune_following_a_district_does_not_fit(tmp_path):
    child = COMMUNE_2025.format(ref="12/KH-UBND ngày 26/6/2025", issuer="Ủy ban nhân dân huyện Phù Lam")
    found = level_findings(tmp_path, child, DISTRICT)
    assert [(f.rule, f.line, f.severity.value, f.parent_line) for f in found] == [("KETHUA007", 6, "error", 1)]
    assert "cấp xã thực hiện kế hoạch cấp huyện" in found[0].message and "tỉnh" in found[0].message


def test_parent_rules_do_nothing_without_a_parent():
    rules = select_rules(load_rules(), select=["KETHUA"])
    plan = load_plan(FIXTURES / "2024-xa-kim-khe.md")
    assert run_rules(plan, rules, CheckContext()) == []


def test_a_missing_concept_is_reported_once_with_the_parents_line():
    """Phúc Khê lacks SIPAS: the pack rule (CHISO002) and the parent rule (KETHUA001) both see it;
    the reviewer gets one finding, the one that names the district's line 83."""
    from click.testing import CliRunner

    from audit.cli import main

    result = CliRunner().invoke(main, ["check", str(FIXTURES / "2024-xa-phuc-khe.pdf"), "--corpus", str(FIXTURES),
                                       "--format", "json", "--fail-on", "never"])
    sipas = [f for f in json.loads(result.output)["findings"] if f["concept"] == "indicator.sipas"]
    assert [(f["rule"], f["parent_line"]) for f in sipas] == [("KETHUA001", 83)]
    alone = CliRunner().invoke(main, ["check", str(FIXTURES / "2024-xa-phuc-khe.pdf"), "--format", "json"])
    assert [f["rule"] for f in json.loads(alone.output)["findings"] if f["concept"] == "indicator.sipas"] == ["CHISO002"]
