"""`plan-audit rules`: the list, one rule explained, and the Markdown reference kept in docs/rules.md."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from audit.engine.packs import load_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def rules(*args: str):
    return CliRunner().invoke(main, ["rules", *args])


def test_list_shows_code_severity_and_title_for_every_rule():
    result = rules()
    assert result.exit_code == 0
    lines = result.output.splitlines()
    for rule in load_rules():
        assert any(line.startswith(rule.code) for line in lines), rule.code
    assert any(line.split()[:2] == ["CAUTRUC003", "lỗi"] and "Tổ chức thực hiện" in line for line in lines)
    english = rules("--lang", "en").output
    assert "KENH001      warning   The plan needs at least one electronic channel" in english


def test_explain_one_rule_with_its_kind_examples():
    result = rules("chiso002", "--lang", "en")
    assert result.exit_code == 0
    out = " ".join(result.output.split())
    for expected in (
        "CHISO002 The plan must name the SIPAS satisfaction index",
        "Severity: warning", "Check kind: requires_concept",
        "Parameters: concept: indicator.sipas sections: - noi_dung",
        "Why: SIPAS measures citizens' satisfaction",
        "Reference: NQ 76/NQ-CP",
        "Passes: II. NỘI DUNG TUYÊN TRUYỀN - Kết quả Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của tỉnh.",
        "Fails: II. NỘI DUNG TUYÊN TRUYỀN - Kết quả Chỉ số cải cách hành chính (PAR INDEX) của tỉnh.",
    ):
        assert expected in out


def test_explain_in_vietnamese_by_default():
    out = " ".join(rules("THETHUC001").output.split())
    assert "Mức: warning" in out and "Căn cứ: Nghị định 30/2020/NĐ-CP" in out and "Vì sao: Số, ký hiệu" in out


def test_unknown_rule_is_a_usage_error():
    result = rules("KENH999")
    assert result.exit_code == 2
    assert "plan-audit: error: không có quy tắc KENH999" in result.output
    result = rules("KENH999", "--lang", "en")
    assert result.exit_code == 2
    assert "plan-audit: error: no rule KENH999" in result.output


def test_docs_rules_md_is_in_sync_with_the_packs():
    result = rules("--format", "markdown")
    assert result.exit_code == 0
    assert DOCS.read_text(encoding="utf-8") == result.output, (
        "docs/rules.md is stale: run `plan-audit rules --format markdown --output docs/rules.md`"
    )


def test_markdown_has_a_section_per_rule_grouped_by_family():
    text = DOCS.read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"### {rule.code}: {rule.title.vi}" in text
    assert text.index("## KENH:") < text.index("### KENH001") < text.index("## NOIDUNG:")
    assert "### `requires_any_of`" in text


def test_every_parameter_of_a_check_kind_is_described_in_the_reference():
    from audit.engine.checks import kind_names, load_kind

    # inherits_from_parent's parameters are the lead engineer's, being rewritten with the parent audit
    undescribed = [f"{kind}.{name}" for kind in kind_names() if kind != "inherits_from_parent"
                   for name, field in load_kind(kind).Params.model_fields.items() if not field.description]
    assert undescribed == []
    reference = DOCS.read_text(encoding="utf-8")
    assert "| `concept` | concept id | required | the concept the plan must name |" in reference
    assert "| `min` | int | `1` | the fewest that pass |" in reference
