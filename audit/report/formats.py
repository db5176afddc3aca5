"""The report formats of `check` and `corpus`, and the one place that renders a run in one of them.

Each text format is a module of this package with `render(run, lang) -> str` and, where a report
can be written one plan or finding at a time, `chunks(run, lang)`: the same text in pieces. `rich`
draws on a console instead (colour on a terminal, plain text into a file). A file format (Word,
Excel) is a module with `write(run, output, lang, paths)`: it needs --output, a file or, for a
format that makes a document per plan, a folder. Modules are imported only when chosen, so the
CLI starts without them.

Every format shows paths as `PathStyle` says (audit/report/paths.py): never the reviewer's own
absolute path unless asked.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from audit.report.paths import PathStyle

if TYPE_CHECKING:
    from audit.engine.engine import CheckRun

# format name -> module under audit.report with render(run, lang) -> str
TEXT_FORMATS = {"concise": "concise", "json": "json_report", "sarif": "sarif", "junit": "junit", "github": "github",
                "markdown": "markdown", "html": "html"}
# format name -> module under audit.report with write(run, output, lang, paths)
FILE_FORMATS = {"docx": "word_comments", "xlsx": "workbook", "letter": "letter"}
FOLDER_FORMATS = ("docx", "letter")  # a document per plan: --output may be a folder
FORMATS = ("rich", *TEXT_FORMATS, *FILE_FORMATS)


def default_format(output: str | None, terminal: bool) -> str:
    """rich for a person at a terminal (and, as before, for a file named by --output); concise when
    stdout goes to a pipe or a file, so `plan-audit check FILE | grep ...` reads one line per finding."""
    return "rich" if output or terminal else "concise"


AS_GIVEN = PathStyle()  # paths as the run holds them


def write_report(run: CheckRun, fmt: str, output: str | None, lang: str, paths: PathStyle = AS_GIVEN,
                 expected: dict[str, list[str]] | None = None) -> None:
    """Render `run` in `fmt` to stdout, or atomically to the file `output` (a file format: to the
    file or folder `output`, which it needs). `expected`: the units expected to file plans
    (`corpus --expected`), which the workbook lists when they filed none."""
    from audit.report.output import emit, emit_rich

    if fmt in FILE_FORMATS:
        module = import_module(f"audit.report.{FILE_FORMATS[fmt]}")
        module.write(run, output, lang, paths, **({"expected": expected} if fmt == "xlsx" else {}))
        return
    run = paths.apply(run)
    if fmt == "rich":
        from audit.report.terminal import check_rich

        emit_rich(lambda console: check_rich(run, console, lang), output)
        return
    module = import_module(f"audit.report.{TEXT_FORMATS[fmt]}")
    if fmt == "sarif":  # its root folder's URI is the reviewer's absolute path: only when asked
        emit(module.chunks(run, lang, absolute=paths.absolute), output)
        return
    chunks = getattr(module, "chunks", None)  # a format written piece by piece, as long as the run
    emit(chunks(run, lang) if chunks else module.render(run, lang), output)


def write_statistics(run: CheckRun, fmt: str, output: str | None, lang: str) -> None:
    """`--statistics`: the count of findings per rule instead of the report (JSON with --format json)."""
    from audit.report.output import emit
    from audit.report.statistics import render

    emit(render(run, lang, "json" if fmt == "json" else "text"), output)
