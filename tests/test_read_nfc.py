"""Decomposed Unicode ("Unicode tổ hợp", Unikey's other output) reads exactly like composed text:
every reader composes its text (NFC) before parsing, for text files and .docx alike."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from audit.pipeline import load_plan
from audit.read import read_source
from audit.read.errors import InputError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXT_FIXTURES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def understood(plan) -> dict:
    """What a reviewer relies on: the header, the citations and the concepts with their lines."""
    return {
        "header": plan.header.model_dump(),
        "citations": [c.model_dump() for c in plan.citations],
        "concepts": [(c.id, [e.line for e in c.evidence]) for c in plan.concepts],
    }


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_decomposed_text_file_reads_like_the_source(name, tmp_path):
    source = FIXTURES / name
    copy = tmp_path / name
    copy.write_text(nfd(source.read_text(encoding="utf-8")), encoding="utf-8")
    assert copy.read_bytes() != source.read_bytes()  # the copy really is decomposed
    plan, original = load_plan(copy), load_plan(source)
    assert understood(plan) == understood(original)
    assert plan.header.issuer and plan.citations and plan.concepts


def _decompose_docx(source: Path, target: Path) -> None:
    from docx import Document

    document = Document(str(source))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for paragraph in paragraphs:
        for run in paragraph.runs:
            run.text = nfd(run.text)
    document.save(str(target))


def test_decomposed_docx_reads_like_the_source(tmp_path):
    source = FIXTURES / "2024-so-tttt.docx"
    copy = tmp_path / "so-tttt-nfd.docx"
    _decompose_docx(source, copy)
    raw = __import__("zipfile").ZipFile(copy).read("word/document.xml").decode("utf-8")
    assert "\u0300" in raw or "\u0301" in raw  # tone marks stored apart from their letters
    plan, original = load_plan(copy), load_plan(source)
    assert understood(plan) == understood(original)
    assert plan.header.issuer == "Sở Thông tin và Truyền thông"
    assert all(unicodedata.is_normalized("NFC", line.text) for line in plan.lines)


def test_decomposed_text_is_still_checked_for_legacy_encodings(tmp_path):
    """Composing comes before the legacy-encoding check, so decomposed Vietnamese is not taken for
    TCVN3 and a TCVN3 file is still refused."""
    legacy = tmp_path / "tcvn3.txt"
    legacy.write_bytes("KÕ ho¹ch tuyªn truyÒn c¶i c¸ch hµnh chÝnh n¨m 2024 cña Uû ban nh©n d©n x·".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_source(legacy)
    assert caught.value.key == "legacy"
