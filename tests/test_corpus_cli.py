"""`plan-audit corpus DIR` and `check --parent/--corpus`: the parent audit from the command line,
its JSON (plans with parent, requirements and copied share), the coverage matrix and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.helpers.schema import validated

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def corpus_json() -> dict:
    result = invoke("corpus", str(FIXTURES), "--select", "KETHUA", "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return validated(result.output, "check")


def entry(document: dict, name: str) -> dict:
    return next(p for p in document["plans"] if Path(p["path"]).name == name)


def test_plans_carry_their_parent_and_what_they_cover(corpus_json):
    phuc_khe = entry(corpus_json, "2024-xa-phuc-khe.pdf")
    assert Path(phuc_khe["parent"]).name == "2024-huyen-phu-lam.md"
    missing = [(r["concept"], r["parent_line"]) for r in phuc_khe["requirements"]
               if r["status"] == "missing" and r["weight"] == "assigned"]
    assert missing == [("channel.zalo", 81), ("indicator.sipas", 83)]
    covered = next(r for r in phuc_khe["requirements"] if r["concept"] == "channel.truyen_thanh" and r["weight"] == "assigned")
    assert covered["status"] == "covered" and covered["evidence"] and covered["evidence"][0]["line"] > 0
    assert entry(corpus_json, "2024-tinh-lam-giang.md")["parent"] is None


def test_a_citation_with_a_wrong_date_still_finds_its_parent(corpus_json):
    lam_xuyen = entry(corpus_json, "2024-tt-lam-xuyen.md")
    assert Path(lam_xuyen["parent"]).name == "2024-huyen-phu-lam.md"
    found = [(f["rule"], f["line"], f["parent_line"]) for f in corpus_json["findings"]
             if Path(f["path"]).name == "2024-tt-lam-xuyen.md"]
    assert found == [("KETHUA005", 14, 9)]


def test_copied_share_in_each_plan(corpus_json):
    assert entry(corpus_json, "2024-xa-kim-khe.md")["localization"] >= 0.5
    assert entry(corpus_json, "2025-xa-phu-lam.md")["localization"] < 0.5
    assert entry(corpus_json, "2024-tinh-lam-giang.md")["localization"] is None


def test_findings_and_summary(corpus_json):
    codes = sorted((f["rule"], Path(f["path"]).name) for f in corpus_json["findings"])
    assert codes == [
        ("KETHUA001", "2024-phuong-dong-lam.txt"), ("KETHUA001", "2024-xa-phuc-khe.pdf"),
        ("KETHUA001", "2024-xa-phuc-khe.pdf"), ("KETHUA005", "2024-tt-lam-xuyen.md"),
        ("KETHUA006", "2024-phuong-truc-lam.txt"), ("KETHUA008", "2024-xa-kim-khe.md"),
    ]
    assert corpus_json["summary"] == {"errors": 4, "warnings": 2, "infos": 0, "waived": 0}


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_exit_codes_under_fail_on(fail_on, code):
    assert invoke("corpus", str(FIXTURES), "--select", "KETHUA", "--fail-on", fail_on).exit_code == code


def test_only_warnings_fail_only_at_warning(tmp_path):
    """Trúc Lam is late (a warning) under a clean parent: exit 0 at error, 1 at warning."""
    for name in ("2024-tp-ben-lam.txt", "2024-phuong-truc-lam.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    assert invoke("corpus", str(tmp_path), "--select", "KETHUA", "--fail-on", "error").exit_code == 0
    assert invoke("corpus", str(tmp_path), "--select", "KETHUA", "--fail-on", "warning").exit_code == 1


def test_rich_report_ends_with_the_coverage_matrix(tmp_path):
    out = tmp_path / "report.txt"
    result = invoke("corpus", str(FIXTURES), "--select", "KETHUA", "--fail-on", "never", "--output", str(out))
    assert result.exit_code == 0 and result.output == ""  # no progress bar off a terminal
    text = out.read_text(encoding="utf-8")
    assert "KETHUA008" in text and "2024-xa-kim-khe.md:20" in text
    matrix = text[text.index("Mức độ đáp ứng kế hoạch cấp trên"):]
    assert text.index("Kết quả rà soát") < text.index("Mức độ đáp ứng kế hoạch cấp trên")
    rows = matrix.splitlines()
    at = next(i for i, line in enumerate(rows) if "2024-xa-kim-khe.md" in line)
    # The plan's row ends with its copied share; its parent is named on the line below.
    assert rows[at].rstrip().endswith("100%") and "← 2024-tp-ben-lam.txt" in rows[at + 1]


def test_bad_directory_is_a_usage_error(tmp_path):
    result = invoke("corpus", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and f"{tmp_path / 'nowhere'}: không tìm thấy thư mục" in result.output
    result = invoke("corpus", str(tmp_path / "nowhere"), "--lang", "en")
    assert result.exit_code == 2 and "directory not found" in result.output


def test_check_with_parent(tmp_path):
    result = invoke("check", str(FIXTURES / "2024-xa-phuc-khe.pdf"), "--parent", str(FIXTURES / "2024-huyen-phu-lam.md"),
                    "--select", "KETHUA", "--format", "json")
    assert result.exit_code == 1
    data = validated(result.output, "check")
    assert Path(data["plans"][0]["parent"]).name == "2024-huyen-phu-lam.md"
    assert [(f["concept"], f["parent_line"]) for f in data["findings"]] == [("channel.zalo", 81), ("indicator.sipas", 83)]


def test_check_with_corpus_finds_the_parent_by_citation():
    result = invoke("check", str(FIXTURES / "2024-phuong-truc-lam.txt"), "--corpus", str(FIXTURES),
                    "--select", "KETHUA", "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 1
    data = validated(result.output, "check")
    assert Path(data["plans"][0]["parent"]).name == "2024-tp-ben-lam.txt"
    assert [(f["rule"], f["line"], f["parent_line"]) for f in data["findings"]] == [("KETHUA006", 9, 66)]


def test_check_with_a_missing_parent_is_a_usage_error(tmp_path):
    result = invoke("check", str(FIXTURES / "2024-xa-kim-khe.md"), "--parent", str(tmp_path / "none.md"))
    assert result.exit_code == 2
