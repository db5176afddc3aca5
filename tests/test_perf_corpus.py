"""`plan-audit corpus` at scale: the same report for any number of worker processes, a cache that
makes a second run cheap and is never trusted blindly, and a command line that starts without the
heavy libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.test_generated_corpus import gen

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    gen.generate(root / "generated", 24, seed=4)
    for path in FIXTURES.iterdir():  # the fixtures too: .docx, PDF, a draft, a wrong date
        if path.is_file() and path.suffix != ".yaml":
            (root / path.name).write_bytes(path.read_bytes())
    return root


def run_corpus(root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["corpus", str(root), "--format", "json", *options])
    return result.exit_code, result.output


def test_same_report_for_any_number_of_jobs(corpus, tmp_path):
    code, one = run_corpus(corpus, "--jobs", "1", "--no-cache")
    assert code == 1 and json.loads(one)["findings"]
    for jobs in ("2", "3"):
        assert run_corpus(corpus, "--jobs", jobs, "--no-cache") == (code, one)
    assert run_corpus(corpus, "--jobs", "2", "--cache-dir", str(tmp_path)) == (code, one)


@pytest.mark.parametrize("fmt", ["sarif", "markdown"])
def test_same_sarif_and_markdown_for_any_number_of_jobs(corpus, tmp_path, fmt):
    def report(*options: str) -> bytes:
        out = tmp_path / f"report-{len(list(tmp_path.iterdir()))}"
        CliRunner().invoke(main, ["corpus", str(corpus), "--format", fmt, "-o", str(out), *options])
        return out.read_bytes()

    one = report("--jobs", "1", "--no-cache")
    assert one.count(b"\n") > 500  # every plan with its findings
    assert report("--jobs", "2", "--no-cache") == one
    cache = str(tmp_path / "cache")
    assert report("--jobs", "2", "--cache-dir", cache) == one == report("--jobs", "1", "--cache-dir", cache)


def _plan_files(*roots: Path) -> list[Path]:
    from audit.corpus import find_plan_files

    return [path for root in roots if root.is_dir() for path in find_plan_files(root)[0]]


def test_an_outline_is_the_whole_plan_without_its_body(corpus):
    """A corpus links plans by their outlines and reports show them: each must be the whole plan
    with its body's structure, concepts, closing and unreferenced lines left out."""
    from audit.parse import parse_outline, parse_plan
    from audit.read import read_source
    from tests.conftest import SEEDS

    files, cited = _plan_files(corpus, SEEDS), 0
    assert len(files) > 30
    for path in files:
        source = read_source(path)
        whole, outline = parse_plan(source), parse_outline(source)
        keep = {ref.line for ref in whole.mentions}
        cut = whole.model_copy(update={"sections": [], "units": [], "timeline": [], "obligations": [], "appendix": None,
                                       "recipients": [], "signer": None,
                                       "lines": [line for line in whole.lines if line.number in keep]})
        assert (outline, outline.lines) == (cut, cut.lines), path
        cited += bool(outline.citations)
    assert cited > 30


def test_second_run_reads_the_cache_and_reports_the_same(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = run_corpus(corpus, "--cache-dir", str(cache))
    entries = sorted(cache.rglob("*.pickle"))
    plans = len(json.loads(first[1])["plans"])
    assert plans > 30 and len(entries) == 2 * plans  # the outline and audit result of each plan, no whole plan
    stamps = {p: p.stat().st_mtime_ns for p in entries}
    assert run_corpus(corpus, "--cache-dir", str(cache)) == first
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.pickle")} == stamps  # read, not rewritten


def test_corrupt_cache_entries_are_computed_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = run_corpus(corpus, "--cache-dir", str(cache))
    entries = sorted(cache.rglob("*.pickle"))
    for index, path in enumerate(entries):
        damage = [b"", b"not a pickle", path.read_bytes()[: path.stat().st_size // 2]][index % 3]
        path.write_bytes(damage)
    assert run_corpus(corpus, "--cache-dir", str(cache)) == first
    import pickle

    from audit.cache import MAGIC, SIGNATURE

    for path in entries:  # every damaged entry was written again, whole (signed)
        data = path.read_bytes()
        assert data.startswith(MAGIC)
        pickle.loads(data[len(MAGIC) + SIGNATURE :])


def test_an_edited_plan_is_read_again(tmp_path):
    root = tmp_path / "plans"
    root.mkdir()
    for name in ("2024-huyen-phu-lam.md", "2024-xa-kim-khe.md"):
        (root / name).write_bytes((FIXTURES / name).read_bytes())
    cache = ["--cache-dir", str(tmp_path / "cache")]
    before = json.loads(run_corpus(root, *cache)[1])
    kim_khe = root / "2024-xa-kim-khe.md"
    kim_khe.write_text(kim_khe.read_text(encoding="utf-8").replace("Zalo", "Zalo OA, Facebook"), encoding="utf-8")
    after = json.loads(run_corpus(root, *cache)[1])
    covered = {p["path"]: {c["concept"] for c in p["coverage"]} for p in (before, after)[1]["plans"]}
    assert "channel.facebook" in covered[kim_khe.name]  # shown relative to the folder audited
    assert before != after


def test_default_cache_location_and_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.md").write_bytes((FIXTURES / "2024-xa-kim-khe.md").read_bytes())
    run_corpus(plans, "--no-cache")
    assert not (tmp_path / "xdg").exists()
    run_corpus(plans)
    assert list((tmp_path / "xdg" / "plan-audit").rglob("*.pickle"))


def test_an_unwritable_cache_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.md").write_bytes((FIXTURES / "2024-xa-kim-khe.md").read_bytes())
    code, output = run_corpus(plans, "--cache-dir", str(blocker / "cache"))
    assert json.loads(output)["plans"][0]["header"]["issuer"] == "Ủy ban nhân dân xã Kim Khê"


HEAVY = ("networkx", "rapidfuzz", "docx", "pypdf", "jinja2")


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["corpus", "--help"]])
def test_the_command_line_starts_without_heavy_libraries(args):
    code = (
        "import sys\nfrom audit.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        f"print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert "LOADED []" in done.stderr, done.stderr


# --- shortcuts taken for speed give what the long way gives ---------------------------------


def test_remembered_matches_are_the_matches_and_stay_bounded(corpus, monkeypatch):
    from functools import lru_cache

    from audit.read import read_source
    from audit.text import matcher
    from audit.text.lexicon import load_lexicon

    lexicon = load_lexicon()
    lines = [line.text for path in sorted(corpus.rglob("*.md"))[:6] for line in read_source(path).lines]
    fresh = [list(matcher._find_matches.__wrapped__(text, lexicon)) for text in lines]
    monkeypatch.setattr(matcher, "_find_matches", lru_cache(maxsize=50)(matcher._find_matches.__wrapped__))
    for _ in range(2):  # once to fill the memory, once to read it back
        assert [matcher.find_matches(text, lexicon) for text in lines] == fresh
        assert matcher._find_matches.cache_info().currsize <= 50
    matcher.find_matches(lines[-1], lexicon).clear()  # a caller's list is its own
    assert matcher.find_matches(lines[-1], lexicon) == fresh[-1]


def test_remembered_copies_are_scored_as_the_full_comparison_scores_them(corpus, monkeypatch):
    from audit.graph import PlanGraph
    from audit.pipeline import load_plan
    from audit.trace import copying as module
    from audit.trace.coverage import body_lines
    from audit.trace.links import audit_parent

    # every plan in text, so that children and parents meet whatever format the generator gave them
    plans = [load_plan(path) for path in sorted(corpus.rglob("*")) if path.suffix in (".md", ".txt")]
    graph = PlanGraph(plans)
    pairs = [(body_lines(p), body_lines(graph.plans[parent])) for p in plans if (parent := audit_parent(graph, p.path))]
    fast = [module.copied_share(child, parent) for child, parent in pairs]
    scores = [copy.score for result in fast for copy in result.copied]
    assert scores.count(100) > 10 and len(scores) > scores.count(100)  # word for word, and near copies
    module._copied_share.cache_clear()
    monkeypatch.setattr(module, "_best_matches", lambda lines, min_words, similarity: {})
    assert [module.copied_share(child, parent) for child, parent in pairs] == fast


def test_remembered_requirements_are_those_of_the_child_asking(corpus):
    from audit.pipeline import load_plan
    from audit.trace import requirements

    plans = [load_plan(path) for path in sorted(corpus.rglob("*.md"))]
    parents = [plan for plan in plans if plan.header.level in ("huyen", "tinh")]
    asked = [(parent, child, families) for parent in parents for child in plans for families in (None, {"channel"}, {"indicator"})]
    expected = [requirements._derive(parent, requirements.obligations_for(parent, child), child.header.level, families)
                for parent, child, families in asked]
    assert any(expected) and len({len(answer) for answer in expected}) > 3
    for _ in range(2):  # a parent's answers for one child level must never serve another
        assert [requirements.derive_requirements(*question) for question in asked] == expected


def test_a_cached_plan_reads_back_as_it_was_written(corpus, tmp_path):
    from audit.cache import Cache
    from audit.pipeline import load_plan

    cache = Cache(tmp_path)
    for index, path in enumerate(sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt", ".docx", ".pdf"))):
        plan = load_plan(path)
        cache.put(str(index), plan)
        again = cache.get(str(index))
        assert (again, again.lines, again.path) == (plan, plan.lines, plan.path)


def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path):
    """Cache entries are pickles, and loading one runs what it says: a folder another user could
    have written is left alone, with a warning, and the run audits from the files."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.md").write_bytes((FIXTURES / "2024-xa-kim-khe.md").read_bytes())
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    result = CliRunner().invoke(main, ["corpus", str(plans), "--format", "json", "--cache-dir", str(shared), "--lang", "en"])
    assert result.stderr == (f"plan-audit: warning: {shared}: the cache folder belongs to another user or others can "
                             "write to it; this run uses no cache\n")
    assert json.loads(result.stdout)["plans"][0]["header"]["issuer"] == "Ủy ban nhân dân xã Kim Khê"
    assert list(shared.iterdir()) == []
    shared.chmod(0o700)
    result = CliRunner().invoke(main, ["corpus", str(plans), "--format", "json", "--cache-dir", str(shared)])
    assert result.stderr == "" and list(shared.rglob("*.pickle"))


def test_a_run_collects_garbage_less_often_than_python_by_default():
    """Every command sets the collector's thresholds (a tenth of a corpus run's CPU went to it);
    collection stays on, for plans whose models form cycles."""
    import gc

    from audit.cli import GC_THRESHOLDS

    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults (an earlier test may have run a command)
    try:
        assert CliRunner().invoke(main, ["rules", "--format", "markdown"]).exit_code == 0
        assert gc.get_threshold() == GC_THRESHOLDS and GC_THRESHOLDS[0] > 10 * 700
        assert gc.isenabled()
    finally:
        gc.set_threshold(*before)


def test_graph_and_check_corpus_read_outlines_and_report_as_from_whole_plans(corpus):
    """`graph` and `check --corpus` keep outlines, not whole plans (a corpus of 100,000 fits in
    memory), and report what whole plans give: the same hierarchy, the same parents audited."""
    from audit.corpus import load_corpus
    from audit.engine.context import CheckContext
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.graph import PlanGraph
    from audit.report.graph_report import graph_json
    from audit.report.json_report import render
    from audit.run import audit_inputs, load_inputs, with_corpus_parents

    whole, outlines = load_corpus(corpus), load_corpus(corpus, outlines=True)
    assert [p.path for p in outlines.plans] == [p.path for p in whole.plans] and not any(p.sections for p in outlines.plans)
    shown = graph_json(corpus, [], PlanGraph(outlines.plans), None)
    assert shown == graph_json(corpus, [], PlanGraph(whole.plans), None) and '"children": [\n' in shown
    rules, context = select_rules(load_rules()), CheckContext(lang="en")
    children = [str(path) for path in sorted(corpus.rglob("*-xa-*"))[:4]]
    inputs = load_inputs(children)
    by_outline = with_corpus_parents(inputs, outlines.plans, outlines.whole)
    assert all(item.parent and item.parent.sections for item in by_outline)  # audited against whole parents
    assert (render(audit_inputs(by_outline, rules, context), "en")
            == render(audit_inputs(with_corpus_parents(inputs, whole.plans), rules, context), "en"))
