"""`plandsl check PATH...`"""

from __future__ import annotations

import click

from plandsl.commands.common import emit_diagnostics


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True,
              help="Output format.")
def check(paths: tuple[str, ...], fmt: str) -> None:
    """Check every *.plan spec under PATHS and report problems.

    Exits 1 when any error is found, 0 otherwise.
    """
    from plandsl.pipeline import check_paths

    result = check_paths(list(paths))
    raise SystemExit(emit_diagnostics(list(result.diagnostics), result.specs.sources(), len(result.specs.files), fmt))
