"""Who does what in "Tổ chức thực hiện": each unit with its name as written, the line it is named
on, its roles and its tasks (text, line, role), from unit headings, "Cơ quan ...:" lines and, when
no heading gives a task, bullets that open with a unit."""

from __future__ import annotations

from audit.pipeline import load_plan

HEADER = "Số: 02/KH-UBND\nTiền Tiến, ngày 02 tháng 01 năm 2024\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"


def units_of(tmp_path, body: str) -> list[tuple]:
    path = tmp_path / "plan.txt"
    path.write_text(HEADER + body, encoding="utf-8")
    return [(u.name, u.line, u.roles, [(t.text, t.line, t.role) for t in u.tasks]) for u in load_plan(path).units]


def test_unit_headings_give_each_unit_its_tasks_and_roles(tmp_path):
    body = (
        "I. NỘI DUNG\n"                                                # 5
        "- Cải cách thủ tục hành chính.\n"                             # 6
        "II. TỔ CHỨC THỰC HIỆN\n"                                      # 7
        "1. Phòng Văn hóa và Thông tin huyện\n"                        # 8
        "- Chủ trì, tham mưu UBND huyện triển khai Kế hoạch này.\n"    # 9
        "- Phối hợp với Đài Truyền thanh huyện đưa tin.\n"             # 10
        "+ Tổng hợp kết quả.\n"                                        # 11
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc huyện\n"                   # 12
        "- Tuyên truyền đến đoàn viên, hội viên.\n"                    # 13
    )
    assert units_of(tmp_path, body) == [
        ("Phòng Văn hóa và Thông tin huyện", 8, ["chu_tri", "phoi_hop", "thuc_hien"], [
            ("Chủ trì, tham mưu UBND huyện triển khai Kế hoạch này.", 9, "chu_tri"),
            ("Phối hợp với Đài Truyền thanh huyện đưa tin.", 10, "phoi_hop"),
            ("Tổng hợp kết quả.", 11, "thuc_hien"),
        ]),
        ("Ủy ban Mặt trận Tổ quốc huyện", 12, ["de_nghi"], [("Tuyên truyền đến đoàn viên, hội viên.", 13, "de_nghi")]),
    ]


def test_a_unit_heading_ends_at_its_first_subheading(tmp_path):
    body = (
        "I. TỔ CHỨC THỰC HIỆN\n"                   # 5
        "1. Văn phòng UBND xã\n"                   # 6
        "- Chủ trì thực hiện.\n"                   # 7
        "a) Tuyên truyền trên Cổng thông tin\n"    # 8
        "- Đăng tin hằng tháng.\n"                 # 9
    )
    [(name, line, roles, tasks)] = units_of(tmp_path, body)
    assert (name, line, roles, tasks) == ("Văn phòng UBND xã", 6, ["chu_tri"], [("Chủ trì thực hiện.", 7, "chu_tri")])


def test_role_lines_name_several_units_split_at_a_unit_word(tmp_path):
    body = (
        "I. NỘI DUNG\n"                                                                    # 5
        "1. Tuyên truyền thủ tục hành chính\n"                                              # 6
        "a) Cơ quan thực hiện: Văn phòng HĐND và UBND huyện, Phòng Văn hoá và Thông tin.\n"  # 7
        "b) Cơ quan phối hợp: Đài Truyền thanh huyện\n"                                     # 8
        "c) Cơ quan chủ trì: Văn phòng HĐND và UBND huyện\n"                               # 9
    )
    assert units_of(tmp_path, body) == [
        ("Văn phòng HĐND và UBND huyện", 7, ["chu_tri"], []),
        ("Phòng Văn hoá và Thông tin", 7, ["chu_tri"], []),
        ("Đài Truyền thanh huyện", 8, ["phoi_hop"], []),
    ]


def test_bullets_that_open_with_a_unit_when_no_heading_gives_a_task(tmp_path):
    body = (
        "I. TỔ CHỨC THỰC HIỆN\n"                                                   # 5
        "- Văn phòng UBND xã chủ trì, phối hợp với các ban ngành triển khai.\n"    # 6
        "- Đài truyền thanh xã thực hiện đưa tin.\n"                               # 7
        "- Các nội dung khác.\n"                                                   # 8
    )
    assert units_of(tmp_path, body) == [
        ("Văn phòng UBND xã", 6, ["chu_tri"], [
            ("Văn phòng UBND xã chủ trì, phối hợp với các ban ngành triển khai.", 6, "chu_tri")]),
        ("Đài truyền thanh xã", 7, ["thuc_hien"], [("Đài truyền thanh xã thực hiện đưa tin.", 7, "thuc_hien")]),
    ]
