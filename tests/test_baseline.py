"""Baselines: --write-baseline records the findings (fingerprint, rule, path, message) and exits 0;
--baseline waives them with the reason "baseline", still when lines move; an entry whose finding
is gone (the defect fixed) is reported stale (POLICY003, info) at its line."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from audit.cli import main
from tests.conftest import seed

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

# seed 002, a department's draft copied without its header table: THETHUC010 (5, info), CHISO001/002
# and NOIDUNG002 (50), SANPHAM001 (62), SANPHAM002 (84), warnings; "bút phá" for "bứt phá" (CHINHTA006, 60, info)
FINDINGS = ["CHINHTA006", "CHISO001", "CHISO002", "NOIDUNG002", "SANPHAM001", "SANPHAM002", "THETHUC010"]
PAR_INDEX = "- Tuyên truyền Chỉ số cải cách hành chính (PAR INDEX) của tỉnh và kết quả xếp hạng hằng năm."


@pytest.fixture
def plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    path = tmp_path / "plans" / "ke-hoach-sxd.txt"
    path.write_text(seed("002").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def check_json(*args: str) -> tuple[int, dict]:
    result = invoke("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def edit_lines(path, change) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


def test_write_baseline_records_every_finding_and_exits_0(plan, tmp_path):
    result = invoke("check", str(plan), "--write-baseline", "ci/baseline.yaml", "--fail-on", "info")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "plan-audit: đã ghi 7 phát hiện vào đường cơ sở ci/baseline.yaml\n"
    written = yaml.safe_load((tmp_path / "ci" / "baseline.yaml").read_text(encoding="utf-8"))
    assert written["schema_version"] == 1
    assert sorted(entry["rule"] for entry in written["findings"]) == FINDINGS
    _, data = check_json(str(plan), "--fail-on", "never")
    by_rule = {f["rule"]: f for f in data["findings"]}
    for entry in written["findings"]:
        assert entry["path"] == "../plans/ke-hoach-sxd.txt"  # relative to the baseline's folder
        assert entry["fingerprint"] == by_rule[entry["rule"]]["fingerprint"]
        assert entry["message"] == by_rule[entry["rule"]]["message"]
    assert not list((tmp_path / "ci").glob(".*.tmp"))  # written atomically, nothing left behind


def test_a_baseline_waives_its_findings_so_only_new_ones_fail(plan):
    assert invoke("check", str(plan), "--write-baseline", "baseline.yaml").exit_code == 0
    code, data = check_json(str(plan), "--baseline", "baseline.yaml", "--fail-on", "info")
    assert code == 0
    assert data["summary"] == {"errors": 0, "warnings": 0, "infos": 0, "waived": 7}
    assert {(f["waived"], f["waiver_reason"]) for f in data["findings"]} == {(True, "baseline")}
    # a new problem: the lines naming the website and Zalo are dropped, so no channel is named
    edit_lines(plan, lambda lines: [line for line in lines if "Zalo" not in line and "Trang thông tin" not in line])
    code, data = check_json(str(plan), "--baseline", "baseline.yaml", "--fail-on", "warning")
    assert [f["rule"] for f in data["findings"] if not f["waived"]] == ["KENH001"]
    assert data["summary"]["waived"] == 7 and code == 1


def test_entries_still_match_when_lines_move(plan):
    assert invoke("check", str(plan), "--write-baseline", "baseline.yaml").exit_code == 0
    _, before = check_json(str(plan), "--fail-on", "never")
    # lines inserted at the top and in the middle: every finding moves down
    edit_lines(plan, lambda lines: ["", "", "DỰ THẢO", ""] + lines[:20] + ["", "- Một ý mới thêm vào mục đích."] + lines[20:])
    code, after = check_json(str(plan), "--baseline", "baseline.yaml", "--fail-on", "info")
    moved = {f["rule"]: f["line"] for f in after["findings"]}
    assert moved["CHISO001"] == {f["rule"]: f["line"] for f in before["findings"]}["CHISO001"] + 6
    assert code == 0
    assert all(f["waived"] for f in after["findings"]) and len(after["findings"]) == 7


def test_a_fixed_finding_leaves_a_stale_entry_reported_at_its_line(plan):
    assert invoke("check", str(plan), "--write-baseline", "baseline.yaml").exit_code == 0
    entries = yaml.safe_load(open("baseline.yaml", encoding="utf-8"))["findings"]
    index = [entry["rule"] for entry in entries].index("CHISO001")
    entry_line = next(number for number, line in enumerate(open("baseline.yaml", encoding="utf-8"), 1)
                      if line.strip() == f"- fingerprint: {entries[index]['fingerprint']}")
    # the defect fixed: PAR INDEX named in the content section
    edit_lines(plan, lambda lines: lines[:53] + [PAR_INDEX, ""] + lines[53:])
    code, data = check_json(str(plan), "--baseline", "baseline.yaml", "--fail-on", "warning")
    assert "CHISO001" not in [f["rule"] for f in data["findings"]]
    [stale] = [f for f in data["findings"] if f["rule"] == "POLICY003"]
    assert (stale["severity"], stale["path"], stale["line"], stale["waived"]) == ("info", "baseline.yaml", entry_line, False)
    assert stale["message"] == (
        f"Phát hiện CHISO001 trong đường cơ sở không còn nữa ({entries[index]['message']}); "
        "ghi lại đường cơ sở bằng --write-baseline")
    assert code == 0  # a note: fails only at --fail-on info
    assert check_json(str(plan), "--baseline", "baseline.yaml", "--fail-on", "info")[0] == 1
    # written anew, the entry is gone and nothing is stale
    assert invoke("check", str(plan), "--baseline", "baseline.yaml", "--write-baseline", "baseline.yaml").exit_code == 0
    code, data = check_json(str(plan), "--baseline", "baseline.yaml", "--fail-on", "info", "--lang", "en")
    assert code == 0 and len(data["findings"]) == 6


def test_entries_of_plans_not_audited_are_not_stale(plan, tmp_path):
    other = tmp_path / "plans" / "khac.txt"
    other.write_text(seed("001").read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke("corpus", "plans", "--write-baseline", "baseline.yaml").exit_code == 0
    code, data = check_json(str(plan), "--baseline", "baseline.yaml", "--fail-on", "info")
    assert code == 0 and [f["rule"] for f in data["findings"] if f["rule"] == "POLICY003"] == []
    # nor entries of rules that did not run
    code, data = check_json(str(plan), "--baseline", "baseline.yaml", "--select", "CHISO,POLICY", "--fail-on", "info")
    assert code == 0 and sorted(f["rule"] for f in data["findings"]) == ["CHISO001", "CHISO002"]


def test_the_baseline_can_come_from_the_configuration(plan, tmp_path):
    (tmp_path / "plan-audit.yaml").write_text("baseline: .plan-audit-baseline.yaml\nfail-on: warning\n", encoding="utf-8")
    assert invoke("check", str(plan), "--write-baseline", ".plan-audit-baseline.yaml").exit_code == 0
    assert invoke("check", str(plan)).exit_code == 0
    assert invoke("check", str(plan), "--baseline", "other.yaml").exit_code == 2  # the option wins: no such file


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("findings: nothing\n", 1, "not a plan-audit baseline (expected a list under 'findings'); "
                                  "write it anew with --write-baseline"),
    ("findings:\n  - fingerprint: abc\n    path: x.txt\n", 2, "findings[0].rule: is required"),
])
def test_a_broken_baseline_is_a_usage_error(plan, tmp_path, text, line, problem):
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    result = invoke("check", str(plan), "--baseline", "b.yaml", "--lang", "en")
    assert (result.exit_code, result.stderr) == (2, f"plan-audit: error: b.yaml:{line}: {problem}\n")
