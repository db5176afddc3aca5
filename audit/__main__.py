"""`python -m audit` is the same as the `plan-audit` command."""

from audit.cli import main

main()
