"""Every report format of `check` and `corpus`: the same exit codes, whatever the format, and the
same report on stdout or written to --output."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.report.formats import FILE_FORMATS, FORMATS
from tests.conftest import REPO

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")


def corpus(*args: str):
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return CliRunner().invoke(main, ["corpus", "fixtures", *args])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("args", "code"), [
    ((), 1),                                   # the fixtures hold errors (KETHUA001, KETHUA005)
    (("--fail-on", "never"), 0),
    (("--select", "THETHUC"), 0),              # warnings only, below the default threshold
    (("--select", "THETHUC", "--fail-on", "warning"), 1),
    (("--select", "CAUTRUC", "--fail-on", "info"), 0),  # no finding at all
])
def test_exit_codes_do_not_depend_on_the_format(fmt, args, code, tmp_path):
    out = tmp_path / ("report.xlsx" if fmt == "xlsx" else "report")  # Word and Excel are files only
    result = corpus("--format", fmt, *args, *(("--output", str(out)) if fmt in FILE_FORMATS else ()))
    assert result.exit_code == code, result.output
    if fmt in FILE_FORMATS:
        assert out.exists() and result.stdout == ""
    elif fmt != "concise" or args[-1:] != ("info",):  # concise: nothing at all to say when nothing is found
        assert result.stdout.strip()


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "rich" and f not in FILE_FORMATS])
def test_output_file_holds_what_stdout_shows(fmt, tmp_path):
    out = tmp_path / "reports" / f"report.{fmt}"
    written = corpus("--format", fmt, "--output", str(out), "--fail-on", "never")
    shown = corpus("--format", fmt, "--fail-on", "never")
    assert written.exit_code == shown.exit_code == 0
    assert written.stdout == ""
    assert out.read_text(encoding="utf-8").rstrip("\n") == shown.stdout.rstrip("\n")


def test_a_finding_about_a_file_that_is_not_a_plan_is_reported_in_every_format():
    """A later stage may report on another file (an expired waiver in the waiver file): every
    format shows it under that file, after the plans."""
    from dataclasses import replace
    from io import StringIO

    from rich.console import Console

    from audit.report import github, html, junit, markdown, sarif
    from audit.report.terminal import check_rich
    from tests.helpers.reports import fixture_run

    run = fixture_run("vi")
    first_gap = next(f for f in run.findings if f.rule == "KETHUA001")
    other = first_gap.model_copy(update={"path": str(REPO / "plan-audit-waivers.yaml"), "line": 3,
                                         "parent_path": None, "parent_line": None, "parent_text": None})
    run = replace(run, findings=[*run.findings, other])
    console = Console(file=StringIO(), width=80, no_color=True)
    check_rich(run, console)
    shown = console.file.getvalue()
    assert shown.rindex("plan-audit-waivers.yaml:3") > shown.index("2025-xa-phu-lam.md")
    assert 'name="' + str(REPO / "plan-audit-waivers.yaml") + '"' in junit.render(run)
    assert "## " + str(REPO / "plan-audit-waivers.yaml").replace("_", "\\_") in markdown.render(run)
    assert "plan-audit-waivers.yaml</h2>" in html.render(run)
    assert "file=plan-audit-waivers.yaml,line=3,title=KETHUA001" in github.annotation(other, REPO)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif.sarif_document(run, cwd=REPO)["runs"][0]["results"]]
    assert uris[-1] == "plan-audit-waivers.yaml"
