"""Remake the README's pictures from the fixtures:

    docs/img/terminal.svg     the terminal report of three plans checked against their parents
                              (rich's own SVG export, 80 columns)
    docs/img/report-html.png  the HTML report of a commune plan with gaps, as Chromium shows it

Run from anywhere: `.venv/bin/python scripts/screenshots.py` (the PNG needs `chromium`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "img"
# Paths in the pictures are as a user types them, relative to the repository.
PLANS = ["fixtures/2024-xa-phuc-khe.pdf", "fixtures/2024-so-tttt.docx", "fixtures/2024-phuong-dong-lam.txt"]
REVIEWED = "fixtures/2024-xa-phuc-khe.pdf"
MONOSPACE = "'Noto Sans Mono', 'Cascadia Mono', Consolas, 'Courier New', 'Fira Code', monospace"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def audit(paths: list[str]):
    """`plan-audit check PATHS --corpus fixtures`, as a CheckRun."""
    from audit.corpus import load_corpus
    from audit.engine.context import CheckContext
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.run import audit_inputs, load_inputs, with_corpus_parents

    inputs = with_corpus_parents(load_inputs(paths), load_corpus("fixtures").plans)
    return audit_inputs(inputs, select_rules(load_rules()), CheckContext(lang="vi"))


def terminal_svg(target: Path) -> None:
    from io import StringIO

    from rich.console import Console

    from audit.report.terminal import check_rich

    console = Console(record=True, width=80, file=StringIO(), force_terminal=True, color_system="truecolor",
                      markup=False, highlight=False, emoji=False)
    check_rich(audit(PLANS), console, "vi")
    svg = console.export_svg(title="plan-audit check … --corpus fixtures")
    # rich names Fira Code (fetched from a CDN, which an image never does), then any monospace; many
    # monospace fonts lack Vietnamese letters with two marks (ế, ộ), so name ones that have them first.
    svg = re.sub(r"@font-face \{.*?\}\s*", "", svg, flags=re.DOTALL)
    svg = svg.replace("font-family: Fira Code, monospace;", f"font-family: {MONOSPACE};")
    target.write_text(svg, encoding="utf-8")


def html_png(target: Path) -> None:
    from audit.report.html import render

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("screenshots: chromium is needed for the HTML picture (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "report.html"
        page.write_text(render(audit([REVIEWED]), "vi"), encoding="utf-8")
        subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={scratch}/profile", "--window-size=1000,1500",
                        f"--screenshot={target}", page.as_uri()], check=True, capture_output=True, timeout=120)


def main() -> None:
    os.chdir(REPO)
    IMAGES.mkdir(parents=True, exist_ok=True)
    terminal_svg(IMAGES / "terminal.svg")
    html_png(IMAGES / "report-html.png")
    for name in ("terminal.svg", "report-html.png"):
        print(f"{IMAGES / name}: {(IMAGES / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
