"""Bad input: `plan-audit extract FILE` prints one line naming the file and what to do, exits 2,
and never shows a traceback. Files that are only unusually encoded (UTF-16, Windows-1258) parse."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from audit.pipeline import load_plan
from audit.read.errors import InputError
from tests.conftest import seed
from tests.helpers.make_docs import FONT, write_docx, write_pdf
from tests.helpers.schema import validated

needs_font = pytest.mark.skipif(not FONT.exists(), reason=f"PDF tests need the DejaVuSans font at {FONT}")

# Lower-case letters of TCVN3 (ABC, ".VnTime"); upper-case toned letters are written with the
# same codes in the upper-case font (".VnTimeH"), so they map to the lower-case codes here.
TCVN3 = dict(zip(
    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
    "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ¡¢£¤¥¦§",
))
# VNI: a base letter followed by a mark byte (tone, or shape + tone); đ and some i-forms are one byte.
VNI_TONES = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_HAT_TONES = {"": "â", "\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE_TONES = {"": "ê", "\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_SINGLE = {"đ": "ñ", "ơ": "ô", "ư": "ö", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò"}
VNI_SINGLE.update({k.upper(): v.upper() for k, v in VNI_SINGLE.items()})  # upper case: upper-case bytes
TONES = set(VNI_TONES)


# Text typed in a .VnTime font, as it shows once pasted into a Unicode file.
TCVN3_PASTED = [
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc", "KÕ ho¹ch",
    "Tuyªn truyÒn c¶i c¸ch hµnh chÝnh n¨m 2024 trªn ®Þa bµn x· B¶o Th¾ng",
]


def to_tcvn3(text: str) -> bytes:
    return "".join(TCVN3.get(ch, TCVN3.get(ch.lower(), ch)) for ch in text).encode("latin-1", errors="replace")


def to_vni(text: str) -> bytes:
    out = []
    for ch in text:
        if ch in VNI_SINGLE:
            out.append(VNI_SINGLE[ch])
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        tone = next((m for m in marks if m in TONES), "")
        if "\u0302" in marks:
            letter, mark = base, VNI_HAT_TONES[tone]
        elif "\u0306" in marks:
            letter, mark = base, VNI_BREVE_TONES[tone]
        elif "\u031b" in marks:
            letter, mark = VNI_SINGLE[unicodedata.normalize("NFC", base + "\u031b")], VNI_TONES.get(tone, "")
        else:
            letter, mark = base, VNI_TONES.get(tone, "")
        out.append(letter + (mark.upper() if base.isupper() else mark))
    return "".join(out).encode("cp1252", errors="replace")


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 keeps â, ê, ô, ă, ơ, ư, đ as letters and writes the five tones as combining marks."""
    out = []
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        tones = [m for m in marks if m in TONES]
        shape = [m for m in marks if m not in TONES]
        out.append(unicodedata.normalize("NFC", base + "".join(shape)) + "".join(tones))
    return "".join(out).encode("cp1258", errors="replace")


def run_extract(path: Path | str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "audit", "extract", *args, str(path)],
        capture_output=True, text=True, timeout=60,
    )


def assert_refused(path: Path | str, problem: str, advice: str) -> str:
    """Exit 2, nothing on stdout, one stderr line "plan-audit: error: <path>: <problem>. <advice>":
    in English with --lang en (checked here), and in Vietnamese by default, naming the file and
    saying what to do as the message table has it for the same error."""
    result = run_extract(path, "--lang", "en")
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"plan-audit: error: {path}: ")
    assert problem in lines[0]
    assert advice in lines[0]
    with pytest.raises(InputError) as raised:
        load_plan(path)
    error = raised.value
    assert lines[0] == f"plan-audit: error: {error.message('en')}"
    assert str(error) == error.message("vi") == f"{path}: {error.problem('vi')}. {error.advice('vi')}"
    assert error.problem("vi") != error.problem("en") and error.advice("vi") != error.advice("en")
    return lines[0]


def seed_text(prefix: str = "004") -> str:
    return seed(prefix).read_text(encoding="utf-8")


# --- text that is not a plan's text ----------------------------------------------------------


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_refused(path, "file is empty", "Check that the download or copy completed")


def test_whitespace_only(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n   \r\n", encoding="utf-8")
    assert_refused(path, "file is empty", "It holds only white space; check that the download or copy completed")


def test_binary_data(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(8192))
    assert_refused(path, "binary data, not text", "Give the plan as .docx")


def test_nul_bytes_in_text(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(seed_text().encode("utf-8").replace(b"\n", b"\n\x00", 3))
    assert_refused(path, "contains NUL bytes", "Give the plan as .docx")


def test_invalid_utf8_names_the_line(tmp_path):
    data = seed_text().encode("utf-8")
    cut = data.index("Tiền Tiến, ngày".encode("utf-8")) + 2  # a stray byte before "ề", on line 5
    path = tmp_path / "broken.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    assert_refused(path, "not valid UTF-8 text (undecodable bytes from line 5)", "Save the plan as UTF-8 text")


# --- unusual but readable encodings: these parse ---------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"], ids=["utf16-bom", "utf16le-no-bom"])
def test_utf16_parses(codec, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(seed_text().encode(codec))
    assert path.read_bytes().startswith(b"\xff\xfe") == (codec == "utf-16")
    result = run_extract(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    header = validated(result.stdout, "extract")["header"]
    assert (header["number"], header["symbol"], header["date"], header["issuer"]) == (
        "02", "KH-UBND", "2024-01-02", "Ủy ban nhân dân xã Tiền Tiến",
    )
    assert load_plan(path).citations[0].line == 11


def test_windows_1258_parses(tmp_path):
    path = tmp_path / "ansi.txt"
    path.write_bytes(to_windows_1258(seed_text()))
    plan = load_plan(path)
    assert plan.encoding == "cp1258"
    assert (plan.header.number, plan.header.date, plan.header.place) == ("02", dt.date(2024, 1, 2), "Tiền Tiến")
    assert plan.citations[0].issuer == "Ủy ban nhân dân thành phố Hải Dương"


# --- legacy Vietnamese encodings: refused with the name of the encoding ----------------------


def test_tcvn3_bytes(tmp_path):
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(to_tcvn3(seed_text()))
    assert path.read_bytes().count(b"\xb5") > 5  # "à" as TCVN3 writes it
    assert_refused(path, "legacy TCVN3 Vietnamese encoding", "Convert it to Unicode first")


def test_tcvn3_pasted_as_unicode(tmp_path):
    """Text copied from a .VnTime document into a UTF-8 file keeps the TCVN3 symbols."""
    path = tmp_path / "pasted.txt"
    path.write_text("\n".join(TCVN3_PASTED), encoding="utf-8")
    assert_refused(path, "legacy TCVN3 Vietnamese encoding", "Convert it to Unicode first")


@pytest.mark.parametrize(
    ("suffix", "writer"),
    [pytest.param("docx", write_docx, id="docx"), pytest.param("pdf", write_pdf, id="pdf", marks=needs_font)],
)
def test_tcvn3_inside_docx_and_pdf(suffix, writer, tmp_path):
    """A document typed in a .VnTime font keeps TCVN3 codes whatever the container."""
    path = writer(TCVN3_PASTED, tmp_path / f"vntime.{suffix}")
    assert_refused(path, "legacy TCVN3 Vietnamese encoding", "Convert it to Unicode first")


def test_vni_bytes(tmp_path):
    path = tmp_path / "vni.txt"
    path.write_bytes(to_vni(seed_text()))
    assert_refused(path, "legacy VNI Vietnamese encoding", "Convert it to Unicode first")


def test_vni_pasted_as_unicode(tmp_path):
    path = tmp_path / "pasted-vni.txt"
    path.write_text(
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n"
        "Keá hoaïch tuyeân truyeàn caûi caùch haønh chính naêm 2024\n",
        encoding="utf-8",
    )
    assert_refused(path, "legacy VNI Vietnamese encoding", "Convert it to Unicode first")


# --- damaged or foreign containers -----------------------------------------------------------


def test_truncated_docx(tmp_path):
    whole = write_docx(seed_text().splitlines(), tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused(path, "truncated or damaged .docx", "Download or copy the file again")


def _word_zip(path: Path, extra: tuple[str, int] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if extra:
            name, megabytes = extra
            with archive.open(name, "w", force_zip64=True) as member:
                for _ in range(megabytes):
                    member.write(bytes(1024 * 1024))
    return path


@pytest.mark.parametrize(("megabytes", "detail"), [(30, "compressed"), (210, "would unpack to 210 MB")])
def test_zip_bomb_docx_is_refused_without_unpacking(megabytes, detail, tmp_path, monkeypatch):
    path = _word_zip(tmp_path / "bomb.docx", ("word/media/image1.bin", megabytes))
    assert path.stat().st_size < megabytes * 1024 * 1024 // 100  # highly compressed
    started = time.monotonic()
    assert_refused(path, "possible zip bomb", "Check where the file came from")
    assert time.monotonic() - started < 10
    assert detail in run_extract(path, "--lang", "en").stderr
    # In process, no member may even be opened: the check reads only the zip's directory.
    def no_unpacking(*args, **kwargs):
        raise AssertionError("a member was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    from audit.read import read_source

    with pytest.raises(InputError) as raised:
        read_source(path)
    assert "zip bomb" in raised.value.message("en")


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ke-hoach.txt", seed_text())
    assert_refused(path, "a zip archive but not a Word document", "not an archive that contains it")


def test_docx_name_on_an_html_page(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_text("<!DOCTYPE html><html><body>404 Không tìm thấy trang</body></html>", encoding="utf-8")
    assert_refused(path, "named .docx but is not a Word document", "Download the file again")


def test_damaged_old_word_doc(tmp_path):
    """A .doc whose OLE header is broken is refused before LibreOffice is started (a real .doc is
    read: tests/test_read_converted.py)."""
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    assert_refused(path, "damaged Word .doc file (its OLE header is not valid)", "ask the issuer for a .docx copy")


def test_ole_file_under_another_name_is_a_doc(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    assert_refused(path, "damaged Word .doc file", "Download the file again")


@needs_font
def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(seed_text().splitlines(), tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    assert_refused(path, "PDF is encrypted with a password", "Ask the issuer for an unprotected copy")


def test_pdf_without_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250)  # a scan is an image; a drawn shape has no text either
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert_refused(path, "PDF has no text layer", "ocrmypdf -l vie in.pdf out.pdf")


@needs_font
def test_damaged_pdf(tmp_path):
    whole = write_pdf(seed_text().splitlines(), tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    assert_refused(path, "damaged PDF", "Download the file again")


# --- the file system -------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(seed_text(), encoding="utf-8")
    path.chmod(0)
    try:
        assert_refused(path, "permission denied", "Make the file readable")
    finally:
        path.chmod(0o644)


def test_directory_given_as_file(tmp_path):
    assert_refused(tmp_path, "is a directory, not a plan file", "plan-audit corpus DIR")


def test_missing_file(tmp_path):
    assert_refused(tmp_path / "nowhere.txt", "file not found", "Check the path")


def test_oversized_text_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(seed_text().encode("utf-8"))
        handle.truncate(25 * 1024 * 1024)
    started = time.monotonic()
    assert_refused(path, "file is 25 MB, over the 20 MB limit for one plan", "Check that this is a plan")
    assert time.monotonic() - started < 10


def test_legacy_encoders_match_known_samples():
    """The encoders above are what the legacy tests rest on: check them on known words."""
    assert to_tcvn3("Cộng hoà xã hội chủ nghĩa Việt Nam") == "Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("latin-1")
    assert to_tcvn3("Bảo Thắng") == "B¶o Th¾ng".encode("latin-1")
    assert to_vni("Cộng hòa xã hội chủ nghĩa Việt Nam") == "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("cp1252")
    assert to_vni("Xin chào") == b"Xin cha\xf8o"
    assert to_vni("ĐỘC LẬP") == b"\xd1O\xc4C LA\xc4P"
    assert to_windows_1258("hòa Việt đ") == b"ho\xcca Vi\xea\xf2t \xf0"
