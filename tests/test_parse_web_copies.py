"""Plan openings as copied from legal portals and commune sites, one layout per test (our own texts):
the header, citation and level read as from the typed document."""

from __future__ import annotations

import datetime as dt

from audit.pipeline import load_plan

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
Tuyên truyền trên Cổng thông tin điện tử và qua nhóm Zalo của các thôn.
"""


def plan_of(text: str, tmp_path):
    path = tmp_path / "ban-sao.txt"
    path.write_text(text + BODY, encoding="utf-8")
    return load_plan(path)


def header_of(plan) -> tuple:
    h = plan.header
    return h.issuer, h.level, h.number, h.symbol, h.date, h.place


def citations_of(plan) -> list[tuple]:
    return [(c.relation, c.number, c.symbol, c.date, c.issuer) for c in plan.citations]


def test_date_split_over_two_lines(tmp_path):
    plan = plan_of("""ỦY BAN NHÂN DÂN
XÃ KIM KHÊ
Số: 07/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kim Khê, ngày
05 tháng 3 năm 2023

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023

Thực hiện Kế hoạch số 35/KH-UBND ngày 30/01/2023 của Ủy ban nhân dân thành phố Bến Lam về tuyên truyền
cải cách hành chính năm 2023, Ủy ban nhân dân xã Kim Khê ban hành Kế hoạch như sau:
""", tmp_path)
    assert header_of(plan) == ("Ủy ban nhân dân xã Kim Khê", "xa", "07", "KH-UBND", dt.date(2023, 3, 5), "Kim Khê")
    assert plan.header.lines["date"] == 6  # the line where the date begins
    assert citations_of(plan) == [("thuc_hien", "35", "KH-UBND", dt.date(2023, 1, 30), "Ủy ban nhân dân thành phố Bến Lam")]


def test_date_cut_after_the_day_in_a_flattened_header(tmp_path):
    plan = plan_of("""ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ KIM KHÊ | Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND | Kim Khê, ngày 05
| tháng 3 năm 2023

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
""", tmp_path)
    assert header_of(plan) == ("Ủy ban nhân dân xã Kim Khê", "xa", "07", "KH-UBND", dt.date(2023, 3, 5), "Kim Khê")


def test_issuer_without_its_level_line_takes_the_unit_the_title_names(tmp_path):
    plan = plan_of("""ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND
Bến Lam, ngày 20 tháng 02 năm 2023

KẾ HOẠCH
TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC NĂM 2023 TRÊN ĐỊA BÀN TỈNH LAM GIANG

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách
hành chính nhà nước giai đoạn 2021 - 2030;
""", tmp_path)
    assert header_of(plan) == ("Ủy ban nhân dân tỉnh Lam Giang", "tinh", "41", "KH-UBND", dt.date(2023, 2, 20), "Bến Lam")
    assert citations_of(plan) == [("can_cu", "76", "NQ-CP", dt.date(2021, 7, 15), "Chính phủ")]


def test_issuer_without_its_level_line_takes_the_unit_of_the_issuers_own_statement(tmp_path):
    plan = plan_of("""ỦY BAN NHÂN DÂN
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phù Lam, ngày 02 tháng 02 năm 2023

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023

Thực hiện Kế hoạch số 20/KH-UBND ngày 16/01/2023 của Ủy ban nhân dân tỉnh Lam Giang, Ủy ban nhân dân
huyện Phù Lam ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 như sau:
""", tmp_path)
    assert header_of(plan)[:2] == ("Ủy ban nhân dân huyện Phù Lam", "huyen")


def test_portal_boilerplate_and_metadata_above_the_header_are_skipped(tmp_path):
    plan = plan_of("""CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LAM GIANG
Trang chủ > Văn bản pháp luật > Kế hoạch
KẾ HOẠCH 12/KH-UBND NĂM 2023 TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN HUYỆN PHÙ LAM
Số hiệu: 12/KH-UBND
Loại văn bản: Kế hoạch
Nơi ban hành: Huyện Phù Lam
Người ký: Trần Văn Bình
Ngày ban hành: 26/01/2023
Tình trạng: Còn hiệu lực
Lượt xem: 1.204
UBND HUYỆN PHÙ LAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Phù Lam, ngày 26 tháng 01 năm 2023

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023

Thực hiện Kế hoạch số 20/KH-UBND ngày 16/01/2023 của Ủy ban nhân dân tỉnh Lam Giang về tuyên truyền cải
cách hành chính năm 2023, Ủy ban nhân dân huyện Phù Lam ban hành Kế hoạch như sau:
""", tmp_path)
    assert header_of(plan) == ("Ủy ban nhân dân huyện Phù Lam", "huyen", "12", "KH-UBND", dt.date(2023, 1, 26), "Phù Lam")
    assert plan.header.title == "Tuyên truyền cải cách hành chính năm 2023"
    assert plan.line_text(plan.header.lines["title"]) == "KẾ HOẠCH"
    assert plan.header.lines["issuer"] == 11
    assert citations_of(plan) == [("thuc_hien", "20", "KH-UBND", dt.date(2023, 1, 16), "Ủy ban nhân dân tỉnh Lam Giang")]


def test_number_glued_to_the_issuer_on_one_line(tmp_path):
    plan = plan_of("""ỦY BAN NHÂN DÂN XÃ TÂN KHÊ Số: 03/KH-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Khê, ngày 10 tháng 3 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
Thực hiện Kế hoạch số 12/KH-UBND ngày 26/01/2023 của Ủy ban nhân dân huyện Phù Lam về tuyên truyền cải cách hành chính năm 2023, Ủy ban nhân dân xã Tân Khê ban hành Kế hoạch như sau:
""", tmp_path)
    assert header_of(plan) == ("Ủy ban nhân dân xã Tân Khê", "xa", "03", "KH-UBND", dt.date(2023, 3, 10), "Tân Khê")
    assert plan.header.national_motto
    assert citations_of(plan) == [("thuc_hien", "12", "KH-UBND", dt.date(2023, 1, 26), "Ủy ban nhân dân huyện Phù Lam")]


def test_header_lines_glued_without_spaces(tmp_path):
    """Cells pasted together with no space between them: "DÂNPHƯỜNG", "LAMSố:", "NAMĐộc lập"."""
    plan = plan_of("""ỦY BAN NHÂN DÂNPHƯỜNG ĐỒNG LAMSố: 09/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc
Đồng Lam, ngày 14 tháng 02 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
""", tmp_path)
    assert header_of(plan) == ("Ủy ban nhân dân phường Đồng Lam", "xa", "09", "KH-UBND", dt.date(2023, 2, 14), "Đồng Lam")
    assert plan.header.national_motto
