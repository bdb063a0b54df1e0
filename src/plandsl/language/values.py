"""Turning the text of a token into a value, shared by the Lark transformer and the fast parser.

The per-parse ``CONTEXT`` collects the diagnostics found while building values (an unknown level,
an impossible date), the comments and the keyword tokens with their keyword set. A token here is
anything with ``value``, ``line``, ``column``, ``end_line`` and ``end_column`` (a Lark token, or the
fast parser's stand-in, built only where a value may need a location).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.language.model import Span


class _Context:
    """Per-parse state shared with the inline transformer."""

    def __init__(self) -> None:
        self.path = "<string>"
        self.diagnostics: list[Diagnostic] = []
        self.comments: list[Any] = []
        self.keyword_langs: list[tuple[str, Any]] = []

    def reset(self, path: str) -> None:
        self.__init__()
        self.path = path


CONTEXT = _Context()


def tok_span(tok: Any) -> Span:
    return Span(CONTEXT.path, tok.line, tok.column, tok.end_line, tok.end_column)


_ESCAPE = re.compile(r"\\(.)", re.S)


def unquote(text: str) -> str:
    """The value of a STRING token's text: quotes removed, ``\\n`` and ``\\t`` read, other escapes dropped."""
    body = text[1:-1]
    if "\\" in body:
        body = _ESCAPE.sub(lambda mt: {"n": "\n", "t": "\t"}.get(mt.group(1), mt.group(1)), body)
    return body


def decimal(text: str) -> Decimal:
    """The value of a NUMBER token's text (``_`` groups digits)."""
    return Decimal(text.replace("_", ""))


def _str(tok: Any) -> str:
    return unquote(tok.value)


def _dec(tok: Any) -> Decimal:
    return decimal(tok.value)


def _report(code: str, message: str, tok: Any, hint: str | None = None, sev=Severity.ERROR) -> None:
    CONTEXT.diagnostics.append(
        Diagnostic(code=code, severity=sev, message=message, span=tok_span(tok), hint=hint, name="parse.value")
    )


def _date(tok: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(tok.value)
    except ValueError:
        _report("PRS121", _("'{value}' is not a real date").format(value=tok.value), tok,
                _("Write dates as YYYY-MM-DD, e.g. 2021-04-19."))
        return None


def _day_month(tok: Any) -> tuple[int, int]:
    """(day, month) of a DAY_MONTH token; PRS122 when no year has that day."""
    day_s, month_s = tok.value.split("/")
    day, month = int(day_s), int(month_s)
    try:
        dt.date(2024, month, day)  # a leap year, so 29/2 is accepted
    except ValueError:
        _report("PRS122", _("'{value}' is not a real day/month").format(value=tok.value), tok,
                _("Write the deadline as day/month, e.g. 10/6."))
    return day, month


# Words planners naturally write, mapped to the spelling the language uses.
_SYNONYMS = {
    "yearly": "annual", "half_yearly": "semiannual", "biannual": "semiannual", "six_monthly": "semiannual",
    "increase": "up", "decrease": "down", "percentage": "percent", "persons": "people", "person": "people",
}


def _enum_word(kind: str, enum_cls: Any, tok: Any) -> Any:
    found = enum_cls.lookup(tok.value)
    if found is None:
        words = [w for e in enum_cls for w in (e.en, e.vi)]
        from plandsl.core.suggest import did_you_mean

        synonym = _SYNONYMS.get(tok.value.lower())
        hint = _("Did you mean '{name}'?").format(name=synonym) if synonym else did_you_mean(tok.value, words)
        # The values are listed in the spec's keyword set (decided by its first keyword), the others in the hint.
        vi = bool(CONTEXT.keyword_langs) and CONTEXT.keyword_langs[0][0] == "VI"
        allowed = ", ".join(e.vi if vi else e.en for e in enum_cls)
        others = ", ".join(e.en if vi else e.vi for e in enum_cls)
        _report(
            "PRS120",
            _("'{value}' is not a known {kind}; use one of: {allowed}").format(value=tok.value, kind=_(kind),
                                                                             allowed=allowed),
            tok,
            hint or (_("English spellings: {words}.") if vi else _("Vietnamese spellings: {words}.")).format(
                words=others),
        )
    return found
