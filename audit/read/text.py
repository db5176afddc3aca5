"""Plain text and Markdown (including portal copies): decoding, legacy encodings, Markdown marks.

Line numbers are the file's own, so evidence points at what the reviewer sees in an editor.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from audit.model import Line, SourceText, trusted
from audit.read.errors import InputError
from audit.read.legacy import refuse_legacy, windows_1258
from audit.base.normalize import visible

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*)(?=\S)|(?<=\S)(\*\*|__|\*)(?![\w*])")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def read_text(path: Path) -> SourceText:
    from audit.read import read_bytes, refuse_many_lines

    data = read_bytes(path)
    text, encoding = decode(str(path), data)
    refuse_many_lines(str(path), text.count("\n") + 1)
    markdown = path.suffix.lower() in {".md", ".markdown"} or "**" in text or "\n#" in text
    lines = [clean_line(i, raw) for i, raw in enumerate(text.split("\n"), start=1)]
    return SourceText(
        path=str(path), format="markdown" if markdown else "text", encoding=encoding,
        lines=lines,
    )


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Bytes to text, refusing what is not a plan's text with a message that says what to do."""
    if not data:
        raise InputError(name, "empty")
    text, encoding = _decode_unicode(data)
    if text is None:
        text, encoding = _decode_other(name, data), "cp1258"
    if "\x00" in text:
        raise InputError(name, "binary.nul")
    if _control_share(text) > 0.01:
        raise InputError(name, "binary.data")
    if not text.strip():
        raise InputError(name, "blank")
    text = nfc(text)
    refuse_legacy(name, text)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode_unicode(data: bytes) -> tuple[str | None, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _try(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _try(data, "utf-16"), "utf-16"
    # UTF-16 without a BOM: every other byte is NUL for the ASCII part of Vietnamese text.
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        codec = "utf-16-le" if odd > even else "utf-16-be"
        text = _try(data, codec)
        if text is not None:
            return text, codec
    return _try(data, "utf-8"), "utf-8"


def _decode_other(name: str, data: bytes) -> str:
    """Bytes that are not UTF-8 or UTF-16: Windows-1258 text is read; binary data, legacy
    encodings and damaged UTF-8 are refused, each with its own advice. Order matters: random
    bytes and UTF-8 read as Latin-1 both look like legacy Vietnamese."""
    if _control_share(data.decode("latin-1")) > 0.01:
        raise InputError(name, "binary.data")
    if not _mostly_utf8(data):
        text = windows_1258(data)
        if text is not None:
            return text
        refuse_legacy(name, data.decode("latin-1"))
    raise InputError(name, "bad_utf8", line=_first_bad_line(data))


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes (a damaged copy), not another encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > 10 * bad


def _first_bad_line(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1
    return 1


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r


def clean_line(number: int, raw: str) -> Line:
    """A source line with Markdown marks taken out of `text` (kept in `raw`)."""
    raw = raw.rstrip("\r\n")
    text = tidy(raw)
    bold = bool(_MD_HEADING.match(text)) or "**" in text or "__" in text
    # Each clean-up only where its mark is: most lines have none, and a search costs more than `in`.
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    if "*" in text or "_" in text:
        text = _MD_EMPHASIS.sub("", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    text = text.strip()
    if text.startswith("> "):
        text = text[2:].strip()
    if _MD_TABLE_RULE.match(text):
        text = ""
    # Every value is made here, of its field's type: validating them again would cost as much as the rest.
    return trusted(Line, {"number": number, "text": text, "raw": raw, "cells": _cells(text), "bold": bold,
                          "page": None, "ocr": False})


def tidy(text: str) -> str:
    """Text as a reader sees it: composed (`nfc`), no-break spaces are spaces, a stray BOM is
    nothing, and control characters are shown as symbols ("\\x1b" as "␛", see `visible`), so no
    report ever sends a terminal escape sequence taken from a document."""
    return visible(nfc(text).replace("\u00a0", " ").replace("\ufeff", ""))


def nfc(text: str) -> str:
    """`text` composed: "Unicode tổ hợp" (Unikey's decomposed output: "ô" + U+0309 for "ổ") reads
    as the precomposed letters every pattern and lexicon entry is written in. Every reader passes
    its text through here (`tidy`), so parsing never sees decomposed text."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _cells(text: str) -> list[str] | None:
    if "\t" in text:
        return [cell.strip() for cell in text.split("\t")]
    if text.startswith("|") and text.endswith("|") and len(text) > 2:
        return [cell.strip() for cell in text.strip("|").split("|")]
    if text.startswith("| ") and "|" not in text[1:]:  # "left | right" with the left cell empty
        return ["", text[2:].strip()]
    if " | " in text:  # a portal copy flattens the two-column header into "left | right"
        return [cell.strip() for cell in text.split(" | ")]
    return None
