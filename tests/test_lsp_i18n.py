"""The language server speaks the client's locale (a real stdio session)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "specs" / "ctxh-2021-2030"

pytestmark = pytest.mark.skipif(not (SRC / "national.plan").exists(), reason="needs specs/ctxh-2021-2030")

SPEC = """plan lonely_plan {
  level province
  period 2021..2030
  implements no_such_parent
}
"""


async def _diagnostics(folder: Path, locale: str | None) -> list:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    client = LanguageClient("plandsl-test", "1")
    got = asyncio.Event()
    published: list = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published[:] = params.diagnostics
        got.set()

    await client.start_io(sys.executable, "-m", "plandsl", "lsp")
    try:
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=from_fs_path(str(folder)), locale=locale))
        client.initialized(types.InitializedParams())
        uri = from_fs_path(str(folder / "a.plan"))
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plandsl", version=1, text=SPEC)))
        await asyncio.wait_for(got.wait(), 60)
        await client.shutdown_async(None)
        client.exit(None)
        return list(published)
    finally:
        await client.stop()


@pytest.mark.parametrize("locale, words", [("vi", "không tìm thấy kế hoạch cấp trên"),
                                           ("en-US", "unknown parent plan")])
def test_messages_follow_the_client_locale(tmp_path, locale, words):
    (tmp_path / "a.plan").write_text(SPEC, "utf-8")
    diags = asyncio.run(_diagnostics(tmp_path, locale))
    gr = [d for d in diags if d.code == "GR002"]
    assert gr and words in gr[0].message
