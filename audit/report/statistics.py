"""`--statistics`: how many standing findings each rule has, most first, like `ruff --statistics`:

       12  KETHUA001  error    The plan covers what the parent assigned to its level
        3  THETHUC002 warning  ...

With `--format json`, the same as a list of {"code", "severity", "count", "title"}.
"""

from __future__ import annotations

import json
from collections import Counter

from audit.engine.engine import CheckRun
from audit.report.view import rules_by_code, words


def counts(run: CheckRun, lang: str = "vi") -> list[dict]:
    """One entry per rule with standing findings: most findings first, then by code."""
    rules = rules_by_code(run)
    counted = Counter(f.rule for f in run.findings if not f.waived)
    severity = {f.rule: f.severity.value for f in run.findings}
    return [{"code": code, "severity": severity[code], "count": count,
             "title": rules[code].title.get(lang) if code in rules else ""}
            for code, count in sorted(counted.items(), key=lambda pair: (-pair[1], pair[0]))]


def render(run: CheckRun, lang: str = "vi", fmt: str = "text") -> str:
    entries = counts(run, lang)
    if fmt == "json":
        return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
    w, width = words(lang), max((len(entry["code"]) for entry in entries), default=0)
    return "".join(f"{entry['count']:>6}  {entry['code']:<{width}}  {w['severity.' + entry['severity']]:<9}  "
                   f"{' '.join(entry['title'].split())}\n" for entry in entries)
