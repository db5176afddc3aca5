"""The parent audit on the fictional province (fixtures/README.md, defects 10-16): each way a parent
binds its communes, asserted on the fixture files through `plan-audit corpus` as a reviewer reads the
report: the rule, the plan's line, the parent's line and the words of the message.

The 2025 province plan binds its communes by a unit block, a lead-in list (78-88), a pilot naming
xã Phù Lam (92), a sentence with a date per level (94) and an appendix table (117-120). xã Phù Lam
meets all of it; phường Bến Lam falls short in six ways. phường Vọng Lam (2024) cites the province
and the city. Each test holds what a reviewer expects, written before the tool was run on the files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from audit.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PROVINCE_2025 = "2025-tinh-lam-giang.md"
PROVINCE_2024 = "2024-tinh-lam-giang.md"
CITY_2024 = "2024-tp-ben-lam.txt"
BEN_LAM = "2025-phuong-ben-lam.md"
PHU_LAM = "2025-xa-phu-lam.md"
VONG_LAM = "2024-phuong-vong-lam.txt"


def audit(*args: str) -> dict:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def report() -> dict:
    return audit("corpus", str(FIXTURES))


def findings(document: dict, plan: str) -> list[dict]:
    return [f for f in document["findings"] if Path(f["path"]).name == plan]


def the_finding(document: dict, plan: str, code: str, line: int) -> dict:
    found = [f for f in findings(document, plan) if f["rule"] == code and f["line"] == line]
    assert len(found) == 1, [(f["rule"], f["line"], f["parent_line"]) for f in findings(document, plan)]
    return found[0]


def requirements(document: dict, plan: str) -> list[dict]:
    return next(p for p in document["plans"] if Path(p["path"]).name == plan)["requirements"]


def assigned_lines(document: dict, plan: str) -> set[int]:
    """The parent lines whose duties bind the plan (not the topics the parent only lists)."""
    return {r["parent_line"] for r in requirements(document, plan) if r["weight"] == "assigned"}


# --- lead-in sentence binding the communes to the list below it, across sub-headings a) b) -----------


def test_lead_in_list_binds_each_item_across_its_sub_headings(report):
    for plan in (BEN_LAM, PHU_LAM):
        assert {82, 86, 88} <= assigned_lines(report, plan), plan
        assert not {78, 80, 84} & assigned_lines(report, plan), plan  # the lead-in and sub-headings


def test_lead_in_item_lower_frequency_is_reported_at_the_item(report):
    finding = the_finding(report, BEN_LAM, "KETHUA011", 38)
    assert finding["parent_line"] == 82
    assert Path(finding["parent_path"]).name == PROVINCE_2025
    assert finding["concept"] == "deliverable.chuyen_muc"
    assert finding["message"].startswith("Cấp trên yêu cầu thực hiện hằng tuần (dòng 82: ")
    assert '"Một cửa gần dân" hằng tuần' in finding["message"]
    assert finding["message"].endswith("kế hoạch ghi hằng tháng.")


# --- appendix task table: chủ trì binds, phối hợp does not -------------------------------------------


def test_appendix_rows_bind_where_the_communes_lead_not_where_they_assist(report):
    for plan in (BEN_LAM, PHU_LAM):
        lines = assigned_lines(report, plan)
        assert {118, 119} <= lines, plan  # chủ trì alone; chủ trì shared with a Sở
        assert not {117, 120} & lines, plan  # the communes only phối hợp
    assert not [f for f in report["findings"] if Path(f["path"]).name in (BEN_LAM, PHU_LAM)
                and f["parent_line"] in (117, 120)]


def test_appendix_row_weaker_count_is_reported_at_the_plans_line(report):
    finding = the_finding(report, BEN_LAM, "KETHUA010", 42)  # 03 a quarter is 12 a year, 24 asked
    assert finding["parent_line"] == 118
    assert "02 tin, bài/tháng" in finding["message"] and "03 tin, bài" in finding["message"]
    assert finding["evidence"] == "4. Trang thông tin điện tử của phường đăng 03 tin, bài mỗi quý về cải cách hành chính."
    met = next(r for r in requirements(report, PHU_LAM) if r["parent_line"] == 118)
    assert met["status"] == "covered" and 46 in [e["line"] for e in met["evidence"]]  # 03 tin, bài mỗi tháng


# --- one sentence, one date per level: the child's level's date counts ---------------------------------


def test_per_level_sentence_holds_the_commune_to_its_own_date(report):
    finding = the_finding(report, BEN_LAM, "KETHUA012", 52)
    assert finding["parent_line"] == 94
    assert finding["message"].startswith('Kế hoạch hẹn "15/10/2025", muộn hơn thời hạn cấp trên giao "05/10/2025" (dòng 94: ')
    met = next(r for r in requirements(report, PHU_LAM) if r["parent_line"] == 94)
    assert met["status"] == "covered"  # xã Phù Lam reports by 03/10/2025: after the sở's 25/9, before 05/10
    assert not [f for f in findings(report, PHU_LAM) if f["parent_line"] == 94]


# --- a pilot naming one commune binds it and not its siblings ------------------------------------------


def test_pilot_named_for_one_commune_binds_only_that_commune(report):
    assert 92 in assigned_lines(report, PHU_LAM)
    assert 92 not in assigned_lines(report, BEN_LAM)
    assert not [f for f in report["findings"] if f["parent_line"] == 92]


def test_pilot_left_out_by_the_named_commune_is_a_missing_task(tmp_path):
    shutil.copy(FIXTURES / PROVINCE_2025, tmp_path)
    kept = [line for line in (FIXTURES / PHU_LAM).read_text(encoding="utf-8").splitlines() if "Bản đồ số" not in line]
    (tmp_path / PHU_LAM).write_text("\n".join(kept) + "\n", encoding="utf-8")
    document = audit("corpus", str(tmp_path))
    at_pilot = [(f["rule"], f["parent_line"]) for f in findings(document, PHU_LAM) if f["parent_line"] == 92]
    assert at_pilot == [("KETHUA002", 92)]


# --- the 2025 two-level pair: province -> phường, no district ---------------------------------------


def test_2025_commune_implements_the_province_directly(report):
    plans = {Path(p["path"]).name: p for p in report["plans"]}
    for plan in (BEN_LAM, PHU_LAM):
        assert Path(plans[plan]["parent"]).name == PROVINCE_2025
    assert not [f for f in report["findings"] if f["rule"] in ("KETHUA007", "KETHUA015")]
    assert findings(report, PHU_LAM) == []


def test_2025_report_to_an_abolished_city_office(report):
    finding = the_finding(report, BEN_LAM, "KETHUA014", 50)
    assert finding["parent_line"] == 74 and '"Phòng Nội vụ thành phố"' in finding["message"]


# --- declined clauses ------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "parent_line", "label", "said"), [
    (54, 88, "Đối thoại, tiếp công dân", "tạm hoãn đến khi phường ổn định trụ sở làm việc mới"),
    (66, 119, "Tập huấn, bồi dưỡng", "sẽ thực hiện khi được bố trí kinh phí"),
])
def test_declined_duty_is_reported_with_the_plans_words(report, line, parent_line, label, said):
    finding = the_finding(report, BEN_LAM, "KETHUA009", line)
    assert finding["parent_line"] == parent_line
    assert finding["message"].startswith(f'Kế hoạch không nhận thực hiện "{label}" mà cấp trên giao (dòng {parent_line}: ')
    assert said in finding["message"]


# --- a commune citing two parents: the province and the city ----------------------------------------


def test_two_parents_are_both_traced(report):
    texts = {r["parent_line"]: r["text"] for r in requirements(report, VONG_LAM) if r["weight"] == "assigned"}
    assert "ít nhất 100 phiếu" in texts[72]  # the city's duty for its wards
    assert "ít nhất 02 lần mỗi tháng" in texts[159]  # the province's duty for every commune


def test_two_parents_shortfall_names_the_parent_it_is_measured_against(report):
    finding = the_finding(report, VONG_LAM, "KETHUA011", 36)
    assert finding["parent_line"] == 159
    assert Path(finding["parent_path"]).name == PROVINCE_2024
    assert "ít nhất 02 lần mỗi tháng" in finding["message"]
    assert finding["message"].endswith("kế hoạch ghi hằng quý.")


def test_two_parents_shortfall_against_the_city(report):
    finding = the_finding(report, VONG_LAM, "KETHUA010", 56)
    assert finding["parent_line"] == 72 and Path(finding["parent_path"]).name == CITY_2024
    assert "100 phiếu" in finding["message"] and "60 phiếu" in finding["message"]


def test_two_parents_timing_uses_the_date_set_for_communes(report):
    assert not [f for f in findings(report, VONG_LAM) if f["rule"] == "KETHUA006"]


def test_expected_parent_files_are_the_ones_measured_against(report):
    """EXPECTED.yaml names the parent file of a finding where the plan has two parents."""
    expected = yaml.safe_load((FIXTURES / "EXPECTED.yaml").read_text(encoding="utf-8"))["plans"]
    named = [(plan, row) for plan, rows in expected.items() for row in rows or [] if "parent" in row]
    assert named
    for plan, row in named:
        finding = the_finding(report, plan, row["code"], row["line"])
        assert Path(finding["parent_path"]).name == row["parent"], (plan, row)
