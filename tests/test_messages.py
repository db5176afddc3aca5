"""The message table (audit/messages.py): every message in both languages with the same
placeholders, every reader error with advice, and every key the code raises is in the table."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from audit.messages import MESSAGES, msg
from audit.read.errors import InputError

AUDIT = Path(__file__).resolve().parent.parent / "audit"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_is_in_both_languages_with_the_same_placeholders(key):
    entry = MESSAGES[key]
    assert set(entry) == {"vi", "en"}
    assert entry["vi"].strip() and entry["en"].strip()
    assert placeholders(entry["vi"]) == placeholders(entry["en"])
    if len(entry["en"]) > 12:  # short words such as "file not found" differ anyway
        assert entry["vi"] != entry["en"], "not translated"


def input_error_keys() -> set[str]:
    """The message keys of every `InputError(path, "key", ...)` written in the package."""
    keys = set()
    for path in AUDIT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError" and len(node.args) > 1:
                key = node.args[1]
                if isinstance(key, ast.JoinedStr):  # f"misnamed.{suffix[1:]}": every key with that stem
                    stem = key.values[0].value
                    keys |= {k.removeprefix("input.") for k in MESSAGES if k.startswith(f"input.{stem}") and not k.endswith(".do")}
                else:  # "empty", or "folder.not_dir" if ... else "folder.missing"
                    keys |= {c.value for c in ast.walk(key) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    return keys


def test_every_reader_error_raised_is_in_the_table_with_advice():
    keys = input_error_keys()
    assert len(keys) >= 25
    for key in keys:
        error = InputError("ke-hoach.docx", key, size=1, limit=2, line=3, encoding="TCVN3", detail="x",
                           reason="y", member="z", ratio="9", length="9", count="9",
                           page=1, total=2, declared=3, kind=".odt", seconds=120, chars="9")
        for lang in ("vi", "en"):
            problem, advice = error.problem(lang), error.advice(lang)
            assert problem and advice, key
            assert error.message(lang) == f"ke-hoach.docx: {problem}. {advice}"
    unused = {k.removeprefix("input.") for k in MESSAGES if k.startswith("input.") and not k.endswith(".do")} - keys
    assert unused == set(), "reader messages no code raises"


def test_an_unknown_reader_key_fails_at_once():
    with pytest.raises(KeyError, match="input.khong_co"):
        InputError("a.txt", "khong_co")


def test_vietnamese_is_the_default():
    assert msg("cli.no_rule", code="X1") == "không có quy tắc X1 (xem `plan-audit rules`)"
    assert msg("cli.no_rule", "en", code="X1") == "no rule X1 (see `plan-audit rules`)"
    assert str(InputError("a.txt", "empty")) == "a.txt: tệp rỗng. Kiểm tra việc tải về hoặc sao chép đã hoàn tất chưa"


def test_extract_and_graph_speak_the_chosen_language():
    from click.testing import CliRunner

    from audit.cli import main
    from tests.conftest import FIXTURES

    plan = str(FIXTURES / "2024-xa-kim-khe.md")
    vi = CliRunner().invoke(main, ["extract", plan]).stdout
    en = CliRunner().invoke(main, ["extract", plan, "--lang", "en"]).stdout
    assert "Phần đầu văn bản" in vi and "Căn cứ (" in vi and "Header" not in vi
    assert "Header" in en and "Citations (" in en and "Căn cứ (" not in en
    vi = CliRunner().invoke(main, ["graph", str(FIXTURES)]).stdout
    en = CliRunner().invoke(main, ["graph", str(FIXTURES), "--lang", "en"]).stdout
    assert vi.startswith("Cây kế hoạch: ") and "Văn bản cấp trên không tìm thấy (4)" in vi
    assert en.startswith("Plan hierarchy: ") and "Unresolved parents (4)" in en
