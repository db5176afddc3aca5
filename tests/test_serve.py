"""`plan-audit serve` over plain HTTP: uploads kept to the session folder under clean names and within
limits, hostile files answered with findings and escaped text, the security headers and checks,
waivers written in the CLI's format, reports downloaded in every format the CLI knows, and a second
audit of the same files answered from the corpus cache. The page in a real browser:
tests/test_serve_browser.py."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from html import unescape
from urllib.parse import urlencode

import pytest
import yaml
from click.testing import CliRunner

from audit.cli import main
from audit.policy.waivers import read_waiver_file
from audit.serve import uploads
from audit.serve.uploads import safe_name
from audit.serve.waivers_file import add_waiver
from audit.policy.waivers import WaiverEntry
from tests.conftest import FIXTURES
from tests.helpers.reports import hostile_pair
from tests.helpers.serve import get, post_files, post_form, request, running, session, wait_done


@pytest.mark.parametrize("sent, kept", [
    ("../../etc/passwd.md", "passwd.md"),
    ("..\\..\\Windows\\ke-hoach.docx", "ke-hoach.docx"),
    ("Kế hoạch xã Phúc Khê.pdf", "Kế hoạch xã Phúc Khê.pdf"),
    ("a\x00b\x1b[31mred\n.md", "a_b__31mred_.md"),
    (".hidden.txt", "hidden.txt"),
    ("<img src=x onerror=alert(1)>.md", "_img src_x onerror_alert(1)_.md"),
    ("..", "ke-hoach"),
    ("", "ke-hoach"),
])
def test_a_client_file_name_becomes_a_plain_name_in_the_session_folder(sent, kept):
    assert safe_name(sent) == kept


def test_a_long_name_keeps_its_suffix():
    name = safe_name("x" * 400 + ".docx")
    assert len(name) == uploads.MAX_NAME and name.endswith("x.docx")


def test_a_waiver_is_appended_keeping_the_file_and_read_as_the_cli_reads_it(tmp_path):
    path = tmp_path / "waivers.yaml"
    path.write_text("# miễn trừ của phòng\nwaivers:\n    - code: THETHUC001   # bản nháp\n"
                    "      plan: \"drafts/**\"\n      reason: Chưa có số\n", encoding="utf-8")
    entry = WaiverEntry(code="KETHUA001", plan="xa/phuc-khe.pdf", reason='Đã đồng ý: "lùi" sang 2025', concept="channel.zalo")
    waivers = add_waiver(path, entry)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# miễn trừ của phòng\nwaivers:\n    - code: THETHUC001   # bản nháp\n")
    assert [w.entry for w in read_waiver_file(path)] == [w.entry for w in waivers]
    assert [(w.entry.code, w.entry.plan, w.entry.reason, w.entry.concept) for w in waivers] == [
        ("THETHUC001", "drafts/**", "Chưa có số", None),
        ("KETHUA001", "xa/phuc-khe.pdf", 'Đã đồng ý: "lùi" sang 2025', "channel.zalo")]


def test_a_waiver_list_written_inline_is_written_anew(tmp_path):
    path = tmp_path / "waivers.yaml"
    path.write_text("waivers: [{code: KENH, plan: a.md, reason: x}]\n", encoding="utf-8")
    add_waiver(path, WaiverEntry(code="KETHUA001", plan="b.md", reason="y"))
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"waivers": [
        {"code": "KENH", "plan": "a.md", "reason": "x"}, {"code": "KETHUA001", "plan": "b.md", "reason": "y"}]}


@pytest.fixture(scope="module")
def fixtures_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    with running(session(tmp, directory=FIXTURES, waivers=tmp / "waivers.yaml")) as server:
        wait_done(server.url)
        yield server


def test_every_page_forbids_inline_script_and_other_origins(fixtures_server):
    for path in ("/", "/plan/0", "/graph", "/matrix", "/status", "/static/app.js"):
        answer = get(fixtures_server.url + path)
        assert answer.status == 200, path
        policy = answer.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert answer.headers["x-content-type-options"] == "nosniff"
    page = get(fixtures_server.url + "/").text
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/app.js" defer>']
    assert "http://" not in page and "https://" not in page  # nothing from elsewhere


def test_another_host_name_and_a_post_without_the_token_are_refused(fixtures_server):
    assert get(fixtures_server.url + "/", Host="attacker.example").status == 400  # DNS rebinding
    waive = post_form(fixtures_server.url + "/waive", {"finding": "0", "generation": "1", "reason": "x"})
    assert waive.status == 403
    upload = post_files(fixtures_server.url + "/upload", {}, [("x.md", b"KE HOACH")])
    assert upload.status == 403
    assert list(fixtures_server.workspace.uploads.iterdir()) == []
    assert not (fixtures_server.workspace.waivers).exists()


def test_every_report_format_the_cli_knows_is_offered_and_downloads(fixtures_server):
    from audit.report.formats import FORMATS

    page = get(fixtures_server.url + "/").text
    assert re.findall(r'href="/download/([a-z]+)"', page) == list(FORMATS)
    html = get(fixtures_server.url + "/download/html")
    assert html.headers["content-disposition"] == 'attachment; filename="bao-cao.html"'
    assert "<h1>Báo cáo rà soát kế hoạch</h1>" in html.text
    assert "fixtures/2024-xa-phuc-khe.pdf: Tuyên truyền cải cách hành chính xã Phúc Khê năm 2024" in html.text
    data = json.loads(get(fixtures_server.url + "/download/json").text)
    assert "plan-audit-serve" not in json.dumps(data)  # the session's temporary folder is not shown
    phuc_khe = [(f["rule"], f["line"], f["parent_path"], f["parent_line"]) for f in data["findings"]
                if f["path"] == "fixtures/2024-xa-phuc-khe.pdf" and f["rule"].startswith("KETHUA")]
    assert phuc_khe == [("KETHUA001", 26, "fixtures/2024-huyen-phu-lam.md", 81),
                        ("KETHUA001", 26, "fixtures/2024-huyen-phu-lam.md", 83)]
    assert get(fixtures_server.url + "/download/nope").status == 404


def test_filters_by_severity_rule_and_unit(fixtures_server):
    def rules(**query: str) -> list[str]:
        page = get(fixtures_server.url + "/?" + urlencode(query)).text
        table = page.split('<table class="findings">')[1].split("</table>")[0]
        return re.findall(r"<code>([A-Z]+\d+)</code>", table)

    everything = rules()
    assert len(everything) == 23  # the fixture corpus: 5 errors, 17 warnings, 1 info (EXPECTED.yaml)
    assert rules(rule="KETHUA001") == ["KETHUA001"] * everything.count("KETHUA001")
    assert len(rules(severity="error")) == 5  # Bến Lam's report to an abolished city office among them
    assert rules(unit="Ủy ban nhân dân xã Phúc Khê", severity="error") == ["KETHUA001", "KETHUA001"]


def test_a_waiver_from_a_stale_page_or_without_a_reason_is_refused(fixtures_server):
    token = fixtures_server.workspace.token
    stale = post_form(fixtures_server.url + "/waive", {"token": token, "finding": "0", "generation": "0", "reason": "x"})
    assert "Phát hiện này không còn trong kết quả mới nhất" in stale.text
    empty = post_form(fixtures_server.url + "/waive", {"token": token, "finding": "0", "generation": "1", "reason": " ",
                                                       "back": "/\\evil.example/"})  # back to our page, not theirs
    assert "Cần ghi lý do miễn" in empty.text and "<h2>Kế hoạch (14)</h2>" in empty.text
    assert not fixtures_server.workspace.waivers.exists()


def test_hostile_uploads_are_kept_in_the_session_escaped_and_the_server_keeps_answering(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1 << 20)
    child, parent = hostile_pair(tmp_path / "plans")
    files = [
        ("../../../../tmp/thitran\x1b[2J\r\n.md", child.read_bytes()),
        ("..\\huyen<script>.md", parent.read_bytes()),
        ("lon.txt", b"a" * 1_200_000),
        ("chuong-trinh.exe", b"MZ\x90\x00" + bytes(range(256)) * 20),
        ("rac.pdf", bytes(range(256)) * 40),
    ]
    with running(session(tmp_path), start=False) as server:
        answer = post_files(server.url + "/upload", {"token": server.workspace.token}, files)
        assert answer.status == 200
        notices = [unescape(n) for n in re.findall(r'<p class="notice \w+" role="status">(.*?)</p>', answer.text)]
        assert notices == [
            "Đã nhận 3 tệp: thitran__2J_0D_0A.md, huyen_script_.md, rac.pdf",
            "lon.txt: tệp lớn hơn 1 MB, không nhận",
            "chuong-trinh.exe: không phải tệp kế hoạch (.docx, .pdf, .txt, .md), không nhận",
        ]
        stored = sorted(p.name for p in server.workspace.folder.rglob("*") if p.is_file())
        assert stored == ["huyen_script_.md", "rac.pdf", "thitran__2J_0D_0A.md"]
        assert not list(server.workspace.scratch.iterdir())  # parts that spilled to disk are gone
        wait_done(server.url)
        page = get(server.url + "/").text
        assert "<script>document" not in page and "<img" not in page
        assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in page  # the child's title, as text
        assert "INPUT001" in page and "KETHUA001" in page
        plan = get(server.url + "/plan/" + _plan_number(page, "uploads/thitran__2J_0D_0A.md")).text
        assert "<script>" not in plan and "onerror=" not in plan.replace("onerror=&#34;", "")
        assert "&lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;" in plan  # the parent's line, quoted
        broken = request(server.url + "/upload", b'--b\r\nBad"Header: x\r\n\r\ndata\r\n--b--\r\n',
                         {"Content-Type": "multipart/form-data; boundary=b"})
        assert broken.status == 400
        assert get(server.url + "/status").status == 200


def _plan_number(page: str, path: str) -> str:
    return re.search(rf'href="/plan/(\d+)">{re.escape(path)}<', page).group(1)


def test_an_upload_larger_than_the_request_limit_is_refused_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_REQUEST_BYTES", 50_000)
    with running(session(tmp_path), start=False) as server:
        answer = post_files(server.url + "/upload", {"token": server.workspace.token}, [("a.txt", b"x" * 60_000)])
        assert "Lượt tải lên quá lớn" in answer.text
        assert list(server.workspace.uploads.iterdir()) == []
        assert get(server.url + "/status").status == 200


def test_a_second_audit_of_the_same_files_reads_nothing_again(tmp_path, monkeypatch):
    import audit.corpus

    reads = []
    for name in ("outline_or_error", "plan_or_error"):  # a plan's outline, then the whole plan
        real = getattr(audit.corpus, name)
        monkeypatch.setattr(audit.corpus, name, lambda path, real=real: reads.append(str(path)) or real(path))
    with running(session(tmp_path, directory=FIXTURES)) as server:
        wait_done(server.url, 1)
        first, read_first = server.workspace.result.findings, len(reads)
        server.workspace.start_audit()
        wait_done(server.url, 2)
        assert len(set(reads)) == 14 and len(reads) == read_first  # the second audit: every outline and result from the cache
        assert server.workspace.result.findings == first


def test_a_long_audit_runs_in_the_background_with_its_progress_on_the_page(tmp_path, monkeypatch):
    import audit.corpus

    real = audit.corpus.outline_or_error  # what the progress counts: each plan's outline read
    monkeypatch.setattr(audit.corpus, "outline_or_error", lambda path: time.sleep(0.3) or real(path))
    with running(session(tmp_path, directory=FIXTURES)) as server:
        seen = []
        while (job := json.loads(get(server.url + "/status").text))["state"] == "running":
            seen.append((job["done"], job["total"]))
            page = get(server.url + "/").text  # the server answers while the audit goes on
            assert '<div id="progress" class="progress"' in page or job["done"] >= 13
            time.sleep(0.1)
        done = [done for done, total in seen if total == 14]
        assert len(done) > 3 and done == sorted(done) and done[0] < 6  # seen to advance, plan by plan
        assert job["state"] == "done" and '<table class="plans">' in get(server.url + "/").text


def test_serve_warns_when_it_listens_beyond_this_machine(monkeypatch):
    started = []
    monkeypatch.setattr("audit.serve.server.serve", lambda workspace, host, port, browser: started.append(
        (host, port, browser, workspace.lang)) or workspace.close())
    quiet = CliRunner().invoke(main, ["serve", str(FIXTURES), "--no-browser"])
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr
    assert "plan-audit: bàn làm việc rà soát đang chạy tại http://127.0.0.1:8765/" in quiet.stderr
    open_ = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "9000", "--lang", "en"])
    assert open_.exit_code == 0
    assert "plan-audit: warning: listening on 0.0.0.0: other machines can see and upload too" in open_.stderr
    assert started == [("127.0.0.1", 8765, False, "vi"), ("0.0.0.0", 9000, True, "en")]


def test_the_workbench_speaks_english_with_lang_en(tmp_path):
    with running(session(tmp_path, lang="en", directory=FIXTURES)) as server:
        wait_done(server.url)
        page = get(server.url + "/").text
        assert "<title>Review workbench · plan-audit</title>" in page
        assert '<span class="badge error">error</span>' in page and "Download reports" in page
        assert "lỗi" not in page and "Kế hoạch và phát hiện" not in page
        plan = get(server.url + "/plan/" + _plan_number(page, "fixtures/2024-xa-phuc-khe.pdf")).text
        assert "The parent plan asks:" in plan and "fixtures/2024-huyen-phu-lam.md, line 81" in plan


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_server_removes_the_session_folder(tmp_path, stop):
    with socket.socket() as probe:  # a free port (the server binds it a moment later)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    server = subprocess.Popen([sys.executable, "-m", "audit", "serve", str(FIXTURES), "--no-browser", "--port", str(port)],
                              env=env, stderr=subprocess.DEVNULL)
    try:
        assert _up(port), "the server did not start"
        wait_done(f"http://127.0.0.1:{port}", timeout=120)
        assert [p.name[:17] for p in tmp_path.iterdir()] == ["plan-audit-serve-"]
    finally:
        server.send_signal(stop)
        server.wait(30)
    assert list(tmp_path.iterdir()) == []


def _up(port: int, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as client:
            if client.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False
