"""A real language-server session for the tests: `python -m plandsl lsp` started over stdio with pygls's client."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path


@contextlib.asynccontextmanager
async def lsp_session(folder: Path, child: Path, text: str, locale: str | None = None):
    """Start the server on the workspace ``folder``, open ``child`` with ``text`` and wait for its first
    diagnostics. Yields (client, uri, published, got): ``published`` maps a uri to its last diagnostics, ``got``
    is set on each publication. The session is shut down on leaving the block."""
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    client = LanguageClient("plandsl-test", "1")
    published: dict[str, list] = {}
    got = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published[params.uri] = params.diagnostics
        got.set()

    await client.start_io(sys.executable, "-m", "plandsl", "lsp")
    try:
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=from_fs_path(str(folder)), locale=locale,
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(folder)), name="specs")]))
        client.initialized(types.InitializedParams())
        uri = from_fs_path(str(child))
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plandsl", version=1, text=text)))
        await asyncio.wait_for(got.wait(), 60)
        yield client, uri, published, got
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
