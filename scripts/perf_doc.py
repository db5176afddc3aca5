"""Recording benchmark figures in docs/performance.md: one "## <title>" section per benchmark,
replaced in place on each run so the page always shows the latest figures with how to reproduce them."""

from __future__ import annotations

import os
import platform
import re
import sys
from datetime import date
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
INTRO = (
    "# Performance\n\nFigures written by the benchmark scripts in `scripts/` (never by timed tests). "
    "Each section says the machine, the date and the command that reproduces it.\n"
)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def record(title: str, command: str, body: str) -> None:
    """Replace (or add) the section `title` of docs/performance.md."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else INTRO
    section = (
        f"## {title}\n\n- Command: `{command}`\n- Machine: {machine()}\n- Date: {date.today().isoformat()}\n\n"
        f"{body.strip()}\n"
    )
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    DOC.parent.mkdir(parents=True, exist_ok=True)
    tmp = DOC.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(DOC)
    sys.stdout.write(section)
