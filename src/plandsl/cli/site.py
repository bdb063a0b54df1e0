"""`plandsl site [PATHS] -o DIR [--force] [--lang vi|en]`"""

from __future__ import annotations

import click

from plandsl.core.fsutil import os_reason
from plandsl.core.i18n import _


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
    from plandsl.cli.common import refuse_missing_paths

    refuse_missing_paths(roots)
    try:
        count = build_site(roots, output, lang=pick_language(lang or default_language()), force=force,
                           downloads=not no_downloads)
    except SiteError as exc:
        from plandsl.cli.common import _fail

        _fail(str(exc))  # exit 1, as every command's "exists, use --force"
    except OSError as exc:
        from plandsl.cli.common import _fail

        _fail(_("cannot write {path}: {error}").format(path=output, error=os_reason(exc)))
    click.echo(_("wrote {n} files to {folder}; open {index}").format(n=count, folder=output,
                                                                   index=os.path.join(output, "index.html")))
