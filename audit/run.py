"""Auditing plans, against their parents where known: `check`, `check --parent P`,
`check --corpus DIR` and `corpus DIR`.

Each input becomes an `Audited` with its parent plan (or None), then every selected rule runs with
that parent in the context; the parent rules (KETHUA) do nothing where the parent is unknown.

    run = audit_inputs(with_parent(load_inputs(paths), parent), rules, CheckContext(lang="vi"))
    run = audit_corpus("fixtures", rules, CheckContext(lang="vi"), jobs=2)   # every plan, its parent resolved
"""

from __future__ import annotations

import os
import pickle
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from audit.engine.context import CheckContext
from audit.engine.engine import Audited, CheckRun, Spool, input_finding, run_rules, traced
from audit.engine.packs import INPUT_RULE, Rule
from audit.model import Finding, Plan
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


def with_corpus_parents(inputs: list[Audited], plans: list[Plan],
                        whole: Callable[[Plan], Plan | InputError] | None = None) -> list[Audited]:
    """Each input's parents found among `plans` (and the inputs) by their citations, as `corpus`
    does. `plans` may be outlines (`load_corpus(outlines=True)`): `whole` reads the parents found."""
    from audit.graph import PlanGraph

    own = [item.plan for item in inputs if item.plan is not None]
    paths = {plan.path for plan in own}
    graph = PlanGraph([plan for plan in plans if plan.path not in paths] + own)
    read: dict[str, Plan | InputError] = {}

    def parent(path: str) -> Plan | InputError:
        if whole is None or path in paths:
            return graph.plans[path]
        return read[path] if path in read else read.setdefault(path, whole(graph.plans[path]))

    out = []
    for item in inputs:
        found = [plan for plan in map(parent, _parents_in(graph, item.plan.path) if item.plan else [])
                 if not isinstance(plan, InputError)]  # a parent gone since the corpus was read is not one
        out.append(replace(item, parent=found[0] if found else None, others=found[1:], linked=True))
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
# Two passes, so memory stays bounded whatever the corpus size, and each plan is parsed whole once:
# 1. link: each file is hashed and its outline read (header, citations, closing: `parse_outline`,
#    a few times cheaper than the whole plan); the main process keeps the outlines and links them;
# 2. audit: the plans are sent in groups that share their parents; the worker reads the parents
#    once for the group (reading a plan again costs less than shipping it between processes), then
#    reads, parses and audits each plan of the group, and sends back the findings, and the trace and
#    the plan's concepts with their evidence pickled once, as bytes. The main process keeps the
#    findings (the policy and the exit code read them all) and stores the bytes as they are, with the
#    outline, in the run's `Spool`, on disk: a report reads one plan at a time.
# A cache keeps what pays on a second run: each outline (pass 1 then reads only the file's bytes) and
# each audit result (keyed by the plan's and its parents' contents). Whole plans are not kept: a plan
# audited again is one whose audit result missed, and reading it again costs less than storing it.
# The main process looks every file and result up in the cache itself and hands the workers only what
# missed, so an unchanged corpus starts no worker and nothing crosses between processes.
# The run lists its inputs in their order, so the report is the same for any number of jobs.

GROUP = 64  # plans sent to a worker at once: their shared parents are read once for all of them


def audit_corpus(root: str | Path, rules: list[Rule], context: CheckContext, *, jobs: int = 0,
                 cache_dir: str | Path | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> CheckRun:
    """Audit every plan under `root` against its resolved parent, as `audit_inputs` audits the plans
    of `check --corpus`, in bounded memory: the run's inputs are a `Spool`, its plans outlines (see
    `parse_outline`) with their concepts. `jobs`: worker processes (0: one per core for a large
    corpus); `cache_dir`: where outlines and results are kept between runs (None: nowhere).
    Raises `InputError` for a bad root."""
    from audit.corpus import find_plan_files

    files, problems = find_plan_files(root)
    setup = _Setup(rules, context, str(cache_dir) if cache_dir is not None else None)
    done = count(len(problems) + 1)

    def read(item: tuple) -> None:
        if progress:
            progress(next(done), len(files) + len(problems), item[0])

    with _pool(setup, _workers(jobs, len(files))) as pool:
        paths = [str(p) for p in files]
        indexed = [_cached_outline(path) for path in paths]
        for item in filter(None, indexed):
            read(item)
        missed = [at for at, item in enumerate(indexed) if item is None]
        for at, item in zip(missed, pool(_index, [paths[at] for at in missed], 16, True)):
            indexed[at] = item
            read(item)
        return _audit_indexed(problems, indexed, setup, pool)


def _audit_indexed(problems: list[InputError], indexed: list[tuple], setup: _Setup, pool) -> CheckRun:
    inputs = [Audited(path=p.path, error=p) for p in problems]
    inputs += [Audited(path=path, plan=item) if digest_ else Audited(path=path, error=item)
               for path, digest_, item in indexed]
    groups = _link(inputs, indexed)
    spool, findings = _Results(len(inputs)), [_unreadable(item, setup.rules, setup.context) for item in inputs]
    for index, item in enumerate(inputs):
        if item.plan is None:
            spool.keep(index, item, None)

    def keep(index: int, result: tuple) -> None:
        found, traced_plan, error = result
        findings[index], item = found, inputs[index]
        spool.keep(index, Audited(path=item.path, error=error) if error else item, traced_plan)
        inputs[index] = None  # kept in the spool now, not here

    missed = []
    for parents, plans in groups:
        hits = [(plan, _cached_result(*plan[1:], parents)) for plan in plans]
        for (index, *_), hit in hits:
            if hit is not None:
                keep(index, hit)
        if left := [plan for plan, hit in hits if hit is None]:
            missed.append((parents, left))
    for results in pool(_audit_group, missed, 1, False):
        for index, result in results:
            keep(index, result)
    return CheckRun(spool, [f for some in findings for f in some], list(setup.rules))


class _Results(Spool):
    """A corpus run's inputs: each with its outline and parents pickled as `Spool` keeps them, and its
    trace and concepts as the bytes the worker or the cache gave (unpickled once, when a report reads them)."""

    def keep(self, index: int, item: Audited, traced_plan: bytes | None) -> None:
        self[index] = (item, traced_plan)  # type: ignore[assignment]  # read back by __getitem__

    def __getitem__(self, index: int) -> Audited:
        item, traced_plan = super().__getitem__(index)
        if traced_plan is not None:
            item.trace, item.plan.concepts = pickle.loads(traced_plan)  # a fresh copy: its own to change
        return item


def _link(inputs: list[Audited], indexed: list[tuple]) -> list[tuple]:
    """Each plan's parents found in the corpus (set on its `Audited`), and the audit jobs: groups of
    at most `GROUP` plans with the same parents, each plan as (index, path, content hash), the
    parents as (path, content hash). A run knows files by their shown paths; workers open the real ones."""
    from audit.graph import PlanGraph

    real = {visible_path(path): (path, digest_) for path, digest_, _ in indexed if digest_}
    graph = PlanGraph([item.plan for item in inputs if item.plan is not None])
    by_parents: dict[tuple, list[tuple]] = {}
    for index, item in enumerate(inputs):
        if item.plan is not None:
            found = _parents_in(graph, item.path)
            item.parent = graph.plans[found[0]] if found else None
            item.others, item.linked = [graph.plans[p] for p in found[1:]], True
            by_parents.setdefault(tuple(real[p] for p in found), []).append((index, *real[item.path]))
    return [(parents, plans[at:at + GROUP]) for parents, plans in by_parents.items()
            for at in range(0, len(plans), GROUP)]


@dataclass(frozen=True)
class _Setup:
    rules: list[Rule]
    context: CheckContext
    cache_dir: str | None  # None: no cache, every plan read and audited


def _workers(jobs: int, files: int) -> int:
    if jobs > 0:
        return jobs
    return max(1, min(os.cpu_count() or 1, files // 200))  # a process pays off from a few hundred plans


@contextmanager
def _pool(setup: _Setup, workers: int):
    """`run_all(function, items, chunk, ordered)`: the results of `function` over `items` from
    `workers` processes, in the order of `items` when `ordered`, else as they come. The processes
    start when first given something to do: a run the cache answers whole starts none. This process
    is set up as a worker too (it looks plans up in the cache, and does all the work with one worker)."""
    _start(setup)
    started = []

    def run_all(function, items, chunk, ordered):
        if workers == 1 or not items:
            return map(function, items)
        if not started:
            import multiprocessing

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            started.append(multiprocessing.get_context(method).Pool(workers, _start, (setup,)))
        return (started[0].imap if ordered else started[0].imap_unordered)(function, items, chunksize=chunk)

    try:
        yield run_all
    finally:
        for pool in started:
            pool.terminate()
        _state.clear()


_state: dict = {}  # one worker's: its setup, cache, and the last plans it read


def _start(setup: _Setup) -> None:
    from audit.cache import Cache

    cache = Cache(setup.cache_dir) if setup.cache_dir is not None else None
    _state.update(setup=setup, cache=cache, plans=OrderedDict(), rules=_rules_digest(setup.rules))


def _rules_digest(rules: list[Rule]) -> str:
    """What the rules of a run are, as far as their findings go (the salt covers the packs installed;
    this, rules a caller loaded from elsewhere or a selection)."""
    from audit.cache import digest

    return digest(repr([(rule.code, rule.severity, rule.check, rule.params, rule.message) for rule in rules]).encode())


def _cached_outline(path: str) -> tuple[str, str, Plan] | None:
    """What `_index` gives for a file whose outline the cache holds, else None: looked up in the main
    process, so the workers get only the files that missed."""
    cache = _state["cache"]
    try:
        content = _content(path) if cache else None
    except (OSError, InputError):
        return None  # `_index` says why
    outline = cache.get(cache.key("outline", content), Plan) if content else None
    if outline is None:
        return None
    outline.path = visible_path(path)  # as load_plan names it: a cached outline may be another file's
    return path, content, outline


def _index(path: str) -> tuple[str, str | None, Plan | InputError]:
    """(path, content hash, the plan's outline), or (path, None, why it cannot be read)."""
    from audit.corpus import outline_or_error

    try:
        content = _content(path)
    except (OSError, InputError):
        error = outline_or_error(path)  # the reader's own words for a file that cannot be read
        return (path, None, error) if isinstance(error, InputError) else _index(path)
    outline = outline_or_error(path)
    if isinstance(outline, InputError):
        return path, None, outline
    cache = _state["cache"]
    if cache and _unchanged(path, content):
        cache.put(cache.key("outline", content), outline)
    outline.path = visible_path(path)
    return path, content, outline


def _content(path: str) -> str:
    """The content hash of the file `path` (raises `OSError` or `InputError` as reading it does)."""
    from audit.cache import digest
    from audit.read import read_bytes

    return digest(read_bytes(path))


def _unchanged(path: str, content: str) -> bool:
    """Whether the file still has the content hash it was read by: what was read from a file that
    changed meanwhile may be of either content, and is not kept under that hash."""
    try:
        return _content(path) == content
    except (OSError, InputError):
        return False


def _result_key(path: str, content: str, parents: tuple[tuple[str, str], ...]) -> str:
    setup: _Setup = _state["setup"]
    return _state["cache"].key("audit", content, path, *(part for pair in parents for part in pair), setup.context.lang,
                               f"draft={setup.context.draft}", f"kind={setup.context.kind}", _state["rules"])


def _cached_result(path: str, content: str, parents: tuple[tuple[str, str], ...]) -> tuple | None:
    """The result of `_audit` as the cache holds it, or None."""
    cache = _state["cache"]
    hit = cache.get(_result_key(path, content, parents), tuple) if cache else None
    if hit is None or len(hit) != 2 or not isinstance(hit[1], bytes):
        return None
    return hit[0], hit[1], None


def _audit_group(group: tuple) -> list[tuple[int, tuple]]:
    """Each plan of the group audited with the parents they share: (its index, its result)."""
    parents, plans = group
    return [(index, _audit(path, content, parents)) for index, path, content in plans]


def _audit(path: str, content: str, parents: tuple[tuple[str, str], ...]) -> tuple:
    """The findings of one plan audited with its parents; its trace against them and the concepts it
    covers (with their evidence lines, for the report), pickled; and the error of a plan that could
    not be read whole (then the rest is empty)."""
    setup: _Setup = _state["setup"]
    plan, fresh = _full_plan(path, content)
    found = [_full_plan(*pair) for pair in parents]
    if isinstance(plan, InputError):  # the file changed since it was hashed, or only its body fails to parse
        return _unreadable(Audited(path=path, error=plan), setup.rules, setup.context), None, plan
    read = [parent for parent, _ in found if not isinstance(parent, InputError)]
    findings, traced_plan = _audit_one(plan, read, setup.rules, replace(setup.context, linked=True))
    pickled = pickle.dumps((traced_plan, plan.concepts), protocol=pickle.HIGHEST_PROTOCOL)
    if _state["cache"] and fresh and all(ok for _, ok in found):
        _state["cache"].put(_result_key(path, content, parents), (findings, pickled))
    return findings, pickled, None


def _full_plan(path: str, content: str) -> tuple[Plan | InputError, bool]:
    """The whole plan (or why it cannot be read), from this worker's last few plans, else the file;
    and whether the file still had that content once read (see `_unchanged`)."""
    from audit.corpus import plan_or_error

    plans: OrderedDict = _state["plans"]
    if (path, content) in plans:
        plans.move_to_end((path, content))
        return plans[path, content]
    plan = plan_or_error(path)
    if not isinstance(plan, InputError):
        plan.path = visible_path(path)
    plans[path, content] = plan, _unchanged(path, content)
    if len(plans) > 8:
        plans.popitem(last=False)
    return plans[path, content]
