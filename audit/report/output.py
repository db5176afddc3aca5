"""Writing reports: to stdout, or to a file atomically (temporary file + rename), so a reader of the
file never sees half a report and an interrupted run leaves the old one in place. Rich reports go
to the terminal in colour, or into a file as plain text."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def make_console():
    """A rich console that never reads document text as markup, colourless off a terminal."""
    from rich.console import Console

    return Console(markup=False, highlight=False, emoji=False, soft_wrap=False, stderr=False)


def emit_rich(draw, output: str | None, width: int = 110) -> None:
    """Call `draw(console)` on the terminal, or on a colourless console whose text goes to `output`."""
    if not output:
        draw(make_console())
        return
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    draw(Console(file=buffer, markup=False, highlight=False, emoji=False, width=width, no_color=True))
    emit(buffer.getvalue(), output)
