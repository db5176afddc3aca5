"""Old Word .doc, OpenDocument .odt and .rtf files: converted to .docx by LibreOffice headless,
then read as a .docx (docx.py), so every word-processor format is read the same way.

The conversion runs in a private temporary folder (created readable by the user only, removed
afterwards) with its own LibreOffice profile, so it neither waits for a LibreOffice the user has
open nor leaves anything behind; the input is read, never written. A conversion that takes longer
than `TIMEOUT` seconds is stopped, with all LibreOffice's processes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from audit.model import SourceText
from audit.read.errors import InputError

TIMEOUT = 120  # seconds; a plan of 30 pages converts in 2 to 5 s on a slow machine
KINDS = {"doc": ".doc", "odt": ".odt", "rtf": ".rtf"}


def read_converted(path: Path, kind: str) -> SourceText:
    """Read a .doc, .odt or .rtf file (`kind`) through a conversion to .docx."""
    from audit.read.docx import read_docx

    name = str(path)
    if kind == "doc" and not _valid_ole(path):
        raise InputError(name, "doc_damaged")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(name, "needs_soffice", kind=KINDS[kind])
    with tempfile.TemporaryDirectory(prefix="plan-audit-convert-") as folder:
        work = Path(folder)
        # A copy under a plain name: LibreOffice reads an argument starting with "-" as an option.
        source = work / f"input{KINDS[kind]}"
        shutil.copyfile(path, source)
        _run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
              "--convert-to", "docx", "--outdir", str(work / "out"), str(source)], name, kind)
        converted = work / "out" / "input.docx"
        if not converted.exists():
            raise InputError(name, "convert.failed", kind=KINDS[kind])
        document = read_docx(converted)
    return document.model_copy(update={"path": name, "format": kind})


def _valid_ole(path: Path) -> bool:
    """An OLE file's header has its byte-order mark at offset 28 (a cut or zeroed file has not)."""
    with path.open("rb") as handle:
        return handle.read(32)[28:30] == b"\xfe\xff"


def _run(command: list[str], name: str, kind: str) -> None:
    """Run LibreOffice in its own process group, so a timeout stops all of its processes."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise InputError(name, "convert.timeout", kind=KINDS[kind], seconds=TIMEOUT) from None
    if process.returncode != 0:
        raise InputError(name, "convert.failed", kind=KINDS[kind])
