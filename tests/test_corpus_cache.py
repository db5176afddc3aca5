"""`plan-audit corpus` run again from its cache: the main process answers what the cache holds and
starts workers only for the rest, and the cache never serves a result its inputs no longer give:
an edited parent, other rules or another language, or a file that changed while it was read."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.test_generated_corpus import gen

DISTRICT = "2024/lieu-uyen/00007-huyen-huyen-lu-dao.txt"  # the parent of the commune plans 00008-00019
COMMUNE = "2024/lieu-uyen/00008-xa-xa-que-trach.txt"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cached") / "plans"
    gen.generate(root, 24, seed=4)
    return root


@pytest.fixture
def plans(generated, tmp_path) -> Path:
    """A copy of the generated corpus, for a test to edit."""
    return Path(shutil.copytree(generated, tmp_path / "plans"))


def report(root: Path, *options: str) -> str:
    result = CliRunner().invoke(main, ["corpus", str(root), "--format", "json", *options])
    assert result.exit_code in (0, 1), result.output
    return result.output


def entry(text: str, path: str) -> dict:
    return next(plan for plan in json.loads(text)["plans"] if plan["path"] == path)


def test_an_unchanged_corpus_starts_no_worker(generated, tmp_path, monkeypatch):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = report(generated, "--jobs", "2", *cache)

    def no_workers(*args, **kwargs):
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_workers)
    assert report(generated, "--jobs", "2", *cache) == first == report(generated, "--jobs", "3", *cache)


def test_a_partly_cached_run_reports_as_a_fresh_one_for_any_number_of_jobs(generated, tmp_path):
    fresh = report(generated, "--jobs", "1", "--no-cache")
    cache = tmp_path / "cache"
    report(generated, "--jobs", "1", "--cache-dir", str(cache))
    for jobs in ("1", "2", "3"):
        for index, entry_path in enumerate(sorted(cache.rglob("*.pickle"))):
            if index % 3 == int(jobs) - 1:  # outlines and results of other plans each time
                entry_path.unlink()
        assert report(generated, "--jobs", jobs, "--cache-dir", str(cache)) == fresh


def test_an_edited_parent_has_its_children_audited_again(plans, tmp_path):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    before = report(plans, *cache)
    district = plans / DISTRICT
    lines = district.read_text(encoding="utf-8").splitlines(keepends=True)
    district.write_text("".join(line for line in lines if not line.startswith("- ")), encoding="utf-8")
    after = report(plans, *cache)
    assert after == report(plans, "--no-cache")
    assert entry(after, COMMUNE)["localization"] < entry(before, COMMUNE)["localization"]  # it copied those lines


def test_other_rules_or_another_language_are_audited_again(generated, tmp_path):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    report(generated, *cache)
    for options in (["--lang", "en"], ["--select", "KETHUA"], ["--ignore", "KETHUA001"], ["--draft"]):
        assert report(generated, *options, *cache) == report(generated, *options, "--no-cache"), options


def test_rules_of_the_same_codes_but_other_settings_are_audited_again(generated, tmp_path):
    from audit.engine.context import CheckContext
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.model import Severity
    from audit.run import audit_corpus

    rules = select_rules(load_rules())
    first = audit_corpus(generated, rules, CheckContext(), jobs=1, cache_dir=tmp_path)
    code = first.findings[0].rule
    milder = [rule.model_copy(update={"severity": Severity.info}) if rule.code == code else rule for rule in rules]
    again = audit_corpus(generated, milder, CheckContext(), jobs=1, cache_dir=tmp_path)
    assert {f.severity for f in again.findings if f.rule == code} == {Severity.info}
    assert {f.severity for f in first.findings if f.rule == code} != {Severity.info}


@pytest.mark.parametrize("reader", ["outline_or_error", "plan_or_error"])
def test_a_file_changed_while_it_was_read_is_not_cached_as_its_old_content(plans, tmp_path, monkeypatch, reader):
    """A file is hashed, then read: one edited in between was read with its new content, which must
    not be kept under the old content's hash (restored, the file would be shown as it was edited)."""
    import audit.corpus

    commune, other = plans / COMMUNE, plans / "2024/lieu-uyen/00021-xa-xa-o-lam.txt"
    original, read = commune.read_bytes(), getattr(audit.corpus, reader)

    def edited_meanwhile(path):
        if Path(path) == commune and commune.read_bytes() == original:
            commune.write_bytes(other.read_bytes())
        return read(path)

    monkeypatch.setattr(audit.corpus, reader, edited_meanwhile)
    cache = ["--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    report(plans, *cache)
    monkeypatch.setattr(audit.corpus, reader, read)
    commune.write_bytes(original)
    assert report(plans, *cache) == report(plans, "--no-cache")
