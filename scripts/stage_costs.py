"""Where a plan's CPU goes: the time of each stage (read, parse, match, each check kind, the trace)
per plan over a corpus, one process, no profiler (a profiler inflates Python-level calls).

Run: .venv/bin/python scripts/stage_costs.py DIR   (e.g. a corpus made by scripts/gen_corpus.py)
"""

from __future__ import annotations

import argparse
import gc
import time
from collections import Counter

from audit.cli import GC_THRESHOLDS
from audit.corpus import find_plan_files
from audit.engine.checks import load_kind
from audit.engine.context import CheckContext
from audit.engine.packs import load_rules
from audit.graph import PlanGraph
from audit.parse import parse_plan
from audit.read import read_source
from audit.text.matcher import match_plan
from audit.trace.coverage import trace
from audit.trace.links import audit_parent

clock = time.process_time


def main() -> None:
    gc.set_threshold(*GC_THRESHOLDS)  # as a plan-audit command runs
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    files, _ = find_plan_files(parser.parse_args().folder)
    spent: Counter[str] = Counter()
    plans = []
    for path in files:
        start = clock()
        source = read_source(path)
        read = clock()
        plan = parse_plan(source)
        parsed = clock()
        plan.concepts = match_plan(plan)
        spent["read"] += read - start
        spent["parse"] += parsed - read
        spent["match"] += clock() - parsed
        plans.append(plan)
    graph, rules = PlanGraph(plans), load_rules()
    for plan in plans:
        parent = graph.plans.get(audit_parent(graph, plan.path) or "")
        context = CheckContext(parent=parent)
        for rule in rules:
            if (kind := load_kind(rule.check)) is not None:
                start = clock()
                list(kind.check(plan, rule, context))
                spent[f"check {rule.check}"] += clock() - start
        if parent is not None:
            start = clock()
            trace(plan, [parent])
            spent["trace"] += clock() - start
    print(f"{len(plans)} plans, {1000 * sum(spent.values()) / len(plans):.1f} ms of CPU a plan in these stages")
    for stage, seconds in spent.most_common():
        print(f"{1000 * seconds / len(plans):7.2f} ms  {stage}")


if __name__ == "__main__":
    main()
