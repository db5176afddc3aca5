"""`--format concise`: one line per finding, `path:line: CODE message`, like Ruff's concise output:
never wrapped, so grep, sort and editors' quickfix lists read it. The default when stdout is not a
terminal. Waived findings are not listed (they are accepted); a finding without a line names the
file alone (`path: CODE message`).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine.engine import CheckRun
from audit.model import Finding


def render(run: CheckRun, lang: str = "vi") -> str:
    return "".join(chunks(run, lang))


def chunks(run: CheckRun, lang: str = "vi") -> Iterator[str]:
    for finding in run.findings:
        if not finding.waived:
            yield line(finding) + "\n"


def line(finding: Finding) -> str:
    where = f"{finding.path}:{finding.line}" if finding.line else finding.path
    return " ".join(f"{where}: {finding.rule} {finding.message}".split())  # one line, whatever the text holds
