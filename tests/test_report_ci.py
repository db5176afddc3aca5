"""`--format junit` and `--format github` on the fixture hierarchy: what a CI job shows."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.model import Severity
from audit.report import github, junit
from tests.conftest import REPO, seed
from tests.helpers.reports import fixture_run, waive

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")


def corpus(fmt: str, *args: str):
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return CliRunner().invoke(main, ["corpus", "fixtures", "--format", fmt, *args])


# --- JUnit ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def junit_root() -> ET.Element:
    result = corpus("junit")
    assert result.exit_code == 1  # the fixtures hold errors: the format does not change that
    return ET.fromstring(result.stdout.encode("utf-8"))


def test_one_suite_per_plan_and_a_case_per_rule_run(junit_root):
    suites = junit_root.findall("testsuite")
    plans = sorted(p.name for p in (REPO / "fixtures").iterdir()
                   if p.suffix in (".md", ".txt", ".docx", ".pdf") and p.name != "README.md")
    assert sorted(s.get("name").removeprefix("fixtures/") for s in suites) == plans
    rules = len(fixture_run("vi").rules)
    clean = next(s for s in suites if s.get("name") == "fixtures/2024-tp-ben-lam.txt")
    assert len(clean.findall("testcase")) == rules and clean.get("failures") == "0"
    assert {c.get("name") for c in clean.findall("testcase")} >= {"KETHUA001", "CHISO001", "THETHUC001"}
    assert clean.find("properties/property").attrib == {"name": "parent", "value": "fixtures/2024-tinh-lam-giang.md"}


def test_findings_are_failures_with_where_and_what(junit_root):
    phuc_khe = next(s for s in junit_root.findall("testsuite") if s.get("name") == "fixtures/2024-xa-phuc-khe.pdf")
    failures = [(c.get("name"), c.find("failure")) for c in phuc_khe.findall("testcase") if c.find("failure") is not None]
    assert [name for name, _ in failures] == [
        "KETHUA001 (dòng 26, channel.zalo)", "KETHUA001 (dòng 26, indicator.sipas)", "NOIDUNG003 (dòng 24)"]
    zalo = next(f for _, f in failures if "Zalo" in f.get("message"))
    assert zalo.get("type") == "error"
    assert "fixtures/2024-xa-phuc-khe.pdf:26: error: KETHUA001" in zalo.text
    assert "← fixtures/2024-huyen-phu-lam.md:81: - Hướng dẫn người dân sử dụng Zalo OA" in zalo.text
    assert phuc_khe.get("failures") == "3" and phuc_khe.get("errors") == "0"
    assert junit_root.get("failures") == str(sum(int(s.get("failures")) for s in junit_root.findall("testsuite")))
    counts = fixture_run("vi").findings
    assert int(junit_root.get("failures")) == len([f for f in counts if f.severity != Severity.info])  # notes pass


def test_waived_findings_are_skipped_and_notes_pass():
    run = waive(fixture_run("en"), "KETHUA006", "Deadline extended by letter 15/UBND")
    run = replace(run, findings=[f.model_copy(update={"severity": Severity.info}) if f.rule == "KETHUA008" else f
                                 for f in run.findings])
    root = ET.fromstring(junit.render(run, "en"))
    cases = {c.get("name"): c for s in root.findall("testsuite") for c in s.findall("testcase")
             if c.get("name").startswith(("KETHUA006 ", "KETHUA008 "))}
    skipped = cases["KETHUA006 (line 9)"].find("skipped")
    assert skipped.get("message") == "Waived: Deadline extended by letter 15/UBND"
    assert cases["KETHUA006 (line 9)"].find("failure") is None
    note = cases["KETHUA008 (line 20)"]
    assert note.find("failure") is None and "KETHUA008" in note.find("system-out").text
    assert root.get("skipped") == "1"
    assert root.get("failures") == str(len([f for f in run.findings if not f.waived and f.severity != Severity.info]))


def test_document_text_with_markup_and_control_characters_stays_valid_xml():
    run = fixture_run("vi")
    odd = run.findings[0].model_copy(update={"message": 'a <b>"&"</b> ]]> \x0b\x1f end', "evidence": "<script>x</script>"})
    root = ET.fromstring(junit.render(replace(run, findings=[odd]), "vi"))
    failure = next(c.find("failure") for s in root.findall("testsuite") for c in s.findall("testcase")
                   if c.find("failure") is not None)
    assert failure.get("message") == 'a <b>"&"</b> ]]> \ufffd\ufffd end'
    assert "» <script>x</script>" in failure.text


def test_an_unreadable_file_is_a_suite_with_its_input_failure(tmp_path):
    missing = str(tmp_path / "khong_co.txt")
    result = CliRunner().invoke(main, ["check", "--format", "junit", "--absolute-paths", missing, str(seed("004"))])
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    suite = next(s for s in root.findall("testsuite") if s.get("name") == missing)
    assert [c.get("name") for c in suite.findall("testcase")] == ["INPUT001"]
    assert suite.find("testcase/failure").get("type") == "error"


# --- GitHub annotations --------------------------------------------------------------------


def test_github_annotations_one_per_finding_then_totals():
    result = corpus("github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == len(fixture_run("vi").findings)
    assert ("::error file=fixtures/2024-xa-phuc-khe.pdf,line=26,title=KETHUA001::Kế hoạch chưa có \"Zalo\" như kế hoạch"
            in result.stdout)
    assert "::warning file=fixtures/2024-so-tttt.docx,line=3,title=THETHUC009::" in result.stdout
    assert "::warning file=fixtures/2024-xa-kim-khe.md,line=20,title=KETHUA008::100%25 câu sao chép" in result.stdout
    assert lines[-1] == "plan-audit: 4 lỗi, 10 cảnh báo, 1 lưu ý, 0 được miễn"


def test_github_escapes_data_and_properties():
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    finding = next(f for f in fixture_run("vi").findings if f.rule == "KETHUA001").model_copy(update={
        "path": str(REPO / "fixtures" / "tệp, số 1: nháp.md"), "message": "dòng 1\n::error::giả mạo", "line": 7,
        "severity": Severity.info})
    line = github.annotation(finding, REPO)
    assert line == "::notice file=fixtures/tệp%2C số 1%3A nháp.md,line=7,title=KETHUA001::dòng 1%0A::error::giả mạo"
    assert len(line.splitlines()) == 1  # the forged command stays inside the message


def test_github_lists_waived_findings_apart_without_annotating_them():
    run = waive(fixture_run("en"), "KETHUA006", "Deadline extended\nby letter 15/UBND")
    out = github.render(run, "en").splitlines()
    assert not any("KETHUA006" in line for line in out if line.startswith("::"))
    waived = [line for line in out if line.startswith("Waived: ")]
    assert len(waived) == 1 and "KETHUA006" in waived[0] and "(Why it is waived: Deadline extended by letter 15/UBND)" in waived[0]
    assert out[-1] == "plan-audit: 4 errors, 9 warnings, 1 notes, 1 waived"
