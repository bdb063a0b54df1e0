"""Code actions from the findings' hints.

* a typo with a suggestion ("Did you mean 'X'?", in either language): replace it;
* a dissolved agency (AG011) whose registry entry names a successor: put the successor in;
* a parent objective left out (CV001): adopt it;
* any finding about an objective or a task: record the deviation, `allow CODE on ID "…"`.

The edits are computed from plandsl's own findings (the ones `plandsl check`
gives for the document), matched to the client's diagnostics by code and range.
"""

from __future__ import annotations

import re

from lsprotocol import types

from plandsl.core.diagnostics import Diagnostic
from plandsl.core.i18n import _
from plandsl.language import model as m
from plandsl.language.snippets import snippet

_QUOTED = re.compile(r"'([^']+)'")
_SUGGESTION = re.compile(r"'([^']+)'\?\s*$")
# Findings that are about the spec's text or structure, not a deviation one may record.
_NOT_ALLOWABLE = ("PRS", "CFG", "GR", "DV")


def _pos(line: int, col: int) -> types.Position:
    return types.Position(max(line - 1, 0), max(col - 1, 0))


def _span_range(d: Diagnostic) -> types.Range:
    s = d.span
    end = (_pos(s.end_line, s.end_col) if (s.end_line, s.end_col) > (s.line, s.col)
           else types.Position(s.line - 1, s.col))
    return types.Range(_pos(s.line, s.col), end)


def _text_at(lines: list[str], rng: types.Range) -> str:
    if rng.start.line == rng.end.line:
        line = lines[rng.start.line] if rng.start.line < len(lines) else ""
        return line[rng.start.character:rng.end.character]
    return ""


def _insert_line(plan: m.Plan, lines: list[str], text: str) -> types.TextEdit:
    """An edit adding ``text`` as the plan block's last line (before its closing brace)."""
    start = max(plan.span.line - 1, 0)
    # The plan's closing brace: the first line after its header that starts with '}' (plans are
    # top-level blocks), else the last line holding a '}'.
    close = next((i for i in range(start, len(lines)) if lines[i].startswith("}")), None)
    if close is None:
        close = next((i for i in range(len(lines) - 1, start - 1, -1) if "}" in lines[i]), len(lines) - 1)
    indent = "  "
    return types.TextEdit(range=types.Range(types.Position(close, 0), types.Position(close, 0)),
                          new_text=f"{indent}{text}\n")


def _replace(uri: str, rng: types.Range, old_text: str, old: str, new: str) -> types.WorkspaceEdit | None:
    if old and old in old_text:
        start = old_text.index(old)
        rng = types.Range(types.Position(rng.start.line, rng.start.character + start),
                          types.Position(rng.start.line, rng.start.character + start + len(old)))
    elif old_text.startswith('"') and old_text.endswith('"') and len(old_text) >= 2:
        rng = types.Range(types.Position(rng.start.line, rng.start.character + 1),
                          types.Position(rng.end.line, rng.end.character - 1))
    elif not old_text:
        return None
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=rng, new_text=new)]})


def code_actions(uri: str, text: str, plan: m.Plan | None, findings: list[Diagnostic],
                 wanted: types.Range, only_codes: set[str] | None = None) -> list[types.CodeAction]:
    """Quick fixes for the findings whose range touches ``wanted``."""
    lines = text.split("\n")
    actions: list[types.CodeAction] = []
    seen: set[tuple[str, str]] = set()

    def add(title: str, edit: types.WorkspaceEdit | None, lsp_diag: types.Diagnostic, preferred: bool = False):
        if edit is None or (title, lsp_diag.code) in seen:
            return
        seen.add((title, str(lsp_diag.code)))
        actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diag],
                                        edit=edit, is_preferred=preferred or None))

    for d in findings:
        if d.span is None or (only_codes is not None and d.code not in only_codes):
            continue
        rng = _span_range(d)
        if rng.end.line < wanted.start.line or rng.start.line > wanted.end.line:
            continue
        lsp_diag = types.Diagnostic(range=rng, message=d.message, code=d.code, source="plandsl")
        old_text = _text_at(lines, rng)
        quoted = _QUOTED.findall(d.message)
        old = quoted[0] if quoted else ""
        suggestion = _SUGGESTION.search(d.hint or "")
        if suggestion and d.code != "AG011":
            new = suggestion.group(1)
            add(_("Replace '{old}' with '{new}'").format(old=old or old_text, new=new),
                _replace(uri, rng, old_text, old, new), lsp_diag, preferred=True)
        if d.code == "AG011" and d.hint:
            names = [n for n in _QUOTED.findall(d.hint) if n != old]
            if names:
                add(_("Replace '{old}' with its successor '{new}'").format(old=old, new=names[0]),
                    _replace(uri, rng, old_text, old, names[0]), lsp_diag, preferred=True)
        if plan is None:
            continue
        if d.code == "CV001" and d.subject:
            line = snippet("adopt {id}", plan.lang, id=d.subject)
            add(_("Adopt the parent objective '{id}'").format(id=d.subject),
                types.WorkspaceEdit(changes={uri: [_insert_line(plan, lines, line)]}), lsp_diag, preferred=True)
        if d.subject and not d.code.startswith(_NOT_ALLOWABLE):
            line = snippet('allow {code} on {id} "…"', plan.lang, code=d.code, id=d.subject)
            add(_("Record the deviation: {line}").format(line=line),
                types.WorkspaceEdit(changes={uri: [_insert_line(plan, lines, line)]}), lsp_diag)
    return actions
