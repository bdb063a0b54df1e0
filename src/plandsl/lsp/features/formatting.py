"""Document formatting: the canonical printer (`plandsl fmt`) as one whole-document edit."""

from __future__ import annotations

from lsprotocol import types

from plandsl.language.printer import format_text


def format_document(text: str, path: str) -> list[types.TextEdit] | None:
    """One edit replacing the document with its canonical form; [] when already canonical.

    None when the text has errors (the printer never rewrites a spec it cannot read);
    the diagnostics say why.
    """
    result = format_text(text, path)
    if not result.ok or result.formatted is None:
        return None
    if result.formatted == text:
        return []
    lines = text.split("\n")
    end = types.Position(line=len(lines) - 1, character=_utf16_len(lines[-1]))
    return [types.TextEdit(range=types.Range(types.Position(0, 0), end), new_text=result.formatted)]


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2
