"""Auditing plans, against their parents where known: `check`, `check --parent P`,
`check --corpus DIR` and `corpus DIR`.

Each input becomes an `Audited` with its parent plan (or None), then every selected rule runs with
that parent in the context; the parent rules (KETHUA) do nothing where the parent is unknown.

    inputs = corpus_inputs("fixtures")            # every plan, its parent resolved in the corpus
    run = audit_inputs(inputs, rules, CheckContext(lang="vi"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from audit.engine.context import CheckContext
from audit.engine.engine import Audited, CheckRun, input_finding, run_rules
from audit.engine.packs import INPUT_RULE, Rule
from audit.model import Plan
from audit.read.errors import InputError


def audit_inputs(inputs: Iterable[Audited], rules: list[Rule], context: CheckContext) -> CheckRun:
    """Run `rules` on each plan with its own parent, and trace it against that parent; an unreadable
    input is an INPUT001 finding."""
    from audit.trace.coverage import trace

    run = CheckRun(rules=list(rules))
    report_input = any(rule.code == INPUT_RULE.code for rule in rules)
    for item in inputs:
        if item.plan is None:
            run.inputs.append(item)
            if report_input and item.error is not None:
                run.findings.append(input_finding(item.error, context.lang))
            continue
        run.inputs.append(replace(item, trace=trace(item.plan, item.parent)) if item.parent else item)
        run.findings.extend(run_rules(item.plan, rules, replace(context, parent=item.parent)))
    return run


def load_inputs(paths: Iterable[str]) -> list[Audited]:
    """The files named on the command line, read, without parents yet."""
    from audit.pipeline import load_plan

    inputs = []
    for path in paths:
        try:
            inputs.append(Audited(path=path, plan=load_plan(path)))
        except InputError as error:
            inputs.append(Audited(path=path, error=error))
    return inputs


def with_parent(inputs: list[Audited], parent: Plan) -> list[Audited]:
    """`check --parent P`: every plan is audited against P."""
    return [replace(item, parent=parent) if item.plan else item for item in inputs]


def with_corpus_parents(inputs: list[Audited], plans: list[Plan]) -> list[Audited]:
    """Each input's parent found among `plans` (and the inputs) by its citations, as `corpus` does."""
    from audit.graph import PlanGraph
    from audit.trace.links import audit_parent

    own = [item.plan for item in inputs if item.plan is not None]
    paths = {plan.path for plan in own}
    graph = PlanGraph([plan for plan in plans if plan.path not in paths] + own)
    out = []
    for item in inputs:
        parent = audit_parent(graph, item.plan.path) if item.plan else None
        out.append(replace(item, parent=graph.plans[parent] if parent else None))
    return out


def corpus_inputs(root: str | Path, progress: Callable[[int, int, str], None] | None = None) -> list[Audited]:
    """Every plan file under `root` with its resolved parent, and the files that could not be read.
    `progress(done, total, path)` is called after each file. Raises `InputError` for a bad root."""
    from audit.corpus import find_plan_files, iter_corpus

    files, problems = find_plan_files(root)  # raises for a bad root; gives the total for progress
    total = len(files) + len(problems)
    inputs = []
    for done, (path, item) in enumerate(iter_corpus(root), 1):
        if isinstance(item, InputError):
            inputs.append(Audited(path=str(path), error=item))
        else:
            inputs.append(Audited(path=str(path), plan=item))
        if progress:
            progress(done, total, str(path))
    return with_corpus_parents(inputs, [])
