"""Syntax errors in plain words: location, what was expected, a 'did you mean'."""

from __future__ import annotations

import re
from typing import Callable

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import N_, _
from plandsl.language.model import Span


_FRIENDLY = {
    "NAME": N_("a name (like staff_trained)"),
    "STRING": N_('a quoted text ("...")'),
    "DATE": N_("a date (YYYY-MM-DD)"),
    "YEAR": N_("a year (like 2025)"),
    "NUMBER": N_("a number"),
    "DAY_MONTH": N_("a day/month (like 10/6)"),
    "PERCENT": "'%'",
    "SIGN": N_("'+' or '-'"),
    "CMP_GE": "'>='",
    "CMP_LE": "'<='",
    "CMP_EQ": "'='",
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "COMMA": "','",
    "__ANON_0": "'..'",
    "$END": N_("the end of the file"),
}


def _expected_words(expected: set[str], lang: str, literal: Callable[[str], str | None]) -> list[str]:
    words = []
    suffix = "_VI" if lang == "vi" else "_EN"
    for name in sorted(expected):
        if name.startswith("KW_"):
            if name.endswith(suffix):
                words.append(f"'{literal(name)}'")
        elif name in _FRIENDLY:
            words.append(_(_FRIENDLY[name]))
        else:
            spelt = literal(name)
            words.append(f"'{spelt}'" if spelt is not None else name)
    return sorted(set(words))


def _guess_lang(text: str) -> str:
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return "vi" if stripped.startswith("kế_hoạch") else "en"
    return "en"


def syntax_diagnostic(exc: UnexpectedInput, path: str, text: str,
                      keyword_spelling: Callable[[str], str | None]) -> Diagnostic:
    """The PRS diagnostic for a Lark error. ``keyword_spelling`` maps a terminal
    name (``KW_PHASE_VI``, ``LBRACE``) to its literal spelling (None for a pattern), for the \"did you mean\" hint."""
    lang = _guess_lang(text)
    expected = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    if isinstance(exc, UnexpectedToken):
        expected = set(exc.accepts or exc.expected)
    words = _expected_words(expected, lang, keyword_spelling)
    line = getattr(exc, "line", 1) or 1
    col = getattr(exc, "column", 1) or 1
    hint = None
    if isinstance(exc, UnexpectedToken) and exc.token.type == "$END":
        code, what = "PRS102", _("the file ends too early")
        lines = text.split("\n")
        line = len(lines)
        col = len(lines[-1]) + 1
        if "RBRACE" in expected:
            hint = _("A block is not closed: add the missing '}}'.").format()
        width = 1
    elif isinstance(exc, UnexpectedToken):
        tok = exc.token
        code = "PRS100"
        shown = tok.value if len(tok.value) <= 40 else tok.value[:37] + "..."
        what = _("unexpected {kind} '{text}'").format(kind=_(_describe(tok)), text=shown)
        width = max(1, len(tok.value.split("\n")[0]))
        hint = _keyword_hint(tok.value, expected, keyword_spelling)
    else:
        code = "PRS101"
        ch = text.split("\n")[line - 1][col - 1 : col] if line - 1 < len(text.split("\n")) else ""
        what = _("unexpected character '{char}'").format(char=ch)
        width = 1
        if ch in "“”":
            hint = _('Use straight quotes (") around texts, not curly ones.')
        elif isinstance(exc, UnexpectedCharacters):
            word = re.match(r"\w+", text.split("\n")[line - 1][col - 1 :])
            if word:
                hint = _keyword_hint(word.group(0), expected, keyword_spelling)
    message = what
    if words:
        shown_words = words if len(words) <= 30 else words[:30] + ["..."]
        message += (_("; expected {what}").format(what=shown_words[0]) if len(shown_words) == 1
                    else _("; expected one of: {what}").format(what=", ".join(shown_words)))
    return Diagnostic(code, Severity.ERROR, message, Span(path, line, col, line, col + width), hint=hint,
                      name="parse.syntax")


def _describe(tok: Token) -> str:
    kind = tok.type
    if kind.startswith("KW_"):
        return N_("keyword")
    return {"NAME": N_("word"), "STRING": N_("text"), "NUMBER": N_("number"), "YEAR": N_("year"),
            "DATE": N_("date")}.get(kind, N_("symbol"))


def _keyword_hint(word: str, expected: set[str], keyword_spelling: Callable[[str], str | None]) -> str | None:
    from plandsl.core.suggest import did_you_mean

    candidates = [keyword_spelling(n) for n in expected if n.startswith("KW_")]
    return did_you_mean(word, candidates)
