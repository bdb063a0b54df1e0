"""`plandsl lsp`: the language server, over stdio."""

from __future__ import annotations

import click


@click.command()
def lsp() -> None:
    """Run the plandsl language server on stdin/stdout (for VS Code and other editors).

    Diagnostics as `plandsl check` reports them, hover on targets (the parent's
    value and where it was written), go to definition of parent plans and
    objectives, and completion of keywords, agency names and parent objective ids.
    """
    from plandsl.lsp.server import serve

    serve()
