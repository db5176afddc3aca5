"""The generated fixtures (.docx, PDF) are in sync with their sources in fixtures/src/.

The files carry build times (zip entry dates, PDF creation date), so the check rebuilds them into
a temporary folder and compares their text, not their bytes. On a failure: run
`.venv/bin/python scripts/build_fixtures.py` and commit the rebuilt files.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_fixtures", REPO / "scripts" / "build_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


def docx_text(path: Path) -> list[str]:
    """Paragraphs and table rows in document order, a row's cells joined by tabs."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    out: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
    return out


def pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(str(path)).pages]


EXTRACT = {".docx": docx_text, ".pdf": pdf_text}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fixtures")
    builder.build(out)
    return out


@pytest.mark.parametrize("name", sorted(builder.GENERATED))
def test_generated_fixture_matches_its_source(name: str, rebuilt: Path) -> None:
    committed = FIXTURES / name
    assert committed.exists(), f"{name} is missing: run scripts/build_fixtures.py"
    extract = EXTRACT[committed.suffix]
    assert extract(committed) == extract(rebuilt / name), (
        f"{name} is out of date with fixtures/src/{builder.GENERATED[name][0]}: run scripts/build_fixtures.py"
    )


@pytest.mark.parametrize("name", sorted(builder.GENERATED))
def test_generated_fixture_keeps_the_plan_text(name: str) -> None:
    """The header number and the appendix table survive the conversion (a real text layer)."""
    text = "\n".join(EXTRACT[Path(name).suffix](FIXTURES / name))
    assert "/KH-" in text
    assert "KẾ HOẠCH" in text
    assert "Nơi nhận" in text
