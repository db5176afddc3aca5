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


@main.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option("--expected", type=click.Path(dir_okay=False, path_type=str),
              help="YAML: issuer -> list of subordinate units expected to file a plan citing its plan.")
def graph(directory: str, fmt: str, output: str | None, expected: str | None) -> None:
    """The plan hierarchy under DIR: links, unresolved parents, cycles, duplicates, missing plans."""
    from audit.corpus import load_corpus
    from audit.graph import PlanGraph, load_expected
    from audit.report.graph_report import graph_json, graph_rich
    from audit.report.output import emit

    try:
        expected_units = load_expected(expected) if expected else None
    except ValueError as error:
        click.echo(f"plan-audit: error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        corpus = load_corpus(directory)
    except InputError as error:
        fail_input(error)
    for problem in corpus.problems:
        click.echo(f"plan-audit: warning: {problem}", err=True)
    if not corpus.plans:
        click.echo(f"plan-audit: error: {directory}: no plan could be read", err=True)
        sys.exit(EXIT_USAGE)
    plan_graph = PlanGraph(corpus.plans)
    missing = plan_graph.missing_units(expected_units) if expected_units is not None else None
    if fmt == "json":
        emit(graph_json(corpus, plan_graph, missing), output)
    elif output:
        from io import StringIO

        from rich.console import Console

        buffer = StringIO()
        graph_rich(corpus, plan_graph, missing, Console(file=buffer, markup=False, highlight=False, width=120, no_color=True))
        emit(buffer.getvalue(), output)
    else:
        graph_rich(corpus, plan_graph, missing, make_console())


if __name__ == "__main__":  # pragma: no cover
    main()
