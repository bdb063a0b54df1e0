"""A document as the readers hand it to the extractors: cleaned lines, each with where it came from.

Every reader (text, DOCX, PDF, OCR) produces raw lines in reading order; ``assemble``
cleans them (NFC, spaces, Markdown emphasis and headings, footnote marks) and joins a
sentence that a hard wrap or a page break split ("… cộng" / "tác viên …").
"""

from __future__ import annotations

import re
import unicodedata

from attrs import define, field, frozen


@frozen
class Line:
    text: str
    where: str  # "line 46", "page 2, line 5", "paragraph 12": shown in review comments
    no: int  # position in the document, 0-based
    ocr: bool = False


@define
class Document:
    path: str
    lines: list[Line]
    source: str  # "text", "docx", "pdf", "ocr"
    notes: list[str] = field(factory=list)  # what the reader did: conversions, repairs, OCR


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_FOOTNOTE = re.compile(r"<sup>\s*\d+\s*</sup>|\[\^\d+\]")
_TAG = re.compile(r"</?(?:b|i|u|strong|em|br|p|span)\b[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u202f\u3000]+")
_ITEM = re.compile(r"^[a-zđ]\)\s")
_END = re.compile(r"[.:!?…)\]”\"/]$")


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufeff", "").replace("\u00ad", "")
    text = _SPACES.sub(" ", text).strip()
    text = _MD_HEADING.sub("", text)
    text = _FOOTNOTE.sub("", text)
    text = _TAG.sub("", text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _is_continuation(prev: str, cur: str) -> bool:
    """Whether ``cur`` continues the sentence of ``prev`` (a hard wrap), not a new paragraph."""
    if not prev or not cur or _END.search(prev):
        return False
    first = cur[0]
    if _ITEM.match(cur):
        return False  # "a) …", "đ) …": a new item
    if not first.isalpha() or not first.islower():
        return False
    if prev.isupper() and not cur.isupper():
        return False  # an upper-case heading followed by running text
    return True


def assemble(raw: list[tuple[str, str]], *, ocr: bool = False) -> list[Line]:
    """(text, where) pairs to cleaned lines: blank lines dropped, wrapped sentences joined."""
    out: list[Line] = []
    for text, where in raw:
        text = clean(text)
        if not text:
            continue
        if out and _is_continuation(out[-1].text, text):
            last = out[-1]
            out[-1] = Line(f"{last.text} {text}", last.where, last.no, last.ocr)
            continue
        out.append(Line(text, where, len(out), ocr))
    return out
