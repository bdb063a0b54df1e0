"""`plandsl check PATH...`"""

from __future__ import annotations

import click

from plandsl.cli.common import emit_diagnostics


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True,
              help="Output format.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes that parse and check big runs [default: min(2, CPUs); 1: no workers].")
@click.option("--no-cache", is_flag=True,
              help="Do not read or write the cache store (.plandsl-cache/ in the project folder).")
def check(paths: tuple[str, ...], fmt: str, jobs: int | None, no_cache: bool) -> None:
    """Check every *.plan spec under PATHS and report problems.

    Exits 1 when any error is found, 0 otherwise.
    """
    import gc

    # The collector's thresholds of a one-shot run are set when the command line is imported (plandsl.cli).
    from plandsl.check.engine import Engine

    if no_cache:
        from plandsl.registry import jurisdictions

        jurisdictions.DISK_CACHE = False
    engine = Engine.open(list(paths), jobs=jobs, cache=not no_cache)
    # One-shot run: move the loaded objects to the collector's permanent generation, so the many
    # objects made by resolve and the rules do not trigger full collections walking the whole set.
    gc.freeze()
    from plandsl.cli.progressbar import CheckProgress

    with CheckProgress() as progress:  # a bar on stderr for long runs on a terminal; nothing when piped
        result = engine.check(progress)
    raise SystemExit(emit_diagnostics(list(result.diagnostics), result.sources, result.files, fmt))
