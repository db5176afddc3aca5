"""Tracing a child plan against the parent plan it implements.

    requirements.py   what the parent asks of the child (concepts, tasks, reporting duties)
    coverage.py       whether the child meets each requirement, with the child's evidence lines
    links.py          the link itself: the child's citation of the parent, dates, levels, deadline
    copying.py        how much of the child is a near-verbatim copy of the parent

These are plain functions over two `Plan`s; the check kinds in audit/engine/checks turn their
results into findings, with severities set in the rule packs.
"""
