"""What `plan-audit` does at its exit to cost less CPU (docs/performance.md, "Start-up
(perf-start)"): the exit skips one last walk of every object (gc.freeze), once however many
commands one process runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_exit_freezes_the_objects_once_however_many_commands_run():
    code = (
        "import gc, sys\n"
        "frozen = []\n"
        "gc.freeze = lambda: frozen.append(1) or print('FROZEN', len(frozen), file=sys.stderr)\n"
        "from click.testing import CliRunner\nfrom audit.cli import main\n"
        "for _ in range(3):\n    assert CliRunner().invoke(main, ['rules', 'KENH001']).exit_code == 0\n"
        "print('RAN', len(frozen), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-2:] == ["RAN 0", "FROZEN 1"]  # not during the run; once at its exit
