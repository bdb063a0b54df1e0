"""Registers formatting, outline and code actions on the server (kept out of server.py)."""

from __future__ import annotations

from typing import Callable

from lsprotocol import types


def register_features(server, to_path: Callable[[str], str]) -> None:
    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        from plandsl.lsp.features.formatting import format_document

        doc = ls.workspace.get_text_document(params.text_document.uri)
        return format_document(doc.source, to_path(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def outline(ls, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        from plandsl.lsp.features.outline import document_symbols

        return document_symbols(ls.project.parse(to_path(params.text_document.uri)).plan)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls, params: types.CodeActionParams) -> list[types.CodeAction]:
        from plandsl.lsp.features.actions import code_actions

        uri = params.text_document.uri
        path = to_path(uri)
        source = ls.workspace.get_text_document(uri).source
        codes = {str(d.code) for d in params.context.diagnostics if d.code} or None
        return code_actions(uri, source, ls.project.parse(path).plan, ls.project.diagnostics(path), params.range,
                            codes)
