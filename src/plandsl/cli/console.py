"""The console's encoding: Vietnamese text on a console that is not UTF-8.

Government PCs often run Windows consoles in code page 1258 (Vietnamese) or
1252. Printing "chỉ tiêu" there raises UnicodeEncodeError. :func:`configure`
gives stdout and stderr an error handler that writes each character the code
page lacks in the nearest form it has: for cp1258 the letter with its shape
(ô, ơ, ư, ă, â, ê) followed by the combining tone mark, which cp1258 shows as
the same letter; else the letter without accents; else '?'.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata

HANDLER = "plandsl-console"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook above, dot below


def _with_separate_tone(ch: str) -> str:
    """'ố' -> 'ô' + U+0301: the shaped letter precomposed, the tone mark combining (cp1258's way)."""
    decomposed = unicodedata.normalize("NFD", ch)
    tones = "".join(c for c in decomposed if c in _TONES)
    rest = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return rest + tones


def _without_accents(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def replacement(text: str, encoding: str) -> str:
    """``text`` in characters ``encoding`` has (see the module docstring)."""
    out = []
    for ch in text:
        for candidate in (ch, _with_separate_tone(ch), _without_accents(ch), "?"):
            try:
                candidate.encode(encoding)
            except (UnicodeEncodeError, LookupError):
                continue
            out.append(candidate)
            break
        else:
            out.append("?")
    return "".join(out)


def handler_for(encoding: str) -> str:
    """The name of an error handler for ``encoding`` (charmap codecs do not say which code page failed)."""
    name = f"{HANDLER}-{codecs.lookup(encoding).name}"

    def fallback(exc: UnicodeError):
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        return replacement(exc.object[exc.start:exc.end], encoding), exc.end

    codecs.register_error(name, fallback)
    return name


def configure(streams=None) -> None:
    """Let stdout and stderr print any text on a console whose code page is not UTF-8."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if not encoding or encoding.startswith("utf"):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors=handler_for(stream.encoding))
            except (ValueError, OSError, LookupError):  # a detached or closed stream: leave it
                pass
