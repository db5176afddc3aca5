"""Each document-hygiene rule of the default pack on a passing and a failing excerpt, through the
real reader, parser and rule pack: the finding's line, quoted text, message and suggestion."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.engine.context import CheckContext
from audit.engine.engine import run_rules
from audit.engine.packs import load_rules
from audit.pipeline import load_plan
from audit.text import hygiene
from audit.text.hygiene import doubled_words, placeholders

TOP = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc\n"
HEADER = TOP + "Số: 02/KH-UBND | Tiền Tiến, ngày 02 tháng 01 năm 2024\n\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\n"
CLOSING = "\nNơi nhận:\n- UBND thành phố;\n- Lưu: VP.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Thị Hợp\n"


def findings(tmp_path, text: str, code: str, draft: bool = False):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    rules = [r for r in load_rules() if r.code == code]
    return run_rules(load_plan(path), rules, CheckContext(draft=draft))


def body(text: str) -> str:
    return HEADER + "I. NỘI DUNG TUYÊN TRUYỀN\n" + text + "\n" + CLOSING


def test_a_complete_plan_raises_no_hygiene_finding(tmp_path):
    text = body("- Tuyên truyền Nghị định 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ tại xã Tiền Tiến.")
    for rule in load_rules():
        if rule.code.startswith(("THETHUC", "NHATQUAN", "CHINHTA")):
            assert findings(tmp_path, text, rule.code) == [], rule.code


def test_thethuc001_blank_number_is_a_draft(tmp_path):
    text = body("- Nội dung.").replace("Số: 02/KH-UBND", "Số: /KH-UBND")
    [f] = findings(tmp_path, text, "THETHUC001")
    assert (f.line, f.severity.value, f.message) == (3, "warning", "Số văn bản: để trống (bản dự thảo?).")
    assert findings(tmp_path, text, "THETHUC001", draft=True)[0].severity.value == "info"


def test_thethuc002_blank_and_impossible_dates(tmp_path):
    blank = body("- Nội dung.").replace("ngày 02 tháng 01 năm 2024", "ngày    tháng    năm 2024")
    [f] = findings(tmp_path, blank, "THETHUC002")
    assert (f.line, f.message) == (3, "Ngày ban hành: để trống (bản dự thảo?).")
    impossible = body("- Nội dung.").replace("ngày 02 tháng 01", "ngày 31 tháng 02")
    assert findings(tmp_path, impossible, "THETHUC002")[0].message == "Ngày ban hành: không có thật."


def test_thethuc003_no_issuer_anywhere(tmp_path):
    text = "Số: 02/KH-UBND\nTiền Tiến, ngày 02 tháng 01 năm 2024\n\nKẾ HOẠCH\nTuyên truyền CCHC năm 2024\n\nI. NỘI DUNG\n- Nội dung.\n"
    assert [f.message for f in findings(tmp_path, text, "THETHUC003")] == ["Tên cơ quan ban hành: không có."]


def test_thethuc004_lists_the_missing_header_components_at_the_title(tmp_path):
    text = body("- Nội dung.").replace("XÃ TIỀN TIẾN | ", "").replace("ỦY BAN NHÂN DÂN | ", "")
    [f] = findings(tmp_path, text, "THETHUC004")
    assert (f.line, f.evidence) == (5, "KẾ HOẠCH")
    assert f.message == "Phần đầu văn bản thiếu: tên cơ quan ban hành."
    # both halves of the table gone: a copy that lost it, said once by THETHUC010
    assert findings(tmp_path, body("- Nội dung.").replace(TOP, ""), "THETHUC004") == []


def test_thethuc009_a_draft_is_one_finding_not_three(tmp_path):
    text = body("- Nội dung.").replace("Số: 02/", "Số: /").replace("ngày 02 tháng 01", "ngày    tháng   ")
    text = text.replace("Lê Thị Hợp\n", "")
    [f] = findings(tmp_path, text, "THETHUC009")
    assert (f.line, f.severity.value) == (3, "warning")
    assert f.message == "Số, ngày ban hành và họ tên người ký đều để trống: đây là bản dự thảo, chưa phải văn bản ban hành."
    assert findings(tmp_path, text, "THETHUC009", draft=True)[0].severity.value == "info"
    for code in ("THETHUC001", "THETHUC002", "THETHUC007"):
        assert findings(tmp_path, text, code) == [], code
    # one blank alone is not a draft: its own rule says it
    number_only = body("- Nội dung.").replace("Số: 02/", "Số: /")
    assert findings(tmp_path, number_only, "THETHUC009") == []
    assert len(findings(tmp_path, number_only, "THETHUC001")) == 1


def test_thethuc010_a_portal_copy_that_starts_at_the_title(tmp_path):
    text = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\nI. NỘI DUNG TUYÊN TRUYỀN\n- Nội dung.\n" + CLOSING
    [f] = findings(tmp_path, text, "THETHUC010")
    assert (f.line, f.severity.value, f.evidence) == (1, "info", "KẾ HOẠCH")
    assert f.message == ("Bản này mất phần đầu văn bản (không có Quốc hiệu và Tiêu ngữ, tên cơ quan ban hành, số, ký hiệu, "
                         "địa danh, ngày ban hành): có thể là bản sao từ cổng thông tin; đối chiếu bản gốc để kiểm tra thể thức.")
    for code in ("THETHUC001", "THETHUC002", "THETHUC004"):
        assert findings(tmp_path, text, code) == [], code
    assert findings(tmp_path, body("- Nội dung."), "THETHUC010") == []


def test_thethuc010_a_copy_keeps_its_number_line_and_its_blanks(tmp_path):
    text = body("- Nội dung.").replace(TOP, "").replace("Số: 02/", "Số: /").replace("Lê Thị Hợp\n", "")
    [f] = findings(tmp_path, text, "THETHUC010")
    assert f.message.startswith("Bản này mất phần đầu văn bản (không có Quốc hiệu và Tiêu ngữ, tên cơ quan ban hành; "
                                "để trống: số văn bản, họ tên người ký):")
    for code in ("THETHUC001", "THETHUC004", "THETHUC007", "THETHUC009"):
        assert findings(tmp_path, text, code) == [], code


def test_thethuc010_site_lines_mark_a_copy(tmp_path):
    text = "Trang chủ > Văn bản\nLượt xem: 120\n" + body("- Nội dung.").replace("Số: 02/KH-UBND | ", "")
    [f] = findings(tmp_path, text, "THETHUC010")
    assert "(không có số, ký hiệu; có dòng của trang web đi kèm)" in f.message
    assert findings(tmp_path, text, "THETHUC001") == []


@pytest.mark.parametrize(("number", "problem", "suggestion"), [
    ("2/KH-UBND", "số nhỏ hơn 10 phải viết 02", 'Sửa thành "Số: 02/KH-UBND"'),
    ("02/QĐ-UBND", "tên loại là KH nhưng ký hiệu ghi QĐ", 'Sửa thành "Số: 02/KH-UBND"'),
    ("02/KHX-UBND", "\"KHX\" không phải mã loại văn bản của Phụ lục III", None),
    ("02/KH", "ký hiệu phải gồm mã loại văn bản và mã cơ quan nối bằng dấu \"-\"", None),
])
def test_thethuc005_number_and_symbol(tmp_path, number, problem, suggestion):
    [f] = findings(tmp_path, body("- Nội dung.").replace("02/KH-UBND", number), "THETHUC005")
    assert (f.line, f.message, f.suggestion) == (3, f"Số, ký hiệu chưa đúng thể thức: {problem}.", suggestion)


def test_thethuc006_leading_zeros_in_the_date_line(tmp_path):
    [f] = findings(tmp_path, body("- Nội dung.").replace("ngày 02 tháng 01", "ngày 2 tháng 1"), "THETHUC006")
    assert f.message == 'Ngày ban hành viết "ngày 2 tháng 1 năm 2024"; theo thể thức: "ngày 02 tháng 01 năm 2024".'
    assert f.suggestion == 'Sửa thành "Tiền Tiến, ngày 02 tháng 01 năm 2024"'
    may = body("- Nội dung.").replace("ngày 02 tháng 01", "ngày 15 tháng 5")
    assert findings(tmp_path, may, "THETHUC006") == []
    assert findings(tmp_path, may.replace("tháng 5", "tháng 05"), "THETHUC006") == []


def test_thethuc007_signer_name_missing_is_a_draft(tmp_path):
    text = body("- Nội dung.").replace("Lê Thị Hợp\n", "")
    [f] = findings(tmp_path, text, "THETHUC007")
    assert (f.message, f.severity.value) == ("Phần chữ ký: không ghi họ tên người ký (bản dự thảo?).", "warning")
    assert findings(tmp_path, text, "THETHUC007", draft=True)[0].severity.value == "info"
    unsigned = body("- Nội dung.").split("TM.")[0]
    assert findings(tmp_path, unsigned, "THETHUC007")[0].message == (
        "Phần chữ ký: không có phần chữ ký (chức vụ, họ tên người ký)."
    )


def test_thethuc008_recipients_end_with_luu(tmp_path):
    text = body("- Nội dung.").replace("- Lưu: VP.\n", "")
    [f] = findings(tmp_path, text, "THETHUC008")
    assert (f.evidence, f.suggestion) == ("- UBND thành phố;", 'Thêm dòng cuối "- Lưu: VT, ..."')
    assert f.message == 'Nơi nhận: "Nơi nhận" không kết thúc bằng "Lưu: VT, ...".'


def test_nhatquan001_another_commune_named_as_own(tmp_path):
    text = body("- Phát triển kinh tế của tỉnh nói chung và xã Nam Đồng nói riêng.")
    [f] = findings(tmp_path, text, "NHATQUAN001")
    assert f.line == 9 and "xã Nam Đồng" in f.message
    # a list of units, a recipient, and a run-on capital are not the plan speaking of itself
    listed = body("- Học tập kinh nghiệm của xã Nam Đồng, xã Ngọc Sơn và xã An Thượng.\n- UBND xã Thu thập tin bài.")
    assert findings(tmp_path, listed, "NHATQUAN001") == []


def test_nhatquan001_after_2025_only_units_in_force_count(tmp_path):
    text = body("- Trên địa bàn xã Phúc Khê cũ và của xã Nam Đồng.").replace("năm 2024", "năm 2025")
    text = text.replace("ngày 02 tháng 01 năm 2025", "ngày 28 tháng 7 năm 2025")
    # xã Phúc Khê is in no official list (a former unit, or fiction); Nam Đồng is a unit in force
    assert findings(tmp_path, text.replace(" và của xã Nam Đồng", ""), "NHATQUAN001") == []
    assert [f.line for f in findings(tmp_path, text.replace("xã Phúc Khê cũ và của ", ""), "NHATQUAN001")] == [9]


def test_nhatquan002_own_name_with_other_diacritics(tmp_path):
    [f] = findings(tmp_path, body("- Trên đây là kế hoạch của UBND xã Tiên Tiến."), "NHATQUAN002")
    assert (f.line, f.suggestion) == (9, 'Sửa thành "xã Tiền Tiến"')
    assert findings(tmp_path, body("- Kế hoạch của UBND XÃ TIỀN TIẾN."), "NHATQUAN002") == []


def test_nhatquan003_appendix_caption_must_match(tmp_path):
    good = body("- Nội dung.") + "\nPHỤ LỤC\n(Kèm theo Kế hoạch số 2/KH-UBND ngày 02/01/2024 của UBND xã Tiền Tiến)\n"
    assert findings(tmp_path, good, "NHATQUAN003") == []
    [f] = findings(tmp_path, good.replace("số 2/KH", "số 20/KH"), "NHATQUAN003")
    assert f.message == "Phụ lục ghi kèm theo Kế hoạch số 20/KH-UBND ngày 02/01/2024, nhưng kế hoạch này là số 02/KH-UBND ngày 02/01/2024."
    draft = good.replace("Số: 02/KH-UBND", "Số: /KH-UBND").replace("số 2/KH-UBND ngày 02/01/2024", "số /KH-UBND ngày tháng năm 2024")
    assert findings(tmp_path, draft, "NHATQUAN003") == []


def test_nhatquan004_document_dated_after_the_plan(tmp_path):
    [f] = findings(tmp_path, body("- Tuyên truyền Nghị định 61/2024/NĐ-CP ngày 16/8/2024 về hương ước."), "NHATQUAN004")
    assert f.message == '61/2024/NĐ-CP ghi "ngày 16/8/2024", sau ngày ban hành kế hoạch (02/01/2024): kiểm tra lại năm.'
    assert findings(tmp_path, body("- Tuyên truyền Kế hoạch số 442/KH-UBND ngày 28/12/2023."), "NHATQUAN004") == []


def test_nhatquan005_date_without_year(tmp_path):
    [f] = findings(tmp_path, body("- Quyết định số 3396/QĐ-UBND ngày 15 tháng 12 của UBND tỉnh về chỉ số."), "NHATQUAN005")
    assert f.message == '3396/QĐ-UBND ghi "ngày 15 tháng 12", thiếu năm ban hành.'
    assert findings(tmp_path, body("- Quyết định số 3396/QĐ-UBND ngày 15 tháng 12 năm 2021."), "NHATQUAN005") == []


def test_nhatquan006_one_document_two_dates(tmp_path):
    text = body("- Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2024.\n- Báo cáo theo Kế hoạch số 5/KH-UBND ngày 15/01/2024.")
    [f] = findings(tmp_path, text, "NHATQUAN006")
    assert f.line == 10 and f.message == '5/KH-UBND ghi "ngày 15/01/2024" nhưng dòng 9 ghi ngày 05/01/2024.'
    assert findings(tmp_path, text.replace("15/01/2024", "05/01/2024"), "NHATQUAN006") == []


def test_nhatquan007_impossible_dates(tmp_path):
    got = findings(tmp_path, body("- Báo cáo trước ngày 31/02/2024 và ngày 30 tháng 02."), "NHATQUAN007")
    assert [(f.line, f.message) for f in got] == [
        (9, '"31/02/2024" không phải ngày có thật.'), (9, '"30 tháng 02" không phải ngày có thật.'),
    ]
    assert len(findings(tmp_path, body("- Báo cáo ngày 15/13/2024."), "NHATQUAN007")) == 1
    assert findings(tmp_path, body("- Báo cáo trước ngày 29/02/2024, ngày 29 tháng 02."), "NHATQUAN007") == []


def test_nhatquan008_work_scheduled_in_another_year(tmp_path):
    [f] = findings(tmp_path, body("- Quý II/2023: hội nghị đối thoại.\n- Báo cáo năm trước ngày 15/01/2025."), "NHATQUAN008")
    assert (f.line, f.message) == (9, '"Quý II/2023" không thuộc năm 2024 của kế hoạch.')
    period = body("- Quý II/2023: hội nghị.").replace("hành chính năm 2024", "hành chính giai đoạn 2021 - 2025")
    assert findings(tmp_path, period, "NHATQUAN008") == []


def test_chinhta001_cyrillic_letters(tmp_path):
    [f] = findings(tmp_path, body("- Giữ vững chỉ số trong топ đầu."), "CHINHTA001")
    assert f.line == 9 and f.message.startswith('"топ" có chữ không phải chữ Latin: т (CYRILLIC SMALL LETTER TE)')
    assert findings(tmp_path, body("- Giữ vững chỉ số trong top đầu."), "CHINHTA001") == []


@pytest.mark.parametrize(("text", "doubled"), [
    ("qua các hội nghị, băng băng zôn tuyên truyền", ["băng băng"]),
    ("cơ quan hành chính (thành phố và xã, xã) đối với", ["xã, xã"]),
    ("trọng tâm là trong trong giải quyết", ["trong trong"]),
    ("ứng dụng công nghệ thông tin tin và xây dựng", ["tin tin"]),
    ("cải cách hành chính cải cách hành chính năm 2024", ["cải cách hành chính cải cách hành chính"]),
    ("hình thức tuyên truyền truyền thống", []),
    ("cơ chế một cửa, một cửa liên thông", []),
    ("ý kiến, kiến nghị của người dân", []),
    ("Công đoàn, Đoàn thanh niên", []),
    ("dần dần nâng cao; ngày ngày đưa tin", []),
    ("Tổ chức 02, 02 đợt", []),
    ("lồng ghép việc tuyên truyền cải CCHC với việc phổ biến", ["cải CCHC"]),
    ("giải quyết thủ tục TTHC cho người dân", ["thủ tục TTHC"]),
    ("Nghị quyết của Tỉnh ủy, UBND tỉnh về công tác CCHC", []),
    ("đăng trên Cổng TTĐT và Trang TTĐT của xã", []),
    ("niêm yết tại trụ sở Sở Nội vụ.", []),  # the department's own premises
    ("niêm yết tại trụ sở Sở.", []),
    ("niêm yết tại trụ sở sở.", ["sở sở"]),
])
def test_chinhta002_doubled_words_and_legitimate_repeats(text, doubled):
    allowed = frozenset(next(r for r in load_rules() if r.code == "CHINHTA002").params.allowed)
    assert [text[d.start : d.end] for d in doubled_words(text, allowed)] == doubled


def test_chinhta002_finding_quotes_and_suggests(tmp_path):
    [f] = findings(tmp_path, body("- Nâng cao tinh thần của công chức phường, phường; góp phần."), "CHINHTA002")
    assert (f.line, f.message, f.suggestion, f.severity.value) == (9, '"phường, phường": "phường" bị lặp.', 'Sửa thành "phường"', "info")
    [f] = findings(tmp_path, body("- Tuyên truyền cải CCHC trên Zalo."), "CHINHTA002")
    assert (f.line, f.message, f.suggestion) == (9, '"cải CCHC": "cải" bị lặp.', 'Sửa thành "CCHC"')


@pytest.mark.parametrize(("text", "blanks"), [
    ("Kèm theo Kế hoạch số .../KH-UBND ngày ..../..../2024", ["số .../KH", "ngày ..../...."]),
    ("Giao cho xxx thực hiện", ["xxx"]),
    ("Gửi [tên đơn vị] trước ngày tháng năm", ["[tên đơn vị]", "ngày tháng năm"]),
    ("khiếu nại, tố cáo... và sân khấu hóa,....", []),
    ("Đại hội Đảng bộ lần thứ XXX", []),
    ("Xem [Cổng dịch vụ công](https://dichvucong.gov.vn)", []),
    ("Bến Lam, ngày tháng năm 2024", []),
])
def test_chinhta003_placeholders(text, blanks):
    assert [text[s:e] for s, e in placeholders(text)] == blanks


def test_chinhta003_finding_but_not_on_a_drafts_date_line(tmp_path):
    [f] = findings(tmp_path, body("- Giao [tên đơn vị] chủ trì."), "CHINHTA003")
    assert (f.line, f.message) == (9, 'Chỗ trống chưa điền: "[tên đơn vị]".')
    draft = body("- Nội dung.").replace("ngày 02 tháng 01 năm 2024", "ngày tháng năm")
    assert findings(tmp_path, draft, "CHINHTA003") == []



@pytest.mark.parametrize(("text", "written", "meant"), [
    ("- Đăng tải trên Công thông tin điện tử của xã.", "Công thông tin điện tử", "Cổng thông tin điện tử"),
    ("- ĐĂNG TẢI TRÊN CÔNG THÔNG TIN ĐIỆN TỬ.", "CÔNG THÔNG TIN ĐIỆN TỬ", "CỔNG THÔNG TIN ĐIỆN TỬ"),
    ("- Thực hiện nghiêm yết công khai các thủ tục hành chính.", "nghiêm yết công khai", "niêm yết công khai"),
])
def test_chinhta004_a_misspelt_term_is_covered_and_reported(tmp_path, text, written, meant):
    [f] = findings(tmp_path, body(text), "CHINHTA004")
    assert (f.line, f.message, f.suggestion) == (9, f'"{written}": viết đúng là "{meant}".', f'Sửa thành "{meant}"')
    assert f.severity.value == "info" and f.evidence == text


def test_chinhta004_terms_spelt_right_are_silent(tmp_path):
    text = "- Đăng tải trên Cổng thông tin điện tử; niêm yết công khai tại bộ phận một cửa; Trang thông tin điện tử."
    assert findings(tmp_path, body(text), "CHINHTA004") == []

# --- the quick gates: one search in C decides most lines, and must never hide a slip ----------

_WORDS = ["xã", "XÃ", "xa", "hòa", "hoà", "tin", "và", "phường", "băng", "zôn", "топ", "02", "...", "…", "xxx", "XXX", "[tên",
          "đơn vị]", "[...]", "<tên cơ quan>", "NGÀY", "ngày", "tháng", "năm", "Số", ".../KH", "a\u0301\u0300",
          "cải", "CCHC", "thủ tục", "TTHC", "PT-TH", "phát"]


@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.lists(st.sampled_from([" ", " ", ", ", ",", "; ", "  "]), min_size=14, max_size=14))
def test_the_gates_never_change_what_is_found(words, gaps):
    """Each slip search run with its gate and with a gate that lets every line through."""
    text = "".join(w + g for w, g in zip(words, gaps)).strip()
    nfd = unicodedata.normalize("NFD", text)
    everything = re.compile("")
    searches = (hygiene.doubled_words, hygiene.foreign_words, hygiene.placeholders)
    for sample in (text, nfd):
        with_gates = [search(sample) for search in searches]
        with pytest.MonkeyPatch.context() as patch:
            for gate in ("_REPEAT_GATE", "FOREIGN_BLOCKS", "PLACEHOLDER_GATE"):
                patch.setattr(hygiene, gate, everything)
            patch.setattr(hygiene, "_abbreviation_gate", lambda: everything)
            assert [search.__wrapped__(sample) for search in searches] == with_gates  # not the remembered answers


def test_the_foreign_gate_covers_every_cyrillic_and_greek_code_point():
    missed = [
        f"U+{code:04X}" for code in range(sys.maxunicode + 1)
        if unicodedata.name(chr(code), "").split(" ")[0] in ("CYRILLIC", "GREEK") and not hygiene.FOREIGN_BLOCKS.match(chr(code))
    ]
    assert missed == []
