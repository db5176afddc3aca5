"""The same plan read from text, .docx and PDF parses to the same header and citations, and a
portal copy (boilerplate above a flattened header, a hard-wrapped citation) reads right."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.pipeline import load_plan
from audit.read import read_source
from tests.conftest import seed
from tests.helpers.make_docs import FONT, write_docx, write_pdf

HEADER_FIELDS = ("doc_type", "number", "symbol", "date", "place", "issuer", "level", "year")
CITATION_FIELDS = ("relation", "doc_type", "number", "symbol", "date", "issuer")
needs_font = pytest.mark.skipif(not FONT.exists(), reason=f"PDF tests need the DejaVuSans font at {FONT}")

WRITERS = [pytest.param("docx", write_docx, id="docx"), pytest.param("pdf", write_pdf, id="pdf", marks=needs_font)]

# A plan as copied from a commune's web portal: site name, menu, breadcrumb and date stamp above
# the header, the two-column header flattened into "left | right", the citation hard-wrapped.
PORTAL_COPY = """\
CỔNG THÔNG TIN ĐIỆN TỬ XÃ TIỀN TIẾN
TRANG CHỦ | GIỚI THIỆU | TIN TỨC | VĂN BẢN | LIÊN HỆ
Trang chủ > Văn bản > Văn bản chỉ đạo điều hành
Ngày đăng: 03/01/2024 08:15 | Lượt xem: 152

ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc
Số: 02/KH-UBND | Tiền Tiến, ngày 02 tháng 01 năm 2024

KẾ HOẠCH
Tuyên truyền về Cải cách hành chính năm 2024 trên địa bàn xã Tiền Tiến

Thực hiện Kế hoạch số 442/KH-UBND ngày 28 tháng 12 năm 2023 của Ủy ban
nhân dân thành phố Hải Dương về tuyên truyền cải cách hành chính Nhà nước năm 2024.

Ủy ban nhân dân xã Tiền Tiến xây dựng kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
"""

# The same plan as the issuer typed it: the header as Word's two-column table holds it.
TYPED_PLAN = PORTAL_COPY.split("\n\n", 1)[1].replace(" | ", "\n")


def header_of(plan) -> dict:
    return {name: getattr(plan.header, name) for name in HEADER_FIELDS}


def citations_of(plan) -> list[tuple]:
    return [tuple(getattr(c, name) for name in CITATION_FIELDS) for c in plan.citations]


@pytest.mark.parametrize(("suffix", "writer"), WRITERS)
@pytest.mark.parametrize("prefix", ["003", "004"])
def test_docx_and_pdf_parse_like_the_text(prefix, suffix, writer, tmp_path):
    text_plan = load_plan(seed(prefix))
    path = writer(seed(prefix).read_text(encoding="utf-8").splitlines(), tmp_path / f"plan.{suffix}")
    plan = load_plan(path)
    assert plan.format == path.suffix[1:]
    assert header_of(plan) == header_of(text_plan)
    assert citations_of(plan) == citations_of(text_plan)
    assert citations_of(plan)  # both seeds cite their parent plan
    for citation in plan.citations:  # the line number points at the citation as the reviewer sees it
        assert plan.line_text(citation.line).startswith(f"Thực hiện Kế hoạch số {citation.number}/")


@pytest.mark.parametrize(("suffix", "writer"), WRITERS)
def test_header_row_is_line_one_and_the_title_follows(suffix, writer, tmp_path):
    path = writer(seed("004").read_text(encoding="utf-8").splitlines(), tmp_path / f"plan.{suffix}")
    plan = load_plan(path)
    first = plan.lines[0]
    assert first.number == 1
    assert first.cells == ["Số: 02 /KH-UBND", "Tiền Tiến, ngày 02 tháng 01 năm 2024"]
    assert first.text == "Số: 02 /KH-UBND | Tiền Tiến, ngày 02 tháng 01 năm 2024"
    assert plan.header.lines["number"] == plan.header.lines["date"] == 1
    assert plan.header.lines["title"] == 2
    assert plan.line_text(2) == "KẾ HOẠCH"


def test_docx_appendix_table_rows_come_through(tmp_path):
    plan = load_plan(write_docx(seed("004").read_text(encoding="utf-8").splitlines(), tmp_path / "plan.docx"))
    appendix = plan.appendix
    assert appendix is not None and appendix.attached_to is not None
    assert (appendix.attached_to.number, appendix.attached_to.date) == ("01", dt.date(2024, 1, 1))
    [table] = appendix.tables
    assert table.columns == ["STT", "NỘI DUNG", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN THỰC HIỆN"]
    assert [row["STT"] for row in table.rows] == ["1", "2", "3", "4", "5", "6"]
    assert table.rows[1]["SẢN PHẨM"] == "Tin, bài"
    assert table.rows[5]["NỘI DUNG"] == "Báo cáo 6 tháng và 1 năm tuyên truyền CCHC năm 2024"
    # Tables sit in document order: after the appendix title, one line per row, in sequence.
    assert appendix.line < table.line
    assert table.row_lines == list(range(table.line + 1, table.line + 7))
    assert plan.lines[-1].number == table.row_lines[-1]


def test_docx_keeps_bold_paragraphs(tmp_path):
    plan = load_plan(write_docx(seed("003").read_text(encoding="utf-8").splitlines(), tmp_path / "plan.docx"))
    title = plan.lines[plan.header.lines["title"] - 1]
    assert (title.text, title.bold) == ("KẾ HOẠCH", True)
    preamble = plan.lines[plan.citations[0].line - 1]
    assert preamble.bold is False


@pytest.mark.parametrize(("suffix", "writer"), WRITERS)
def test_two_column_header_gives_issuer_and_motto(suffix, writer, tmp_path):
    path = writer(TYPED_PLAN.splitlines(), tmp_path / f"plan.{suffix}")
    plan = load_plan(path)
    assert plan.lines[0].cells == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert plan.lines[1].text == "XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc"
    assert plan.header.issuer == "Ủy ban nhân dân xã Tiền Tiến"
    assert plan.header.national_motto is True
    assert (plan.header.number, plan.header.date) == ("02", dt.date(2024, 1, 2))
    assert plan.header.lines == {"issuer": 1, "number": 3, "date": 3, "title": 4}


def test_portal_copy_header_and_wrapped_citation(tmp_path):
    path = tmp_path / "portal.txt"
    path.write_text(PORTAL_COPY, encoding="utf-8")
    plan = load_plan(path)
    assert header_of(plan) == {
        "doc_type": "KH", "number": "02", "symbol": "KH-UBND", "date": dt.date(2024, 1, 2),
        "place": "Tiền Tiến", "issuer": "Ủy ban nhân dân xã Tiền Tiến", "level": "xa", "year": 2024,
    }
    assert plan.header.parent_body is None  # the site's name and menu are not a parent body
    assert plan.header.national_motto is True
    assert plan.header.lines == {"issuer": 6, "number": 8, "date": 8, "title": 10}
    assert plan.header.title == "Tuyên truyền về Cải cách hành chính năm 2024 trên địa bàn xã Tiền Tiến"
    [citation] = plan.citations
    assert citations_of(plan) == [
        ("thuc_hien", "KH", "442", "KH-UBND", dt.date(2023, 12, 28), "Ủy ban nhân dân thành phố Hải Dương"),
    ]
    assert citation.line == 13  # where the wrapped citation starts
    assert citation.subject == "tuyên truyền cải cách hành chính Nhà nước năm 2024"


@needs_font
def test_pdf_encrypted_only_against_editing_still_reads(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(seed("004").read_text(encoding="utf-8").splitlines(), tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    writer.write(locked)
    assert header_of(load_plan(locked)) == header_of(load_plan(plain))


def test_docx_merged_cells_count_once(tmp_path):
    from docx import Document

    document = Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["STT", "NỘI DUNG", "SẢN PHẨM"]):
        cell.text = text
    merged = table.rows[1].cells[1].merge(table.rows[1].cells[2])
    merged.text = "Tin, bài"
    table.rows[1].cells[0].text = "1"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    lines = read_source(path).lines
    assert [line.cells for line in lines] == [["STT", "NỘI DUNG", "SẢN PHẨM"], ["1", "Tin, bài"]]
    assert [line.number for line in lines] == [1, 2]
