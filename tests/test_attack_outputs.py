"""Issue #22, outputs and the error policy: an output never replaces an input; whatever goes wrong
ends as one line and an exit code that is not 1 (findings); one strange file never stops a batch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.conftest import FIXTURES

PLAN = FIXTURES / "2024-xa-kim-khe.md"


def invoke(*args: str):
    return CliRunner().invoke(main, [*args, "--lang", "en"])


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plans" / "ke-hoach.md"
    path.parent.mkdir()
    path.write_bytes(PLAN.read_bytes())
    return path


# --- outputs never overwrite an input ------------------------------------------------------------


@pytest.mark.parametrize("command", [
    lambda p, o: ["check", str(p), "-o", str(o)],
    lambda p, o: ["check", str(p), "--write-baseline", str(o)],
    lambda p, o: ["extract", str(p), "-o", str(o)],
    lambda p, o: ["corpus", str(p.parent), "-o", str(o), "--no-cache"],
    lambda p, o: ["graph", str(p.parent), "-o", str(o)],
])
@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_an_output_that_is_an_input_is_refused_and_the_plan_kept(plan, command, spelling):
    before = plan.read_bytes()
    output = {"same": plan, "dotted": plan.parent / "." / plan.name, "link": plan.parent / "link.md"}[spelling]
    if spelling == "link":
        output.symlink_to(plan.name)
    result = invoke(*command(plan, output))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"plan-audit: error: {output}: the output is the input ")
    assert "it is not overwritten, choose another file name" in result.stderr
    assert plan.read_bytes() == before


def test_the_baseline_may_be_rewritten_in_place_but_not_written_over_the_configuration(plan, tmp_path, monkeypatch):
    monkeypatch.chdir(plan.parent)
    baseline = plan.parent / "baseline.yaml"
    assert invoke("check", plan.name, "--write-baseline", baseline.name).exit_code == 0
    assert invoke("check", plan.name, "--baseline", baseline.name, "--write-baseline", baseline.name).exit_code == 0
    result = invoke("check", plan.name, "--baseline", baseline.name, "-o", baseline.name)
    assert result.exit_code == 2 and "the output is the input baseline.yaml" in result.stderr
    config = plan.parent / "plan-audit.yaml"
    config.write_text("fail-on: warning\n", encoding="utf-8")
    result = invoke("check", plan.name, "--write-baseline", config.name)
    assert result.exit_code == 2 and config.read_text(encoding="utf-8") == "fail-on: warning\n"


def test_a_report_written_to_a_device_goes_to_the_device(plan):
    result = invoke("check", str(plan), "-o", os.devnull)
    assert result.exit_code == 0
    assert Path(os.devnull).is_char_device()  # written to, not renamed over


# --- one error policy ------------------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_and_exit_3_and_debug_shows_the_traceback(plan, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("audit.report.formats.write_report", broken)
    result = invoke("check", str(plan))
    assert result.exit_code == 3
    assert result.stderr == ("plan-audit: error: unexpected plan-audit error (ZeroDivisionError: division by zero); "
                             "run again with --debug for the details, and report it\n")
    debug = CliRunner().invoke(main, ["--debug", "check", str(plan)])
    assert isinstance(debug.exception, ZeroDivisionError)


def test_ctrl_c_exits_130(plan, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("audit.report.formats.write_report", interrupted)
    result = invoke("check", str(plan))
    assert (result.exit_code, result.stderr) == (130, "plan-audit: interrupted (Ctrl-C)\n")


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_a_full_disk_names_the_output_and_exits_2(plan):
    result = invoke("check", str(plan), "-o", "/dev/full")
    assert (result.exit_code, result.stderr) == (2, "plan-audit: error: /dev/full: system error: No space left on device\n")
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "audit", "check", str(plan), "--format", "json"],
                             stdout=full, stderr=subprocess.PIPE, text=True)
    assert (run.returncode, run.stderr) == (2, "plan-audit: error: <stdout>: lỗi hệ thống: No space left on device\n")


def test_a_stdout_that_cannot_show_vietnamese_is_exit_2_with_advice(plan):
    # the boxed report, which prints the plan's title (piped output is one line a finding, and this
    # plan has none)
    run = subprocess.run([sys.executable, "-m", "audit", "check", str(plan), "--lang", "en", "--format", "rich"],
                         capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert run.returncode == 2
    assert run.stderr.endswith("standard output uses the ascii encoding, which cannot show Vietnamese; "
                               "set PYTHONIOENCODING=utf-8 or write to a file with --output\n")
    assert "Traceback" not in run.stderr


# --- one strange file never stops the batch -----------------------------------------------------------


def _json(result) -> dict:
    return json.loads(result.stdout)


@pytest.mark.parametrize("command", ["check", "corpus"])
def test_names_that_are_not_utf8_or_differ_by_a_control_character_are_separate_plans(tmp_path, command):
    folder = tmp_path / "plans"
    folder.mkdir()
    names = [os.fsdecode(b"bad\xff.md"), "a\nb.md", "a\rb.md"]
    for name in names:
        (folder / name).write_bytes(PLAN.read_bytes())
    args = [str(folder / n) for n in names] if command == "check" else [str(folder), "--no-cache"]
    result = invoke(command, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    shown = sorted(Path(p["path"]).name for p in _json(result)["plans"])
    assert shown == ["a␊b.md", "a␍b.md", "bad\\xFF.md"]
    assert all(p["error"] is None for p in _json(result)["plans"])


def test_a_fifo_and_a_device_are_findings_and_the_other_plans_are_audited(plan):
    fifo = plan.parent / "pipe.txt"
    os.mkfifo(fifo)
    result = invoke("check", str(plan), str(fifo), os.devnull, "--format", "json", "--absolute-paths")
    errors = {p["path"]: p["error"] for p in _json(result)["plans"]}
    assert errors[str(plan)] is None
    advice = "is not a regular file (a FIFO, a device ...), not read. Give plan files only"
    assert errors[str(fifo)] == f"{fifo}: {advice}"
    assert errors[os.devnull] == f"{os.devnull}: {advice}"
    corpus = invoke("corpus", str(plan.parent), "--format", "json", "--no-cache", "--absolute-paths")
    assert {p["path"]: p["error"] for p in _json(corpus)["plans"]}[str(fifo)] == f"{fifo}: {advice}"


def test_a_plan_that_vanishes_between_the_passes_of_a_corpus_is_its_finding(tmp_path, monkeypatch):
    from audit import run as parents

    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        (folder / name).write_bytes(PLAN.read_bytes())
    real_index = parents._index

    def index_then_vanish(path):
        item = real_index(path)
        if path.endswith("a.md"):
            Path(path).unlink()
        return item

    monkeypatch.setattr(parents, "_index", index_then_vanish)  # the second pass reads each plan whole again
    result = invoke("corpus", str(folder), "--format", "json", "--no-cache")
    assert result.exit_code == 1, result.stderr
    findings = [(Path(f["path"]).name, f["rule"]) for f in _json(result)["findings"] if f["rule"] == "INPUT001"]
    assert findings == [("a.md", "INPUT001")]


# --- the tool's own reports -------------------------------------------------------------------------


def test_the_tools_own_reports_in_a_corpus_folder_are_not_audited(plan):
    for fmt, name in (("markdown", "report.md"), ("rich", "report.txt")):
        assert invoke("corpus", str(plan.parent), "--format", fmt, "-o", str(plan.parent / name),
                      "--no-cache").exit_code == 0
    result = invoke("corpus", str(plan.parent), "--format", "json", "--no-cache")
    assert [Path(p["path"]).name for p in _json(result)["plans"]] == ["ke-hoach.md"]
    # and writing the report again over itself is allowed: it is not an input
    assert invoke("corpus", str(plan.parent), "--format", "markdown", "-o", str(plan.parent / "report.md"),
                  "--no-cache").exit_code == 0


def test_a_reader_that_goes_away_ends_the_run_quietly_with_141():
    run = subprocess.Popen([sys.executable, "-m", "audit", "corpus", str(FIXTURES), "--format", "json", "--no-cache"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout.read(10) == b'{\n  "schem'
    run.stdout.close()  # `| head -c 10`
    assert run.wait(timeout=120) == 141
    assert run.stderr.read() == b""
