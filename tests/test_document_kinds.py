"""Documents that are no plan, found among plans (a công văn, a report, a 2-line note): each is
reported once as what it is (THETHUC011, info) and no plan rule runs on it; `--kind plan` audits
them as plans all the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

LETTER = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ KIM KHÊ | Độc lập - Tự do - Hạnh phúc
Số: 125/UBND-VP | Kim Khê, ngày 04 tháng 3 năm 2024
V/v báo cáo kết quả tuyên truyền cải cách hành chính quý I năm 2024

Kính gửi: Ủy ban nhân dân thành phố Bến Lam.

Thực hiện Kế hoạch số 35/KH-UBND ngày 30/01/2024 của Ủy ban nhân dân thành phố Bến Lam về tuyên truyền
cải cách hành chính năm 2024, Ủy ban nhân dân xã Kim Khê báo cáo kết quả quý I như sau: đã đăng 12 tin bài
trên Cổng thông tin điện tử xã, phát 24 buổi trên đài truyền thanh và lập nhóm Zalo ở 6 thôn.

Ủy ban nhân dân xã Kim Khê kính báo cáo./.

Nơi nhận: | TM. ỦY BAN NHÂN DÂN
- Như trên; | CHỦ TỊCH
- Lưu: VT. | Lê Thị Hoa
"""

NOTE = """Ghi chú họp giao ban: bổ sung tin bài CCHC lên Cổng thông tin điện tử xã trước ngày 15/3.
Anh Tuấn theo dõi, báo cáo lại vào cuối tháng.
"""

REPORT = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ KIM KHÊ | Độc lập - Tự do - Hạnh phúc
Số: 30/BC-UBND | Kim Khê, ngày 20 tháng 6 năm 2024

BÁO CÁO
Kết quả tuyên truyền cải cách hành chính 6 tháng đầu năm 2024

I. KẾT QUẢ THỰC HIỆN
Đã đăng 25 tin bài trên Cổng thông tin điện tử xã.
"""


@pytest.fixture
def folder(tmp_path) -> Path:
    for name in ("2024-tp-ben-lam.txt", "2024-xa-kim-khe.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "cong-van-125.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "ghi-chu.txt").write_text(NOTE, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, dict]:
    common = [*args, "--format", "json", "--lang", "en", "--absolute-paths"]
    result = CliRunner().invoke(main, [*common, "--no-cache"] if args[0] == "corpus" else common)
    return result.exit_code, json.loads(result.stdout)


def findings_of(data: dict, path: Path) -> list[dict]:
    return [f for f in data["findings"] if f["path"] == str(path)]


def test_corpus_reports_a_letter_and_a_fragment_as_not_plans(folder):
    _, data = run("corpus", str(folder))
    letter, note = findings_of(data, folder / "cong-van-125.txt"), findings_of(data, folder / "ghi-chu.txt")
    assert [(f["rule"], f["severity"], f["message"]) for f in letter] == [
        ("THETHUC011", "info", "Not a plan: an official letter (công văn); the plan rules were not run on it.")]
    assert [(f["rule"], f["severity"], f["message"]) for f in note] == [
        ("THETHUC011", "info", "Not a plan: a short fragment with no type or number; the plan rules were not run on it.")]
    _, alone = run("corpus", str(FIXTURES))
    for plan in ("2024-tp-ben-lam.txt", "2024-xa-kim-khe.md"):  # the plans are audited as before
        # (but for the note that the city's parent, the province's plan, is not in this folder)
        assert [f["rule"] for f in findings_of(data, folder / plan) if f["rule"] != "KETHUA016"] == [
            f["rule"] for f in findings_of(alone, FIXTURES / plan)]
        assert not any(f["rule"] == "THETHUC011" for f in findings_of(data, folder / plan))


def test_kind_plan_audits_every_document_as_a_plan(folder):
    _, data = run("corpus", str(folder), "--kind", "plan")
    letter = findings_of(data, folder / "cong-van-125.txt")
    assert len(letter) > 5 and "THETHUC011" not in {f["rule"] for f in letter}


def test_check_reports_a_report_as_not_a_plan_in_vietnamese(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [(f["rule"], f["line"], f["message"]) for f in data["findings"]] == [
        ("THETHUC011", 5, "Không phải kế hoạch: báo cáo; không kiểm tra theo các quy tắc của kế hoạch.")]


@pytest.mark.parametrize(("text", "kind"), [(LETTER, "cong_van"), (NOTE, "fragment"), (REPORT, "bao_cao")])
def test_kinds_told_apart(text, kind, tmp_path):
    path = tmp_path / "van-ban.txt"
    path.write_text(text, encoding="utf-8")
    assert load_plan(path).kind == kind


def test_every_fixture_and_a_decision_carrying_a_plan_are_plans():
    for path in sorted(FIXTURES.glob("20*")):
        assert load_plan(path).kind == "plan", path
    assert load_plan(FIXTURES / "2024-tinh-lam-giang.md").header.doc_type == "QĐ"
