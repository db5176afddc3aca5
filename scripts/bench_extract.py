"""Benchmark: parsing a 25 KB plan (after import) and the whole `plan-audit extract` process.

Goals (issue: extract): parse under 20 ms after import; whole process under 0.5 s.
Run: .venv/bin/python scripts/bench_extract.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from perf_doc import record  # noqa: E402

SEED = sorted((REPO.parent / "shared" / "seeds").glob("004_*.txt"))[0]


def plan_of_25kb(folder: Path) -> Path:
    """Seed 004 (23 KB) with more content items, to 25 KB: a real plan's shape at the goal's size."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body_item = lines[44]  # "1. Xây dựng và tổ chức thực hiện ..." (a content paragraph)
    while len("\n".join(lines).encode()) < 25 * 1024:
        lines.insert(77, body_item)
        lines.insert(77, "")
    path = folder / "plan_25kb.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> None:
    from audit.parse import parse_plan
    from audit.read import read_source

    with tempfile.TemporaryDirectory() as tmp:
        path = plan_of_25kb(Path(tmp))
        size = path.stat().st_size
        source = read_source(path)
        parse_times = []
        for _ in range(50):
            start = time.perf_counter()
            parse_plan(source)
            parse_times.append((time.perf_counter() - start) * 1000)
        read_parse = []
        for _ in range(20):
            start = time.perf_counter()
            parse_plan(read_source(path))
            read_parse.append((time.perf_counter() - start) * 1000)
        exe = Path(sys.executable).parent / "plan-audit"
        process = []
        for _ in range(10):
            start = time.perf_counter()
            subprocess.run([str(exe), "extract", str(path), "--format", "json"], check=True, capture_output=True)
            process.append(time.perf_counter() - start)
    body = (
        f"Plan: seed 004 grown to {size / 1024:.1f} KB.\n\n"
        "| measure | median | goal |\n|---|---|---|\n"
        f"| parse (SourceText -> Plan), after import | {statistics.median(parse_times):.1f} ms | < 20 ms |\n"
        f"| read + parse, after import | {statistics.median(read_parse):.1f} ms | |\n"
        f"| whole process `plan-audit extract --format json` | {statistics.median(process):.2f} s | < 0.5 s |\n"
    )
    record("Parsing and extract", ".venv/bin/python scripts/bench_extract.py", body)


if __name__ == "__main__":
    main()
