"""TX002: UTF-8 text that was read as Windows-1252 ("mojibake"), in any string of a plan.

The other text rules (TX001, TX003) are in :mod:`plandsl.rules.text`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _
from plandsl.rules.base import Rule, register
from plandsl.rules.strings import locate, plan_strings

_MOJIBAKE_HINT = re.compile(r"[ÃÂÄÅÆáâäåæèéêëìíîïðñòóôõöøùúûüýþÿ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
                            r"\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                            r"\u2039\u203a\u20ac\u2122]")


def _cp1252_bytes(s: str) -> bytes | None:
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                out.append(ord(ch))  # bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d)
            else:
                return None
    return bytes(out)


@lru_cache(maxsize=1 << 16)
def repair_mojibake(text: str) -> str | None:
    """The text with UTF-8-read-as-cp1252 runs repaired, or None when there are none."""
    if not _MOJIBAKE_HINT.search(text):
        return None  # no word can hold a hint, so none is repaired

    def fix(mt: re.Match) -> str:
        chunk = mt.group(0)
        if not _MOJIBAKE_HINT.search(chunk):
            return chunk
        data = _cp1252_bytes(chunk)
        if data is None:
            return chunk
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return chunk

    repaired = re.sub(r"\S+", fix, text)
    return repaired if repaired != text else None


@register
class Mojibake(Rule):
    """A text is UTF-8 that was read as Windows-1252 ("mojibake").

    Anti-pattern: "Viá»‡t Nam", "Ä‘á» xuáº¥t" pasted from a web page or a CSV
    opened with the wrong encoding.

    Best practice: paste the text again from a UTF-8 source, or use the
    repaired text given in the hint.
    """

    code = "TX002"
    name = "text.mojibake"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for text, span, subject in plan_strings(rp.plan):
            repaired = repair_mojibake(text)
            if repaired is None:
                continue
            first = next(m.group(0) for m in re.finditer(r"\S+", text) if repair_mojibake(m.group(0)))
            shown = repaired if len(repaired) <= 120 else repaired[:117] + "..."
            yield self.diag(locate(ctx, span, re.escape(first)),
                            _("the text is UTF-8 read as Windows-1252 ('{text}' reads '{repaired}')").format(
                                text=first, repaired=repair_mojibake(first)),
                            _("Did you mean '{name}'?").format(name=shown), subject=subject)
