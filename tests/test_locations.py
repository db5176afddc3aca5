"""A finding on a PDF gives its page, on a .docx its section and the first words of its paragraph,
beside the line number (which neither viewer shows): in JSON (optional `page` and `where`), in the
terminal and in the Markdown and HTML reports. Text files keep the line number alone."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from audit.pipeline import load_plan
from tests.helpers.schema import validated

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOCX, PDF, TEXT = (str(FIXTURES / name) for name in ("2024-so-tttt.docx", "2024-xa-phuc-khe.pdf", "2024-so-noi-vu.txt"))


def run(*args: str) -> str:
    return CliRunner().invoke(main, ["check", *args, "--lang", "en"]).stdout


def findings(*paths: str) -> list[dict]:
    return validated(run(*paths, "--format", "json"), "check")["findings"]


def test_json_gives_a_docx_finding_its_section_and_paragraph():
    located = {(f["rule"], f["line"]): f.get("where") for f in findings(DOCX)}
    assert located[("CHISO001", 14)] == "section \u201cII. NỘI DUNG TUYÊN TRUYỀN\u201d"  # the line is the heading
    assert located[("THETHUC009", 3)] == "paragraph \u201cSố: /KH-STTTT | Bến Lam, ngày tháng năm…\u201d"
    assert all("page" not in f for f in findings(DOCX))


def test_json_gives_a_pdf_finding_its_page():
    plan = load_plan(PDF)
    pdf = [f for f in findings(PDF) if f["line"]]
    assert pdf
    for finding in pdf:
        page = next(line.page for line in plan.lines if line.number == finding["line"])
        assert (finding["page"], finding["where"]) == (page, f"page {page}")
    assert max(line.page for line in plan.lines) > 1


def test_a_docx_paragraph_under_a_heading_names_both(tmp_path):
    from docx import Document

    document = Document()
    for text in ("KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024", "I. NỘI DUNG TUYÊN TRUYỀN",
                 "Tuyên truyền các quy định mới về về thủ tục hành chính và dịch vụ công trực tuyến."):
        document.add_paragraph(text)
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    [doubled] = findings(str(path), "--select", "CHINHTA002")  # "về về" in the fourth paragraph
    assert (doubled["line"], doubled["where"]) == (4, "section \u201cI. NỘI DUNG TUYÊN TRUYỀN\u201d, paragraph "
                                                      "\u201cTuyên truyền các quy định mới về về…\u201d")


def test_text_findings_keep_the_line_number_alone():
    assert findings(TEXT)
    assert not any("where" in f or "page" in f for f in findings(TEXT))


def test_terminal_and_markdown_show_where_beside_the_line():
    terminal = run(PDF, DOCX, "--format", "rich")
    assert "2024-xa-phuc-khe.pdf:18 (page 1)" in terminal.replace("\n      ", "")
    markdown = run(PDF, DOCX, "--format", "markdown", "--absolute-paths")
    assert f"{DOCX}:14 (section \u201cII. NỘI DUNG TUYÊN TRUYỀN\u201d)" in markdown
    assert f"{PDF}:18 (page 1)" in markdown
    html = run(PDF, DOCX, "--format", "html", "--absolute-paths")
    assert "2024-xa-phuc-khe.pdf:18 (page 1)" in html
