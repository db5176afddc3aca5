"""Channels and indicators of the five real plans, as a careful reviewer reads them.

For each seed: concept id -> the lines where the plan names it as its own channel or indicator.
The matcher must find exactly these channel.* and indicator.* ids (none missed, none invented),
and every listed line must be among its evidence lines. Notes say why where the reading is not
obvious.
"""

from __future__ import annotations

import pytest

from audit.pipeline import load_plan
from audit.text.matcher import find_matches
from tests.conftest import seed

EXPECTED: dict[str, dict[str, set[int]]] = {
    # xã Định Biên 2022. Line 44 writes "băng băng zôn"; line 108 "nghiêm yết" (a typo of niêm yết).
    "000": {
        "channel.truyen_thanh": {44, 46, 62, 64, 66},  # "Hệ thống tiếp sóng Truyền thanh", "cụm loa xóm"
        "channel.hoi_nghi": {44, 46, 64, 66},
        "channel.truc_quan": {44, 50, 62, 102},
        "channel.niem_yet": {48, 108},
        "channel.an_pham": {50},
        "channel.luu_dong": {50, 100, 102},
        "channel.san_khau": {50},
        "channel.cong_ttdt": {62, 66, 82, 98},
        "channel.hoi_thi": {92},  # "các cuộc thi tìm hiểu" with CCHC content woven in
        "channel.doi_thoai": {110},
        "indicator.par_index": {98},
        "indicator.pci": {98},
        "indicator.papi": {98},
        "indicator.sipas": {84},  # "khảo sát mức độ hài lòng"
    },
    # Sở TT&TT Gia Lai 2022. Line 57 names "Hội nghị lần thứ sáu Ban Chấp hành Trung ương" twice: a
    # party plenum, no meeting channel. The recipients "Báo Gia Lai; Đài PT-TH" (135) do not count.
    "001": {
        "channel.bao_chi": {19, 77, 79, 83, 93, 111, 121, 125},
        "channel.cong_dvc": {75},
        "channel.cong_ttdt": {75, 97, 99},
        "channel.an_pham": {85, 101},  # "tờ rời" (sic), "tờ gấp"
        "channel.hoi_thi": {83, 101},  # "Cuộc thi báo chí"
        "channel.truyen_thanh": {115, 117, 123},
        "indicator.par_index": {63},  # "Chỉ số CCHC"
        "indicator.sipas": {63},  # "Chỉ số đo lường sự hài lòng"
    },
    # Sở Xây dựng Tây Ninh 2021. PCI, ICT, PAPI, PAR Index appear only in the "Căn cứ" of line 10.
    "002": {
        "channel.cong_ttdt": {22, 54, 76},
        "channel.bao_chi": {22},
        "channel.hoi_nghi": {54, 70, 80, 88},  # "cuộc họp giao ban", "buổi giao ban, họp định kỳ"
        "channel.tap_huan": {56},
        "channel.cong_dvc": {56},  # "Cổng Hành chính công tỉnh Tây Ninh trên mạng xã hội Zalo"
        "channel.zalo": {56},
        "channel.an_pham": {70},  # "Biên soạn tài liệu"
        "channel.niem_yet": {76, 96},
        "channel.doi_thoai": {78, 98},
    },
    # huyện Gò Dầu 2022. "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện" (129, 141) is a unit;
    # the plan never names the radio itself as a channel. "chỉ số năng lực cạnh tranh cấp huyện
    # (PCI)" is called PCI by the plan.
    "003": {
        "channel.truc_quan": {31},
        "channel.an_pham": {31, 99},
        "channel.san_khau": {31},  # "hoạt động văn hóa, văn nghệ"
        "channel.niem_yet": {23, 31},
        "channel.hoi_nghi": {55},
        "channel.cong_dvc": {57, 77, 87, 105, 109, 115, 133, 135},
        "channel.zalo": {57, 65, 77, 105, 115, 133, 135, 141},
        "channel.cong_ttdt": {63, 65, 85, 117, 141},
        "channel.facebook": {65, 141},
        "channel.bao_chi": {73, 85, 131},
        "channel.sms": {77},
        "channel.tap_huan": {59, 109, 115, 117},
        "channel.hoi_thi": {135},
        "channel.doi_thoai": {135},  # "các buổi hỏi đáp trực tuyến"
        "indicator.par_index": {81},
        "indicator.pci": {81},
        "indicator.papi": {81},
        "indicator.sipas": {81},
    },
    # xã Tiền Tiến 2024. "Công thông tin điện tử" (sic) on 85, 87 and in the appendix (185).
    "004": {
        "indicator.par_index": {21},  # "Chỉ số cải cách hành chính (PAR INDEX)"
        "channel.cong_ttdt": {51, 73, 85, 87, 114, 121, 127, 185},
        "channel.hoi_nghi": {51, 81},
        "channel.truc_quan": {51},  # "pa nô, áp phích"
        "channel.doi_thoai": {53},  # "tuyên truyền thông qua tiếp công dân"
        "channel.duong_day_nong": {57, 61},
        "channel.truyen_thanh": {91, 93, 130, 132, 184, 186},  # 93: "trên loa của khu"
        "channel.niem_yet": {93, 115},
        "channel.tap_huan": {77, 95, 109},
        "channel.bao_chi": {117},
        "indicator.sipas": {138},  # "mức độ hài lòng"
    },
}

# Lines a concept must NOT cite as evidence: the traps of these plans.
NOT_EVIDENCE = [
    ("001", "channel.bao_chi", 135),  # the recipients list
    ("001", "channel.truyen_thanh", 19),  # "đài phát thanh, đài truyền hình ở tỉnh": the press
    ("003", "channel.truyen_thanh", 129),  # the unit's heading
    ("004", "channel.cong_ttdt", 11),  # the preamble
]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_channels_and_indicators_of_the_seed(prefix: str) -> None:
    plan = load_plan(seed(prefix))
    found = {c.id: {e.line for e in c.evidence} for c in plan.concepts if c.id.startswith(("channel.", "indicator."))}
    expected = EXPECTED[prefix]
    assert sorted(set(found) - set(expected)) == [], "invented"
    assert sorted(set(expected) - set(found)) == [], "missed"
    missing_lines = {concept: sorted(lines - found[concept]) for concept, lines in expected.items() if lines - found[concept]}
    assert missing_lines == {}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_evidence_quotes_the_source_line(prefix: str) -> None:
    plan = load_plan(seed(prefix))
    for concept in plan.concepts:
        assert [e.line for e in concept.evidence] == sorted({e.line for e in concept.evidence})
        for evidence in concept.evidence:
            assert evidence.text == plan.line_text(evidence.line)
            assert evidence.matched and evidence.matched in evidence.text


@pytest.mark.parametrize(("prefix", "concept", "line"), NOT_EVIDENCE)
def test_traps_are_not_evidence(prefix: str, concept: str, line: int) -> None:
    hit = load_plan(seed(prefix)).concept(concept)
    assert hit is None or line not in [e.line for e in hit.evidence]


def test_the_loudspeaker_and_the_misspelt_portal_of_seed_004() -> None:
    plan = load_plan(seed("004"))
    line93 = plan.line_text(93)
    assert "loa" in [line93[m.start : m.end] for m in find_matches(line93) if m.concept == "channel.truyen_thanh"]
    evidence85 = next(e for e in plan.concept("channel.cong_ttdt").evidence if e.line == 85)
    assert (evidence85.matched, evidence85.score) == ("Công thông tin điện tử", 0.9)
