"""What the trace tells a reviewer, on small plans written here: each requirement's status, the line
that commits to it and the terms it falls short on, the parent's dates and levels, and the share of
sentences copied from the parent. Written against the public functions (trace, copied_share and the
links), so that they hold whatever way the requirements are derived."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.model import Line
from audit.pipeline import load_plan
from audit.trace.copying import copied_share
from audit.trace.coverage import Settings, trace
from audit.trace.links import allowed_parent_levels, audit_parent, subordinate_deadline

HEADER = "ỦY BAN NHÂN DÂN {issuer}\nSố: {number}/KH-UBND\n{place}, ngày {date}\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm {year}\n"


@pytest.fixture
def write(tmp_path):
    def plan(name: str, issuer: str, date: str, body: str, number: str = "01"):
        path = tmp_path / name
        year = date.split()[-1]
        path.write_text(HEADER.format(issuer=issuer, number=number, place=issuer.split()[-1].title(), date=date,
                                      year=year) + body, encoding="utf-8")
        return load_plan(path)
    return plan


def statuses(result) -> list[tuple[str, str, int | None, list[str]]]:
    """(requirement's parent line as id, status, the committing line, shortfalls) per requirement."""
    return [(c.requirement.id, c.status, c.commitment.line if c.commitment else None, list(c.shortfalls))
            for c in result.coverage]


DISTRICT_2024 = """I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về cải cách hành chính.
II. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, thị trấn
- Báo cáo kết quả thực hiện về Phòng Nội vụ huyện trước ngày 15/12/2024.
- Phân công công chức theo dõi, đôn đốc các thôn và tổng hợp kết quả hằng quý.
"""
CITES_DISTRICT = "Thực hiện Kế hoạch số 09/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân huyện Đông Khê.\n"


def test_a_report_date_is_read_from_the_sentence_about_reporting_not_the_whole_line(write):
    parent = write("huyen.txt", "HUYỆN ĐÔNG KHÊ", "10 tháng 01 năm 2024", DISTRICT_2024, "09")
    child = write("xa.txt", "XÃ AN KHÊ", "20 tháng 01 năm 2024", CITES_DISTRICT + """I. MỤC ĐÍCH, YÊU CẦU
- Người dân biết nộp hồ sơ trực tuyến.
II. TỔ CHỨC THỰC HIỆN
- Báo cáo kết quả thực hiện về Phòng Nội vụ huyện trước ngày 10/12/2024; tổ chức tổng kết công tác tuyên truyền trước ngày 25/12/2024.
- Phân công theo dõi, đôn đốc các thôn, tổng hợp kết quả.
""")
    # 10/12 is in time; the later 25/12 belongs to the review meeting, not to the report
    assert statuses(trace(child, [parent])) == [("report:10", "covered", 10, []), ("task:11", "covered", 11, [])]


def test_the_packs_task_share_decides_whether_a_task_is_met(write):
    parent = write("huyen.txt", "HUYỆN ĐÔNG KHÊ", "10 tháng 01 năm 2024", DISTRICT_2024, "09")
    child = write("xa.txt", "XÃ AN KHÊ", "20 tháng 01 năm 2024", CITES_DISTRICT + """I. TỔ CHỨC THỰC HIỆN
- Phân công theo dõi, đôn đốc các thôn, tổng hợp kết quả.
""")
    # the line holds 10 of the task's 12 key words: met at 60%, not at 90%
    task = [c for c in trace(child, [parent]).coverage if c.requirement.category == "task"]
    assert [(c.status, [e.line for e in c.evidence]) for c in task] == [("covered", [8])]
    strict = [c for c in trace(child, [parent], Settings(task_share=0.9)).coverage if c.requirement.category == "task"]
    assert [(c.status, c.evidence) for c in strict] == [("missing", [])]


PROVINCE_2025 = """I. MỤC ĐÍCH, YÊU CẦU
- Người dân biết dùng Cổng Dịch vụ công quốc gia.
II. HÌNH THỨC TUYÊN TRUYỀN
- Zalo OA.
III. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, phường
- Xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2025 trước ngày 31/01/2025.
- Báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/12/2025.
"""
DRAFT_2025 = """Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh Hòa Sơn.
I. MỤC ĐÍCH, YÊU CẦU
- Người dân biết nộp hồ sơ trực tuyến.
II. TỔ CHỨC THỰC HIỆN
- Báo cáo kết quả thực hiện về Phòng Nội vụ huyện trước ngày 10/12/2025.
"""


def test_an_undated_draft_of_2025_reporting_to_a_district_body_names_only_the_defunct_recipient(write):
    parent = write("tinh.txt", "TỈNH HÒA SƠN", "05 tháng 01 năm 2025", PROVINCE_2025, "05")
    draft = write("xa.txt", "XÃ AN KHÊ", "   tháng   năm 2025", DRAFT_2025, "")
    assert draft.header.date is None and draft.header.year == 2025
    # the province's form (line 9) is listed; the Cổng DVC of the purpose (line 7) asks nothing;
    # "Zalo OA." is too short to judge by its words, and the plan does not name it: missing
    assert statuses(trace(draft, [parent])) == [
        ("concept:channel.zalo", "missing", None, []), ("task:12", "covered", None, []),
        ("report:13", "covered", 10, ["defunct_recipient"])]
    assert {c.requirement.parent_path for c in trace(draft, [parent]).coverage} == {parent.path}
    assert allowed_parent_levels(draft) == {"tinh"}  # dated by its year: after 1/7/2025


def test_a_plan_is_its_own_evidence_of_issuing_a_plan_and_shows_no_line_when_it_has_no_title(write, tmp_path):
    parent = write("tinh.txt", "TỈNH HÒA SƠN", "05 tháng 01 năm 2025", PROVINCE_2025, "05")
    titled = write("xa.txt", "XÃ AN KHÊ", "20 tháng 01 năm 2025", DRAFT_2025, "02")
    untitled = tmp_path / "khong-ten.txt"
    untitled.write_text("ỦY BAN NHÂN DÂN XÃ AN KHÊ\nSố: 02/KH-UBND\nAn Khê, ngày 20 tháng 01 năm 2025\n" + DRAFT_2025,
                        encoding="utf-8")

    def issuing(child):
        return [(c.status, [(e.line, e.text) for e in c.evidence]) for c in trace(child, [parent]).coverage
                if c.requirement.id == "task:12"]

    assert issuing(titled) == [("covered", [(4, "Tuyên truyền cải cách hành chính năm 2025")])]  # from "KẾ HOẠCH" on
    assert issuing(load_plan(untitled)) == [("covered", [])]


def test_the_parents_date_for_issuing_the_childs_plan_is_its_own_duty(write):
    parent = write("tinh.txt", "TỈNH HÒA SƠN", "05 tháng 01 năm 2025", PROVINCE_2025, "05")
    draft = write("xa.txt", "XÃ AN KHÊ", "   tháng   năm 2025", DRAFT_2025, "")
    assert subordinate_deadline(parent, draft) == (
        dt.date(2025, 1, 31), 12,
        "- Xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2025 trước ngày 31/01/2025.")


PROVINCE_2024 = """I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về cải cách hành chính.
II. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các huyện
- Báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/12/2024.
- Đăng tải ít nhất 02 tin bài mỗi tháng trên Trang thông tin điện tử của huyện.
"""


def test_the_line_that_falls_short_is_shown_and_a_duty_passed_to_the_communes_is_not_compared(write):
    parent = write("tinh.txt", "TỈNH HÒA SƠN", "05 tháng 01 năm 2024", PROVINCE_2024, "05")
    district = write("huyen.txt", "HUYỆN ĐÔNG KHÊ", "10 tháng 01 năm 2024", """Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh Hòa Sơn.
I. MỤC ĐÍCH, YÊU CẦU
- Người dân biết nộp hồ sơ trực tuyến.
II. HÌNH THỨC TUYÊN TRUYỀN
- Đăng tin bài về cải cách hành chính trên Trang thông tin điện tử huyện.
- Trang thông tin điện tử huyện đăng 01 tin bài mỗi tháng.
III. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, thị trấn
- Báo cáo kết quả thực hiện về Phòng Nội vụ huyện trước ngày 20/12/2024.
""", "09")
    # line 14 gives the communes their own date and recipient: theirs, not the district's, so no
    # shortfall; line 11 counts fewer news items than asked, line 10 counts none
    assert statuses(trace(district, [parent])) == [
        ("report:10", "covered", 14, []), ("concept:channel.cong_ttdt:11", "covered", 11, ["quantity"])]


def test_a_commune_that_has_its_villages_report_to_itself_names_no_other_recipient(write):
    parent = write("huyen.txt", "HUYỆN ĐÔNG KHÊ", "10 tháng 01 năm 2024", DISTRICT_2024, "09")
    child = write("xa.txt", "XÃ AN KHÊ", "20 tháng 01 năm 2024", CITES_DISTRICT + """I. TỔ CHỨC THỰC HIỆN
- Các thôn báo cáo kết quả thực hiện về Ủy ban nhân dân xã An Khê trước ngày 05/12/2024.
""")
    assert statuses(trace(child, [parent]))[0] == ("report:10", "covered", 8, [])


def test_a_duty_naming_only_a_topic_asks_for_it_and_the_first_of_equal_lines_meets_a_task(write):
    parent = write("huyen.txt", "HUYỆN ĐÔNG KHÊ", "10 tháng 01 năm 2024", """I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về cải cách hành chính.
II. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, thị trấn
- Tuyên truyền về cải cách thể chế.
- Phân công công chức theo dõi, đôn đốc các thôn và tổng hợp kết quả hằng quý.
""", "09")
    # line 8 names the parent's plan without quoting what it asks: the child's own commitment
    child = write("xa.txt", "XÃ AN KHÊ", "20 tháng 01 năm 2024", CITES_DISTRICT + """I. TỔ CHỨC THỰC HIỆN
- Để thực hiện Kế hoạch số 09/KH-UBND, phân công theo dõi, đôn đốc các thôn, tổng hợp kết quả.
- Văn phòng phân công theo dõi, đôn đốc các thôn, tổng hợp kết quả.
""")
    result = trace(child, [parent])
    assert statuses(result) == [("concept:content.the_che:10", "missing", None, []), ("task:11", "covered", 8, [])]
    assert [e.line for e in result.coverage[1].evidence] == [8]


def test_a_plan_without_date_or_year_may_have_a_parent_of_either_level_before_the_reform(tmp_path):
    path = tmp_path / "nhap.txt"
    path.write_text("ỦY BAN NHÂN DÂN XÃ AN KHÊ\nSố: /KH-UBND\nAn Khê, ngày   tháng   năm\nKẾ HOẠCH\n"
                    "Tuyên truyền cải cách hành chính\nI. MỤC ĐÍCH\n- Người dân biết nộp hồ sơ trực tuyến.\n", encoding="utf-8")
    draft = load_plan(path)
    assert (draft.header.level, draft.header.year, draft.header.date) == ("xa", None, None)
    assert allowed_parent_levels(draft) == {"huyen", "tinh"}


def test_a_parent_the_graph_resolves_is_the_one_audited(write):
    from audit.graph import PlanGraph

    parent = write("huyen.txt", "HUYỆN ĐÔNG KHÊ", "10 tháng 01 năm 2024", DISTRICT_2024, "09")
    child = write("xa.txt", "XÃ AN KHÊ", "20 tháng 01 năm 2024", CITES_DISTRICT + "I. TỔ CHỨC THỰC HIỆN\n- Thực hiện.\n")
    graph = PlanGraph([parent, child])
    assert audit_parent(graph, child.path) == parent.path and audit_parent(graph, parent.path) is None


# --- the copied share -----------------------------------------------------------------------------

SOURCE = "Tuyên truyền sâu rộng đến cán bộ, công chức và Nhân dân về cải cách thủ tục hành chính năm 2024."
# 90.43 against SOURCE (rapidfuzz ratio of the folded sentences): a copy at the default 90, not at 91
NEAR_COPY = "Tuyên truyền đến cán bộ, công chức và Nhân dân trong xã về cải cách thủ tục hành chính năm 2024."
OWN = "Mỗi thôn chọn một cách làm riêng, phù hợp với người dân của thôn."


def lines(*texts: str, start: int = 1) -> list[Line]:
    return [Line(number=n, text=text) for n, text in enumerate(texts, start=start)]


def test_a_near_copy_counts_at_the_default_similarity_with_its_lines_and_score():
    parent = lines("Kế hoạch này áp dụng cho toàn huyện Đông Khê trong năm 2024 và các năm sau.", SOURCE)
    child = lines("- " + NEAR_COPY + " " + OWN, "Thực hiện tốt.", start=5)  # the last: under 8 words
    result = copied_share(child, parent)
    assert result.sentences == 2 and result.share == 0.5
    assert [(c.child_line, c.parent_line, c.text, round(c.score, 2)) for c in result.copied] == [(5, 2, NEAR_COPY, 90.43)]
    assert copied_share(child, parent, similarity=91).copied == []


def test_a_sentence_copied_word_for_word_scores_100_at_the_parents_first_such_line():
    parent = lines(SOURCE, OWN, SOURCE)
    result = copied_share(lines(OWN, SOURCE), parent)
    assert [(c.child_line, c.parent_line, c.score) for c in result.copied] == [(1, 2, 100.0), (2, 1, 100.0)]
    assert result.share == 1.0 and copied_share([], parent).share == 0.0
