"""Options and output helpers shared by CLI commands."""

from __future__ import annotations

import sys

import click

from plandsl.core.diagnostics import Diagnostic, has_errors


def use_colour(stream=None) -> bool:
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def emit_diagnostics(diagnostics: list[Diagnostic], sources: dict[str, str], files: int, fmt: str) -> int:
    """Print diagnostics in the chosen format; return the exit code (1 on errors)."""
    from plandsl.report import formats as report

    if fmt == "json":
        click.echo(report.format_json(diagnostics, files))
    elif fmt == "sarif":
        from plandsl.report.sarif import to_sarif

        click.echo(to_sarif(diagnostics))
    else:
        colour = use_colour()
        text = report.format_text(diagnostics, sources, colour=colour)
        if text:
            click.echo(text)
        click.echo(report.summary(diagnostics, files), err=False)
    return 1 if has_errors(diagnostics) else 0
