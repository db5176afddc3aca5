"""Adding a default rule changes what it should and nothing else: with a throwaway error-level rule
added to a copy of the packs (PLAN_AUDIT_RULES), the command-line and report tests, which run on
the pinned rules (tests/helpers/pinned.py), still pass. docs/writing-rules.md says what a new
default rule does change."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

from click.testing import CliRunner

from audit.cli import main
from audit.resources import RULES_ENV, rules_root
from tests.conftest import FIXTURES, REPO

THROWAWAY = """\
family: THROWAWAY
description: {vi: Quy tắc thử, en: A throwaway rule}
rules:
  - code: THROWAWAY001
    severity: error
    check: requires_section
    params: {kinds: [phu_luc]}
    title: {vi: Kế hoạch phải có phụ lục, en: The plan needs an appendix}
    message:
      vi: Chưa có phần "{section}".
      en: No "{section}" section.
    rationale: {vi: Chỉ để thử., en: For a test only.}
    reference: "-"
"""

# every module that runs the command line or renders a report
MODULES = sorted(str(path.relative_to(REPO)) for pattern in (
    "test_check_cli.py", "test_corpus_cli.py", "test_exit_codes.py", "test_config.py", "test_config_ci.py",
    "test_baseline.py", "test_waivers.py", "test_escaping.py", "test_report_*.py") for path in (REPO / "tests").glob(pattern))


def test_the_command_line_and_report_tests_pass_with_a_new_default_rule(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(rules_root(), rules)
    (rules / "cchc" / "throwaway.yaml").write_text(THROWAWAY, encoding="utf-8")
    env = {**os.environ, RULES_ENV: str(rules)}

    # the rule is a default one and fails plans of the fixtures: it would change those tests' totals
    result = CliRunner(env={RULES_ENV: str(rules)}).invoke(main, ["corpus", str(FIXTURES), "--format", "json"])
    assert result.exit_code == 1
    assert any(f["rule"] == "THROWAWAY001" for f in json.loads(result.stdout)["findings"])

    tests = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-q", "-x", *MODULES],
                           cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    assert tests.returncode == 0, tests.stdout[-3000:]
    summary = tests.stdout.strip().splitlines()[-1]
    assert re.search(r"^\d{3,} passed", summary) and "failed" not in summary, summary
