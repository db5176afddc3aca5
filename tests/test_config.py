"""The configuration file: where it is found, what it may say, how the command line overrides it,
per-path settings, and the message when it is wrong (file, line, key; exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.policy.config import find_config
from audit.report.formats import FORMATS
from tests.conftest import FIXTURES

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

WARNINGS = FIXTURES / "2024-so-tttt.docx"  # THETHUC009 (a draft), CHISO001, CHISO002, NOIDUNG002 (warnings)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a draft under drafts/, the current folder two levels below its root."""
    (tmp_path / "drafts").mkdir()
    shutil.copy(WARNINGS, tmp_path / "drafts" / "so-tttt.docx")
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return tmp_path


def check(*args: str) -> tuple[int, dict | str]:
    result = CliRunner().invoke(main, ["check", *args])
    try:
        return result.exit_code, json.loads(result.stdout)
    except json.JSONDecodeError:
        return result.exit_code, result.stdout + result.stderr


def rules_of(data: dict) -> list[str]:
    return sorted(f["rule"] for f in data["findings"] if not f["waived"])


def draft(project: Path) -> str:
    return str(project / "drafts" / "so-tttt.docx")


def test_yaml_is_found_upward_and_its_settings_apply(project):
    (project / "plan-audit.yaml").write_text("format: json\nselect: [THETHUC]\nfail-on: warning\n", encoding="utf-8")
    code, data = check(draft(project))
    assert code == 1
    assert rules_of(data) == ["THETHUC009"]


def test_the_first_file_found_upward_wins_and_the_names_are_tried_in_order(project):
    (project / "plan-audit.yaml").write_text("format: json\nselect: THETHUC\n", encoding="utf-8")
    (project / "a" / ".plan-audit.yaml").write_text("format: json\nselect: CHISO\n", encoding="utf-8")
    assert rules_of(check(draft(project))[1]) == ["CHISO001", "CHISO002"]
    (project / "a" / "plan-audit.yaml").write_text("format: json\nselect: NOIDUNG\n", encoding="utf-8")
    assert rules_of(check(draft(project))[1]) == ["NOIDUNG002"]  # plan-audit.yaml before .plan-audit.yaml
    assert find_config() == project / "a" / "plan-audit.yaml"


def test_pyproject_tool_table_is_found_and_a_pyproject_without_one_is_passed_over(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.plan-audit]\nformat = "json"\nselect = ["CHISO001"]\n', encoding="utf-8")
    (project / "a" / "pyproject.toml").write_text('[project]\nname = "plan-audit-notes"\n', encoding="utf-8")
    code, data = check(draft(project))
    assert (code, rules_of(data)) == (0, ["CHISO001"])
    assert find_config() == project / "pyproject.toml"


def test_no_configuration_means_the_defaults(project):
    assert find_config() is None
    code, output = check(draft(project))
    # off a terminal: concise, one line per finding; Vietnamese; fail on error
    assert code == 0 and "THETHUC009" in output and "Kết quả rà soát" not in output


def test_config_option_wins_over_discovery(project):
    (project / "plan-audit.yaml").write_text("format: json\nselect: THETHUC\n", encoding="utf-8")
    other = project / "ci.yaml"
    other.write_text("format: json\nselect: NOIDUNG\n", encoding="utf-8")
    assert rules_of(check(draft(project), "--config", str(other))[1]) == ["NOIDUNG002"]


def test_command_line_options_override_the_file(project):
    (project / "plan-audit.yaml").write_text(
        "format: json\nselect: THETHUC\nfail-on: warning\nlang: en\n", encoding="utf-8")
    code, data = check(draft(project), "--select", "CHISO001", "--fail-on", "never")
    assert (code, rules_of(data)) == (0, ["CHISO001"])
    assert data["findings"][0]["message"].startswith("Public Administration Reform Index")  # lang from the file
    code, data = check(draft(project), "--lang", "vi")
    assert code == 1 and data["findings"][0]["message"].startswith("Số, ngày ban hành và họ tên người ký")
    code, output = check(draft(project), "--format", "rich")
    assert code == 1 and "Audit result" in output


def test_ignore_in_the_file_and_comma_strings(project):
    (project / "plan-audit.yaml").write_text("format: json\nignore: THETHUC, CHISO002\n", encoding="utf-8")
    assert rules_of(check(draft(project))[1]) == ["CHISO001", "NOIDUNG002"]
    assert rules_of(check(draft(project), "--ignore", "NOIDUNG")[1]) == [
        "CHISO001", "CHISO002", "THETHUC009"]  # replaces the file's list


def test_per_path_ignores_apply_to_matching_plans_only(project):
    shutil.copy(WARNINGS, project / "final.docx")
    (project / "plan-audit.yaml").write_text(
        "format: json\nper-path:\n  - paths: ['drafts/**']\n    ignore: [THETHUC, CHISO002]\n"
        "  - paths: '*.docx'\n    ignore: NOIDUNG\n",
        encoding="utf-8")
    code, data = check(draft(project), str(project / "final.docx"))
    by_file = {}
    for finding in data["findings"]:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding["rule"])
    assert sorted(by_file["so-tttt.docx"]) == ["CHISO001"]
    assert sorted(by_file["final.docx"]) == ["CHISO001", "CHISO002", "THETHUC009"]
    assert data["summary"]["waived"] == 0  # ignored findings are gone, not waived


def test_per_path_patterns_are_relative_to_the_config_file(project):
    (project / "a" / "plan-audit.yaml").write_text(
        "format: json\nper-path:\n  - paths: ['drafts/**']\n    ignore: THETHUC\n", encoding="utf-8")
    assert "THETHUC009" in rules_of(check(draft(project))[1])  # drafts/ is not under a/
    (project / "a" / "plan-audit.yaml").write_text(
        "format: json\nper-path:\n  - paths: ['../drafts/**', 'x']\n    ignore: THETHUC\n", encoding="utf-8")
    assert "THETHUC009" not in rules_of(check(draft(project))[1])  # a leading ../ climbs out
    (project / "a" / "plan-audit.yaml").write_text(
        "format: json\nper-path:\n  - paths: ['**/so-*.docx']\n    ignore: THETHUC\n", encoding="utf-8")
    assert "THETHUC009" in rules_of(check(draft(project))[1])
    (project / "plan-audit.yaml").write_text(
        "format: json\nper-path:\n  - paths: ['**/so-*.docx']\n    ignore: THETHUC\n", encoding="utf-8")
    assert "THETHUC009" not in rules_of(check(draft(project), "--config", str(project / "plan-audit.yaml"))[1])


@pytest.mark.parametrize(("text", "line", "key", "problem_en", "problem_vi"), [
    ("format: json\nfail-on: warnin\n", 2, "fail-on",
     "must be one of: error, warning, info, never", "phải là một trong: error, warning, info, never"),
    ("select: [KENH]\ncolour: red\n", 2, "colour",
     "unknown key (known keys: select, ignore, fail-on, format, lang, draft, kind, waivers, baseline, per-path)",
     "khóa không hợp lệ (các khóa dùng được: select, ignore, fail-on, format, lang, draft, kind, waivers, baseline, per-path)"),
    ("format: pdf\n", 1, "format", f"must be one of: {', '.join(FORMATS)}", f"phải là một trong: {', '.join(FORMATS)}"),
    ("lang: fr\n", 1, "lang", "must be one of: vi, en", "phải là một trong: vi, en"),
    ("per-path:\n  - paths: [drafts/**]\n    ignor: [THETHUC]\n", 3, "per-path[0].ignor",
     "unknown key (known keys: paths, ignore)", "khóa không hợp lệ (các khóa dùng được: paths, ignore)"),
    ("per-path:\n  - paths: [drafts/**]\n", 2, "per-path[0].ignore", "is required", "bắt buộc phải có"),
    ("draft: maybe\n", 1, "draft", "bad value (Input should be a valid boolean, unable to interpret input)",
     "giá trị không hợp lệ (Input should be a valid boolean, unable to interpret input)"),
    ("waivers:\n  - code: KENH001\n    plan: x.docx\n", 2, "waivers[0].reason", "is required", "bắt buộc phải có"),
])
def test_a_bad_value_or_unknown_key_names_file_line_and_key(project, text, line, key, problem_en, problem_vi):
    config = project / "plan-audit.yaml"
    config.write_text(text, encoding="utf-8")
    for lang, problem in (("en", problem_en), ("vi", problem_vi)):
        result = CliRunner().invoke(main, ["check", draft(project), "--lang", lang])
        assert result.exit_code == 2
        assert result.stderr == f"plan-audit: error: {config}:{line}: {key}: {problem}\n"


def test_broken_files_are_usage_errors_too(project):
    config = project / "plan-audit.yaml"
    config.write_text("select: [KENH\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", draft(project), "--lang", "en"])
    assert result.exit_code == 2 and result.stderr.startswith(f"plan-audit: error: {config}:2: bad YAML: ")
    config.write_text("- select\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", draft(project), "--lang", "en"])
    assert result.stderr == f"plan-audit: error: {config}:1: a configuration file is a mapping of keys to values\n"
    config.unlink()
    (project / "pyproject.toml").write_text('[tool.plan-audit]\nfail-on = "sometimes"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", draft(project), "--lang", "en"])
    assert (result.exit_code, result.stderr) == (2, f"plan-audit: error: {project / 'pyproject.toml'}: "
                                                    "tool.plan-audit.fail-on: must be one of: error, warning, info, never\n")
    (project / "pyproject.toml").write_text('[tool.plan-audit\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", draft(project), "--lang", "en"])
    assert result.exit_code == 2 and "pyproject.toml: bad TOML: " in result.stderr
    result = CliRunner().invoke(main, ["check", draft(project), "--config", str(project / "none.yaml")])
    assert (result.exit_code, result.stderr) == (2, f"plan-audit: error: {project / 'none.yaml'}: không tìm thấy tệp\n")


def test_a_code_in_the_file_that_names_no_rule_is_a_usage_error_at_its_key(project):
    config = project / "plan-audit.yaml"
    config.write_text("format: json\nselect: [KENH, KHONGCO]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", draft(project), "--lang", "en"])
    assert (result.exit_code, result.stderr) == (
        2, f"plan-audit: error: {config}:2: select: 'KHONGCO' matches no rule code (see `plan-audit rules`)\n")
    assert CliRunner().invoke(main, ["check", draft(project), "--select", "KENH"]).exit_code == 0  # replaced
    config.write_text("per-path:\n  - paths: [x]\n    ignore: [THETHUC, THETHUX]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", draft(project)])
    assert (result.exit_code, result.stderr) == (
        2, f"plan-audit: error: {config}:3: per-path[0].ignore: 'THETHUX' không khớp mã quy tắc nào (xem `plan-audit rules`)\n")


def test_the_corpus_command_reads_the_configuration_too(project):
    (project / "plan-audit.yaml").write_text(
        "format: json\nselect: THETHUC,CHISO\nper-path:\n  - paths: [drafts/**]\n    ignore: THETHUC009\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["corpus", str(project / "drafts")])
    assert result.exit_code == 0
    assert rules_of(json.loads(result.stdout)) == ["CHISO001", "CHISO002"]



def test_a_key_given_twice_in_the_configuration_is_refused_in_either_language(tmp_path):
    from audit.policy.config import load_config
    from audit.policy.files import ConfigError

    config = tmp_path / "plan-audit.yaml"
    config.write_text("lang: en\nfail-on: warning\nlang: vi\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config, FORMATS)
    assert caught.value.message("en") == f"{config}:3: key 'lang' given twice (first on line 1)"
    assert caught.value.message("vi") == f"{config}:3: khóa 'lang' xuất hiện hai lần (lần đầu ở dòng 1)"
