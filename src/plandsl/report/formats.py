"""Show diagnostics: text with a caret under the source, or JSON."""

from __future__ import annotations

from plandsl.core.i18n import N_, _, ngettext
import json
from typing import Iterable, Mapping

from plandsl.core.diagnostics import Diagnostic, Severity, sort_diagnostics
from plandsl.core.safetext import printable

_COLOURS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_DIM, _BOLD, _RESET = "\x1b[2m", "\x1b[1m", "\x1b[0m"


_EXCERPT = 160  # characters of a source line shown under a diagnostic; longer lines show a window


def _source_line(sources: Mapping[str, str], path: str, line: int) -> str | None:
    text = sources.get(path)
    if text is None:
        return _line_from_disk(path, line)
    start = 0
    for _n in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _line_from_disk(path: str, line: int) -> str | None:
    """One line of a file that was not parsed (not UTF-8, too large): read lazily, never whole.

    A line holding NUL bytes (UTF-16, binary) is not shown at all.
    """
    from plandsl.core.limits import max_file_size

    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            read = 0
            for n, src in enumerate(fh, start=1):
                if n == line:
                    src = src[: _EXCERPT * 4].rstrip("\r\n")
                    return None if "\x00" in src else src
                read += len(src)
                if read > max_file_size():
                    return None
    except (OSError, ValueError):
        return None
    return None


def _caret_block(sources: Mapping[str, str], span, colour: bool, style: str) -> list[str]:
    src = _source_line(sources, span.path, span.line)
    if src is None:
        return []
    col = max(1, span.col)
    if len(src) > _EXCERPT:  # a window around the column: a 1 MB line prints one screen line
        first = max(0, min(col - 1 - _EXCERPT // 2, len(src) - _EXCERPT))
        src = ("…" if first else "") + src[first : first + _EXCERPT] + ("…" if first + _EXCERPT < len(src) else "")
        col = col - first + (1 if first else 0)
    src = printable(src)  # never send a spec's control characters to the terminal
    gutter = f"{span.line:>5} | "
    width = span.end_col - span.col if span.end_line == span.line and span.end_col > span.col else 1
    width = max(1, min(width, max(1, len(src) - col + 1)))
    caret = " " * (len(gutter) - 2) + "| " + " " * (col - 1) + "^" + "~" * (width - 1)
    if colour:
        caret = caret[: len(gutter)] + style + caret[len(gutter) :] + _RESET
    return [gutter + src, caret]


# The severity as the text output prints it (JSON and SARIF keep the English label).
_SEVERITY_WORDS = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}


def severity_word(severity: Severity) -> str:
    """The severity in the language of messages ("lỗi", "cảnh báo", "lưu ý")."""
    return _(_SEVERITY_WORDS[severity])


def format_text(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str], colour: bool = False) -> str:
    out: list[str] = []
    hint_word = _("hint")
    for d in sort_diagnostics(diagnostics):
        style = _COLOURS[d.severity] if colour else ""
        where = str(d.span) if d.span else "plandsl"
        sev = f"{style}{_(_SEVERITY_WORDS[d.severity])}{_RESET if colour else ''}"
        out.append(f"{_BOLD if colour else ''}{printable(where)}{_RESET if colour else ''}: {sev} {d.code}: "
                   f"{printable(d.message)}")
        if d.span:
            out.extend(_caret_block(sources, d.span, colour, style))
        if d.hint:
            out.append(f"      = {hint_word}: {printable(d.hint)}")
        for rel in d.related:
            out.append(f"      = {printable(str(rel.span))}: {printable(rel.message)}")
            out.extend("  " + line for line in _caret_block(sources, rel.span, colour, _DIM))
        out.append("")
    return "\n".join(out)


def summary(diagnostics: Iterable[Diagnostic], files: int) -> str:
    diags = list(diagnostics)
    counts = {s: sum(1 for d in diags if d.severity is s) for s in Severity}
    return ngettext("{files} spec checked: {errors} error(s), {warnings} warning(s), {notes} note(s)",
                    "{files} specs checked: {errors} error(s), {warnings} warning(s), {notes} note(s)", files).format(
        files=files, errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], notes=counts[Severity.INFO])


def diagnostic_dict(d: Diagnostic) -> dict:
    def span(s):
        return None if s is None else {"path": s.path, "line": s.line, "col": s.col,
                                        "end_line": s.end_line, "end_col": s.end_col}

    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "hint": d.hint,
        "span": span(d.span),
        "related": [{"message": r.message, "span": span(r.span)} for r in d.related],
    }


def format_json(diagnostics: Iterable[Diagnostic], files: int) -> str:
    diags = sort_diagnostics(diagnostics)
    doc = {
        "version": 1,
        "files": files,
        "summary": {s.label: sum(1 for d in diags if d.severity is s) for s in Severity},
        "diagnostics": [diagnostic_dict(d) for d in diags],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)
