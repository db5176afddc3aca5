""".doc, .odt and .rtf are read through LibreOffice (audit/read/convert.py) like the .docx they come
from; without LibreOffice the message names the package to install; a web page saved from a portal
gives the document's text, not the site's menus."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from audit.corpus import load_corpus
from audit.pipeline import load_plan
from audit.read import convert, read_source
from audit.read.errors import InputError
from tests.helpers.converters import convert as lo_convert
from tests.test_read_renderings import understood

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOCX = FIXTURES / "2024-so-tttt.docx"


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("converted")
    return {target: lo_convert([DOCX], folder, target)[0] for target in ("odt", "doc", "rtf")}


@pytest.mark.parametrize("kind", ["odt", "doc", "rtf"])
def test_converted_formats_read_like_the_docx(kind, converted):
    plan = load_plan(converted[kind])
    assert plan.format == kind
    assert plan.path == str(converted[kind])
    assert understood(plan) == understood(load_plan(DOCX))
    assert not any("\\rtf" in line.text or "{\\" in line.text for line in plan.lines)  # never raw RTF markup


def test_corpus_reads_odt_and_rtf_among_the_plans(converted, tmp_path):
    for kind in ("odt", "rtf"):
        shutil.copy(converted[kind], tmp_path / f"so-tttt.{kind}")
    corpus = load_corpus(tmp_path)
    assert corpus.problems == []
    assert sorted(Path(plan.path).name for plan in corpus.plans) == ["so-tttt.odt", "so-tttt.rtf"]


def test_without_libreoffice_the_message_names_the_package(monkeypatch, tmp_path):
    path = tmp_path / "plan.rtf"
    path.write_text("{\\rtf1\\ansi Kế hoạch}", encoding="utf-8")
    monkeypatch.setattr(convert.shutil, "which", lambda name: None)
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert caught.value.message("en") == (
        f"{path}: reading a .rtf file needs LibreOffice, which is not installed. Install LibreOffice (Debian, "
        "Ubuntu: `sudo apt-get install libreoffice-writer-nogui`), or open the file in Word, save it as .docx "
        "and audit that")


def test_a_conversion_that_hangs_is_stopped_with_its_processes(monkeypatch, tmp_path):
    """A LibreOffice that never finishes (a fake one here, which starts a child as soffice.bin is
    started) is stopped at the timeout, children included, and the file is reported."""
    pids = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pids}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    path = tmp_path / "plan.odt"
    path.write_bytes(b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/vnd.oasis.opendocument.text")
    monkeypatch.setattr(convert.shutil, "which", lambda name: str(fake))
    monkeypatch.setattr(convert, "TIMEOUT", 1)
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert caught.value.message("en") == (
        f"{path}: LibreOffice did not finish converting this .odt file within 1 seconds. "
        "Open the file in Word or LibreOffice, save it as .docx and audit that")
    child = int(pids.read_text())
    for _ in range(50):  # the kill is sent; the child is gone once the kernel has reaped it
        if not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        os.kill(child, 9)
        pytest.fail("the converter's child process outlived the timeout")


PORTAL_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản - Cổng TTĐT xã Kim Khê</title>
<script>var menu = "KẾ HOẠCH";</script><style>p {margin: 0}</style></head>
<body><div id="top-menu"><ul><li>Trang chủ</li><li>Giới thiệu</li><li>Văn bản</li></ul></div>
<div class="breadcrumb">Trang chủ &gt; Văn bản &gt; Văn bản chỉ đạo điều hành</div>
<nav>Tin tức | Liên hệ | UBND XÃ KIM KHÊ</nav>
<article class="vanban">
<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>XÃ KIM KHÊ</p><p>Số: 05/KH-UBND</p></td>
<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>
<p><i>Kim Khê, ngày 21 tháng 02 năm 2024</i></p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b><br>Tuyên truyền cải cách hành chính năm 2024</p>
<p>Thực hiện Kế hoạch số 35/KH-UBND ngày 30/01/2024 của Ủy ban nhân dân thành phố Bến Lam về tuyên
truyền cải cách hành chính năm 2024, Ủy ban nhân dân xã Kim Khê ban hành Kế hoạch như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p><p>Tuyên truyền trên Cổng thông tin điện tử xã và qua nhóm Zalo của các thôn.</p>
</article>
<div class="footer">Bản quyền thuộc UBND xã Kim Khê. Địa chỉ: thôn Kim Khê Thượng</div>
<aside>Văn bản liên quan: Kế hoạch số 01/KH-UBND</aside></body></html>
"""


def test_portal_page_gives_the_document_not_the_site(tmp_path):
    path = tmp_path / "van-ban.html"
    path.write_text(PORTAL_PAGE, encoding="utf-8")
    plan = load_plan(path)
    assert plan.format == "html"
    assert [line.text for line in plan.lines[:4]] == [
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ KIM KHÊ | Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-UBND | Kim Khê, ngày 21 tháng 02 năm 2024", "KẾ HOẠCH"]
    site = ("Trang chủ", "Tin tức", "Bản quyền", "liên quan", "var menu", "margin", "Cổng TTĐT")
    assert not [line.text for line in plan.lines if any(word in line.text for word in site)]
    header = plan.header
    assert (header.issuer, header.level, header.number, header.date.isoformat()) == (
        "Ủy ban nhân dân xã Kim Khê", "xa", "05", "2024-02-21")
    assert header.title == "Tuyên truyền cải cách hành chính năm 2024"
    assert [(c.number, c.symbol, c.issuer) for c in plan.citations] == [
        ("35", "KH-UBND", "Ủy ban nhân dân thành phố Bến Lam")]
    assert {c.id for c in plan.concepts} == {"channel.cong_ttdt", "channel.zalo"}
