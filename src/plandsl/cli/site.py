"""`plandsl site [PATHS] -o DIR [--force] [--lang vi|en]`"""

from __future__ import annotations

import click


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="The folder to write the site into (must be empty unless --force).")
@click.option("--force", is_flag=True, help="Write into a non-empty folder, replacing files of the same name.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of the pages (default: vi).")
@click.option("--no-downloads", is_flag=True, help="Do not render the DOCX/HTML/MD documents of each plan.")
def site(paths: tuple[str, ...], output: str, force: bool, lang: str | None, no_downloads: bool) -> None:
    """Write the tree, plan pages and ministry matrices of the specs under PATHS (default: specs/)
    as static HTML into OUTPUT, for an intranet or a shared drive: no server needed, relative links only.

    \b
    Example:
      plandsl site specs/ -o public/
    """
    import os

    from plandsl.web.site import SiteError, build_site
    from plandsl.web.strings import default_language, pick_language

    roots = list(paths) or ["specs"]
    missing = [p for p in roots if not os.path.exists(p)]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    try:
        count = build_site(roots, output, lang=pick_language(lang or default_language()), force=force,
                           downloads=not no_downloads)
    except SiteError as exc:
        click.echo(f"plandsl: {exc}", err=True)
        raise SystemExit(2) from None
    except OSError as exc:
        click.echo(f"plandsl: cannot write {output}: {exc.strerror or exc}", err=True)
        raise SystemExit(1) from None
    click.echo(f"wrote {count} files to {output}; open {os.path.join(output, 'index.html')}")
