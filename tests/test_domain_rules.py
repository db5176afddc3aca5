"""The domain and completeness rules a provincial reviewer expects: PCI and PAPI rank provinces
(NOIDUNG003), no district body acts in a plan from 1/7/2025 (NOIDUNG004), a plan has dates to be
held to (CAUTRUC005), and, when selected, says how it is funded (CAUTRUC006)."""

from __future__ import annotations

import pytest

from tests.test_hygiene import CLOSING, TOP, findings

HEADER_2025 = TOP + "Số: 03/KH-UBND | Tiền Tiến, ngày 28 tháng 7 năm 2025\n\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n\n"


def plan(body: str, header: str = "") -> str:
    header = header or HEADER_2025.replace("2025", "2024").replace("ngày 28 tháng 7", "ngày 02 tháng 01")
    return header + body + "\n" + CLOSING


@pytest.mark.parametrize(("line", "written"), [
    ("- Nâng cao chỉ số năng lực cạnh tranh cấp huyện (PCI) của địa phương.", "cấp huyện (PCI)"),
    ("- Tuyên truyền kết quả Chỉ số PAPI của xã năm 2023.", "PAPI của xã"),
])
def test_noidung003_a_provincial_index_given_to_a_district_or_commune(tmp_path, line, written):
    [f] = findings(tmp_path, plan("II. NỘI DUNG TUYÊN TRUYỀN\n" + line), "NOIDUNG003")
    assert (f.line, f.severity.value) == (9, "warning")
    assert f.message.startswith(f'"{written}": ')


@pytest.mark.parametrize("line", [
    "- Kết quả Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số PAPI của tỉnh.",
    "- Phối hợp khảo sát PAPI tại xã theo kế hoạch của tỉnh.",
    "- Nâng cao Chỉ số năng lực cạnh tranh cấp huyện (DDCI).",
])
def test_noidung003_the_right_level_raises_nothing(tmp_path, line):
    assert findings(tmp_path, plan("II. NỘI DUNG TUYÊN TRUYỀN\n" + line), "NOIDUNG003") == []


def test_noidung004_district_bodies_in_a_plan_from_july_2025(tmp_path):
    body = ("III. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa và Thông tin huyện chủ trì.\n"
            "2. Văn phòng HĐND và UBND xã tổng hợp, báo cáo UBND huyện.\n")
    found = findings(tmp_path, plan(body, HEADER_2025), "NOIDUNG004")
    assert [(f.line, f.message.split('"')[1]) for f in found] == [
        (9, "Phòng Văn hóa và Thông tin huyện"), (10, "UBND huyện")]
    # the same plan dated before 1/7/2025 had a district to report to
    assert findings(tmp_path, plan(body), "NOIDUNG004") == []
    # a plan of 2025 that only recalls the district's end names no actor
    recalled = "I. MỤC ĐÍCH\n- Hướng dẫn người dân sau khi kết thúc hoạt động của UBND huyện.\n"
    assert findings(tmp_path, plan(recalled, HEADER_2025), "NOIDUNG004") == []


def test_cautruc005_a_plan_needs_a_date_to_be_held_to(tmp_path):
    ongoing = "II. NỘI DUNG TUYÊN TRUYỀN\n- Thường xuyên tuyên truyền về cải cách hành chính.\n"
    [f] = findings(tmp_path, plan(ongoing), "CAUTRUC005")
    assert (f.line, f.severity.value) == (None, "warning")
    for dated in ("- Hoàn thành trước ngày 30/11/2024.", "- Quý II/2024: tổ chức hội nghị.",
                  "\nIV. THỜI GIAN THỰC HIỆN\nTheo kế hoạch của UBND huyện."):
        assert findings(tmp_path, plan(ongoing + dated), "CAUTRUC005") == [], dated


def test_cautruc006_funding_is_opt_in_and_reads_the_whole_plan(tmp_path):
    from click.testing import CliRunner

    from audit.cli import main

    path = tmp_path / "ke-hoach.txt"
    path.write_text(plan("II. NỘI DUNG TUYÊN TRUYỀN\n- Tuyên truyền về cải cách hành chính."), encoding="utf-8")
    [f] = findings(tmp_path, path.read_text(encoding="utf-8"), "CAUTRUC006")
    assert f.message == ('Kế hoạch không nói đến kinh phí ("kinh phí", "ngân sách", "nguồn vốn", "dự toán"): '
                         "nêu nguồn kinh phí thực hiện.")
    funded = plan("II. NỘI DUNG TUYÊN TRUYỀN\n- Chi từ nguồn Ngân sách xã năm 2024.")
    assert findings(tmp_path, funded, "CAUTRUC006") == []
    default = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--fail-on", "never"])
    assert '"CAUTRUC006"' not in default.stdout  # off unless selected by its code
    chosen = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", "CAUTRUC006"])
    assert '"CAUTRUC006"' in chosen.stdout
