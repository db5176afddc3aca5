"""The report formats of `check` and `corpus`, and the one place that renders a run in one of them.

Each format is a module of this package with `render(run, lang) -> str` and, where a report can be
written one plan or finding at a time, `chunks(run, lang)`: the same text in pieces. `rich` draws on
a console instead (colour on a terminal, plain text into a file). Modules are imported only when
chosen, so the CLI starts without them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audit.engine.engine import CheckRun

# format name -> module under audit.report with render(run, lang) -> str
TEXT_FORMATS = {"json": "json_report", "sarif": "sarif", "junit": "junit", "github": "github",
                "markdown": "markdown", "html": "html"}
FORMATS = ("rich", *TEXT_FORMATS)


def write_report(run: CheckRun, fmt: str, output: str | None, lang: str) -> None:
    """Render `run` in `fmt` to stdout, or atomically to the file `output`."""
    from audit.report.output import emit, emit_rich

    if fmt == "rich":
        from audit.report.terminal import check_rich

        emit_rich(lambda console: check_rich(run, console, lang), output)
        return
    module = import_module(f"audit.report.{TEXT_FORMATS[fmt]}")
    chunks = getattr(module, "chunks", None)  # a format written piece by piece, as long as the run
    emit(chunks(run, lang) if chunks else module.render(run, lang), output)
