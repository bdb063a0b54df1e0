"""`plandsl check PATH...`"""

from __future__ import annotations

import click

from plandsl.cli.common import emit_diagnostics


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True,
              help="Output format.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes for parsing big runs [default: min(2, CPUs); 1: no workers].")
@click.option("--no-cache", is_flag=True,
              help="Do not read or write the parse and result caches (.plandsl-cache/ in the project folder).")
def check(paths: tuple[str, ...], fmt: str, jobs: int | None, no_cache: bool) -> None:
    """Check every *.plan spec under PATHS and report problems.

    Exits 1 when any error is found, 0 otherwise.
    """
    if no_cache:
        from plandsl.check.pipeline import check_paths
        from plandsl.registry import jurisdictions

        jurisdictions.DISK_CACHE = False

        result = check_paths(list(paths), jobs=jobs, cache=False, freeze=True)
        raise SystemExit(emit_diagnostics(list(result.diagnostics), result.specs.sources(), len(result.specs.files),
                                          fmt))
    from plandsl.check.incremental import check_with_cache

    cached = check_with_cache(list(paths), jobs=jobs)
    raise SystemExit(emit_diagnostics(list(cached.diagnostics), cached.sources, cached.files, fmt))
