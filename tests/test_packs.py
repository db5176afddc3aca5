"""Rule packs: the default pack loads; a malformed pack fails at file:line with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.engine.packs import PackError, load_families, load_pack_file, load_rules
from audit.resources import rules_root

GOOD_RULE = """\
  - code: TEST001
    severity: warning
    check: requires_concept
    params: {concept: channel.zalo}
    title: {vi: Tiêu đề, en: Title}
    message: {vi: "Thiếu {concept_label}", en: "Missing {concept_label}"}
    rationale: {vi: Lý do, en: Why}
    reference: NQ 76/NQ-CP
"""
HEAD = "family: TEST\ndescription: {vi: Thử, en: Test}\nrules:\n"


def write(tmp_path: Path, text: str, name: str = "test.yaml") -> Path:
    path = tmp_path / "pack" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack_file(path)
    return str(caught.value)


def test_the_default_pack_loads_with_every_family_and_input_rule():
    families = {f.code: [r.code for r in f.rules] for f in load_families()}
    assert families == {
        "CAUTRUC": [f"CAUTRUC00{n}" for n in range(1, 7)],
        "CHISO": ["CHISO001", "CHISO002"],
        "INPUT": ["INPUT001"],
        "KENH": ["KENH001", "KENH002"],
        "KETHUA": [f"KETHUA{n:03d}" for n in range(1, 17)],
        "NOIDUNG": [f"NOIDUNG00{n}" for n in range(1, 5)],
        "POLICY": ["POLICY001", "POLICY002", "POLICY003"],
        "SANPHAM": ["SANPHAM001", "SANPHAM002"],
        "THETHUC": [f"THETHUC{n:03}" for n in range(1, 12)],
        "NHATQUAN": [f"NHATQUAN00{n}" for n in range(1, 9)],
        "CHINHTA": [f"CHINHTA00{n}" for n in range(1, 9)],
    }
    rule = next(r for r in load_rules() if r.code == "KENH001")
    assert rule.source == f"{rules_root() / 'cchc' / 'kenh.yaml'}:8"
    assert rule.params.concepts[:2] == ["channel.cong_ttdt", "channel.cong_dvc"]


def test_a_good_pack_loads(tmp_path):
    family = load_pack_file(write(tmp_path, HEAD + GOOD_RULE), pack="pack")
    assert [(r.code, r.pack, r.params.concept) for r in family.rules] == [("TEST001", "pack", "channel.zalo")]


def test_bad_yaml_names_the_line_of_the_yaml_error(tmp_path):
    path = write(tmp_path, HEAD + GOOD_RULE.replace("params: {concept: channel.zalo}", "params: {concept: [channel.zalo}"))
    assert load_error(path).startswith(f"{path}:7: bad YAML:")


def test_unknown_check_kind(tmp_path):
    path = write(tmp_path, HEAD + GOOD_RULE.replace("check: requires_concept", "check: requires_concpet"))
    message = load_error(path)
    assert message.startswith(f"{path}:6: unknown check kind 'requires_concpet' in TEST001 (known: ")
    assert "requires_concept" in message


def test_duplicate_code_in_one_file_names_both_lines(tmp_path):
    path = write(tmp_path, HEAD + GOOD_RULE + GOOD_RULE)
    assert load_error(path) == f"{path}:12: rule code TEST001 is already used on line 4"


def test_duplicate_code_across_files_names_both_places(tmp_path):
    first = write(tmp_path, HEAD + GOOD_RULE, "a.yaml")
    second = write(tmp_path, HEAD + GOOD_RULE, "b.yaml")
    with pytest.raises(PackError) as caught:
        load_families(tmp_path)
    assert str(caught.value) == f"{second}:4: rule code TEST001 is already used at {first}:4"


def test_bad_regex(tmp_path):
    rule = GOOD_RULE.replace("check: requires_concept", "check: requires_section").replace(
        "params: {concept: channel.zalo}", "params:\n      kinds: [hinh_thuc]\n      title_pattern: '^(tuyên truyền'"
    ).replace("{concept_label}", "{section}")
    path = write(tmp_path, HEAD + rule)
    message = load_error(path)
    assert message.startswith(f"{path}:9: bad parameters for check 'requires_section' in TEST001: title_pattern: bad regular expression")
    assert "missing ), unterminated subpattern" in message


@pytest.mark.parametrize(
    ("params", "line", "problem"),
    [
        ("{concept: channel.zalo, extra: 1}", 7, "unknown key 'extra'"),
        ("{}", 7, "'concept' is required"),
        ("{concept: Zalo}", 7, "concept: 'Zalo' is not a concept id (family.name, e.g. channel.zalo)"),
        ("{concept: channel.zalo, sections: [hinh_thuc, phan_khac]}", 7, "sections.1: Input should be"),
    ],
)
def test_bad_params(tmp_path, params, line, problem):
    path = write(tmp_path, HEAD + GOOD_RULE.replace("{concept: channel.zalo}", params))
    assert load_error(path).startswith(f"{path}:{line}: bad parameters for check 'requires_concept' in TEST001: {problem}")


def test_bad_params_in_block_style_point_at_the_exact_line(tmp_path):
    rule = GOOD_RULE.replace("check: requires_concept", "check: requires_any_of").replace(
        "params: {concept: channel.zalo}", "params:\n      concepts:\n        - channel.zalo\n        - Facebook"
    ).replace("{concept_label}", "{concepts}")
    path = write(tmp_path, HEAD + rule)
    assert load_error(path).startswith(f"{path}:10: bad parameters for check 'requires_any_of' in TEST001: concepts.1: 'Facebook'")


def test_a_concept_the_lexicon_does_not_define_is_refused(tmp_path):
    path = write(tmp_path, HEAD + GOOD_RULE.replace("channel.zalo}", "channel.zallo}"))
    assert load_error(path).startswith(f"{path}:7: TEST001: concept 'channel.zallo' is not in the lexicon")


def test_a_placeholder_the_kind_does_not_fill_is_refused(tmp_path):
    path = write(tmp_path, HEAD + GOOD_RULE.replace('en: "Missing {concept_label}"', 'en: "Missing {concepts}"'))
    assert load_error(path) == (
        f"{path}:9: message.en of TEST001 uses {{concepts}}, which check 'requires_concept' does not fill "
        "(it fills: {concept_label}, {section})"
    )


@pytest.mark.parametrize(
    ("change", "line", "problem"),
    [
        (("severity: warning", "severity: fatal"), 5, "severity: Input should be 'error', 'warning' or 'info'"),
        (("code: TEST001", "code: test1"), 4, "code: String should match pattern"),
        (("    reference: NQ 76/NQ-CP\n", ""), 4, "'reference' is required"),
        (("title: {vi: Tiêu đề, en: Title}", "title: {vi: Tiêu đề}"), 8, "'title.en' is required"),
        (("code: TEST001", "code: KENH009"), 4, "rule KENH009 is not of family TEST"),
    ],
)
def test_bad_rule_fields(tmp_path, change, line, problem):
    path = write(tmp_path, HEAD + GOOD_RULE.replace(*change))
    assert load_error(path).startswith(f"{path}:{line}: {problem}")


def test_a_key_given_twice_is_refused_not_silently_collapsed(tmp_path):
    path = write(tmp_path, HEAD + GOOD_RULE.replace("    reference: NQ 76/NQ-CP\n", "    reference: NQ 76/NQ-CP\n    severity: error\n"))
    assert load_error(path) == f"{path}:12: key 'severity' given twice (first on line 5)"


def test_a_pack_without_a_rules_list(tmp_path):
    path = write(tmp_path, "family: TEST\nrule: []\n")
    assert load_error(path) == f"{path}:1: a pack file is a mapping with 'family', 'description' and a list under 'rules'"


def test_a_rules_folder_without_packs_is_an_error_not_a_silent_pass(tmp_path):
    with pytest.raises(PackError) as caught:
        load_families(tmp_path)
    assert str(caught.value) == f"{tmp_path}: no rule packs found (expected <pack>/*.yaml files in this folder)"


COPY_RULE = """\
  - code: TEST002
    severity: warning
    check: {kind}
    params: {{threshold: 0.5}}
    title: {{vi: Sao chép, en: Copied}}
    message: {{vi: "{{share}} câu chép lại", en: "{{share}} copied"}}
    rationale: {{vi: Lý do, en: Why}}
    reference: Kế hoạch cấp trên
"""


@pytest.mark.parametrize("kind", ["copies_parent", "localized"])
def test_the_copy_check_loads_by_its_name_and_by_its_first_name(tmp_path, kind):
    """Packs written before the rename say `check: localized`: they load, and find the copy that
    the current name finds (fixtures/2024-xa-kim-khe.md copies its parent whole)."""
    from audit.engine.context import CheckContext
    from audit.run import audit_inputs, load_inputs, with_parent
    from audit.pipeline import load_plan

    rule = load_pack_file(write(tmp_path, HEAD + COPY_RULE.format(kind=kind))).rules[0]
    assert rule.check == "copies_parent"
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    run = audit_inputs(with_parent(load_inputs([str(fixtures / "2024-xa-kim-khe.md")]),
                                   load_plan(fixtures / "2024-tp-ben-lam.txt")), [rule], CheckContext())
    assert [(f.rule, f.line, f.parent_line, f.message) for f in run.findings] == [("TEST002", 20, 14, "100% câu chép lại")]
