"""Every report format of `check` and `corpus`: the same exit codes, whatever the format, and the
same report on stdout or written to --output."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.report.formats import FORMATS
from tests.conftest import REPO


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
def test_exit_codes_do_not_depend_on_the_format(fmt, args, code):
    result = corpus("--format", fmt, *args)
    assert result.exit_code == code, result.output
    assert result.stdout.strip()


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "rich"])
def test_output_file_holds_what_stdout_shows(fmt, tmp_path):
    out = tmp_path / "reports" / f"report.{fmt}"
    written = corpus("--format", fmt, "--output", str(out), "--fail-on", "never")
    shown = corpus("--format", fmt, "--fail-on", "never")
    assert written.exit_code == shown.exit_code == 0
    assert written.stdout == ""
    assert out.read_text(encoding="utf-8").rstrip("\n") == shown.stdout.rstrip("\n")
