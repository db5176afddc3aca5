"""Waivers: accepted findings are kept, marked waived with their reason, counted apart and never
fail a run; by path pattern or document number, optionally by concept; an expired waiver waives
nothing and is a finding at its line (POLICY001); an unused one is a note (POLICY002)."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.engine.engine import select_rules
from audit.engine.packs import load_rules
from audit.policy import apply_policy
from audit.policy.config import resolve
from audit.report.formats import FORMATS
from tests.conftest import FIXTURES

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

WARNINGS = FIXTURES / "2024-so-tttt.docx"  # THETHUC009 (a draft), CHISO001, CHISO002, NOIDUNG002 (warnings)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    shutil.copy(WARNINGS, tmp_path / "drafts" / "so-tttt.docx")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def by_rule(data: dict) -> dict[str, dict]:
    return {f["rule"]: f for f in data["findings"]}


def test_a_waiver_file_waives_by_path_pattern_with_its_reason(project):
    (project / "policy").mkdir()
    write(project / "policy" / "waivers.yaml", (
        "waivers:\n"
        "  - code: THETHUC              # a prefix: the draft's THETHUC finding\n"
        "    plan: ../drafts/*.docx\n"
        "    reason: Bản dự thảo chưa có số và ngày\n"))
    write(project / "plan-audit.yaml", "waivers: policy/waivers.yaml\n")
    code, data = run("check", "drafts/so-tttt.docx", "--fail-on", "warning")
    assert code == 1  # the CHISO and NOIDUNG warnings stand
    found = by_rule(data)
    assert (found["THETHUC009"]["waived"], found["THETHUC009"]["waiver_reason"]) == (True, "Bản dự thảo chưa có số và ngày")
    assert not any(found[rule]["waived"] for rule in ("CHISO001", "CHISO002", "NOIDUNG002"))
    assert data["summary"] == {"errors": 0, "warnings": 3, "infos": 0, "waived": 1}


def test_waived_findings_never_fail_the_run(project):
    write(project / "plan-audit.yaml", (
        "waivers:\n"
        "  - {code: THETHUC, plan: 'drafts/**', reason: dự thảo}\n"
        "  - {code: CHISO, plan: 'so-tttt.docx', reason: Sở TT&TT không chấm chỉ số}\n"
        "  - {code: NOIDUNG002, plan: 'drafts/so-*.docx', reason: kế hoạch chuyên đề}\n"))
    code, data = run("check", "drafts/so-tttt.docx", "--fail-on", "info")
    assert code == 0
    assert data["summary"] == {"errors": 0, "warnings": 0, "infos": 0, "waived": 4}
    assert len(data["findings"]) == 4  # kept, listed apart by the reports


def test_a_waiver_by_document_number_with_leading_zeros_and_concept(tmp_path):
    """2024-phuong-dong-lam.txt is 08/KH-UBND; its KETHUA001 error is about deliverable.khao_sat;
    2024-xa-phuc-khe.pdf (06/KH-UBND) has two, channel.zalo and indicator.sipas."""
    config = write(tmp_path / "plan-audit.yaml", (
        "waivers:\n"
        "  - code: KETHUA001\n    plan: 8/KH-UBND\n"
        "    reason: Phường đã có kế hoạch khảo sát riêng\n"
        "  - code: KETHUA\n    plan: 06/kh-ubnd\n    concept: channel.zalo\n"
        "    reason: Xã chưa có Zalo OA\n"))
    code, data = run("corpus", str(FIXTURES), "--config", str(config), "--select", "KETHUA001")
    waived = [(f["path"].rsplit("/", 1)[-1], f["concept"], f["waiver_reason"]) for f in data["findings"] if f["waived"]]
    assert waived == [("2024-phuong-dong-lam.txt", "deliverable.khao_sat", "Phường đã có kế hoạch khảo sát riêng"),
                      ("2024-xa-phuc-khe.pdf", "channel.zalo", "Xã chưa có Zalo OA")]
    assert data["summary"]["errors"] == 1 and data["summary"]["waived"] == 2  # SIPAS stands
    assert code == 1


def test_a_document_number_waiver_does_not_touch_other_numbers_or_concepts(project):
    write(project / "plan-audit.yaml", (
        "waivers:\n"
        "  - {code: KETHUA001, plan: 06/KH-UBND, concept: channel.facebook, reason: x}\n"
        "  - {code: KETHUA001, plan: 07/KH-UBND, reason: y}\n"))
    code, data = run("corpus", str(FIXTURES), "--select", "KETHUA001")
    assert data["summary"]["waived"] == 0 and code == 1


def test_an_expired_waiver_waives_nothing_and_is_a_finding_at_its_line(project):
    waivers = write(project / "waivers.yaml", (
        "- code: THETHUC009\n"
        "  plan: drafts/**\n"
        "  reason: hết hạn rồi\n"
        "  expires: 2000-01-31\n"
        "- code: CHISO001\n"
        "  plan: drafts/**\n"
        "  reason: còn hạn\n"
        "  expires: 2999-12-31\n"))
    write(project / "plan-audit.yaml", "waivers: waivers.yaml\n")
    code, data = run("check", "drafts/so-tttt.docx", "--select", "THETHUC,CHISO001,POLICY")
    found = by_rule(data)
    assert not found["THETHUC009"]["waived"] and found["CHISO001"]["waived"]
    expired = found["POLICY001"]
    assert (expired["severity"], expired["path"], expired["line"]) == ("warning", "waivers.yaml", 1)  # as CI annotates it
    assert waivers.exists()
    assert expired["message"] == ("Miễn trừ THETHUC009 cho drafts/** đã hết hạn ngày 2000-01-31, nên không còn "
                                  "miễn trừ nữa; gia hạn (kèm lý do) hoặc xóa miễn trừ")
    assert code == 0  # warnings do not fail at the default level
    code, data = run("check", "drafts/so-tttt.docx", "--select", "THETHUC,CHISO001,POLICY", "--lang", "en", "--fail-on", "warning")
    assert by_rule(data)["POLICY001"]["message"] == (
        "The waiver of THETHUC009 for drafts/** expired on 2000-01-31 and no longer waives anything; "
        "renew it (with a reason) or remove it")
    assert code == 1
    for selection in (["--ignore", "POLICY"], ["--select", "THETHUC"]):  # the policy rules are rules too
        code, data = run("check", "drafts/so-tttt.docx", *selection)
        assert "POLICY001" not in by_rule(data) and not by_rule(data)["THETHUC009"]["waived"]


def test_a_waiver_is_good_through_its_expiry_date(project):
    write(project / "plan-audit.yaml", "waivers:\n  - {code: THETHUC009, plan: 'drafts/**', reason: r, expires: 2026-03-31}\n")
    from audit.run import audit_inputs, load_inputs
    from audit.engine.context import CheckContext

    settings = resolve({}, FORMATS)
    rules = select_rules(load_rules(), ["THETHUC009", "POLICY"])
    run_ = audit_inputs(load_inputs(["drafts/so-tttt.docx"]), rules, CheckContext())
    on_the_day = apply_policy(run_, rules, settings, today=dt.date(2026, 3, 31))
    assert [(f.rule, f.waived) for f in on_the_day] == [("THETHUC009", True)]
    day_after = apply_policy(run_, rules, settings, today=dt.date(2026, 4, 1))
    assert [(f.rule, f.waived, f.line) for f in day_after] == [("THETHUC009", False, 3), ("POLICY001", False, 2)]


def test_an_unused_waiver_is_a_note_only_when_its_plan_was_audited(project):
    config = write(project / "plan-audit.yaml", (
        "waivers:\n"
        "  - code: KENH\n    plan: drafts/**\n    reason: Sở không dùng kênh cơ sở\n"
        "  - code: THETHUC\n    plan: other/**\n    reason: another folder\n"))
    code, data = run("check", "drafts/so-tttt.docx", "--fail-on", "warning", "--select", "KENH,POLICY")
    unused = [f for f in data["findings"] if f["rule"] == "POLICY002"]
    assert [(f["severity"], f["path"], f["line"]) for f in unused] == [("info", "plan-audit.yaml", 2)]
    assert unused[0]["message"].startswith("Miễn trừ KENH cho drafts/** không khớp phát hiện nào")
    assert code == 0  # a note
    # the same waivers, the KENH rules not run: nothing to say about them
    code, data = run("check", "drafts/so-tttt.docx", "--select", "THETHUC,POLICY")
    assert [f["rule"] for f in data["findings"] if f["rule"].startswith("POLICY")] == []
    assert config.exists()


@pytest.mark.parametrize(("text", "line", "key", "problem"), [
    ("waivers:\n  - code: KENH001\n    plan: a.docx\n", 2, "waivers[0].reason", "is required"),
    ("- code: KENH001\n  plan: a.docx\n  reason: x\n  expires: soon\n", 4, "[0].expires",
     "bad value (Input should be a valid date or datetime, input is too short)"),
    ("- code: KENH001\n  plan: a.docx\n  reason: x\n  until: 2025-01-01\n", 4, "[0].until",
     "unknown key (known keys: code, plan, reason, expires, concept)"),
    ("waivers: KENH001\n", 1, "", "a waiver file is a list, or a mapping with a list under 'waivers'"),
])
def test_a_broken_waiver_file_is_a_usage_error_at_its_line(project, text, line, key, problem):
    waivers = write(project / "waivers.yaml", text)
    write(project / "plan-audit.yaml", "waivers: waivers.yaml\n")
    result = CliRunner().invoke(main, ["check", "drafts/so-tttt.docx", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == f"plan-audit: error: {waivers.name}:{line}: {key + ': ' if key else ''}{problem}\n"


def test_a_missing_waiver_file_is_a_usage_error(project):
    write(project / "plan-audit.yaml", "waivers: khong-co.yaml\n")
    result = CliRunner().invoke(main, ["check", "drafts/so-tttt.docx"])
    assert (result.exit_code, result.stderr) == (2, "plan-audit: error: khong-co.yaml: không tìm thấy tệp\n")
