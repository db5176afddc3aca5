"""Measure plan-audit on hostile inputs at the size limits (issue #22): a 20 MB text and a 16 MB .docx
built to cost the most within the limits, and files that should be refused early. Each runs as its
own `plan-audit check` process; the script prints wall time, peak memory (max RSS of the process)
and the first finding, for docs/security.md. Goal: each under a minute and 1 GB, with a finding.

Run: .venv/bin/python scripts/hostile_inputs.py
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

MB = 1_000_000
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
CITATION = "Thực hiện Kế hoạch số 1183/KH-UBND ngày 08/4/2022 của UBND tỉnh Lâm Giang"
HEADER = "ỦY BAN NHÂN DÂN XÃ KIM KHÊ\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
# Every pattern the attack round found costly, within one line of about 1,000 characters: a citation
# followed by spaces, runs of dots and ellipses after "Số", a phrase said twice many times.
HOSTILE_LINE = (CITATION + " " * 300 + "Số: " + "." * 200 + " xã " + "…" * 100 + " "
                + "tuyên truyền " * 25 + "[" + ". " * 50)


def hostile_lines(size: int, width: int = len(HOSTILE_LINE)) -> list[str]:
    """Lines of `width` characters of HOSTILE_LINE, each ending in its own number (no two alike, so
    nothing computed for one line serves another), `size` bytes in all."""
    count = size // len((HOSTILE_LINE[:width] + " 00000\n").encode())
    return [f"{HOSTILE_LINE[:width]} {index}" for index in range(count)]


def text_cases(folder: Path) -> dict[str, Path]:
    from audit.read import MAX_TEXT_CHARS

    under = hostile_lines(2 * MAX_TEXT_CHARS)
    while sum(map(len, under)) > MAX_TEXT_CHARS - 1000:  # the most hostile text that is still read
        under.pop()
    cases = {
        "20 MB text, hostile lines within the line cap": HEADER + "\n".join(hostile_lines(20 * MB)[:19_990]),
        "hostile text just under the limits (2 M characters)": HEADER + "\n".join(under),
        "20 MB text, one line": HEADER + "Số " + "." * (20 * MB - 200),
        "20 MB text, only line breaks": HEADER + "\n" * (20 * MB - 200),
    }
    paths = {}
    for index, (name, text) in enumerate(cases.items()):
        path = folder / f"text{index}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def docx_case(folder: Path, paragraphs: list[str], padding: int, name: str, style: str | None = None) -> Path:
    """A .docx whose body is `paragraphs` (each of paragraph style `style`, if given), padded to
    `padding` bytes with a stored part of random bytes (an image). The tests build theirs here too."""
    styled = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    body = "".join(f"<w:p>{styled}<w:r><w:t xml:space=\"preserve\">{_xml(p)}</w:t></w:r></w:p>" for p in paragraphs)
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", (
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>"))
        archive.writestr("word/media/image1.png", os.urandom(max(padding - path.stat().st_size, 0)),
                         compress_type=zipfile.ZIP_STORED)
    return path


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def docx_cases(folder: Path) -> dict[str, Path]:
    header = HEADER.strip().split("\n")
    return {
        # the document part kept under 10 MB, below which no compression ratio is refused
        "16 MB .docx, 19,990 hostile paragraphs": docx_case(folder, header + hostile_lines(10 * MB, 420)[:19_990],
                                                            16 * MB, "a.docx"),
        "16 MB .docx, 100,000 tiny paragraphs": docx_case(folder, header + ["a"] * 100_000, 16 * MB, "b.docx"),
    }


def measure(path: Path) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, first finding) of `plan-audit check path`."""
    script = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
              "sys.stdout.buffer.write(r.stdout); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode, file=sys.stderr)")
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "audit", "check", str(path),
                          "--format", "json", "--lang", "en"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_kb, code = map(int, run.stderr.split()[-2:])
    findings = json.loads(run.stdout)["findings"]
    first = next((f for f in findings if f["rule"] == "INPUT001"), findings[0] if findings else None)
    return seconds, peak_kb / 1024, code, f"{first['rule']}: {first['message'][:110]}" if first else "none"


def main() -> None:
    assert resource  # POSIX only: the peak memory is the child's max RSS
    with tempfile.TemporaryDirectory(prefix="plan-audit-hostile-") as scratch:
        folder = Path(scratch)
        cases = {**text_cases(folder), **docx_cases(folder)}
        print("| input | size | time | peak memory | exit | first finding |")
        print("|---|---|---|---|---|---|")
        for name, path in cases.items():
            seconds, peak, code, finding = measure(path)
            size = path.stat().st_size / MB
            print(f"| {name} | {size:.1f} MB | {seconds:.1f} s | {peak:.0f} MB | {code} | {finding} |", flush=True)


if __name__ == "__main__":
    main()
