"""The command line: parse arguments, call the stages, choose a reporter, set the exit code.

Exit codes (CONTRACT.md): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage error, or no input could be read at all.
"""

from __future__ import annotations

import sys

import click

from audit.read.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def fail_input(error: InputError) -> None:
    click.echo(f"plan-audit: error: {error}", err=True)
    sys.exit(EXIT_USAGE)


def make_console(output: str | None = None):
    """A rich console that never reads document text as markup, colourless off a terminal."""
    from rich.console import Console

    return Console(markup=False, highlight=False, emoji=False, soft_wrap=False, stderr=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plan-audit")
def main() -> None:
    """Audit Vietnamese administrative-reform communication plans against the directives they implement."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
def extract(file: str, fmt: str, output: str | None) -> None:
    """Parse one plan and show what was understood: header, citations, sections, units, concepts."""
    from audit.pipeline import load_plan
    from audit.report.extract import extract_json, extract_rich
    from audit.report.output import emit

    try:
        plan = load_plan(file)
    except InputError as error:
        fail_input(error)
    if fmt == "json":
        emit(extract_json(plan), output)
    elif output:
        from io import StringIO

        from rich.console import Console

        buffer = StringIO()
        extract_rich(plan, Console(file=buffer, markup=False, highlight=False, width=100, no_color=True))
        emit(buffer.getvalue(), output)
    else:
        extract_rich(plan, make_console())


if __name__ == "__main__":  # pragma: no cover
    main()
