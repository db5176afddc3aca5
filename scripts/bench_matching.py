"""Benchmark: matching a 25 KB plan against the whole concept lexicon, after import and after the
lexicon is compiled (the cost every plan of a corpus pays).

Goal (issue: matcher): under 10 ms. Run: .venv/bin/python scripts/bench_matching.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from bench_extract import plan_of_25kb  # noqa: E402
from perf_doc import record  # noqa: E402

RUNS = 200


def main() -> None:
    import tempfile

    from audit.parse import parse_plan
    from audit.read import read_source
    from audit.text.lexicon import load_lexicon
    from audit.text.matcher import match_plan

    with tempfile.TemporaryDirectory() as folder:
        path = plan_of_25kb(Path(folder))
        size_kb = path.stat().st_size / 1024
        plan = parse_plan(read_source(path))

    started = time.perf_counter()
    lexicon = load_lexicon()
    compile_ms = (time.perf_counter() - started) * 1000
    hits = match_plan(plan, lexicon)  # warm the word caches, as any second plan finds them
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        match_plan(plan, lexicon)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    aliases = sum(len(c.aliases) for c in lexicon.concepts.values())
    record(
        "Matching",
        ".venv/bin/python scripts/bench_matching.py",
        f"Plan: seed 004 grown to {size_kb:.1f} KB ({len(plan.lines)} lines, {len(hits)} concepts found); "
        f"lexicon: {len(lexicon.concepts)} concepts, {aliases} aliases.\n\n"
        "| measure | median | goal |\n|---|---|---|\n"
        f"| match_plan, after import and lexicon compiled ({RUNS} runs) | {median:.2f} ms | < 10 ms |\n"
        f"| load and compile the lexicon (once per process) | {compile_ms:.1f} ms | |\n",
    )


if __name__ == "__main__":
    main()
