"""The pygls glue: LSP messages in, plandsl.lsp.analysis calls, LSP results out.

Imported only by ``plandsl lsp`` (pygls is never imported at plandsl import time).
"""

from __future__ import annotations

import os

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from plandsl import __version__
from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.lsp.analysis import Project
from plandsl.language.model import Span

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
_KINDS = {"keyword": types.CompletionItemKind.Keyword, "agency": types.CompletionItemKind.Value,
          "objective": types.CompletionItemKind.Reference}


class PlanServer(LanguageServer):
    def __init__(self) -> None:
        from plandsl.lsp.transport import SafeProtocol

        super().__init__("plandsl", __version__, protocol_cls=SafeProtocol)
        self.project = Project()


def _range(span: Span) -> types.Range:
    start = types.Position(max(span.line - 1, 0), max(span.col - 1, 0))
    if span.end_line > span.line or (span.end_line == span.line and span.end_col > span.col):
        end = types.Position(span.end_line - 1, span.end_col - 1)
    else:
        end = types.Position(start.line, start.character + 1)
    return types.Range(start, end)


def to_lsp(d: Diagnostic) -> types.Diagnostic:
    message = d.message + (f"\n{d.hint}" if d.hint else "")
    related = [types.DiagnosticRelatedInformation(types.Location(from_fs_path(r.span.path), _range(r.span)), r.message)
               for r in d.related if r.span is not None]
    return types.Diagnostic(range=_range(d.span), message=message, severity=_SEVERITY[d.severity], code=d.code,
                            source="plandsl", related_information=related or None)


def _path(uri: str) -> str:
    return to_fs_path(uri) or uri


def make_server() -> PlanServer:
    server = PlanServer()

    def publish(ls: PlanServer, uri: str) -> None:
        diags = ls.project.diagnostics(_path(uri))
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[to_lsp(d) for d in diags]))

    def refresh(ls: PlanServer, uri: str) -> None:
        doc = ls.workspace.get_text_document(uri)
        ls.project.set_text(_path(uri), doc.source)
        publish(ls, uri)
        # A parent's change can change its children's diagnostics.
        for other in list(ls.project.open_docs):
            other_uri = from_fs_path(other)
            if other_uri != uri:
                publish(ls, other_uri)

    @server.feature(types.INITIALIZE)
    def initialize(ls: PlanServer, params: types.InitializeParams) -> None:
        # Messages in the client's locale, then PLANDSL_LANG, the configuration, the system locale, Vietnamese.
        from plandsl.core.i18n import resolve_language, set_language

        set_language(resolve_language(params.locale))

    @server.feature(types.INITIALIZED)
    def initialized(ls: PlanServer, params: types.InitializedParams) -> None:
        roots = [to_fs_path(f.uri) for f in (ls.workspace.folders or {}).values()] if ls.workspace.folders else []
        if not roots and ls.workspace.root_path:
            roots = [ls.workspace.root_path]
        ls.project.roots = [r for r in roots if r and os.path.isdir(r)]
        ls.project.scan()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.project.scan()
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.project.close(_path(params.text_document.uri))
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                            diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
        pos = params.position
        text = ls.project.hover(_path(params.text_document.uri), pos.line, pos.character)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: PlanServer, params: types.DefinitionParams) -> types.Location | None:
        pos = params.position
        span = ls.project.definition(_path(params.text_document.uri), pos.line, pos.character)
        if span is None:
            return None
        return types.Location(uri=from_fs_path(span.path), range=_range(span))

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=['"', " "]))
    def completion(ls: PlanServer, params: types.CompletionParams) -> types.CompletionList:
        pos = params.position
        from plandsl.lsp.features.completion import names_for

        source = ls.workspace.get_text_document(params.text_document.uri).source
        lines = source.split("\n")
        found = names_for(lines[pos.line][:pos.character] if pos.line < len(lines) else "",
                          ls.project.parse(_path(params.text_document.uri)).plan, source)
        if found is not None:  # agency or unit names, by the plan's level and date
            kind = types.CompletionItemKind.Value if found[0] == "agency" else types.CompletionItemKind.Module
            return types.CompletionList(is_incomplete=False, items=[
                types.CompletionItem(label=name, kind=kind) for name in found[1]])
        items = ls.project.completions(_path(params.text_document.uri), pos.line, pos.character)
        return types.CompletionList(is_incomplete=False, items=[
            types.CompletionItem(label=label, kind=_KINDS[kind]) for label, kind in items])

    from plandsl.lsp.features.register import register_features

    register_features(server, _path)
    return server


def serve() -> None:
    from plandsl.lsp.transport import serve_stdio

    serve_stdio(make_server())
