"""Properties of the whole pipeline on generated input (hypothesis):

* reading any bytes gives lines or a clear `InputError`, nothing else;
* reading, parsing and matching any text, plan-like or not, never raises anything but `InputError`,
  and gives the same `Plan` every time;
* a table-shaped source (lines with cells, as .docx and portal copies give) parses too;
* the words of a line, once normalized, normalize to themselves (test_normalize.py has the
  character-level properties: tone placement and folding are idempotent);
* `check --format json` always validates against docs/schema/check.schema.json, with and without
  a parent plan, and `extract --format json` against docs/schema/extract.schema.json.

The budget is the hypothesis profile of tests/conftest.py: "ci" by default, "long" with
HYPOTHESIS_PROFILE=long (see docs/architecture.md, Testing).
"""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Line, SourceText
from audit.parse import parse_plan
from audit.pipeline import load_plan
from audit.read import read_source
from audit.read.errors import InputError
from audit.text.matcher import match_plan
from audit.base.normalize import normalize_word, tokenize
from tests.helpers.schema import problems, schema_path

LOWER = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
LETTERS = LOWER + LOWER.upper()
PUNCTUATION = " .,;:-–—/()[]|*#_\"'!?%&+<>«»…•"
ODD = "\t\u00a0\ufeff\u0300\u0301\u0303\u0309\u0323\u200b\x0c\x1b"  # spacing and marks real files carry
ALPHABET = LETTERS + string.digits + PUNCTUATION + ODD

words = st.text(alphabet=LETTERS, min_size=1, max_size=9)
phrase = st.lists(words, min_size=1, max_size=8).map(" ".join)
number = st.one_of(st.just(""), st.integers(0, 99999).map(str), st.sampled_from(["02", "049", "1183", "05a"]))
symbol = st.one_of(
    st.sampled_from(["KH-UBND", "QĐ-UBND", "KH-STTTT", "NQ/TW", "QĐ-TTg", "CT-TTg", "KH-BCĐ", "TB-VP"]),
    st.text(alphabet="ABCDĐHKNQTUVX-/&", min_size=1, max_size=12),
)
day, month, year = st.integers(0, 40), st.integers(0, 14), st.integers(1890, 2110)
marker = st.sampled_from(["I.", "II.", "IV)", "XV.", "1.", "2)", "10.", "1.2.", "3.1.4", "a)", "đ)", "Điều 1.", "-", "+", "•", "*"])
org = st.sampled_from(["Ủy ban nhân dân", "UBND", "Sở Nội vụ", "Phòng Văn hóa và Thông tin", "Văn phòng HĐND và UBND",
                       "Đài Truyền thanh", "Công an xã", "Hội Liên hiệp Phụ nữ", "Chủ tịch UBND"])
place = st.sampled_from(["xã Tiền Tiến", "huyện Định Hóa", "tỉnh Gia Lai", "thành phố Hải Dương", "phường 5", ""])
relation = st.sampled_from(["Thực hiện", "Căn cứ", "- Căn cứ", "Theo đề nghị của", ""])
doc_type = st.sampled_from(["Kế hoạch", "Quyết định", "Nghị quyết", "Chỉ thị", "Luật", "Nghị định", "Thông báo", ""])
channel = st.sampled_from(["Zalo", "Cổng thông tin điện tử", "đài truyền thanh", "PAR INDEX", "SIPAS", "băng rôn",
                           "Trang TTĐT", "CCHC", "hội nghị", "tờ rơi", "Facebook", "Cổng dịch vụ công"])

plan_line = st.one_of(
    st.text(alphabet=ALPHABET, max_size=120),
    phrase,
    st.builds(lambda n, s: f"Số: {n}/{s}", number, symbol),
    st.builds(lambda p, d, m, y: f"{p}, ngày {d} tháng {m} năm {y}", phrase, day, month, year),
    st.builds(lambda r, t, n, s, d, m, y, o, p, w: f"{r} {t} số {n}/{s} ngày {d}/{m}/{y} của {o} {p} về {w};",
              relation, doc_type, number, symbol, day, month, year, org, place, phrase),
    st.builds(lambda m, w: f"{m} {w}", marker, phrase),
    st.builds(lambda m, w: f"{m} {w.upper()}", marker, phrase),
    st.builds(lambda o, p, v, c: f"- {o} {p} {v} tuyên truyền trên {c}", org, place,
              st.sampled_from(["chủ trì", "phối hợp", "thực hiện", "có trách nhiệm"]), channel),
    st.builds(lambda o, p: f"{o} {p}".upper(), org, place),
    st.sampled_from([
        "KẾ HOẠCH", "QUYẾT ĐỊNH:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "PHỤ LỤC", "Trên đây là Kế hoạch",
        "(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2024)", "STT\tNội dung\tSản phẩm", "| --- | --- |",
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "## KẾ HOẠCH", "**I. MỤC ĐÍCH**", "> Căn cứ",
        "Quý IV/2024: tổng kết", "báo cáo 6 tháng", "trước ngày 31/02/2024", "Thường xuyên trong năm 2025", "",
    ]),
    st.builds(lambda cells: "| " + " | ".join(cells) + " |", st.lists(phrase, min_size=1, max_size=5)),
    st.builds(lambda cells: "\t".join(cells), st.lists(phrase, min_size=2, max_size=5)),
    st.builds(lambda c, w: f"{w} {c} {w}", channel, phrase),
)
plan_text = st.lists(plan_line, max_size=40).map("\n".join)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def outcome(path: Path):
    """The plan read from `path` as JSON-ready data, or the reader's message: what a user sees."""
    try:
        return load_plan(path).model_dump(mode="json")
    except InputError as error:
        return f"InputError: {error}"


@given(data=st.one_of(
    st.binary(max_size=4000),
    plan_text.map(lambda t: t.encode("utf-8")),
    plan_text.map(lambda t: t.encode("utf-16")),
    plan_text.map(lambda t: t.encode("utf-16-le")),
    plan_text.map(lambda t: t.encode("cp1258", errors="replace")),
    st.tuples(plan_text, st.binary(max_size=8)).map(lambda p: p[0].encode("utf-8") + p[1]),
), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf", ".doc", ""]))
def test_reading_any_bytes_gives_lines_or_a_clear_refusal(data, suffix, scratch):
    path = scratch / f"bytes{suffix}"
    path.write_bytes(data)
    try:
        source = read_source(path)
    except InputError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
        return
    assert [line.number for line in source.lines] == list(range(1, len(source.lines) + 1))


@given(text=st.one_of(plan_text, st.text(max_size=400)))
def test_any_text_parses_without_raising_and_always_the_same(text, scratch):
    path = scratch / "plan.md"
    path.write_text(text, encoding="utf-8")
    first = outcome(path)
    assert outcome(path) == first


@given(rows=st.lists(st.tuples(plan_line, st.lists(plan_line, max_size=4)), max_size=30))
def test_a_source_with_table_rows_parses(rows):
    """Lines as the .docx reader gives them: some with cells, the text joining them."""
    lines = [
        Line(number=i, text=" | ".join(c for c in cells if c) if cells else text, raw=text, cells=cells or None)
        for i, (text, cells) in enumerate(rows, start=1)
    ]
    plan = parse_plan(SourceText(path="bang.docx", format="docx", encoding=None, lines=lines))
    plan.concepts = match_plan(plan)
    again = parse_plan(SourceText(path="bang.docx", format="docx", encoding=None, lines=lines))
    again.concepts = match_plan(again)
    assert plan.model_dump() == again.model_dump()


@given(text=st.one_of(plan_text, st.text(max_size=200)))
def test_normalized_words_normalize_to_themselves(text):
    for token in tokenize(text):
        assert normalize_word(token.norm) == (token.norm, token.loose)
        assert [t.norm for t in tokenize(token.norm)] == [token.norm]


# --- the JSON of check and extract against the published schemas ---------------------------

needs_schema = pytest.mark.skipif(
    not schema_path("check").is_file(), reason=f"the JSON schema is not published yet ({schema_path('check')})"
)


@pytest.fixture(scope="module")
def rules():
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules

    return select_rules(load_rules())


@needs_schema
@given(child=plan_text, parent=st.one_of(st.none(), plan_text), lang=st.sampled_from(["vi", "en"]))
def test_check_json_always_matches_the_schema(child, parent, lang, scratch, rules):
    from audit import run as parents
    from audit.engine.context import CheckContext
    from audit.report.json_report import render

    child_path, parent_path = scratch / "con.md", scratch / "cha.md"
    child_path.write_text(child, encoding="utf-8")
    inputs = parents.load_inputs([str(child_path)])
    if parent is not None:
        parent_path.write_text(parent, encoding="utf-8")
        try:
            inputs = parents.with_parent(inputs, load_plan(parent_path))
        except InputError:
            pass
    run = parents.audit_inputs(inputs, rules, CheckContext(lang=lang))
    assert problems(json.loads(render(run, lang)), "check") == []


@needs_schema
@given(text=plan_text)
def test_extract_json_always_matches_the_schema(text, scratch):
    from audit.report.extract import extract_json

    path = scratch / "extract.md"
    path.write_text(text, encoding="utf-8")
    try:
        plan = load_plan(path)
    except InputError:
        return
    assert problems(json.loads(extract_json(plan)), "extract") == []
