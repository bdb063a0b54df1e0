"""Turning raw spec bytes into clean text: UTF-8, no BOM, LF, NFC.

Nothing here raises: problems become diagnostics, and a file that cannot be
decoded yields ``None`` text so that nothing downstream pretends it parsed.
"""

from __future__ import annotations

import codecs
import unicodedata

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.fsutil import os_reason
from plandsl.core.i18n import N_, _
from plandsl.core.limits import human, max_file_size, read_limited
from plandsl.core.records import frozen
from plandsl.language.model import Span

BOM = "\ufeff"


@frozen
class Source:
    path: str
    text: str | None
    diagnostics: tuple[Diagnostic, ...] = ()


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    col = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, col


def _guess_legacy(data: bytes) -> str | None:
    """Name the legacy Vietnamese encoding the bytes probably use."""
    for enc, label in (("cp1258", N_("Windows-1258 (Vietnamese)")), ("cp1252", "Windows-1252")):
        try:
            data.decode(enc)
        except UnicodeDecodeError:
            continue
        return label
    return None


# Byte order marks of the encodings a spec must not be in (UTF-32 first: its LE mark starts like UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes carry that byte order mark, or look like UTF-16 without one."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:2000]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):  # every other byte NUL: UTF-16 text
        return "UTF-16"
    return None


def too_large(path: str, size: int, data: bytes = b"") -> Diagnostic:
    """PRS006: the file is over the ``max_file_size`` limit (it is not parsed)."""
    limit = max_file_size()
    return Diagnostic(
        code="PRS006",
        severity=Severity.ERROR,
        message=_("the file is {size}, over the limit of {limit} for a spec; it was not read").format(
            size=human(size), limit=human(limit)),
        span=Span(path, 1, 1, 1, 1),
        hint=_("Split the plan into several specs, or raise the limit with `max_file_size = \"20 MB\"` in "
               "plandsl.toml (or [tool.plandsl] in pyproject.toml)."),
        name="parse.size",
    )


def decode(data: bytes, path: str, size: int | None = None) -> Source:
    """Decode spec bytes. Reports non-UTF-8 input as an error; fixes BOM, CRLF, NFC.

    Bytes over the ``max_file_size`` limit (``size``: the file's real size when
    only its beginning was read) give PRS006 and no text.
    """
    diags: list[Diagnostic] = []
    if len(data) > max_file_size():
        return Source(path, None, (too_large(path, max(size or 0, len(data))),))
    wide = _wide_encoding(data)
    if wide is not None:
        return Source(path, None, (Diagnostic(
            code="PRS002",
            severity=Severity.ERROR,
            message=_("the file is {encoding}, not UTF-8").format(encoding=wide),
            span=Span(path, 1, 1, 1, 1),
            hint=_("Save the file as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)."),
            name="parse.encoding",
        ),))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        bad = data[exc.start : exc.start + 1].hex()
        legacy = _guess_legacy(data)
        hint = _("Save the file as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8).")
        if legacy:
            hint = _("The file looks like {encoding}.").format(encoding=_(legacy)) + " " + hint
        diags.append(
            Diagnostic(
                code="PRS002",
                severity=Severity.ERROR,
                message=_("the file is not valid UTF-8 (byte 0x{byte} cannot be read)").format(byte=bad),
                span=Span(path, line, col, line, col + 1),
                hint=hint,
                name="parse.encoding",
            )
        )
        return Source(path, None, tuple(diags))
    if text.startswith(BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        line, col = _first_non_nfc(text)
        diags.append(
            Diagnostic(
                code="PRS004",
                severity=Severity.WARNING,
                message=_("the text is not in Unicode NFC form (decomposed accents); it was normalised"),
                span=Span(path, line, col, line, col + 1),
                hint=_("Run `plandsl fmt` to save the file in NFC form."),
                name="parse.nfc",
            )
        )
        text = unicodedata.normalize("NFC", text)
    return Source(path, text, tuple(diags))


def _first_non_nfc(text: str) -> tuple[int, int]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not unicodedata.is_normalized("NFC", line):
            for col in range(len(line)):
                # The first character whose NFC form differs when joined with what follows.
                chunk = line[col : col + 2]
                if not unicodedata.is_normalized("NFC", chunk):
                    return lineno, col + 1
            return lineno, 1
    return 1, 1


def read_source(path: str) -> Source:
    """Read and decode a spec file; an unreadable file becomes a diagnostic."""
    try:
        data, size = read_limited(path)
    except OSError as exc:
        return Source(
            path,
            None,
            (
                Diagnostic(
                    code="PRS001",
                    severity=Severity.ERROR,
                    message=_("cannot read the file: {reason}").format(reason=os_reason(exc)),
                    span=Span(path, 1, 1, 1, 1),
                    name="parse.io",
                ),
            ),
        )
    return decode(data, path, size)
