"""Scanned PDFs are read by OCR (Tesseract with its Vietnamese data): a fixture PDF rasterised to an
image-only PDF reads to the header, citations and concepts of its text layer, the differences OCR
makes counted and shown; lines carry their page and the OCR mark, and findings on them say so.
Needs Tesseract (see tests/helpers/converters.py)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from audit.engine.context import CheckContext
from audit.engine.engine import run_rules
from audit.engine.packs import load_rules
from audit.pipeline import load_plan
from audit.read import ocr, read_source
from audit.read.errors import InputError
from tests.helpers.converters import need_tesseract_vie, to_pdf
from tests.test_read_renderings import understood

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def scan_of(pdf: Path, target: Path, dpi: int = 200) -> Path:
    """An image-only PDF of `pdf`'s pages, as an office scanner makes one (grey, `dpi`)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    images = [document[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(document))]
    images[0].save(str(target), save_all=True, append_images=images[1:], resolution=dpi)
    document.close()
    return target


def differences(source: dict, scanned: dict) -> list[str]:
    """What the OCR reading says otherwise than the source, one entry per field, citation or concept."""
    found = [f"header.{k}: {source['header'][k]!r} -> {scanned['header'][k]!r}"
             for k in source["header"] if source["header"][k] != scanned["header"][k]]
    found += [f"citation: {c}" for c in source["citations"] if c not in scanned["citations"]]
    found += [f"citation (ocr): {c}" for c in scanned["citations"] if c not in source["citations"]]
    found += [f"concept lost: {c}" for c in sorted(set(source["concepts"]) - set(scanned["concepts"]))]
    found += [f"concept added: {c}" for c in sorted(set(scanned["concepts"]) - set(source["concepts"]))]
    return found


def misread_lines(source, scanned) -> list[str]:
    a = [line.text for line in source.lines]
    b = [line.text for line in scanned.lines]
    return [d for d in difflib.unified_diff(a, b, lineterm="", n=0) if d[:1] in "+-" and d[:3] not in ("+++", "---")]


def header_texts(plan) -> list[str]:
    title = plan.header.lines.get("title", 0)
    return [line.text for line in plan.lines if line.number < title]


def assert_reads_like(plan, source_pdf: Path) -> None:
    """The scan's reading `plan` is like the text layer's: pages, citations and concepts; the header
    too unless OCR misread one of its lines. Every difference is counted and printed (pytest -s)."""
    source = load_plan(source_pdf)
    assert not any(line.ocr for line in source.lines)
    assert all(line.ocr and line.page for line in plan.lines)
    assert {line.page for line in plan.lines} == {line.page for line in source.lines}
    diffs = differences(understood(source), understood(plan))
    lines = misread_lines(source, plan)
    print(f"\n{source_pdf.name}: {len(diffs)} differences, {len(lines)} lines read otherwise by OCR")
    print("\n".join(diffs + lines))
    assert [(c.number, c.symbol, c.date, c.issuer) for c in plan.citations] == [
        (c.number, c.symbol, c.date, c.issuer) for c in source.citations]
    assert not [d for d in diffs if d.startswith("concept")], diffs
    header_diffs = [d for d in diffs if d.startswith("header.")]
    if header_texts(plan) == header_texts(source):
        assert header_diffs == []
    else:  # a header line misread: what follows from it may differ, and nothing else
        assert len(header_diffs) <= 3, header_diffs
    assert len(diffs) == len(header_diffs), diffs
    text_ratio = difflib.SequenceMatcher(None, "\n".join(line.text for line in source.lines),
                                         "\n".join(line.text for line in plan.lines), autojunk=False).ratio()
    assert text_ratio > 0.95, lines


@pytest.fixture(scope="module")
def scanned_fixture(tmp_path_factory):
    """The fixture PDF scanned, read by OCR (once: a page takes seconds)."""
    need_tesseract_vie()
    return load_plan(scan_of(FIXTURES / "2024-xa-phuc-khe.pdf", tmp_path_factory.mktemp("scan") / "scan.pdf"))


def test_scanned_fixture_pdf_reads_like_its_text_layer(scanned_fixture):
    plan = scanned_fixture
    assert_reads_like(plan, FIXTURES / "2024-xa-phuc-khe.pdf")
    assert (plan.header.issuer, plan.header.number, plan.header.date.isoformat()) == (
        "Ủy ban nhân dân xã Phúc Khê", "06", "2024-02-08")


def test_scanned_word_rendering_reads_like_its_text_layer(tmp_path):
    """A LibreOffice rendering of the .docx fixture (Word's side-by-side header), scanned."""
    need_tesseract_vie()
    [pdf] = to_pdf([FIXTURES / "2024-so-tttt.docx"], tmp_path)
    assert_reads_like(load_plan(scan_of(pdf, tmp_path / "scan.pdf")), pdf)


def test_findings_on_ocr_lines_say_so(scanned_fixture):
    findings = run_rules(scanned_fixture, load_rules(), CheckContext(lang="en"))
    assert findings
    for finding in findings:
        assert finding.message.endswith(("(line read by OCR from a scan: letters may be misread, check the scan)",
                                         "(the plan has pages read by OCR from a scan: letters may be misread, "
                                         "check the scan)")), finding.message
    typed = run_rules(load_plan(FIXTURES / "2024-xa-phuc-khe.pdf"), load_rules(), CheckContext(lang="en"))
    assert not any("OCR" in finding.message for finding in typed)


def test_a_scan_without_tesseract_says_how_to_install_it(tmp_path, monkeypatch):
    scan = scan_of(FIXTURES / "2024-xa-phuc-khe.pdf", tmp_path / "scan.pdf", dpi=72)
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    with pytest.raises(InputError) as caught:
        read_source(scan)
    assert caught.value.message("en") == (
        f"{scan}: PDF has no text layer (a scanned image) and Tesseract with its Vietnamese data, which reads "
        "scans, is not installed. Install Tesseract (Debian, Ubuntu: `sudo apt-get install tesseract-ocr "
        "tesseract-ocr-vie`) and audit it again, or run OCR on it first, e.g. `ocrmypdf -l vie in.pdf out.pdf`")
