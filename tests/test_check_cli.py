"""`plan-audit check`: exit codes under each --fail-on, select/ignore, batches with unreadable
files, the JSON of CONTRACT.md, languages, and a terminal report that never reads text as markup."""

from __future__ import annotations


import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.resources import rules_root as real_rules_root
from tests.conftest import FIXTURES, seed
from tests.helpers.schema import validated

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

HEADER = "Số: 02/KH-UBND\n\nTiền Tiến, ngày 02 tháng 01 năm 2024\n\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\n"


def run(*args: str):
    """The rich report (the default on a terminal; a test's output is not one), with the files' paths
    as given: absolute here (tests/test_report_deliverables.py tests paths shown relative)."""
    return CliRunner().invoke(main, ["check", "--format", "rich", "--absolute-paths", *args])


# The document-hygiene families (format, consistency, slips; tests/test_hygiene*.py): left out where
# a test needs seed 004 as a plan whose content is complete.
NO_HYGIENE = ("--ignore", "THETHUC,NHATQUAN,CHINHTA")


def run_json(*args: str) -> tuple[int, dict]:
    result = run("--format", "json", *args)
    return result.exit_code, validated(result.output, "check")


@pytest.fixture
def no_implementation(tmp_path):
    """A plan with content but no Tổ chức thực hiện: an error-level finding (CAUTRUC003)."""
    path = tmp_path / "thieu_to_chuc.txt"
    path.write_text(HEADER + "I. NỘI DUNG TUYÊN TRUYỀN\n- Cải cách thủ tục hành chính.\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("fail_on", "clean", "warnings_only", "with_error"), [
    ("error", 0, 0, 1), ("warning", 0, 1, 1), ("info", 0, 1, 1), ("never", 0, 0, 0),
])
def test_exit_codes_under_each_fail_on(no_implementation, fail_on, clean, warnings_only, with_error):
    assert run("--fail-on", fail_on, *NO_HYGIENE, str(seed("004"))).exit_code == clean
    assert run("--fail-on", fail_on, *NO_HYGIENE, str(seed("002"))).exit_code == warnings_only
    assert run("--fail-on", fail_on, *NO_HYGIENE, no_implementation).exit_code == with_error


def test_default_fail_on_is_error(no_implementation):
    assert run(str(seed("002"))).exit_code == 0
    assert run(no_implementation).exit_code == 1


def test_select_and_ignore_by_code_or_prefix_comma_separated_and_repeated():
    _, data = run_json("--select", "chiso", str(seed("002")))
    assert [f["rule"] for f in data["findings"]] == ["CHISO001", "CHISO002"]
    _, data = run_json("--ignore", "THETHUC,CHISO001,CHINHTA", "--ignore", "SANPHAM", str(seed("002")))
    assert [f["rule"] for f in data["findings"]] == ["CHISO002", "NOIDUNG002"]
    _, data = run_json("--select", "CHISO,SANPHAM001", "--ignore", "CHISO002", str(seed("002")))
    assert [f["rule"] for f in data["findings"]] == ["CHISO001", "SANPHAM001"]


def test_a_code_that_matches_no_rule_is_a_usage_error():
    result = run("--select", "KENH9", str(seed("002")))
    assert result.exit_code == 2
    assert "plan-audit: error: 'KENH9' không khớp mã quy tắc nào" in result.output
    result = run("--select", "KENH9", "--lang", "en", str(seed("002")))
    assert result.exit_code == 2
    assert "plan-audit: error: 'KENH9' matches no rule code" in result.output


def test_a_batch_with_an_unreadable_file_still_audits_the_others(tmp_path):
    missing = str(tmp_path / "khong_co.txt")
    code, data = run_json("--fail-on", "never", missing, str(seed("002")))
    assert code == 0
    assert [p["path"] for p in data["plans"]] == [missing, str(seed("002"))]
    assert data["plans"][0]["error"] == f"{missing}: không tìm thấy tệp. Kiểm tra lại đường dẫn"
    [input_finding] = [f for f in data["findings"] if f["rule"] == "INPUT001"]
    assert input_finding["severity"] == "error"
    assert input_finding["message"] == f"Không đọc được tệp: {missing}: không tìm thấy tệp. Kiểm tra lại đường dẫn"
    _, english = run_json("--fail-on", "never", "--lang", "en", missing, str(seed("002")))
    assert english["plans"][0]["error"] == f"{missing}: file not found. Check the path"
    assert english["findings"][0]["message"] == f"Cannot read the file: {missing}: file not found. Check the path"
    assert input_finding["path"] == missing and input_finding["line"] is None
    assert {f["rule"] for f in data["findings"] if f["path"] == str(seed("002"))} >= {"CHISO001", "SANPHAM002"}
    assert run(missing, str(seed("004"))).exit_code == 1  # INPUT001 is an error
    assert run("--ignore", "INPUT001", *NO_HYGIENE, missing, str(seed("004"))).exit_code == 0


def test_exit_2_only_when_no_input_could_be_read(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_text("", encoding="utf-8")
    code, data = run_json("--fail-on", "never", str(empty), str(tmp_path / "khong_co.txt"))
    assert code == 2
    assert [f["rule"] for f in data["findings"]] == ["INPUT001", "INPUT001"]
    assert data["summary"] == {"errors": 2, "warnings": 0, "infos": 0, "waived": 0}


def test_json_follows_the_contract():
    code, data = run_json(*NO_HYGIENE, str(seed("002")), str(seed("004")))
    assert code == 0
    assert list(data) == ["schema_version", "plans", "findings", "summary"]
    assert data["schema_version"] == 1
    plan = data["plans"][1]
    assert (plan["path"], plan["parent"], plan["error"]) == (str(seed("004")), None, None)
    assert plan["header"]["number"] == "02" and plan["header"]["date"] == "2024-01-02"
    coverage = {c["concept"]: [e["line"] for e in c["evidence"]] for c in plan["coverage"]}
    assert coverage["indicator.par_index"] == [21]
    assert "channel.zalo" not in coverage
    finding = next(f for f in data["findings"] if f["rule"] == "CHISO001")
    assert finding == {
        "rule": "CHISO001", "severity": "warning",
        "message": 'Chưa nêu Chỉ số cải cách hành chính (PAR INDEX); cần bổ sung ở phần "2. Nội dung kế hoạch".',
        "path": str(seed("002")), "line": 50, "concept": "indicator.par_index", "evidence": None,
        "parent_path": None, "parent_line": None, "parent_text": None, "suggestion": None,
        "fingerprint": finding["fingerprint"], "waived": False, "waiver_reason": None,
    }
    assert len(finding["fingerprint"]) == 16
    assert data["summary"] == {"errors": 0, "warnings": 5, "infos": 0, "waived": 0}


def test_messages_in_english_with_lang_en():
    _, data = run_json("--lang", "en", "--select", "THETHUC010,CHISO002", str(seed("002")))
    assert [f["message"] for f in data["findings"]] == [
        "This copy lost the header (no national name and motto, issuing body's name; left blank: number, date of issue, "
        "signer's name): likely copied from a portal page; check the format against the original.",
        'Satisfaction Index of Public Administrative Services (SIPAS) is not named; add it under "2. Nội dung kế hoạch".',
    ]


def test_output_file(tmp_path):
    out = tmp_path / "report" / "check.json"
    result = run("--format", "json", "--output", str(out), str(seed("003")))
    assert result.exit_code == 0 and result.output == ""
    assert [f["rule"] for f in validated(out.read_text(encoding="utf-8"), "check")["findings"]] == [
        "CAUTRUC005", "THETHUC010", "CHINHTA005", "CHINHTA002", "CHINHTA007", "NOIDUNG003", "NOIDUNG003",
    ]


def test_terminal_report_groups_by_plan_and_severity_without_markup_or_colour(tmp_path, no_implementation, monkeypatch):
    # wide enough for pytest's temporary paths, which pass 80 columns once its run counter has 4 digits
    monkeypatch.setenv("COLUMNS", "200")
    tricky = tmp_path / "ngoac.txt"
    tricky.write_text("UBND XÃ X | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: /KH-UBND [bold]x[/]\n\nKẾ HOẠCH\nTuyên truyền [red]CCHC[/red]\n\nI. NỘI DUNG TUYÊN TRUYỀN\n- TTHC.\n", encoding="utf-8")
    result = run("--ignore", "THETHUC004,THETHUC005,THETHUC006,THETHUC007,THETHUC008,THETHUC010,NHATQUAN,CHINHTA",
                 str(seed("004")), no_implementation, str(tricky))
    assert "\x1b[" not in result.output
    assert "Số: /KH-UBND [bold]x[/]" in result.output
    # A long temporary path folds at 80 columns: read the report with its folded lines joined.
    out = "\n".join("".join(part.strip() for part in block.split("\n")) for block in result.output.split("\n\n"))
    assert out.index(str(seed("004"))) < out.index(no_implementation) < out.index(str(tricky))
    section = out[out.index(no_implementation):out.index(str(tricky))]
    assert section.index("Lỗi (1)") < section.index("CAUTRUC003") < section.index("Cảnh báo (")
    assert f"{tricky}:2" in out
    assert "✓ không có vấn đề" in out[: out.index(no_implementation)]
    # the tricky plan names its issuer (no THETHUC003); it and no_implementation have no dates (CAUTRUC005)
    assert "Kế hoạch: 3   Lỗi: 2   Cảnh báo: 23   Lưu ý: 0   Được miễn: 0" in out.split("\n\n")[0]


def test_a_broken_pack_is_a_usage_error_naming_file_and_line(tmp_path, monkeypatch):
    pack = tmp_path / "cchc" / "hong.yaml"
    pack.parent.mkdir()
    pack.write_text("family: HONG\ndescription: {vi: a, en: b}\nrules:\n  - code: HONG001\n    check: [\n", encoding="utf-8")
    monkeypatch.setattr("audit.resources.rules_root", lambda: tmp_path)
    result = run(str(seed("004")))
    assert result.exit_code == 2
    assert f"{pack}:6: bad YAML" in result.output


def test_a_broken_lexicon_is_a_usage_error_not_a_traceback(tmp_path, monkeypatch):
    from audit.text.lexicon import load_lexicon

    pack = tmp_path / "cchc"
    pack.mkdir()
    for source in (real_rules_root() / "cchc").glob("*.yaml"):
        (pack / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "lexicon.yaml").write_text("version: 1\nconcepts: [\n", encoding="utf-8")
    monkeypatch.setattr("audit.resources.rules_root", lambda: tmp_path)
    load_lexicon.cache_clear()
    try:
        result = run(str(seed("004")))
    finally:
        load_lexicon.cache_clear()
    assert result.exit_code == 2
    assert f"{tmp_path / 'lexicon.yaml'}:3: bad YAML" in result.output


def test_a_report_file_gets_the_mode_a_plain_write_gives_and_keeps_a_chosen_one(tmp_path):
    """A report is written atomically, but not as a private temporary file: others (a CI artifact
    server, a colleague) read it as they read any file the user writes."""
    import os
    import stat

    out = tmp_path / "check.json"
    old = os.umask(0o027)
    try:
        run("--format", "json", "--output", str(out), str(FIXTURES / "2024-xa-kim-khe.md"))
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        out.chmod(0o604)
        run("--format", "json", "--output", str(out), str(FIXTURES / "2024-xa-kim-khe.md"))
        assert stat.S_IMODE(out.stat().st_mode) == 0o604
    finally:
        os.umask(old)
