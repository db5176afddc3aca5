"""Issue #22, what is shown and what is trusted: a configuration found upward must be the user's own;
text that reorders itself on screen (bidirectional controls) and bare addresses are shown as text."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.policy.config import find_config
from tests.conftest import FIXTURES

PLAN = str(FIXTURES / "2024-xa-kim-khe.md")


@pytest.fixture
def project(tmp_path, monkeypatch):
    work = tmp_path / "repo" / "a"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["check", PLAN, "--lang", "en", *args])


def test_a_world_writable_configuration_above_is_passed_over_with_a_warning(project):
    config = project / "repo" / "plan-audit.yaml"
    config.write_text("fail-on: never\nformat: json\n", encoding="utf-8")
    config.chmod(0o666)
    result = run()
    assert result.stderr == (f"plan-audit: warning: {config}: this configuration is not used: it belongs to another "
                             "user or others can write to it\n")
    assert not result.stdout.startswith("{")  # the defaults, not the file's format
    config.chmod(0o644)
    assert find_config() == config


def test_the_search_stops_at_the_repository_root(project):
    (project / "plan-audit.yaml").write_text("format: json\n", encoding="utf-8")
    assert find_config() == project / "plan-audit.yaml"
    (project / "repo" / ".git").mkdir()
    assert find_config() is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder away needs root")
def test_the_search_stops_at_a_folder_of_another_user(project):
    config = project / "plan-audit.yaml"
    config.write_text("format: json\n", encoding="utf-8")
    os.chown(project, 65534, 65534)
    try:
        warnings: list = []
        assert find_config(warnings=warnings) is None
        assert warnings == [("config.untrusted_folder", config)]
    finally:
        os.chown(project, 0, 0)


TROJAN = "Nội dung\u202e tuyên truyền tuyên truyền \u2066ẩn\u2069 cải cách hành chính"  # a doubled phrase: a finding


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "markdown", "html", "rich"])
def test_bidirectional_controls_are_shown_by_their_code_in_every_format(tmp_path, fmt):
    plan = tmp_path / "xem.txt"
    plan.write_text(f"KẾ HOẠCH\n{TROJAN}\nTHÔNG XXX\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "--format", fmt, "--select", "CHINHTA"])
    assert not any(ch in result.stdout for ch in "\u202e\u2066\u2069")
    if fmt != "github":  # its annotations carry the message, not the line's text
        assert "U+202E" in result.stdout and "U+2066" in result.stdout  # Markdown escapes the brackets


def test_markdown_splits_bare_web_and_mail_addresses(tmp_path):
    from audit.report.markdown import text

    assert text("xem https://x.example/a, www.x.vn, a@b.vn") == "xem https\\://x.example/a, www\\.x.vn, a\\@b.vn"
    assert text("lúc 8:30, tỉnh.") == "lúc 8:30, tỉnh."


def test_a_file_name_with_a_bidirectional_control_is_shown_by_its_code(tmp_path):
    name = tmp_path / "ke-hoach\u202etxt.md"
    name.write_text(open(PLAN, encoding="utf-8").read(), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(name), "--format", "json", "--absolute-paths"])
    assert json.loads(result.stdout)["plans"][0]["path"] == str(tmp_path / "ke-hoach[U+202E]txt.md")
