"""The terminal report of `corpus fixtures/` (and the graph tree) as a reviewer reads it at 80
columns: the summary panel, findings by plan and severity with their evidence or the parent's
line, waived findings apart, the coverage matrix; no colour off a terminal."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rich.console import Console

from audit.cli import main
from audit.report.terminal import check_rich
from tests.conftest import REPO
from tests.helpers.reports import fixture_run, waive

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

REASON = "Gia hạn theo Công văn 15/UBND ngày 20/02/2024"


def draw(run, lang: str = "vi") -> str:
    console = Console(width=80, markup=False, highlight=False, emoji=False, no_color=True)
    with console.capture() as capture:
        check_rich(run, console, lang)
    return capture.get()


@pytest.fixture(scope="module")
def report() -> str:
    return draw(waive(fixture_run("vi"), "KETHUA006", REASON))


def block(report: str, name: str) -> str:
    """The lines of one plan's block (up to the next blank line)."""
    start = report.index(f"fixtures/{name}\n")
    return report[start:report.index("\n\n", start)]


def test_no_line_is_wider_than_80_columns(report):
    assert max(len(line) for line in report.splitlines()) <= 80
    assert max(len(line) for line in draw(fixture_run("en"), "en").splitlines()) <= 80


def test_the_summary_panel_comes_first(report):
    panel = report.split("\n\n")[0]
    assert panel.splitlines()[0].startswith("╭─ Kết quả rà soát")
    assert "Kế hoạch: 14   Lỗi: 4   Cảnh báo: 9   Lưu ý: 1   Được miễn: 1" in panel
    run = fixture_run("vi")
    assigned = [c for item in run.inputs if item.trace for c in item.trace.coverage if c.requirement.weight == "assigned"]
    met = sum(c.covered for c in assigned)
    assert f"Đáp ứng yêu cầu được giao: {met}/{len(assigned)} ({round(100 * met / len(assigned))}%)" in panel


def test_findings_grouped_by_plan_and_severity_with_evidence(report):
    tttt = block(report, "2024-so-tttt.docx")
    lines = [line.rstrip() for line in tttt.splitlines()]
    assert lines[1].strip().startswith("Tuyên truyền cải cách hành chính năm 2024 của ngành")
    assert lines[2].endswith("fixtures/2024-tinh-lam-giang.md") and "←" in lines[2]
    assert "  Cảnh báo (4)" in lines  # the draft's blank number, date and signer are one finding
    at = lines.index("    THETHUC009  Số, ngày ban hành và họ tên người ký đều để trống: đây là bản dự")
    # the line number, and where Word's reader finds that line (tests/test_locations.py)
    assert any("fixtures/2024-so-tttt.docx:3 (đoạn \u201cSố: /KH-STTTT" in line for line in lines[at + 1: at + 4])
    assert "      » Số: /KH-STTTT | Bến Lam, ngày tháng năm 2024" in lines[at + 2: at + 5]
    assert "Lỗi (" not in tttt  # no empty severity groups


def test_a_gap_shows_the_parents_path_line_and_wording(report):
    phuc_khe = " ".join(block(report, "2024-xa-phuc-khe.pdf").split())
    assert "Lỗi (2) KETHUA001 Kế hoạch chưa có \"Zalo\"" in phuc_khe
    assert ("fixtures/2024-huyen-phu-lam.md:81 - Hướng dẫn người dân sử dụng Zalo OA \"Chính quyền số Lam Giang\""
            in phuc_khe)


def test_waived_findings_are_listed_apart_with_their_reason(report):
    truc_lam = block(report, "2024-phuong-truc-lam.txt")
    assert "KETHUA006" not in truc_lam[: truc_lam.index("  Được miễn (1)")]  # not among the standing ones
    waived = truc_lam[truc_lam.index("  Được miễn (1)"):]
    assert "KETHUA006  Kế hoạch ngày 18/03/2024" in waived
    assert f"Lý do miễn: {REASON}" in " ".join(waived.split())


def test_clean_plans_and_the_coverage_matrix(report):
    assert "✓ không có vấn đề" in block(report, "2025-xa-phu-lam.md")
    matrix = report[report.index("Mức độ đáp ứng kế hoạch cấp trên"):]
    assert "2024-xa-phuc-khe.pdf" in matrix and "5/7" in matrix


def test_english():
    out = draw(waive(fixture_run("en"), "KETHUA006", "Deadline extended"), "en")
    assert "Plans: 14   Errors: 4   Warnings: 9   Notes: 1   Waived: 1" in out
    assert "Waived (1)" in out and "Why it is waived: Deadline extended" in out
    assert "Coverage of the parent plan" in out


def test_an_unreadable_file_shows_why(tmp_path):
    from audit.engine.context import CheckContext
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.run import audit_inputs, load_inputs

    missing = str(tmp_path / "khong_co.txt")
    out = draw(audit_inputs(load_inputs([missing]), select_rules(load_rules()), CheckContext()))
    assert "Kế hoạch: 1 (1 không đọc được)   Lỗi: 1" in out
    assert "INPUT001  Không đọc được tệp:" in out
    assert "Đáp ứng yêu cầu" not in out  # no parent known: no coverage figure


def test_no_colour_and_no_markup_when_not_a_terminal():
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        result = CliRunner().invoke(main, ["corpus", "fixtures", "--fail-on", "never", "--format", "rich"])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "╭─ Kết quả rà soát" in result.stdout


def test_the_graph_is_a_tree_of_the_hierarchy():
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        patch.setenv("COLUMNS", "80")
        result = CliRunner().invoke(main, ["graph", "fixtures", "--lang", "en"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Plan hierarchy: fixtures (14 plans)"
    tree = lines[:lines.index("Unresolved parents (4)")]  # the gap lists keep one path:line per line
    assert max(len(line) for line in tree) <= 80
    province = next(i for i, line in enumerate(lines) if line.startswith("├── fixtures/2024-tinh-lam-giang.md"))
    district = next(i for i, line in enumerate(lines) if line.startswith("│   ├── fixtures/2024-huyen-phu-lam.md"))
    commune = lines.index("│   │   └── fixtures/2024-xa-phuc-khe.pdf  (thuc_hien, line 6)")
    assert province < district < commune
    assert lines[commune + 1].strip("│ ") == "06/KH-UBND · Ủy ban nhân dân xã Phúc Khê · 2024-02-08"
    assert "Unresolved parents (4)" in lines


def test_the_readme_pictures_exist_and_the_terminal_one_can_be_remade(tmp_path):
    import importlib.util

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("terminal.svg", "report-html.png"):
        assert f"](docs/img/{name})" in readme and (REPO / "docs" / "img" / name).stat().st_size > 10_000
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "scripts" / "screenshots.py")
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        screenshots.terminal_svg(tmp_path / "terminal.svg")
    svg = (tmp_path / "terminal.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "cdnjs" not in svg  # nothing fetched
    assert "Kết&#160;quả&#160;rà&#160;soát" in svg and "KETHUA001" in svg and "Noto Sans Mono" in svg
