"""Control characters: find them, strip them from documents, show them safely on a terminal.

Spec strings may hold any character, including ESC and BEL (which a terminal
obeys: ``plandsl render -o -`` could recolour or retitle it), NUL (which XML
and so DOCX cannot hold) and the bidirectional overrides of "Trojan source"
attacks, which make text read differently from what it is. Three helpers:

* :func:`control_chars` finds them (the TX004 rule reports them);
* :func:`strip_controls` removes them from text going into a document (every
  renderer calls :func:`clean` at its boundary);
* :func:`printable` replaces each with one visible character, for terminal
  excerpts, keeping columns aligned for the caret.

Newline and tab are ordinary text and are kept by ``strip_controls``.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab and newline, DEL and the C1 controls, the bidirectional
# embeddings, overrides and isolates, line/paragraph separators, lone surrogates
# and the two non-characters XML refuses.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def control_chars(text: str) -> list[tuple[int, str]]:
    """(index, character) of every control character in ``text`` (tab and newline are not)."""
    return [(mt.start(), mt.group(0)) for mt in CONTROL.finditer(text)]


def describe(ch: str) -> str:
    """'U+001B' with a name when one helps: 'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    import unicodedata

    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and newline kept)."""
    return CONTROL.sub("", text) if CONTROL.search(text) else text


def printable(text: str, keep_newlines: bool = False) -> str:
    """``text`` with every control character (tab and newline too) shown as one visible character.

    C0 controls and DEL become their Control Pictures symbol (ESC -> ␛, NUL -> ␀),
    tab a space, the rest U+FFFD; the length is unchanged so columns stay right.
    ``keep_newlines`` keeps line breaks, for whole reports printed to a terminal.
    """
    if not _TERMINAL.search(text):
        return text
    if keep_newlines:
        return "\n".join(printable(line) for line in text.split("\n"))

    def show(mt: re.Match) -> str:
        ch = mt.group(0)
        code = ord(ch)
        if ch == "\t":
            return " "
        if code < 0x20:
            return chr(0x2400 + code)
        return "\u2421" if code == 0x7F else "\ufffd"

    return _TERMINAL.sub(show, text)


def clean(value: Any) -> Any:
    """``value`` with control characters stripped from every string in it (dicts, lists, tuples).

    The renderers' boundary: the block stream and the document metadata pass
    through here before any Markdown, HTML or DOCX is written.
    """
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean(v) for v in value)
    return value
