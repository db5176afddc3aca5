"""The five real plans, parsed as a careful reader reads them: header, citations, sections, closing."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.pipeline import load_plan
from audit.parse.sections import walk
from tests.conftest import seed

HEADERS = {
    # seed: doc_type, number, symbol, date, place, issuer, level, year
    "000": ("KH", None, None, None, None, "Ủy ban nhân dân xã Định Biên", "xa", 2022),
    "001": ("KH", None, None, None, None, "Sở Thông tin và Truyền thông", "so", 2022),
    "002": ("KH", None, "KH-SXD", None, "Tây Ninh", "Sở Xây dựng", "so", 2021),
    "003": ("KH", None, "KH-UBND", dt.date(2022, 5, 6), "Gò Dầu", "Ủy ban nhân dân huyện Gò Dầu", "huyen", 2022),
    "004": ("KH", "02", "KH-UBND", dt.date(2024, 1, 2), "Tiền Tiến", "Ủy ban nhân dân xã Tiền Tiến", "xa", 2024),
}

TITLES = {
    "000": "Tuyên truyền cải cách hành chính xã Định Biên năm 2022",
    "001": "Tuyên truyền công tác cải cách hành chính năm 2022 của ngành Thông tin và Truyền thông",
    "002": "Tuyên truyền cải cách hành chính năm 2021",
    "003": "Tuyên truyền cải cách hành chính và kiểm soát thủ tục hành chính năm 2022 trên địa bàn huyện Gò Dầu",
    "004": "Tuyên truyền về Cải cách hành chính năm 2024 trên địa bàn xã Tiền Tiến, thành phố Hải Dương, tỉnh Hải Dương",
}

CITATIONS = {
    # relation, doc_type, number, symbol, date, issuer, line
    "000": [("can_cu", "KH", "05", "KH-UBND", dt.date(2022, 1, 5), "Ủy ban nhân dân huyện Định Hóa", 6)],
    "001": [("thuc_hien", "QĐ", "925", "QĐ-UBND", dt.date(2021, 12, 24), "Ủy ban nhân dân tỉnh Gia Lai", 7)],
    "002": [
        ("can_cu", "QĐ", "2818", "QĐ-UBND", dt.date(2021, 1, 20), "Ủy ban nhân dân tỉnh", 8),
        ("can_cu", "KH", "89", "KH-UBND", dt.date(2021, 1, 13), "Ủy ban nhân dân tỉnh", 10),
        ("can_cu", "KH", "149", "KH-SXD", dt.date(2021, 1, 20), "Sở Xây dựng", 12),
    ],
    "003": [("thuc_hien", "KH", "1183", "KH-UBND", dt.date(2022, 4, 8), "Ủy ban nhân dân tỉnh Tây Ninh", 11)],
    "004": [("thuc_hien", "KH", "442", "KH-UBND", dt.date(2023, 12, 28), "Ủy ban nhân dân thành phố Hải Dương", 11)],
}

TOP_SECTIONS = {
    # marker, line, kinds
    "000": [("I", 8, ["muc_dich", "yeu_cau"]), ("II", 28, ["noi_dung", "hinh_thuc"]), ("III", 52, ["to_chuc_thuc_hien"])],
    "001": [("I", 9, ["muc_dich", "yeu_cau", "doi_tuong"]), ("II", 41, ["noi_dung"]), ("III", 73, ["hinh_thuc"]),
            ("IV", 89, ["to_chuc_thuc_hien"])],
    "002": [("1", 16, ["muc_dich", "yeu_cau", "doi_tuong"]), ("2", 50, ["noi_dung"]), ("3", 84, ["to_chuc_thuc_hien"]),
            ("4", 92, ["thoi_gian"])],
    "003": [("I", 15, ["muc_dich", "yeu_cau"]), ("II", 45, ["noi_dung"]), ("III", 119, ["to_chuc_thuc_hien"])],
    "004": [("I", 15, ["muc_dich", "yeu_cau"]), ("II", 43, ["noi_dung"]), ("III", 79, ["hinh_thuc"]),
            ("IV", 99, ["to_chuc_thuc_hien"])],
}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_as_a_reader_sees_it(name):
    h = load_plan(seed(name)).header
    assert (h.doc_type, h.number, h.symbol, h.date, h.place, h.issuer, h.level, h.year) == HEADERS[name]
    assert h.title == TITLES[name]


@pytest.mark.parametrize("name", sorted(CITATIONS))
def test_every_preamble_citation(name):
    plan = load_plan(seed(name))
    got = [(c.relation, c.doc_type, c.number, c.symbol, c.date, c.issuer, c.line) for c in plan.citations]
    assert got == CITATIONS[name]


@pytest.mark.parametrize("name", sorted(TOP_SECTIONS))
def test_top_level_sections_and_kinds(name):
    plan = load_plan(seed(name))
    assert [(s.marker, s.line, s.kinds) for s in plan.sections] == TOP_SECTIONS[name]


def test_nested_sections_inherit_nothing_but_carry_their_own_kinds():
    plan = load_plan(seed("000"))
    trach_nhiem = plan.sections[2].children[2]
    assert (trach_nhiem.marker, trach_nhiem.kinds) == ("3", ["to_chuc_thuc_hien"])
    assert [c.marker for c in trach_nhiem.children] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    assert plan.sections[2].children[1].kinds == ["thoi_gian"]  # "2. Thời gian thực hiện:"
    # A decimal sub-heading ends where the next one starts.
    assert (trach_nhiem.children[0].line, trach_nhiem.children[0].end_line) == (72, 75)


def test_long_numbered_paragraphs_get_no_kind_from_their_later_words():
    plan = load_plan(seed("004"))
    # "1. Xây dựng và tổ chức thực hiện, hoàn thành 100% nhiệm vụ ..." is content, not "Tổ chức thực hiện".
    first_item = plan.sections[1].children[0]
    assert first_item.line == 45 and first_item.kinds == []
    # "2. Công khai thủ tục hành chính, thời gian giải quyết, ..." is not a "Thời gian" section.
    assert plan.sections[2].children[1].kinds == []


def test_units_and_their_roles_in_to_chuc_thuc_hien():
    plan = load_plan(seed("004"))
    names = [u.name for u in plan.units]
    assert names[:5] == ["Công chức Văn phòng Đảng ủy - Nội Vụ", "Văn phòng HĐND & UBND xã", "Công chức Tư pháp",
                         "Công chức Văn hóa Thông tin", "Đài phát thanh xã"]
    mat_tran = next(u for u in plan.units if u.name == "Ủy ban Mặt trận Tổ quốc xã")
    assert mat_tran.roles == ["de_nghi"] and mat_tran.tasks[0].line == 138


def test_role_lines_name_lead_and_support_units():
    plan = load_plan(seed("003"))
    units = {u.name: u for u in plan.units}
    assert "chu_tri" in units["Phòng Văn hóa và Thông tin huyện"].roles  # "- Chủ trì, tham mưu ..." (line 123)
    assert "phoi_hop" in units["Các cơ quan đảng, các tổ chức chính trị - xã hội"].roles  # "b) Cơ quan phối hợp:"
    communes = units["Ủy ban nhân dân các xã, thị trấn"]
    assert [t.line for t in communes.tasks] == [149, 151]


def test_closing_recipients_signer_and_appendix():
    plan = load_plan(seed("004"))
    assert [r.line for r in plan.recipients] == [154, 155, 156, 157, 158, 159]
    assert plan.recipients[-1].text == "Lưu: VP."
    s = plan.signer
    assert (s.prefix, s.authority, s.position, s.name, s.line) == ("TM", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Hợp", 161)
    a = plan.appendix
    assert a.line == 177
    # The appendix says it belongs to plan 01 of 01/01/2024 while the plan is 02 of 02/01/2024 (a real slip).
    assert (a.attached_to.number, a.attached_to.symbol, a.attached_to.date) == ("01", "KH-UBND", dt.date(2024, 1, 1))
    table = a.tables[0]
    assert table.columns[:3] == ["STT", "NỘI DUNG", "SẢN PHẨM"]
    assert len(table.rows) == 6 and table.rows[5]["NỘI DUNG"].startswith("Báo cáo 6 tháng")
    assert table.row_lines[0] == 183


def test_signer_with_kt_prefix_and_no_name():
    s = load_plan(seed("002")).signer
    assert (s.prefix, s.authority, s.position, s.name) == ("KT", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", None)


def test_body_mentions_keep_dates_and_flag_missing_years():
    plan = load_plan(seed("004"))
    by_ref = {(m.reference, m.line): m for m in plan.mentions}
    no_year = by_ref[("3396/QĐ-UBND", 59)]
    assert no_year.date is None and no_year.date_text == "ngày 15 tháng 12"
    assert by_ref[("61/2024/NĐ-CP", 61)].date == dt.date(2024, 8, 16)
    party = load_plan(seed("001")).mentions
    assert ("18-NQ/TW", 57) in {(m.reference, m.line) for m in party}


def test_timeline_quarters_and_recurring_duties():
    plan = load_plan(seed("000"))
    quarters = [(t.value, t.line) for t in plan.timeline if t.kind == "quarter"]
    assert quarters == [("Q1/2022", 62), ("Q2/2022", 64), ("Q3/2022", 66), ("Q4/2022", 68)]
    plan = load_plan(seed("002"))
    assert ("Q4/2021", 98) in [(t.value, t.line) for t in plan.timeline if t.kind == "quarter"]


def test_every_section_lies_within_the_body():
    for name in HEADERS:
        plan = load_plan(seed(name))
        for section, _ in walk(plan.sections):
            assert section.line <= section.end_line, (name, section.marker, section.line)
