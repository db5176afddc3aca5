"""The spelling rules (CHINHTA005-008): syllable shapes, one-mark slips, stray foreign words and
misspelt abbreviations, on excerpts of our own and on the labelled texts of tests/data/spelling.

They need Debian's hunspell-vi: without it these tests skip, naming the package, unless
PLAN_AUDIT_REQUIRE_CONVERTERS=1 (CI) makes its absence a failure."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from audit.text.syllable import one_mark_apart, shape_ok
from audit.text.vocabulary import hunspell_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

if hunspell_path() is None:
    if os.environ.get("PLAN_AUDIT_REQUIRE_CONVERTERS"):
        pytest.fail("PLAN_AUDIT_REQUIRE_CONVERTERS is set but hunspell-vi is not installed (apt-get install hunspell-vi)",
                    pytrace=False)
    pytest.skip("the Debian package hunspell-vi is not installed", allow_module_level=True)

from spelling_accuracy import score  # noqa: E402

from tests.test_hygiene import body, findings  # noqa: E402


@pytest.mark.parametrize(("word", "ok"), [
    ("ngành", True), ("nghề", True), ("quyết", True), ("giếng", True), ("quỳnh", True), ("khuya", True),
    ("nghành", False),  # ngh only before i, e, ê
    ("càp", False),  # a stop coda takes sắc or nặng only
    ("quyêt", False), ("kanh", False), ("gê", False), ("query", False), ("online", False),
])
def test_syllable_shapes(word, ok):
    assert shape_ok(word) is ok


@pytest.mark.parametrize(("a", "b", "apart"), [
    ("phổ", "phố", True), ("vu", "vụ", True), ("áp", "ấp", True), ("hiên", "hiện", True),
    ("phố", "phố", False), ("ta", "tấ", False), ("dân", "đân", False), ("cách", "cánh", False),
])
def test_one_mark_apart(a, b, apart):
    assert one_mark_apart(a, b) is apart


@pytest.mark.parametrize(("code", "line", "message", "suggestion"), [
    ("CHINHTA005", "- Nâng cao tinh thần thựt hiện nhiệm vụ.",
     '"thựt" không phải âm tiết tiếng Việt; viết đúng là "thực".', 'Sửa thành "thực"'),
    ("CHINHTA005", "- Đổi mới phong cách làm việc trong nghành nội vụ.",
     '"nghành" không phải âm tiết tiếng Việt; viết đúng là "ngành".', 'Sửa thành "ngành"'),
    ("CHINHTA006", "- Tuyên truyền trên địa bàn thành phổ và các xã.",
     '"thành phổ" không thành từ; viết đúng là "thành phố".', 'Sửa thành "thành phố"'),
    ("CHINHTA007", "- Hướng dẫn tra cứu hồ sơ qua query tại Bộ phận Một cửa.",
     '"query" không phải từ tiếng Việt: bỏ đi hoặc thay bằng từ tiếng Việt.', None),
    ("CHINHTA008", "- Lồng ghép trong các kỳ họp của HDND xã.", '"HDND": viết đúng là "HĐND".', 'Sửa thành "HĐND"'),
    ("CHINHTA008", "- Lồng ghép trong các kỳ họp của H\u00d0ND xã.", '"H\u00d0ND": viết đúng là "HĐND".', 'Sửa thành "HĐND"'),
    ("CHINHTA008", "- Nghị định 61/2018/ND-CP của Chính phủ.", '"ND": viết đúng là "NĐ".', 'Sửa thành "NĐ"'),
])
def test_each_spelling_rule_fails_and_suggests(tmp_path, code, line, message, suggestion):
    [f] = findings(tmp_path, body(line), code)
    assert (f.line, f.message, f.suggestion, f.severity.value) == (9, message, suggestion, "info")
    assert f.evidence == line


def test_an_upper_case_heading_is_read_too(tmp_path):
    [f] = findings(tmp_path, body("- Nội dung.\n\nIII. TỔ CHỨC THỰC HIÊN\n- Văn phòng chủ trì."), "CHINHTA006")
    assert (f.line, f.suggestion) == (11, 'Sửa thành "THỰC HIỆN"')
    [f] = findings(tmp_path, body("- Nội dung.\n\nIII. HÌNH THỨC TUYÊN TRUYÊN\n- Hội nghị."), "CHINHTA005")
    assert f.suggestion == 'Sửa thành "TRUYỀN"'


@pytest.mark.parametrize("line", [
    "- Tuyên truyền trên địa bàn thành phố và các xã; trụ sở Sở Nội vụ.",
    "- Đăng tải video, clip, infographic trên website, Fanpage và nhóm Zalo; thanh toán online.",
    "- Truy cập https://dichvucong.gov.vn hoặc csdl.dichvucong.gov.vn; Quyết định 749/QĐ-TTg.",
    "- Tập huấn tại xã Ea H'leo, xã Krông Búk và thôn Phìn Hồ.",  # names are never judged
    "- Cán bộ, công chức nêu cao trách nhiệm của mình khi giải quyết hồ sơ.",  # "cửa mình" is a word, "của" a function word
    "- Kiểm tra việc dùng hàn the trong thực phẩm tại chợ.",  # "hàn the" (borax) is a word
    "- Phối hợp với HĐND, UBND, Ủy ban MTTQ và UBMTTQ xã; DVC trực tuyến.",
])
def test_correct_text_names_loanwords_and_codes_raise_nothing(tmp_path, line):
    for code in ("CHINHTA005", "CHINHTA006", "CHINHTA007", "CHINHTA008"):
        assert findings(tmp_path, body(line), code) == [], code


def test_caps_names_after_a_unit_word_are_not_judged(tmp_path):
    text = body("- Nội dung.").replace("XÃ TIỀN TIẾN |", "HUYỆN PHÙ LAM |")
    assert findings(tmp_path, text, "CHINHTA006") == []


def test_a_changed_mark_needs_the_plan_to_bear_it_out(tmp_path):
    # "để" is written everywhere: "để quan tâm" is no slip though "đề quan" is a word
    assert findings(tmp_path, body("- Hướng dẫn người dân quét mã để quan tâm trang Zalo của xã."), "CHINHTA006") == []
    # the plan writes "trọng tâm" elsewhere: "trong tâm" in a heading is its slip, common as "trong" is
    text = body("- Các nhiệm vụ trọng tâm của năm.\n\nPHỤ LỤC CÁC NHIỆM VỤ TRONG TÂM NĂM 2024\n- Nội dung.")
    [f] = findings(tmp_path, text, "CHINHTA006")
    assert (f.line, f.suggestion) == (11, 'Sửa thành "TRỌNG TÂM"')


def test_precision_and_recall_on_the_labelled_texts():
    # 13 findings, all slips; one label (03, "HIÊN") was written a line off (28 for 27) before the
    # first run and is kept as written (docs/accuracy.md): 12 of 13 as labelled
    right, total, found, labels = score()
    assert (right, total, found, labels) == (12, 13, 12, 13)
    assert right / total >= 0.9
