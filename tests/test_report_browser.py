"""The HTML report in a real headless Chromium: it renders (headings, a screenshot) and text from a
plan cannot run script (the title stays, no script or image element appears, the text shows
literally).

Skipped only when Chromium is absent and PLAN_AUDIT_REQUIRE_BROWSER is unset; CI (.ci/run) installs
Chromium and sets the variable, so there the test can never skip silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.helpers.reports import hostile_pair
from tests.test_report_review import elements

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("PLAN_AUDIT_REQUIRE_BROWSER"):
        pytest.fail("PLAN_AUDIT_REQUIRE_BROWSER is set but no chromium is installed (apt-get install chromium)")
    pytest.skip("chromium not installed (set PLAN_AUDIT_REQUIRE_BROWSER=1 to make this a failure)")


def browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Chromium on `page` with a fresh profile; a hung browser fails the test instead of the suite."""
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    child, parent = hostile_pair(folder)
    out = folder / "bao-cao.html"
    result = CliRunner().invoke(main, ["check", str(child), "--parent", str(parent), "--format", "html",
                                       "--output", str(out)])
    assert result.exit_code == 1, result.output  # the child misses the Zalo task: an error
    return out


def test_script_from_a_plan_does_not_run_and_shows_as_text(report, tmp_path):
    dom = browse(report, tmp_path / "profile", "--virtual-time-budget=2000", "--dump-dom").stdout
    found = elements(dom)
    assert found.tags.count("title") == 1
    assert "<title>Báo cáo rà soát kế hoạch</title>" in dom  # a script setting the title never ran
    assert "pwned</title>" not in dom
    assert "script" not in found.tags and "img" not in found.tags
    assert not any(name == "onerror" for name, _ in found.attributes)
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # the plan's text, literally
    assert "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" in dom
    assert found.headings["h1"] == ["Báo cáo rà soát kế hoạch"]
    assert found.headings["h2"][0].endswith("<script>document.title='pwned'</script> trên địa bàn thị trấn Lâm Xuyên")
    assert [h.split(" (")[0] for h in found.headings["h3"]] == [
        "Yêu cầu của kế hoạch cấp trên còn thiếu", "Yêu cầu của kế hoạch cấp trên đã đáp ứng",
        "Nội dung kế hoạch cấp trên liệt kê mà kế hoạch chưa nêu", "Các vấn đề khác", "Đề nghị bổ sung, chỉnh sửa"]


def test_the_report_renders_to_a_screenshot_and_prints(report, tmp_path):
    png, pdf = tmp_path / "report.png", tmp_path / "report.pdf"
    browse(report, tmp_path / "profile", "--window-size=1000,1400", f"--screenshot={png}")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    browse(report, tmp_path / "profile2", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
