"""The plan graph on the real seeds and on small hierarchies written for each case."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from audit.corpus import load_corpus
from audit.graph import PlanGraph
from tests.conftest import SEEDS, seed, shared
from tests.helpers.schema import validated

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về cải cách hành chính.
II. NỘI DUNG TUYÊN TRUYỀN
- Tuyên truyền trên hệ thống truyền thanh.
III. TỔ CHỨC THỰC HIỆN
- Văn phòng chủ trì thực hiện.
"""


def write_plan(folder: Path, name: str, issuer: str, number: str, place_date: str, basis: str = "",
               kind: str = "KẾ HOẠCH") -> Path:
    """A short plan: issuer lines, "Số:", place and date, type and title, preamble, sections.
    The preamble (`basis`) is on line 10."""
    text = f"{issuer}\n\nSố: {number}\n\n{place_date}\n\n{kind}\nTuyên truyền cải cách hành chính\n{basis}\n{BODY}"
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def graph_json(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", *args, "--format", "json"])
    return result.exit_code, validated(result.stdout, "graph") if result.exit_code == 0 else {}


def district(folder: Path) -> Path:
    # "HOÁ": the old tone placement, as many headers are typed.
    return write_plan(folder, "huyen.txt", "ỦY BAN NHÂN DÂN\nHUYỆN ĐỊNH HOÁ", "05/KH-UBND",
                      "Định Hóa, ngày 05 tháng 01 năm 2022",
                      "Thực hiện Kế hoạch số 12/KH-UBND ngày 04/01/2022 của UBND tỉnh Thái Nguyên;")


# --- the real seeds ------------------------------------------------------------------------


def test_seeds_cited_parents_are_all_unresolved_exactly():
    shared("seeds")
    code, data = graph_json(str(SEEDS))
    assert code == 0
    names = {os.path.basename(d["path"]): d for d in data["documents"]}
    assert sorted(names) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert data["links"] == [] and data["cycles"] == [] and data["duplicates"] == []
    got = [
        (u["reference"], u["issuer"], u["date"], u["count"],
         [(os.path.basename(c["path"])[:3], c["line"]) for c in u["cited_by"]])
        for u in data["unresolved"]
    ]
    assert got == [
        ("05/KH-UBND", "Ủy ban nhân dân huyện Định Hóa", "2022-01-05", 1, [("000", 6)]),
        ("925/QĐ-UBND", "Ủy ban nhân dân tỉnh Gia Lai", "2021-12-24", 1, [("001", 7)]),
        ("2818/QĐ-UBND", "Ủy ban nhân dân tỉnh", "2021-01-20", 1, [("002", 8)]),
        ("89/KH-UBND", "Ủy ban nhân dân tỉnh", "2021-01-13", 1, [("002", 10)]),
        ("149/KH-SXD", "Sở Xây dựng", "2021-01-20", 1, [("002", 12)]),
        ("1183/KH-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", "2022-04-08", 1, [("003", 11)]),
        ("442/KH-UBND", "Ủy ban nhân dân thành phố Hải Dương", "2023-12-28", 1, [("004", 11)]),
    ]
    assert [os.path.basename(d["path"])[:3] for d in data["no_parent"]] == ["000", "001", "002", "003", "004"]
    assert data["no_parent"][2]["cites"] == ["2818/QĐ-UBND", "89/KH-UBND", "149/KH-SXD"]
    assert data["summary"]["unresolved"] == 7 and data["summary"]["problems"] == 0


def test_seeds_rich_output_names_each_unresolved_reference_with_file_and_line():
    shared("seeds")
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(SEEDS), "--lang", "en"], terminal_width=200)
    assert result.exit_code == 0
    out = result.stdout
    assert "Unresolved parents (7)" in out
    assert "1183/KH-UBND · Ủy ban nhân dân tỉnh Tây Ninh · 2022-04-08 · cited by 1 plan" in out
    assert f"{seed('003')}:11 (thuc_hien)" in out
    assert "Plans with no parent (5)" in out


def test_seed_resolves_to_its_parent_once_the_parent_is_in_the_folder(tmp_path):
    child = tmp_path / "xa" / "dinh-bien.txt"
    child.parent.mkdir()
    shutil.copy(seed("000"), child)
    parent = district(tmp_path)
    graph = PlanGraph(load_corpus(tmp_path).plans)
    assert graph.parent(str(child)) == str(parent)
    assert graph.link(str(child), str(parent))["line"] == 6
    assert [u.citation.reference for u in graph.unresolved] == ["12/KH-UBND"]


# --- resolution ----------------------------------------------------------------------------


def test_leading_zero_abbreviation_tone_and_missing_place_all_resolve(tmp_path):
    parent = district(tmp_path)
    a = write_plan(tmp_path, "xa/a.txt", "ỦY BAN NHÂN DÂN\nXÃ ĐỊNH BIÊN", "03/KH-UBND",
                   "Định Biên, ngày 10 tháng 01 năm 2022",
                   "Thực hiện Kế hoạch số 5/KH-UBND ngày 05/01/2022 của UBND huyện Định Hóa về tuyên truyền;")
    b = write_plan(tmp_path, "xa/b.txt", "ỦY BAN NHÂN DÂN\nXÃ BẢO CƯỜNG", "04/KH-UBND",
                   "Bảo Cường, ngày 11 tháng 01 năm 2022",
                   "Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2022 của Ủy ban nhân dân huyện về tuyên truyền;")
    graph = PlanGraph(load_corpus(tmp_path).plans)
    assert graph.children(str(parent)) == [str(a), str(b)]
    assert graph.link(str(a), str(parent)) == {
        "relation": "thuc_hien", "line": 10,
        "text": "Kế hoạch số 5/KH-UBND ngày 05/01/2022 của UBND huyện Định Hóa về tuyên truyền"}
    assert graph.link(str(b), str(parent))["relation"] == "can_cu"
    assert graph.roots() == [str(parent)]


def test_different_date_or_other_issuer_does_not_resolve(tmp_path):
    parent = district(tmp_path)
    write_plan(tmp_path, "a.txt", "ỦY BAN NHÂN DÂN\nXÃ ĐỊNH BIÊN", "03/KH-UBND", "Định Biên, ngày 10 tháng 01 năm 2022",
               "Thực hiện Kế hoạch số 05/KH-UBND ngày 06/01/2022 của UBND huyện Định Hóa;")
    write_plan(tmp_path, "b.txt", "ỦY BAN NHÂN DÂN\nXÃ YÊN THỊNH", "03/KH-UBND", "Yên Thịnh, ngày 10 tháng 01 năm 2022",
               "Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2022 của UBND huyện Chợ Đồn;")
    code, data = graph_json(str(tmp_path))
    assert data["links"] == []
    assert [(u["reference"], u["date"], u["issuer"]) for u in data["unresolved"]] == [
        ("05/KH-UBND", "2022-01-06", "Ủy ban nhân dân huyện Định Hóa"),
        ("05/KH-UBND", "2022-01-05", "Ủy ban nhân dân huyện Chợ Đồn"),
        ("12/KH-UBND", "2022-01-04", "Ủy ban nhân dân tỉnh Thái Nguyên"),
    ]
    # the near miss is pointed out: the district's plan has this number, with another date
    assert [u["other_dates"] for u in data["unresolved"]] == [[{"path": str(parent), "date": "2022-01-05"}], [], []]


def test_citation_of_the_decision_that_issues_the_plan_resolves_to_it(tmp_path):
    decision = write_plan(tmp_path, "tinh.txt", "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "925/QĐ-UBND",
                          "Gia Lai, ngày 24 tháng 12 năm 2021", kind="QUYẾT ĐỊNH")
    dept = write_plan(tmp_path, "so.txt", "UBND TỈNH GIA LAI\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG", "10/KH-STTTT",
                      "Gia Lai, ngày 05 tháng 01 năm 2022",
                      "Thực hiện Quyết định số 925/QĐ-UBND ngày 24/12/2021 của UBND tỉnh Gia Lai về việc ban hành "
                      "Kế hoạch tuyên truyền công tác cải cách hành chính năm 2022 của tỉnh Gia Lai;")
    graph = PlanGraph(load_corpus(tmp_path).plans)
    assert graph.parent(str(dept)) == str(decision)
    assert graph.no_parent() == [str(decision)]


def test_attached_plan_is_known_by_the_decision_it_is_attached_to(tmp_path):
    attached = tmp_path / "kh-tinh.txt"
    attached.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n\nKẾ HOẠCH\nTuyên truyền công tác cải cách hành chính năm 2022\n"
        "(Ban hành kèm theo Quyết định số 925/QĐ-UBND ngày 24/12/2021 của UBND tỉnh Gia Lai)\n" + BODY,
        encoding="utf-8")
    dept = write_plan(tmp_path, "so.txt", "UBND TỈNH GIA LAI\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG", "10/KH-STTTT",
                      "Gia Lai, ngày 05 tháng 01 năm 2022",
                      "Thực hiện Quyết định số 925/QĐ-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh về việc ban hành "
                      "Kế hoạch tuyên truyền;")
    graph = PlanGraph(load_corpus(tmp_path).plans)
    assert graph.parent(str(dept)) == str(attached)


def test_same_reference_in_two_provinces_resolves_by_place_or_stays_ambiguous(tmp_path):
    gia_lai = write_plan(tmp_path, "gl.txt", "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "925/QĐ-UBND",
                         "Gia Lai, ngày 24 tháng 12 năm 2021", kind="QUYẾT ĐỊNH")
    kon_tum = write_plan(tmp_path, "kt.txt", "ỦY BAN NHÂN DÂN\nTỈNH KON TUM", "925/QĐ-UBND",
                         "Kon Tum, ngày 24 tháng 12 năm 2021", kind="QUYẾT ĐỊNH")
    cite = "Thực hiện Quyết định số 925/QĐ-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh về tuyên truyền;"
    local = write_plan(tmp_path, "so-kt.txt", "UBND TỈNH KON TUM\nSỞ NỘI VỤ", "02/KH-SNV",
                       "Kon Tum, ngày 05 tháng 01 năm 2022", cite)
    write_plan(tmp_path, "so-x.txt", "SỞ NỘI VỤ", "03/KH-SNV", "Pleiku, ngày 05 tháng 01 năm 2022", cite)
    code, data = graph_json(str(tmp_path))
    assert [(link["child"], link["parent"]) for link in data["links"]] == [(str(local), str(kon_tum))]
    assert [(u["reference"], u["candidates"]) for u in data["unresolved"]] == [
        ("925/QĐ-UBND", [str(gia_lai), str(kon_tum)])]
    assert data["duplicates"] == []  # same number, different issuers: two documents


def test_parent_is_the_higher_level_plan_not_a_sibling_basis(tmp_path):
    province = write_plan(tmp_path, "tinh.txt", "ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH", "89/KH-UBND",
                          "Tây Ninh, ngày 13 tháng 01 năm 2021")
    own = write_plan(tmp_path, "so-cchc.txt", "UBND TỈNH TÂY NINH\nSỞ XÂY DỰNG", "149/KH-SXD",
                     "Tây Ninh, ngày 20 tháng 01 năm 2021")
    plan = write_plan(tmp_path, "so-tt.txt", "UBND TỈNH TÂY NINH\nSỞ XÂY DỰNG", "150/KH-SXD",
                      "Tây Ninh, ngày 21 tháng 01 năm 2021",
                      "Căn cứ Kế hoạch số 149/KH-SXD ngày 20/01/2021 của Sở Xây dựng về cải cách hành chính.\n"
                      "Căn cứ Kế hoạch số 89/KH-UBND ngày 13/01/2021 của Ủy ban nhân dân tỉnh về cải cách hành chính.")
    graph = PlanGraph(load_corpus(tmp_path).plans)
    assert sorted(graph.graph.successors(str(plan))) == sorted([str(own), str(province)])
    assert graph.parent(str(plan)) == str(province)
    assert graph.parent(str(own)) is None


# --- problems ------------------------------------------------------------------------------


def test_cycle_is_reported_and_the_tree_still_prints(tmp_path):
    a = write_plan(tmp_path, "a.txt", "ỦY BAN NHÂN DÂN\nXÃ AN KHÁNH", "01/KH-UBND", "An Khánh, ngày 02 tháng 01 năm 2023",
                   "Thực hiện Kế hoạch số 02/KH-UBND ngày 03/01/2023 của UBND xã Bình Minh;")
    b = write_plan(tmp_path, "b.txt", "ỦY BAN NHÂN DÂN\nXÃ BÌNH MINH", "02/KH-UBND", "Bình Minh, ngày 03 tháng 01 năm 2023",
                   "Thực hiện Kế hoạch số 01/KH-UBND ngày 02/01/2023 của UBND xã An Khánh;")
    code, data = graph_json(str(tmp_path))
    assert code == 0
    assert data["cycles"] == [[str(a), str(b)]]
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--lang", "en"], terminal_width=200)
    assert result.exit_code == 0
    assert f"Cycles (1)\n  {a} -> {b} -> {a}" in result.stdout
    assert "(already shown: a cycle)" in result.stdout


def test_duplicate_documents_list_both_files_and_citations_still_resolve(tmp_path):
    first = district(tmp_path / "2022")
    second = district(tmp_path / "copy")
    write_plan(tmp_path, "xa.txt", "ỦY BAN NHÂN DÂN\nXÃ ĐỊNH BIÊN", "03/KH-UBND", "Định Biên, ngày 10 tháng 01 năm 2022",
               "Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2022 của UBND huyện Định Hóa;")
    code, data = graph_json(str(tmp_path))
    assert data["duplicates"] == [{"reference": "05/KH-UBND", "issuer": "Ủy ban nhân dân huyện Định Hoá",
                                   "year": 2022, "paths": [str(first), str(second)]}]
    assert [(link["child"], link["parent"]) for link in data["links"]] == [(str(tmp_path / "xa.txt"), str(first))]


def test_unreadable_file_is_reported_and_the_rest_is_built(tmp_path):
    parent = district(tmp_path)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--format", "json", "--lang", "en"])
    assert result.exit_code == 0
    data = validated(result.stdout, "graph")
    assert [d["path"] for d in data["documents"]] == [str(parent)]
    assert data["problems"] == [{"path": str(tmp_path / "old.doc"), "message": (
        f"{tmp_path / 'old.doc'}: damaged Word .doc file (its OLE header is not valid). "
        "Download the file again, or ask the issuer for a .docx copy")}]
    assert f"plan-audit: warning: {tmp_path / 'old.doc'}: damaged Word .doc file" in result.stderr
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--format", "json"])  # Vietnamese by default
    assert validated(result.stdout, "graph")["problems"][0]["message"] == (
        f"{tmp_path / 'old.doc'}: tệp Word .doc bị hỏng (phần đầu tệp OLE không hợp lệ). "
        "Tải lại tệp, hoặc xin cơ quan ban hành bản .docx")
    assert f"plan-audit: warning: {tmp_path / 'old.doc'}: tệp Word .doc bị hỏng" in result.stderr


def test_symlink_loop_in_the_folder_does_not_hang(tmp_path):
    district(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    code, data = graph_json(str(tmp_path))
    assert code == 0 and data["summary"]["documents"] == 1


def test_missing_subordinate_plans_from_expected_units(tmp_path):
    parent = district(tmp_path)
    write_plan(tmp_path, "xa/dinh-bien.txt", "ỦY BAN NHÂN DÂN\nXÃ ĐỊNH BIÊN", "03/KH-UBND",
               "Định Biên, ngày 10 tháng 01 năm 2022",
               "Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2022 của UBND huyện Định Hóa;")
    write_plan(tmp_path, "xa/bao-cuong.txt", "ỦY BAN NHÂN DÂN\nXÃ BẢO CƯỜNG", "04/KH-UBND",
               "Bảo Cường, ngày 11 tháng 01 năm 2022", "")  # a plan that cites nothing
    expected = tmp_path / "expected.yaml"
    expected.write_text(
        '"Ủy ban nhân dân huyện Định Hóa":\n  - "Ủy ban nhân dân xã Định Biên"\n'
        '  - "UBND xã Bảo Cường"\n  - "Ủy ban nhân dân xã Phú Đình"\n'
        '"Ủy ban nhân dân tỉnh Thái Nguyên":\n  - "Ủy ban nhân dân huyện Định Hóa"\n'
        '"Ủy ban nhân dân tỉnh Bắc Kạn":\n  - "Ủy ban nhân dân huyện Chợ Đồn"\n',
        encoding="utf-8")
    code, data = graph_json(str(tmp_path), "--expected", str(expected))
    assert code == 0
    assert data["missing"] == [
        {"issuer": "Ủy ban nhân dân huyện Định Hóa", "year": 2022, "paths": [str(parent)], "reference": None,
         "expected": ["Ủy ban nhân dân xã Định Biên", "UBND xã Bảo Cường", "Ủy ban nhân dân xã Phú Đình"],
         "missing": ["UBND xã Bảo Cường", "Ủy ban nhân dân xã Phú Đình"]},
        # the province's plan is not in the folder, but the district cites it: it is covered
        {"issuer": "Ủy ban nhân dân tỉnh Thái Nguyên", "year": 2022, "paths": [], "reference": "12/KH-UBND",
         "expected": ["Ủy ban nhân dân huyện Định Hóa"], "missing": []},
        {"issuer": "Ủy ban nhân dân tỉnh Bắc Kạn", "year": None, "paths": [], "reference": None,
         "expected": ["Ủy ban nhân dân huyện Chợ Đồn"], "missing": ["Ủy ban nhân dân huyện Chợ Đồn"]},
    ]
    assert data["summary"]["missing"] == 3
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--expected", str(expected), "--lang", "en"],
                                terminal_width=200)
    assert "Missing subordinate plans (2)" in result.stdout
    assert f"Ủy ban nhân dân huyện Định Hóa 2022 ({parent}): 2 of 3 units without a plan citing it" in result.stdout
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--expected", str(expected)], terminal_width=200)
    assert "Đơn vị cấp dưới chưa có kế hoạch (2)" in result.stdout
    assert f"Ủy ban nhân dân huyện Định Hóa 2022 ({parent}): 2/3 đơn vị chưa có kế hoạch trích dẫn" in result.stdout


def test_bad_expected_file_is_a_usage_error(tmp_path):
    district(tmp_path)
    bad = tmp_path / "expected.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--expected", str(bad)])
    assert (result.exit_code, result.stderr) == (2, (
        f"plan-audit: error: {bad}:1: tệp đơn vị cấp dưới phải là một bảng: tên cơ quan ban hành -> danh sách tên đơn vị cấp dưới\n"))
    bad.write_text("UBND huyện Phú Lâm:\n  - xã Kim Khê\nUBND tỉnh Lam Giang: xã Kim Khê\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--expected", str(bad), "--lang", "en"])
    assert (result.exit_code, result.stderr) == (2, (
        f"plan-audit: error: {bad}:3: UBND tỉnh Lam Giang: the expected-units file is a mapping from an issuer to a list of subordinate issuer names\n"))


def test_exit_2_when_folder_is_missing_or_nothing_can_be_read(tmp_path):
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path / "nope"), "--lang", "en"])
    assert result.exit_code == 2
    assert "directory not found" in result.stderr
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{tmp_path}: no plan could be read" in result.stderr
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(tmp_path)])
    assert result.exit_code == 2
    assert f"plan-audit: error: {tmp_path}: không đọc được kế hoạch nào" in result.stderr


def test_output_file_gets_the_report(tmp_path):
    shared("seeds")
    out = tmp_path / "out" / "graph.json"
    result = CliRunner().invoke(main, ["graph", "--absolute-paths", str(SEEDS), "--format", "json", "--output", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    data = validated(out.read_text(encoding="utf-8"), "graph")
    assert data["schema_version"] == 1 and data["summary"]["documents"] == 5
    text_out = tmp_path / "graph.txt"
    CliRunner().invoke(main, ["graph", "--absolute-paths", str(SEEDS), "--output", str(text_out), "--lang", "en"])
    assert "Unresolved parents (7)" in text_out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.txt", "out"]  # no temporary left


def test_expected_units_count_a_citation_of_any_plan_of_the_issuer_that_year(tmp_path):
    write_plan(tmp_path, "tinh-qd.txt", "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "925/QĐ-UBND",
               "Gia Lai, ngày 24 tháng 12 năm 2021", kind="QUYẾT ĐỊNH")
    write_plan(tmp_path, "tinh-kh.txt", "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "926/KH-UBND", "Gia Lai, ngày 24 tháng 12 năm 2021")
    write_plan(tmp_path, "so.txt", "UBND TỈNH GIA LAI\nSỞ NỘI VỤ", "02/KH-SNV", "Gia Lai, ngày 05 tháng 01 năm 2022",
               "Thực hiện Quyết định số 925/QĐ-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh về tuyên truyền;")
    write_plan(tmp_path, "so-tp.txt", "SỞ TƯ PHÁP", "03/KH-STP", "Pleiku, ngày 06 tháng 01 năm 2022",
               "Thực hiện Kế hoạch số 77/KH-UBND ngày 20/12/2021 của Ủy ban nhân dân tỉnh về tuyên truyền;")
    expected = tmp_path / "units.yaml"
    expected.write_text("Ủy ban nhân dân tỉnh Gia Lai: [Sở Nội vụ, Sở Tư pháp]\n"
                        "Ủy ban nhân dân tỉnh Kon Tum: [Sở Nội vụ]\n", encoding="utf-8")
    code, data = graph_json(str(tmp_path), "--expected", str(expected))
    assert [(m["issuer"], m["paths"], m["reference"], m["missing"]) for m in data["missing"]] == [
        ("Ủy ban nhân dân tỉnh Gia Lai", [str(tmp_path / "tinh-kh.txt"), str(tmp_path / "tinh-qd.txt")], None,
         ["Sở Tư pháp"]),
        # "77/KH-UBND của Ủy ban nhân dân tỉnh" (no place) is not taken for Kon Tum's plan
        ("Ủy ban nhân dân tỉnh Kon Tum", [], None, ["Sở Nội vụ"]),
    ]
