"""Every rule of the packs carries an excerpt it passes and one it fails (`examples` in its YAML),
and each behaves as written: run alone, the rule finds nothing in the first and itself in the second.
A rule changed so that it always passes (or always fails) breaks here, whatever its kind's own
examples say. A rule is run as its check kind's own examples are (EXAMPLE_CONTEXT: in a corpus, ...)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.engine.checks import load_kind
from audit.engine.context import CheckContext
from audit.engine.engine import run_rules
from audit.engine.packs import load_rules
from audit.pipeline import load_plan
from tests.test_engine_checks import PARENT_HEADER, with_header

WITHOUT_EXAMPLES = ("INPUT", "POLICY")  # reading and policy findings: no plan excerpt shows them
RULES = [rule for rule in load_rules() if rule.examples]


def test_every_rule_of_the_packs_has_examples():
    assert [rule.code for rule in load_rules() if not rule.examples and not rule.code.startswith(WITHOUT_EXAMPLES)] == []


def findings(tmp_path: Path, rule, excerpt: str) -> list[str]:
    path = tmp_path / "plan.txt"
    path.write_text(with_header(excerpt), encoding="utf-8")
    parent = None
    if rule.examples.parent:
        parent_path = tmp_path / "parent.txt"
        parent_path.write_text(with_header(rule.examples.parent, PARENT_HEADER), encoding="utf-8")
        parent = load_plan(parent_path)
    context = getattr(load_kind(rule.check), "EXAMPLE_CONTEXT", {})  # KETHUA016 needs a corpus
    return [f.rule for f in run_rules(load_plan(path), [rule], CheckContext(parent=parent, **context))]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_the_rule_passes_and_fails_its_examples(tmp_path, rule):
    assert findings(tmp_path, rule, rule.examples.passes) == []
    assert findings(tmp_path, rule, rule.examples.fails) == [rule.code]


def test_plan_audit_rules_code_shows_the_rules_examples():
    [rule] = [rule for rule in RULES if rule.code == "KENH001"]
    result = CliRunner().invoke(main, ["rules", "KENH001", "--lang", "en"])
    assert result.exit_code == 0
    shown = result.output.split("Examples of this rule:")[1].split("Check kind requires_any_of")[0]
    assert "Passes:" in shown and "Fails:" in shown
    for line in (*rule.examples.passes.splitlines(), *rule.examples.fails.splitlines()):
        assert line.strip() in shown
