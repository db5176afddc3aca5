"""LibreOffice and Tesseract for the tests that need them: found, or the test skips saying what to
install; with PLAN_AUDIT_REQUIRE_CONVERTERS set (CI, see .ci/run) their absence is a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REQUIRE = "PLAN_AUDIT_REQUIRE_CONVERTERS"


def need(program: str, package: str) -> str:
    """The path of `program`, else skip (or fail under PLAN_AUDIT_REQUIRE_CONVERTERS)."""
    found = shutil.which(program)
    if found:
        return found
    message = f"{program} not installed (apt-get install {package})"
    if os.environ.get(REQUIRE):
        pytest.fail(f"{REQUIRE} is set but {message}")
    pytest.skip(f"{message}; set {REQUIRE}=1 to make this a failure")


def need_tesseract_vie() -> str:
    """The tesseract binary with its Vietnamese data."""
    tesseract = need("tesseract", "tesseract-ocr tesseract-ocr-vie")
    langs = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=60).stdout.split()
    if "vie" not in langs:
        message = "Tesseract has no Vietnamese data (apt-get install tesseract-ocr-vie)"
        if os.environ.get(REQUIRE):
            pytest.fail(f"{REQUIRE} is set but {message}")
        pytest.skip(message)
    return tesseract


def to_pdf(documents: list[Path], folder: Path) -> list[Path]:
    """PDFs of `documents` made by LibreOffice headless in `folder` (see `convert`)."""
    return convert(documents, folder, "pdf")


def convert(documents: list[Path], folder: Path, target: str) -> list[Path]:
    """`documents` (.docx, .odt ...) converted by LibreOffice headless to `target` ("pdf", "odt",
    "doc", "rtf") in `folder`, one run for all; a private profile lets runs in parallel not wait
    on each other's lock."""
    soffice = need("soffice", "libreoffice-writer-nogui")
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir", str(folder),
         *map(str, documents)], check=True, capture_output=True, timeout=300,
    )
    made = [folder / f"{document.stem}.{target}" for document in documents]
    assert all(path.exists() for path in made), f"LibreOffice made no .{target} of some of {documents}"
    return made
