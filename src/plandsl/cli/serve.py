"""`plandsl serve [PATHS] [--host H] [--port P] [--edit] [--token T] [--no-open]`"""

from __future__ import annotations

import click

from plandsl.core.fsutil import os_reason
from plandsl.core.i18n import _


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any address other than this machine's needs a token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--edit", is_flag=True, help="Allow editing specs in the browser (otherwise read-only).")
@click.option("--token", default=None, help="Access token required on every request (generated when the "
              "address is not local and none is given).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None,
              help="Default page language (default: the CLI's message language; ?lang= overrides per page).")
@click.option("--no-open", is_flag=True, help="Do not open the browser.")
def serve(paths: tuple[str, ...], host: str, port: int, edit: bool, token: str | None, lang: str | None,
          no_open: bool) -> None:
    """Serve the specs under PATHS (default: specs/) as a web workspace: the inheritance tree,
    plan pages, ministry matrices and, with --edit, an editor with live checks.

    \b
    Examples:
      plandsl serve specs/
      plandsl serve specs/ --edit
      plandsl serve specs/ --host 0.0.0.0 --token s3cret --no-open
    """

    from plandsl.web import security

    roots = list(paths) or ["specs"]
    from plandsl.cli.common import refuse_missing_paths

    refuse_missing_paths(roots)
    local = security.is_loopback(host)
    if not local and not token:
        token = security.new_secret()
        click.echo("plandsl: " + _("{host} is reachable from other machines; access token: {token}").format(
            host=host, token=token), err=True)
    try:
        import uvicorn

        from plandsl.web.app import create_app
    except ImportError as exc:  # pragma: no cover: part of the normal install
        raise click.ClickException(_("the web server needs {name}; reinstall plandsl").format(name=exc.name)) from None
    allowed = sorted(security.LOOPBACK) if local else None
    app = create_app(roots, edit=edit, token=token, allowed_hosts=allowed, lang=lang)
    # Load and check the specs before listening, so that the first page is fast.
    click.echo("plandsl serve: " + _("checking {paths} …").format(paths=", ".join(roots)), err=True)
    app.state.workspace.snapshot(app.state.settings.default_lang)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/" + (f"?token={token}" if token else "")
    mode = _("edit") if edit else _("read-only")
    click.echo("plandsl serve: " + _("{url} ({mode}; Ctrl+C to stop)").format(url=url, mode=mode))
    if not no_open:
        import threading
        import webbrowser

        threading.Timer(0.5, lambda: webbrowser.open(url)).start()
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as exc:
        raise click.ClickException(_("cannot listen on {host}:{port}: {error}").format(
            host=host, port=port, error=os_reason(exc))) from None
