"""Each check kind on plan excerpts that pass and fail, through the real reader, parser and matcher;
and every kind's documented example (its docstring) behaves as documented."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from audit.engine.checks import load_kind, kind_doc, kind_names
from audit.engine.context import CheckContext
from audit.engine.engine import run_rules
from audit.engine.packs import load_pack_file
from audit.pipeline import load_plan

HEADER = "Số: 02/KH-UBND\n\nTiền Tiến, ngày 02 tháng 01 năm 2024\n\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\n"
PARENT_HEADER = "Số: 442/KH-UBND\n\nHải Dương, ngày 28 tháng 12 năm 2023\n\nKẾ HOẠCH\nTuyên truyền CCHC Nhà nước năm 2024 trên địa bàn thành phố\n\n"


def make_rule(tmp_path: Path, rule_yaml: str, message: str = "{section}"):
    """A one-rule pack written to disk and loaded by the real loader."""
    body = textwrap.indent(textwrap.dedent(rule_yaml).strip(), "    ")
    pack = tmp_path / "pack" / "test.yaml"
    pack.parent.mkdir(exist_ok=True)
    pack.write_text(
        "family: TEST\ndescription: {vi: Thử, en: Test}\nrules:\n  - code: TEST001\n    severity: warning\n"
        f"{body}\n    title: {{vi: Tiêu đề, en: Title}}\n    message: {{vi: '{message}', en: '{message}'}}\n"
        "    rationale: {vi: Lý do, en: Why}\n    reference: NQ 76/NQ-CP\n",
        encoding="utf-8",
    )
    return load_pack_file(pack).rules[0]


def audit_text(tmp_path: Path, text: str, rule, lang: str = "vi", parent_text: str = "", **context):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    parent = None
    if parent_text:
        parent_path = tmp_path / "parent.txt"
        parent_path.write_text(parent_text, encoding="utf-8")
        parent = load_plan(parent_path)
    return run_rules(load_plan(path), [rule], CheckContext(lang=lang, parent=parent, **context))


@pytest.mark.parametrize("kind", kind_names())
def test_documented_example_passes_and_fails_as_documented(tmp_path, kind):
    doc = kind_doc(kind)
    assert doc.summary and doc.example_rule and doc.passes and doc.fails, f"{kind}: docstring lacks an example"
    rule = make_rule(tmp_path, doc.example_rule, message="x")
    parent = with_header(doc.parent, PARENT_HEADER) if doc.parent else ""
    context = getattr(load_kind(kind), "EXAMPLE_CONTEXT", {})  # how the examples are run (a corpus, ...)
    assert audit_text(tmp_path, with_header(doc.passes), rule, parent_text=parent, **context) == []
    assert [f.rule for f in audit_text(tmp_path, with_header(doc.fails), rule, parent_text=parent, **context)] == ["TEST001"]


def with_header(excerpt: str, header: str = HEADER) -> str:
    """An excerpt that starts at a section heading gets a plan header; one with its own keeps it."""
    return header + excerpt if re.match(r"([IVX]+|\d+)\.\s", excerpt) else excerpt


def test_requires_concept_points_at_the_section_where_it_belonged(tmp_path):
    rule = make_rule(
        tmp_path, "check: requires_concept\nparams: {concept: channel.zalo, sections: [hinh_thuc]}",
        message="Thiếu {concept_label} ở {section}",
    )
    text = HEADER + "I. NỘI DUNG\n- Cải cách thủ tục hành chính.\n\nII. HÌNH THỨC TUYÊN TRUYỀN\n- Đăng tin trên Cổng thông tin điện tử xã.\n"
    [finding] = audit_text(tmp_path, text, rule)
    assert (finding.line, finding.concept, finding.evidence) == (11, "channel.zalo", None)
    assert finding.message == "Thiếu Zalo ở II. HÌNH THỨC TUYÊN TRUYỀN"
    assert audit_text(tmp_path, text.replace("Cổng thông tin điện tử xã", "Zalo của xã"), rule) == []


def test_a_concept_named_only_in_the_preamble_citation_is_missing(tmp_path):
    rule = make_rule(tmp_path, "check: requires_concept\nparams: {concept: indicator.par_index}")
    text = HEADER + (
        "Căn cứ Kế hoạch số 89/KH-UBND ngày 13/01/2021 của Ủy ban nhân dân tỉnh về Đề án nâng cao các "
        "Chỉ số PCI, ICT, PAPI, PAR Index của tỉnh.\n\nI. NỘI DUNG TUYÊN TRUYỀN\n- Cải cách thủ tục hành chính.\n"
    )
    [finding] = audit_text(tmp_path, text, rule)
    assert finding.concept == "indicator.par_index"
    assert finding.line is None  # no section was named as its place


def test_requires_any_of_lists_the_alternatives_in_the_language_asked(tmp_path):
    rule = make_rule(
        tmp_path, "check: requires_any_of\nparams: {concepts: [channel.zalo, channel.facebook]}",
        message="{concepts}",
    )
    text = HEADER + "I. HÌNH THỨC TUYÊN TRUYỀN\n- Tuyên truyền trên hệ thống truyền thanh của xã.\n"
    [finding] = audit_text(tmp_path, text, rule, lang="en")
    assert finding.message == "Zalo (official account); Facebook page"
    assert finding.concept is None
    assert audit_text(tmp_path, text + "- Đăng trên Fanpage của xã.\n", rule) == []


def test_requires_section_accepts_a_merged_heading_and_a_title_pattern(tmp_path):
    rule = make_rule(
        tmp_path, "check: requires_section\nparams: {kinds: [hinh_thuc], title_pattern: '^tuyên truyền (trên|qua)'}",
        message="Thiếu phần {section}",
    )
    merged = HEADER + "II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN\n- Tin bài trên Cổng thông tin điện tử.\n"
    by_channel = HEADER + "II. NỘI DUNG TUYÊN TRUYỀN\n1. Tuyên truyền trên Cổng thông tin điện tử huyện\n- Tin bài.\n"
    neither = HEADER + "II. NỘI DUNG TUYÊN TRUYỀN\n1. Tuyên truyền trong nội bộ cơ quan\n- Tin bài.\n"
    assert audit_text(tmp_path, merged, rule) == []
    assert audit_text(tmp_path, by_channel, rule) == []
    [finding] = audit_text(tmp_path, neither, rule)
    assert (finding.message, finding.line) == ("Thiếu phần Hình thức tuyên truyền", None)


TABLE = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN GÒ DẦU | Độc lập - Tự do - Hạnh phúc\n"


@pytest.mark.parametrize(
    ("header", "field", "expected"),
    [
        ("Số: /KH-UBND\n\nGò Dầu, ngày 06 tháng 5 năm 2022\n", "number", (3, "để trống (bản dự thảo?)", "Số: /KH-UBND")),
        ("Số: /KH-SXD Tây Ninh, ngày tháng năm 2021\n", "date", (3, "để trống (bản dự thảo?)", "Số: /KH-SXD Tây Ninh, ngày tháng năm 2021")),
        ("\n", "number", (None, "không có", None)),
    ],
)
def test_requires_field_tells_a_blank_draft_field_from_a_missing_one(tmp_path, header, field, expected):
    rule = make_rule(tmp_path, f"check: requires_field\nparams: {{field: {field}}}", message="{state}")
    text = header + "\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2022\n\nI. NỘI DUNG TUYÊN TRUYỀN\n- TTHC.\n"
    [finding] = audit_text(tmp_path, TABLE + text, rule)
    assert (finding.line, finding.message, finding.evidence) == expected
    # without the header's table the text is a portal copy: THETHUC010 says it all, once
    assert audit_text(tmp_path, text, rule) == []


def test_min_count_names_what_is_missing(tmp_path):
    rule = make_rule(
        tmp_path,
        "check: min_count\nparams: {concepts: [content.tthc, content.cong_vu, content.tai_chinh_cong], min: 2, sections: [noi_dung]}",
        message="{count}/{total} (>= {min}); thiếu: {missing}",
    )
    text = HEADER + "II. NỘI DUNG TUYÊN TRUYỀN\n- Cải cách thủ tục hành chính.\n"
    [finding] = audit_text(tmp_path, text, rule)
    assert finding.message == "1/3 (>= 2); thiếu: Cải cách chế độ công vụ; Cải cách tài chính công"
    assert finding.line == 8
    assert audit_text(tmp_path, text + "- Cải cách tài chính công.\n", rule) == []


def test_min_count_of_units(tmp_path):
    rule = make_rule(tmp_path, "check: min_count\nparams: {of: units, min: 2, sections: [to_chuc_thuc_hien]}", message="{count}")
    text = HEADER + "I. NỘI DUNG TUYÊN TRUYỀN\n- TTHC.\n\nII. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa và Thông tin huyện\n- Chủ trì thực hiện.\n"
    [finding] = audit_text(tmp_path, text, rule)
    assert (finding.message, finding.line) == ("1", 11)
    more = text + "2. Văn phòng HĐND và UBND huyện\n- Phối hợp thực hiện.\n"
    assert audit_text(tmp_path, more, rule) == []
