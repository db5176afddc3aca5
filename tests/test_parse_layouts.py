"""Layouts beyond the seeds' own: a Quyết định carrying a plan, a closing laid out as a table,
signer chains, laws cited by name, proposals that are no basis, a draft appendix caption."""

from __future__ import annotations

import datetime as dt

from audit.model import SourceText
from audit.parse import parse_plan
from audit.pipeline import load_plan
from tests.conftest import FIXTURES


def plan_of(text: str):
    from audit.read.text import clean_line

    lines = [clean_line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]
    return parse_plan(SourceText(path="x.md", format="markdown", lines=lines))


def test_decision_with_attached_plan_keeps_its_own_closing_and_laws():
    plan = load_plan(FIXTURES / "2024-tinh-lam-giang.md")
    s = plan.signer
    assert (s.prefix, s.authority, s.position, s.line) == ("TM", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", 43)
    laws = [c for c in plan.citations if c.doc_type == "Luật"]
    assert (laws[0].subject, laws[0].date, laws[0].line) == ("Tổ chức chính quyền địa phương", dt.date(2015, 6, 19), 16)
    # "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV" is a proposal, not a basis.
    assert all(c.doc_type != "TTr" for c in plan.citations)


def test_law_numbers_carry_the_assembly_code():
    plan = load_plan(FIXTURES / "2025-tinh-lam-giang.md")
    law = plan.citations[0]
    assert (law.doc_type, law.reference, law.line) == ("Luật", "72/2025/QH15", 14)


def test_closing_as_a_two_column_table():
    plan = plan_of(
        "KẾ HOẠCH\nTuyên truyền CCHC năm 2024\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n"
        "Trên đây là Kế hoạch.\n"
        "Nơi nhận: | TM. ỦY BAN NHÂN DÂN\n- UBND huyện; | KT. CHỦ TỊCH\n- Lưu: VT. | PHÓ CHỦ TỊCH\n | Nguyễn Văn An"
    )
    assert [r.text for r in plan.recipients] == ["UBND huyện;", "Lưu: VT."]
    s = plan.signer
    assert (s.prefix, s.authority, s.position, s.name) == ("TM", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")


def test_department_name_in_capitals_keeps_each_field_capitalized():
    plan = load_plan(FIXTURES / "2024-so-tttt.docx")
    assert plan.header.issuer == "Sở Thông tin và Truyền thông"


def test_draft_appendix_caption_still_names_the_symbol():
    plan = load_plan(FIXTURES / "2024-so-tttt.docx")
    attached = plan.appendix.attached_to
    assert (attached.number, attached.symbol, attached.date) == (None, "KH-STTTT", None)


def test_heads_of_villages_are_units():
    plan = load_plan(FIXTURES / "2024-tt-lam-xuyen.md")
    assert "Tổ trưởng các tổ dân phố" in [u.name for u in plan.units]
