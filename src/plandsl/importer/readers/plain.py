"""Plain text and Markdown (.txt, .md): the same decoding `check` does, then legacy encodings."""

from __future__ import annotations

from plandsl.importer.document import Document, assemble, pipe_row
from plandsl.core.i18n import _
from plandsl.importer import gazette, gazette_tasks
from plandsl.importer.errors import ImportFailure
from plandsl.importer.readers import legacy
from plandsl.language.source import decode


def decode_text(data: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (as `check` reads specs), else UTF-16 with a BOM, else the legacy
    Vietnamese encodings (TCVN3, VNI, Windows-1258), each conversion noted."""
    notes: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:4096]:
            raise ImportFailure(_("{path}: this is not a text file (it holds binary data)").format(path=path),
                                _("Give a .docx, .doc, .pdf, .txt or .md file, or a scanned page (.png, .jpg, .tif)."))
        source = decode(data, path)
        if source.text is not None:
            text = source.text
        else:
            notes.append(_("{problem}; read as a legacy Vietnamese encoding").format(
                problem=source.diagnostics[0].message))
            text = data.decode("cp1252", errors="replace")
            converted, name = legacy.convert_whole(text)
            if name is None:
                text = data.decode("cp1258", errors="replace")
                name = "Windows-1258"
            else:
                text = converted
            notes.append(_("the whole file was converted from {encoding} to Unicode").format(encoding=name))
            return _nfc(text), notes
    converted, name = legacy.convert_whole(text)
    if name:
        notes.append(_("the whole file was converted from {encoding} to Unicode").format(encoding=name))
    return _nfc(converted), notes


def _nfc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_text(path: str, data: bytes) -> Document:
    text, notes = decode_text(data, path)
    return text_document(path, text, notes)


def text_document(path: str, text: str, notes: list[str]) -> Document:
    """Decoded text as a document: its lines, without an official gazette copy's page furniture (noted)."""
    where = _("line {n}")
    raw = [(line, where.format(n=n)) for n, line in enumerate(text.split("\n"), start=1)]
    raw, running = gazette.drop_furniture(raw)
    unsure: list[tuple[str, str, str]] = []
    raw = gazette_tasks.rebuild(raw, pipe_row, unsure)  # a task table one cell a line, its cells wrapped narrow
    if running is not None:
        notes.append(_("a copy of the official gazette: its page headers ('{header}'), page numbers, signature note "
                       "and the stamp's stray characters are left out").format(header=running))
    for number, line, where in unsure:
        notes.append(_("the task table's row {number} runs over a page: '{line}' ({where}) may end the task's name "
                       "or begin the next cell's part; it is left out of both").format(number=number, line=line,
                                                                                        where=where))
    return Document(path, assemble(raw, web=True, gazette=running is not None), "text", notes)
