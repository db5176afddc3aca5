"""PDFs as offices make them: the fixtures rendered by LibreOffice from .docx (Word's side-by-side
header table, wrapped lines, several pages) read to the same header, citations and concepts as the
source they were made from. Needs LibreOffice (see tests/helpers/converters.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.pipeline import load_plan
from tests.helpers.converters import to_pdf
from tests.helpers.make_docs import write_docx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXT_FIXTURES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
HEADER_FIELDS = ("doc_type", "number", "symbol", "date", "place", "issuer", "level", "year", "title",
                 "parent_body", "national_motto")
CITATION_FIELDS = ("relation", "doc_type", "number", "symbol", "number_year", "date", "issuer")


def understood(plan) -> dict:
    return {
        "header": {name: getattr(plan.header, name) for name in HEADER_FIELDS},
        "citations": [{name: getattr(c, name) for name in CITATION_FIELDS} for c in plan.citations],
        "concepts": sorted(c.id for c in plan.concepts),
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Every text fixture as a .docx (python-docx, header as a two-column table) and the .docx
    fixture, rendered to PDF by LibreOffice in one run."""
    folder = tmp_path_factory.mktemp("rendered")
    documents = [write_docx((FIXTURES / name).read_text(encoding="utf-8").splitlines(), folder / f"{Path(name).stem}.docx")
                 for name in TEXT_FIXTURES]
    documents.append(FIXTURES / "2024-so-tttt.docx")
    pdfs = to_pdf(documents, folder)
    return {document.name if document.parent == FIXTURES else document.stem: pdf for document, pdf in zip(documents, pdfs)}


def test_docx_fixture_as_pdf_reads_like_the_docx(rendered):
    pdf = load_plan(rendered["2024-so-tttt.docx"])
    source = load_plan(FIXTURES / "2024-so-tttt.docx")
    assert understood(pdf) == understood(source)
    # the wrapped issuer and the Quốc hiệu are not interleaved (was "Sở Thông tin và Truyền việt nam thông")
    assert pdf.header.issuer == "Sở Thông tin và Truyền thông"
    assert max(line.page for line in pdf.lines) > 1
    assert all(line.page for line in pdf.lines)


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_text_fixture_as_word_pdf_reads_like_the_text(name, rendered):
    pdf = load_plan(rendered[Path(name).stem])
    assert understood(pdf) == understood(load_plan(FIXTURES / name))
    assert pdf.format == "pdf" and pdf.header.issuer


def _narrow_header_docx(path: Path) -> Path:
    """A district's plan whose header table has a narrow right column, so the Quốc hiệu wraps
    inside "XÃ HỘI CHỦ NGHĨA" as it does in many real headers."""
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    table = document.add_table(rows=2, cols=2)
    texts = [(["ỦY BAN NHÂN DÂN", "HUYỆN PHÙ LAM"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
             (["Số: 12/KH-UBND"], ["Phù Lam, ngày 26 tháng 01 năm 2024"])]
    for row, (left, right) in zip(table.rows, texts):
        for cell, lines, width in ((row.cells[0], left, Cm(9)), (row.cells[1], right, Cm(4.2))):
            cell.width = width
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(13)
    for text in ("KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024",
                 "Thực hiện Quyết định số 186/QĐ-UBND ngày 16/01/2024 của Ủy ban nhân dân tỉnh Lam Giang, "
                 "Ủy ban nhân dân huyện Phù Lam ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU"):
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_wrapped_national_name_does_not_make_a_district_a_commune(tmp_path):
    docx = _narrow_header_docx(tmp_path / "huyen.docx")
    [pdf_path] = to_pdf([docx], tmp_path)
    pdf = load_plan(pdf_path)
    header_cells = [cell for line in pdf.lines[:6] for cell in (line.cells or [line.text])]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in header_cells  # the test is void unless it wraps
    assert pdf.header.issuer == load_plan(docx).header.issuer == "Ủy ban nhân dân huyện Phù Lam"
    assert pdf.header.level == "huyen"
    assert (pdf.header.number, pdf.header.date.isoformat()) == ("12", "2024-01-26")
    assert pdf.header.national_motto


APPENDIX = [["STT", "Nội dung", "Sản phẩm", "Cơ quan thực hiện", "Thời gian"],
            ["1", "Báo cáo 6 tháng và 1 năm kết quả tuyên truyền cải cách hành chính", "Báo cáo",
             "Văn phòng Ủy ban nhân dân xã", "Trong năm 2024"],
            ["2", "Tin bài về cải cách hành chính trên Cổng thông tin điện tử của xã", "48 tin bài",
             "Công chức Văn hóa - Xã hội", "Hằng tháng"]]


def test_ruled_table_rows_read_as_one_line_each(tmp_path):
    """A bordered appendix table (Word's "Table Grid") with cells that wrap over several lines: each
    row is one line with its cells, as the .docx gives it, so a phrase split by the wrap is found."""
    from docx import Document

    document = Document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=0, cols=len(APPENDIX[0]))
    table.style = "Table Grid"
    for row in APPENDIX:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    docx = tmp_path / "phu-luc.docx"
    document.save(str(docx))
    [pdf] = to_pdf([docx], tmp_path)
    from audit.read import read_source

    lines = read_source(pdf).lines
    assert [line.cells for line in lines[1:]] == APPENDIX == [line.cells for line in read_source(docx).lines[1:]]
    assert len(lines) == 4


def test_a_plan_with_every_table_ruled_reads_like_the_text(tmp_path):
    """The header table with its borders shown too (some offices print them): its rows become ruled
    rows, and the plan still reads like its source."""
    from docx import Document

    source = FIXTURES / "2024-xa-kim-khe.md"
    docx = write_docx(source.read_text(encoding="utf-8").splitlines(), tmp_path / "kim-khe.docx")
    document = Document(str(docx))
    for table in document.tables:
        table.style = "Table Grid"
    document.save(str(docx))
    [pdf] = to_pdf([docx], tmp_path)
    plan = load_plan(pdf)
    assert plan.lines[0].cells == ["ỦY BAN NHÂN DÂN XÃ KIM KHÊ",
                                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"]
    assert understood(plan) == understood(load_plan(source))
