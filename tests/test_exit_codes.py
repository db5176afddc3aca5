"""Exit codes of `check` and `corpus` (CONTRACT.md) under each --fail-on, on the fixtures, whose
findings and severities are known (fixtures/README.md): 0 nothing at or above the level, 1 a finding
that is not waived at or above it, 2 a usage error or nothing readable."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.conftest import FIXTURES

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

CLEAN = str(FIXTURES / "2024-tinh-lam-giang.md")  # no finding at all
WARNINGS = str(FIXTURES / "2024-so-tttt.docx")  # a draft: four warnings (THETHUC009, CHISO001, CHISO002, NOIDUNG002), no error
CORPUS = str(FIXTURES)  # four parent-audit errors (KETHUA001, KETHUA005) among warnings


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def summary(*args: str) -> dict:
    result = invoke(*args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["summary"]


def test_the_fixtures_have_the_severities_these_tests_rely_on():
    assert summary("check", CLEAN) == {"errors": 0, "warnings": 0, "infos": 0, "waived": 0}
    assert summary("check", WARNINGS) == {"errors": 0, "warnings": 4, "infos": 0, "waived": 0}
    # the draft's three blanks are one warning (THETHUC009); two plans call PAPI the district's (NOIDUNG003)
    assert summary("corpus", CORPUS) == {"errors": 4, "warnings": 10, "infos": 1, "waived": 0}
    # an opt-in rule of info level: what the parent lists and the plan leaves out
    only_infos = summary("corpus", CORPUS, "--select", "KETHUA004")
    assert only_infos["infos"] > 0 and only_infos["errors"] == only_infos["warnings"] == 0


@pytest.mark.parametrize(("fail_on", "clean", "warnings", "infos", "errors"), [
    ("error", 0, 0, 0, 1),
    ("warning", 0, 1, 0, 1),
    ("info", 0, 1, 1, 1),
    ("never", 0, 0, 0, 0),
])
def test_exit_code_under_each_fail_on(fail_on, clean, warnings, infos, errors):
    assert invoke("check", CLEAN, "--fail-on", fail_on).exit_code == clean
    assert invoke("check", WARNINGS, "--fail-on", fail_on).exit_code == warnings
    assert invoke("corpus", CORPUS, "--select", "KETHUA004", "--fail-on", fail_on).exit_code == infos
    assert invoke("corpus", CORPUS, "--fail-on", fail_on).exit_code == errors


def test_fail_on_defaults_to_error():
    assert invoke("check", WARNINGS).exit_code == 0
    assert invoke("corpus", CORPUS).exit_code == 1


def test_the_report_is_written_whatever_the_exit_code(tmp_path):
    out = tmp_path / "report.json"
    result = invoke("corpus", CORPUS, "--format", "json", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 4


def test_select_by_prefix_and_by_code():
    findings = lambda *args: [  # noqa: E731
        (f["rule"], f["path"].rsplit("/", 1)[-1])
        for f in json.loads(invoke(*args, "--format", "json", "--fail-on", "never").stdout)["findings"]]
    assert sorted(findings("corpus", CORPUS, "--select", "KETHUA001,KETHUA005")) == [
        ("KETHUA001", "2024-phuong-dong-lam.txt"), ("KETHUA001", "2024-xa-phuc-khe.pdf"),
        ("KETHUA001", "2024-xa-phuc-khe.pdf"), ("KETHUA005", "2024-tt-lam-xuyen.md")]
    assert {rule for rule, _ in findings("corpus", CORPUS, "--select", "KETHUA")} == {
        "KETHUA001", "KETHUA005", "KETHUA006", "KETHUA008"}  # opt-in KETHUA004 only when named
    assert {rule for rule, _ in findings("check", WARNINGS, "--select", "thethuc")} == {"THETHUC009"}
    assert {rule for rule, _ in findings("check", WARNINGS, "--ignore", "THETHUC", "--ignore", "CHISO001")} == {
        "CHISO002", "NOIDUNG002"}


def test_selection_decides_the_exit_code():
    assert invoke("corpus", CORPUS, "--ignore", "KETHUA001,KETHUA005").exit_code == 0
    assert invoke("corpus", CORPUS, "--select", "KETHUA005").exit_code == 1
    assert invoke("check", WARNINGS, "--ignore", "THETHUC,CHISO,NOIDUNG", "--fail-on", "info").exit_code == 0


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_code_or_prefix_is_a_usage_error(option):
    for command in (["check", CLEAN], ["corpus", CORPUS]):
        result = invoke(*command, option, "KENH,KHONGCO", "--lang", "en")
        assert result.exit_code == 2
        assert result.stderr == "plan-audit: error: 'KHONGCO' matches no rule code (see `plan-audit rules`)\n"
    result = invoke("check", CLEAN, option, "KENH9")
    assert (result.exit_code, result.stderr) == (2, "plan-audit: error: 'KENH9' không khớp mã quy tắc nào (xem `plan-audit rules`)\n")


def test_nothing_readable_is_exit_2_and_one_unreadable_file_in_a_batch_is_a_finding(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_text("", encoding="utf-8")
    assert invoke("check", str(empty)).exit_code == 2
    assert invoke("check", str(empty), CLEAN, "--fail-on", "never").exit_code == 0
    assert invoke("check", str(empty), CLEAN).exit_code == 1  # INPUT001 is an error
    assert invoke("check", str(empty), CLEAN, "--ignore", "INPUT").exit_code == 0


def test_bad_option_values_are_usage_errors():
    assert invoke("check", CLEAN, "--fail-on", "sometimes").exit_code == 2
    assert invoke("check", CLEAN, "--format", "pdf").exit_code == 2
    assert invoke("check", CLEAN, "--lang", "fr").exit_code == 2
