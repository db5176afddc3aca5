"""What a reviewer sends back, in each deliverable format: one line per finding in a pipe
(`--format concise`), counts per rule (`--statistics`), no absolute path of this machine in any
report, each plan back as a Word copy with a comment on each finding's paragraph (`--format docx`),
the province's workbook (`--format xlsx`), and the công văn góp ý (`--format letter`).

The Word and PDF conversions by LibreOffice are skipped when `soffice` is missing, unless
PLAN_AUDIT_REQUIRE_CONVERTERS is set (CI sets it and installs LibreOffice): then they fail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.read import read_source
from audit.report.formats import FILE_FORMATS, FORMATS
from tests.conftest import FIXTURES, REPO
from tests.helpers.make_docs import write_docx
from tests.helpers.schema import validated


def invoke(*args: str, cwd: Path = REPO):
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> Path:
    """The fictional province copied to a folder of its own (outside the repository)."""
    folder = tmp_path_factory.mktemp("deliver") / "ho-so"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("src", "*.yaml", "README.md"))
    return folder


@pytest.fixture(scope="module")
def report(plans) -> dict:
    result = invoke("corpus", str(plans), "--format", "json", "--no-cache")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def standing(report: dict) -> list[dict]:
    return [f for f in report["findings"] if not f["waived"]]


def soffice() -> str:
    found = shutil.which("soffice")
    if found:
        return found
    if os.environ.get("PLAN_AUDIT_REQUIRE_CONVERTERS"):
        pytest.fail("PLAN_AUDIT_REQUIRE_CONVERTERS is set but LibreOffice is missing (apt-get install libreoffice-writer-nogui)")
    pytest.skip("LibreOffice not installed (apt-get install libreoffice-writer-nogui; "
                "PLAN_AUDIT_REQUIRE_CONVERTERS=1 makes this a failure)")


def converts_to_pdf(files: list[Path], folder: Path) -> None:
    """LibreOffice headless opens each file and writes a non-empty PDF, without error."""
    program = soffice()
    profile = folder / "profile"
    done = subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(folder / "pdf"), *map(str, files)],
                          capture_output=True, text=True, timeout=300, check=True)
    for file in files:
        pdf = folder / "pdf" / (file.stem + ".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), done.stdout + done.stderr


# --- concise and statistics -------------------------------------------------------------------


def test_a_pipe_gets_one_line_per_finding(plans, report):
    """`plan-audit corpus DIR | cat`: the default off a terminal is one line per standing finding."""
    done = subprocess.run([sys.executable, "-m", "audit", "corpus", str(plans), "--no-cache"],
                          capture_output=True, text=True, cwd=plans.parent, timeout=600)
    assert done.returncode == 1, done.stderr
    expected = [f"{f['path']}:{f['line']}: {f['rule']} {' '.join(f['message'].split())}" if f["line"]
                else f"{f['path']}: {f['rule']} {' '.join(f['message'].split())}" for f in standing(report)]
    lines = done.stdout.splitlines()
    assert len(lines) == len(standing(report)) > 5
    assert [line.replace("ho-so/", "", 1) for line in lines] == expected  # run from the folder above
    assert all(line.startswith("ho-so/") for line in lines)


def test_check_of_one_file_piped_to_cat(plans):
    """`plan-audit check FILE | cat`: a line per finding of the JSON report, each `file:line: CODE`."""
    plan = str(plans / "2024-xa-kim-khe.md")
    piped = subprocess.run(f"{sys.executable} -m audit check {plan} --corpus {plans} | cat", shell=True,
                           capture_output=True, text=True, timeout=600)
    findings = json.loads(invoke("check", plan, "--corpus", str(plans), "--format", "json").stdout)["findings"]
    lines = piped.stdout.splitlines()
    where = [f"2024-xa-kim-khe.md:{f['line']}:" if f["line"] else "2024-xa-kim-khe.md:" for f in findings]
    assert [line.split(" ", 2)[:2] for line in lines] == [[at, f["rule"]] for at, f in zip(where, findings)]
    assert "KETHUA008" in piped.stdout and "╭" not in piped.stdout


def test_one_docx_plan_to_one_commented_copy(plans, tmp_path):
    from docx import Document

    plan = plans / "2024-so-tttt.docx"
    before = plan.read_bytes()
    out = tmp_path / "gop-y.docx"
    result = invoke("check", str(plan), "--format", "docx", "--output", str(out), "--fail-on", "never")
    assert result.exit_code == 0 and result.stdout == ""
    assert plan.read_bytes() == before
    found = comments_by_paragraph(Document(str(out)))
    assert next(paragraph for paragraph, text in found if text.startswith("THETHUC009: Số, ngày ban hành")) == "Số: /KH-STTTT"


def test_statistics_count_findings_per_rule(plans, report):
    counted = Counter(f["rule"] for f in standing(report))
    text = invoke("corpus", str(plans), "--statistics", "--no-cache").stdout
    rows = [line.split() for line in text.splitlines()]
    assert {row[1]: int(row[0]) for row in rows} == counted
    assert [int(row[0]) for row in rows] == sorted(counted.values(), reverse=True)
    assert "lỗi" in text and "KETHUA001" in text
    entries = validated(invoke("corpus", str(plans), "--statistics", "--format", "json", "--no-cache").stdout,
                        "statistics")
    assert {e["code"]: e["count"] for e in entries} == counted
    assert all(e["title"] for e in entries)


def test_a_file_format_needs_an_output():
    result = invoke("corpus", "fixtures", "--format", "xlsx")
    assert result.exit_code == 2
    assert "--output" in result.output


# --- no absolute path of this machine in any report --------------------------------------------


def texts_of(path: Path) -> str:
    """A report's text; for a Word or Excel file, every part of its zip; for a folder, each file's
    name and text."""
    if path.is_dir():
        return "".join(child.name + texts_of(child) for child in sorted(path.rglob("*")) if child.is_file())
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("where", ["elsewhere", "above"])
def test_no_report_names_the_reviewers_folder(fmt, where, plans, tmp_path):
    """Run from the repository (the plans elsewhere) or from the folder above the plans: the
    plans' absolute folder appears in no format, on stdout or in the file written."""
    cwd = REPO if where == "elsewhere" else plans.parent
    out = tmp_path / ("out.xlsx" if fmt == "xlsx" else "out")
    args = ["corpus", str(plans), "--format", fmt, "--no-cache", "--fail-on", "never"]
    result = invoke(*args, "--output", str(out), cwd=cwd)
    assert result.exit_code == 0, result.output
    written = texts_of(out)
    assert len(written) > 500
    shown = "" if fmt in FILE_FORMATS else invoke(*args, cwd=cwd).stdout
    for text in (written, shown):
        assert str(plans.parent) not in text and str(plans.parent.resolve()) not in text
    assert "2024-xa-kim-khe" in written


@pytest.mark.parametrize("fmt", ["rich", "json"])
def test_the_graph_names_no_folder_of_the_reviewer(fmt, plans):
    result = invoke("graph", str(plans), "--format", fmt)
    assert result.exit_code == 0 and "2024-xa-kim-khe.md" in result.stdout
    assert str(plans.parent) not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["root"] == "ho-so"


def test_absolute_paths_when_asked(plans):
    result = invoke("corpus", str(plans), "--format", "json", "--absolute-paths", "--no-cache")
    assert {p["path"] for p in json.loads(result.stdout)["plans"]} == {str(p) for p in plans.iterdir()}


# --- Word comments ------------------------------------------------------------------------------


def comments_by_paragraph(document) -> list[tuple[str, str]]:
    """(the paragraph's text, the comment's text) for every comment, in the body and its tables."""
    out = []
    paragraphs = list(document.paragraphs)
    paragraphs += [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for paragraph in paragraphs:
        for comment_id in paragraph._p.xpath(".//w:commentRangeStart/@w:id"):
            comment = document.comments.get(int(comment_id))
            assert comment.author == "plan-audit"
            out.append((paragraph.text, comment.text))
    return list(dict.fromkeys(out))  # a merged cell's paragraph is listed once per grid column


@pytest.fixture(scope="module")
def commented(plans, tmp_path_factory):
    out = tmp_path_factory.mktemp("docx")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in plans.iterdir()}
    result = invoke("corpus", str(plans), "--format", "docx", "--output", str(out), "--no-cache")
    assert result.exit_code == 1, result.output
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in plans.iterdir()} == before  # untouched
    return out


def test_each_finding_is_a_comment_on_its_line(plans, report, commented):
    from docx import Document

    assert sorted(p.name for p in commented.iterdir()) == sorted(f"{p.stem}.gop-y.docx" for p in plans.iterdir())
    for plan in plans.iterdir():
        lines = read_source(plan).lines
        found = comments_by_paragraph(Document(str(commented / f"{plan.stem}.gop-y.docx")))
        findings = [f for f in standing(report) if f["path"] == plan.name]
        assert len(found) == len(findings)
        for finding in findings:
            line = lines[finding["line"] - 1] if finding["line"] else lines[0]
            paragraph, text = next(pair for pair in found if pair[1].startswith(f"{finding['rule']}: {finding['message']}"))
            assert (line.cells or [line.text])[0] in " ".join(paragraph.split())
            assert "\nĐề nghị: " in text
            if finding["parent_line"]:
                assert f"Kế hoạch cấp trên yêu cầu ({finding['parent_path']}, dòng {finding['parent_line']})" in text


def test_a_docx_plan_keeps_its_tables_and_its_comment_lands_in_the_header_table(plans, commented):
    """2024-so-tttt.docx is a draft, its number blank in its header table: the comment is on that cell's line."""
    from docx import Document

    document = Document(str(commented / "2024-so-tttt.gop-y.docx"))
    original = Document(str(plans / "2024-so-tttt.docx"))
    assert len(document.tables) == len(original.tables) and len(document.paragraphs) == len(original.paragraphs)
    header_cell = document.tables[0].rows[1].cells[0].paragraphs[0]
    ids = header_cell._p.xpath(".//w:commentRangeStart/@w:id")
    assert sorted(document.comments.get(int(i)).text.split(":")[0] for i in ids) == ["THETHUC009"]


def test_a_layout_table_line_maps_to_the_paragraph_read(tmp_path):
    """Multi-paragraph header cells and a data table: each line read maps to a paragraph holding it."""
    from docx import Document

    from audit.report.word_comments import line_paragraphs

    path = write_docx((REPO / "fixtures" / "2024-xa-kim-khe.md").read_text(encoding="utf-8").splitlines(),
                      tmp_path / "kim-khe.docx")
    lines = read_source(path).lines
    paragraphs = line_paragraphs(Document(str(path)))
    assert len(paragraphs) == len(lines)
    for line, paragraph in zip(lines, paragraphs):
        assert (line.cells or [line.text])[0].split(" ")[0] in paragraph.text


def test_commented_documents_convert_with_libreoffice(commented, tmp_path):
    converts_to_pdf(sorted(commented.iterdir())[:3], tmp_path)


# --- the workbook -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(plans, tmp_path_factory):
    from openpyxl import load_workbook

    out = tmp_path_factory.mktemp("xlsx") / "tong-hop.xlsx"
    result = invoke("corpus", str(plans), "--format", "xlsx", "--output", str(out), "--no-cache",
                    "--expected", str(FIXTURES / "units.yaml"))
    assert result.exit_code == 1, result.output
    return load_workbook(out), out


def rows(sheet) -> list[dict]:
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row)) for row in values[1:]]


def test_the_workbook_has_its_sheets_frozen_and_filtered(workbook):
    book, _ = workbook
    assert book.sheetnames == ["Tổng hợp", "Phát hiện", "Đơn vị chưa có kế hoạch", "Ma trận"]
    for sheet in book:
        assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")


def test_the_summary_has_a_row_per_plan_of_the_json_report(workbook, report):
    summary = rows(workbook[0]["Tổng hợp"])
    assert [row["Tệp"] for row in summary] == [p["path"] for p in report["plans"]]
    for row, plan in zip(summary, report["plans"]):
        findings = [f for f in standing(report) if f["path"] == plan["path"]]
        assert row["Lỗi"] == sum(f["severity"] == "error" for f in findings)
        assert row["Cảnh báo"] == sum(f["severity"] == "warning" for f in findings)
        date = plan["header"]["date"]
        assert (row["Ngày ban hành"].date() if row["Ngày ban hành"] else None) == (date and dt.date.fromisoformat(date))
        assert row["Kế hoạch cấp trên"] == plan["parent"]
        assigned = [r for r in plan["requirements"] if r["weight"] == "assigned"]
        if assigned:
            share = sum(r["status"] == "covered" for r in assigned) / len(assigned)
            assert row["Tỷ lệ đáp ứng (được giao)"] == pytest.approx(share)
        assert row["Sao chép"] == plan["localization"]
        late = any(f["rule"] == "KETHUA006" for f in findings)
        assert row["Thời hạn ban hành"] == (("Chậm" if late else "Đúng hạn") if plan["parent"] else None)
    assert {row["Thời hạn ban hành"] for row in summary} >= {"Chậm", "Đúng hạn"}


def test_the_findings_sheet_has_a_row_per_finding(workbook, report):
    found = rows(workbook[0]["Phát hiện"])
    assert [(r["Tệp"], r["Dòng"], r["Mã"], r["Nội dung"], r["Dòng cấp trên"]) for r in found] == \
        [(f["path"], f["line"], f["rule"], f["message"], f["parent_line"]) for f in report["findings"]]


def test_units_without_a_plan_are_listed(workbook):
    missing = rows(workbook[0]["Đơn vị chưa có kế hoạch"])
    assert any(r["Đơn vị"] == "Ủy ban nhân dân xã Tân Khê" for r in missing)
    assert any(r["Kế hoạch cấp trên"] == "76/NQ-CP" for r in missing)  # cited, not in the folder


def test_the_matrix_says_met_or_missing_as_the_json_does(workbook, report):
    matrix = rows(workbook[0]["Ma trận"])
    traced = [p for p in report["plans"] if p["parent"]]
    assert [r["Tệp"] for r in matrix] == [p["path"] for p in traced]
    for row, plan in zip(matrix, traced):
        cells = [value for key, value in row.items() if key not in ("Tệp", "Kế hoạch cấp trên") and value]
        # one column per concept, item or task: asked by two parents, or at two lines of one, it is one
        # cell, missing where any of them is
        columns: dict[str, list[dict]] = {}
        met = ("covered", "partly")
        for r in plan["requirements"]:
            columns.setdefault(f'{r["category"]}:{r["concept"] or r["text"]}:{r.get("item", "")}', []).append(r)
        assert cells.count("Đạt") == sum(all(r["status"] in met for r in rs) for rs in columns.values())
        assert cells.count("Thiếu") == sum(any(r["status"] not in met and r["weight"] == "assigned" for r in rs)
                                           for rs in columns.values())  # declined is not met either


def test_the_workbook_converts_with_libreoffice(workbook, tmp_path):
    converts_to_pdf([workbook[1]], tmp_path)


# --- the letter -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def letters(plans, tmp_path_factory):
    out = tmp_path_factory.mktemp("letters")
    result = invoke("corpus", str(plans), "--format", "letter", "--output", str(out), "--no-cache")
    assert result.exit_code == 1, result.output
    return out


def test_a_letter_per_plan_with_the_parts_of_a_cong_van(plans, report, letters):
    from docx import Document

    plan = next(p for p in report["plans"] if p["path"] == "2024-phuong-dong-lam.txt")
    document = Document(str(letters / "2024-phuong-dong-lam.cong-van.docx"))
    issuer, motto = ([p.text for p in cell.paragraphs] for cell in document.tables[0].rows[0].cells)
    assert issuer[1] == "ỦY BAN NHÂN DÂN THÀNH PHỐ BẾN LAM"  # the parent's issuer reviews
    assert issuer[3].startswith("Số:") and issuer[4].startswith("V/v góp ý Kế hoạch số 08/KH-UBND")
    assert motto[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert motto[3].startswith("Bến Lam, ngày")
    body = [p.text for p in document.paragraphs if p.text]
    assert body[0] == "Kính gửi: Ủy ban nhân dân phường Đồng Lam."
    missing = [r for r in plan["requirements"] if r["status"] == "missing" and r["weight"] == "assigned"]
    assert missing
    for requirement in missing:
        assert any(f"dòng {requirement['parent_line']} của kế hoạch cấp trên" in text for text in body)
    assert body[-1].startswith("Đề nghị Ủy ban nhân dân phường Đồng Lam") and body[-1].endswith("./.")
    recipients, signature = ([p.text for p in cell.paragraphs] for cell in document.tables[1].rows[0].cells)
    assert recipients[0] == "Nơi nhận:" and "- Lưu: VT." in recipients
    assert signature[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_a_letter_lists_the_other_findings_at_their_lines(report, letters):
    from docx import Document

    findings = [f for f in standing(report) if f["path"] == "2024-xa-kim-khe.md"]
    body = [p.text for p in Document(str(letters / "2024-xa-kim-khe.cong-van.docx")).paragraphs]
    for finding in findings:
        if finding["rule"] != "KETHUA001":
            where = f"Tại dòng {finding['line']}" if finding["line"] else "Toàn văn Kế hoạch"
            assert any(text.startswith(f"- {where}: {finding['message']}") for text in body)


def test_letters_convert_with_libreoffice(letters, tmp_path):
    converts_to_pdf(sorted(letters.iterdir())[:3], tmp_path)


# --- the progress bar and click's own messages -------------------------------------------------


def test_the_progress_bar_moves_as_the_report_is_written(tmp_path):
    """After reading and auditing, the bar follows the report reading each plan (once per pass)."""
    from audit.cli import Progress
    from audit.report.formats import write_report
    from tests.helpers.reports import fixture_run

    class Bar:
        updates: list[dict] = []

        def update(self, task, **fields):
            self.updates.append(fields)

    run, bar = fixture_run("vi"), Bar()
    write_report(Progress(bar, 0, "vi").writing(run), "html", str(tmp_path / "r.html"), "vi")
    plans = len(run.inputs)
    done = [update["completed"] for update in bar.updates]
    assert len(done) >= 2 * plans and len(done) % plans == 0  # the overview's pass, then the plans'
    assert done == list(range(1, plans + 1)) * (len(done) // plans)
    assert {(update["total"], update["description"]) for update in bar.updates} == {(plans, "Đang ghi báo cáo")}


def test_click_speaks_the_runs_language():
    vi = invoke("check", "--nope", "x")
    assert vi.exit_code == 2
    assert "Cách dùng: " in vi.output and "Lỗi: Không có tùy chọn '--nope'." in vi.output
    en = invoke("check", "--lang", "en", "--format", "foo", "x")
    assert "Error: Invalid value for '--format': 'foo' is not one of" in en.output
    assert "Tùy chọn:" in invoke("corpus", "--help").output
    assert "Options:" in invoke("corpus", "--help", "--lang=en").output


def test_a_plan_gone_since_its_audit_does_not_stop_the_others(plans, tmp_path):
    """The Word copies are made after the audit: a plan deleted meanwhile is a warning, not a crash."""
    from audit.engine.context import CheckContext
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.run import audit_inputs, load_inputs
    from audit.report.formats import write_report

    folder = tmp_path / "plans"
    shutil.copytree(plans, folder)
    run = audit_inputs(load_inputs([str(folder / "2024-xa-kim-khe.md"), str(folder / "2024-so-noi-vu.txt")]),
                       select_rules(load_rules()), CheckContext())
    (folder / "2024-xa-kim-khe.md").unlink()
    write_report(run, "docx", str(tmp_path / "out"), "vi")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["2024-so-noi-vu.gop-y.docx"]
