"""The default pack on the five real plans: exactly the findings a careful reviewer accepts.

Each expected finding was checked against the plan's text (see the comments); a new finding or a
lost one on these plans is a change of accuracy to look at, not noise.
"""

from __future__ import annotations

import pytest

from audit.engine.context import CheckContext
from audit.engine.engine import run_rules
from audit.engine.packs import load_rules
from audit.pipeline import load_plan
from tests.conftest import seed

EXPECTED = {
    # Every seed is a portal copy that lost its header table: its number and date are THETHUC010's
    # (tests/test_hygiene_seeds.py), not THETHUC001's and 002's.
    # Xã Định Biên 2022: the text has no "Số:" or date line; only TTHC (and one-stop) among the
    # six reform areas; no unit is asked to report ("báo cáo" appears nowhere).
    "000": [
        ("NOIDUNG002", 28, None, None),
        ("SANPHAM002", 52, "deliverable.bao_cao", None),
    ],
    # Sở TT&TT Gia Lai 2022: no header number or date; "UBND tỉnh (báo cáo)" in Nơi nhận is not a
    # reporting duty, and the body sets none; no quarter, month or deadline anywhere, only
    # "thường xuyên" and "hàng tuần".
    "001": [
        ("SANPHAM002", 89, "deliverable.bao_cao", None),
        ("CAUTRUC005", None, None, None),
    ],
    # Sở Xây dựng Tây Ninh 2021, a draft ("Số: /KH-SXD ... ngày tháng năm 2021"): PAR Index is named
    # only in a preamble citation, SIPAS not at all; content is TTHC only; products are minutes and
    # counts, no news articles; no reporting.
    "002": [
        ("CHISO001", 50, "indicator.par_index", None),
        ("CHISO002", 50, "indicator.sipas", None),
        ("NOIDUNG002", 50, None, None),
        ("SANPHAM001", 62, "deliverable.tin_bai", None),
        ("SANPHAM002", 84, "deliverable.bao_cao", None),
    ],
    # Huyện Gò Dầu 2022: "Số: /KH-UBND" with the number left blank (in THETHUC010's finding). Its
    # forms are sections by channel ("2. Tuyên truyền trên Cổng thông tin điện tử huyện ..."), so no CAUTRUC002.
    # No date to hold it to (only "thường xuyên", "định kỳ"); line 81 calls PCI and PAPI indices
    # "cấp huyện" (both rank provinces; the district's is DDCI).
    "003": [
        ("CAUTRUC005", None, None, None),
        ("NOIDUNG003", 81, None, None),
        ("NOIDUNG003", 81, None, None),
    ],
    # Xã Tiền Tiến 2024: complete.
    "004": [],
}


# The document-hygiene rules added after this list have their own seed test (tests/test_hygiene_seeds.py).
HYGIENE_ONLY = ("NHATQUAN", "CHINHTA", "THETHUC004", "THETHUC005", "THETHUC006", "THETHUC007", "THETHUC008",
                "THETHUC009", "THETHUC010")


def findings_of(prefix: str):
    rules = [r for r in load_rules() if r.enabled and not r.code.startswith(HYGIENE_ONLY)]
    return run_rules(load_plan(seed(prefix)), rules, CheckContext())


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_gets_exactly_the_findings_a_reviewer_accepts(prefix):
    got = findings_of(prefix)
    assert sorted((f.rule, f.line, f.concept) for f in got) == sorted((rule, line, concept) for rule, line, concept, _ in EXPECTED[prefix])
    for rule, _, _, message in EXPECTED[prefix]:
        if message:
            assert next(f.message for f in got if f.rule == rule) == message


def test_seed_messages_name_the_missing_items_and_where_they_belong():
    by_rule = {f.rule: f for f in findings_of("002")}
    assert by_rule["CHISO001"].message == (
        'Chưa nêu Chỉ số cải cách hành chính (PAR INDEX); cần bổ sung ở phần "2. Nội dung kế hoạch".'
    )
    assert by_rule["SANPHAM001"].message == 'Chưa nêu sản phẩm Tin, bài; cần bổ sung ở phần "b) Sản phẩm, kết quả dự kiến".'
    assert by_rule["NOIDUNG002"].message.startswith(
        "Chỉ nêu 1/6 lĩnh vực cải cách của NQ 76/NQ-CP (cần ít nhất 3); chưa nêu: Cải cách thể chế; "
    )
    assert "THETHUC001" not in by_rule  # the blank number of a copy is in THETHUC010's one finding


def test_fingerprints_are_stable_and_ignore_line_numbers(tmp_path):
    original = {f.rule: f.fingerprint for f in findings_of("002")}
    moved = tmp_path / seed("002").name
    moved.write_text("\n\n\n" + seed("002").read_text(encoding="utf-8"), encoding="utf-8")
    shifted = run_rules(load_plan(moved), [r for r in load_rules() if r.enabled and not r.code.startswith(HYGIENE_ONLY)], CheckContext())
    assert {f.rule: f.line for f in shifted}["CHISO001"] == 53
    assert {f.rule: f.fingerprint for f in shifted} == original
    assert len(set(original.values())) == len(original)
