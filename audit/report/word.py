"""What the Word formats share (`--format docx`, `--format letter`): where each plan's document
goes, the font of an administrative document, and saving a document atomically.

`--output` names a file when the run has one plan and the name ends in ".docx"; otherwise it is a
folder, holding one document per plan with the format's suffix, placed as the plan lies under the
folder audited: `xa/kim-khe.md` -> `OUT/xa/kim-khe.gop-y.docx`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from audit.engine.engine import Audited, CheckRun
from audit.report.output import write_atomic
from audit.report.paths import PathStyle

FONT = "Times New Roman"  # Nghị định 30/2020, Phụ lục I: Times New Roman, size 13-14


def targets(run: CheckRun, output: str, paths: PathStyle, suffix: str) -> Iterator[tuple[Audited, Path]]:
    """Each readable plan of `run` with the file its document is written to."""
    plans = (item for item in run.inputs if item.plan is not None)
    out = Path(output)
    if out.suffix.lower() == ".docx" and not out.is_dir() and len(run.inputs) == 1:
        yield from ((item, out) for item in plans)
        return
    # under the folder as under the folder audited (or the one the plans share), never absolute
    anchor = paths.anchor or PathStyle.of([item.path for item in run.inputs]).anchor
    for item in plans:
        inside = PurePosixPath(Path(os.path.relpath(os.path.abspath(item.path), anchor)).as_posix())
        parts = [part for part in inside.parts if part not in ("..", "/", ".")]
        yield item, out.joinpath(*parts).with_name(f"{Path(parts[-1]).stem}.{suffix}.docx")


def new_document():
    """An empty A4 document in the administrative font, margins of Nghị định 30/2020."""
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    return document


def save(document, path: Path) -> None:
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(path, buffer.getvalue())
