"""The workbench in a real headless Chromium driven by Selenium (Debian's chromium and chromium-driver):
the reviewer's path through the fixture province (the audit's progress, the plans, a commune plan
with its KETHUA001 finding beside the parent's line, a waiver written to the waivers file as the CLI
reads it, a report downloaded, the hierarchy and the matrix), and a hostile upload whose script never
runs. Skipped only when the browser or its driver is missing and PLAN_AUDIT_REQUIRE_BROWSER is unset;
CI (.ci/run) installs both and sets it, so there these tests can never skip silently.

Screenshots go to a temporary folder, or to $PLAN_AUDIT_SCREENSHOTS (the README's images are made
with PLAN_AUDIT_SCREENSHOTS=docs/img).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from audit.cli import main
from tests.conftest import FIXTURES
from tests.helpers.reports import hostile_pair
from tests.helpers.serve import post_files, running, session

CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
         "--window-size=1360,900"]


def missing(what: str) -> None:
    if os.environ.get("PLAN_AUDIT_REQUIRE_BROWSER"):
        pytest.fail(f"PLAN_AUDIT_REQUIRE_BROWSER is set but {what} is not installed (apt-get install chromium chromium-driver)")
    pytest.skip(f"{what} not installed (set PLAN_AUDIT_REQUIRE_BROWSER=1 to make this a failure)")


@pytest.fixture
def browser(tmp_path):
    """A fresh headless Chromium, downloads going to tmp_path/downloads."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        missing("chromium")
    if not CHROMEDRIVER.exists():
        missing("chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(60)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, css: str, timeout: float = 120):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as seen
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(seen.presence_of_element_located((By.CSS_SELECTOR, css)))


def screenshot(driver, name: str, tmp_path: Path, height: int = 900) -> Path:
    folder = Path(os.environ.get("PLAN_AUDIT_SCREENSHOTS") or tmp_path)
    driver.set_window_size(1360, height)
    path = folder / name
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000
    return path


def test_a_reviewer_waives_a_commune_plans_gap_and_downloads_the_report(browser, tmp_path):
    from selenium.webdriver.common.by import By

    waivers = tmp_path / "waivers.yaml"
    workspace = session(tmp_path, directory=FIXTURES, waivers=waivers, expected=FIXTURES / "units.yaml")
    with running(workspace) as server:
        browser.get(server.url + "/")
        wait_for(browser, "table.plans")  # the page follows the audit and reloads itself when it is done
        assert browser.title == "Bàn làm việc rà soát · plan-audit"
        rows = browser.find_elements(By.CSS_SELECTOR, "table.plans tbody tr")
        assert len(rows) == 14
        screenshot(browser, "serve-plans.png", tmp_path, 1500)

        browser.find_element(By.LINK_TEXT, "fixtures/2024-xa-phuc-khe.pdf").click()
        wait_for(browser, "div.source")
        assert browser.find_element(By.CSS_SELECTOR, "h1").text == "fixtures/2024-xa-phuc-khe.pdf"
        finding = browser.find_element(By.CSS_SELECTOR, "div.line.marked div.finding.error")
        line = finding.find_element(By.XPATH, "ancestor::div[contains(@class, 'line')]")
        assert line.get_attribute("id") == "L26"
        assert line.find_element(By.CSS_SELECTOR, ".text").text == "III. HÌNH THỨC TUYÊN TRUYỀN"
        assert finding.text.startswith('lỗi KETHUA001 Kế hoạch chưa có "Zalo" như kế hoạch cấp trên giao cho cấp này')
        parent = finding.find_element(By.CSS_SELECTOR, ".parent-asks a")
        assert parent.text == "fixtures/2024-huyen-phu-lam.md, dòng 81"
        assert finding.find_element(By.CSS_SELECTOR, "blockquote.parent-text").text == (
            '- Hướng dẫn người dân sử dụng Zalo OA "Chính quyền số Lam Giang" và Cổng Dịch vụ công tỉnh khi giải quyết TTHC.')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", line)
        screenshot(browser, "serve-plan.png", tmp_path)

        reason = "Xã chưa lập Zalo OA; UBND huyện đồng ý lùi sang năm 2025"
        finding.find_element(By.NAME, "reason").send_keys(reason)
        finding.find_element(By.CSS_SELECTOR, "form.waive button").click()
        notice = wait_for(browser, "p.notice.ok")
        assert notice.text == "Đã miễn KETHUA001; đã ghi vào tệp miễn trừ"
        waived = browser.find_element(By.CSS_SELECTOR, "div.finding.waived")
        assert waived.find_element(By.CSS_SELECTOR, ".badge").text == "Được miễn"
        assert waived.find_element(By.CSS_SELECTOR, ".waived-reason").text == f"Lý do miễn: {reason}"

        entries = yaml.safe_load(waivers.read_text(encoding="utf-8"))["waivers"]
        plan = os.path.relpath(FIXTURES / "2024-xa-phuc-khe.pdf", tmp_path)
        assert entries == [{"code": "KETHUA001", "plan": plan, "reason": reason, "concept": "channel.zalo"}]
        assert_the_cli_waives_it_too(waivers, tmp_path, reason)

        browser.get(server.url + "/")
        browser.find_element(By.LINK_TEXT, "Báo cáo html").click()
        report = downloaded(browser.downloads, "bao-cao.html")
        assert "<h1>Báo cáo rà soát kế hoạch</h1>" in report and reason in report

        browser.get(server.url + "/graph")
        tree = browser.find_element(By.CSS_SELECTOR, "ul.tree")
        commune = tree.find_element(By.LINK_TEXT, "fixtures/2024-xa-phuc-khe.pdf")
        chain = commune.find_elements(By.XPATH, "ancestor::li/a")
        assert [a.text for a in chain] == ["fixtures/2024-tinh-lam-giang.md", "fixtures/2024-huyen-phu-lam.md",
                                           "fixtures/2024-xa-phuc-khe.pdf"]
        missing_units = browser.find_element(By.XPATH, "//h2[text()='Đơn vị chưa có kế hoạch']/following-sibling::ul")
        assert missing_units.text == ("Ủy ban nhân dân huyện Phù Lam (2024): Ủy ban nhân dân thị trấn Lâm Xuyên, "
                                      "Ủy ban nhân dân xã Tân Khê")
        screenshot(browser, "serve-graph.png", tmp_path, 1300)

        browser.get(server.url + "/matrix")
        row = browser.find_element(By.XPATH, "//table[@class='matrix']//a[text()='fixtures/2024-xa-phuc-khe.pdf']/ancestor::tr")
        cells = [(td.text, "short" in td.get_attribute("class")) for td in row.find_elements(By.CSS_SELECTOR, "td.num")]
        # two assigned concepts missing (Zalo, SIPAS): marked short; the listed column is context, never marked
        assert cells == [("5/7", True), ("2/2", False), ("1/1", False), ("9/16", False), ("4%", False)]
        screenshot(browser, "serve-matrix.png", tmp_path)


def assert_the_cli_waives_it_too(waivers: Path, folder: Path, reason: str) -> None:
    """The file the page wrote, named by a configuration, waives the same finding in `plan-audit corpus`."""
    config = folder / "plan-audit.yaml"
    config.write_text(f"waivers: {waivers.name}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["corpus", str(FIXTURES), "--config", str(config), "--format", "json",
                                       "--no-cache"])
    findings = json.loads(result.stdout)["findings"]
    waived = [(f["rule"], f["line"], f["parent_line"], f["waiver_reason"]) for f in findings if f["waived"]]
    assert waived == [("KETHUA001", 26, 81, reason)]


def downloaded(folder: Path, name: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while not (folder / name).exists():
        assert time.monotonic() < deadline, f"{name} was not downloaded: {list(folder.iterdir())}"
        time.sleep(0.2)
    return (folder / name).read_text(encoding="utf-8")


def test_a_hostile_upload_shows_findings_as_text_and_its_script_never_runs(browser, tmp_path):
    from selenium.webdriver.common.by import By

    child, parent = hostile_pair(tmp_path / "plans")
    with running(session(tmp_path), start=False) as server:
        post_files(server.url + "/upload", {"token": server.workspace.token},
                   [("../thitran\x07.md", child.read_bytes()), ("huyen.md", parent.read_bytes()),
                    ("rac.pdf", bytes(range(256)) * 40)])
        browser.get(server.url + "/")
        wait_for(browser, "table.plans")
        assert browser.title == "Bàn làm việc rà soát · plan-audit"  # no script from a plan set it
        titles = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "table.plans .sub")]
        assert any("<script>document.title='pwned'</script> trên địa bàn thị trấn Lâm Xuyên" in t for t in titles)
        assert "INPUT001" in browser.find_element(By.CSS_SELECTOR, "table.findings").text
        browser.find_element(By.LINK_TEXT, "uploads/thitran_.md").click()
        wait_for(browser, "div.source")
        assert browser.title == "uploads/thitran_.md · plan-audit"
        assert browser.find_elements(By.CSS_SELECTOR, "main script, main img") == []
        quoted = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "blockquote.parent-text")]
        assert any("<img src=x onerror=\"document.title='pwned'\">" in text for text in quoted)
        assert browser.execute_script("return document.readyState") == "complete"
