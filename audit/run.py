"""Auditing plans, against their parents where known: `check`, `check --parent P`,
`check --corpus DIR` and `corpus DIR`.

Each input becomes an `Audited` with its parent plan (or None), then every selected rule runs with
that parent in the context; the parent rules (KETHUA) do nothing where the parent is unknown.

    run = audit_inputs(with_parent(load_inputs(paths), parent), rules, CheckContext(lang="vi"))
    run = audit_corpus("fixtures", rules, CheckContext(lang="vi"), jobs=2)   # every plan, its parent resolved
"""

from __future__ import annotations

import os
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from audit.engine.context import CheckContext
from audit.engine.engine import Audited, CheckRun, Spool, input_finding, run_rules, traced
from audit.engine.packs import INPUT_RULE, Rule
from audit.model import ConceptHit, Finding, Plan
from audit.read.errors import InputError
from audit.base.normalize import visible_path

if TYPE_CHECKING:
    from audit.trace.coverage import Trace


def audit_inputs(inputs: Iterable[Audited], rules: list[Rule], context: CheckContext) -> CheckRun:
    """Run `rules` on each plan with its own parent, and trace it against that parent; an unreadable
    input is an INPUT001 finding."""
    audited, findings = [], []
    for item in inputs:
        if item.plan is None:
            audited.append(item)
            findings.extend(_unreadable(item, rules, context))
            continue
        found, result = _audit_one(item.plan, item.parents, rules, replace(context, linked=item.linked))
        audited.append(replace(item, trace=result))
        findings.extend(found)
    return CheckRun(audited, findings, list(rules))


def _audit_one(plan: Plan, parents: list[Plan], rules: list[Rule], context: CheckContext) -> tuple[list[Finding], Trace | None]:
    """The plan's findings and its trace against its parents (nearest first): traced once, the
    checks and the reports read the same trace."""
    result = traced(plan, parents, rules) if parents else None
    parent = parents[0] if parents else None
    return run_rules(plan, rules, replace(context, parent=parent, parents=tuple(parents), trace=result)), result


def _unreadable(item: Audited, rules: list[Rule], context: CheckContext) -> list[Finding]:
    """The INPUT001 finding of an input that could not be read, when that rule is selected."""
    if item.error is None or not any(rule.code == INPUT_RULE.code for rule in rules):
        return []
    return [input_finding(item.error, context.lang)]


def load_inputs(paths: Iterable[str]) -> list[Audited]:
    """The files named on the command line, read, without parents yet; a file that cannot be
    audited (even one the parser fails on) is kept with its error, as in a corpus."""
    from audit.corpus import plan_or_error

    inputs = []
    for path in paths:
        item = plan_or_error(path)
        inputs.append(Audited(path=path, error=item) if isinstance(item, InputError) else Audited(path=path, plan=item))
    return inputs


def with_parent(inputs: list[Audited], parent: Plan) -> list[Audited]:
    """`check --parent P`: every plan is audited against P."""
    return [replace(item, parent=parent) if item.plan else item for item in inputs]


def with_corpus_parents(inputs: list[Audited], plans: list[Plan]) -> list[Audited]:
    """Each input's parent found among `plans` (and the inputs) by its citations, as `corpus` does."""
    from audit.graph import PlanGraph

    own = [item.plan for item in inputs if item.plan is not None]
    paths = {plan.path for plan in own}
    graph = PlanGraph([plan for plan in plans if plan.path not in paths] + own)
    out = []
    for item in inputs:
        found = _parents_in(graph, item.plan.path) if item.plan else []
        out.append(replace(item, parent=graph.plans[found[0]] if found else None,
                           others=[graph.plans[p] for p in found[1:]], linked=True))
    return out


def _parents_in(graph, path: str) -> list[str]:
    """The plans `path` is audited against: every parent the graph links it to, else the near miss
    of its citation (`audit_parent`), so a wrong date is reported rather than the audit skipped."""
    from audit.trace.links import audit_parent

    found = graph.parents(path)
    near = audit_parent(graph, path) if not found else None
    return found or ([near] if near else [])


# --- a whole corpus, over worker processes, with a cache ---------------------------------------
#
# Two passes, so memory stays bounded whatever the corpus size:
# 1. index: each file is read, parsed and matched once; the full plan goes to the cache and the
#    main process keeps only its outline (header, citations), enough to link plans;
# 2. audit: each plan is audited with its parent, both loaded back from the cache by the worker
#    (the parent stays in the worker's memory while its children, queued together, are audited),
#    which sends back the findings, the trace and the plan's concepts with their evidence. The main
#    process keeps the findings (the policy and the exit code read them all) and stores the rest
#    with the outline in the run's `Spool`, on disk: a report reads one plan at a time.
# The run lists its inputs in their order, so the report is the same for any number of jobs.


def audit_corpus(root: str | Path, rules: list[Rule], context: CheckContext, *, jobs: int = 0,
                 cache_dir: str | Path | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> CheckRun:
    """Audit every plan under `root` against its resolved parent, as `audit_inputs` audits the plans
    of `check --corpus`, in bounded memory: the run's inputs are a `Spool`, its plans outlines (see
    `_outline`) with their concepts. `jobs`: worker processes (0: one per core for a large corpus);
    `cache_dir`: where parsed plans and results are kept between runs (None: nowhere, a temporary
    folder serves this run only). Raises `InputError` for a bad root."""
    from audit.corpus import find_plan_files

    files, problems = find_plan_files(root)
    workers = _workers(jobs, len(files))
    with tempfile.TemporaryDirectory(prefix="plan-audit-") as scratch:
        setup = _Setup(rules, context, str(cache_dir or scratch), cache_dir is not None)
        with _pool(setup, workers) as run_all:
            indexed = []
            for done, item in enumerate(run_all(_index, [str(p) for p in files], 16), len(problems) + 1):
                indexed.append(item)
                if progress:
                    progress(done, len(files) + len(problems), item[0])
            return _audit_indexed(problems, indexed, setup, run_all)


def _audit_indexed(problems: list[InputError], indexed: list[tuple], setup: _Setup, run_all) -> CheckRun:
    from audit.graph import PlanGraph

    inputs = [Audited(path=p.path, error=p) for p in problems]
    inputs += [Audited(path=path, plan=item) if digest_ else Audited(path=path, error=item)
               for path, digest_, item in indexed]
    # A run knows files by their shown paths (Audited.path, Plan.path); workers open the real ones.
    real = {visible_path(path): path for path, _, _ in indexed}
    digests = {visible_path(path): digest_ for path, digest_, _ in indexed if digest_}
    graph = PlanGraph([item.plan for item in inputs if item.plan is not None])
    jobs = []
    for index, item in enumerate(inputs):
        if item.plan is not None:
            found = _parents_in(graph, item.path)
            item.parent = graph.plans[found[0]] if found else None
            item.others, item.linked = [graph.plans[p] for p in found[1:]], True
            jobs.append((index, real[item.path], digests[item.path], tuple((real[p], digests[p]) for p in found)))
    jobs.sort(key=lambda job: (job[3][0][0] if job[3] else "", job[0]))  # a parent's children together: loaded once
    spool, findings = Spool(len(inputs)), [_unreadable(item, setup.rules, setup.context) for item in inputs]
    for index, item in enumerate(inputs):
        if item.plan is None:
            spool[index] = item
    results = run_all(_audit, [job[1:] for job in jobs], 8)
    for index, (findings[index], trace, concepts) in zip((job[0] for job in jobs), results):
        item = inputs[index]
        spool[index] = replace(item, plan=item.plan.model_copy(update={"concepts": concepts}), trace=trace)
    return CheckRun(spool, [f for some in findings for f in some], list(setup.rules))


@dataclass(frozen=True)
class _Setup:
    rules: list[Rule]
    context: CheckContext
    cache_dir: str
    # A real cache, kept between runs, not this run's scratch folder: outlines and audit results are
    # worth storing only there (a scratch file costs its writing and, on some disks, a slow delete).
    persistent: bool


def _workers(jobs: int, files: int) -> int:
    if jobs > 0:
        return jobs
    return max(1, min(os.cpu_count() or 1, files // 200))  # a process pays off from a few hundred plans


@contextmanager
def _pool(setup: _Setup, workers: int):
    """`run_all(function, items, chunk)`: the results in the order of `items`, from `workers` processes."""
    if workers == 1:
        _start(setup)
        try:
            yield lambda function, items, chunk: map(function, items)
        finally:
            _state.clear()
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers, _start, (setup,)) as pool:
        yield lambda function, items, chunk: pool.imap(function, items, chunksize=chunk)


_state: dict = {}  # one worker's: its setup, cache, and the last plans it loaded


def _start(setup: _Setup) -> None:
    from audit.cache import Cache

    _state.update(setup=setup, cache=Cache(setup.cache_dir), plans=OrderedDict())


def _index(path: str) -> tuple[str, str | None, Plan | InputError]:
    """(path, content hash, the plan's outline), or (path, None, why it cannot be read)."""
    from audit.cache import Cache, digest
    from audit.corpus import plan_or_error
    from audit.read import read_bytes

    cache: Cache = _state["cache"]
    persistent = _state["setup"].persistent
    try:
        content = digest(read_bytes(path))
    except (OSError, InputError):
        error = plan_or_error(path)  # the reader's own words for a file that cannot be read
        return (path, None, error) if isinstance(error, InputError) else _index(path)
    outline = cache.get(cache.key("outline", content), Plan) if persistent else None
    if outline is None:
        plan = plan_or_error(path)
        if isinstance(plan, InputError):
            return path, None, plan
        cache.put(cache.key("plan", content), plan)
        outline = _outline(plan)
        if persistent:
            cache.put(cache.key("outline", content), outline)
    outline.path = visible_path(path)  # as load_plan names it: a cached outline may be another file's
    return path, content, outline


def _outline(plan: Plan) -> Plan:
    """What the main process keeps of a plan while it links the corpus: its identity and citations,
    and the lines its references are on (the graph reads them); not its sections, units, concepts
    or other text. Reports read no more than this, the concepts and the trace (see `_audit`)."""
    keep = {ref.line for ref in plan.mentions}
    outline = plan.model_copy(update={
        "lines": [line for line in plan.lines if line.number in keep], "sections": [], "units": [],
        "timeline": [], "appendix": None, "recipients": [], "signer": None, "concepts": [], "obligations": [],
    })
    outline._text_by_number = None
    return outline


def _audit(job: tuple[str, str, tuple[tuple[str, str], ...]]) -> tuple[list[Finding], Trace | None, list[ConceptHit]]:
    """The findings of one plan audited with its parent, its trace against the parent, and the
    concepts it covers (with their evidence lines, for the report)."""
    path, content, parents = job
    setup: _Setup = _state["setup"]
    cache = _state["cache"]
    key = cache.key("audit", content, path, *(part for pair in parents for part in pair), setup.context.lang,
                    f"draft={setup.context.draft}", f"kind={setup.context.kind}", ",".join(rule.code for rule in setup.rules))
    if setup.persistent and (hit := cache.get(key, tuple)) is not None:
        return hit
    try:
        plan = _full_plan(path, content)
        found = [_full_plan(*pair) for pair in parents]
    except InputError as error:  # the file went away (or changed into something unreadable) since it was indexed
        return _unreadable(Audited(path=path, error=error), setup.rules, setup.context), None, []
    findings, traced_plan = _audit_one(plan, found, setup.rules, replace(setup.context, linked=True))
    result = findings, traced_plan, plan.concepts
    if setup.persistent:
        cache.put(key, result)
    return result


def _full_plan(path: str, content: str) -> Plan:
    """The whole plan, from this worker's last few plans, else the cache, else the file again."""
    plans: OrderedDict = _state["plans"]
    if (path, content) in plans:
        plans.move_to_end((path, content))
        return plans[path, content]
    cache = _state["cache"]
    plan = cache.get(cache.key("plan", content), Plan)
    if plan is None:
        from audit.pipeline import load_plan

        plan = load_plan(path)
    plan.path = visible_path(path)
    plans[path, content] = plan
    if len(plans) > 8:
        plans.popitem(last=False)
    return plan
