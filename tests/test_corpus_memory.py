"""A corpus run in bounded memory: the main process keeps the findings, not the run (each plan's
concepts and trace wait on disk, in the run's `Spool`), and the JSON and SARIF reports are written a
plan or a finding at a time (JUnit a plan's suite at a time, Markdown and HTML a plan's part at a
time), yet hold exactly the text of the whole document."""

from __future__ import annotations

import gc
import json
import tracemalloc
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.engine.context import CheckContext
from audit.engine.engine import CheckRun, Spool, select_rules
from audit.engine.packs import load_rules
from audit.run import audit_corpus
from audit.report import html, json_report, junit, markdown, sarif
from audit.report.formats import write_report
from audit.report.view import plan_views
from tests.helpers.reports import fixture_run
from tests.test_generated_corpus import gen

PLANS = 100


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    """A generated corpus, audited once into its cache (so runs of the tests below are cheap)."""
    root = tmp_path_factory.mktemp("memory")
    gen.generate(root / "plans", PLANS, seed=7)
    audit_corpus(root / "plans", select_rules(load_rules()), CheckContext(lang="vi"), jobs=1, cache_dir=root / "cache")
    return root / "plans", root / "cache"


def corpus_run(generated, lang: str = "vi"):
    plans, cache = generated
    return audit_corpus(plans, select_rules(load_rules()), CheckContext(lang=lang), jobs=1, cache_dir=cache)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_streamed_reports_are_the_text_of_the_whole_document(generated, lang):
    for run in (fixture_run(lang), corpus_run(generated, lang)):
        document = json_report.check_document(run, lang)
        assert len(document["plans"]) == len(run.inputs) and document["findings"]
        assert "".join(json_report.chunks(run, lang)) == json.dumps(document, ensure_ascii=False, indent=2)
        log = sarif.sarif_document(run, lang)
        assert len(log["runs"][0]["results"]) == len(run.findings)
        assert "".join(sarif.chunks(run, lang)) == json.dumps(log, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_streamed_junit_is_the_text_of_the_whole_tree(generated, lang):
    for run in (fixture_run(lang), corpus_run(generated, lang), CheckRun()):
        root = ET.Element("testsuites", name="plan-audit")
        root.extend(junit._suites(run, lang))
        for key in junit.TOTALS:
            root.set(key, str(sum(int(suite.get(key)) for suite in root)))
        ET.indent(root)
        whole = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
        assert "".join(junit.chunks(run, lang)) == whole


# Where a plan's part of the reviewer's report opens, and how, with its path as the heading. Document
# text is escaped and kept to one line, so nothing else in a report looks like this.
PLAN_START = {markdown: '<a id="plan-', html: '<section class="plan"'}
PLAN_HEADING = {markdown: lambda number, path: f'<a id="plan-{number}"></a>\n\n## ' + markdown.text(path),
                html: lambda number, path: f'<section class="plan" id="plan-{number}">\n<h2>{escape(path)}'}


@pytest.mark.parametrize("layout", [markdown, html], ids=["markdown", "html"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_streamed_reviews_are_the_whole_text_split_at_each_plan(generated, layout, lang):
    """The reviewer's report comes as its head, then one plan's part at a time, then its end."""
    for run in (fixture_run(lang), corpus_run(generated, lang)):
        pieces = list(layout.chunks(run, lang))
        assert "".join(pieces) == layout.render(run, lang)
        paths = [view.path for view in plan_views(run)]
        assert len(paths) == len(run.inputs) > 1
        plans = [piece for piece in pieces if PLAN_START[layout] in piece]  # after the head and overview rows
        assert [piece.count(PLAN_START[layout]) for piece in plans] == [1 for _ in paths]
        assert pieces[-len(paths) - 1:-1] == plans
        for number, (piece, path) in enumerate(zip(plans, paths), 1):
            assert piece.lstrip("\n").startswith(PLAN_HEADING[layout](number, path))
        assert pieces[-1].endswith("</html>\n" if layout is html else "\n")


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "markdown", "html"])
def test_the_command_writes_the_whole_documents_text(generated, tmp_path, fmt):
    plans, cache = generated
    out = tmp_path / f"report.{fmt}"
    command = ["corpus", str(plans), "--format", fmt, "--cache-dir", str(cache), "--fail-on", "never", "--absolute-paths"]
    assert CliRunner().invoke(main, [*command, "-o", str(out)]).exit_code == 0
    text = {"json": json_report, "sarif": sarif, "junit": junit, "markdown": markdown, "html": html}[fmt].render(
        corpus_run(generated), **({"absolute": True} if fmt == "sarif" else {}))  # as --absolute-paths gives it
    assert out.read_text(encoding="utf-8") == text and len(text) > 100_000
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left beside it
    printed = CliRunner().invoke(main, command)
    assert printed.exit_code == 0 and printed.output == text + ("" if text.endswith("\n") else "\n")  # ends a line


@contextmanager
def tracing():
    """tracemalloc on, with the collector at Python's default thresholds: to measure what is held,
    not garbage the collector has yet to visit (a command collects less often: cli.GC_THRESHOLDS,
    and the json module's encoder leaves cycles behind)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    tracemalloc.start()
    try:
        yield
    finally:
        tracemalloc.stop()
        gc.set_threshold(*thresholds)


def peak_of(action) -> int:
    """The most memory `action()` took above what was held when it began (within `tracing`)."""
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    action()
    return tracemalloc.get_traced_memory()[1] - before


def test_the_main_process_holds_the_findings_not_the_run(generated, tmp_path):
    """Held whole, a run took about 65 KB of Python objects per plan (concepts with evidence 27,
    trace 23, findings 10, outline 6); now only its findings stay, and writing the report adds
    one plan's worth, not the report."""
    with tracing():
        before = tracemalloc.get_traced_memory()[0]
        run = corpus_run(generated)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
        writing = peak_of(lambda: write_report(run, "json", str(tmp_path / "report.json"), "vi"))
    report = (tmp_path / "report.json").stat().st_size
    # about 2 KB a finding, whatever the rules find; the run itself would be 65 KB a plan
    assert held < PLANS * 5_000 + len(run.findings) * 2_500, f"{held / PLANS:.0f} bytes per plan held after the run"
    assert writing < report / 4, f"writing a {report}-byte report took {writing} bytes"
    assert isinstance(run.inputs, Spool) and len(run.inputs) == PLANS


def copies(run: CheckRun, times: int) -> CheckRun:
    """`run` `times` over, each copy's plans and findings under a folder of their own: a report
    `times` the size, of the same plans."""
    inputs, findings = Spool(len(run.inputs) * times), []
    for copy in range(times):
        for index, item in enumerate(run.inputs):
            inputs[copy * len(run.inputs) + index] = replace(item, path=f"{copy}/{item.path}")
        findings += [f.model_copy(update={"path": f"{copy}/{f.path}"}) for f in run.findings]
    return CheckRun(inputs, findings, run.rules)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_reviewers_report_is_written_a_plan_at_a_time(generated, tmp_path, fmt):
    """Built whole, the reviewer's report took 6 to 9 times its size (every plan's part, their lines,
    the text); written a plan at a time, it takes a few plans' worth and each plan's place in the
    run. Shown on the generated corpus five times over, so that the report dwarfs a plan."""
    run = copies(corpus_run(generated), 5)
    with tracing():
        writing = peak_of(lambda: write_report(run, fmt, str(tmp_path / "report"), "vi"))
    report = (tmp_path / "report").stat().st_size
    assert writing < report / 4, f"writing a {report}-byte report took {writing} bytes"
